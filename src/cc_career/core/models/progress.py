"""The progress file: one check-in against a plan (a public contract: trainers write these by
hand for their trainees). `cc-career schema progress` prints its JSON Schema."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from cc_career.core.models.answers import Employment, Kpis, Level, ShortText, _not_a_number
from cc_career.core.models.catalog import MAX_ITEMS, Id, SchemaVersion, Strict

Status = Literal["done", "partly", "not_yet", "dropped"]
DropReason = Literal["no_time", "no_opening", "changed_mind", "health", "other"]
STATUSES: tuple[Status, ...] = ("done", "partly", "not_yet", "dropped")
DROP_REASONS: tuple[DropReason, ...] = ("no_time", "no_opening", "changed_mind", "health", "other")
Day = Annotated[dt.date, BeforeValidator(_not_a_number), Field(ge=dt.date(2000, 1, 1),
                                                               le=dt.date(2100, 12, 31))]
MilestoneId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.\-]*$", max_length=120)]


class MilestoneCheck(Strict):
    """Where one milestone of the plan stands: done (on a date), partly, not yet, or dropped
    (with the reason)."""

    status: Status
    on: Day | None = None  # done: the day it was done (default: the check-in date)
    reason: DropReason | None = None  # dropped: why

    @model_validator(mode="after")
    def _reason_with_dropped(self) -> MilestoneCheck:
        if self.status == "dropped" and self.reason is None:
            raise ValueError("a dropped milestone needs a reason: no_time, no_opening, changed_mind, "
                             "health or other")
        if self.status != "dropped" and self.reason is not None:
            raise ValueError("reason is only for a dropped milestone")
        if self.status != "done" and self.on is not None:
            raise ValueError("on is only for a done milestone")
        return self


class Health(Strict):
    sleep_trouble: bool
    physical_symptoms: bool


class Changes(Strict):
    """What changed since the plan was made; a field left out did not change."""

    role: Id | None = None  # a new role (a promotion, a transfer)
    employer: bool = False  # a new employer (the same role elsewhere counts too)
    employment: Employment | None = None
    target_role: Id | None = None
    health: Health | None = None


class Progress(Strict):
    schema_version: SchemaVersion = 1
    today: Day | None = None  # the check-in date; default: the real date
    milestones: Annotated[dict[MilestoneId, MilestoneCheck], Field(max_length=MAX_ITEMS)] = {}
    skills: Annotated[dict[Id, Level], Field(max_length=MAX_ITEMS)] = {}  # re-rated, 0-4
    kpis: Kpis = Kpis()  # the figures now; a KPI left out is unchanged
    certifications: Annotated[list[ShortText], Field(max_length=50)] = []  # gained since the plan
    changes: Changes = Changes()
