"""The shape of data/skills.yaml and data/paths.yaml: skills, roles, transitions, tags."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Track = Literal["promotion", "specialist", "other_department", "career_change"]
TRACKS: tuple[Track, ...] = ("promotion", "specialist", "other_department", "career_change")
Lang = Literal["ja", "en"]


class Strict(BaseModel):
    """Base for every hand-written file: a typo in a key is an error, never ignored."""

    # Validators are built on first use: a catalog taken from the cache never needs them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Strict):
    """One piece of user-facing text in both languages."""

    ja: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


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

    from_level: Annotated[int, Field(ge=0, le=3)]
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
    description: Text
    levels: dict[int, Text]  # descriptors for levels 1-4 (0 means "not yet")
    actions: list[SkillAction]

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
    schema_version: Literal[1]
    categories: list[Category]
    skills: list[Skill]


class Requirement(Strict):
    """A skill a role needs: the level (1-4) and how much it matters (1-5), as O*NET rates."""

    level: Annotated[int, Field(ge=1, le=4)]
    importance: Annotated[int, Field(ge=1, le=5)]


class Certification(Strict):
    name: Text
    issuer: Text


class Pay(Strict):
    """A typical pay range with the public source it comes from."""

    unit: Literal["hour", "year"]
    min: Annotated[int, Field(gt=0)]
    max: Annotated[int, Field(gt=0)]
    source: Annotated[str, Field(min_length=1)]
    note: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Pay:
        if self.min > self.max:
            raise ValueError("pay min is greater than max")
        return self


class Role(Strict):
    id: Id
    track: Track
    entry: bool = False
    name: Text
    description: Text
    min_years_experience: Annotated[float, Field(ge=0, le=30)] = 0
    skills: dict[Id, Requirement]
    certifications: list[Certification] = []
    values: list[Id]
    interests: list[Id] = []
    pay: Pay | None = None


KpiName = Literal["aht_seconds", "fcr_rate", "csat"]


class Transition(Strict):
    """A move between two roles: how long it typically takes and what it takes.

    `kpi_targets` are example thresholds; `kpi_targets_by_industry` overrides them for an
    industry (an insurance line's calls run longer than a mail-order center's)."""

    from_role: Id = Field(alias="from")
    to: Id
    months: Annotated[int, Field(ge=1, le=120)]
    needs: Text
    kpi_targets: dict[KpiName, float] = {}
    kpi_targets_by_industry: dict[Id, dict[KpiName, float]] = {}

    def kpis_for(self, industry: str | None) -> dict[str, float]:
        """The example KPI targets for someone working in `industry`."""
        return {**self.kpi_targets, **self.kpi_targets_by_industry.get(industry or "", {})}

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class PathsFile(Strict):
    schema_version: Literal[1]
    values: list[Tag]
    interests: list[Tag]
    roles: list[Role]
    transitions: list[Transition]
