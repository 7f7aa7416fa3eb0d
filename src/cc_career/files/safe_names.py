"""Folder names for batch output: made from a person's name or file name, safe on any disk.

A name from an answers file is hand-written text: it may hold slashes, `..`, control
characters, a Windows device name or a name another trainee also has. What comes out of
here is one path component that cannot climb out of the output folder, is the same on every
run, and (with `assign_names`) differs from every other folder of the same run, also on
case- and normalisation-insensitive disks (Windows, macOS).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from cc_career.core.chars import hidden

MAX_LENGTH = 60  # code points; 60 CJK characters are 180 bytes, well under the 255-byte limit
FALLBACK = "person"

# Path separators (also their full-width and look-alike forms) and what Windows forbids.
_FORBIDDEN = re.compile(r'[/\\／＼∕⁄:*?"<>|]')
_RUNS = re.compile(r"_{2,}")
_NO_GLYPH = ("Co", "Cn")  # private use, unassigned
_EDGE = "._- "  # a leading dot hides the folder, a leading dash looks like an option
_DEVICE = re.compile(r"(?i)^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$")


def safe_name(name: str | None, stem: str = "") -> str:
    """One safe path component from `name`, else from `stem` (the file name), else "person"."""
    for candidate in (name, stem):
        cleaned = _clean(candidate or "")
        if cleaned:
            return cleaned
    return FALLBACK


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = "_".join(text.split())  # any whitespace run (newlines, full-width space) → "_"
    # The one rule for hidden characters (core/chars.py) drops control and format characters;
    # a folder name adds its own rules on top: whitespace runs become "_" (above), private-use
    # and unassigned code points go too (a name needs a glyph every file manager draws), then
    # path separators, what Windows forbids, edge dots and dashes, device names (below).
    text = "".join(ch for ch in text if not hidden(ch) and unicodedata.category(ch) not in _NO_GLYPH)
    text = _RUNS.sub("_", _FORBIDDEN.sub("_", text))
    text = text.strip(_EDGE)[:MAX_LENGTH].rstrip(_EDGE)  # Windows drops trailing dots itself
    return _not_a_device(text)


def _not_a_device(text: str) -> str:
    """`CON`, `nul.txt`, `COM1.md` name devices on Windows, whatever follows the first dot."""
    base, dot, rest = text.partition(".")
    if _DEVICE.match(base.rstrip(" ")):
        return f"{base}_{dot}{rest}"
    return text


def folding_key(name: str) -> str:
    """Names a case-insensitive, normalising disk would treat as the same folder share a key."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def assign_names(wanted: Iterable[str], reserved: Iterable[str] = ()) -> list[str]:
    """Unique folder names, in the order given: the first keeps its name, a later one with the
    same name gets `-2`, `-3` … Callers pass the names sorted by input file, so the result does
    not depend on which worker finished first. `reserved` names are never handed out."""
    namer = Namer(reserved)
    return [namer.take(name) for name in wanted]


class Namer:
    """Hands out unique folder names one at a time (see `assign_names`)."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._taken = {folding_key(name) for name in reserved}

    def take(self, name: str) -> str:
        chosen, number = name, 1
        while folding_key(chosen) in self._taken:
            number += 1
            suffix = f"-{number}"
            chosen = name[: MAX_LENGTH - len(suffix)].rstrip(_EDGE) + suffix
        self._taken.add(folding_key(chosen))
        return chosen
