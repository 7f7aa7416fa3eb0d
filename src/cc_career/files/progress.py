"""Read and cross-check progress files and career-plan.json (the files `cc-career review` reads),
and write a check-in as the progress file it replays as."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cc_career.core.models.catalog import Catalog
from cc_career.core.models.plan_file import PlanFile
from cc_career.core.models.progress import Progress
from cc_career.errors import InputError
from cc_career.files import yamlio

SCHEMA_HINT = "# yaml-language-server: $schema=cc-career-progress.schema.json"


def load_plan_file(path: Path | str) -> PlanFile:
    """career-plan.json, read as strictly as any hand-edited file (JSON is YAML to the reader)."""
    return yamlio.validate(yamlio.load(path), PlanFile)


def read_progress(path: Path | str) -> yamlio.Document:
    return yamlio.load(path)


def check_progress(document: yamlio.Document, plan: PlanFile | None, catalog: Catalog) -> Progress:
    """A progress file validated against its model, the plan it checks in on and the data
    (`validate` of a progress file with no plan beside it: the model and the data only)."""
    progress: Progress = yamlio.validate(document, Progress)
    problems: list[InputError] = []

    def add(loc: tuple, key: str, **params: object) -> None:
        line, column = document.position(loc) or (None, None)
        problems.append(InputError(document.path, key, line=line, column=column,
                                   field=".".join(map(str, loc)), **params))

    ids = {m.id for m in plan.milestones} if plan is not None else set(progress.milestones)
    for ident in progress.milestones:
        if ident not in ids:
            add(("milestones", ident), "review.unknown_milestone", id=ident)
    for skill in progress.skills:
        if skill not in catalog.skills:
            add(("skills", skill), "answers.unknown_skill", id=skill)
    changes = progress.changes
    for name in ("role", "target_role"):
        role = getattr(changes, name)
        if role is not None and role not in catalog.roles:
            add(("changes", name), "answers.unknown_role", id=role)
    if plan is not None and progress.today is not None and progress.today < plan.made_on:
        add(("today",), "review.before_plan", made_on=plan.made_on.isoformat())
    for ident, check in progress.milestones.items():
        if check.on is not None and check.on > (progress.today or check.on):
            add(("milestones", ident, "on"), "review.done_after_today")
    if problems:
        problems.sort(key=lambda e: (e.line or 0, e.column or 0))
        first, first.more = problems[0], problems[1:]
        raise first
    return progress


def dump_progress(progress: Progress, lang: str) -> str:
    """A check-in as the YAML progress file `--progress FILE --no-input` replays."""
    from cc_career.render.i18n import t

    data: dict[str, Any] = progress.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
    data = {"schema_version": 1, **data}
    header = f"# {t('review.progress_header', lang)}\n{SCHEMA_HINT}\n"
    return header + yamlio.dump(data)
