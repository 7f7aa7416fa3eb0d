"""`cc-career batch`: a whole cohort in one run — broken files contained, names made safe,
the same bytes with any worker count and on every re-run, and an aggregate-only summary."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import position_of, write_file

from cc_career.batch import run_batch
from cc_career.cli import app
from cc_career.files.safe_names import assign_names, safe_name

REPO = Path(__file__).resolve().parent.parent
SUMMARY = ("cohort-summary.md", "cohort-summary.csv", "cohort-summary.html")

# The SPEC's example answers file, without its interview section (tested on its own below).
SPEC_ANSWERS = """\
schema_version: 1
name: 山田 花子
language: ja
today: 2026-11-22
current:
  role: operator
  years_in_role: 1
  years_total: 1
  employment: dispatch
  industry: telecom
  channels: [phone]
  skills:
    communication: 2
    complaint_handling: 1
  kpis:
    aht_seconds: 420
    fcr_rate: 0.70
    csat: 0.85
  certifications: []
  trainer_skills:
    complaint_handling: 2
ideal:
  values: [quality, growth]
  interests: [it]
  style: specialist
  horizon_years: 3
  target_role: qa
  salary_target_jpy: 4500000
concerns:
  reasons: [workload, relationships, health, future]
  sleep_trouble: false
  physical_symptoms: false
"""

INTERVIEW = """\
interview:
  company: 株式会社サンプル
  position: オペレーター
  motivation: オペレーターからQAへのキャリアパスがあること
  question: career_plan
  seconds: 60
