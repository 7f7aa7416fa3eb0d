"""The public Python API: what a trainer's script needs, without the command line.

    from cc_career import api

    catalog = api.load_catalog()                       # the bundled data (or a folder of your own)
    answers = api.load_answers("hanako.yaml", catalog)
    plan = api.build_plan(answers, catalog)            # today, or the answers' own `today`
    print(api.render_plan(plan, catalog, fmt="md"))    # "md", "html" or "json"
    api.run_batch(["answers/"], "plans/")               # one folder per person + the cohort summary

Errors are `cc_career.errors.CcCareerError` (`InputError` for a bad file: `.where`, `.more`);
`error.render("ja")` is the message the command line shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cc_career.context import plan_for

if TYPE_CHECKING:
    from cc_career.batch import BatchResult
    from cc_career.core.models.answers import Answers
    from cc_career.core.models.catalog import Catalog
    from cc_career.core.models.plan import Plan
    from cc_career.render.interview import InterviewAnswer

Format = Literal["md", "html", "json"]

__all__ = ["build_plan", "compose_interview", "interview_files", "load_answers", "load_catalog",
           "render_plan", "run_batch"]


def load_catalog(data_dir: Path | str | None = None) -> Catalog:
    """The career data: `data_dir`'s own files where it has them, the bundled ones otherwise."""
    from cc_career.files.load import load_catalog as load

    return load(data_dir)


def load_answers(path: Path | str, catalog: Catalog) -> Answers:
    """One answers file, read (UTF-8, or cp932/UTF-16 from Excel) and checked against `catalog`."""
    from cc_career.files.load import load_answers as load

    return load(path, catalog)[0]


def build_plan(answers: Answers, catalog: Catalog, today: dt.date | None = None) -> Plan:
    """The plan, starting on the answers' `today` when set, else `today`, else the real date."""
    return plan_for(answers, catalog, today)


def render_plan(plan: Plan, catalog: Catalog, lang: str | None = None, fmt: Format = "md") -> str:
    """The career plan as career-plan.md, career-plan.html or career-plan.json holds it, in
    `lang` (default: the answers' language)."""
    if fmt == "md":
        from cc_career.render.plan_md import render_plan as render
    elif fmt == "html":
        from cc_career.render.html import render_plan_html as render
    elif fmt == "json":
        from cc_career.render.plan_json import render_plan_json as render
    else:
        raise ValueError(f"unknown format {fmt!r}: md, html or json")
    return render(plan, catalog, lang)


def compose_interview(plan: Plan, catalog: Catalog, lang: str | None = None) -> InterviewAnswer:
    """The interview answer from a plan whose answers hold a complete `interview` section.
    A missing field, or a plan that gets no answer (under strain), is a `UsageError` saying why."""
    from cc_career.commands.interview import refusal_error
    from cc_career.core.interview import missing_fields
    from cc_career.errors import UsageError
    from cc_career.render.interview import compose_answer

    missing = missing_fields(plan.answers.interview)
    if missing:
        raise UsageError("interview.missing_field", field=f"interview.{missing[0]}")
    refused = refusal_error(plan)
    if refused is not None:
        raise refused
    return compose_answer(plan, catalog, plan.answers.interview, lang or plan.lang)


def interview_files(plan: Plan, catalog: Catalog, lang: str | None = None) -> dict[str, str]:
    """interview-answer.md, .txt and .html for the plan (same rules as `compose_interview`)."""
    from cc_career.render.interview import interview_documents

    return interview_documents(compose_interview(plan, catalog, lang), plan, catalog)


def run_batch(inputs: Iterable[Path | str], out: Path | str, *, jobs: int | None = None,
              lang: str | None = None, data_dir: Path | str | None = None, force: bool = False,
              today: dt.date | None = None) -> BatchResult:
    """Plans for a cohort: every answers file (folders: their *.yaml) into `out/<name>/`, and
    the cohort summary. A bad file is recorded in the result and the others go on."""
    from cc_career.batch import run_batch as run

    return run([Path(p) for p in inputs], Path(out), jobs=jobs, lang=lang, data_dir=data_dir,
               force=force, today=today)
