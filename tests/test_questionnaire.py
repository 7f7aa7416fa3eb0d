"""The plan questionnaire's logic with scripted answers (the pty sessions are in
test_plan_terminal.py): what is asked, what is skipped, what is checked."""

from __future__ import annotations

import io
from typing import Any

import pytest
from rich.console import Console

from cc_career.files.load import load_catalog
from cc_career.questionnaire.plan import MAX_RATED, ask_plan
from cc_career.questionnaire.prompts import Asker


class ScriptedAsker(Asker):
    """Answers each question from a script keyed by the answers-file field (or the message's
    locale key for yes/no questions without a field), and records what was asked."""

    def __init__(self, lang: str, answers: dict[str, Any], script: dict[str, Any], **kwargs: Any):
        super().__init__(lang, answers, **kwargs)
        self.script = script
        self.questions: list[str] = []

    def _answer(self, path: str, fallback: Any) -> Any:
        self.questions.append(path)
        return self.script.get(path, fallback)

    def select(self, path, message, choices, default=None, answered=None):
        value = self._answer(path, default)
        assert value in [v for v, _ in choices], f"{value!r} is not offered for {path}"
        self.put(path, value)
        return value

    def checkbox(self, path, message, choices, checked=None, at_least_one=False):
        value = self._answer(path, checked or [])
        self.put(path, value)
        return value

    def text(self, path, message, *, default="", check, convert=str):
        raw = self._answer(path, default)
        assert check(raw) is None, f"{raw!r} refused for {path}: {check(raw)}"
        value = convert(raw)
        self.put(path, value)
        return value

    def confirm(self, path, message, default=False):
        value = self._answer(path or message, default)
        if path:
            self.put(path, value)
        return value


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(None)


def run(catalog, script: dict[str, Any], prefill: dict[str, Any] | None = None, **kwargs: Any):
    asker = ScriptedAsker("ja", {"language": "ja", **(prefill or {})}, script, **kwargs)
    console = Console(file=io.StringIO(), width=100)
    answers = ask_plan(asker, catalog, console)
    return answers, asker, console.file.getvalue()


BASIC = {
    "name": "", "ideal.values": ["quality"], "ideal.interests": [], "ideal.style": "specialist",
    "ideal.horizon_years": "3", "ideal.salary_target_jpy": "450", "current.role": "operator",
    "current.years_in_role": "1", "current.years_total": "1", "current.employment": "dispatch",
    "current.industry": None, "current.channels": ["phone"], "current.certifications": "",
    "ideal.target_role": "qa",
}


def test_salary_is_asked_in_man_yen_and_stored_in_yen(catalog):
    answers, _, _ = run(catalog, BASIC)
    assert answers.ideal.salary_target_jpy == 4_500_000


def test_with_a_target_only_the_skills_its_route_needs_beyond_the_role_are_rated(catalog):
    prefill = {"ideal": {"target_role": "qa"}}
    _, asker, shown = run(catalog, BASIC, prefill)
    rated = [q.removeprefix("current.skills.") for q in asker.questions if q.startswith("current.skills.")]
    route_skills = set(catalog.roles["operator"].skills) | set(catalog.roles["qa"].skills)
    assert rated and set(rated) <= route_skills
    assert len(rated) <= MAX_RATED
    assert "english" not in rated and "sales_proposal" not in rated
    # an operator is assumed at the operator's levels: what QA needs beyond them comes first
    assert rated[0] == "quality_monitoring"
    assert "office_tools" not in rated  # QA needs no more of it than an operator has
    assert "0〜4" in shown


def test_an_sv_is_not_asked_about_what_the_sv_role_already_covers(catalog):
    script = {**BASIC, "current.role": "supervisor", "current.years_in_role": "7",
              "current.years_total": "7", "ideal.target_role": "sales"}
    _, asker, _ = run(catalog, script, {"ideal": {"target_role": "sales"}})
    rated = [q.removeprefix("current.skills.") for q in asker.questions if q.startswith("current.skills.")]
    assert "sales_proposal" in rated
    assert not {"coaching", "team_management", "complaint_handling", "active_listening"} & set(rated)


