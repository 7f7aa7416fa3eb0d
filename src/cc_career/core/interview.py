"""The interview answer's core: what of the plan the answer may say, which parts each question
takes in which order, and how many of them fit the speaking time. No wording here (that is
`render/interview.py`), no I/O, no clock.

Every number the answer says comes from `facts_from_plan`, the one place that reads the Plan:
the months to each step and to the target, the furthest step the horizon holds, the first
step's KPI figures and the plan's first actions. When the planner changes how it computes them,
the answer follows without a change here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import get_args

from dateutil.relativedelta import relativedelta

from cc_career.core.kpi import ORDER as KPI_ORDER
from cc_career.core.models.answers import Interview, Question
from cc_career.core.models.catalog import Catalog, Role, Text
from cc_career.core.models.plan import KpiGoal, Milestone, Phrase, Plan

# Speaking pace: about 300 Japanese characters or 130 English words a minute; an answer must
# land within ±10% of the target time.
PACE_PER_MINUTE = {"ja": 300, "en": 130}
TOLERANCE = 0.1
FIELDS = ("company", "position", "motivation", "question", "seconds")
QUESTIONS: tuple[Question, ...] = get_args(Question)
# Health is never part of an interview answer: these skills stay out of it.
PRIVATE_SKILLS = frozenset({"stress_management"})
OFFERED_ACTIONS = 3  # the plan's first actions the questionnaire offers as "already doing"
LATE_IN_HORIZON = 3  # a step reached this few months before the horizon is "just reached"

# The parts of an answer, in speaking order per question, in paragraphs (seed 001's shape:
# what I did, with numbers → what I learned → why this company → first steps → the goal with a
# realistic time → what I already do). "In N years" opens with the N-year goal.
LAYOUT = {
    "career_plan": (
        ("experience", "experience_total", "kpis", "lesson", "lesson_more", "strength"),
        ("motivation", "tie", "values"),
        ("first", "first_support", "first_team", "first_learn", "first_goals", "first_date", "cert"),
        ("goal", "timing", "goal_why", "skill_plan", "skills_more", "gap", "contribute"),
        ("already", "also", "plan_more", "habit", "feedback", "review", "adjust", "closing",
         "closing_short"),
    ),
    "in_n_years": (
        ("n_goal", "n_when", "timing", "n_direction", "contribute"),
        ("experience", "experience_total", "kpis", "lesson", "lesson_more", "strength"),
        ("motivation", "tie", "values"),
        ("first", "first_support", "first_team", "first_learn", "first_goals", "first_date", "cert",
         "skill_plan", "skills_more", "gap"),
        ("already", "also", "plan_more", "habit", "feedback", "review", "adjust", "closing",
         "closing_short"),
    ),
    "after_joining": (
        ("first", "first_support", "first_team", "first_learn", "first_goals", "first_date", "cert"),
        ("experience", "experience_total", "kpis", "lesson", "lesson_more", "strength"),
        ("motivation", "tie", "values"),
        ("goal", "timing", "goal_why", "skill_plan", "skills_more", "gap", "contribute"),
        ("already", "also", "plan_more", "habit", "feedback", "review", "adjust", "closing",
         "closing_short"),
    ),
}
# The parts an answer cannot do without, then the others in the order they are added while
# the answer stays within its time.
REQUIRED = {
    "career_plan": ("experience", "motivation", "goal"),
    "in_n_years": ("n_goal", "motivation"),
    "after_joining": ("first", "motivation", "goal"),
}
PRIORITY = {
    "career_plan": ("first", "already", "lesson", "kpis", "tie", "first_goals", "also", "goal_why",
                    "skill_plan", "experience_total", "first_date", "cert", "strength", "values",
                    "closing", "skills_more", "gap", "plan_more", "lesson_more", "first_support",
                    "timing", "habit", "first_team", "review", "contribute", "first_learn",
                    "feedback", "adjust", "closing_short"),
    "in_n_years": ("n_when", "n_direction", "experience", "already", "lesson", "kpis", "first", "tie",
                   "first_goals", "also", "skill_plan", "experience_total", "first_date", "strength",
                   "cert", "values", "closing", "skills_more", "gap", "plan_more", "lesson_more",
                   "first_support", "timing", "habit", "first_team", "review", "contribute",
                   "first_learn", "feedback", "adjust", "closing_short"),
    "after_joining": ("first_goals", "experience", "already", "first_date", "lesson", "kpis", "tie",
                      "cert", "also", "goal_why", "skill_plan", "experience_total", "strength",
                      "values", "closing", "skills_more", "gap", "plan_more", "lesson_more",
                      "first_support", "timing", "habit", "first_team", "review", "contribute",
                      "first_learn", "feedback", "adjust", "closing_short"),
}
INSTEAD = {"closing_short": "closing"}  # said only when the other is not
LAST_RESORT = frozenset({"closing_short"})  # only to reach the band, never in place of substance
UPGRADE_FIRST = ("motivation", "goal", "n_goal")  # the person's own motivation before all else
DEPENDS = {"kpis": "experience", "lesson": "experience", "strength": "experience",
           "experience_total": "experience", "lesson_more": "lesson", "first_goals": "first",
           "first_date": "first_goals", "first_support": "first", "first_team": "first", "also": "already",
           "plan_more": "already", "skills_more": "skill_plan", "n_when": "n_goal", "habit": "already",
           "first_learn": "first", "feedback": "already", "adjust": "already"}


# ---- what of the plan the answer may say ----------------------------------------------------


@dataclass(frozen=True)
class Reached:
    """A role on the route, and when the plan reaches it (months from the plan's start)."""

    role: Role
    months: int


@dataclass(frozen=True)
class Action:
    """One of the plan's first actions: what the questionnaire offers as "already doing"."""

    id: str
    skill_id: str
    text: Phrase


@dataclass(frozen=True)
class SkillPlan:
    """A skill the plan climbs: the level it reaches, and in how many months."""

    skill_id: str
    level: int  # the level the plan reaches
    months: int


@dataclass(frozen=True)
class AnswerFacts:
    """Everything the answer says about the person and their plan."""

    current: Role
    years_in_role: float
    years_total: float
    industry: str | None
    channels: tuple[str, ...]
    kpis: dict[str, float]  # the person's own figures
    values: tuple[str, ...]  # the person's value tags
    horizon_years: int
    steps: tuple[Reached, ...]  # every role the route reaches, in order
    target: Role  # the plan's final target
    target_chosen: bool
    target_months: int
    reachable: Reached | None  # the furthest step the horizon holds
    fits: bool  # the horizon holds the target
    first_goals: tuple[KpiGoal, ...]
    first_goals_months: int | None  # when the plan checks them
    actions: tuple[Action, ...]  # the plan's first actions, the most important first
    skills: tuple[SkillPlan, ...]  # the skills the plan raises, the most important first
    strength: tuple[str, int] | None  # the person's strongest skill and its level
    gaps: tuple[tuple[str, int, int], ...]  # (skill, now, needed) the target needs, biggest first
    cert: tuple[Text, int] | None  # the first certificate the plan sits, and when
    review_months: int | None
    strain: bool
    check_in: dt.date | None  # under strain: the check-in after which career steps start

    @property
    def next_step(self) -> Reached | None:
        return self.steps[0] if self.steps else None


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end`, counting a started month as a month."""
    if end <= start:
        return 0
    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months + (1 if delta.days else 0)


def facts_from_plan(plan: Plan, catalog: Catalog) -> AnswerFacts:
    """The glue to the Plan: the one place that reads it."""
    answers, today = plan.answers, plan.today
    current = answers.current
    horizon = answers.ideal.horizon_years * 12
    steps = tuple(Reached(s.target, months_between(today, s.end)) for s in plan.route.steps)
    within = [s for s in steps if s.months <= horizon]
    # The whole way's goal: beyond the horizon's headline step when the horizon cannot hold it.
    target = plan.final_target or plan.target
    target_needs = target.skills

    def importance(skill_id: str | None) -> int:
        need = target_needs.get(skill_id or "")
        return need.importance if need else 0

    career = [m for m in plan.milestones if m.kind == "skill" and m.skill_id
              and m.skill_id not in PRIVATE_SKILLS]
    first_step = [m for m in career if m.step <= 1] or career
    ranked = sorted(first_step, key=lambda m: (-importance(m.skill_id), m.date))
    actions: list[Action] = []
    for milestone in ranked:
        if milestone.skill_id not in {a.skill_id for a in actions}:
            actions.append(Action(action_id(milestone), milestone.skill_id or "", milestone.action))
    climbs: dict[str, Milestone] = {}
    for milestone in sorted(career, key=lambda m: (-importance(m.skill_id), m.date)):
        best = climbs.get(milestone.skill_id or "")
        if best is None or (milestone.level or 0) > (best.level or 0):
            climbs[milestone.skill_id or ""] = milestone
    kpis = {name: value for name in KPI_ORDER
            if (value := getattr(current.kpis, name)) is not None}
    # The first step's KPI milestone, with the figures the plan itself set (the person's own
    # figure where known): the answer never says a number the plan does not.
    kpi_check = next((m for m in plan.milestones if m.kind == "kpi" and m.step == 1 and m.kpis), None)
    goals = [g for g in (kpi_check.kpis if kpi_check else ()) if g.now is not None]
    # The recommended grade's own exam (its prerequisites come before it, under their own names).
    names = {c.ref: c.name for c in plan.certification_gaps}
    cert = next((m for m in plan.milestones if m.kind == "certificate" and m.certificate in names), None)
    cert_name = names[cert.certificate] if cert is not None and cert.certificate else None
    strengths = [s for s in plan.strengths if s[0] not in PRIVATE_SKILLS and s[1] >= 2]
    return AnswerFacts(
        current=catalog.roles[current.role],
        years_in_role=current.years_in_role,
        years_total=current.years_total,
        industry=current.industry,
        channels=tuple(current.channels),
        kpis=kpis,
        values=tuple(answers.ideal.values),
        horizon_years=answers.ideal.horizon_years,
        steps=steps,
        target=target,
        target_chosen=plan.target_chosen,
        target_months=months_between(today, plan.realistic_end),
        reachable=within[-1] if within else None,
        fits=plan.fits_horizon,
        first_goals=tuple(goals),
        first_goals_months=months_between(today, kpi_check.date) if kpi_check and goals else None,
        actions=tuple(actions[:OFFERED_ACTIONS]),
        skills=tuple(SkillPlan(m.skill_id or "", m.level or 0, months_between(today, m.date))
                     for m in climbs.values()),
        strength=max(strengths, key=lambda s: s[1]) if strengths else None,
        gaps=tuple((g.skill_id, g.now, g.needed) for g in plan.gaps
                   if g.role.id == target.id and g.skill_id not in PRIVATE_SKILLS),
        cert=(cert_name, months_between(today, cert.date)) if cert and cert_name else None,
        review_months=months_between(today, plan.reviews[0]) if plan.reviews else None,
        strain=plan.strain,
        check_in=check_in_date(plan),
    )


def check_in_date(plan: Plan) -> dt.date | None:
    """Under strain: the check-in after which the plan's career steps start."""
    if not plan.strain:
        return None
    return plan.check_in or (plan.reviews[0] if plan.reviews else plan.today)


def action_id(milestone: Milestone) -> str:
    """The plan's id for a milestone (`s1-quality_monitoring-2`, as career-plan.json names it)."""
    own = getattr(milestone, "id", None)
    return own if isinstance(own, str) else f"s{milestone.step}-{milestone.skill_id}-{milestone.level}"


def offered_actions(plan: Plan, catalog: Catalog) -> tuple[Action, ...]:
    """What the questionnaire asks about: "which of these do you already do?"."""
    return facts_from_plan(plan, catalog).actions


def refusal(plan: Plan) -> str | None:
    """Why no answer is made for this plan, or None.

    Under strain (poor sleep, physical symptoms) the plan puts rest and help first and starts
    its career steps only after a check-in; an answer would have to state goals and dates the
    plan has deliberately not set yet, and rehearsing a pitch is not what the person needs now.
    So no answer is made: the command says why and when to come back (exit 2)."""
    return "speech.refused_strain" if plan.strain else None


# ---- length --------------------------------------------------------------------------------


def measure(text: str, lang: str) -> int:
    """Japanese: characters, not counting spaces and line breaks; English: words."""
    if lang == "ja":
        return sum(1 for char in text if not char.isspace())
    return sum(1 for word in text.split() if any(char.isalnum() for char in word))


def aim(seconds: int, lang: str) -> float:
    return PACE_PER_MINUTE[lang] * seconds / 60


def band(seconds: int, lang: str) -> tuple[int, int]:
    target = aim(seconds, lang)
    return math.ceil(target * (1 - TOLERANCE)), math.floor(target * (1 + TOLERANCE))


def spoken_seconds(length: int, lang: str) -> int:
    return round(length * 60 / PACE_PER_MINUTE[lang])


# ---- choosing the parts ------------------------------------------------------------------------


@dataclass(frozen=True)
class Chosen:
    """The parts said, each with the wording picked, in speaking order and paragraphs."""

    paragraphs: tuple[tuple[tuple[str, str], ...], ...]  # ((part id, sentence), ...) per paragraph

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(part for paragraph in self.paragraphs for part, _ in paragraph)


def choose(question: str, wordings: dict[str, tuple[str, ...]], seconds: int, lang: str,
           join: Callable[[list[str]], str]) -> Chosen:
    """The required parts, then the others in priority order while the answer stays near the
    target time (first within +5%, then, if it is still short, within the band). Each part
    may have several wordings, longest first; the longest that fits is taken. Deterministic:
    a fixed order, no search."""
    low, high = band(seconds, lang)
    target = aim(seconds, lang)
    picked: dict[str, str] = {}

    def size(extra: dict[str, str]) -> int:
        return measure(join(list({**picked, **extra}.values())), lang)

    required = [part for part in REQUIRED[question] if wordings.get(part)]
    for part in required:  # the shortest wordings first, so that every required part fits ...
        picked[part] = wordings[part][-1]
    for part in sorted(required, key=lambda p: p not in UPGRADE_FIRST):  # ... then the fullest
        picked[part] = next((w for w in wordings[part] if size({part: w}) <= high), picked[part])
    for limit in (target * (1 + TOLERANCE / 2), high):
        for part in PRIORITY[question]:
            if part in LAST_RESORT and limit != high:
                continue
            if size({}) >= target:
                break
            needs = DEPENDS.get(part)
            if part in picked or (needs is not None and needs not in picked) or INSTEAD.get(part) in picked:
                continue
            for wording in wordings.get(part, ()):
                if size({part: wording}) <= limit:
                    picked[part] = wording
                    break
    paragraphs = []
    for paragraph in LAYOUT[question]:
        said = tuple((part, picked[part]) for part in paragraph if part in picked)
        if said:
            paragraphs.append(said)
    return Chosen(tuple(paragraphs))


def missing_fields(interview: Interview) -> list[str]:
    return [name for name in FIELDS if getattr(interview, name) is None]
