"""The end screen of `cc-career batch`, read as a trainer with 300 files and some failures:
the failures as one table (file, line:col, reason), the counts last, the roles a person *can*
reach when their target cannot be, files that could not be read told apart from files read
but not planned, and `index.csv` saying which input made which folder."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from conftest import PERSONAS
from screens import shows_whole, widest_line

from cc_career.batch import run_batch
from cc_career.cli import app
from cc_career.commands import batch as batch_command

BROKEN = "schema_version: 1\ncurrent: {role: [\nideal: x\n"


def unreachable() -> str:
    text = (PERSONAS / "hanako_qa.yaml").read_text(encoding="utf-8")
    text = text.replace("role: operator", "role: chat_email_support")
    return text.replace("target_role: qa", "target_role: supervisor")


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("hanako_qa.yaml", "sv_to_sales.yaml"):
        shutil.copy(PERSONAS / name, folder / name)
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "chat_support.yaml").write_text(unreachable(), encoding="utf-8")
    return folder


def test_an_unreachable_target_names_the_roles_that_are_reachable(cohort, tmp_path):
    result = run_batch([cohort], tmp_path / "out", jobs=1, lang="en")
    failed = next(f for f in result.files if f.file.endswith("support.yaml"))
    assert failed.readable
    message = failed.problems[0].message
    assert "'supervisor' cannot be reached from 'chat_email_support'" in message
    assert "roles reachable from 'chat_email_support': knowledge_management" in message
    ja = run_batch([cohort], tmp_path / "ja", jobs=1, lang="ja")
    message = next(f for f in ja.files if f.file.endswith("support.yaml")).problems[0].message
    assert "'chat_email_support' から目指せる職種: knowledge_management" in message


@pytest.mark.parametrize("width", [60, 120])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_on_a_terminal_the_failures_are_one_table_and_the_counts_come_last(
        cohort, tmp_path, capsys, monkeypatch, lang, width):
    monkeypatch.setenv("COLUMNS", str(width))
    result = run_batch([cohort], tmp_path / "out", jobs=1, lang=lang)
    batch_command.write_index(result, lang)
    capsys.readouterr()
    batch_command._tell(result, None, lang, terminal=True)
    shown = capsys.readouterr()
    assert widest_line(shown.err) <= width and "…" not in shown.err
    assert shown.err.count("┏") == 1  # one table
    for entry in result.files:
        for problem in entry.problems:
            assert shows_whole(shown.err, entry.file) and shows_whole(shown.err, problem.message)
            assert f"{problem.line}:{problem.column}" in shown.err
    unread, unplanned = ("読み込めず", "読み込めたがプランを作れず") if lang == "ja" else (
        "could not be read", "read, but could not be planned")
    assert shows_whole(shown.err, unread) and shows_whole(shown.err, unplanned)
    assert shown.err.index("broken.yaml") < shown.err.index("chat_support.yaml")  # unreadable first
    lines = shown.out.strip().splitlines()
    counts = "書き出し 2 件、変更なし 0 件、失敗 2 件" if lang == "ja" else "2 written, 0 unchanged, 2 failed"
    kinds = ("読み込めなかったファイル 1 件、読み込めたがプランを作れなかったファイル 1 件" if lang == "ja"
             else "1 could not be read, 1 were read but could not be planned")
    assert counts in lines[-2] and kinds in lines[-1]
    assert "index.csv" in shown.out


def test_without_a_terminal_each_fault_is_one_grep_able_line_and_the_counts_are_last(
        runner, cohort, tmp_path):
    result = runner.invoke(app, ["batch", str(cohort), "--out", str(tmp_path / "out"), "--lang", "en"])
    assert result.exit_code == 1
    assert f"{cohort / 'chat_support.yaml'}:" in result.stderr and "ideal.target_role: " in result.stderr
    last = result.stdout.strip().splitlines()
    assert "2 written" in last[-2] and "1 could not be read, 1 were read" in last[-1]
    summary = next(line for line in last if line.startswith("Cohort summary: "))
    assert all(name in summary for name in ("cohort-summary.md", "cohort-summary.csv", "cohort-summary.html"))


def test_index_csv_says_which_input_made_which_folder(runner, cohort, tmp_path):
    out = tmp_path / "out"
    runner.invoke(app, ["batch", str(cohort), "--out", str(out), "--lang", "en"])
    raw = (out / "index.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())  # Excel opens it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["answers file", "result", "output folder", "reason"]
    by_file = {Path(row[0]).name: row for row in rows[1:]}
    assert by_file["hanako_qa.yaml"][1:3] == ["planned", "山田_花子"]
    assert by_file["broken.yaml"][1:3] == ["not read", ""]
    assert by_file["chat_support.yaml"][1] == "not planned"
    assert "knowledge_management" in by_file["chat_support.yaml"][3]
    assert all((out / row[2]).is_dir() for row in rows[1:] if row[2])


def test_a_person_named_index_csv_does_not_take_the_index(tmp_path):
    text = (PERSONAS / "hanako_qa.yaml").read_text(encoding="utf-8")
    text = text.replace("name: 山田 花子", "name: index.csv")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    result = run_batch([tmp_path / "a.yaml"], tmp_path / "out", jobs=1)
    assert result.files[0].output != "index.csv"


def test_the_cohort_summary_says_files_were_not_planned_rather_than_not_read(cohort, tmp_path):
    run_batch([cohort], tmp_path / "out", jobs=1, lang="ja")
    md = (tmp_path / "out" / "cohort-summary.md").read_text(encoding="utf-8")
    assert "うち 2 件はプランを作れず集計外" in md and "読み込めず" not in md
