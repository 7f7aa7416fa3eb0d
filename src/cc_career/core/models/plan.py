"""The computed career plan: recommendations, route, gaps, milestones (pure data, no I/O)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from cc_career.core.kpi import Kpi
from cc_career.core.kpi import met as kpi_met
from cc_career.core.models.answers import Answers
from cc_career.core.models.catalog import Role, Text, Transition

if TYPE_CHECKING:
    from cc_career.core.models.plan_file import SettledPart

ReasonKind = Literal["values", "interests", "style", "skills", "time", "too_long", "salary"]
BacklogReason = Literal["pace", "later_step", "no_action", "strain", "recovery", "figure_unknown"]


@dataclass(frozen=True)
class Reason:
    """Why a role fits the person; `kind` picks the sentence, `params` fill it."""

    kind: ReasonKind
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Recommendation:
    role: Role
    score: float
    reasons: tuple[Reason, ...]
    months: int  # typical months of the route to it


@dataclass(frozen=True)
class Phrase:
    """A sentence of the plan as what to say, never how: rendered late, in the run's language,
    by render/words.py `say` (as `Reason` is by `reason_text`).

    `key` names a locale text that `params` fill; without a key, `text` is a sentence of the
    career data, whose `{sv}` is filled by the `sv` param. A param is said by its type: a
    `Text` in the run's language, a `Phrase` said first, a `Day` or `Month` as a date, a
    `Figure` as a KPI value, a tuple as a list. `window`: any span of time the sentence names
    is shortened to this many months (a check due in two months is not "over three months").
    `then`: a sentence said right after this one."""

    key: str | None = None
    params: dict[str, object] = field(default_factory=dict)
    text: Text | None = None
    window: int | None = None
    then: Phrase | None = None


@dataclass(frozen=True)
class Day:
    """A date said as a day: 2026年4月1日 / 1 Apr 2026."""

    date: dt.date


@dataclass(frozen=True)
class Month:
    """A date said as its month: 2026年4月 / Apr 2026."""

    date: dt.date


@dataclass(frozen=True)
class Figure:
    """A KPI figure: a rate as a percentage, a handling time in seconds (`unit`: say "秒"/"s")."""

    kpi: str
    value: float
    unit: bool = False


@dataclass(frozen=True)
class Step:
    """One move of the route, placed in time."""

    index: int  # 1-based
    move: Transition
    source: Role
    target: Role
    months: int  # planned months (typical, less credit for time already served, paced)
    start: dt.date
    end: dt.date
    credit: int = 0  # months of experience already had, taken off the typical time
    extra: int = 0  # months added: gentler pace, the experience the role asks for, the work load
    # of `extra`, the months added so the move's `min_years` of its `counts` kind are there
    waits: int = 0


@dataclass(frozen=True)
class Route:
    roles: tuple[Role, ...]  # current role first, target last
    steps: tuple[Step, ...]

    @property
    def months(self) -> int:
        return sum(step.months for step in self.steps)


Source = Literal["self", "trainer", "assumed"]


@dataclass(frozen=True)
class Rating:
    """The level the plan works from for one skill, and where it comes from: the trainer's
    rating wins, then the person's own; a skill nobody rated is *assumed* at the level the
    person's current role (and the usual way to it) asks for — never taken as 0."""

    level: int
    source: Source
    self_level: int | None = None
    trainer_level: int | None = None

    @property
    def rated(self) -> bool:
        return self.source != "assumed"


@dataclass(frozen=True)
class Gap:
    """A skill the route needs more of: level now, level needed, and by which step."""

    skill_id: str
    now: int  # the level the plan works from (see Rating)
    source: Source
    self_rating: int | None
    trainer_rating: int | None
    needed: int
    importance: int
    step: int  # the step whose target role first needs this level (0: the current role)
    role: Role  # that role

    @property
    def levels(self) -> int:
        return self.needed - self.now

    @property
    def weight(self) -> int:
        """Gaps are weighed by importance, as O*NET weighs a job's skills."""
        return self.levels * self.importance


