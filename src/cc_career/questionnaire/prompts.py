"""Shared prompting machinery: questionary with `unsafe_ask`, drafts and resume in one place."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import questionary
from questionary import Choice

from cc_career import yamlio
from cc_career.errors import Interrupted, UsageError
from cc_career.i18n import t
from cc_career.writers import write_all

DRAFT_NAME = ".cc-career-draft.yaml"
Validator = Callable[[str], str | None]  # returns an error message, or None when fine


def require_terminal() -> None:
    """Never read piped lines as answers: a person must be at a terminal to be asked."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("prompt.no_terminal")


class Asker:
    """Asks one question per answers-file field, skipping those already answered (resume)."""

    def __init__(self, lang: str, answers: dict[str, Any]) -> None:
        self.lang = lang
        self.answers = answers  # nested dict in the answers-file shape; filled as we go

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def known(self, path: str, valid: Callable[[Any], bool] = lambda _: True) -> bool:
        value = self.get(path)
        try:
            return value is not None and valid(value)
        except (TypeError, ValueError, KeyError):
            return False

    def get(self, path: str) -> Any:
        node: Any = self.answers
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node

    def put(self, path: str, value: Any) -> None:
        node = self.answers
        *parents, leaf = path.split(".")
        for part in parents:
            if not isinstance(node.get(part), dict):
                node[part] = {}
            node = node[part]
        if value is None:
            node.pop(leaf, None)
        else:
            node[leaf] = value

    def select(self, path: str, message: str, choices: list[tuple[Any, str]],
               default: Any = None) -> Any:
        options = [Choice(title=label, value=value) for value, label in choices]
        chosen = next((o for o in options if o.value == default), None)
        value = questionary.select(message, choices=options, default=chosen,
                                   instruction=self.tr("prompt.select_hint")).unsafe_ask()
        self.put(path, value)
        return value

    def checkbox(self, path: str, message: str, choices: list[tuple[Any, str]],
                 checked: list[Any] | None = None, at_least_one: bool = False) -> list[Any]:
        checked = checked or []
        options = [Choice(title=label, value=value, checked=value in checked)
                   for value, label in choices]
        rule = (lambda picked: True if picked else self.tr("prompt.pick_one")) if at_least_one \
            else (lambda picked: True)
        values = questionary.checkbox(message, choices=options, validate=rule,
                                      instruction=self.tr("prompt.checkbox_hint")).unsafe_ask()
        self.put(path, values)
        return values

    def text(self, path: str, message: str, *, default: str = "", check: Validator,
             convert: Callable[[str], Any] = str) -> Any:
        def rule(raw: str) -> bool | str:
            problem = check(raw.strip())
            return True if problem is None else problem

        raw = questionary.text(message, default=default, validate=rule).unsafe_ask()
        value = convert(raw.strip())
        self.put(path, value)
        return value

    def confirm(self, path: str | None, message: str, default: bool = False) -> bool:
        value = questionary.confirm(message, default=default).unsafe_ask()
        if path:
            self.put(path, value)
        return bool(value)


def confirm(message: str, default: bool = False) -> bool:
    return bool(questionary.confirm(message, default=default).unsafe_ask())


def load_draft(folder: Path) -> dict[str, Any] | None:
    """The answers saved by an interrupted run in this folder, if any (and readable)."""
    path = folder / DRAFT_NAME
    if not path.is_file():
        return None
    try:
        data = yamlio.load(path).data
    except Exception:  # noqa: BLE001 - a broken draft is simply not offered
        return None
    return data if isinstance(data, dict) else None


def drop_draft(folder: Path) -> None:
    (folder / DRAFT_NAME).unlink(missing_ok=True)


@contextmanager
def keeping_draft(folder: Path, asker: Asker) -> Iterator[None]:
    """Ctrl-C or Ctrl-D anywhere in the questions: save what was answered (0600) and stop
    with exit 130; the next run offers to resume from it."""
    try:
        yield
    except (KeyboardInterrupt, EOFError):
        if asker.answers:
            write_all(folder, {DRAFT_NAME: yamlio.dump(asker.answers)}, force=True)
        raise Interrupted("prompt.interrupted", path=folder / DRAFT_NAME) from None
