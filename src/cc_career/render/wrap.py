"""Line wrapping for printed text: at most `width` display cells a line (full-width = 2),
Japanese broken between BudouX phrases, English between words, with kinsoku (no line starts
with closing punctuation, none ends with an opening bracket)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache

from wcwidth import wcwidth

A4_CELLS = 80  # a monospaced A4 page with ordinary margins

# Characters a Japanese line must not start with (行頭禁則): closing brackets and punctuation,
# iteration marks, the long-vowel mark and small kana.
CLOSING = frozenset(
    "、。，．,.:;：；!?！？・…‥」』）)］]｝}〕〉》】〙〗〟’”»"
    "ゝゞ々ー〜ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
)
# … and must not end with these (行末禁則); 〜 also stays inside a line, so 「6〜7年」 is never split.
OPENING = frozenset("「『（(［[｛{〔〈《【〘〖〝‘“«〜")


@cache
def _phrases_parser():  # noqa: ANN202 - budoux's parser type
    import budoux

    return budoux.load_default_japanese_parser()


def cells(text: str, lang: str = "ja") -> int:
    """Display width in terminal/printer cells. East Asian "ambiguous" characters (→, …, ①)
    count as 2 in Japanese text, as Japanese fonts print them."""
    total = 0
    for char in text:
        if lang == "ja" and unicodedata.east_asian_width(char) == "A":
            total += 2
        else:
            total += max(wcwidth(char), 0)
    return total


def wrap(text: str, lang: str, width: int = A4_CELLS) -> list[str]:
    """One paragraph as lines of at most `width` cells. Whitespace runs count as one space;
    a space where a line breaks is dropped, so joining the lines (with "" in Japanese, " " in
    English) gives the text back."""
    text = " ".join(text.split())
    if not text:
        return []
    return break_lines(text, _break_tiers(text, lang), lambda start: _farthest(text, start, width, lang))


def break_lines(text: str, tiers: list[set[int] | None], farthest: Callable[[int], int]) -> list[str]:
    """`text` cut into lines: each runs from its start to the best break (of the first tier
    that has one) at or before `farthest(start)`, the end of the room a line has; the spaces
    at a break are dropped. The one line breaker of the documents and the terminal (fold.py)."""
    lines: list[str] = []
    start = 0
    while start < len(text):
        while start < len(text) and text[start] == " ":
            start += 1
        if start >= len(text):
            break
        end = farthest(start)
        if end >= len(text):
            lines.append(text[start:].rstrip(" "))
            break
        cut = next((c for tier in tiers if (c := _best_cut(text, start, end, tier))), end)
        lines.append(text[start:cut].rstrip(" "))
        start = cut
    return lines


def _break_tiers(text: str, lang: str) -> list[set[int] | None]:
    """Where a line may break, best first: between Japanese phrases, at spaces, and as a last
    resort anywhere (None) — a word wider than the page, a phrase with no break."""
    spaces = {i for i, char in enumerate(text) if char == " "}
    if lang != "ja":
        return [spaces, None]
    phrases: set[int] = set()
    offset = 0
    for phrase in _phrases_parser().parse(text):
        offset += len(phrase)
        phrases.add(offset)
    return [phrases, spaces, None]


def _farthest(text: str, start: int, width: int, lang: str) -> int:
    """The end offset of the longest line from `start` that fits in `width` cells (at least
    one character, so a single over-wide character cannot stall the loop)."""
    used = 0
    for index in range(start, len(text)):
        used += cells(text[index], lang)
        if used > width and text[index] != " ":
            return max(index, start + 1)
    return len(text)


def _best_cut(text: str, start: int, end: int, allowed: set[int] | None) -> int | None:
    """The latest offset in (start, end] to break at that keeps kinsoku; `allowed` limits it
    to phrase/word boundaries, None allows any character boundary."""
    for cut in range(end, start, -1):
        if allowed is not None and cut not in allowed:
            continue
        before = text[start:cut].rstrip(" ")
        after = text[cut:].lstrip(" ")
        if not before or not after:
            continue
        if after[0] in CLOSING or before[-1] in OPENING or _unit_split(before, after):
            continue
        return cut
    return None


_UNITS = "か月年歳秒分%％字本件回"


def _unit_split(before: str, after: str) -> bool:
    """A number and its unit stay on one line: 「9か月」「420秒」 are never cut."""
    number_end = before[-1:].isdigit() or (before[-1:] in "かヶヵ" and before[-2:-1].isdigit())
    return number_end and after[:1] in _UNITS
