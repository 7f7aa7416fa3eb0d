"""`cc-career interview-answer`: an answers file (plus the interview details it lacks) →
the spoken answer on screen, `interview-answer.md` and a printable `interview-answer.txt`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from cc_career.commands.common import Result, show_notice, tell
from cc_career.context import Run
from cc_career.core.interview import check_in_date, missing_fields, refusal
from cc_career.core.models.answers import Answers, Interview
from cc_career.core.models.catalog import Catalog
from cc_career.core.models.plan import Plan
from cc_career.errors import CcCareerError, RefusedOverwrite, UsageError
from cc_career.files.load import dump_answers, load_answers, load_catalog
from cc_career.files.writers import would_change, write_all
from cc_career.render.i18n import t
from cc_career.render.interview import (
    InterviewAnswer,
    compose_answer,
    interview_documents,
    length_line,
)
from cc_career.render.wrap import A4_CELLS, wrap

DEFAULT_ANSWERS = Path("cc-career-answers.yaml")


def run(
    *,
    answers_path: Path | None,
    out: Path,
    force: bool,
    no_input: bool,
    lang: str | None,
    data_dir: Path | None,
    today: dt.date | None = None,
) -> Result:
    """The whole command. `today` is the plan's start date when the file has none."""
    path = answers_path or DEFAULT_ANSWERS
    run = Run(lang_option=lang, data_dir=data_dir, today=today or dt.date.today())
    catalog = load_catalog(run.data_dir)
    if not path.exists() and not path.is_symlink():
        raise UsageError("interview.no_answers", path=path)
    answers, notice = load_answers(path, catalog)
    shown = run.lang(answers)
    show_notice(path, notice, shown)
    try:
        return _answer(path, answers, catalog, out, force, no_input, shown, run)
    except CcCareerError as error:
        if getattr(error, "lang_hint", None) is None:  # shown in the file's language
            error.lang_hint = shown  # type: ignore[attr-defined]
        raise


def _answer(path: Path, answers: Answers, catalog: Catalog, out: Path, force: bool, no_input: bool,
            lang: str, run: Run) -> Result:
    console = run.console
    interactive = not no_input and run.terminal
    plan = run.plan(answers, catalog)
    refused = refusal_error(plan)
    if refused is not None:  # before any question: nothing to ask for an answer not made
        raise refused
    missing = missing_fields(answers.interview)
    if missing:
        field = f"interview.{missing[0]}"
        if no_input:
            raise UsageError("interview.missing_no_input", field=field)
        if not interactive:
            raise UsageError("interview.missing_no_terminal", field=field)
    asked = False
    if interactive:
        from cc_career.questionnaire.interview import ALREADY, ask_interview, needs_already

        if needs_already(plan, catalog):
            missing.append(ALREADY)
        if missing:
            filled = ask_interview(plan, catalog, lang, missing, console, draft_folder=out)
            answers = answers.model_copy(update={"interview": Interview.model_validate(filled)})
            plan = run.plan(answers, catalog)
            asked = True
    answer = compose_answer(plan, catalog, answers.interview, lang)
    files = interview_documents(answer, plan, catalog)
    if interactive:
        show(console, answer)
        force = force or _may_overwrite(out, files, lang)
    written = write_all(out, files, force=force)
    if not interactive:
        show(console, answer)
    result = Result(lang)
    result.add_files(out, files, written)
    tell(result, console)
    if asked:  # a question after the result, not part of it
        _offer_to_save(console, path, dump_answers(answers), lang)
    return result


def show(console: Console, answer: InterviewAnswer) -> None:
    """The answer in a box: the question as its title, length and time underneath. The lines
    are broken here, as on paper (phrase boundaries, kinsoku), not by the terminal."""
    inner = max(20, min(console.width, A4_CELLS + 6) - 6)  # 2 for the border, 4 for padding
    lines = [("\n".join(wrap(p, answer.lang, inner))) for p in answer.paragraphs]
    console.print(Panel(Text("\n\n".join(lines)), title=Text(answer.question),
                        subtitle=Text(length_line(answer)), padding=(1, 2), expand=False))


def _may_overwrite(out: Path, files: dict[str, str], lang: str) -> bool:
    """Interactive runs ask before replacing a file whose content would change."""
    from cc_career.questionnaire.prompts import may_replace

    taken = would_change(out, files)
    for target in taken:
        if not may_replace(target, lang):
            raise RefusedOverwrite("file.exists_path", path=target)
    return bool(taken)


def _offer_to_save(console: Console, path: Path, text: str, lang: str) -> None:
    """With the person's consent, keep the interview details in their answers file."""
    from cc_career.questionnaire.prompts import confirm

    try:
        agreed = confirm(t("prompt_interview.save", lang, path=path), default=True, lang=lang)
    except (KeyboardInterrupt, EOFError):
        return  # the answer files are written; only the saving is skipped
    if agreed:
        write_all(path.parent, {path.name: text}, force=True)
        console.print(t("prompt_interview.saved", lang, path=path), markup=False)


def refusal_error(plan: Plan) -> UsageError | None:
    """The reason no answer is made for this plan, as the error the command shows (exit 2)."""
    key = refusal(plan)
    if key is None:
        return None
    return UsageError(key, date=check_in_date(plan))  # ISO: the message may be shown in either language
