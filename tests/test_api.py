"""The public Python API (cc_career.api), as a trainer's script uses it: the README example,
each function's result, and a bad file as the same clean error the command line shows."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import PERSONAS

from cc_career import api
from cc_career.errors import InputError, UsageError

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")


@pytest.fixture(scope="module")
def catalog():
    return api.load_catalog()


def test_the_readme_example_runs(tmp_path, monkeypatch):
    block = re.search(r"```python\n *(from cc_career import api\n.*?)```", README, re.S)
    assert block, "README Development shows the API example"
    code = re.sub(r"(?m)^  ", "", block.group(1))
    (tmp_path / "answers").mkdir()
    (tmp_path / "hanako.yaml").write_bytes((PERSONAS / "hanako_qa.yaml").read_bytes())
    (tmp_path / "answers" / "taro.yaml").write_bytes((PERSONAS / "chat_agent.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    assert namespace["result"].exit_code == 0
    assert (tmp_path / "plans" / "cohort-summary.md").is_file()


def test_a_plan_in_every_format_and_language(catalog):
    plan = api.build_plan(api.load_answers(PERSONAS / "hanako_qa.yaml", catalog), catalog)
    ja, en = api.render_plan(plan, catalog, "ja"), api.render_plan(plan, catalog, "en")
    assert ja.startswith("#") and ja != en
    assert api.render_plan(plan, catalog, "en", fmt="html").lstrip().lower().startswith("<!doctype html")
    data = json.loads(api.render_plan(plan, catalog, "ja", fmt="json"))
    assert data["milestones"] and data["milestones"][0]["action"]
    with pytest.raises(ValueError, match="md, html or json"):
        api.render_plan(plan, catalog, fmt="pdf")  # type: ignore[arg-type]


def test_build_plan_starts_on_the_given_day_when_the_answers_set_none(catalog):
    answers = api.load_answers(PERSONAS / "hanako_qa.yaml", catalog).model_copy(update={"today": None})
    plan = api.build_plan(answers, catalog, dt.date(2030, 1, 15))
    assert plan.today == dt.date(2030, 1, 15)


def test_a_bad_answers_file_is_an_input_error_with_its_place(tmp_path, catalog):
    bad = tmp_path / "bad.yaml"
    bad.write_text("language: ja\ncurrent:\n  role: astronaut\n", "utf-8")
    with pytest.raises(InputError) as raised:
        api.load_answers(bad, catalog)
    assert str(bad) in raised.value.render("en")


def test_compose_interview_needs_the_interview_section(catalog):
    plan = api.build_plan(api.load_answers(PERSONAS / "trainer_to_hr.yaml", catalog), catalog)
    with pytest.raises(UsageError) as raised:
        api.compose_interview(plan, catalog)
    assert "interview.company" in raised.value.render("en")


def test_compose_interview_gives_the_answer(catalog):
    answers = api.load_answers(PERSONAS / "hanako_qa.yaml", catalog)
    answers = answers.model_copy(update={"interview": answers.interview.model_copy(update={
        "company": "ABC", "position": "QA", "motivation": "品質を上げたい", "question": "career_plan",
        "seconds": 60})})
    plan = api.build_plan(answers, catalog)
    answer = api.compose_interview(plan, catalog)
    assert answer.lang == plan.lang and answer.paragraphs
    files = api.interview_files(plan, catalog)
    assert set(files) == {"interview-answer.md", "interview-answer.txt", "interview-answer.html"}


def test_run_batch_keeps_going_past_a_bad_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.yaml").write_bytes((PERSONAS / "hanako_qa.yaml").read_bytes())
    (folder / "bad.yaml").write_text("language: [\n", "utf-8")
    result = api.run_batch([folder], tmp_path / "out", jobs=1)
    assert result.exit_code == 1
    assert sorted(bool(f.problems) for f in result.files) == [False, True]
