"""Text for the terminal that folds to whatever width rich gives it: Japanese between BudouX
phrases, English between words, with kinsoku — never cut with "…", never broken inside an id.

`Folded` is a rich renderable: a table measures it (narrowest = its widest unbreakable piece,
widest = its longest paragraph) and renders it at the column's width, so a table cell, a tree
label or a plain line all wrap the same way. `fold` gives the lines for code that prints itself
(the questionnaire's choices).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style

from cc_career.render.wrap import CLOSING, OPENING, _break_tiers, break_lines

Span = tuple[str, str]  # (text, rich style)


def fold(text: str, lang: str, width: int) -> list[str]:
    """`text` as lines of at most `width` terminal cells (as rich and the terminal count them:
    East Asian ambiguous characters are one cell here, unlike on the printed page)."""
    return list(_fold(" ".join(text.split()), lang, max(1, width)))


@lru_cache(maxsize=4096)
def _fold(text: str, lang: str, width: int) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(break_lines(text, _tiers(text, lang), lambda start: _farthest(text, start, width)))


@lru_cache(maxsize=1024)
def _tiers(text: str, lang: str) -> list[set[int] | None]:
    return _break_tiers(text, lang)


def _farthest(text: str, start: int, width: int) -> int:
    used = 0
    for index in range(start, len(text)):
        used += cell_len(text[index])
        if used > width and text[index] != " ":
            return max(index, start + 1)
    return len(text)


def narrowest(text: str, lang: str) -> int:
    """The width of the widest piece that is never broken: a phrase, a word, an id — kept
    whole together with any punctuation kinsoku glues to it."""
    text = " ".join(text.split())
    if not text:
        return 0
    breaks: set[int] = set()
    for tier in _tiers(text, lang):
        if tier is not None:
            breaks |= tier
    pieces, start = [], 0
    for cut in sorted(breaks | {len(text)}):
        before, after = text[start:cut].rstrip(" "), text[cut:].lstrip(" ")
        if cut < len(text) and (not before or (after and after[0] in CLOSING)
                                or before[-1] in OPENING):
            continue
        pieces.append(text[start:cut].strip(" "))
        start = cut
    return max(cell_len(piece) for piece in pieces)


class Folded:
    """Paragraphs of text, each a list of styled spans, folded at render time."""

    def __init__(self, paragraphs: Iterable[str | Span | Sequence[Span]], lang: str,
                 indent: int = 0) -> None:
        self.paragraphs = [_spans(p) for p in paragraphs]
        self.lang = lang
        self.indent = indent  # continuation lines of a paragraph start this many cells in

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        texts = ["".join(text for text, _ in spans) for spans in self.paragraphs]
        low = max((narrowest(t, self.lang) for t in texts), default=0) + self.indent
        high = max((cell_len(" ".join(t.split())) for t in texts), default=0)
        return Measurement(min(low, options.max_width), min(max(low, high), options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for spans in self.paragraphs:
            yield from self.lines(spans, options.max_width)

    def lines(self, spans: list[Span], width: int) -> Iterator[Segment]:
        text, styles = _flatten(spans)
        position = 0
        first = fold(text, self.lang, width)
        lines = first[:1] + fold(text[_length(first[:1], text):], self.lang,
                                 width - self.indent) if self.indent and len(first) > 1 else first
        for number, line in enumerate(lines):
            while text[position] == " ":
                position += 1
            if number and self.indent:
                yield Segment(" " * self.indent)
            for piece, style in _styled(line, styles[position:position + len(line)]):
                yield Segment(piece, Style.parse(style) if style else None)
            position += len(line)
            yield Segment.line()


def _length(lines: list[str], text: str) -> int:
    """Where in `text` the given leading lines end (the spaces after them included)."""
    position = 0
    for line in lines:
        while text[position] == " ":
            position += 1
        position += len(line)
    return position


def _spans(paragraph: str | Span | Sequence[Span]) -> list[Span]:
    if isinstance(paragraph, str):
        return [(paragraph, "")]
    if len(paragraph) == 2 and all(isinstance(p, str) for p in paragraph):
        return [paragraph]  # type: ignore[list-item]
    return list(paragraph)  # type: ignore[arg-type]


def _flatten(spans: list[Span]) -> tuple[str, list[str]]:
    """The paragraph's text with its whitespace made single spaces, and each character's style."""
    text, styles = "", []
    for piece, style in spans:
        lead = " " if piece[:1].isspace() else ""
        trail = " " if piece[-1:].isspace() and piece.strip() else ""
        piece = lead + " ".join(piece.split()) + trail
        if piece.startswith(" ") and text.endswith(" "):
            piece = piece[1:]
        text += piece
        styles += [style] * len(piece)
    stripped = text.lstrip(" ")
    styles = styles[len(text) - len(stripped):]
    text = stripped.rstrip(" ")
    return text, styles[:len(text)]


def _styled(line: str, styles: list[str]) -> Iterator[Span]:
    start = 0
    for index in range(1, len(line) + 1):
        if index == len(line) or styles[index] != styles[start]:
            yield line[start:index], styles[start]
            start = index
