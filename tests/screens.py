"""Reading a terminal screen the way a person does: is every text whole, is anything cut, is
there text of the other language. Shared by the CliRunner and the pty tests."""

from __future__ import annotations

import re

from rich.cells import cell_len

BOX = "│┃┆┊║"
DRAWING = re.compile(r"[\u2500-\u257f]")
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\x1b[=>]|\r")
# Japanese script: kana, CJK ideographs, full-width forms and Japanese punctuation.
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]")
OPTION = re.compile(r"(?<![\w-])--?[a-z][\w-]*")
# English in Japanese text: a lowercase word ("done", "interrupted") or two words in a row.
# Capitalised names that Japanese writes in Latin letters (Web, Excel, KPI) are Japanese usage.
ENGLISH_WORDS = re.compile(r"(?<![A-Za-z_\-.])[a-z]{3,}(?![A-Za-z_\-])|\b[A-Za-z]{2,} [A-Za-z]{2,}\b")


def plain(screen: str) -> str:
    return ESCAPES.sub("", screen)


def squash(text: str) -> str:
    """Text with every space, line break and box-drawing character taken out."""
    return "".join(DRAWING.sub("", text).split())


def column_streams(screen: str) -> list[str]:
    """Each table column's text top to bottom, squashed: a cell folded over several lines
    reads as one run in its column's stream."""
    streams: list[str] = []
    current: list[list[str]] = []
    for line in plain(screen).splitlines() + [""]:
        pieces = re.split(f"[{BOX}]", line)
        if len(pieces) > 2 and (not current or len(current) == len(pieces) - 2):
            if not current:
                current = [[] for _ in pieces[1:-1]]
            for column, piece in zip(current, pieces[1:-1], strict=True):
                column.append(piece)
            continue
        streams.extend(squash("".join(column)) for column in current)
        current = []
    return streams


def shows_whole(screen: str, text: str) -> bool:
    """`text` can be read on the screen from start to end, wherever it was folded."""
    wanted = squash(text)
    return wanted in squash(plain(screen)) or any(wanted in s for s in column_streams(screen))


def widest_line(screen: str) -> int:
    return max((cell_len(line) for line in plain(screen).splitlines()), default=0)


def other_language(screen: str, lang: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """Lines holding text of the other language than `lang` (after `allowed` words are taken
    out: ids, file names, command names)."""
    found = []
    for line in plain(screen).splitlines():
        rest = line
        for word in sorted(allowed, key=len, reverse=True):
            rest = rest.replace(word, "")
        rest = OPTION.sub("", rest)  # --out, -h: the program's own names in any language
        if lang == "en" and JAPANESE.search(rest):
            found.append(line)
        if lang == "ja" and ENGLISH_WORDS.search(rest):
            found.append(line)
    return found
