"""Shared prompting machinery: questionary with `unsafe_ask`, drafts and resume in one place."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import questionary
from questionary import Choice

from cc_career import yamlio
from cc_career.commands.common import at_terminal
from cc_career.errors import CcCareerError, Interrupted, UsageError
from cc_career.i18n import t
from cc_career.writers import write_all

DRAFT_NAME = ".cc-career-draft.yaml"
NONE = "\x00none"  # the value of a "none of these" choice
DRAFT_HEADER = "# cc-career: answers so far of an interrupted questionnaire (resumed by the next run)\n"
Validator = Callable[[str], str | None]  # returns an error message, or None when fine


def require_terminal() -> None:
    """Never read piped lines as answers: a person must be at a terminal to be asked."""
    if not at_terminal():
        raise UsageError("prompt.no_terminal")


class Asker:
    """Asks one question per answers-file field, skipping those already answered (resume)."""

    def __init__(self, lang: str, answers: dict[str, Any], *, asked: Iterable[str] = (),
                 settle_optional: bool = False) -> None:
        self.lang = lang
        self.answers = answers  # nested dict in the answers-file shape; filled as we go
        self.asked = set(asked)  # questions already put to the person (a skipped one stays skipped)
        self.settle_optional = settle_optional  # a hand-written file: an absent optional is an answer
        self.banner: Callable[[], None] | None = None  # a step heading, shown before its first question

    def show_banner(self) -> None:
        if self.banner is not None:
            self.banner()
            self.banner = None

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def known(self, path: str, valid: Callable[[Any], bool] = lambda _: True,
              optional: bool = False) -> bool:
        """True when the question needs no asking: it holds a valid answer, or it is optional
        and was already skipped (resume) or left out of a hand-written file."""
        value = self.get(path)
        if value is None:
            return optional and (self.settle_optional or path in self.asked)
        try:
            return bool(valid(value))
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
        self.asked.add(path)
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
        self.show_banner()
        # questionary turns a None value into the title, so "no answer" travels as NONE
        options = [Choice(title=label, value=NONE if value is None else value)
                   for value, label in choices]
        chosen = next((o for o in options if o.value == (NONE if default is None else default)), None)
        value = questionary.select(message, choices=options, default=chosen,
                                   instruction=self.tr("prompt.select_hint")).unsafe_ask()
        value = None if value == NONE else value
        self.put(path, value)
        return value

    def checkbox(self, path: str, message: str, choices: list[tuple[Any, str]],
                 checked: list[Any] | None = None, at_least_one: bool = False) -> list[Any]:
        self.show_banner()
        checked = checked or []
        options = [Choice(title=label, value=value, checked=value in checked)
                   for value, label in choices]
        rule = (lambda picked: True if picked else self.tr("prompt.pick_one")) if at_least_one \
            else (lambda picked: True)
        values = questionary.checkbox(message, choices=options, validate=rule,
                                      instruction=self.tr("prompt.checkbox_hint")).unsafe_ask()
        if len(values) > 1:  # questionary sums several picks up in English only; name them
            labels = dict(choices)
            print(f"  → {self.tr('list.sep').join(labels[v] for v in values)}")
        self.put(path, values)
        return values

    def text(self, path: str, message: str, *, default: str = "", check: Validator,
             convert: Callable[[str], Any] = str) -> Any:
        self.show_banner()
        def rule(raw: str) -> bool | str:
            problem = check(raw.strip())
            return True if problem is None else problem

        raw = questionary.text(message, default=default, validate=rule).unsafe_ask()
        value = convert(raw.strip())
        self.put(path, value)
        return value

    def confirm(self, path: str | None, message: str, default: bool = False) -> bool:
        self.show_banner()
        value = confirm(message, default=default, lang=self.lang)
        if path:
            self.put(path, value)
        return value


def confirm(message: str, default: bool = False, lang: str = "ja") -> bool:
    """Yes / no as a two-line choice in the person's language (questionary's confirm only
    speaks English)."""
    options = [Choice(title=t("prompt.yes", lang), value=True),
               Choice(title=t("prompt.no", lang), value=False)]
    value = questionary.select(message, choices=options, default=options[0 if default else 1],
                               instruction=t("prompt.select_hint", lang)).unsafe_ask()
    return bool(value)


def load_draft(folder: Path) -> tuple[dict[str, Any], list[str]] | None:
    """The answers (and the questions already asked) saved by an interrupted run in this
    folder, if any and readable; a broken draft is simply not offered."""
    path = folder / DRAFT_NAME
    if not path.is_file():
        return None
    try:
        data = yamlio.load(path).data
    except CcCareerError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        return None
    asked = data.get("asked")
    return data["answers"], [a for a in asked if isinstance(a, str)] if isinstance(asked, list) else []


def check_draft(answers: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A draft as offered for resuming: every answer this version of the answers file cannot
    take (a hand edit, a field of another version, a wrong type) is taken out, so the run
    asks for it again instead of failing after the last question. Returns the draft and the
    fields taken out."""
    from pydantic import ValidationError

    from cc_career.models.answers import Answers

    dropped: list[str] = []
    for _ in range(20):  # each round takes out what the last one found; a few rounds at most
        try:
            Answers.model_validate(answers)
            break
        except ValidationError as exc:
            wrong = [[p for p in err["loc"] if p != "[key]"]
                     for err in exc.errors(include_input=False) if err["type"] != "missing"]
        removed = [loc for loc in wrong if _remove(answers, loc)]
        if not removed:
            break
        dropped += removed
    return answers, sorted({".".join(map(str, loc)) for loc in dropped})


def _remove(root: Any, loc: list[Any]) -> bool:
    """Take out the deepest part of `root` that `loc` names (pydantic puts type names of a
    union in the loc too: they are not in the data, and the value before them is at fault)."""
    found = []
    node = root
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
                isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            found.append((node, part))
            node = node[part]
        else:
            break
    if not found:
        return False
    container, key = found[-1]
    del container[key]
    return True


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
            save_draft(folder, asker)
            raise Interrupted("prompt.interrupted", path=folder / DRAFT_NAME) from None
        raise Interrupted("prompt.interrupted_nothing") from None


def save_draft(folder: Path, asker: Asker) -> Path:
    draft = {"asked": sorted(asker.asked), "answers": asker.answers}
    write_all(folder, {DRAFT_NAME: DRAFT_HEADER + yamlio.dump(draft)}, force=True)
    return folder / DRAFT_NAME
