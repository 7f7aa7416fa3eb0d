"""One language per run: an answers file's `language` decides when --lang is absent — also for
the errors about that very file, even one too broken to parse — and the files cc-career writes
for a person speak that person's language."""

from __future__ import annotations

import re

import pytest
from conftest import PERSONAS
from screens import other_language

from cc_career.cli import app
from cc_career.core.models.answers import Answers
from cc_career.files import yamlio
from cc_career.files.load import dump_answers, sniff_language
from cc_career.questionnaire.prompts import DRAFT_NAME, Asker, save_draft

BAD_ROLE = """\
schema_version: 1
language: {lang}
current:
  role: operatr
  years_in_role: 1
  years_total: 1
  employment: dispatch
ideal:
  values: [quality]
  horizon_years: 3
"""
BROKEN = "language: {lang}\ncurrent: {{role: [\n"
COMMANDS = (["plan", "--no-input", "--answers"], ["validate"],
            ["interview-answer", "--no-input", "--answers"])


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("text", [BAD_ROLE, BROKEN], ids=["bad-role", "broken-yaml"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_errors_about_an_answers_file_speak_its_language(runner, tmp_path, command, text, lang):
    path = tmp_path / "answers.yaml"
    path.write_text(text.format(lang=lang), encoding="utf-8")
    result = runner.invoke(app, [*command, str(path), "--out", str(tmp_path / "out")]
                           if command[0] != "validate" else [*command, str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    words = (str(tmp_path), "answers.yaml", "cc-career", "current.role", "operatr", "paths")
    # PyYAML's own description of a syntax error is English; the rest must be the file's language
    shown = result.stderr.split(": did not find")[0] + "\n" + result.stdout
    shown = re.sub(r"[\w.-]*/[\w./-]*", "", shown)  # paths are names, in no language
    assert other_language(shown, lang, words) == [], result.output


def test_lang_on_the_command_line_wins_over_the_file(runner, tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_text(BAD_ROLE.format(lang="en"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path), "--lang", "ja"])
    assert "職種 ID 'operatr' は定義されていません" in result.stderr


def test_the_language_of_an_unparsable_file_is_read_from_its_language_line(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: x\r\nlanguage: 'en'  # mine\r\ncurrent: {role: [\r\n")
    assert sniff_language(path) == "en"
    path.write_bytes(b"current: {role: [\n")
    assert sniff_language(path) is None


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_saved_answers_file_and_the_draft_speak_the_persons_language(tmp_path, lang):
    answers = yamlio.load(PERSONAS / "hanako_qa.yaml").data
    answers["language"] = lang
    header = "".join(line + "\n" for line in dump_answers(Answers.model_validate(answers)).splitlines()
                     if line.startswith("#") and "yaml-language-server" not in line)
    assert header and other_language(header, lang, ("cc-career", "cc-career-answers.yaml",
                                                    "cc-career-answers.schema.json", "JSON Schema", "schema",
                                                    "answers", "plan")) == []
    save_draft(tmp_path, Asker(lang, {"name": "x"}))
    first = (tmp_path / DRAFT_NAME).read_text(encoding="utf-8").splitlines()[0]
    assert other_language(first, lang, ("cc-career", "plan")) == []


@pytest.mark.parametrize("text", ["a: b: c\n", "a:\n\t- b\n", "a: [1, 2\n", "a: 'x\n", "- a\nb: c\n"])
def test_a_yaml_syntax_error_is_told_in_japanese_in_a_japanese_run(runner, tmp_path, text):
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path), "--lang", "ja"])
    assert result.exit_code == 2
    message = result.stderr.replace(str(path), "")
    assert "YAML の書き方に誤りがあります" in message
    assert re.search(r"[A-Za-z]{3,}", message.replace("YAML", "")) is None, message
    english = runner.invoke(app, ["validate", str(path), "--lang", "en"])
    assert "YAML syntax error" in english.stderr
