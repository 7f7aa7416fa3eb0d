"""The planning core: answers + catalog + today → Plan. Pure: no I/O, no clock."""

from __future__ import annotations

import datetime as dt
import math

from dateutil.relativedelta import relativedelta

from cc_career.catalog import Catalog
from cc_career.models.answers import Answers
from cc_career.models.plan import Plan
from cc_career.plan import certificates, gap, ideal, milestones, route


def build_plan(answers: Answers, catalog: Catalog, today: dt.date) -> Plan:
    """The whole method: rank the targets, route to the chosen one, find the gaps, lay the
    milestones. `today` is the plan's start date (the answers' `today`, else the real date)."""
    strain = answers.concerns.strain
    recommendations = ideal.rank_targets(catalog, answers)
    chosen = answers.ideal.target_role
    if chosen:
        target = catalog.roles[chosen]
    elif recommendations:
        target = recommendations[0].role
    else:
        target = catalog.roles[answers.current.role]
    way = route.plan_route(catalog, answers.current.role, target.id, today,
                           years_in_role=answers.current.years_in_role, strain=strain)
    # Already in the target role (no move to make): the role's usual experience is moot.
    short = gap.experience_short(answers, way) if way.steps else 0.0
    if short:  # the last move waits until the experience the target role usually asks for
        way = route.extend_last_step(way, math.ceil(short * 12))
    gaps = gap.skill_gaps(answers, way)
    certifications = certificates.recommendations(catalog.certificates, way.roles[1:] or way.roles,
                                                  answers.current.certifications)
    realistic_end = way.steps[-1].end if way.steps else today
    return Plan(
        answers=answers,
        today=today,
        recommendations=tuple(recommendations),
        target=target,
        target_chosen=bool(chosen),
        route=way,
        gaps=tuple(gaps),
        strengths=tuple(gap.strengths(answers, way)),
        experience_years_short=short,
        certification_gaps=tuple(certifications),
        milestones=tuple(milestones.lay_milestones(catalog, answers, way, gaps, certifications,
                                                   today, strain)),
        chains=tuple(milestones.want_need_do(way, gaps, catalog)),
        reviews=tuple(milestones.review_dates(today, realistic_end, strain)),
        horizon_end=today + relativedelta(years=answers.ideal.horizon_years),
        realistic_end=realistic_end,
        strain=strain,
        disagreements=tuple(gap.disagreements(answers)),
    )
