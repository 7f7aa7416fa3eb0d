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


class SkillAction(Strict):
    """Something concrete that raises a skill from `from_level` to the next level."""

    from_level: Annotated[int, Field(ge=0, le=3)]
    do: Text  # the action, specific enough to start tomorrow
    check: Text  # how to tell it worked: a level, a KPI value, a certificate


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
        missing = sorted({0, 1, 2, 3} - {a.from_level for a in actions})
        if missing:
            raise ValueError(f"no action raises the skill from level {missing[0]}")
        return actions

    def actions_from(self, level: int) -> list[SkillAction]:
        return [a for a in self.actions if a.from_level == level]


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
    # How the role is said aloud in an interview answer (「SV」, "supervisor"): no brackets,
    # no slashes. Optional: without it the name is used, its brackets and slashes dropped.
    spoken: Text | None = None
    description: Text
    min_years_experience: Annotated[float, Field(ge=0, le=30)] = 0
    skills: dict[Id, Requirement]
    certifications: list[Certification] = []
    values: list[Id]
    interests: list[Id] = []
    pay: Pay | None = None


KpiName = Literal["aht_seconds", "fcr_rate", "csat"]


class Transition(Strict):
    """A move between two roles: how long it typically takes and what it takes."""

    from_role: Id = Field(alias="from")
    to: Id
    months: Annotated[int, Field(ge=1, le=120)]
    needs: Text
    kpi_targets: dict[KpiName, float] = {}

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class PathsFile(Strict):
    schema_version: Literal[1]
    values: list[Tag]
    interests: list[Tag]
    roles: list[Role]
    transitions: list[Transition]
