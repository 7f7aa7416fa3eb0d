"""Step 3 of the method: dated SMART milestones for every step, the want → need → do chains,
and the review dates."""

from __future__ import annotations

import datetime as dt
import math

from dateutil.relativedelta import relativedelta

from cc_career.catalog import Catalog
from cc_career.i18n import t
from cc_career.models.answers import Answers
from cc_career.models.catalog import Text
from cc_career.models.plan import CertificationGap, Chain, Gap, Milestone, Route
from cc_career.plan import certificates
from cc_career.plan.gap import staged_gaps
from cc_career.plan.route import STRAIN_REST_MONTHS

KIND_ORDER = {"wellbeing": 0, "skill": 1, "course": 2, "application": 2, "certification": 2, "result": 2,
              "registration": 2, "kpi": 3, "experience": 4, "role": 5}
SAME_ROLE_MONTHS = 12  # with no move to make, skills are planned over a year
MAX_CHAINS = 3
# A counsellor narrows the work down: each step plans the five biggest gaps level by level;
# the rest stay in the gap table for the next review.
MAX_SKILLS_PER_STEP = 5
MAX_SKILLS_PER_STEP_UNDER_STRAIN = 3  # fewer things at once while rest comes first


def both(key: str, **params: object) -> Text:
    """A generated sentence in both languages, so the plan can be rendered in either."""
    return Text(ja=t(key, "ja", **params), en=t(key, "en", **params))


def lay_milestones(
    catalog: Catalog,
    answers: Answers,
    route: Route,
    gaps: list[Gap],
    certifications: list[CertificationGap],
    today: dt.date,
    strain: bool,
) -> list[Milestone]:
    milestones: list[Milestone] = []
    if strain:
        milestones.append(Milestone(
            kind="wellbeing", date=today + relativedelta(months=STRAIN_REST_MONTHS), step=0,
            action=both("milestone.rest_do"), check=both("milestone.rest_check"),
        ))
    windows = [(s.index, s.start, s.months) for s in route.steps]
    if not windows:
        windows = [(0, today + relativedelta(months=STRAIN_REST_MONTHS if strain else 0),
                    SAME_ROLE_MONTHS)]
    stages = staged_gaps(answers, route)
    for index, start, months in windows:
        mine = stages[index][:MAX_SKILLS_PER_STEP_UNDER_STRAIN if strain else MAX_SKILLS_PER_STEP]
        milestones += _skill_milestones(catalog, mine, index, start, months)
        step = route.steps[index - 1] if index else None
        if step is None:
            continue
        for cert in [c for c in certifications if c.role.id == step.target.id][:1]:
            milestones += certificates.milestones(catalog.certificates, cert,
                                                  answers.current.certifications, start, step.end, index)
        if step.move.kpi_targets:
            milestones.append(Milestone(
                kind="kpi", date=_at(start, months, 0.85), step=index,
                action=_kpi_text("do", step.move.kpi_targets, answers),
                check=_kpi_text("check", step.move.kpi_targets, answers),
            ))
        milestones.append(Milestone(
            kind="role", date=step.end, step=index,
            action=both("milestone.role_do", ja=step.target.name.ja, en=step.target.name.en),
            check=both("milestone.role_check", ja=step.target.name.ja, en=step.target.name.en),
        ))
    return sorted(milestones, key=lambda m: (m.date, m.step, KIND_ORDER[m.kind], m.skill_id or ""))


def _skill_milestones(
    catalog: Catalog, gaps: list[Gap], step: int, start: dt.date, months: int
) -> list[Milestone]:
    """One milestone per level to climb, spread over the first 80% of the step, the first
    level of every skill before the second level of any."""
    climbs = [(level - gap.now, gap, level) for gap in gaps for level in range(gap.now, gap.needed)]
    climbs.sort(key=lambda c: (c[0], -c[1].weight, c[1].skill_id))
    result = []
    for slot, (_, gap, level) in enumerate(climbs, start=1):
        skill = catalog.skills[gap.skill_id]
        action = skill.actions_from(level)[0]
        result.append(Milestone(
            kind="skill", date=_at(start, months, 0.8 * slot / len(climbs)), step=step,
            action=action.do, check=action.check, skill_id=gap.skill_id, level=level + 1,
        ))
    return result


def _at(start: dt.date, months: int, fraction: float) -> dt.date:
    """A date `fraction` of the way through a window, on a whole month (at least one in)."""
    return start + relativedelta(months=max(1, math.ceil(months * fraction)))


def _kpi_text(part: str, targets: dict[str, float], answers: Answers) -> Text:
    kpis = answers.current.kpis
    texts = {}
    for lang in ("ja", "en"):
        items = []
        for name, goal in sorted(targets.items()):
            now = getattr(kpis, name)
            met = now is not None and (now <= goal if name == "aht_seconds" else now >= goal)
            items.append(t("kpi.kept" if met else f"kpi.{name}", lang, label=t(f"kpi.label_{name}", lang),
                           goal=_kpi_value(name, goal),
                           now=_kpi_value(name, now) if now is not None else "—"))
        texts[lang] = t(f"milestone.kpi_{part}", lang, kpis=t("list.sep", lang).join(items))
    return Text(**texts)


def _kpi_value(name: str, value: float) -> str:
    return f"{value:.0f}" if name == "aht_seconds" else f"{value * 100:.0f}%"


def want_need_do(route: Route, gaps: list[Gap], catalog: Catalog) -> list[Chain]:
    """"I want X → that needs Y → so now I do Z", for the biggest gaps."""
    target = route.roles[-1]
    return [
        Chain(want=target, gap=gap, do=catalog.skills[gap.skill_id].actions_from(gap.now)[0].do)
        for gap in gaps[:MAX_CHAINS]
    ]


def review_dates(today: dt.date, end: dt.date, strain: bool) -> list[dt.date]:
    """Every quarter in the first year (every month at first under strain), then twice a year."""
    dates: list[dt.date] = []
    if strain:
        dates += [today + relativedelta(months=m) for m in (1, 2)]
    month = 3
    while True:
        when = today + relativedelta(months=month)
        if when >= end:
            break
        dates.append(when)
        month += 3 if month < 12 else 6
    dates.append(end)
    return sorted(set(dates))
