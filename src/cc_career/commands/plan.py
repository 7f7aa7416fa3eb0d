"""`cc-career plan`: answers (asked, replayed or both) → career-plan.md, career-plan.html and
cc-career-answers.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cc_career.commands.common import Lines, Result, show_notice, tell
from cc_career.context import LANGS, Run, program, resolve_lang
from cc_career.core.models.answers import Answers
from cc_career.core.models.catalog import Catalog
from cc_career.errors import InputError, UsageError
from cc_career.files import yamlio
from cc_career.files.load import (
    check_answers,
    dump_answers,
    load_catalog,
    only_missing,
    read_answers,
    sniff_language,
)
from cc_career.files.writers import would_change, write_all
from cc_career.render.html import PLAN_HTML, render_plan_html
from cc_career.render.i18n import t
from cc_career.render.plan_json import PLAN_JSON, render_plan_json
from cc_career.render.plan_md import render_plan

if TYPE_CHECKING:
    from rich.console import Console

    from cc_career.questionnaire.prompts import Asker

PLAN_NAME = "career-plan.md"
ANSWERS_NAME = "cc-career-answers.yaml"


def run(
    *,
    answers_path: Path | None,
    no_input: bool,
    out: Path,
    force: bool,
    lang: str | None,
    data_dir: Path | None,
    today: dt.date | None = None,
) -> Result | None:
    """The whole command. `today` is the run's date (the tests freeze it)."""
    run = Run(lang_option=lang, data_dir=data_dir, today=today or dt.date.today())
    catalog = load_catalog(run.data_dir)
    console = Lines() if no_input else _rich_console()
    asker = None
    if answers_path is not None:
        document = read_answers(answers_path)
        show_notice(document.path, document.notice, resolve_lang(lang, hint=_file_language(document)))
        try:
            answers = check_answers(document, catalog)
        except InputError as error:
            if no_input or not only_missing(error) or not run.terminal:
                raise
            console.print(t("prompt.missing_in_file", run.lang(hint=error.lang_hint),
                            path=answers_path), style="yellow", markup=False)
            asker = _ask(catalog, console, out, lang, dict(document.data), settle_optional=True)
            answers = check_answers(document, catalog, asker.answers)
    else:
        if no_input:
            raise UsageError("prompt.needs_answers")
        from cc_career.questionnaire.prompts import check_draft, confirm, load_draft, require_terminal

        require_terminal()
        draft = load_draft(out)
        if not draft and _review_instead(out, lang, data_dir, today):
            return
        prefill: dict[str, Any] = {}
        asked: list[str] = []
        if draft:
            drafted = draft[0].get("language")
            speak = resolve_lang(lang, hint=drafted if drafted in LANGS else None)
            if confirm(t("prompt.resume", speak, path=out / ".cc-career-draft.yaml"), default=True,
                       lang=speak):
                prefill, asked = draft
                prefill, dropped = check_draft(prefill)
                if dropped:  # asked again, rather than refused after the last question
                    console.print(t("safety.draft_dropped", speak, fields=", ".join(dropped)),
                                  style="yellow", markup=False)
                    asked = [a for a in asked if not any(a.startswith(d) for d in dropped)]
        asker = _ask(catalog, console, out, lang, prefill, asked=asked)
        answers = _checked(asker, out)
    if answers.today is None:  # stored, so replaying the saved file gives the very same plan
        answers = answers.model_copy(update={"today": run.today})
    shown = run.lang(answers)
    _LANG["lang"] = shown
    plan = run.plan(answers, catalog)
    files = {PLAN_NAME: render_plan(plan, catalog, shown), PLAN_HTML: render_plan_html(plan, catalog, shown),
             PLAN_JSON: render_plan_json(plan, catalog, shown),
             ANSWERS_NAME: dump_answers(answers)}
    if asker is not None:
        from cc_career.questionnaire.prompts import drop_draft

        force = force or _may_overwrite(out, files, shown, asker)
        written = write_all(out, files, force=force)
        drop_draft(out)
    else:
        if not no_input and not force and run.terminal:  # a person is there: ask, as promised
            force = _may_overwrite(out, files, shown, None)
        written = write_all(out, files, force=force)
    result = Result(shown)
    result.add_files(out, files, written)
    _summary(result, plan, shown)
    return tell(result, console)


def _review_instead(out: Path, lang: str | None, data_dir: Path | None, today: dt.date) -> bool:
    """In a folder that already holds a plan, offer the check-in instead of starting over (a
    new plan from question 1 would forget what was done). True when the review ran."""
    from cc_career.commands import review
    from cc_career.questionnaire.prompts import confirm

    if not review.holds_a_plan(out):
        return False
    speak = resolve_lang(lang, hint=sniff_language(out / ANSWERS_NAME))
    if not confirm(t("review.offer", speak, path=out, command=program()), default=True, lang=speak):
        _LANG["lang"] = speak
        _rich_console().print(t("review.afresh", speak, command=program()), markup=False)
        return False
    review.run(out=out, answers_path=None, plan_path=None, progress_path=None, no_input=False, lang=lang,
               data_dir=data_dir, today=today)
    return True


