"""The last gaps of `cc-career review` (issue 14): how the cohort moves in cohort-summary.csv and
.html as in the .md; a batch check-in keeps history/YYYY-MM-DD/ as the interactive review does
(never overwritten, byte-identical on re-runs); career-plan.html shows what was done so far;
`cc-career validate` checks progress files against the plan beside them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import PERSONAS

from cc_career.cli import app
from cc_career.files.load import load_answers, load_catalog

PROGRESS = Path(__file__).parent / "progress"
NAMES = ("山田", "高橋", "花子", "由美", "Kobayashi")
FIRST = """\
schema_version: 1
today: 2027-02-25
milestones:
  s1-course-moshimoshi.g3: {status: done, on: 2026-12-15}
  s1-certificate-moshimoshi.g3: {status: done}
  s1-quality_monitoring-2: {status: partly}
  s1-business_writing-2: {status: dropped, reason: changed_mind}
"""


def _cohort(tmp_path: Path, *, progress: bool = True) -> Path:
    cohort = tmp_path / "cohort"
    cohort.mkdir(parents=True)
    for name in ("hanako_qa", "sv_to_sales", "chat_agent"):
        (cohort / f"{name}.yaml").write_bytes((PERSONAS / f"{name}.yaml").read_bytes())
    if progress:
        for name in ("hanako_qa", "sv_to_sales"):
            (cohort / f"{name}.progress.yaml").write_bytes((PROGRESS / f"{name}.yaml").read_bytes())
    return cohort


def _batch(runner, cohort: Path, out: Path, *extra: str):
    result = runner.invoke(app, ["batch", str(cohort), "--out", str(out), "--jobs", "1", *extra])
    assert result.exit_code == 0, result.output
    return result


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---- 1. the cohort summary's CSV and HTML carry how the cohort moves ----------------------------


def test_the_csv_carries_how_the_cohort_moves_in_its_own_shape(runner, tmp_path):
    out = tmp_path / "out"
    _batch(runner, _cohort(tmp_path), out)
    text = (out / "cohort-summary.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert all(len(row) == 5 for row in rows)  # the same five columns as every other row
    moved = {(r[0], r[1]): r for r in rows if r[0].startswith("checkin")}
    assert moved[("checkin", "people")][3] == "2"
    # the same figures as the .md's table: step 1, 4 due, 2 done by their date
    assert moved[("checkin_due", "step1")][4] == "4"
    assert moved[("checkin_on_time", "step1")][4] == "2"
    assert moved[("checkin_on_time", "step1")][2] == "ステップ1: 期日までに終えた目標"
    assert moved[("checkin_skill_rose", "customer_insight")][3] == "1"
    assert moved[("checkin_kpi_better", "fcr_rate")][3] == "1"
    assert moved[("checkin_kpi_worse", "fcr_rate")][3] == "0"
    assert moved[("checkin_talk", "needs_talk")][3] == "1"
    assert not any(name in text for name in NAMES)


def test_the_html_carries_how_the_cohort_moves_without_names(runner, tmp_path):
    out = tmp_path / "out"
    _batch(runner, _cohort(tmp_path), out, "--lang", "en")
    page = (out / "cohort-summary.html").read_text(encoding="utf-8")
    section = page[page.index('<section id="moves">'):]
    section = section[:section.index("</section>")].replace("<wbr>", "")
    assert "How the cohort moves (check-ins)" in section
    assert "2 trainees&#39; check-ins" in section
    assert '<td class="num" data-label="Milestones due">4</td>' in section
    assert "2 (50%)" in section
    assert "FCR (1 better, 0 worse)" in section
    assert "a health change): 1." in section
    assert not any(name in page for name in NAMES)
    csv_text = (out / "cohort-summary.csv").read_text(encoding="utf-8-sig")
    assert "checkin_due,step1,step 1: milestones due,,4" in csv_text


def test_without_progress_files_the_summary_has_no_moves(runner, tmp_path):
    out = tmp_path / "out"
    _batch(runner, _cohort(tmp_path, progress=False), out)
    assert "checkin" not in (out / "cohort-summary.csv").read_text(encoding="utf-8-sig")
    assert 'id="moves"' not in (out / "cohort-summary.html").read_text(encoding="utf-8")


# ---- 2. a batch check-in keeps history like the interactive review -----------------------------


def test_a_batch_check_in_keeps_the_plan_before_it_in_history(runner, tmp_path):
    cohort = _cohort(tmp_path)
    out = tmp_path / "out"
    _batch(runner, cohort, out)
    person = out / "山田_花子"
    history = person / "history" / "2027-02-22"
    assert sorted(p.name for p in history.iterdir()) == [
        "career-plan.html", "career-plan.json", "career-plan.md", "cc-career-answers.yaml", "progress.yaml"]
    assert not list(person.glob("career-plan-before-*"))
    # what history holds is exactly the plan the answers make without the check-in
    plain = tmp_path / "plain"
    _batch(runner, _cohort(tmp_path / "p", progress=False), plain)
    for name in ("career-plan.md", "career-plan.html", "career-plan.json"):
        assert (history / name).read_bytes() == (plain / "山田_花子" / name).read_bytes(), name
    assert (history / "career-plan.json").read_bytes() != (person / "career-plan.json").read_bytes()
    catalog = load_catalog(None)
    assert load_answers(history / "cc-career-answers.yaml", catalog)[0] == load_answers(
        cohort / "hanako_qa.yaml", catalog)[0]
    kept = (history / "progress.yaml").read_text(encoding="utf-8")
    assert "today: 2027-02-22" in kept and "reason: no_time" in kept
    # the person with no progress file gets no history
    assert not (out / "Mei_Kobayashi" / "history").exists()


def test_the_kept_check_in_replays_to_the_same_plan(runner, tmp_path):
    out = tmp_path / "out"
    _batch(runner, _cohort(tmp_path), out)
    person, history = out / "山田_花子", out / "山田_花子" / "history" / "2027-02-22"
    again = tmp_path / "again"
    again.mkdir()
    for name in ("career-plan.json", "cc-career-answers.yaml"):
        (again / name).write_bytes((history / name).read_bytes())
    result = runner.invoke(app, ["review", "--out", str(again), "--progress", str(history / "progress.yaml"),
                                 "--no-input"])
    assert result.exit_code == 0, result.output
    assert (again / "career-plan.json").read_bytes() == (person / "career-plan.json").read_bytes()


def test_re_running_the_batch_changes_no_byte(runner, tmp_path):
    cohort = _cohort(tmp_path)
    out = tmp_path / "out"
    _batch(runner, cohort, out)
    before = _tree(out)
    result = _batch(runner, cohort, out, "--jobs", "2")
    assert _tree(out) == before
    assert "0 件、" in result.output or "unchanged" in result.output
    assert not (out / "山田_花子" / "history" / "2027-02-22-2").exists()


def test_a_changed_check_in_the_same_day_never_overwrites_history(runner, tmp_path):
    cohort = _cohort(tmp_path)
    out = tmp_path / "out"
    _batch(runner, cohort, out)
    first = _tree(out / "山田_花子" / "history" / "2027-02-22")
    # the trainer corrects the answers (a longer horizon) and runs again with --force
    answers = cohort / "hanako_qa.yaml"
    text = answers.read_text(encoding="utf-8")
    assert "horizon_years: 3" in text
    answers.write_text(text.replace("horizon_years: 3", "horizon_years: 5"), encoding="utf-8")
    refused = runner.invoke(app, ["batch", str(cohort), "--out", str(out), "--jobs", "1"])
    assert refused.exit_code == 1  # without --force nothing of that person is written, history neither
    assert not (out / "山田_花子" / "history" / "2027-02-22-2").exists()
    _batch(runner, cohort, out, "--force")
    history = out / "山田_花子" / "history"
    assert _tree(history / "2027-02-22") == first
    second = _tree(history / "2027-02-22-2")
    assert second["cc-career-answers.yaml"] != first["cc-career-answers.yaml"]
    _batch(runner, cohort, out, "--force")  # the same again: nothing new
    assert sorted(p.name for p in history.iterdir()) == ["2027-02-22", "2027-02-22-2"]


def test_a_linked_history_folder_is_refused(runner, tmp_path):
    cohort = _cohort(tmp_path)
    out = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "山田_花子").mkdir(parents=True)
    (out / "山田_花子" / "history").symlink_to(elsewhere)
    result = runner.invoke(app, ["batch", str(cohort), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert list(elsewhere.iterdir()) == []


# ---- 3. career-plan.html shows what was done so far --------------------------------------------


def _reviewed(runner, tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "me"
    result = runner.invoke(app, ["plan", "--answers", str(PERSONAS / "hanako_qa.yaml"), "--no-input",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    progress = tmp_path / "first.yaml"
    progress.write_text(FIRST, encoding="utf-8")
    result = runner.invoke(app, ["review", "--out", str(out), "--progress", str(progress), "--no-input",
                                 *extra])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def reviewed(runner, tmp_path) -> Path:
    return _reviewed(runner, tmp_path)


def test_the_page_shows_the_done_milestones_as_the_markdown_does(reviewed):
    page = (reviewed / "career-plan.html").read_text(encoding="utf-8").replace("<wbr>", "")
    text = (reviewed / "career-plan.md").read_text(encoding="utf-8")
    assert "### これまでに達成したこと" in text
    assert '<h3 id="done">これまでに達成したこと</h3>' in page
    done = page[page.index('<h3 id="done">'):page.index('<div class="step-block">')]
    assert done.count('<tr class="done">') == 2
    assert "2026年12月15日" in done and "2026年12月15日" in text
    assert "電話応対技能検定（もしもし検定）3級の講習を修了する" in done
    dropped = ("考えが変わって見送ったもの（今後のプランにも入れません）: "
               "ビジネス文書・ライティングをレベル2に上げる")
    assert dropped in done
    # before the milestones still to do, as in the .md
    assert page.index('<h3 id="done">') < page.index('class="stack milestones"')


def test_the_page_says_done_so_far_in_english(runner, tmp_path):
    reviewed = _reviewed(runner, tmp_path, "--lang", "en")
    page = (reviewed / "career-plan.html").read_text(encoding="utf-8").replace("<wbr>", "")
    assert "<h3 id=\"done\">Done so far</h3>" in page and "15 Dec 2026" in page
    assert "Dropped because you changed your mind (not planned again): " in page


def test_a_plan_with_no_review_has_no_done_section(runner, tmp_path):
    out = tmp_path / "fresh"
    runner.invoke(app, ["plan", "--answers", str(PERSONAS / "hanako_qa.yaml"), "--no-input",
                        "--out", str(out)])
    assert 'id="done"' not in (out / "career-plan.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_reviewed_pages_fit_in_a_real_browser(reviewed, runner, tmp_path):
    from browser import PHONE_PX, chromium_or_skip, ink, render

    browser = chromium_or_skip()
    out = tmp_path / "out"
    _batch(runner, _cohort(tmp_path), out)
    for page, width in ((reviewed / "career-plan.html", 700), (reviewed / "career-plan.html", PHONE_PX),
                        (out / "cohort-summary.html", 700)):
        work = tmp_path / f"shot-{width}-{page.stem}"
        work.mkdir()
        shot = render(browser, page, work, width=width)
        assert ink(shot.png) > 0.03
        assert shot.probe["wide"] == [], shot.probe["wide"]
        assert shot.probe["scroll_width"] <= shot.probe["width"]
        assert shot.probe["resources"] == []


# ---- 4. validate checks progress files ---------------------------------------------------------


def test_validate_checks_the_progress_files_beside_the_answers(runner, tmp_path):
    cohort = _cohort(tmp_path)
    result = runner.invoke(app, ["validate", str(cohort)])
    assert result.exit_code == 0, result.output
    assert "hanako_qa.progress.yaml: OK（進捗ファイル。" in result.output
    assert "hanako_qa.yaml のプランと照らし合わせました" in result.output


def test_validate_names_a_bad_progress_file_at_its_line(runner, tmp_path):
    cohort = _cohort(tmp_path)
    (cohort / "hanako_qa.progress.yaml").write_text(
        "schema_version: 1\nmilestones:\n  s9-nothing: {status: done}\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(cohort), "--lang", "en"])
    assert result.exit_code == 2
    assert "hanako_qa.progress.yaml:3:3: milestones.s9-nothing:" in result.output
    assert "Traceback" not in result.output
    assert "sv_to_sales.progress.yaml: OK" in result.output  # the others are still checked


def test_validate_progress_option_checks_against_the_plan_of_its_folder(runner, reviewed, tmp_path):
    good = reviewed / "check-in.yaml"
    good.write_text("today: 2027-05-26\nmilestones:\n  s1-quality_monitoring-2: {status: done}\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["validate", "--progress", str(good), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert f"checked against {reviewed / 'career-plan.json'}" in result.output
    early = reviewed / "early.yaml"
    early.write_text("today: 2026-01-01\nbogus: 1\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--progress", str(early), "--lang", "en"])
    assert result.exit_code == 2
    assert "early.yaml:2:1: bogus:" in result.output
    early.write_text("today: 2026-01-01\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--progress", str(early), "--lang", "en"])
    assert result.exit_code == 2 and "early.yaml:1:" in result.output


def test_validate_a_progress_file_alone_checks_its_form_and_says_what_it_could_not(runner, tmp_path):
    alone = tmp_path / "alone.yaml"
    alone.write_text("milestones:\n  s1-anything: {status: dropped, reason: no_time}\n"
                     "skills: {customer_insight: 2}\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--progress", str(alone), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "its milestone ids were not checked" in result.output
    alone.write_text("skills: {no_such_skill: 2}\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--progress", str(alone), "--lang", "en"])
    assert result.exit_code == 2 and "alone.yaml:1:10: skills.no_such_skill:" in result.output


def test_validate_with_broken_answers_tells_their_fault_once_and_still_checks_the_progress(runner, tmp_path):
    cohort = _cohort(tmp_path)
    (cohort / "hanako_qa.yaml").write_text("name: [1\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(cohort), "--lang", "en"])
    assert result.exit_code == 2
    assert result.output.count("hanako_qa.yaml:2:1:") == 1
    assert "hanako_qa.progress.yaml: OK (progress file, checked without a plan" in result.output


def test_validate_help_tells_of_progress_files_in_both_languages():
    from test_help import run

    for lang, words in (("ja", "進捗ファイル"), ("en", "progress file")):
        result = run("validate", "--help", lang=lang, width=200)
        assert result.returncode == 0, result.stderr
        assert words in result.stdout and "--progress" in result.stdout
