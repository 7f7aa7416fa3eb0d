"""One run of the program: which language it speaks, which data it reads, what day it is,
whether a person is there to be asked. Built once from the command line; the clock and the
terminal are read here and nowhere below (the core is handed `today`)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from cc_career.core.models.answers import Answers
    from cc_career.core.models.catalog import Catalog
    from cc_career.core.models.plan import Plan

LANGS = ("ja", "en")
DEFAULT_LANG = "ja"


def resolve_lang(option: str | None, answers: Answers | None = None, hint: str | None = None) -> str:
    """The one language rule (SPEC): `--lang`, else the answers file's `language` (or, when the
    file could not be read whole, the `language` line found in it), else Japanese."""
    if option:
        return option
    if answers is not None:
        return answers.language
    return hint or DEFAULT_LANG


def option_value(option: object | None) -> str | None:
    """A typer choice (an Enum) as the plain language code, None when not given."""
    return getattr(option, "value", option) if option is not None else None


def start_date(answers: Answers, today: dt.date | None = None) -> dt.date:
    """The plan starts on the answers' `today` when set (replays stay identical), else today."""
    return answers.today or today or dt.date.today()


def plan_for(answers: Answers, catalog: Catalog, today: dt.date | None = None) -> Plan:
    from cc_career.core.plan import build_plan

    return build_plan(answers, catalog, start_date(answers, today))


def at_terminal() -> bool:
    """A person is there to be asked: both ends are a terminal (piped lines are never answers)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def program() -> str:
    """The command that starts cc-career in this shell, for messages that say "run … again":
    `cc-career` when that is on PATH, else the path it was started by (`.venv/bin/cc-career`
    before the venv is activated), or `python -m cc_career`."""
    import shutil

    started = sys.argv[0] if sys.argv and sys.argv[0] else "cc-career"
    if os.path.basename(started) == "__main__.py":
        return "python -m cc_career"
    found = shutil.which("cc-career")
    if found and os.path.realpath(found) == os.path.realpath(shutil.which(started) or started):
        return "cc-career"
    if os.path.sep not in started and "/" not in started:
        return "cc-career"
    try:
        shown = os.path.relpath(started)
    except ValueError:  # another drive on Windows
        shown = started
    return shown if shown.startswith((".", os.path.sep)) or ":" in shown else os.path.join(".", shown)


@dataclass
class Run:
    """What one command invocation knows before it reads any file."""

    lang_option: str | None = None
    data_dir: Path | None = None
    today: dt.date = field(default_factory=dt.date.today)
    terminal: bool = field(default_factory=at_terminal)
    _console: Console | None = field(default=None, repr=False)

    def lang(self, answers: Answers | None = None, hint: str | None = None) -> str:
        return resolve_lang(self.lang_option, answers, hint)

    def start(self, answers: Answers) -> dt.date:
        return start_date(answers, self.today)

    def plan(self, answers: Answers, catalog: Catalog) -> Plan:
        return plan_for(answers, catalog, self.today)

    @property
    def console(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._console = Console(highlight=False)  # a path or a number is not coloured
        return self._console
