"""The shape of data/skills.yaml and data/paths.yaml: skills, roles, transitions, tags."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)
from pydantic import Strict as StrictValue

from cc_career.core.chars import data_text_problem, inline

if TYPE_CHECKING:
    from cc_career.core.models.certificates import Certificate

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
# Numbers in hand-written files: a YAML `yes`, `"3"` or `3.0` where a whole number belongs is
# an error, not 1 or 3; and nothing is .nan or .inf (`Field(allow_inf_nan=False)`).
Whole = Annotated[int, StrictValue()]
Real = Annotated[float, StrictValue(), Field(allow_inf_nan=False)]
MAX_ITEMS = 200  # any list or map in a hand-written file: far above real use, bounds the work


def _not_a_boolean(value: object) -> object:
    if isinstance(value, bool):  # Literal[1] would take True as 1
        raise ValueError("a yes/no value is not a version number")
    return value


SchemaVersion = Annotated[Literal[1], BeforeValidator(_not_a_boolean)]


def _no_negative_zero(value: float) -> float:
    # -0.0 and 1e-320 are "0" to a person: kept as typed they print as "-0" or "9.99989e-321".
    value = round(value, 6)
    return value + 0.0


Years = Annotated[Real, Field(ge=0, le=50), AfterValidator(_no_negative_zero)]
Track = Literal["promotion", "specialist", "other_department", "career_change"]
# The kinds of experience a move's `min_years` can ask for; `any` is any working time.
ExperienceKind = Literal["contact_center", "it", "sales", "management", "training", "any"]
TRACKS: tuple[Track, ...] = ("promotion", "specialist", "other_department", "career_change")
Lang = Literal["ja", "en"]


class Strict(BaseModel):
    """Base for every hand-written file: a typo in a key is an error, never ignored."""

    # Validators are built on first use: a catalog taken from the cache never needs them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def not_blank(value: str) -> str:
    if not inline(value):  # nothing left once spaces and control characters are gone
        raise ValueError("is blank (only spaces or control characters)")
    return value


def _one_line(value: str) -> str:
    problem = data_text_problem(value, one_line=True)
    if problem:  # a terminal escape or a line break would act on whoever shows the label
        raise ValueError(f"holds {problem}; labels are one line of plain text")
    return value


def _plain_lines(value: str) -> str:
    problem = data_text_problem(value, one_line=False)
    if problem:
        raise ValueError(f"holds {problem}; write plain text")
    return value


Label = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(not_blank),
                  AfterValidator(_one_line)]
Lines = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(not_blank),
                  AfterValidator(_plain_lines)]


class Text(Strict):
    """One piece of user-facing text in both languages: one line, no control characters."""

    ja: Label
    en: Label

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


class Paragraph(Text):
    """A description: it may run over several lines."""

    ja: Lines  # type: ignore[assignment]
    en: Lines  # type: ignore[assignment]


class Tag(Strict):
    """A value or interest the questionnaire offers."""

    id: Id
    label: Text


class Category(Strict):
    id: Id
    name: Text


Channel = Literal["phone", "email", "chat"]


class SkillAction(Strict):
    """Something concrete that raises a skill from `from_level` to the next level.

    `for` names the roles it suits (empty: anyone) and `channels` the contact channels it
    needs (empty: any; otherwise the person must work in at least one of them). `exam` marks
    an action whose point is a certificate: the planner prefers the others for skill steps and
    leaves certificates to their own milestones. In `do` and `check`, `{sv}` stands for the
    person the reader asks: their SV, or their own manager for an SV and above."""

    from_level: Annotated[Whole, Field(ge=0, le=3)]
    do: Text  # the action, specific enough to start tomorrow
    check: Text  # how to tell it worked: a level, a KPI value, a certificate
    for_roles: list[Id] = Field(default=[], alias="for")
    channels: list[Channel] = []
    exam: bool = False

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    def fits(self, role: str, channels: list[str] | tuple[str, ...]) -> bool:
        """True when the action suits someone in `role` who works in `channels`."""
        if self.for_roles and role not in self.for_roles:
            return False
        # A person who named no channel is not held to one.
        return not self.channels or not channels or any(c in channels for c in self.channels)


class Skill(Strict):
    id: Id
    category: Id
    name: Text
    description: Paragraph
    levels: dict[Whole, Text]  # descriptors for levels 1-4 (0 means "not yet")
    actions: Annotated[list[SkillAction], Field(max_length=MAX_ITEMS)]

    @field_validator("levels")
    @classmethod
    def _four_levels(cls, levels: dict[int, Text]) -> dict[int, Text]:
        if sorted(levels) != [1, 2, 3, 4]:
            raise ValueError("levels must describe exactly levels 1, 2, 3 and 4")
        return levels

    @field_validator("actions")
    @classmethod
    def _an_action_for_every_step(cls, actions: list[SkillAction]) -> list[SkillAction]:
        missing = sorted({0, 1, 2, 3} - {a.from_level for a in actions if not a.for_roles})
        if missing:
            raise ValueError(f"no action that suits every role raises the skill from level {missing[0]}")
        return actions

    def actions_from(self, level: int) -> list[SkillAction]:
        return [a for a in self.actions if a.from_level == level]

    def action_for(self, level: int, role: str, channels: list[str] | tuple[str, ...]) -> SkillAction | None:
        """The action that takes this person from `level` on: the first that fits their role and
        channels, practice before an exam and an action made for their role before a generic
        one. None when nothing in the data fits them."""
        fitting = [a for a in self.actions_from(level) if a.fits(role, channels)]
        fitting.sort(key=lambda a: (a.exam, not a.for_roles))  # made for the role beats generic
        return fitting[0] if fitting else None


class SkillsFile(Strict):
    schema_version: SchemaVersion
    categories: Annotated[list[Category], Field(max_length=MAX_ITEMS)]
    skills: Annotated[list[Skill], Field(max_length=MAX_ITEMS)]


class Requirement(Strict):
    """A skill a role needs: the level (1-4) and how much it matters (1-5), as O*NET rates."""

    level: Annotated[Whole, Field(ge=1, le=4)]
    importance: Annotated[Whole, Field(ge=1, le=5)]


# A grade of a certificate in certifications.yaml: "moshimoshi.g2".
CertificateRef = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*\.[a-z0-9][a-z0-9_]*$", max_length=130)]
PayKind = Literal["statistic", "survey", "example"]
PUBLIC_PAY: tuple[PayKind, ...] = ("statistic", "survey")


class Pay(Strict):
    """One pay figure for a role, with where it comes from and the year it is for.

    `statistic` (a government statistic) and `survey` (a published survey) are public figures;
    `example` is one person's story from the seeds and says who and where in `who`."""

    kind: PayKind
    unit: Literal["hour", "year"]
    min: Annotated[Whole, Field(gt=0, le=1_000_000_000)]
    max: Annotated[Whole, Field(gt=0, le=1_000_000_000)]
    year: Annotated[Whole, Field(ge=2000, le=2100)]
    source: Text
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=300)] | None = None
    who: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Pay:
        if self.min > self.max:
            raise ValueError("pay min is greater than max")
        if self.kind == "example" and self.who is None:
            raise ValueError("an example figure must say whose it is and where (who)")
        return self

    @property
    def public(self) -> bool:
        return self.kind in PUBLIC_PAY


