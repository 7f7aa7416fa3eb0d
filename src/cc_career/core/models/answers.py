"""The answers file: one person's answers to the questionnaire (a public contract)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field

from cc_career.core.models.catalog import (
    MAX_ITEMS,
    Id,
    Lang,
    Real,
    SchemaVersion,
    Strict,
    Whole,
    Years,
    not_blank,
)

Level = Annotated[Whole, Field(ge=0, le=4)]
Rate = Annotated[Real, Field(ge=0, le=1)]
Employment = Literal["dispatch", "contract", "part_time", "full_time"]
Channel = Literal["phone", "email", "chat"]
Style = Literal["management", "specialist", "other_department", "career_change", "undecided"]
Question = Literal["career_plan", "in_n_years", "after_joining"]
Reason = Literal["workload", "relationships", "health", "future"]
ShortText = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(not_blank)]
# Lists a person fills in: bounded, so the saved answers file always stays far below the
# size limit that reading it again enforces (yamlio.MAX_BYTES).
Items = Field(max_length=MAX_ITEMS)
FewItems = Field(max_length=20)


def _not_a_number(value: object) -> object:
    if isinstance(value, (int, float)):  # pydantic would read 20261122 as a time stamp
        raise ValueError("must be a date written as YYYY-MM-DD")
    return value


class Kpis(Strict):
    aht_seconds: Annotated[Whole, Field(gt=0, le=7200)] | None = None
    fcr_rate: Rate | None = None
    csat: Rate | None = None


class Current(Strict):
    role: Id
    years_in_role: Years
    years_total: Years
    employment: Employment
    industry: Id | None = None
    channels: Annotated[list[Channel], FewItems] = ["phone"]
    skills: Annotated[dict[Id, Level], Items] = {}
    kpis: Kpis = Kpis()
    certifications: Annotated[list[ShortText], Field(max_length=50)] = []
    trainer_skills: Annotated[dict[Id, Level], Items] = {}


class Ideal(Strict):
    values: Annotated[list[Id], Items] = []
    interests: Annotated[list[Id], Items] = []
    style: Style = "undecided"
    horizon_years: Annotated[Whole, Field(ge=1, le=10)]
    target_role: Id | None = None
    salary_target_jpy: Annotated[Whole, Field(ge=0, le=100_000_000)] | None = None


class Concerns(Strict):
    reasons: Annotated[list[Reason], FewItems] = []
    sleep_trouble: bool = False
    physical_symptoms: bool = False

    @property
    def strain(self) -> bool:
        """Poor sleep or physical symptoms: rest and professional help come first."""
        return self.sleep_trouble or self.physical_symptoms


class Interview(Strict):
    company: ShortText | None = None
    position: ShortText | None = None
    motivation: Annotated[str, Field(min_length=1, max_length=400), AfterValidator(not_blank)] | None = None
    question: Question | None = None
    seconds: Literal[30, 60, 180] | None = None
    # What the person already does toward the target: the plan's action ids (as the
    # questionnaire offers them) or their own words. Only these are said as "I already …".
    already_doing: Annotated[list[ShortText], Field(max_length=10)] = []


class Answers(Strict):
    schema_version: SchemaVersion = 1
    name: ShortText | None = None
    language: Lang = "ja"
    # A plan starts near the present: dates far off would run the milestones off the calendar.
    # A date or its ISO text, never a number read as seconds since 1970.
    today: Annotated[dt.date, BeforeValidator(_not_a_number), Field(ge=dt.date(2000, 1, 1),
                                                                    le=dt.date(2100, 12, 31))] | None = None
    current: Current
    ideal: Ideal
    concerns: Concerns = Concerns()
    interview: Interview = Interview()
