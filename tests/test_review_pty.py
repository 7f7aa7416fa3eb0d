"""The interactive check-in (`cc-career review`) in a real pseudo-terminal, read off a terminal
emulator screen: the milestones due are shown and asked one by one, the skills re-rated with
the last rating shown, and the run writes the report; Ctrl-C keeps a draft that the next run
offers to resume. Slow: real processes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import PERSONAS
from screens import other_language, shows_whole
from test_screens_pty import CTRL_C, ENTER, UP, Screen

from cc_career.core.models.plan_file import PlanFile
from cc_career.core.plan.review import to_ask
from cc_career.files.load import load_catalog
from cc_career.render.i18n import t
from cc_career.render.review_md import milestone_label

pytestmark = pytest.mark.slow
CATALOG = load_catalog(None)


def _planned(tmp_path: Path, lang: str) -> tuple[Path, PlanFile]:
    """hanako_qa's plan made four months ago, so that milestones are due today."""
    from typer.testing import CliRunner

    from cc_career.cli import app

    made = dt.date.today() - dt.timedelta(days=120)
    answers = (PERSONAS / "hanako_qa.yaml").read_text(encoding="utf-8").replace(
        "today: 2026-11-22", f"today: {made.isoformat()}").replace("language: ja", f"language: {lang}")
    source = tmp_path / "answers.yaml"
    source.write_text(answers, encoding="utf-8")
    out = tmp_path / "me"
    result = CliRunner().invoke(app, ["plan", "--answers", str(source), "--no-input", "--out", str(out)])
    assert result.exit_code == 0, result.output
    plan = PlanFile.model_validate(json.loads((out / "career-plan.json").read_text(encoding="utf-8")))
    return out, plan


def _status_question(m, plan: PlanFile, lang: str) -> str:  # noqa: ANN001
    roles = {s.step: s.to for s in plan.route}
    return milestone_label(m, CATALOG, lang, roles.get(m.step))[:12]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_interactive_check_in_asks_and_writes_the_report(tmp_path, lang):
    out, plan = _planned(tmp_path, lang)
    today = dt.date.today()
    asked = to_ask(plan, today)
    assert len(asked) >= 2
    s = Screen(100, "review", "--out", str(out))
    s.wait(t("review.q_heading", lang, date="", made="").split("（")[0].split(" (")[0].strip()[:6])
    first, *rest = asked
    s.ask(_status_question(first, plan, lang), UP, UP, ENTER)  # done (the default is "not yet")
    s.ask(t("review.q_done_on", lang)[:8], ENTER)  # its own date (or today)
    for m in rest:
        s.ask(_status_question(m, plan, lang), ENTER)  # not yet
    s.wait(t("review.q_skills_heading", lang)[:8])
    shown = s.text
    assert t("review.last", lang, level=2) in " ".join(shown.split()) or "レベル2" in shown
    while not s.ended and s.find(t("review.q_kpis_heading", lang)[:8]) is None:
        s.press(ENTER)  # keep every rating as it was
        s.settle(0.4)
    for key in ("prompt.aht", "prompt.fcr", "prompt.csat"):
        s.ask(t(key, lang)[:6], ENTER)
    s.ask(t("review.q_certificates", lang)[:8], ENTER)
    s.ask(t("review.q_changes", lang)[:8], ENTER)
    assert s.finish() == 0, s.text
    report = (out / f"review-{today.isoformat()}.md").read_text(encoding="utf-8")
    label = milestone_label(first, CATALOG, lang, plan.route[0].to)
    assert f"| {label} |" in report
    assert (out / "history" / today.isoformat() / "progress.yaml").is_file()
    saved = json.loads((out / "career-plan.json").read_text(encoding="utf-8"))
    assert first.id in {x["id"] for x in saved["settled"]}
    allowed = ("cc-career review", "review-", "history", "career-plan", "cc-career-answers.yaml", str(out),
               "AHT", "FCR", "CSAT", "YYYY-MM-DD", "SV", "QA", "QC", "VOC", "yaml", "md")
    assert other_language(s.text, lang, allowed) == [], s.text


def test_ctrl_c_keeps_a_draft_and_the_next_run_resumes_it(tmp_path):
    out, plan = _planned(tmp_path, "ja")
    first, second, *_ = to_ask(plan, dt.date.today())
    s = Screen(100, "review", "--out", str(out))
    s.ask(_status_question(first, plan, "ja"), UP, ENTER)  # partly
    s.ask(_status_question(second, plan, "ja"), CTRL_C)
    assert s.finish() == 130
    assert (out / ".cc-career-review-draft.yaml").is_file()
    assert "review" in " ".join(s.text.split()) and "Traceback" not in s.text
    assert not (out / "history").exists()
    s = Screen(100, "review", "--out", str(out))
    s.ask("続きから始めますか", ENTER)  # yes
    s.ask(_status_question(second, plan, "ja"), CTRL_C)  # the first is not asked again
    assert s.finish() == 130
    after = s.text.split("続きから始めますか")[-1]
    assert f"? 「{_status_question(first, plan, 'ja')}" not in after
    assert f"? 「{_status_question(second, plan, 'ja')}" in after


def test_ctrl_c_at_the_resume_question_is_the_one_interruption_and_keeps_the_draft(tmp_path):
    out, plan = _planned(tmp_path, "ja")
    first, second, *_ = to_ask(plan, dt.date.today())
    s = Screen(100, "review", "--out", str(out))
    s.ask(_status_question(first, plan, "ja"), UP, ENTER)  # partly
    s.ask(_status_question(second, plan, "ja"), CTRL_C)
    assert s.finish() == 130
    draft = (out / ".cc-career-review-draft.yaml").read_text(encoding="utf-8")
    s = Screen(100, "review", "--out", str(out))
    s.ask("続きから始めますか", CTRL_C)
    assert s.finish() == 130, s.text
    tail = s.text.split("続きから始めますか")[-1]
    assert shows_whole(tail, t("prompt.interrupted_nothing", "ja")) and "Traceback" not in s.text
    assert (out / ".cc-career-review-draft.yaml").read_text(encoding="utf-8") == draft
    assert not (out / "history").exists()


def test_plan_in_a_folder_with_a_plan_offers_the_review_and_says_how_to_start_afresh(tmp_path):
    out, plan = _planned(tmp_path, "ja")
    first = to_ask(plan, dt.date.today())[0]
    s = Screen(100, "plan", "--out", str(out))
    s.ask("振り返り", ENTER)  # yes, the default
    s.ask(_status_question(first, plan, "ja"), CTRL_C)  # the check-in's own questions
    assert s.finish() == 130
    assert (out / ".cc-career-review-draft.yaml").is_file()
    s = Screen(100, "plan", "--out", str(out))
    s.ask("振り返り", UP, ENTER)  # no: a new plan from the start
    s.wait("最初から作ります")
    s.ask("Language", ENTER)
    s.ask(t("prompt.name", "ja")[:6], CTRL_C)
    assert s.finish() == 130
    assert "review" in s.text and "Traceback" not in s.text
