"""Step 1 of the method, the ideal self: rank the roles that fit the person, with reasons."""

from __future__ import annotations

import datetime as dt

from cc_career.core.models.answers import Answers
from cc_career.core.models.catalog import MAX_ROUTE_MONTHS, Catalog, Role
from cc_career.core.models.plan import Rating, Reason, Recommendation
from cc_career.core.plan.gap import levels_of, skill_ratings
from cc_career.core.plan.milestones import timed_route
from cc_career.core.plan.route import typical_months

# How much each kind of fit counts. Values come first: the seeds' counsellors start there.
VALUE_POINTS = 2.0
INTEREST_POINTS = 1.5
STYLE_POINTS = 3.0
SKILL_POINTS = 3.0
TIME_POINTS = 2.0

STYLE_TRACKS = {
    "management": "promotion",
    "specialist": "specialist",
    "other_department": "other_department",
    "career_change": "career_change",
}
HOURS_A_YEAR = 1_920  # 8 hours × 20 days × 12 months: hourly pay as a yearly figure


def rank_targets(catalog: Catalog, answers: Answers, ratings: dict[str, Rating] | None = None,
                 begin: dt.date | None = None) -> list[Recommendation]:
    """Every role reachable from the current one, best fit first (ties: shorter, then id).
    `months` is what the route to it takes this person — the very time the plan would give
    it — so the table and the route never disagree."""
    current = answers.current.role
    ratings = ratings or skill_ratings(answers, catalog)
    begin = begin or answers.today or dt.date(2000, 1, 1)
    levels = levels_of(ratings)
    horizon_months = answers.ideal.horizon_years * 12
    ranked = []
    for role in catalog.roles.values():
        if role.id == current:
            continue
        typical = typical_months(catalog, current, role.id)
        if typical is None or typical > MAX_ROUTE_MONTHS:  # out of reach, or of any calendar
            continue
        months = timed_route(catalog, answers, ratings, role.id, begin,
                             answers.concerns.strain).months
        if answers.ideal.style == "management" and role.track == "promotion" and role.entry:
            continue
        score, reasons = _fit(catalog, answers, role, levels, months, horizon_months)
        ranked.append(Recommendation(role=role, score=round(score, 3), reasons=tuple(reasons),
                                     months=months))
    ranked.sort(key=lambda r: (-r.score, r.months, r.role.id))
    return ranked


def skill_overlap(role: Role, ratings: dict[str, int]) -> float:
    """How much of the role's skill need (weighed by importance) the person already meets, 0-1."""
    total = sum(need.importance for need in role.skills.values())
    met = sum(
        need.importance * min(ratings.get(skill, 0), need.level) / need.level
        for skill, need in role.skills.items()
    )
    return met / total if total else 0.0


def _fit(
    catalog: Catalog,
    answers: Answers,
    role: Role,
    ratings: dict[str, int],
    months: int,
    horizon_months: int,
) -> tuple[float, list[Reason]]:
    ideal = answers.ideal
    score, reasons = 0.0, []
    values = [v for v in ideal.values if v in role.values]
    if values:
        score += VALUE_POINTS * len(values)
        reasons.append(Reason("values", {"tags": tuple(values)}))
    interests = [i for i in ideal.interests if i in role.interests]
    if interests:
        score += INTEREST_POINTS * len(interests)
        reasons.append(Reason("interests", {"tags": tuple(interests)}))
    if STYLE_TRACKS.get(ideal.style) == role.track:
        score += STYLE_POINTS
        reasons.append(Reason("style", {"track": role.track}))
    overlap = skill_overlap(role, ratings)
    score += SKILL_POINTS * overlap
    if overlap >= 0.5:
        reasons.append(Reason("skills", {"percent": round(overlap * 100)}))
    if months <= horizon_months:
        score += TIME_POINTS
        reasons.append(Reason("time", {"months": months}))
    else:
        score -= (months - horizon_months) / 12
        reasons.append(Reason("too_long", {"months": months}))
    # Only a public statistic or survey may say a role meets the salary goal: one person's
    # story is not a pay level anyone can plan on.
    for pay in role.public_pay[:1]:
        yearly = pay.max * (HOURS_A_YEAR if pay.unit == "hour" else 1)
        if ideal.salary_target_jpy and yearly >= ideal.salary_target_jpy:
            score += 1.0
            reasons.append(Reason("salary", {"source": pay.source, "year": pay.year}))
    return score, reasons
