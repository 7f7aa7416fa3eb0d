"""The layers hold: import-linter's contracts in pyproject.toml pass, the core never reads the
clock, and a contract that must break does break (the check is not a rubber stamp)."""

from __future__ import annotations

import re
from pathlib import Path

import importlinter.cli  # a test dependency: missing, the suite fails rather than skips
import pytest

from cc_career.core.plan import milestones

REPO = Path(__file__).resolve().parent.parent
CORE = REPO / "src" / "cc_career" / "core"


def _lint(config: Path, capsys: pytest.CaptureFixture[str]) -> tuple[bool, str]:
    status = importlinter.cli.lint_imports(config_filename=str(config), no_logo=True, no_cache=True)
    return status == 0, capsys.readouterr().out


def test_the_import_contracts_in_pyproject_are_kept(monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    kept, report = _lint(REPO / "pyproject.toml", capsys)
    assert kept, report
    assert "2 kept, 0 broken" in report


def test_a_wrong_arrow_is_caught(monkeypatch, tmp_path, capsys):
    """The same tool, told that the core may not import pydantic (it does), says so."""
    config = tmp_path / "contracts.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "cc_career"\ninclude_external_packages = true\n\n'
        '[[tool.importlinter.contracts]]\nname = "no pydantic"\ntype = "forbidden"\n'
        'source_modules = ["cc_career.core"]\nforbidden_modules = ["pydantic"]\n', "utf-8")
    monkeypatch.chdir(REPO)
    kept, report = _lint(config, capsys)
    assert not kept
    assert "cc_career.core.models" in report


CLOCK = re.compile(r"\b(date\.today|datetime\.now|datetime\.utcnow|datetime\.today|time\.time|"
                   r"time\.monotonic|time\.localtime)\s*\(")


def test_the_core_never_reads_the_clock():
    found = [f"{path.relative_to(REPO)}:{number}: {line.strip()}"
             for path in sorted(CORE.rglob("*.py"))
             for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
             if CLOCK.search(line)]
    assert not found, "\n".join(found)
    assert CLOCK.search("start = dt.date.today()")  # the pattern catches the usual spelling


def test_milestones_carry_what_to_say_not_sentences():
    """The core holds no locale text: a milestone's action is a Phrase (a key and its params,
    or a sentence of the career data), said in either language only by render/words.py."""
    from cc_career.api import build_plan, load_answers, load_catalog
    from cc_career.core.models.plan import Phrase
    from cc_career.render.words import say

    catalog = load_catalog()
    answers = load_answers(REPO / "tests" / "personas" / "hanako_qa.yaml", catalog)
    plan = build_plan(answers, catalog)
    assert plan.milestones
    for m in plan.milestones:
        assert isinstance(m.action, Phrase) and isinstance(m.check, Phrase)
        assert say(m.action, "ja") != say(m.action, "en")
    assert not hasattr(milestones, "t")
