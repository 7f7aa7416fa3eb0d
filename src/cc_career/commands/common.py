"""What every command that reads an answers file shares: the language, the plan's start date,
whether a person is there to be asked, and how the file was read."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cc_career.render.i18n import t

if TYPE_CHECKING:
    from cc_career.core.models.answers import Answers
    from cc_career.core.models.catalog import Catalog
    from cc_career.core.models.plan import Plan


def resolve_lang(option: str | None, answers: Answers | None = None) -> str:
    """SPEC: `--lang`, else the answers file's `language`, else Japanese."""
    if option:
        return option
    return answers.language if answers is not None else "ja"


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
    import os
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


def show_notice(path: Path | str, notice: str | None, lang: str) -> None:
    """Say how a file was read when it was not plain UTF-8 (e.g. cp932 from Excel)."""
    if notice:
        sys.stderr.write(f"cc-career: {path}: {t(notice, lang)}\n")
