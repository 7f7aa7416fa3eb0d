"""`cc-career review`: three check-ins over nine months with `today` advancing — done, slipped,
dropped, a target change, then a promotion — checked for ids, dates, history and the reports;
progress files strict like answers files; the schema; a second review on the same day."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import PERSONAS

from cc_career.cli import app

EXAMPLE = PERSONAS / "hanako_qa.yaml"

FIRST = """\
schema_version: 1
today: 2027-02-25
milestones:
  s1-course-moshimoshi.g3: {status: done, on: 2026-12-15}
  s1-certificate-moshimoshi.g3: {status: done}
  s1-quality_monitoring-2: {status: partly}
  s1-business_writing-2: {status: dropped, reason: no_time}
skills: {customer_insight: 2}
kpis: {fcr_rate: 0.74}
"""
SECOND = """\
today: 2027-05-26
milestones:
  s1-course-moshimoshi.g2: {status: done}
  s1-quality_monitoring-2: {status: done, on: 2027-05-10}
changes:
  target_role: supervisor
kpis: {fcr_rate: 0.78, aht_seconds: 400}
"""
THIRD = """\
today: 2027-08-26
milestones:
  s1-complaint_handling-2: {status: done, on: 2027-07-20}
  s1-certificate-conken.op: {status: done}
  s1-coaching-1: {status: not_yet}
  s1-product_knowledge-3: {status: dropped, reason: changed_mind}
changes:
  role: leader
