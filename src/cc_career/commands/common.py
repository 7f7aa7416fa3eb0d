"""What the commands share: how a file was read (the language, the date, the terminal and the
plan for the run's date are context.py's)."""

from __future__ import annotations

import sys
from pathlib import Path

from cc_career.render.i18n import t


def show_notice(path: Path | str, notice: str | None, lang: str) -> None:
    """Say how a file was read when it was not plain UTF-8 (e.g. cp932 from Excel)."""
    if notice:
        sys.stderr.write(f"cc-career: {path}: {t(notice, lang)}\n")

