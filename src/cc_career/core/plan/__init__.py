"""The planning core: answers + catalog + today → Plan. Pure: no I/O, no clock."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from cc_career.core.models.answers import Answers
from cc_career.core.models.catalog import Catalog
from cc_career.core.models.plan import Plan, Route
from cc_career.core.plan import certificates, gap, ideal, milestones


def build_plan(answers: Answers, catalog: Catalog, today: dt.date) -> Plan:
    """The whole method: rank the targets, route to the chosen one, find the gaps, lay the
    milestones. `today` is the plan's start date (the answers' `today`, else the real date)."""
    strain = answers.concerns.strain
    ratings = gap.skill_ratings(answers, catalog)
    check_in = milestones.check_in_date(today) if strain else None
    begin = check_in or today
    recommendations = ideal.rank_targets(catalog, answers, ratings, begin)
    chosen = answers.ideal.target_role
    # Under strain, someone who has not decided is not handed a target: options, after recovery.
    target_open = strain and not chosen and answers.ideal.style == "undecided"
    if chosen:
        final = catalog.roles[chosen]
    elif recommendations and not target_open:
        final = recommendations[0].role
    else:
        final = catalog.roles[answers.current.role]
    way = milestones.timed_route(catalog, answers, ratings, final.id, begin, strain)
    horizon_end = today + relativedelta(years=answers.ideal.horizon_years)
    dated = _dated_steps(way, horizon_end)
    headline = way.steps[dated - 1].target if dated else final
    if way.steps:
        target_end, realistic_end = way.steps[dated - 1].end, way.steps[-1].end
    else:  # no move: the current role's skills over a year (or, target open, recovery first)
        target_end = realistic_end = begin if target_open else \
            begin + relativedelta(months=milestones.SAME_ROLE_MONTHS)
    gaps = gap.skill_gaps(ratings, way)
    certifications = certificates.recommendations(catalog.certificates, way.roles[1:] or way.roles,
                                                  answers.current.certifications)
    laid, backlog = milestones.lay_milestones(catalog, answers, ratings, way, certifications, begin,
                                              strain, dated, today)
    laid.sort(key=lambda m: (m.date, m.step, milestones.KIND_ORDER[m.kind], m.skill_id or "", m.id))
    short = gap.experience_short(answers, way) if way.steps else 0.0
    warnings = []
    if realistic_end > horizon_end:
        warnings.append("horizon_too_short")
    if strain:
        warnings.append("strain")
    if target_open:
        warnings.append("target_open")
    if any(not r.rated for s, r in ratings.items() if any(s in role.skills for role in way.roles)):
        warnings.append("assumed_skills")
    return Plan(
        answers=answers,
        today=today,
        recommendations=tuple(recommendations),
        target=headline,
        target_chosen=bool(chosen),
        route=way,
        gaps=tuple(gaps),
        strengths=tuple(gap.strengths(ratings, way)),
        experience_years_short=short,
        certification_gaps=tuple(certifications),
        milestones=tuple(laid),
        chains=tuple(milestones.want_need_do(catalog, answers, way, gap.skill_gaps(
            ratings, Route(roles=way.roles[:dated + 1], steps=way.steps[:dated])), dated)),
        reviews=tuple(milestones.review_dates(begin, target_end, strain)),
        horizon_end=horizon_end,
        realistic_end=realistic_end,
        strain=strain,
        disagreements=tuple(gap.disagreements(answers)),
        ratings=ratings,
        target_end=target_end,
        final_target=final if dated < len(way.steps) else None,
        target_open=target_open,
        check_in=check_in,
        dated_steps=dated,
        backlog=tuple(backlog),
        warnings=tuple(warnings),
    )


def _dated_steps(way: Route, horizon_end: dt.date) -> int:
    """How many steps the horizon holds (at least the first: a plan always starts somewhere)."""
    if not way.steps:
        return 0
    held = sum(1 for step in way.steps if step.end <= horizon_end)
    return max(1, held)