"""


def named(name: str | None) -> str:
    """The SPEC answers with another `name:` line (a YAML double-quoted string), or none."""
    line = "" if name is None else f"name: {json.dumps(name, ensure_ascii=False)}\n"
    return SPEC_ANSWERS.replace("name: 山田 花子\n", line)


BROKEN_YAML = "schema_version: 1\nname: [山田, 花子\ncurrent:\n  role: operator\n"
UNKNOWN_SKILL = SPEC_ANSWERS.replace("    communication: 2\n", "    communication: 2\n    telepathy: 3\n")
DUPLICATE_KEY = SPEC_ANSWERS.replace("language: ja\n", "language: ja\nlanguage: en\n")

MIXED = {
    "good.yaml": SPEC_ANSWERS,  # 山田 花子
    "broken.yaml": BROKEN_YAML,
    "unknown_skill.yaml": UNKNOWN_SKILL,
    "duplicate.yaml": DUPLICATE_KEY,
    "escape.yaml": named("../../etc/passwd"),
    "device.yaml": named("CON"),
    "slash.yaml": named("山田／花子"),  # made safe, it clashes with good.yaml's 山田 花子
    "control.yaml": named("佐藤\n\t\u0007\u202e一郎"),
    "twin1.yaml": named("鈴木 一郎"),
    "twin2.yaml": named("鈴木 一郎"),
    "dots.yaml": named(".."),
    "noname.yaml": named(None),
}
# Sorted by input file, the first of a clashing pair keeps the name.
EXPECTED_FOLDERS = {
    "control.yaml": "佐藤_一郎",
    "device.yaml": "CON_",
    "dots.yaml": "dots",
    "escape.yaml": "etc_passwd",
    "good.yaml": "山田_花子",
    "noname.yaml": "noname",
    "slash.yaml": "山田_花子-2",
    "twin1.yaml": "鈴木_一郎",
    "twin2.yaml": "鈴木_一郎-2",
}
FAILED = {"broken.yaml", "unknown_skill.yaml", "duplicate.yaml"}


def make_cohort(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        write_file(folder / name, text)
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    return make_cohort(tmp_path / "answers", MIXED)


def batch_cli(runner, *args: object):
    return runner.invoke(app, ["batch", *map(str, args)], env={"COLUMNS": "200", "NO_COLOR": "1"})


# ---- a mixed cohort --------------------------------------------------------------------------


def test_a_mixed_cohort_writes_the_good_files_and_lists_the_broken_ones(runner, mixed, tmp_path):
    out, report = tmp_path / "out", tmp_path / "report.json"
    result = batch_cli(runner, mixed, "--out", out, "--report", report, "--jobs", "2")

    assert result.exit_code == 1, result.output
    written = {p.name for p in out.iterdir() if p.is_dir()}
    assert written == set(EXPECTED_FOLDERS.values())
    for folder in written:
        assert sorted(p.name for p in (out / folder).iterdir()) == ["career-plan.html", "career-plan.json",
                                                                    "career-plan.md"]
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == sorted([*SUMMARY, "index.csv"])
    # nothing anywhere but the inputs, the output folder and the report
    everything = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert everything == {*mixed.iterdir(), *(p for p in out.rglob("*") if p.is_file()), report}

    broken_at = (3, 8)  # the flow sequence left open runs into the next key's colon
    skill_at = position_of(UNKNOWN_SKILL, "telepathy")
    duplicate_at = position_of(DUPLICATE_KEY, "language", 2)
    stderr = result.stderr
    assert f"{mixed / 'broken.yaml'}:{broken_at[0]}:{broken_at[1]}: " in stderr
    assert f"{mixed / 'unknown_skill.yaml'}:{skill_at[0]}:{skill_at[1]}: current.skills.telepathy: " in stderr
    assert f"{mixed / 'duplicate.yaml'}:{duplicate_at[0]}:{duplicate_at[1]}: " in stderr
    assert "書き出し 9 件、変更なし 0 件、失敗 3 件、上書きせず 0 件" in result.stdout

    rows = json.loads(report.read_text("utf-8"))
    assert rows["version"] == 1
    assert [r["file"] for r in rows["files"]] == sorted(str(mixed / name) for name in MIXED)
    by_name = {Path(r["file"]).name: r for r in rows["files"]}
    for name, folder in EXPECTED_FOLDERS.items():
        assert (by_name[name]["status"], by_name[name]["output"]) == ("written", folder)
    for name in FAILED:
        assert (by_name[name]["status"], by_name[name]["output"]) == ("failed", None)
        assert by_name[name]["message"]
    assert (by_name["broken.yaml"]["line"], by_name["broken.yaml"]["column"]) == broken_at
    assert (by_name["unknown_skill.yaml"]["line"], by_name["unknown_skill.yaml"]["column"]) == skill_at
    assert by_name["unknown_skill.yaml"]["field"] == "current.skills.telepathy"
    assert rows["summary"] == {"files": 12, "written": 9, "unchanged": 0, "failed": 3, "refused": 0,
                               "not_done": 0, "cohort_summary": "written", "interrupted": False}
    assert "山田" not in report.read_text("utf-8").replace("山田_花子", "")  # only folder names


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux takes file names in no encoding")
def test_file_names_in_no_valid_encoding_are_reported_not_crashed_on(runner, tmp_path):
    cohort = tmp_path / "answers"
    cohort.mkdir()
    (cohort / os.fsdecode(b"\xff.yaml")).write_bytes(named(None).encode("utf-8"))
    (cohort / os.fsdecode(b"\xfe.yaml")).write_bytes(BROKEN_YAML.encode("utf-8"))
    result = batch_cli(runner, cohort, "--out", tmp_path / "out", "--report", tmp_path / "r.json")
    assert result.exit_code == 1, result.output
    assert f"{cohort}/\\xfe.yaml:3:8: " in result.stderr
    rows = json.loads((tmp_path / "r.json").read_text("utf-8"))["files"]
    assert [(r["file"], r["status"]) for r in rows] == [
        (f"{cohort}/\\xfe.yaml", "failed"), (f"{cohort}/\\xff.yaml", "written")]
    assert [p.name for p in (tmp_path / "out").iterdir() if p.is_dir()] == ["person"]


def test_a_cp932_file_is_planned_with_a_notice(runner, tmp_path):
    cohort = tmp_path / "answers"
    write_file(cohort / "excel.yaml", SPEC_ANSWERS.encode("cp932"))
    result = batch_cli(runner, cohort, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"{cohort / 'excel.yaml'}: " in result.stderr and "cp932" in result.stderr
    assert (tmp_path / "out" / "山田_花子" / "career-plan.md").exists()


def test_plans_are_private_to_their_owner(runner, mixed, tmp_path):
    out = tmp_path / "out"
    batch_cli(runner, mixed, "--out", out)
    assert (out / "山田_花子").stat().st_mode & 0o777 == 0o700
    assert (out / "山田_花子" / "career-plan.md").stat().st_mode & 0o777 == 0o600


def test_a_file_that_cannot_be_planned_is_contained(tmp_path, monkeypatch):
    """An unexpected error while planning one file (a bug) fails that file alone."""
    import cc_career.batch as batch

    cohort = make_cohort(tmp_path / "answers", {"a.yaml": SPEC_ANSWERS, "b.yaml": named("鈴木")})
    real = batch.plan_for

    def flaky(answers, catalog, today):
        if answers.name == "鈴木":
            raise ZeroDivisionError("secret detail that must not be shown")
        return real(answers, catalog, today)

    monkeypatch.setattr(batch, "plan_for", flaky)
    result = run_batch(sorted(cohort.iterdir()), tmp_path / "out", jobs=1)
    assert [(f.status, f.output) for f in result.files] == [("written", "山田_花子"), ("failed", None)]
    assert "ZeroDivisionError" in result.files[1].problems[0].message
    assert "secret" not in result.files[1].problems[0].message
    assert result.exit_code == 1


# ---- the same bytes, whatever the worker count or the run ------------------------------------


def test_one_worker_and_two_give_byte_identical_trees(mixed, tmp_path):
    one = run_batch([mixed], tmp_path / "one", jobs=1)
    two = run_batch([mixed], tmp_path / "two", jobs=2)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert [(f.file, f.status, f.output) for f in one.files] == [
        (f.file, f.status, f.output) for f in two.files]


def test_a_rerun_changes_nothing_and_says_so(runner, mixed, tmp_path):
    out = tmp_path / "out"
    batch_cli(runner, mixed, "--out", out)
    before = tree(out)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}

    again = batch_cli(runner, mixed, "--out", out)
    assert again.exit_code == 1  # the broken files are still broken
    assert "書き出し 0 件、変更なし 9 件、失敗 3 件" in again.stdout
    assert "コホートサマリーは変更なし" in again.stdout
    assert tree(out) == before
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps


def test_input_order_on_the_command_line_does_not_change_names(tmp_path):
    cohort = make_cohort(tmp_path / "answers", {"a.yaml": SPEC_ANSWERS, "b.yaml": SPEC_ANSWERS})
    forward = run_batch([cohort / "a.yaml", cohort / "b.yaml"], tmp_path / "f", jobs=1)
    backward = run_batch([cohort / "b.yaml", cohort / "a.yaml", cohort / "a.yaml"], tmp_path / "b", jobs=1)
    assert [(f.file, f.output) for f in forward.files] == [(f.file, f.output) for f in backward.files]
    assert [f.output for f in forward.files] == ["山田_花子", "山田_花子-2"]


def test_runs_in_fresh_interpreters_with_different_hash_seeds_are_identical(tmp_path):
    """Set and dict order must not leak into the documents (workers are fresh processes too)."""
    cohort = make_cohort(tmp_path / "answers", {name: MIXED[name] for name in ("good.yaml", "twin1.yaml")})
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-m", "cc_career", "batch", str(cohort), "--out", str(tmp_path / seed)],
            env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, timeout=60,
        )
        assert done.returncode == 0, done.stderr
    assert tree(tmp_path / "1") == tree(tmp_path / "2")


# ---- never overwriting, never leaving half a file ---------------------------------------------


def test_a_changed_plan_is_refused_without_force_and_the_others_are_still_written(runner, tmp_path):
    cohort = make_cohort(tmp_path / "answers", {"a.yaml": SPEC_ANSWERS, "b.yaml": named("鈴木")})
    out = tmp_path / "out"
    batch_cli(runner, cohort, "--out", out)
    edited = out / "山田_花子" / "career-plan.md"
    edited.write_text("my own notes", "utf-8")
    (out / "鈴木").rename(out / "old")

    result = batch_cli(runner, cohort, "--out", out)
    assert result.exit_code == 1
    assert edited.read_text("utf-8") == "my own notes"
    assert (out / "鈴木" / "career-plan.md").exists()
    assert "--force" in result.stderr and str(edited) in result.stderr

    forced = batch_cli(runner, cohort, "--out", out, "--force")
    assert forced.exit_code == 0, forced.output
    assert edited.read_text("utf-8").startswith("# 山田 花子")


def test_a_summary_the_trainer_edited_is_kept_and_reported(runner, tmp_path):
    cohort = make_cohort(tmp_path / "answers", {"a.yaml": SPEC_ANSWERS})
    out = tmp_path / "out"
    batch_cli(runner, cohort, "--out", out)
    (out / SUMMARY[0]).write_text("trainer's notes", "utf-8")
    result = batch_cli(runner, cohort, "--out", out)
    assert result.exit_code == 1
    assert (out / SUMMARY[0]).read_text("utf-8") == "trainer's notes"
    assert f"  {out / SUMMARY[0]}: " in result.stderr


def test_a_symlinked_person_folder_is_not_followed(tmp_path):
    cohort = make_cohort(tmp_path / "answers", {"a.yaml": SPEC_ANSWERS})
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "山田_花子").symlink_to(outside)
    result = run_batch([cohort], out, jobs=1)
    assert result.files[0].status == "refused"
    assert list(outside.iterdir()) == []


class StopAfter:
    """A progress display whose user presses Ctrl-C after `n` files."""

    def __init__(self, n: int) -> None:
        self.n, self.seen = n, 0

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, result) -> None:
        self.seen += 1
        if self.seen == self.n:
            raise KeyboardInterrupt


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_keeps_what_was_written_and_leaves_no_temp_file(tmp_path, jobs):
    cohort = make_cohort(tmp_path / "answers", {f"p{i:02}.yaml": named(f"p{i:02}") for i in range(12)})
    out = tmp_path / "out"
    result = run_batch([cohort], out, jobs=jobs, progress=StopAfter(3))
    assert result.interrupted
    assert [f.output for f in result.files] == ["p00", "p01", "p02"]
    assert sorted(p.name for p in out.iterdir()) == ["p00", "p01", "p02"]  # no summary of a part
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_ctrl_c_while_a_folder_is_written_lets_that_folder_finish(tmp_path, monkeypatch):
    import cc_career.batch as batch

    cohort = make_cohort(tmp_path / "answers", {"a.yaml": SPEC_ANSWERS, "b.yaml": named("鈴木")})
    real = batch.write_all

    def pressed_midway(folder, files, *, force):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C arrives while the first folder is written
        return real(folder, files, force=force)

    monkeypatch.setattr(batch, "write_all", pressed_midway)
    result = run_batch([cohort], tmp_path / "out", jobs=1)
    assert result.interrupted
    assert [(f.status, f.output) for f in result.files] == [("written", "山田_花子")]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["山田_花子"]
    assert (tmp_path / "out" / "山田_花子" / "career-plan.md").read_text("utf-8").startswith("# 山田")


def test_a_worker_that_dies_fails_its_files_and_the_run_goes_on(tmp_path, monkeypatch):
    import cc_career.batch as batch

    files = {f"p{i}.yaml": named(f"p{i}") for i in range(6)}
    cohort = make_cohort(tmp_path / "answers", files)
    real = batch.plan_for

    def crash(answers, catalog, today):
        if answers.name == "p4":
            os._exit(3)  # not an exception: the whole worker process is gone
        return real(answers, catalog, today)

    monkeypatch.setattr(batch, "plan_for", crash)  # forked workers inherit the patch
    result = run_batch([cohort], tmp_path / "out", jobs=2)
    assert len(result.files) == 6 and result.exit_code == 1
    assert result.files[4].status == "failed"
    assert result.files[4].problems[0].message == batch.t("batch.worker_crashed", "ja")
    assert {f.status for f in result.files[:4]} <= {"written", "failed"}


def test_ctrl_c_exits_130_and_reports_what_was_done(runner, tmp_path, monkeypatch):
    import cc_career.commands.batch as command

    cohort = make_cohort(tmp_path / "answers", {f"p{i}.yaml": named(f"p{i}") for i in range(4)})
    real = command.run_batch
    monkeypatch.setattr(command, "run_batch", lambda *a, **k: real(*a, **{**k, "progress": StopAfter(2)}))
    result = batch_cli(runner, cohort, "--out", tmp_path / "out", "--report", tmp_path / "r.json")
    assert result.exit_code == 130
    assert "4 件中 2 件を処理済み" in result.stderr
    summary = json.loads((tmp_path / "r.json").read_text("utf-8"))["summary"]
    assert (summary["written"], summary["not_done"], summary["interrupted"]) == (2, 2, True)


# ---- bad command lines: exit 2, nothing written ----------------------------------------------


def test_a_missing_input_is_bad_usage(runner, tmp_path):
    result = batch_cli(runner, tmp_path / "nope.yaml", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_a_folder_without_answers_files_is_bad_usage(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = batch_cli(runner, tmp_path / "empty", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "*.yaml" in result.stderr


def test_an_out_that_is_a_file_is_bad_usage(runner, mixed, tmp_path):
    write_file(tmp_path / "out", "a file")
    result = batch_cli(runner, mixed, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert (tmp_path / "out").read_text("utf-8") == "a file"


def test_broken_data_stops_the_run_before_anything_is_written(runner, mixed, tmp_path, data_dir_with):
    bad = data_dir_with(paths="schema_version: 1\nroles: [\n")
    result = batch_cli(runner, mixed, "--out", tmp_path / "out", "--data-dir", bad)
    assert result.exit_code == 2
    assert "paths.yaml:" in result.stderr
    assert not (tmp_path / "out").exists()


# ---- the cohort summary ----------------------------------------------------------------------


def trainee(skills: str, target: str, horizon: int, trainer: str = "{}") -> str:
    return (
        "schema_version: 1\nname: 秘密 太郎\nlanguage: ja\ntoday: 2026-04-01\n"
        "current:\n  role: operator\n  years_in_role: 1\n  years_total: 1\n  employment: contract\n"
        f"  skills: {skills}\n  trainer_skills: {trainer}\n"
        f"ideal:\n  values: [quality]\n  horizon_years: {horizon}\n  target_role: {target}\n"
        "concerns:\n  reasons: [health]\n  sleep_trouble: true\n"
    )


KNOWN_COHORT = {
    # operator → qa: quality_monitoring 0→3 (×5 = 15); complaint_handling is unrated: not counted
    "a.yaml": trainee("{communication: 2, quality_monitoring: 0}", "qa", 3),
    # the trainer's 2 counts for complaint_handling: communication 1→2 (×5 = 5); quality_monitoring unrated
    "b.yaml": trainee("{communication: 1, complaint_handling: 1}", "qa", 3, "{complaint_handling: 2}"),
    # operator → leader → trainer in 1 year cannot be done: communication 2→3 (×4 = 4); coaching unrated
    "c.yaml": trainee("{communication: 2}", "trainer", 1, "{communication: 2}"),
}


@pytest.fixture
def known_summary(tmp_path, good_data_dir) -> tuple[str, str]:
    cohort = make_cohort(tmp_path / "answers", {**KNOWN_COHORT, "bad.yaml": BROKEN_YAML})
    result = run_batch([cohort], tmp_path / "out", jobs=1, data_dir=good_data_dir)
    assert result.summary == "written"
    out = tmp_path / "out"
    return (out / SUMMARY[0]).read_text("utf-8"), (out / SUMMARY[1]).read_bytes().decode("utf-8")


def test_the_summary_ranks_training_needs_by_weighed_gaps(known_summary):
    md, _ = known_summary
    ranked = [line.split(" | ")[1:4] for line in md.splitlines() if line.startswith("| ") and "人 | " in line
              and line.split(" | ")[0].strip("| ").isdigit()]
    assert ranked == [  # only rated (or trainer-rated) skills are training needs
        ["品質モニタリング", "1人", "15"],
        ["コミュニケーション", "2人", "9"],
    ]
    assert "評価のないスキルのギャップ 3 件（3人分）" in md
    assert "レベル0→1: 研修を受ける | 修了" in md  # what to do first, from where most of them are


def test_the_summary_counts_targets_disagreements_and_short_horizons(known_summary):
    md, _ = known_summary
    assert "プランを作成: **3人**（回答ファイル 4 件、うち 1 件はプランを作れず集計外）" in md
    assert "希望の期間に収まらないプラン: **1人**（33%）" in md
    assert '    "品質管理" : 2\n    "トレーナー" : 1\n' in md  # the Mermaid pie
    assert "| 専門職 | 3人 |" in md
    assert "| クレーム対応 | 1人 | 1.0 | 自己評価が低め |" in md
    assert "| コミュニケーション |" not in md.split("## 3.")[1]  # rated, but no difference


def test_the_summary_csv_opens_in_excel(known_summary):
    _, csv_text = known_summary
    assert csv_text.startswith("\ufeff区分,ID,名前,人数,値\r\n")
    rows = [line.split(",") for line in csv_text.lstrip("\ufeff").splitlines()[1:]]
    assert ["trainees", "planned", "プランを作成できた人", "3", ""] in rows
    assert ["training_need", "quality_monitoring", "品質モニタリング", "1", "15"] in rows
    assert ["unrated", "assumed", "評価のないスキルのギャップ（研修ニーズから除外）", "3", "3"] in rows
    assert ["target_role", "qa", "品質管理", "2", ""] in rows
    assert ["rating_gap", "complaint_handling", "クレーム対応", "1", "1.00"] in rows
    assert ["horizon", "beyond", "希望の期間に収まらないプラン", "1", ""] in rows


def test_the_summary_holds_no_names_and_no_health_answers(known_summary):
    for text in known_summary:
        assert "秘密" not in text and "太郎" not in text
        assert "心身の健康" not in text and "眠" not in text  # the concerns, by their labels


def test_the_summary_follows_lang(tmp_path, good_data_dir):
    cohort = make_cohort(tmp_path / "answers", KNOWN_COHORT)
    run_batch([cohort], tmp_path / "out", jobs=1, lang="en", data_dir=good_data_dir)
    md = (tmp_path / "out" / SUMMARY[0]).read_text("utf-8")
    assert md.startswith("# Cohort summary")
    assert "| 1 | Quality monitoring | 1 | 15 |" in md
    assert (tmp_path / "out" / SUMMARY[1]).read_text("utf-8-sig").startswith("section,id,label")


# ---- the interview answer --------------------------------------------------------------------


def test_a_complete_interview_section_gets_an_interview_answer(tmp_path):
    pytest.importorskip("cc_career.render.interview")
    cohort = make_cohort(tmp_path / "answers", {"a.yaml": SPEC_ANSWERS + INTERVIEW,
                                                "b.yaml": named("鈴木")})
    result = run_batch([cohort], tmp_path / "out", jobs=1)
    assert [f.status for f in result.files] == ["written", "written"]
    assert sorted(p.name for p in (tmp_path / "out" / "山田_花子").iterdir()) == [
        "career-plan.html", "career-plan.json", "career-plan.md", "interview-answer.html",
        "interview-answer.md", "interview-answer.txt"]
    assert sorted(p.name for p in (tmp_path / "out" / "鈴木").iterdir()) == [
        "career-plan.html", "career-plan.json", "career-plan.md"]


# ---- safe names ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc/passwd", "etc_passwd"),
    ("..", "stem"),
    ("CON", "CON_"),
    ("nul.txt", "nul_.txt"),
    ("Lpt1", "Lpt1_"),
    ("山田／花子", "山田_花子"),
    ("a\\b:c*d?e\"f<g>h|i", "a_b_c_d_e_f_g_h_i"),
    ("佐藤\n\t\u0007一郎", "佐藤_一郎"),
    ("\u202eevil", "evil"),
    (".hidden", "hidden"),
    ("-rf", "rf"),
    ("ｶﾀｶﾅ\u0301", "ｶﾀｶﾅ\u0301"),
    ("e\u0301", "\u00e9"),  # NFC
    ("x" * 100, "x" * 60),
    (None, "stem"),
])
def test_safe_name(name, expected):
    assert safe_name(name, "stem") == expected


def test_safe_name_falls_back_to_person():
    assert safe_name("///", "..") == "person"


def test_clashes_are_numbered_in_order_also_across_case_and_reserved_names():
    assert assign_names(["a", "A", "b", "a"], reserved=["cohort-summary.md"]) == ["a", "A-2", "b", "a-3"]
    assert assign_names(["cohort-summary.md"], reserved=["cohort-summary.md"]) == ["cohort-summary.md-2"]
    assert assign_names(["y" * 60, "y" * 60]) == ["y" * 60, "y" * 58 + "-2"]
