"""`--help` in one language: Japanese for `--lang ja` or a Japanese locale, else English.

The help is read before any answers file, so it cannot follow the file's `language`; the
person's own system language is the best guess there is, and `--lang` overrides it. This module
also puts typer's own words ("Usage:", "Options", "Show this message and exit.") into that
language and wraps Japanese help by display cells, not characters. Standard library only:
`cc-career --help` must stay instant.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path

LOCALES = Path(__file__).parent / "render" / "locales"
_TABLE_HEADER = re.compile(r"^\[[^\]\n]*\]", re.MULTILINE)
# typer's own words (its English originals) → their key in the locales' [click] table.
TYPER_WORDS = {
    "Usage: ": "usage",
    "Options": "options",
    "Arguments": "arguments",
    "Commands": "commands",
    "Show this message and exit.": "help_option",
    "default: {default}": "default",
    "env var: {var}": "env_var",
    "required": "required",
    "(dynamic)": "dynamic",
    "Aborted!": "aborted",
    "Missing command.": "missing_command",
    "No such command {name!r}.": "no_such_command_name",
    "Install completion for the current shell.": "install_completion",
    "Show completion for the current shell, to copy it or customize the installation.":
        "show_completion",
}
# Messages of a wrong command line (typer writes them in English only): the pattern of typer's
# message → the [click] key and its values. Compiled only when a command line is wrong.
USAGE_MESSAGES: tuple[tuple[str, Callable[[re.Match[str]], tuple[str, dict[str, str]]]], ...] = (
    (r"No such option: (\S+)(?: \(Possible options: ([^)]+)\)| Did you mean (\S+)\?)?",
     lambda m: ("no_such_option_hint", {"option": m[1], "hint": m[2] or m[3]}) if m[2] or m[3]
     else ("no_such_option", {"option": m[1]})),
    (r"Missing argument '([^']+)'\.", lambda m: ("missing_argument", {"name": m[1]})),
    (r"Missing option '([^']+)'\.", lambda m: ("missing_option", {"name": m[1]})),
    (r"No such command '([^']+)'\.", lambda m: ("no_such_command", {"name": m[1]})),
    (r"Got unexpected extra arguments? \((.+)\)", lambda m: ("extra_arguments", {"arguments": m[1]})),
    (r"Option '([^']+)' requires an argument\.", lambda m: ("requires_argument", {"name": m[1]})),
    (r"Invalid value for '([^']+)': (?:Value error, )?('[^']*') is not one of (.+?)\.?$",
     lambda m: ("not_one_of", {"name": m[1], "value": m[2], "choices": m[3]})),
    (r"Invalid value for '([^']+)': (.+)", lambda m: ("invalid_value", {"name": m[1], "detail": m[2]})),
    (r"Missing command\.", lambda m: ("no_command", {})),
)


@cache
def _locale_text(lang: str) -> str:
    return (LOCALES / f"{lang}.toml").read_text("utf-8")


@cache
def table(name: str, lang: str) -> dict[str, str]:
    """One table of render/locales/<lang>.toml ([help], [click]), parsing only that table's
    lines: the whole file is ~8 ms of TOML, too slow for `--help` (render/i18n caches the whole
    file, but its imports cost more still). tests/test_help.py checks it against the whole file."""
    import tomllib

    text = _locale_text(lang)
    start = text.index(f"\n[{name}]\n")
    end = _TABLE_HEADER.search(text, start + len(name) + 4)
    return tomllib.loads(text[start:end.start() if end else len(text)])[name]


def help_language(argv: Sequence[str], env: Mapping[str, str] | None = None) -> str:
    """`--lang X` on the command line, else the locale (LC_ALL, LC_MESSAGES, LANG, or the
    Windows user locale), else English."""
    env = os.environ if env is None else env
    for index, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None)
        if value in ("ja", "en"):
            return value
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return "ja" if env[name].lower().startswith("ja") else "en"
    if sys.platform == "win32":  # pragma: no cover - Windows sets no LANG
        import locale

        name = (locale.getlocale()[0] or "").lower()
        return "ja" if name.startswith(("ja", "japanese")) else "en"
    return "en"


def localize(lang: str) -> None:
    """Put typer's own help words into `lang` and wrap help text by display width."""
    import typer.core

    # An argument is named by its metavar (FILES_OR_DIRS); "<list[Path]>" is Python, not help.
    typer.core.TyperArgument.display_type_rich = lambda self, ctx: None
    if lang != "ja":
        return
    from typer._click import core, exceptions, formatting

    words = table("click", lang)

    def translate(message: str) -> str:
        return words[TYPER_WORDS[message]] if message in TYPER_WORDS else message

    typer.core._ = translate  # typer looks its words up through gettext's `_` at each call
    write_usage = formatting.HelpFormatter.write_usage

    def usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, words["usage"] if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = usage
    formatting.wrap_text = wrap_cells
    get_help_option = core.Command.get_help_option

    def help_option(self, ctx):  # noqa: ANN001, ANN202 - typer's own signature
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = translate(option.help or "")
        return option

    core.Command.get_help_option = help_option

    def show(self, file=None) -> None:  # noqa: ANN001 - typer's own signature
        file = file or sys.stderr
        if self.ctx is not None:
            file.write(f"{self.ctx.get_usage()}\n")
            file.write(words["see_help"].format(command=self.ctx.command_path) + "\n\n")
        file.write(words["error"].format(message=usage_message(self.format_message(), lang)) + "\n")

    exceptions.UsageError.show = show


