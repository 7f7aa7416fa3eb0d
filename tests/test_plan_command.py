"""`cc-career plan` from the outside: replaying answers files, guards, files on disk."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PERSONAS

from cc_career.cli import app

CC_CAREER = [sys.executable, "-m", "cc_career"]
EXAMPLE = PERSONAS / "hanako_qa.yaml"


def replay(runner, answers: Path, out: Path, *extra: str):
    return runner.invoke(app, ["plan", "--answers", str(answers), "--no-input", "--out", str(out),
                               *extra])


def test_replay_writes_the_plan_and_the_answers_file(runner, tmp_path):
    out = tmp_path / "out"
    result = replay(runner, EXAMPLE, out)
    assert result.exit_code == 0, result.output
    plan = (out / "career-plan.md").read_text(encoding="utf-8")
    assert plan.startswith("# 山田 花子さんのキャリアプラン")
    assert "## 4. 将来取り組みたい仕事" in plan
    saved = (out / "cc-career-answers.yaml").read_text(encoding="utf-8")
    assert "cc-career schema answers" in saved and "today: 2026-11-22" in saved


def test_plans_are_private_files_in_a_private_folder(runner, tmp_path):
    out = tmp_path / "new" / "folder"
    assert replay(runner, EXAMPLE, out).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for name in ("career-plan.md", "career-plan.html", "career-plan.json", "cc-career-answers.yaml"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600
    assert sorted(p.name for p in out.iterdir()) == [
        "career-plan.html", "career-plan.json", "career-plan.md", "cc-career-answers.yaml"]


def test_replaying_the_saved_answers_gives_a_byte_identical_plan(runner, tmp_path, write):
    # a hand-written file without `today`: the run stores the date it used
    source = write("mine.yaml", EXAMPLE.read_text(encoding="utf-8").replace("today: 2026-11-22\n", ""))
    first, second = tmp_path / "first", tmp_path / "second"
    assert replay(runner, source, first).exit_code == 0
    assert replay(runner, first / "cc-career-answers.yaml", second).exit_code == 0
    for name in ("career-plan.md", "career-plan.json", "cc-career-answers.yaml"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_replaying_in_place_changes_nothing_and_says_so(runner, tmp_path):
    out = tmp_path / "out"
    assert replay(runner, EXAMPLE, out).exit_code == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    result = replay(runner, out / "cc-career-answers.yaml", out)
    assert result.exit_code == 0, result.output
    assert "変更なし" in result.output
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before


def test_an_existing_different_plan_is_not_overwritten_without_force(runner, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "career-plan.md").write_text("my own notes\n", encoding="utf-8")
    result = replay(runner, EXAMPLE, out)
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert (out / "career-plan.md").read_text(encoding="utf-8") == "my own notes\n"
    assert not (out / "cc-career-answers.yaml").exists(), "nothing is half-written"
    assert replay(runner, EXAMPLE, out, "--force").exit_code == 0
    assert (out / "career-plan.md").read_text(encoding="utf-8").startswith("# 山田 花子")


def test_lang_option_renders_the_plan_in_english(runner, tmp_path):
    out = tmp_path / "out"
    assert replay(runner, EXAMPLE, out, "--lang", "en").exit_code == 0
    assert (out / "career-plan.md").read_text(encoding="utf-8").startswith("# Career plan")


def test_no_input_without_an_answers_file_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["plan", "--no-input", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "--answers" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_no_input_names_the_missing_answer(runner, tmp_path, write):
    text = EXAMPLE.read_text(encoding="utf-8").replace("  horizon_years: 3\n", "")
    source = write("partial.yaml", text)
    result = replay(runner, source, tmp_path / "out")
    assert result.exit_code == 2
    line = text[: text.index("ideal:")].count("\n") + 1
    assert f"{source}:{line}:1: ideal.horizon_years:" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_broken_answers_file_writes_nothing_and_shows_no_traceback(runner, tmp_path, write):
    source = write("broken.yaml", "current:\n  role: operator\n  role: leader\n")
    result = replay(runner, source, tmp_path / "out")
    assert result.exit_code == 2
    assert f"{source}:3:3:" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "out").exists()


def test_without_a_terminal_the_questionnaire_refuses_to_read_piped_lines(tmp_path):
    result = subprocess.run([*CC_CAREER, "plan", "--out", str(tmp_path)], input="operator\n1\n",
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    assert "--answers" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("persona", sorted(p.name for p in PERSONAS.glob("*.yaml")))
def test_every_persona_replays_cleanly(runner, tmp_path, persona):
    result = replay(runner, PERSONAS / persona, tmp_path / "out")
    assert result.exit_code == 0, result.output


def test_career_plan_json_is_written_beside_the_markdown_and_validates_against_schema_plan(runner, tmp_path):
    import json

    import jsonschema

    out = tmp_path / "out"
    assert replay(runner, EXAMPLE, out).exit_code == 0
    schema = runner.invoke(app, ["schema", "plan"])
    assert schema.exit_code == 0
    document = json.loads((out / "career-plan.json").read_text("utf-8"))
    jsonschema.validate(document, json.loads(schema.output), format_checker=jsonschema.FormatChecker())
    assert document["schema_version"] == 1 and document["made_on"] == "2026-11-22"
    assert document["person"] == {"name": "山田 花子", "language": "ja", "role": "operator",
                                  "employment": "dispatch", "channels": ["phone"]}
    assert document["skills"]["communication"] == {"level": 2, "source": "self"}
    assert document["skills"]["coaching"] == {"level": 0, "source": "assumed"}
    assert document["target"]["role"] == "qa" and document["target"]["final_role"] is None
    assert [s["months"] for s in document["route"]] == [18]
    first = next(m for m in document["milestones"] if m["kind"] == "skill")
    assert first["id"] == "s1-quality_monitoring-2"
    assert (first["level_from"], first["level_to"]) == (1, 2)
    exam = next(m for m in document["milestones"] if m["kind"] == "certificate")
    assert exam["certificate"] == "moshimoshi.g3" and exam["id"] == "s1-certificate-moshimoshi.g3"
    kpi = next(m for m in document["milestones"] if m["kind"] == "kpi")
    assert (kpi["kpi"], kpi["kpi_from"], kpi["kpi_to"]) == ("fcr_rate", 0.7, 0.8)
    again = tmp_path / "again"
    assert replay(runner, EXAMPLE, again).exit_code == 0
    assert (again / "career-plan.json").read_bytes() == (out / "career-plan.json").read_bytes()


def test_the_command_returns_what_it_wrote_and_prints_exactly_that(tmp_path, capsys):
    import datetime as dt

    from cc_career.commands import plan as plan_command
    from cc_career.render.i18n import t

    out = tmp_path / "out"
    names = ["career-plan.md", "career-plan.html", "career-plan.json", "cc-career-answers.yaml"]
    kwargs = {"answers_path": PERSONAS / "hanako_qa.yaml", "no_input": True, "out": out, "force": False,
              "lang": None, "data_dir": None, "today": dt.date(2026, 11, 22)}
    first = plan_command.run(**kwargs)
    assert first.files == [(out / name, True) for name in names]
    assert [key for key, _, _ in first.notes] == ["prompt.summary"]
    told = capsys.readouterr().out.splitlines()
    assert told[:4] == [t("prompt.written", "ja", path=out / name) for name in names]
    assert told[4] == t("prompt.summary", "ja", **first.notes[0][1])
    again = plan_command.run(**kwargs)  # the same plan again: every file left as it was
    assert again.files == [(out / name, False) for name in names]
    assert capsys.readouterr().out.splitlines()[0] == t("prompt.unchanged", "ja", path=out / names[0])
