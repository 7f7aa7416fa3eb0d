"""The shape of data/certifications.yaml: certificates, their grades and the issuers' rules."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from cc_career.core.models.catalog import Id, Strict, Text

Month = Annotated[int, Field(ge=1, le=12)]
# "conken.op": a grade of a certificate. Prerequisites and roles name grades this way.
GradeRef = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*\.[a-z0-9][a-z0-9_]*$", max_length=130)]
# Which day of the month a fixed sitting falls on; "unknown" when the issuer's page does not say.
DayRule = Literal[
    "first_wednesday", "first_sunday", "second_sunday", "third_sunday", "fourth_sunday", "unknown"
]


class Fee(Strict):
    """What one sitting costs, as the page we checked showed it, and for which year."""

    jpy: Annotated[int, Field(gt=0)] | None = None
    usd: Annotated[int, Field(gt=0)] | None = None
    tax: Literal["included", "excluded"] = "included"
    year: Annotated[int, Field(ge=2000, le=2100)]

    @model_validator(mode="after")
    def _an_amount(self) -> Fee:
        if self.jpy is None and self.usd is None:
            raise ValueError("a fee needs an amount in jpy or usd")
        return self


class Course(Strict):
    """A course the issuer requires before the exam (not optional preparation)."""

    name: Text
    hours: Annotated[int, Field(ge=1, le=1000)]
    months: Annotated[int, Field(ge=1, le=24)]  # typical time from enrolling to finishing


class Sitting(Strict):
    """How the exam is sat: at a test centre's computer on a day you book (CBT), or on the
    issuer's fixed dates in some months only."""

    mode: Literal["cbt", "fixed"]
    months: list[Month] = []
    on: DayRule = "unknown"
    on_by_month: dict[Month, DayRule] = {}  # where one month's sitting falls on another day
    apply_weeks_before: Annotated[int, Field(ge=1, le=26)] | None = None  # when applications close
    result_weeks: Annotated[int, Field(ge=0, le=26)] | None = None  # None: the pages do not say

    @model_validator(mode="after")
    def _months_fit_the_mode(self) -> Sitting:
        if self.mode == "fixed" and not self.months:
            raise ValueError("a fixed sitting needs its months")
        if self.mode == "cbt" and self.months:
            raise ValueError("a CBT exam is sat any day: give no months")
        if len(set(self.months)) != len(self.months):
            raise ValueError("a month is listed twice")
        stray = sorted(set(self.on_by_month) - set(self.months))
        if stray:
            raise ValueError(f"on_by_month names month {stray[0]}, which has no sitting")
        return self


class Grade(Strict):
    """One grade or level of a certificate, with what it takes to sit it."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=64)]
    name: Text  # the grade alone: "3級" / "Grade 3"
    aliases: list[Annotated[str, Field(min_length=1, max_length=40)]] = []  # how people write it
    requires: list[GradeRef] = []  # every one of these must be held first
    course: Course | None = None
    parts: list[Text] = []  # exams sat separately, all needed (LPIC-1: 101 and 102)
    sitting: Sitting
    study_months: Annotated[int, Field(ge=0, le=36)]  # typical preparation besides the course
    fee: Fee | None = None
    registration: Text | None = None  # a step after passing before the title may be used
    note: Text | None = None


class Certificate(Strict):
    id: Id
    name: Text
    issuer: Text
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=300)]  # the issuer's page
    checked: Annotated[str, Field(pattern=r"^20\d\d-(0[1-9]|1[0-2])$")]  # YYYY-MM we read it
    also_read: list[Annotated[str, Field(pattern=r"^https?://\S+$", max_length=300)]] = []
    aliases: list[Annotated[str, Field(min_length=2, max_length=40)]] = []
    grades: Annotated[list[Grade], Field(min_length=1)]
    note: Text | None = None  # what the issuer's page did not confirm, and where it came from

    def grade(self, grade_id: str) -> Grade:
        return next(g for g in self.grades if g.id == grade_id)


class CertificationsFile(Strict):
    schema_version: Literal[1]
    certifications: list[Certificate]