def localize_params(command, lang: str) -> None:  # noqa: ANN001 - a click command
    """typer's completion options carry fixed English help: give it in `lang`."""
    if lang != "ja":
        return
    words = table("click", lang)
    for param in command.params:
        if getattr(param, "help", None) in TYPER_WORDS:
            param.help = words[TYPER_WORDS[param.help]]


def usage_message(message: str, lang: str) -> str:
    """typer's (English) message of a wrong command line, in `lang`."""
    if lang != "ja":
        return message
    for pattern, said in USAGE_MESSAGES:
        found = re.search(pattern, message)
        if found:
            key, values = said(found)
            return table("click", lang)[key].format(**values)
    return message


# ---- wrapping by display cells ------------------------------------------------------------------

NO_LINE_START = frozenset("、。，．,.:;：；!?！？・…」』）)］]ー")


def cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_cells(text: str, width: int = 78, initial_indent: str = "", subsequent_indent: str = "",
               preserve_paragraphs: bool = False) -> str:
    """typer's `wrap_text`, measuring full-width characters as two cells and breaking Japanese
    where a reader would: after 、 and 。, at spaces, else between any two characters."""
    paragraphs = re.split(r"\n\s*\n", text.expandtabs()) if preserve_paragraphs else [text]
    out = []
    for paragraph in paragraphs:
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if lines and lines[0] == "\b":
            out.append("\n".join(initial_indent + line for line in lines[1:]))
            continue
        joined = ""
        for line in lines:
            wide_join = joined and cells(joined[-1]) == 2 and cells(line[0]) == 2
            joined += line if not joined or wide_join else " " + line
        out.append("\n".join(_fill(joined, width, initial_indent, subsequent_indent)))
    return "\n\n".join(out)


def _kana(char: str) -> bool:
    return "\u3041" <= char <= "\u309f"


def _cut(text: str, end: int) -> int:
    """Where to end a line that may hold `end` characters: after 、。 or a space, else where
    hiragana (a particle or an ending) meets kanji or katakana — the usual phrase boundary —
    else anywhere a line may start."""
    rules = (lambda a, b: a in "、。）」 ", lambda a, b: _kana(a) and not _kana(b) and cells(b) == 2)
    for rule in rules:
        for i in range(end, max(end // 2, 1) - 1, -1):
            if rule(text[i - 1], text[i]) and text[i] not in NO_LINE_START:
                return i
    return next((i for i in range(end, 0, -1) if text[i] not in NO_LINE_START), end)


def _fill(text: str, width: int, first: str, rest: str) -> list[str]:
    lines: list[str] = []
    indent = first
    while text:
        room = max(width - cells(indent), 8)
        if cells(text) <= room:
            lines.append(indent + text)
            break
        used, end = 0, 0
        while end < len(text) and used + cells(text[end]) <= room:
            used += cells(text[end])
            end += 1
        cut = _cut(text, end)
        lines.append(indent + text[:cut].rstrip())
        text = text[cut:].lstrip()
        indent = rest
    return lines