class Role(Strict):
    id: Id
    track: Track
    entry: bool = False
    name: Text
    # How the role is said aloud in an interview answer (「SV」, "supervisor"): no brackets,
    # no slashes. Optional: without it the name is used, its brackets and slashes dropped.
    spoken: Text | None = None
    description: Paragraph
    min_years_experience: Annotated[Years, Field(le=30)] = 0
    # The experience a year in this role gives, for the moves whose `counts` asks for it
    # (an IT-support year is IT experience; an SV year is management experience too).
    experience: Annotated[list[Literal["contact_center", "it", "sales", "management", "training"]],
                          Field(max_length=5)] = ["contact_center"]
    skills: Annotated[dict[Id, Requirement], Field(max_length=MAX_ITEMS)]
    # grades in certifications.yaml that fit the role
    certifications: Annotated[list[CertificateRef], Field(max_length=MAX_ITEMS)] = []
    values: Annotated[list[Id], Field(max_length=MAX_ITEMS)]
    interests: Annotated[list[Id], Field(max_length=MAX_ITEMS)] = []
    pay: Annotated[list[Pay], Field(max_length=MAX_ITEMS)] = []
    pay_note: Paragraph | None = None  # what to say where no public statistic or survey covers the role

    @property
    def public_pay(self) -> list[Pay]:
        return [p for p in self.pay if p.public]


KpiName = Literal["aht_seconds", "fcr_rate", "csat"]
# What a KPI target can be: handle time in seconds (as in the answers), rates as shares.
KPI_RANGES: dict[str, tuple[float, float]] = {"aht_seconds": (1, 7200), "fcr_rate": (0, 1),
                                              "csat": (0, 1)}


