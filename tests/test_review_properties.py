"""What a check-in must never do, over random valid answers, random check-ins and two or three
reviews in a row: lose a done milestone (or its date), date anything before the check-in, break
the planner's pace, or reuse an id for two milestones."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_planner_properties import assert_pace
from test_properties import bundled, valid_answers

from cc_career.core.models.plan_file import PlanFile
from cc_career.core.models.progress import DROP_REASONS, STATUSES, Progress
from cc_career.core.plan import build_plan
from cc_career.core.plan.review import review
from cc_career.render.plan_json import render_plan_json

LAST_START = dt.date(2097, 1, 1)
QUICK = [HealthCheck.too_slow, HealthCheck.data_too_large]


def _as_file(plan) -> PlanFile:  # noqa: ANN001
    return PlanFile.model_validate(json.loads(render_plan_json(plan, bundled())))


@st.composite
def check_in(draw: st.DrawFn, previous: PlanFile, today: dt.date) -> Progress:
    catalog = bundled()
    checks = {}
    for m in previous.milestones:
        if m.due <= today + relativedelta(months=3) and draw(st.booleans()):
            status = draw(st.sampled_from(STATUSES))
            entry: dict[str, object] = {"status": status}
            if status == "dropped":
                entry["reason"] = draw(st.sampled_from(DROP_REASONS))
            if status == "done" and draw(st.booleans()):
                entry["on"] = draw(st.dates(previous.made_on, today))
            checks[m.id] = entry
    changes: dict[str, object] = {}
    if draw(st.integers(0, 4)) == 0:
        changes["role"] = draw(st.sampled_from(sorted(catalog.roles)))
    if draw(st.integers(0, 4)) == 0:
        changes["target_role"] = draw(st.sampled_from(sorted(catalog.roles)))
    if draw(st.integers(0, 5)) == 0:
        changes["health"] = {"sleep_trouble": draw(st.booleans()), "physical_symptoms": draw(st.booleans())}
    return Progress.model_validate({
        "today": today, "milestones": checks, "changes": changes,
        "skills": draw(st.dictionaries(st.sampled_from(sorted(catalog.skills)), st.integers(0, 4),
                                       max_size=4)),
    })


def _check_review(previous: PlanFile, result, progress: Progress, today: dt.date) -> None:  # noqa: ANN001
    plan = result.plan
    settled = {s.id: s for s in plan.settled}
    # never loses a done milestone, nor its date; earlier reviews' records stay as they were
    for s in previous.settled:
        assert settled[s.id] == s
    for ident, check in progress.milestones.items():
        if check.status in ("done", "dropped"):
            assert settled[ident].status == check.status
            if check.on is not None:
                assert settled[ident].on == check.on
    # nothing planned before the check-in; no id twice, none reused for a settled milestone
    assert all(m.date >= today for m in plan.milestones), [(m.id, m.date) for m in plan.milestones]
    ids = [m.id for m in plan.milestones]
    assert len(ids) == len(set(ids)) and not set(ids) & set(settled)
    # a done climb is not planned again
    done_levels = {(s.skill, s.level_to) for s in settled.values()
                   if s.status == "done" and s.kind == "skill"}
    assert not [m for m in plan.milestones if m.kind == "skill" and (m.skill_id, m.level) in done_levels]
    assert_pace(plan, result.answers)
    _as_file(plan)  # the new plan is a valid career-plan.json


@pytest.mark.slow
@settings(max_examples=300, suppress_health_check=QUICK, deadline=None)
@given(answers=valid_answers(), data=st.data())
def test_reviews_keep_what_was_done_date_nothing_in_the_past_and_keep_the_pace(answers, data):
    catalog = bundled()
    today = answers.today or dt.date(2026, 11, 22)
    assume(today < LAST_START)  # three check-ins later is still a date a progress file can hold
    answers = answers.model_copy(update={"today": today})
    plan = build_plan(answers, catalog, today)
    previous = _as_file(plan)
    for _ in range(data.draw(st.integers(1, 3))):
        today = today + relativedelta(months=data.draw(st.integers(1, 8)), days=data.draw(st.integers(0, 27)))
        progress = data.draw(check_in(previous, today))
        result = review(previous, answers, progress, catalog, today)
        _check_review(previous, result, progress, today)
        previous, answers = _as_file(result.plan), result.answers


@settings(max_examples=25, suppress_health_check=QUICK, deadline=None)
@given(answers=valid_answers(), data=st.data())
def test_one_review_keeps_what_was_done(answers, data):
    catalog = bundled()
    today = answers.today or dt.date(2026, 11, 22)
    assume(today < LAST_START)  # three check-ins later is still a date a progress file can hold
    answers = answers.model_copy(update={"today": today})
    previous = _as_file(build_plan(answers, catalog, today))
    when = today + relativedelta(months=data.draw(st.integers(1, 6)))
    progress = data.draw(check_in(previous, when))
    result = review(previous, answers, progress, catalog, when)
    _check_review(previous, result, progress, when)