def _file_language(document: yamlio.Document) -> str:
    data = document.data
    language = data.get("language") if isinstance(data, dict) else None
    return language if language in ("ja", "en") else "ja"


def _checked(asker: Asker, out: Path) -> Answers:
    """The questionnaire's answers as the model; should they still not fit (a resumed draft of
    another version), they are kept as a draft and the fault is named, never a traceback."""
    from pydantic import ValidationError

    from cc_career.questionnaire.prompts import DRAFT_NAME, save_draft

    try:
        return Answers.model_validate(asker.answers)
    except ValidationError as exc:
        save_draft(out, asker)
        document = yamlio.Document(path=out / DRAFT_NAME, data=asker.answers)
        raise yamlio.validation_error(document, exc.errors(include_input=False)) from None


def _rich_console() -> Console:
    from rich.console import Console

    class Folding(Console):
        """The questionnaire's console: plain text lines fold at phrase or word boundaries."""

        def print(self, text: Any = "", *args: Any, style: str | None = None, markup: bool = True,
                  **kwargs: Any) -> None:
            if isinstance(text, str) and not markup and self.is_terminal:
                from cc_career.render.fold import Folded

                text = Folded([(text, style or "")], _LANG.get("lang", "ja"))
                style = None
            super().print(text, *args, style=style, markup=markup, **kwargs)

    return Folding(highlight=False, soft_wrap=True)


_LANG: dict[str, str] = {}  # the run's language, once known (the folding console needs it)


def _ask(catalog: Catalog, console: Console, out: Path, lang: str | None, prefill: dict[str, Any],
         *, asked: list[str] | tuple[str, ...] = (), settle_optional: bool = False) -> Asker:
    """Run the questionnaire over `prefill` (a draft or an incomplete file); Ctrl-C keeps a draft."""
    from cc_career.questionnaire.plan import ask_plan
    from cc_career.questionnaire.prompts import Asker, keeping_draft

    language = lang or prefill.get("language")
    if language not in ("ja", "en"):
        language = _ask_language()
    prefill["language"] = lang or prefill.get("language") or language
    _drop_unknown_ids(prefill, catalog)
    asker = Asker(language, prefill, asked=asked, settle_optional=settle_optional)
    with keeping_draft(out, asker):
        ask_plan(asker, catalog, console)
    return asker


def _ask_language() -> str:
    import questionary

    return questionary.select(
        t("prompt.language", "ja"),
        choices=[questionary.Choice("日本語", "ja"), questionary.Choice("English", "en")],
        instruction="(↑↓ Enter)",
    ).unsafe_ask()


def _drop_unknown_ids(prefill: dict[str, Any], catalog: Catalog) -> None:
    """A draft made with other data (a --data-dir since changed) may rate skills that no longer
    exist; those ratings are dropped rather than failing the resumed run."""
    current = prefill.get("current")
    if not isinstance(current, dict):
        return
    for section in ("skills", "trainer_skills"):
        ratings = current.get(section)
        if isinstance(ratings, dict):
            current[section] = {k: v for k, v in ratings.items() if k in catalog.skills}


def _may_overwrite(out: Path, files: dict[str, str], lang: str, asker: Asker | None) -> bool:
    """Interactive runs ask before replacing a file that would change; a "no" keeps the
    answers as a draft, so the questions need not be answered again."""
    from cc_career.questionnaire.prompts import may_replace, save_draft

    taken = would_change(out, files)
    for path in taken:
        # a replayed file: nothing to keep as a draft, the file itself holds the answers
        agreed = may_replace(path, lang, None if asker is None else (out, asker))
        if agreed:
            continue
        if asker is None:
            refused = UsageError("screen.kept_existing")
        else:
            refused = UsageError("prompt.kept_existing", path=save_draft(out, asker), command=program())
        refused.lang_hint = lang
        raise refused
    return bool(taken)


def _summary(result: Result, plan: Any, lang: str) -> None:
    from cc_career.render.formats import format_day, format_month
    from cc_career.render.words import say

    if plan.strain:
        result.note("prompt.summary_rest", style="bold")
    first = next((m for m in plan.milestones if m.kind != "health"), None)
    if first is None or plan.target_open:
        return
    result.note("prompt.summary", role=plan.target.name(lang),
                month=format_month(plan.target_end or plan.realistic_end, lang),
                action=say(first.action, lang), date=format_day(first.date, lang))


