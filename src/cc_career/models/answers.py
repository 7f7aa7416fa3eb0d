"""The answers file: one person's answers to the questionnaire (a public contract)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from cc_career.models.catalog import Id, Lang, Strict

Level = Annotated[int, Field(ge=0, le=4)]
Rate = Annotated[float, Field(ge=0, le=1)]
Employment = Literal["dispatch", "contract", "part_time", "full_time"]
Channel = Literal["phone", "email", "chat"]
Style = Literal["management", "specialist", "other_department", "career_change", "undecided"]
Question = Literal["career_plan", "in_n_years", "after_joining"]
Reason = Literal["workload", "relationships", "health", "future"]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]


class Kpis(Strict):
    aht_seconds: Annotated[int, Field(gt=0, le=7200)] | None = None
    fcr_rate: Rate | None = None
    csat: Rate | None = None


class Current(Strict):
    role: Id
    years_in_role: Annotated[float, Field(ge=0, le=50)]
    years_total: Annotated[float, Field(ge=0, le=50)]
    employment: Employment
    industry: Id | None = None
    channels: list[Channel] = ["phone"]
    skills: dict[Id, Level] = {}
    kpis: Kpis = Kpis()
    certifications: list[ShortText] = []
    trainer_skills: dict[Id, Level] = {}


class Ideal(Strict):
    values: list[Id] = []
    interests: list[Id] = []
    style: Style = "undecided"
    horizon_years: Annotated[int, Field(ge=1, le=10)]
    target_role: Id | None = None
    salary_target_jpy: Annotated[int, Field(ge=0, le=100_000_000)] | None = None


class Concerns(Strict):
    reasons: list[Reason] = []
    sleep_trouble: bool = False
    physical_symptoms: bool = False

    @property
    def strain(self) -> bool:
        """Poor sleep or physical symptoms: rest and professional help come first."""
        return self.sleep_trouble or self.physical_symptoms


class Interview(Strict):
    company: ShortText | None = None
    position: ShortText | None = None
    motivation: Annotated[str, Field(min_length=1, max_length=400)] | None = None
    question: Question | None = None
    seconds: Literal[30, 60, 180] | None = None
    # What the person already does toward the target: the plan's action ids (as the
    # questionnaire offers them) or their own words. Only these are said as "I already …".
    already_doing: Annotated[list[ShortText], Field(max_length=10)] = []


class Answers(Strict):
    schema_version: Literal[1] = 1
    name: ShortText | None = None
    language: Lang = "ja"
    # A plan starts near the present: dates far off would run the milestones off the calendar.
    today: Annotated[dt.date, Field(ge=dt.date(2000, 1, 1), le=dt.date(2100, 12, 31))] | None = None
    current: Current
    ideal: Ideal
    concerns: Concerns = Concerns()
    interview: Interview = Interview()
