"""Every error the user can meet, each with its exit code; the CLI maps them to messages."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit code of the program (SPEC)."""

    OK = 0
    SOME_FAILED = 1  # batch: some files failed, the others were written
    BAD_INPUT = 2  # a bad file, option or data: one message, no traceback
    INTERRUPTED = 130  # Ctrl-C, TERM or HUP


class CcCareerError(Exception):
    """Base for errors shown to the user as one clean message (never a traceback).

    The text is a key into the locale files, rendered in the user's language only when shown.
    """

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        from cc_career.render.i18n import t

        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.render("en")


class InputError(CcCareerError):
    """A file the user gave is unreadable or wrong: `FILE:LINE:COL: field: what is wrong`."""

    def __init__(
        self,
        path: object,
        key: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        fallback: str | None = None,
        **params: object,
    ) -> None:
        super().__init__(key, **params)
        self.path = str(path)
        self.line = line
        self.column = column
        self.field = field
        self.fallback = fallback  # English text for a reason the locales do not know
        self.more: list[InputError] = []  # further problems found in the same file
        self.lang_hint: str | None = None  # the file's own `language`, when it could be read

    @property
    def where(self) -> str:
        from cc_career.render.text import path_text

        shown = path_text(self.path)  # a file name may hold terminal escapes or odd bytes
        return shown if self.line is None else f"{shown}:{self.line}:{self.column or 1}"

    def reason(self, lang: str) -> str:
        from cc_career.render.i18n import t

        return t(self.key, lang, default=self.fallback, **self.params)

    def render_one(self, lang: str) -> str:
        reason = self.reason(lang)
        return f"{self.where}: {self.field}: {reason}" if self.field else f"{self.where}: {reason}"

    def render(self, lang: str) -> str:
        return "\n".join(e.render_one(lang) for e in [self, *self.more])

    @staticmethod
    def first_of(problems: list[InputError]) -> InputError:
        """The problems of one file as one error: the first in the file, the others on `.more`
        in the order they stand (what a person fixes top to bottom)."""
        ordered = sorted(problems, key=lambda e: (e.line or 0, e.column or 0))
        first, first.more = ordered[0], ordered[1:]
        return first


class UsageError(CcCareerError):
    """The command line asks for something impossible (no terminal to prompt on, …)."""


class RefusedOverwrite(CcCareerError):
    """A file exists and --force was not given."""


class WriteError(CcCareerError):
    """The disk refused a write (full, read-only, …); the old file is left as it was."""


class Interrupted(CcCareerError):
    exit_code = ExitCode.INTERRUPTED
