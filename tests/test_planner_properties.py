"""What a center manager checks in every plan, as properties over random valid answers and the
bundled data (issue 11). The planner test runs 2,000 examples in the default profile and ten
times as many under `thorough`; the career-plan.json schema test runs fewer (jsonschema is slow).

- no milestone at or below the level the person has (rated, or assumed from their role);
- every gap of importance 4+ of a dated step has a milestone in that step;
- at most three skills at a time, at most one career milestone a month (two for part-timers);
- the months of the recommendation table, the route, the timeline and career-plan.json agree;
- no KPI milestone starts from an unknown figure; no action outside the person's channels;
- under strain nothing but health steps before the check-in;
- ids are stable across a re-run and across a change that keeps the route;
- a check's time window fits its milestone.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from test_properties import bundled, valid_answers

from cc_career.core.models.answers import Answers
from cc_career.core.plan import build_plan
from cc_career.core.plan.gap import staged_gaps
from cc_career.core.plan.milestones import MAX_AT_ONCE, MUST_COVER, _fill, months_per_milestone, window_months
from cc_career.render.plan_json import plan_data
from cc_career.render.plan_md import render_plan
from cc_career.render.words import say

EXAMPLES = max(2000, settings.default.max_examples * 3)
QUICK = [HealthCheck.too_slow]
GANTT_STEP = re.compile(r":(?:crit, )?s(\d+), (\d{4}-\d\d-\d\d), (\d{4}-\d\d-\d\d)$", re.MULTILINE)


def _months(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end` (as relativedelta counts them: Jan 31 → Feb 28 is one)."""
    from dateutil.relativedelta import relativedelta

    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months