def test_the_recommendations_on_screen_are_the_plans_in_the_same_order(catalog):
    from cc_career.core.plan import build_plan

    script = {k: v for k, v in BASIC.items() if k != "ideal.target_role"}
    answers, _, shown = run(catalog, script)
    plan = build_plan(answers, catalog, answers.today or __import__("datetime").date.today())
    names = [r.role.name("ja") for r in plan.recommendations[:5]]
    on_screen = [line.split(". ", 1)[1].split("（目安")[0] for line in shown.splitlines()
                 if line[:2] in ("1.", "2.", "3.", "4.", "5.")]
    assert on_screen == names


@pytest.mark.parametrize(("raw", "value"), [("72", 0.72), ("72%", 0.72), ("0.72", 0.72), ("７２％", 0.72),
                                            ("0.5", 0.5), ("100", 1.0), ("0", 0.0), ("101", None),
                                            ("-3", None), ("abc", None), ("7 2", None)])
def test_a_rate_typed_as_a_fraction_is_read_as_a_percentage_and_nonsense_is_refused(raw, value):
    from cc_career.questionnaire.plan import _percent

    assert _percent(raw) == value


def test_every_rating_the_same_is_warned_about_and_can_be_redone(catalog):
    script = dict(BASIC)

    class SameThenVaried(ScriptedAsker):
        rounds = 0

        def select(self, path, message, choices, default=None, answered=None):
            if path.startswith("current.skills."):
                value = 2 if self.rounds == 0 else len(self.questions) % 4
                self.questions.append(path)
                self.put(path, value)
                return value
            return super().select(path, message, choices, default)

        def confirm(self, path, message, default=False):
            if message != self.tr("prompt.rate_again"):
                return super().confirm(path, message, default)
            self.rounds += 1
            self.questions.append("rate_again")
            return True

    asker = SameThenVaried("ja", {"language": "ja"}, script)
    out = io.StringIO()
    ask_plan(asker, catalog, Console(file=out, width=200))
    assert "すべてのスキルが同じレベル（2）" in out.getvalue()
    assert asker.questions.count("rate_again") == 1, "asked again once, then ratings differed"


def test_a_resumed_draft_skips_what_was_answered_and_skipped(catalog):
    first, asker, _ = run(catalog, BASIC)
    again = ScriptedAsker("ja", dict(asker.answers), {}, asked=asker.asked)
    ask_plan(again, catalog, Console(file=io.StringIO()))
    assert again.questions == [], "nothing left to ask"


def test_a_hand_written_file_is_asked_only_its_missing_required_answers(catalog):
    prefill = {
        "current": {"role": "operator", "years_in_role": 1, "years_total": 1, "employment": "dispatch",
                    "skills": {"communication": 2}},
        "ideal": {"values": ["quality"], "style": "specialist", "target_role": "qa"},
    }
    answers, asker, _ = run(catalog, {"ideal.horizon_years": "4"}, prefill, settle_optional=True)
    asked = [q for q in asker.questions if not q.startswith("current.skills.")]
    assert asked == ["ideal.horizon_years"]
    assert answers.ideal.horizon_years == 4


def test_invalid_prefilled_answers_are_asked_again(catalog):
    prefill = {"current": {"role": "no_such_role"}, "ideal": {"horizon_years": 99}}
    _, asker, _ = run(catalog, BASIC, prefill)
    assert "current.role" in asker.questions and "ideal.horizon_years" in asker.questions


@pytest.mark.parametrize(("raw", "ok"), [("3", True), ("0", False), ("11", False), ("2.5", False),
                                         ("３", True), ("abc", False), ("", False)])
def test_horizon_validator(catalog, raw, ok):
    from cc_career.questionnaire.plan import PlanQuestions

    questions = PlanQuestions(Asker("ja", {}), catalog, Console(file=io.StringIO()))
    assert (questions.number(1, 10, whole=True)(raw) is None) is ok
