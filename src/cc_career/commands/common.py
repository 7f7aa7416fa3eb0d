"""What the commands share: how a file was read, and the one printer of what a command did
(the language, the date, the terminal and the plan for the run's date are context.py's)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cc_career.render.i18n import t


def show_notice(path: Path | str, notice: str | None, lang: str) -> None:
    """Say how a file was read when it was not plain UTF-8 (e.g. cp932 from Excel)."""
    if notice:
        sys.stderr.write(f"cc-career: {path}: {t(notice, lang)}\n")



@dataclass
class Result:
    """What a command did, as `tell` says it: each file written or left unchanged (in the order
    the command made them), then what it noticed (a locale key, its values, a style)."""

    lang: str
    files: list[tuple[Path, bool]] = field(default_factory=list)  # (path, written)
    notes: list[tuple[str, dict[str, Any], str | None]] = field(default_factory=list)

    def add_files(self, out: Path, names: Iterable[str], written: Iterable[Path]) -> None:
        done = set(written)
        self.files += [(out / name, out / name in done) for name in names]

    def note(self, key: str, style: str | None = None, **values: Any) -> None:
        self.notes.append((key, values, style))


class Lines:
    """The console of a run that asks nothing: plain lines. rich, which the questionnaire needs,
    is not even imported; a replayed plan is timed against bare interpreter start-up."""

    def print(self, text: str, *, style: str | None = None, markup: bool = False) -> None:
        print(text)


def tell(result: Result, console: Any) -> Result:
    """The one printer of a command's result: the files, then the notes (a path may hold "[/x]":
    never rich markup)."""
    for path, written in result.files:
        console.print(t("prompt.written" if written else "prompt.unchanged", result.lang, path=path),
                      markup=False)
    for key, values, style in result.notes:
        console.print(t(key, result.lang, **values), style=style, markup=False)
    return result
