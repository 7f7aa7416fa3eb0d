"""Hostile progress files for `cc-career review --progress FILE --no-input`, through the same
corpus as answers files (tests/test_hostile_inputs.py): every parser attack and every broken
shape ends in exit 2 naming the file (at line:col where the case has one), no traceback, no
answer echoed, nothing written; a progress file in cp932, with a BOM or CRLF line ends works."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import PERSONAS, write_file
from test_hostile_inputs import (
    EMPTY_AND_SHAPE,
    PARSER_ATTACKS,
    SECRETS,
    Case,
    assert_clean_end,
    bytes_case,
    edit,
    place,
    run_as_process,
    run_in_process,
    snapshot,
    text_case,
)

from cc_career.cli import app

# A valid check-in for hanako_qa's plan, with "secret" free text that no message may echo.
PROGRESS = """\
schema_version: 1
today: 2027-02-25
milestones:
  s1-course-moshimoshi.g3: {status: done, on: 2026-12-15}
  s1-quality_monitoring-2: {status: partly}
skills:
  customer_insight: 2
kpis:
  fcr_rate: 0.74
certifications: [ひみつの資格, 秘密の社内認定（応対品質・ヒミツ部門）, ひみつの講習修了証]
"""
# Shapes of a progress file that parse but are wrong, each at its own place.
PROGRESS_SHAPES = [
    text_case("progress-unknown-field", edit("kpis:\n", "mood: 秘密\nkpis:\n", PROGRESS), "mood"),
    text_case("progress-status-typo",
              edit("{status: partly}", "{status: partially}", PROGRESS), "status: partially"),
    text_case("progress-dropped-without-reason",
              edit("{status: partly}", "{status: dropped}", PROGRESS), "s1-quality_monitoring-2"),
    text_case("progress-reason-typo",
              edit("{status: partly}", "{status: dropped, reason: bored}", PROGRESS), "reason: bored"),
    text_case("progress-unknown-milestone",
              edit("s1-quality_monitoring-2", "s1-juggling-2", PROGRESS), "s1-juggling-2"),
    text_case("progress-level-5", edit("customer_insight: 2", "customer_insight: 5", PROGRESS),
              "customer_insight"),
    text_case("progress-level-yes", edit("customer_insight: 2", "customer_insight: yes", PROGRESS),
              "customer_insight"),
    text_case("progress-date-as-a-number", edit("today: 2027-02-25", "today: 20270225", PROGRESS), "today"),
    text_case("progress-before-the-plan", edit("today: 2027-02-25", "today: 2026-01-01", PROGRESS), "today"),
    text_case("progress-done-after-today", edit("on: 2026-12-15", "on: 2027-12-15", PROGRESS), "on: 2027"),
    text_case("progress-rate-above-1", edit("fcr_rate: 0.74", "fcr_rate: 7654321", PROGRESS), "fcr_rate"),
    text_case("progress-list-of-milestones",
              edit("  s1-course-moshimoshi.g3: {status: done, on: 2026-12-15}\n"
                   "  s1-quality_monitoring-2: {status: partly}\n",
                   "  - s1-course-moshimoshi.g3\n", PROGRESS), "milestones:"),
    text_case("progress-unknown-role", PROGRESS + "changes:\n  role: astronaut\n", "role: astronaut"),
    text_case("progress-schema-version-2", edit("schema_version: 1", "schema_version: 2", PROGRESS),
              "schema_version"),
]
MUST_WORK = [
    bytes_case("progress-utf8-with-bom", lambda: b"\xef\xbb\xbf" + PROGRESS.encode(), works=True),
    bytes_case("progress-crlf", lambda: PROGRESS.replace("\n", "\r\n").encode(), works=True),
    bytes_case("progress-cp932", lambda: PROGRESS.encode("cp932"), works=True),
]
CASES = PARSER_ATTACKS + EMPTY_AND_SHAPE + PROGRESS_SHAPES + MUST_WORK
# Shapes built for answers files say where the *answers* model fails; a progress file is refused
# at its own first wrong field, so for these only "the file, at some line:col" is checked.
ANSWERS_SHAPES = {case.id for case in EMPTY_AND_SHAPE if case.at not in (None, (1, 1))}


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    out = tmp_path_factory.mktemp("planned")
    result = CliRunner().invoke(app, ["plan", "--answers", str(PERSONAS / "hanako_qa.yaml"), "--no-input",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _setup(root: Path, case: Case, planned: Path) -> tuple[Path, Path]:
    out = root / "out"
    shutil.copytree(planned, out)
    inputs = root / "in"
    inputs.mkdir()
    progress = case.make(inputs)
    return out, progress


def _arguments(out: Path, progress: Path) -> list[str]:
    return ["review", "--out", str(out), "--progress", str(progress), "--no-input", "--lang", "en"]


def _check(case: Case, root: Path, progress: Path, run, before) -> None:  # noqa: ANN001
    assert_clean_end(run)
    shown = run.stdout + run.stderr
    if case.works:
        assert run.code == 0, shown
        assert (root / "out" / "review-2027-02-25.md").is_file()
        return
    _refused_at_its_place(case, progress, run)
    assert snapshot(root) == before, "a bad progress file changed or wrote files"


def _refused_at_its_place(case: Case, progress: Path, run) -> None:  # noqa: ANN001
    """Exit 2, no answer echoed, and the message names the progress file (at line:col where
    the fault has one)."""
    shown = run.stdout + run.stderr
    assert run.code == 2, shown
    for secret in SECRETS:
        assert secret not in shown, f"the answer {secret!r} was echoed:\n{shown}"
    if case.id in ANSWERS_SHAPES:
        assert str(progress) + ":" in run.stderr, run.stderr
    else:
        assert re.search(place(case, progress), run.stderr), run.stderr


def test_the_case_ids_are_unique():
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_hostile_progress_file(case, tmp_path, planned, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out, progress = _setup(tmp_path, case, planned)
    before = snapshot(tmp_path)
    run = run_in_process(runner, _arguments(out, progress))
    _check(case, tmp_path, progress, run, before)


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.parser_attack], ids=lambda case: case.id)
def test_parser_attack_on_review_in_a_real_process(case, tmp_path, planned):
    out, progress = _setup(tmp_path, case, planned)
    before = snapshot(tmp_path)
    run = run_as_process(_arguments(out, progress), tmp_path)
    _check(case, tmp_path, progress, run, before)


def test_a_plan_file_that_is_not_a_plan_is_refused_with_its_place(runner, planned, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(planned, out)
    plan = out / "career-plan.json"
    plan.write_text(plan.read_text(encoding="utf-8").replace('"schema_version": 1', '"schema_version": 9'),
                    encoding="utf-8")
    progress = write_file(tmp_path / "p.yaml", PROGRESS)
    result = runner.invoke(app, _arguments(out, progress))
    assert result.exit_code == 2
    assert f"{plan}:2:" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_hostile_progress_file_in_validate(case, tmp_path, planned, runner, monkeypatch):
    """`cc-career validate --progress FILE` against the career-plan.json beside it: the same
    corpus, the same clean end (exit 2 naming the file, its place, no answer echoed), and a
    file that works for `review` passes here too."""
    monkeypatch.chdir(tmp_path)
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(planned / "career-plan.json", inputs / "career-plan.json")
    progress = case.make(inputs)
    before = snapshot(tmp_path)
    run = run_in_process(runner, ["validate", "--progress", str(progress), "--lang", "en"])
    assert_clean_end(run)
    shown = run.stdout + run.stderr
    assert snapshot(tmp_path) == before, "validate wrote or changed files"
    if case.works:
        assert run.code == 0, shown
        assert f"checked against {inputs / 'career-plan.json'}" in run.stdout
        return
    _refused_at_its_place(case, progress, run)
