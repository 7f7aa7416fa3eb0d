"""The plan questionnaire in a real pseudo-terminal, driven as a person would drive it."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pexpect
from conftest import PERSONAS

from cc_career.files import yamlio

ENTER, UP, DOWN, SPACE, CTRL_C = "\r", "\x1b[A", "\x1b[B", " ", "\x03"
DRAFT = ".cc-career-draft.yaml"


class Session:
    """One `cc-career plan` run in a pty: wait for a question, press keys."""

    def __init__(self, out: Path, *args: str) -> None:
        # PROMPT_TOOLKIT_NO_CPR: pexpect does not answer cursor-position requests; without it
        # every question waits for the reply to time out
        env = {**os.environ, "TERM": "xterm", "COLUMNS": "120", "LINES": "40",
               "PROMPT_TOOLKIT_NO_CPR": "1"}
        env.pop("CC_CAREER_DATA_DIR", None)
        self.child = pexpect.spawn(sys.executable, ["-m", "cc_career", "plan", "--out", str(out), *args],
                                   env=env, encoding="utf-8", timeout=20, dimensions=(40, 120))

    def ask(self, question: str, *keys: str) -> None:
        self.child.expect(question)
        for key in keys:
            self.child.send(key)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus

    @property
    def seen(self) -> str:
        return self.child.before or ""


def answer_step_one(s: Session) -> None:
    s.ask("言語 / Language", ENTER)  # 日本語
    s.ask("お名前", "テスト 太郎", ENTER)
    s.ask("大切にしたいこと", SPACE, DOWN, SPACE, ENTER)  # growth, quality
    s.ask("興味のある分野", ENTER)  # none
    s.ask("進みたい方向", UP, UP, UP, ENTER)  # from "undecided" up to "specialist"
    s.ask("何年以内", ENTER)  # 3
    s.ask("年収の目標", ENTER)  # skipped


def answer_step_two(s: Session) -> None:
    s.ask("いまの職種は", ENTER)  # operator
    s.ask("いまの職種での経験", ENTER)  # 1
    s.ask("通算で何年", ENTER)  # 1
    s.ask("雇用形態", ENTER)  # dispatch
    s.ask("業界", ENTER)  # telecom
    s.ask("チャネル", ENTER)  # phone
    s.ask("KPI", DOWN, ENTER)  # yes
    s.ask("AHT", "420", ENTER)
    s.ask("FCR", "70", ENTER)
    s.ask("CSAT", ENTER)
    s.ask("資格", ENTER)
    s.ask("気になっていること", ENTER)  # no


def answer_step_three(s: Session) -> None:
    """With no target yet, the skills the candidate routes need are rated first, so that the
    recommendations then shown are the plan's own."""
    s.child.expect("0〜4で評価")
    while True:
        index = s.child.expect(["いまのレベルは", "評価をやり直しますか", "目指す職種を選んでください",
                                pexpect.EOF])
        if index == 0:
            s.child.send(ENTER)  # keep the suggested level
        elif index == 1:
            s.child.send(DOWN + ENTER)  # no, keep them
        elif index == 2:
            s.child.send(ENTER)  # the top recommendation
        else:
            return


def saved_answers(out: Path) -> dict:
    return yamlio.load(out / "cc-career-answers.yaml").data


def test_a_full_session_writes_the_plan_and_the_answers(tmp_path):
    out = tmp_path / "out"
    s = Session(out)
    answer_step_one(s)
    answer_step_two(s)
    answer_step_three(s)
    assert s.child.exitstatus in (0, None)
    s.child.close()
    assert s.child.exitstatus == 0
    data = saved_answers(out)
    assert data["name"] == "テスト 太郎"
    assert data["ideal"]["values"] == ["growth", "quality"]
    assert data["ideal"]["style"] == "specialist"
    assert data["current"]["kpis"] == {"aht_seconds": 420, "fcr_rate": 0.7}
    assert data["ideal"]["target_role"]
    assert data["current"]["skills"], "the route's skills were rated"
    plan = (out / "career-plan.md").read_text(encoding="utf-8")
    assert plan.startswith("# テスト 太郎さんのキャリアプラン")
    assert stat.S_IMODE((out / "career-plan.md").stat().st_mode) == 0o600
    assert not (out / DRAFT).exists()


def test_ctrl_c_keeps_a_draft_and_the_next_run_resumes_where_it_stopped(tmp_path):
    out = tmp_path / "out"
    s = Session(out)
    answer_step_one(s)
    s.ask("いまの職種は", ENTER)
    s.ask("いまの職種での経験", CTRL_C)
    assert s.finish() == 130
    assert "続きから" in s.seen
    draft = out / DRAFT
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert not (out / "career-plan.md").exists()
    kept = yamlio.load(draft).data["answers"]
    assert kept["current"]["role"] == "operator" and kept["name"] == "テスト 太郎"

    again = Session(out)
    again.ask("続きから始めますか", ENTER)  # yes
    # answered questions are not asked again: the first one now is the one Ctrl-C cut off
    again.ask("いまの職種での経験", "\b", "2", ENTER)
    assert "お名前" not in again.seen and "大切にしたいこと" not in again.seen
    again.ask("通算で何年", "\b", "3", ENTER)
    again.ask("雇用形態", ENTER)
    again.ask("業界", ENTER)
    again.ask("チャネル", ENTER)
    again.ask("KPI", ENTER)  # no
    again.ask("資格", ENTER)
    again.ask("気になっていること", ENTER)
    answer_step_three(again)
    again.child.close()
    assert again.child.exitstatus == 0
    data = saved_answers(out)
    assert data["name"] == "テスト 太郎" and data["current"]["years_in_role"] == 2
    assert not draft.exists()


def test_an_incomplete_answers_file_asks_only_what_is_missing(tmp_path):
    text = (PERSONAS / "hanako_qa.yaml").read_text(encoding="utf-8").replace("  horizon_years: 3\n", "")
    source = tmp_path / "partial.yaml"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    s = Session(out, "--answers", str(source))
    s.ask("足りない回答", )
    s.ask("何年以内", "\b", "5", ENTER)
    assert s.finish() == 0
    assert "お名前" not in s.seen
    assert saved_answers(out)["ideal"]["horizon_years"] == 5


def test_an_interactive_run_asks_before_overwriting_and_no_keeps_the_old_file(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "career-plan.md").write_text("my notes\n", encoding="utf-8")
    text = (PERSONAS / "hanako_qa.yaml").read_text(encoding="utf-8").replace("  horizon_years: 3\n", "")
    source = tmp_path / "partial.yaml"
    source.write_text(text, encoding="utf-8")
    s = Session(out, "--answers", str(source))
    s.ask("何年以内", ENTER)
    s.ask("上書きしますか", ENTER)  # the default is no
    assert s.finish() == 2
    assert (out / "career-plan.md").read_text(encoding="utf-8") == "my notes\n"
    assert (out / DRAFT).exists(), "the answers are kept for the next run"


def test_interrupting_before_any_answer_writes_nothing(tmp_path):
    out = tmp_path / "out"
    s = Session(out)
    s.ask("言語 / Language", CTRL_C)
    assert s.finish() == 130
    assert not out.exists() or list(out.iterdir()) == []


def test_ctrl_d_in_a_text_answer_stops_like_ctrl_c(tmp_path):
    out = tmp_path / "out"
    s = Session(out)
    s.ask("言語 / Language", ENTER)
    s.ask("お名前", "\x04")
    assert s.finish() == 130
    assert (out / DRAFT).exists() and not (out / "career-plan.md").exists()
