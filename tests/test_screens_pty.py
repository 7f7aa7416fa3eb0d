"""The whole questionnaire in a real pseudo-terminal at 60 and 120 columns, in Japanese and in
English, read off a terminal emulator (pyte) screen by screen, as a person sees it: every level
descriptor and every choice is on screen to its last word, and no screen holds the other
language."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest
from conftest import PERSONAS
from screens import other_language, shows_whole
from wcwidth import wcwidth

from cc_career.files.load import load_catalog
from cc_career.render.i18n import t

ENTER, UP, DOWN, SPACE, CTRL_C = "\r", "\x1b[A", "\x1b[B", " ", "\x03"
CATALOG = load_catalog(None)
ROWS = 200  # tall enough that nothing scrolls off


class Screen:
    """`cc-career` in a pty whose output goes through a terminal emulator. The terminal is tall
    enough that nothing scrolls away, so a question is found by the row it appears on."""

    def __init__(self, width: int, *args: str, cwd: Path | None = None) -> None:
        env = {**os.environ, "TERM": "xterm", "COLUMNS": str(width), "LINES": str(ROWS),
               "PROMPT_TOOLKIT_NO_CPR": "1"}
        env.pop("CC_CAREER_DATA_DIR", None)
        self.width = width
        self.screen = pyte.Screen(width, ROWS)
        self.stream = pyte.Stream(self.screen)
        self.child = pexpect.spawn(sys.executable, ["-m", "cc_career", *args], env=env, cwd=cwd,
                                   encoding="utf-8", timeout=30, dimensions=(ROWS, width))
        self.shots: list[str] = []
        self.row = -1  # the row of the last question answered
        self.ended = False

    def settle(self, quiet: float = 0.6) -> None:
        """Read until the program has been quiet for `quiet` seconds (or has ended)."""
        while not self.ended:
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=quiet))
            except pexpect.TIMEOUT:
                return
            except pexpect.EOF:
                self.ended = True

    def find(self, text: str) -> int | None:
        """The first row below the last answered question where `text` shows."""
        for row, line in enumerate(self.lines):
            if row > self.row and text in line:
                return row
        return None

    def wait(self, text: str, timeout: float = 30) -> int:
        deadline = time.monotonic() + timeout
        while (row := self.find(text)) is None:
            if self.ended or time.monotonic() > deadline:
                raise AssertionError(f"never shown: {text!r}\n{self.text}")
            self.settle()
        self.settle()
        self.shots.append(self.text)
        return row

    def press(self, *keys: str) -> None:
        for key in keys:
            self.child.send(key)
            time.sleep(0.05)

    def ask(self, question: str, *keys: str) -> str:
        self.row = self.wait(question)
        self.press(*keys)
        return self.shots[-1]

    @property
    def lines(self) -> list[str]:
        """The screen's lines (pyte's own `display` trips over a half-overwritten wide character)."""
        lines = []
        for y in range(self.screen.lines):
            row, x = self.screen.buffer[y], 0
            chars = []
            while x < self.screen.columns:
                char = row[x].data
                chars.append(char or " ")
                x += 2 if char and wcwidth(char[0]) == 2 else 1
            lines.append("".join(chars).rstrip())
        return lines

    @property
    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n")

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.stream.feed(self.child.before or "")
        self.ended = True
        self.shots.append(self.text)
        self.child.close()
        return self.child.exitstatus


def start(key: str, lang: str) -> str:
    """The first few characters of a question: what a session waits for."""
    return t(key, lang).split("（")[0].split("(")[0].split("{")[0][:8]


def rating_screens(s: Screen, lang: str, stop: str | None = None) -> list[tuple[str, str]]:
    """Answer every rating question (levels alternating so they differ) until `stop` (the next
    question) or the end shows; (skill id, screen)."""
    seen = []
    names = sorted(((skill.name(lang), skill.id) for skill in CATALOG.skills.values()),
                   key=lambda pair: -len(pair[0]))
    rate = t("prompt.rate", lang, skill="@@").split("@@")[1].strip()
    written = t("prompt.written", lang, path="@@").split("@@")[0]
    while True:
        s.settle()
        asked = s.find(rate)
        if asked is None or s.find(written) is not None or (stop and s.find(stop) is not None):
            return seen
        s.row = asked
        s.wait(t("prompt.rate_zero", lang))  # the choices are drawn below the question
        s.settle(quiet=0.8)  # … all of them, on a busy machine too
        line = s.lines[asked]
        skill_id = next(skill_id for name, skill_id in names if name in line)
        s.shots.append(s.text)
        seen.append((skill_id, s.text))
        s.press(DOWN if len(seen) % 2 else "", ENTER)


def run_questionnaire(tmp_path: Path, lang: str, width: int) -> tuple[Screen, list[tuple[str, str]]]:
    s = Screen(width, "plan", "--lang", lang, "--out", "out", cwd=tmp_path)
    s.ask(start("prompt.name", lang), "テスト" if lang == "ja" else "Test", ENTER)
    s.ask(start("prompt.values", lang), SPACE, DOWN, SPACE, DOWN, SPACE, ENTER)
    s.ask(start("prompt.interests", lang), ENTER)
    s.ask(start("prompt.style", lang), UP, UP, UP, ENTER)  # specialist
    s.ask(start("prompt.horizon", lang), ENTER)
    s.ask(start("prompt.salary", lang), ENTER)
    s.ask(start("prompt.role", lang), ENTER)
    s.ask(start("prompt.years_in_role", lang), ENTER)
    s.ask(start("prompt.years_total", lang), ENTER)
    s.ask(start("prompt.employment", lang), ENTER)
    s.ask(start("prompt.industry", lang), ENTER)
    s.ask(start("prompt.channels", lang), ENTER)
    s.ask(start("prompt.kpis_known", lang), ENTER)  # no
    s.ask(start("prompt.certifications", lang), ENTER)
    s.ask(start("prompt.concerns_ask", lang), ENTER)  # no
    # The skills are rated first, so that the recommendations shown are the plan's own.
    rated = rating_screens(s, lang, stop=start("prompt.target", lang))
    s.ask(start("prompt.target", lang), ENTER)
    rated += rating_screens(s, lang)
    assert s.finish() == 0, s.text
    return s, rated


ALLOWED = ("cc-career", "out/", "career-plan.md", "cc-career-answers.yaml", "Enter", "Test", "AHT", "FCR",
           "CSAT", "KPI")


@pytest.mark.parametrize("width", [60, 120])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_screen_of_the_questionnaire_is_whole_and_in_one_language(tmp_path, lang, width):
    s, rated = run_questionnaire(tmp_path, lang, width)
    assert len(rated) >= 3
    for skill_id, shown in rated:
        skill = CATALOG.skills[skill_id]
        for level in range(1, 5):
            # the descriptor, to its last word, is on the screen (folded, never cut at the edge)
            assert shows_whole(shown, skill.levels[level](lang)), (skill_id, level, shown)
    for shown in s.shots:
        assert all(len(line) <= width for line in shown.splitlines())
        assert other_language(shown, lang, ALLOWED + (str(tmp_path),)) == [], shown
    done = s.shots[-1]
    assert "selections)" not in done and "done (" not in done
    # questionary's "done (3 selections)" is replaced by the three picks in the person's language
    picks = t("list.sep", lang).join(CATALOG.values[v].label(lang) for v in list(CATALOG.values)[:3])
    assert any(shows_whole(shot, picks) for shot in s.shots)
    # recommendation lines fold between words, not inside them ("matches y" / "our values")
    assert_recommendations_fold_between_words(done, lang)


def assert_recommendations_fold_between_words(shot: str, lang: str) -> None:
    lines = shot.splitlines()
    start_at = next(i for i, line in enumerate(lines) if t("prompt.recommendations", lang)[:6] in line)
    rows = [line for line in lines[start_at + 1:] if line.strip()][:4]
    if lang == "en":
        reasons = ("values", "interests", "style", "skills", "time")
        words = set(re.findall(r"[A-Za-z]+", " ".join(t(f"reason.{k}", "en", tags="", track="", percent="")
                                                      for k in reasons)))
        for line in rows:
            last = re.findall(r"[A-Za-z]+$", line.rstrip())
            assert not last or last[0] in words or len(line) < 55, line
    else:
        for line in rows:  # a folded line never ends in the middle of 分野 or of a tag
            assert not line.rstrip().endswith(("分", "興味のある分")), line


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_ctrl_c_says_how_to_carry_on_in_the_persons_language(tmp_path, lang):
    s = Screen(60, "plan", "--lang", lang, "--out", "out", cwd=tmp_path)
    s.ask(start("prompt.name", lang), "Test", ENTER)
    s.ask(start("prompt.values", lang), CTRL_C)
    assert s.finish() == 130
    assert other_language(s.text, lang, ALLOWED + ("python -m cc_career plan", ".cc-career-draft.yaml")) == []
    assert "python -m cc_career plan" in " ".join(s.text.split())  # the command that works here


def test_a_replayed_file_at_a_terminal_asks_before_overwriting(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "career-plan.md").write_text("my notes\n", encoding="utf-8")
    s = Screen(80, "plan", "--answers", str(PERSONAS / "hanako_qa.yaml"), "--out", str(out))
    s.ask("上書きしますか", ENTER)  # the default is no
    assert s.finish() == 2
    assert "--force" in s.text and "Traceback" not in s.text
    assert (out / "career-plan.md").read_text(encoding="utf-8") == "my notes\n"
    s = Screen(80, "plan", "--answers", str(PERSONAS / "hanako_qa.yaml"), "--out", str(out))
    s.ask("上書きしますか", UP, ENTER)  # yes
    assert s.finish() == 0
    assert (out / "career-plan.md").read_text(encoding="utf-8") != "my notes\n"


def test_english_picked_at_the_start_is_kept_for_the_interrupt_message(tmp_path):
    s = Screen(80, "plan", "--out", "out", cwd=tmp_path)
    s.ask("言語 / Language", DOWN, ENTER)  # English
    s.ask(start("prompt.name", "en"), "Test", ENTER)
    s.ask(start("prompt.values", "en"), CTRL_C)
    assert s.finish() == 130
    tail = s.text.split(start("prompt.values", "en"))[-1]
    assert "Stopped." in tail and other_language(tail, "en") == []


@pytest.mark.slow
@pytest.mark.parametrize(("command", "name", "first"), [
    ("plan", "career-plan.md", ()),  # a replayed answers file
    ("interview-answer", "interview-answer.txt", ("もう続けていること", ENTER)),  # none of them
])
def test_ctrl_c_at_the_overwrite_question_is_an_interruption_in_every_command(tmp_path, command, name, first):
    out = tmp_path / "out"
    out.mkdir()
    (out / name).write_text("my notes\n", encoding="utf-8")
    s = Screen(80, command, "--answers", str(PERSONAS / "hanako_qa.yaml"), "--out", str(out), cwd=tmp_path)
    if first:
        s.ask(*first)
    s.ask("上書きしますか", CTRL_C)
    assert s.finish() == 130, s.text
    tail = s.text.split("上書きしますか")[-1]
    assert shows_whole(tail, t("prompt.interrupted_nothing", "ja")), s.text
    assert "Traceback" not in s.text and other_language(tail, "ja") == []
    assert [p.name for p in out.iterdir()] == [name]  # nothing written, nothing replaced
    assert (out / name).read_text(encoding="utf-8") == "my notes\n"