class Transition(Strict):
    """A move between two roles: how long it typically takes and what it takes.

    `kpi_targets` are example thresholds; `kpi_targets_by_industry` overrides them for an
    industry (an insurance line's calls run longer than a mail-order center's)."""

    from_role: Id = Field(alias="from")
    to: Id
    months: Annotated[Whole, Field(ge=1, le=120)]
    needs: Text
    kpi_targets: dict[KpiName, Real] = {}
    # Example targets where an industry differs (AHT in finance is longer than in mail order).
    kpi_targets_by_industry: Annotated[dict[Id, dict[KpiName, Real]], Field(max_length=MAX_ITEMS)] = {}
    # Typical years of experience people have when they make this move, and which experience
    # counts: infrastructure asks for IT years, not years on the phones.
    min_years: Annotated[Years, Field(le=30)] | None = None
    counts: ExperienceKind | None = None

    def kpis_for(self, industry: str | None) -> dict[str, float]:
        """The example KPI targets for someone working in `industry`."""
        return {**self.kpi_targets, **self.kpi_targets_by_industry.get(industry or "", {})}

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("kpi_targets")
    @classmethod
    def _kpis_in_range(cls, targets: dict[str, float]) -> dict[str, float]:
        for name, value in targets.items():
            low, high = KPI_RANGES[name]
            if not low <= value <= high:
                raise ValueError(f"{name} must be between {low:g} and {high:g}")
        return targets

    @field_validator("kpi_targets_by_industry")
    @classmethod
    def _industry_kpis_in_range(cls, by_industry: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        for targets in by_industry.values():
            cls._kpis_in_range(targets)
        return by_industry

    @model_validator(mode="after")
    def _years_say_what_counts(self) -> Transition:
        if (self.min_years is None) != (self.counts is None):
            raise ValueError("min_years and counts go together: say which experience counts")
        return self


MAX_ROLES = 300  # a center's own ladder has tens of roles; planning time grows with the map
MAX_TRANSITIONS = 3000


class PathsFile(Strict):
    schema_version: SchemaVersion
    values: Annotated[list[Tag], Field(max_length=MAX_ITEMS)]
    interests: Annotated[list[Tag], Field(max_length=MAX_ITEMS)]
    roles: Annotated[list[Role], Field(max_length=MAX_ROLES)]
    transitions: Annotated[list[Transition], Field(max_length=MAX_TRANSITIONS)]


@dataclass(frozen=True)
class Catalog:
    """Everything the planner knows about call-center careers, with ids resolved."""

    skills: dict[str, Skill]
    roles: dict[str, Role]
    transitions: tuple[Transition, ...]
    values: dict[str, Tag]
    interests: dict[str, Tag]
    skills_file: SkillsFile
    paths_file: PathsFile
    sources: tuple[Path, Path]
    certificates: dict[str, Certificate]
    certificates_source: Path

    def outgoing(self, role_id: str) -> list[Transition]:
        return self._out.get(role_id, [])

    def incoming(self, role_id: str) -> list[Transition]:
        return [t for t in self.transitions if t.to == role_id]

    def transition(self, from_role: str, to: str) -> Transition:
        return next(t for t in self._out[from_role] if t.to == to)

    @cached_property
    def _out(self) -> dict[str, list[Transition]]:
        out: dict[str, list[Transition]] = {}
        for t in self.transitions:
            out.setdefault(t.from_role, []).append(t)
        return out

    def reachable(self, start: str, goal: str) -> bool:
        return goal in reachable_roles([start], self.transitions)

    def reachable_from(self, start: str) -> set[str]:
        """Every role some route leads to from `start` (not `start` itself)."""
        return set(months_from([start], self.transitions)) - {start}

    def months_between(self, start: str, goal: str) -> int | None:
        """The fewest typical months of moves from `start` to `goal` (None: no way there)."""
        return months_from([start], self.transitions).get(goal)

    @property
    def entry_roles(self) -> list[Role]:
        return [r for r in self.roles.values() if r.entry]


MAX_ROUTE_MONTHS = 50 * 12  # the longest route a plan will lay out: a working life


def reachable_roles(starts: list[str], transitions: Iterable[Transition]) -> set[str]:
    return set(months_from(starts, transitions))


def months_from(starts: list[str], transitions: Iterable[Transition]) -> dict[str, int]:
    """The fewest typical months from any of `starts` to every role reachable from them (one
    search over the whole map: a few thousand roles take milliseconds, not minutes)."""
    outgoing: dict[str, list[Transition]] = {}
    for move in transitions:
        outgoing.setdefault(move.from_role, []).append(move)
    months = dict.fromkeys(starts, 0)
    queue = [(0, role) for role in starts]
    done: set[str] = set()
    while queue:
        here_months, here = heapq.heappop(queue)
        if here in done:
            continue
        done.add(here)
        for move in outgoing.get(here, ()):
            there = here_months + move.months
            if there < months.get(move.to, there + 1):
                months[move.to] = there
                heapq.heappush(queue, (there, move.to))
    return months