@dataclass(frozen=True)
class CertificationGap:
    """A certificate grade the route calls for that the person does not hold yet."""

    name: Text
    issuer: Text
    role: Role
    ref: str = ""  # "certificate.grade" in certifications.yaml
    holds: Text | None = None  # the grade the role names, already held: this is the next one


Kind = Literal["health", "skill", "kpi", "course", "application", "certificate", "result", "registration",
               "move"]


@dataclass(frozen=True)
class KpiGoal:
    """One KPI of a KPI milestone: the person's own figure (None: not known yet) and the goal."""

    name: Kpi
    now: float | None
    goal: float

    @property
    def met(self) -> bool:
        return kpi_met(self.name, self.now, self.goal)


@dataclass(frozen=True)
class Milestone:
    """A SMART intermediate goal: what to do, how to check it, by when, for which step.

    `id` is stable: made from the step, the kind and what it is about (skill and level, KPI,
    certificate), so the same answers give the same ids and a re-made plan keeps them."""

    id: str
    kind: Kind
    date: dt.date
    step: int
    action: Phrase
    check: Phrase
    skill_id: str | None = None
    level: int | None = None  # the level this milestone reaches (skill milestones)
    level_from: int | None = None
    certificate: str | None = None  # "certificate.grade" in certifications.yaml
    kpis: tuple[KpiGoal, ...] = ()  # a KPI milestone's figures; empty for "find out your figures"
    started: dt.date | None = None  # when work on it begins: a skill's earlier milestone, or the step's start


@dataclass(frozen=True)
class BacklogItem:
    """Work the plan knows about but does not date yet, and why: for the next review."""

    reason: BacklogReason
    step: int
    skill_id: str | None = None
    level_from: int | None = None
    level_to: int | None = None
    kpi: str | None = None


@dataclass(frozen=True)
class Chain:
    """"I want X → that needs Y → so now I do Z"."""

    want: Role
    gap: Gap
    do: Phrase


@dataclass(frozen=True)
class Plan:
    """The whole plan. `target` is the headline: the furthest step of the route reachable
    within the horizon; `final_target` (with `realistic_end`) is the role beyond it when the
    horizon cannot hold the whole route, else None. With `target_open` (under strain with no
    target named) no target was picked: `target` is the current role and the route is empty."""

    answers: Answers
    today: dt.date
    recommendations: tuple[Recommendation, ...]
    target: Role
    target_chosen: bool  # True when the person named the target, False when recommended
    route: Route
    gaps: tuple[Gap, ...]  # biggest (importance-weighed) first
    strengths: tuple[tuple[str, int], ...]  # (skill id, level) already at or above the need
    experience_years_short: float  # years of experience the target needs beyond the route's end
    certification_gaps: tuple[CertificationGap, ...]
    milestones: tuple[Milestone, ...]  # in date order
    chains: tuple[Chain, ...]
    reviews: tuple[dt.date, ...]
    horizon_end: dt.date
    realistic_end: dt.date  # when the whole route (to the final target) ends
    strain: bool
    disagreements: tuple[tuple[str, int | None, int], ...]  # (skill, self or None, trainer)
    ratings: dict[str, Rating] = field(default_factory=dict)  # every skill the plan reads
    target_end: dt.date | None = None  # when the headline target is reached
    final_target: Role | None = None
    target_open: bool = False
    check_in: dt.date | None = None  # under strain: the end of phase 1 (health only)
    dated_steps: int = 0  # steps laid out month by month; the later ones are outlined
    backlog: tuple[BacklogItem, ...] = ()
    warnings: tuple[str, ...] = ()  # horizon_too_short | strain | target_open | assumed_skills
    settled: tuple[SettledPart, ...] = ()  # what reviews settled: done (with its date) or dropped

    @property
    def fits_horizon(self) -> bool:
        return self.realistic_end <= self.horizon_end

    @property
    def assumed(self) -> tuple[str, ...]:
        """Skills the plan reads that the person did not rate (nor their trainer)."""
        return tuple(s for s, r in self.ratings.items() if not r.rated)

    @property
    def lang(self) -> str:
        return self.answers.language