def _calendar_months(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def assert_pace(plan, answers: Answers) -> None:  # noqa: ANN001
    """At most one career milestone a month (every other month part-time), three skills at once."""
    career = [m for m in plan.milestones if m.kind != "health"]
    pace = months_per_milestone(answers)
    # The planner paces its own milestones; a certificate's course, application, exam and
    # result keep the issuer's dates (tests/test_certificates.py checks those).
    paced = [m for m in career if m.kind in ("skill", "kpi", "move")]
    for earlier, later in zip(paced, paced[1:], strict=False):
        assert _calendar_months(earlier.date, later.date) >= pace, (earlier, later)
    for step in {m.step for m in career}:
        spans = {}
        for m in career:
            if m.step == step and m.kind == "skill":
                first, _ = spans.get(m.skill_id, (m.started, m.date))
                spans[m.skill_id] = (first, m.date)
        for m in career:
            if m.step == step:
                running = [s for s, (a, b) in spans.items() if a < m.date <= b]
                assert len(running) <= MAX_AT_ONCE, (m.date, running)


def check_plan(answers: Answers) -> None:
    catalog = bundled()
    today = answers.today or dt.date(2026, 11, 22)
    plan = build_plan(answers, catalog, today)
    steps = plan.route.steps
    channels = answers.current.channels

    # ---- no step below the person; one level at a time --------------------------------------
    reached = {s: r.level for s, r in plan.ratings.items()}
    for m in plan.milestones:
        if m.kind == "skill":
            assert m.level_from == reached[m.skill_id] and m.level == m.level_from + 1, m
            reached[m.skill_id] = m.level

    # ---- actions fit the person's channels (and role) ----------------------------------------
    for m in plan.milestones:
        if m.kind != "skill":
            continue
        role = steps[m.step - 1].source if m.step else catalog.roles[answers.current.role]
        fitting = [a for a in catalog.skills[m.skill_id].actions_from(m.level_from)
                   if _fill(a.do, role) == m.action and a.fits(role.id, channels)]
        assert fitting, ("action outside the person's role or channels", m)

    # ---- coverage: every important gap of a dated step is worked on in that step ------------
    stages = staged_gaps(plan.ratings, plan.route)
    for step in steps[: plan.dated_steps]:
        worked = {m.skill_id for m in plan.milestones if m.step == step.index and m.kind == "skill"}
        for g in stages[step.index]:
            if g.importance >= MUST_COVER:
                assert g.skill_id in worked, (step.index, g)

    # ---- pace ----------------------------------------------------------------------------------
    assert_pace(plan, answers)
    career = [m for m in plan.milestones if m.kind != "health"]

    # ---- a check's window fits its date -------------------------------------------------------
    for m in plan.milestones:
        if m.started is not None:
            room = max(1, _months(m.started, m.date))
            assert window_months(say(m.check, "ja"), "ja") <= room, m
            assert window_months(say(m.check, "en"), "en") <= room, m

    # ---- the person's own numbers ---------------------------------------------------------------
    kpis = answers.current.kpis
    for m in plan.milestones:
        if m.kind == "kpi":
            if m.id.endswith("-find"):
                assert m.kpis and all(getattr(kpis, k.name) is None for k in m.kpis)
            else:
                assert m.kpis and all(k.now is not None and k.now == getattr(kpis, k.name) for k in m.kpis)

    # ---- strain: phase 1 holds only health steps -------------------------------------------------
    if plan.strain:
        assert plan.check_in is not None and 14 <= (plan.check_in - today).days <= 28
        assert all(m.date > plan.check_in for m in career)
        assert all(m.date <= plan.check_in for m in plan.milestones if m.kind == "health")
        assert not [m for m in plan.milestones if m.kind == "kpi"]
        if answers.concerns.strain and not answers.ideal.target_role and answers.ideal.style == "undecided":
            assert plan.target_open and not steps
        if answers.current.employment == "dispatch":
            assert not any("産業医" in say(m.action, "ja") for m in plan.milestones)
    else:
        assert not [m for m in plan.milestones if m.kind == "health"]

    # ---- the horizon: the headline is reachable, or it is the first step ------------------------
    if steps:
        assert plan.dated_steps >= 1
        assert plan.target_end <= plan.horizon_end or plan.dated_steps == 1
        assert all(m.step <= plan.dated_steps for m in plan.milestones)
        assert (plan.final_target is None) == (plan.dated_steps == len(steps))

    # ---- one model of time: table, route, timeline and JSON ---------------------------------------
    data = plan_data(plan, catalog)
    assert [(s["step"], s["months"], s["start"], s["end"]) for s in data["route"]] == [
        (s.index, s.months, s.start.isoformat(), s.end.isoformat()) for s in steps]
    for s in steps:
        assert _calendar_months(s.start, s.end) == s.months
    final = plan.final_target or plan.target
    for rec in plan.recommendations:
        if rec.role.id == final.id and steps:
            assert rec.months == plan.route.months
    markdown = render_plan(plan, catalog)
    assert [(int(n), a, b) for n, a, b in GANTT_STEP.findall(markdown)] == [
        (s.index, s.start.isoformat(), s.end.isoformat()) for s in steps]

    # ---- stable ids -----------------------------------------------------------------------------
    ids = [m.id for m in plan.milestones]
    assert len(ids) == len(set(ids)), ids
    for m in plan.milestones:
        if m.kind == "skill":
            assert m.id == f"s{m.step}-{m.skill_id}-{m.level}"
    again = build_plan(answers, catalog, today)
    assert [m.id for m in again.milestones] == ids
    kept = answers.model_copy(update={"name": "別の名前", "interview": answers.interview.model_copy(
        update={"company": "別の会社"})})
    assert [m.id for m in build_plan(kept, catalog, today).milestones] == ids


@pytest.mark.slow
@settings(max_examples=EXAMPLES, suppress_health_check=QUICK, deadline=None)
@given(answers=valid_answers())
def test_every_plan_keeps_the_pace_and_fit_rules(answers):
    check_plan(answers)


@cache
def _schema() -> dict:
    from cc_career.commands.check import json_schema

    return json.loads(json_schema("plan"))


@settings(max_examples=max(200, settings.default.max_examples // 2), suppress_health_check=QUICK,
          deadline=None)
@given(answers=valid_answers())
def test_career_plan_json_validates_against_its_schema(answers):
    import jsonschema

    catalog = bundled()
    plan = build_plan(answers, catalog, answers.today or dt.date(2026, 11, 22))
    document = json.loads(json.dumps(plan_data(plan, catalog)))
    jsonschema.validate(document, _schema(), format_checker=jsonschema.FormatChecker())
