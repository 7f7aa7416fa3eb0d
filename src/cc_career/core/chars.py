"""Which characters text from outside the program may never carry into a line (control and
format characters, line breaks), and how they are named. Pure: the output policies that use
this rule, one per kind of output, are in render/text.py."""

from __future__ import annotations

import unicodedata


def hidden(ch: str) -> bool:
    # Cc: C0/C1 controls (ESC, CSI \x9b, NEL); Cf: format (bidi overrides, zero-width);
    # Cs: a lone surrogate (a file name byte in no encoding); Zl/Zp: line/paragraph separators
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")


def escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the raw byte of an undecodable file name
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def inline(text: object) -> str:
    """One line for a document: control and format characters and line breaks become spaces,
    runs of space become one."""
    value = str(text)
    if not value.isprintable():
        value = "".join(" " if hidden(ch) else ch for ch in value)
    return " ".join(value.split())


def data_text_problem(text: str, *, one_line: bool) -> str | None:
    """Why a label of the career data cannot be shown as it is, or None: a control character
    (a terminal escape), or — in a name — a line break (it would break tables and headings)."""
    for ch in text:
        if ch == "\n" and not one_line:
            continue
        if hidden(ch) or ch in "\t\r\n":
            return "a line break" if ch in "\n\r" else f"the control character {escape(ch)}"
    return None
