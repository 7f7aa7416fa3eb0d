"""`--help` and `-h` in one language (ja for `--lang ja` or a Japanese locale, else en), the
commands in the order a person uses them, nothing cut, and Tab completion of role and skill ids."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from screens import other_language, widest_line

from cc_career.helptext import help_language, wrap_cells

ORDER = ["plan", "interview-answer", "review", "batch", "paths", "skills", "certs", "validate", "schema"]
LOCALES = {"ja": "ja_JP.UTF-8", "en": "C.UTF-8"}
# Words that are the same in a Japanese help: option names, file names, metavars.
ALLOWED = ("cc-career", "career-plan.md", "cc-career-answers.yaml", "interview-answer", "paths.yaml",
           "skills.yaml", "language", "show", "plan", "skills", "paths", "batch", "validate", "schema",
           "answers", "interview", "Schema", "yaml", "path", "dir", "Ctrl-C", "CC_CAREER_DATA_DIR",
           "certs", "certifications", "certifications.yaml", "CBT", "review", "progress", "career-plan.json",
           "history", "YYYY-MM-DD", "review-YYYY-MM-DD.md")


def run(*args: str, lang: str = "en", width: int = 80, extra: dict[str, str] | None = None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update({"LANG": LOCALES[lang], "COLUMNS": str(width), **(extra or {})})
    return subprocess.run([sys.executable, "-m", "cc_career", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def commands_listed(text: str) -> list[str]:
    section = text.split("\n\n")[-1].splitlines()[1:]
    return [line.split()[0] for line in section if line.startswith("  ") and not line.startswith("   ")]


def test_dash_h_is_help():
    done = run("-h")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: cc-career")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_commands_are_listed_in_the_order_a_person_uses_them(lang):
    assert commands_listed(run("--help", lang=lang).stdout) == ORDER


COMMANDS = [(), *((c,) for c in ORDER), ("paths", "show")]


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "cc-career")
def test_help_is_whole_in_one_language(lang, width, command):
    done = run(*command, "-h", lang=lang, width=width)
    assert done.returncode == 0, done.stderr
    assert "..." not in re.sub(r"[\]}A-Z]\.\.\.", "", done.stdout)  # "[ID]..." says "one or more"
    assert widest_line(done.stdout) <= width
    assert other_language(done.stdout, lang, ALLOWED) == []


def test_lang_on_the_command_line_chooses_the_help_language():
    assert "使い方:" in run("plan", "--lang", "ja", "-h", lang="en").stdout
    assert "Usage:" in run("plan", "--lang=en", "-h", lang="ja").stdout


def test_a_usage_error_speaks_the_help_language():
    done = run("plan", "--bogus", lang="ja")
    assert done.returncode == 2
    assert "エラー: --bogus というオプションはありません" in done.stderr
    assert other_language(done.stderr, "ja", ALLOWED + ("bogus", "out")) == []
    done = run("plan", "--lang", "fr", lang="ja")
    assert "'ja', 'en' のどれかを指定してください" in done.stderr


def test_help_language_follows_lang_then_the_locale():
    assert help_language(["plan", "--lang", "ja"], {"LANG": "C"}) == "ja"
    assert help_language(["--lang=en"], {"LANG": "ja_JP.UTF-8"}) == "en"
    assert help_language([], {"LANG": "ja_JP.UTF-8"}) == "ja"
    assert help_language([], {"LC_ALL": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"}) == "en"
    assert help_language([], {}) == "en"


def test_japanese_help_wraps_by_display_cells_after_punctuation():
    lines = wrap_cells("質問に答えて、キャリアプランを作ります。回答は保存されます。", 24).splitlines()
    assert lines == ["質問に答えて、", "キャリアプランを作ります。", "回答は保存されます。"] or all(
        sum(2 for _ in line) <= 24 for line in lines)
    assert all(not line.startswith(("、", "。")) for line in lines)


def complete(words: str) -> list[str]:
    env = {**os.environ, "_CC_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    done = subprocess.run([sys.executable, "-m", "cc_career"], capture_output=True, text=True, env=env,
                          timeout=60)
    return done.stdout.split()


def test_tab_completes_role_ids():
    assert complete("cc-career paths show q") == ["qa"]
    assert {"operator", "office_admin"} <= set(complete("cc-career paths show o"))


def test_tab_completes_skill_ids():
    assert set(complete("cc-career skills co")) == {"communication", "complaint_handling", "coaching"}


def test_skills_with_ids_shows_only_those(runner):
    from cc_career.cli import app

    result = runner.invoke(app, ["skills", "coaching", "--lang", "en"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "coaching" in result.stdout and "communication" not in result.stdout
    result = runner.invoke(app, ["skills", "nosuch", "--lang", "en"])
    assert result.exit_code == 2 and "unknown skill id 'nosuch'" in result.stderr


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_help_reads_its_tables_as_the_whole_locale_file_has_them(lang):
    import tomllib
    from importlib import resources

    from cc_career.helptext import table

    text = resources.files("cc_career.render").joinpath("locales", f"{lang}.toml").read_text("utf-8")
    whole = tomllib.loads(text)
    for name in ("help", "click"):
        assert table(name, lang) == whole[name]


def test_no_word_of_the_help_is_written_in_the_code():
    from pathlib import Path

    import cc_career

    package = Path(cc_career.__file__).parent
    words = re.compile(r"[\u3041-\u30fa\u3400-\u9fff]")  # kana and kanji (punctuation: wrapping rules)
    for name in ("cli.py", "helptext.py"):
        code = (package / name).read_text(encoding="utf-8")
        assert [line for line in code.splitlines() if words.search(line)] == [], name
