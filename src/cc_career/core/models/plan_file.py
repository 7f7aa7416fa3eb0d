"""The shape of career-plan.json: the plan's data for `cc-career review` and trainers' tools
(`cc-career schema plan` prints its JSON Schema). Field names follow SPEC.md exactly."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from cc_career.core.models.answers import Channel, Employment
from cc_career.core.models.catalog import Lang


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PersonPart(_Closed):
    name: str | None
    language: Lang
    role: str
    employment: Employment
    channels: list[Channel]


class SkillPart(_Closed):
    level: int
    source: Literal["self", "trainer", "assumed"]


class TargetPart(_Closed):
    role: str | None  # null: under strain with no target chosen
    date: dt.date | None
    final_role: str | None  # the goal beyond the horizon, when the horizon cannot hold it
    final_date: dt.date | None


class StepPart(_Closed):
    step: int
    from_: str
    to: str
    start: dt.date
    end: dt.date
    months: int
    typical_months: int
    credit_months: int
    experience_wait_months: int = 0  # months added until the move's min_years of its kind are there
    dated: bool  # False: beyond the horizon, outlined only

    model_config = ConfigDict(extra="forbid", populate_by_name=True,
                              alias_generator=lambda name: "from" if name == "from_" else name)


class KpiPart(_Closed):
    kpi: str
    kpi_from: float | None
    kpi_to: float
    met: bool


class MilestonePart(_Closed):
    id: str
    step: int
    kind: Literal["health", "skill", "kpi", "course", "application", "certificate", "result", "registration",
                  "move"]
    due: dt.date
    started: dt.date | None
    skill: str | None
    level_from: int | None
    level_to: int | None
    certificate: str | None
    kpi: str | None
    kpi_from: float | None
    kpi_to: float | None
    kpis: list[KpiPart]
    action: str
    check: str


class BacklogPart(_Closed):
    skill: str | None
    kpi: str | None
    step: int
    level_from: int | None
    level_to: int | None
    reason: Literal["pace", "later_step", "no_action", "strain", "recovery", "figure_unknown"]


class WarningPart(_Closed):
    kind: Literal["horizon_too_short", "strain", "target_open", "assumed_skills"]


class SettledPart(_Closed):
    """A milestone of an earlier plan that a review settled: done (kept with its date for good)
    or dropped (with the reason). `cc-career review` writes these; plans without reviews have none."""

    id: str
    step: int
    kind: Literal["health", "skill", "kpi", "course", "application", "certificate", "result", "registration",
                  "move"]
    due: dt.date  # the date the plan had for it
    status: Literal["done", "dropped"]
    on: dt.date  # done: the day it was done; dropped: the check-in that dropped it
    reason: Literal["no_time", "no_opening", "changed_mind", "health", "other"] | None = None
    skill: str | None = None
    level_from: int | None = None
    level_to: int | None = None
    certificate: str | None = None
    kpi: str | None = None
    role: str | None = None  # a move: the role moved to
    action: str = ""  # the action as the plan worded it


class PlanFile(_Closed):
    """career-plan.json"""

    schema_version: Literal[1]
    made_on: dt.date
    person: PersonPart
    skills: dict[str, SkillPart]
    target: TargetPart
    route: list[StepPart]
    milestones: list[MilestonePart]
    backlog: list[BacklogPart]
    review_dates: list[dt.date]
    check_in: dt.date | None
    warnings: list[WarningPart]
    settled: list[SettledPart] = []  # absent in plans made before any review
