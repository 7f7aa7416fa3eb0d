"""The computed career plan: recommendations, route, gaps, milestones (pure data, no I/O)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cc_career.models.answers import Answers
from cc_career.models.catalog import Role, Text, Transition


@dataclass(frozen=True)
class Reason:
    """Why a role fits the person; `kind` picks the sentence, `params` fill it."""

    kind: str  # values | interests | style | skills | time | too_long | salary
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Recommendation:
    role: Role
    score: float
    reasons: tuple[Reason, ...]
    months: int  # typical months of the route to it


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


@dataclass(frozen=True)
class Route:
    roles: tuple[Role, ...]  # current role first, target last
    steps: tuple[Step, ...]

    @property
    def months(self) -> int:
        return sum(step.months for step in self.steps)


@dataclass(frozen=True)
class Gap:
    """A skill the route needs more of: level now, level needed, and by which step."""

    skill_id: str
    self_rating: int
    trainer_rating: int | None
    needed: int
    importance: int
    step: int  # the step whose target role first needs this level (0: the current role)
    role: Role  # that role

    @property
    def now(self) -> int:
        """The rating the plan works from: the trainer's where given (SPEC), else the self-rating."""
        return self.self_rating if self.trainer_rating is None else self.trainer_rating

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


@dataclass(frozen=True)
class Milestone:
    """A SMART intermediate goal: what to do, how to check it, by when, for which step."""

    kind: str  # wellbeing | skill | kpi | course | application | certification | result
    #           | registration | experience | role
    date: dt.date
    step: int
    action: Text
    check: Text
    skill_id: str | None = None
    level: int | None = None  # the level this milestone reaches (skill milestones)
    certificate: str | None = None  # "certificate.grade" for course/application/exam/result steps


@dataclass(frozen=True)
class Chain:
    """"I want X → that needs Y → so now I do Z"."""

    want: Role
    gap: Gap
    do: Text


@dataclass(frozen=True)
class Plan:
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
    realistic_end: dt.date
    strain: bool
    disagreements: tuple[tuple[str, int, int], ...]  # (skill, self, trainer) where they differ

    @property
    def fits_horizon(self) -> bool:
        return self.realistic_end <= self.horizon_end

    @property
    def lang(self) -> str:
        return self.answers.language
