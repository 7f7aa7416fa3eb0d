"""The questionnaire takes its choices and bounds from the answers model, and checks a single
answer through the model: a change to the model cannot leave the questions behind."""

from __future__ import annotations

from typing import get_args

import pytest

from cc_career.core.interview import QUESTIONS
from cc_career.core.models.answers import Channel, Employment, Question, Reason, Style
from cc_career.questionnaire import fields
from cc_career.questionnaire import interview as interview_questions
from cc_career.questionnaire import plan as plan_questions


def test_the_choices_are_the_models_literals_in_order():
    assert plan_questions.STYLES == get_args(Style)
    assert plan_questions.EMPLOYMENTS == get_args(Employment)
    assert plan_questions.CHANNELS == get_args(Channel)
    assert plan_questions.CONCERNS == get_args(Reason)
    assert QUESTIONS == get_args(Question)
    assert interview_questions.SECONDS == (30, 60, 180)


@pytest.mark.parametrize(("path", "expected"), [
    ("ideal.horizon_years", (1, 10)), ("ideal.salary_target_jpy", (0, 100_000_000)),
    ("current.years_in_role", (0, 50)), ("current.kpis.aht_seconds", (1, 7200)),
    ("current.kpis.csat", (0, 1)), ("current.skills.communication", (0, 4)),
])
def test_bounds_come_from_the_fields(path, expected):
    assert fields.bounds(path) == expected


def test_lengths_come_from_the_fields():
    assert plan_questions.MAX_TEXT == 200
    assert interview_questions.MAX_LENGTH == {"company": 200, "position": 200, "motivation": 400}


@pytest.mark.parametrize(("path", "good", "bad"), [
    ("ideal.horizon_years", [1, 10], [0, 11, 3.0, True, "3"]),
    ("current.years_in_role", [0, 1.5, 50], [-1, 51, "1"]),
    ("current.kpis.fcr_rate", [0, 0.72, 1], [1.5, -0.1]),
    ("current.channels", [["phone", "chat"]], [["fax"], "phone"]),
    ("name", ["山田 花子"], ["", "   ", "x" * 201]),
])
def test_a_single_answer_is_checked_by_the_model(path, good, bad):
    fits = fields.fits(path)
    assert all(fits(v) for v in good)
    assert not any(fits(v) for v in bad)


def test_an_unknown_path_is_refused():
    with pytest.raises(KeyError):
        fields.annotation("ideal.no_such_field")
