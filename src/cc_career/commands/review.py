"""`cc-career review`: the check-in on a review date. Load the plan, the answers and the check-in
(asked, or replayed from a progress file) → core/plan/review.py → the updated plan, the progress report
review-YYYY-MM-DD.md, and history/YYYY-MM-DD/ with what was there before.

History is never overwritten: the previous career-plan.md / .html / .json, the answers and the
check-in itself go to history/YYYY-MM-DD/ (a second review the same day: history/YYYY-MM-DD-2/,
and review-YYYY-MM-DD-2.md), written before the new plan replaces the old one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from cc_career.commands.common import Lines, Result, show_notice, tell
from cc_career.commands.plan import ANSWERS_NAME, PLAN_NAME
from cc_career.context import at_terminal, resolve_lang
from cc_career.core.models.progress import Progress
from cc_career.errors import InputError, UsageError
from cc_career.files.load import check_answers, dump_answers, load_catalog, read_answers
from cc_career.files.progress import check_progress, dump_progress, load_plan_file, read_progress
from cc_career.files.writers import write_all
from cc_career.render.html import PLAN_HTML, render_plan_html
from cc_career.render.plan_json import PLAN_JSON, render_plan_json
from cc_career.render.plan_md import render_plan
from cc_career.render.review_md import REPORT_PREFIX, render_review, report_name

if TYPE_CHECKING:
    from cc_career.core.models.catalog import Catalog
    from cc_career.core.models.plan_file import PlanFile
    from cc_career.core.plan.review import Review

HISTORY = "history"
PROGRESS_NAME = "progress.yaml"
DRAFT_NAME = ".cc-career-review-draft.yaml"


def holds_a_plan(folder: Path) -> bool:
    """A folder `review` can work in: a plan's data and its answers."""
    return (folder / PLAN_JSON).is_file() and (folder / ANSWERS_NAME).is_file()


def run(*, out: Path, answers_path: Path | None, plan_path: Path | None, progress_path: Path | None,
        no_input: bool, lang: str | None, data_dir: Path | None, today: dt.date | None = None) -> Result:
    catalog = load_catalog(data_dir)
    answers_path = answers_path or out / ANSWERS_NAME
    plan_path = plan_path or out / PLAN_JSON
    for path in (plan_path, answers_path):
        if not path.is_file() and not path.exists():
            raise UsageError("review.no_plan", path=path, folder=out)
    previous = load_plan_file(plan_path)
    document = read_answers(answers_path)
    show_notice(document.path, document.notice, resolve_lang(lang, hint=previous.person.language))
    answers = check_answers(document, catalog)
    shown = resolve_lang(lang, answers)
    if progress_path is not None:
        progress_doc = read_progress(progress_path)
        show_notice(progress_doc.path, progress_doc.notice, shown)
        try:
            progress = check_progress(progress_doc, previous, catalog)
        except InputError as error:
            error.lang_hint = shown
            raise
        when = progress.today or today or dt.date.today()
    else:
        if no_input:
            raise UsageError("review.needs_progress")
        when = today or dt.date.today()
        if when < previous.made_on:
            raise UsageError("review.clock_before_plan", made_on=previous.made_on.isoformat())
        progress = _ask(previous, answers, catalog, out, shown, when)
    result = review_files(previous, answers, progress, catalog, when, shown)
    written = write_review(out, result, progress, catalog, shown,
                           {PLAN_JSON: plan_path, ANSWERS_NAME: answers_path})
    told = Result(shown, files=[(path, True) for path in written])
    told.note("review.done", late=result.late, done=sum(o.status == "done" for o in result.outcomes))
    if result.needs_talk:
        told.note("review.talk_health" if result.plan.strain else "review.talk")
    return tell(told, Lines())


def review_files(previous: PlanFile, answers, progress: Progress, catalog: Catalog, when: dt.date,  # noqa: ANN001
                 lang: str) -> Review:
    from cc_career.core.plan.review import review

    progress = progress.model_copy(update={"today": when})
    return review(previous, answers, progress, catalog, when)


def write_review(out: Path, result: Review, progress: Progress, catalog: Catalog, lang: str,
                 sources: dict[str, Path] | None = None) -> list[Path]:
    """History first (a new folder, never overwritten), then the report and the new plan: the
    plan files are replaced only once what they held is safe in history."""
    history = history_folder(out, result.today)
    sources = {**{name: out / name for name in (PLAN_NAME, PLAN_HTML, PLAN_JSON, ANSWERS_NAME)},
               **(sources or {})}
    kept = {name: path.read_text(encoding="utf-8", errors="replace") for name, path in sources.items()
            if path.is_file()}
    kept[PROGRESS_NAME] = dump_progress(progress, lang)
    plan = result.plan
    taken = {p.name for p in out.glob(f"{REPORT_PREFIX}{result.today.isoformat()}*.md")}
    report = report_name(result.today, taken)
    files = {report: render_review(result, catalog, lang),
             PLAN_NAME: render_plan(plan, catalog, lang), PLAN_HTML: render_plan_html(plan, catalog, lang),
             PLAN_JSON: render_plan_json(plan, catalog, lang), ANSWERS_NAME: dump_answers(result.answers)}
    write_all(history, kept, force=False)
    write_all(out, {report: files.pop(report)}, force=False)
    written = [out / report]
    written += write_all(out, files, force=True)
    return [history, *written]


def history_folder(out: Path, today: dt.date) -> Path:
    """history/YYYY-MM-DD, or -2, -3 … when a review already ran that day."""
    base = out / HISTORY / today.isoformat()
    folder, number = base, 1
    while folder.exists():
        number += 1
        folder = base.with_name(f"{today.isoformat()}-{number}")
    return folder


def _ask(previous: PlanFile, answers, catalog: Catalog, out: Path, lang: str,  # noqa: ANN001
         today: dt.date) -> Progress:
    from cc_career.commands.plan import _rich_console
    from cc_career.questionnaire.review import ask_review

    if not at_terminal():
        raise UsageError("review.no_terminal")
    return ask_review(previous, answers, catalog, out, lang, today, _rich_console())


__all__ = ["REPORT_PREFIX", "holds_a_plan", "run"]
