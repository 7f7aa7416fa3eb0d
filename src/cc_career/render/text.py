"""The one output policy for text that did not come from the program (file names, answers,
labels of a trainer's own data): what each kind of output may receive.

- a terminal or a message: no control or format character ever (ESC, C1 CSI, OSC, bidi
  overrides): each is shown as a visible escape such as ``\\x1b``; bytes of a file name in
  no valid encoding show as ``\\xff``;
- a document line: the same characters become spaces (`inline`);
- Markdown: `inline`, then every Markdown- and HTML-significant character escaped;
- HTML: `inline`, then HTML-escaped;
- CSV: `inline`, and a cell that Excel would run as a formula starts with `'`.
"""

from __future__ import annotations

import html
import os
import re

from cc_career.core.chars import data_text_problem, escape, hidden, inline

_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>|#!~&])")
_FORMULA_START = ("=", "+", "-", "@")


def for_terminal(text: object) -> str:
    """Text safe to print: every control or format character shown as a visible escape."""
    value = os.fspath(text) if isinstance(text, os.PathLike) else str(text)
    if value.isprintable():  # the usual case, at C speed
        return value
    return "".join(escape(ch) if hidden(ch) or ch in "\t\n\r" else ch for ch in value)


def path_text(path: object) -> str:
    """A path as text that can always be printed and stored (bytes in no valid encoding,
    from a Windows share or an old archive, show as `\\xff`), with no control character."""
    raw = os.fsencode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path).encode()
    return for_terminal(raw.decode("utf-8", "surrogateescape"))


def keep_lines(text: str) -> str:
    """Control and format characters become spaces; line breaks stay (a multi-line part of a
    document)."""
    if text.replace("\n", "").isprintable():
        return text
    return "".join(" " if ch != "\n" and (hidden(ch) or ch in "\t\r") else ch for ch in text)


def markdown(text: object) -> str:
    """Text placed in Markdown (tables included): one line, Markdown and HTML characters
    escaped, so it cannot open a heading, a link, a tag or a table cell."""
    return _MARKDOWN.sub(r"\\\1", inline(text))


def html_text(text: object) -> str:
    """Text placed in HTML: one line, `<`, `>`, `&` and quotes escaped."""
    return html.escape(inline(text), quote=True)


def csv_cell(text: object) -> str:
    """A CSV cell: one line, and never the start of a spreadsheet formula."""
    value = inline(text)
    return "'" + value if value.lstrip()[:1] in _FORMULA_START else value


__all__ = ["csv_cell", "data_text_problem", "for_terminal", "html_text", "inline", "keep_lines",
           "markdown", "path_text"]