"""


def _plan(out: Path) -> dict:
    return json.loads((out / "career-plan.json").read_text(encoding="utf-8"))


def _review(runner, out: Path, progress: Path, *extra: str):
    args = ["review", "--out", str(out), "--progress", str(progress), "--no-input", *extra]
    return runner.invoke(app, args)


@pytest.fixture
def planned(runner, tmp_path) -> Path:
    out = tmp_path / "me"
    result = runner.invoke(app, ["plan", "--answers", str(EXAMPLE), "--no-input", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_three_check_ins_remember_what_was_done(runner, planned, write):
    out = planned
    start = _plan(out)
    start_bytes = (out / "career-plan.json").read_bytes()
    due = {m["id"]: m["due"] for m in start["milestones"]}

    # ---- 1: two done (one without a date), one partly, one dropped for lack of time ----------
    result = _review(runner, out, write("one.yaml", FIRST))
    assert result.exit_code == 0, result.output
    one = _plan(out)
    assert (out / "history" / "2027-02-25" / "career-plan.json").read_bytes() == start_bytes
    assert (out / "history" / "2027-02-25" / "progress.yaml").is_file()
    settled = {s["id"]: s for s in one["settled"]}
    assert settled["s1-course-moshimoshi.g3"]["status"] == "done"
    assert settled["s1-course-moshimoshi.g3"]["on"] == "2026-12-15"
    # a done milestone with no date given keeps its own date (it is not called late)
    assert settled["s1-certificate-moshimoshi.g3"]["on"] == due["s1-certificate-moshimoshi.g3"]
    assert settled["s1-business_writing-2"] | {"status": "dropped", "reason": "no_time"} == \
        settled["s1-business_writing-2"]
    ids = [m["id"] for m in one["milestones"]]
    # the slipped climb keeps its id, with a new date after today (not piled on next month)
    slipped = next(m for m in one["milestones"] if m["id"] == "s1-quality_monitoring-2")
    assert slipped["due"] > "2027-02-25" and slipped["due"] != due["s1-quality_monitoring-2"]
    assert all(m["due"] >= "2027-02-25" for m in one["milestones"])
    # done and dropped ones are not planned again; the climb rated as reached is gone
    assert not {"s1-course-moshimoshi.g3", "s1-certificate-moshimoshi.g3", "s1-business_writing-2",
                "s1-business_writing-3", "s1-customer_insight-2"} & set(ids)
    assert {"s1-move-qa", "s1-quality_monitoring-3", "s1-kpi"} <= set(ids)
    answers = (out / "cc-career-answers.yaml").read_text(encoding="utf-8")
    assert "today: 2027-02-25" in answers and "fcr_rate: 0.74" in answers and "customer_insight: 2" in answers
    assert "電話応対技能検定（もしもし検定）3級" in answers
    report = (out / "review-2027-02-25.md").read_text(encoding="utf-8")
    assert ("| 電話応対技能検定（もしもし検定）3級の講習を修了する | 2026年12月22日 | 2026年12月15日 "
            "| 予定どおり |") in report
    assert "| 品質管理・モニタリングをレベル2に上げる | 2027年2月22日 | 途中まで | 2027年5月25日 |" in report
    assert "| ビジネス文書・ライティングをレベル2に上げる | 2027年3月22日 | 時間がない |" in report
    assert "| VOC活用（お客様の声） | レベル1 | レベル2 |" in report
    assert "| FCR | 70% | 74% |" in report
    assert "途中まで進んでいるので、期日を2027年2月22日から2027年5月25日に延ばしました" in report
    assert "「ビジネス文書・ライティングをレベル3に上げる」は、その前の段階を見送った" in report
    plan_md = (out / "career-plan.md").read_text(encoding="utf-8")
    assert "### これまでに達成したこと" in plan_md and "| 2026年12月15日 |" in plan_md

    # ---- 2: a new target: the route is drawn again from today; what was done stays done ------
    result = _review(runner, out, write("two.yaml", SECOND))
    assert result.exit_code == 0, result.output
    two = _plan(out)
    assert [s["to"] for s in two["route"]] == ["leader", "supervisor"]
    assert two["route"][0]["start"] == "2027-05-26"
    assert {s["id"] for s in one["settled"]} < {s["id"] for s in two["settled"]}
    assert {"s1-move-leader", "s2-move-supervisor"} <= {m["id"] for m in two["milestones"]}
    report = (out / "review-2027-05-26.md").read_text(encoding="utf-8")
    assert "目指す職種をQA・品質管理（QC）からスーパーバイザー（SV）に変えました" in report
    assert ("「オペレーター → QA・品質管理（QC）」から"
            "「オペレーター → リーダー（LD） → スーパーバイザー（SV）」") in report
    assert "| AHT | 420秒 | 400秒 |" in report

    # ---- 3: promoted to leader: the later step's milestones keep their ids --------------------
    step2 = {m["id"]: m for m in two["milestones"] if m["step"] == 2}
    result = _review(runner, out, write("three.yaml", THIRD))
    assert result.exit_code == 0, result.output
    three = _plan(out)
    assert three["person"]["role"] == "leader"
    assert [(s["from"], s["to"]) for s in three["route"]] == [("leader", "supervisor")]
    kept = [m for m in three["milestones"] if m["id"] in step2]
    assert len(kept) >= 5 and all(m["step"] == 1 for m in kept)
    assert "s2-move-supervisor" in {m["id"] for m in kept}
    # nothing done in any check-in is lost; a climb given up is never planned again
    settled3 = {s["id"]: s for s in three["settled"]}
    assert set(settled) <= set(settled3) and {s["id"] for s in two["settled"]} <= set(settled3)
    assert settled3["s1-product_knowledge-3"]["reason"] == "changed_mind"
    assert not any(m["skill"] == "product_knowledge" and m["level_to"] >= 3 for m in three["milestones"])
    assert all(m["due"] >= "2027-08-26" for m in three["milestones"])
    report = (out / "review-2027-08-26.md").read_text(encoding="utf-8")
    assert "職種がオペレーターからリーダー（LD）に変わりました" in report
    assert "| コーチング・フィードバックをレベル1に上げる | 2027年8月26日 | まだ |" in report
    answers = (out / "cc-career-answers.yaml").read_text(encoding="utf-8")
    assert "role: leader" in answers and "years_in_role: 0" in answers
    # three history folders, each with the plan as it was before its check-in
    folders = sorted(p.name for p in (out / "history").iterdir())
    assert folders == ["2027-02-25", "2027-05-26", "2027-08-26"]
    assert json.loads((out / "history" / "2027-08-26" / "career-plan.json").read_text())["milestones"] == \
        two["milestones"]


def test_a_second_review_the_same_day_keeps_the_first(runner, planned, write):
    progress = write("one.yaml", FIRST)
    assert _review(runner, planned, progress).exit_code == 0
    first_report = (planned / "review-2027-02-25.md").read_bytes()
    # the same check-in again, against the plan it was made for (now in history)
    held = planned / "history" / "2027-02-25"
    result = _review(runner, planned, progress, "--plan", str(held / "career-plan.json"),
                     "--answers", str(held / "cc-career-answers.yaml"))
    assert result.exit_code == 0, result.output
    assert (planned / "review-2027-02-25.md").read_bytes() == first_report
    assert (planned / "review-2027-02-25-2.md").is_file()
    assert sorted(p.name for p in (planned / "history").iterdir()) == ["2027-02-25", "2027-02-25-2"]


def test_the_replayed_check_in_in_history_gives_the_same_plan(runner, planned, write, tmp_path):
    assert _review(runner, planned, write("one.yaml", FIRST)).exit_code == 0
    held = planned / "history" / "2027-02-25"
    again = tmp_path / "again"
    again.mkdir()
    for name in ("career-plan.json", "cc-career-answers.yaml"):
        (again / name).write_bytes((held / name).read_bytes())
    assert _review(runner, again, held / "progress.yaml").exit_code == 0
    assert (again / "career-plan.json").read_bytes() == (planned / "career-plan.json").read_bytes()


def test_the_report_reads_in_english_with_lang_en(runner, planned, write):
    assert _review(runner, planned, write("one.yaml", FIRST), "--lang", "en").exit_code == 0
    report = (planned / "review-2027-02-25.md").read_text(encoding="utf-8")
    assert report.startswith("# Progress review, 25 Feb 2027")
    assert "| Raise Quality monitoring to level 2 | 22 Feb 2027 | partly done | 25 May 2027 |" in report
    assert not any("\u3040" <= ch <= "\u30ff" for ch in report.replace("山田 花子", ""))


def test_a_progress_file_with_an_unknown_field_is_refused_at_its_line(runner, planned, write):
    before = {p.name: p.read_bytes() for p in planned.iterdir() if p.is_file()}
    bad = write("bad.yaml", FIRST.replace("kpis: {fcr_rate: 0.74}", "kpis: {fcr_rate: 0.74}\nmood: fine"))
    result = _review(runner, planned, bad)
    assert result.exit_code == 2
    assert f"{bad}:10:1" in result.output and "mood" in result.output and "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in planned.iterdir() if p.is_file()} == before
    assert not (planned / "history").exists()


@pytest.mark.parametrize(("text", "where", "needle"), [
    ("milestones:\n  s9-nothing-1: {status: done}\n", ":3:3", "s9-nothing-1"),
    ("milestones:\n  s1-move-qa: {status: dropped}\n", ":3:3", "reason"),
    ("milestones:\n  s1-move-qa: {status: done, reason: health}\n", ":3:3", "reason"),
    ("milestones:\n  s1-move-qa: {status: finished}\n", ":3:", "status"),
    ("skills: {juggling: 2}\n", ":3:", "juggling"),
    ("skills: {coaching: 5}\n", ":3:", "coaching"),
    ("changes: {role: astronaut}\n", ":3:", "astronaut"),
    ("today: 2026-01-01\n", ":3:", "today"),
])
def test_bad_progress_files_name_the_place(runner, planned, write, text, where, needle):
    bad = write("bad.yaml", f"schema_version: 1\n# a check-in\n{text}".replace("# a check-in\n", "", 0))
    result = _review(runner, planned, bad)
    assert result.exit_code == 2, result.output
    assert str(bad) in result.output and needle in result.output, result.output
    assert "Traceback" not in result.output
    assert not (planned / "history").exists()


def test_no_plan_in_the_folder_says_what_to_do(runner, tmp_path, write):
    result = _review(runner, tmp_path / "empty", write("one.yaml", FIRST))
    assert result.exit_code == 2
    assert "cc-career plan" in result.output


def test_no_input_without_a_progress_file_is_a_usage_error(runner, planned):
    result = runner.invoke(app, ["review", "--out", str(planned), "--no-input"])
    assert result.exit_code == 2 and "--progress" in result.output


def test_schema_progress_describes_the_file(runner):
    result = runner.invoke(app, ["schema", "progress"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) >= {"today", "milestones", "skills", "kpis", "certifications", "changes"}
    check = schema["$defs"]["MilestoneCheck"]["properties"]
    assert check["status"]["enum"] == ["done", "partly", "not_yet", "dropped"]


def test_plans_made_before_reviews_still_load_and_keep_their_bytes(planned):
    from cc_career.files.progress import load_plan_file

    text = (planned / "career-plan.json").read_text(encoding="utf-8")
    assert '"settled"' not in text
    assert load_plan_file(planned / "career-plan.json").settled == []
    assert dt.date.fromisoformat(json.loads(text)["made_on"]) == dt.date(2026, 11, 22)


def test_a_cohort_with_progress_files_shows_how_it_moves_without_names(runner, tmp_path):
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    for name in ("hanako_qa", "sv_to_sales", "chat_agent"):
        (cohort / f"{name}.yaml").write_bytes((PERSONAS / f"{name}.yaml").read_bytes())
    progress = Path(__file__).parent / "progress"
    for name in ("hanako_qa", "sv_to_sales"):
        (cohort / f"{name}.progress.yaml").write_bytes((progress / f"{name}.yaml").read_bytes())
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(cohort), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    # the progress files are not taken for answers files; each check-in lands in its person's folder
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["Mei_Kobayashi", "山田_花子", "高橋_由美"]
    assert (out / "山田_花子" / "review-2027-02-22.md").is_file()
    assert (out / "山田_花子" / "history" / "2027-02-22" / "career-plan.json").is_file()
    assert not list((out / "Mei_Kobayashi").glob("review-*.md"))
    summary = (out / "cohort-summary.md").read_text(encoding="utf-8")
    assert "## 5. 振り返りでの進み方" in summary and "2人分の振り返り" in summary
    assert "| ステップ1 | 4 | 2（50%） |" in summary
    assert "VOC活用（お客様の声） 1人" in summary
    assert "話し合いが必要な人（遅れている目標が複数ある、または体調の変化があった）: 1人" in summary
    for name in ("山田", "高橋", "花子", "由美", "Kobayashi"):
        assert name not in summary


def test_a_bad_progress_file_in_a_cohort_fails_that_person_only(runner, tmp_path):
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    for name in ("hanako_qa", "sv_to_sales"):
        (cohort / f"{name}.yaml").write_bytes((PERSONAS / f"{name}.yaml").read_bytes())
    bad = "milestones:\n  s9-nothing: {status: done}\n"
    (cohort / "hanako_qa.progress.yaml").write_text(bad, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(cohort), "--out", str(out), "--jobs", "1", "--lang", "en"])
    assert result.exit_code == 1
    assert "hanako_qa.progress.yaml" in result.output and "s9-nothing" in result.output
    assert (out / "高橋_由美" / "career-plan.md").is_file() and not (out / "山田_花子").exists()
