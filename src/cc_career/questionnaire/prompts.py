"""Shared prompting machinery: questionary with `unsafe_ask`, drafts and resume in one place.

Every question and choice is folded to the terminal's width here (Japanese between phrases,
English between words), and questionary's own English ("done (3 selections)") is replaced by
the person's answer in their language.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import questionary
from questionary import Choice
from questionary.prompts import common

from cc_career.context import at_terminal, program
from cc_career.errors import CcCareerError, Interrupted, UsageError
from cc_career.files import yamlio
from cc_career.files.writers import write_all
from cc_career.render.i18n import t

DRAFT_NAME = ".cc-career-draft.yaml"
NONE = "\x00none"  # the value of a "none of these" choice
SELECT_INDENT = 3  # questionary's " » " before a choice
CHECKBOX_INDENT = 5  # … and "○ " after it
ANSWER_ROOM = 20  # cells a typed answer gets after its question
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
               default: Any = None, answered: dict[Any, str] | None = None) -> Any:
        """`answered`: a shorter text per value for the answered line (a level, not its descriptor)."""
        self.show_banner()
        value = select(message, choices, default, self.lang, answered)
        self.put(path, value)
        return value

    def checkbox(self, path: str, message: str, choices: list[tuple[Any, str]],
                 checked: list[Any] | None = None, at_least_one: bool = False) -> list[Any]:
        self.show_banner()
        checked = checked or []
        labels = dict(choices)
        options = [Choice(title=folded(label, self.lang, CHECKBOX_INDENT), value=value,
                          checked=value in checked) for value, label in choices]
        rule = (lambda picked: True if picked else self.tr("prompt.pick_one")) if at_least_one \
            else (lambda picked: True)
        hint = self.tr("prompt.checkbox_hint")
        asked = question_text(message, hint, self.lang)
        with answered_as(asked, self.lang,
                         lambda ic: self.tr("list.sep").join(labels[v] for v in ic.selected_options)
                         or self.tr("screen.none_picked")):
            question = questionary.checkbox(asked, choices=options,
                                            validate=rule, instruction=hint)
        values = question.unsafe_ask()
        self.put(path, values)
        return values

    def text(self, path: str, message: str, *, default: str = "", check: Validator,
             convert: Callable[[str], Any] = str) -> Any:
        self.show_banner()
        def rule(raw: str) -> bool | str:
            problem = check(raw.strip())
            return True if problem is None else problem

        # the answer is typed after the question: leave it room, or give it a line of its own
        raw = questionary.text(question_text(message, " " * ANSWER_ROOM, self.lang), default=default,
                               validate=rule).unsafe_ask()
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
    return bool(select(message, [(True, t("prompt.yes", lang)), (False, t("prompt.no", lang))],
                       default, lang))


def may_replace(path: Path, lang: str, draft: tuple[Path, Asker] | None = None) -> bool:
    """The one overwrite question: may `path`, whose content would change, be replaced?
    Ctrl-C or Ctrl-D here is an interruption in every command (exit 130, nothing written or
    replaced); with `draft` (the folder and the questions just answered) those answers are
    kept as a draft first, as anywhere else in the questions."""
    with keeping_draft(*draft) if draft else stopping(lang):
        return confirm(t("prompt.overwrite", lang, path=path), default=False, lang=lang)


def select(message: str, choices: list[tuple[Any, str]], default: Any, lang: str,
           answered: dict[Any, str] | None = None) -> Any:
    """One choice of several, each folded to the terminal; the answered line shows the chosen
    label (or its `answered` text), folded after the question."""
    # questionary turns a None value into the title, so "no answer" travels as NONE
    labels = {NONE if value is None else value: label for value, label in choices}
    short = {NONE if value is None else value: text for value, text in (answered or {}).items()}
    options = [Choice(title=folded(label, lang, SELECT_INDENT), value=key)
               for key, label in labels.items()]
    chosen = next((o for o in options if o.value == (NONE if default is None else default)), None)
    hint = t("prompt.select_hint", lang)
    asked = question_text(message, hint, lang)
    with answered_as(asked, lang, lambda ic: short.get(ic.get_pointed_at().value)
                     or labels[ic.get_pointed_at().value]):
        question = questionary.select(asked, choices=options,
                                      default=chosen, instruction=hint)
    value = question.unsafe_ask()
    return None if value == NONE else value


def width() -> int:
    return shutil.get_terminal_size((80, 24)).columns


def folded(label: str, lang: str, indent: int) -> str:
    """A choice's label as lines that fit after questionary's pointer, continuation lines
    indented under the first."""
    from cc_career.render.fold import fold

    lines = fold(label, lang, max(width() - indent - 1, 10))
    return ("\n" + " " * indent).join(lines) if lines else label


def question_text(message: str, hint: str, lang: str) -> str:
    """The question folded after questionary's "? ", leaving room for the hint after it."""
    from rich.cells import cell_len

    from cc_career.render.fold import fold

    room = max(width() - 3, 10)
    lines = fold(message, lang, room) or [message]
    if hint and cell_len(lines[-1]) + cell_len(hint) + 2 > room:
        lines.append("")  # the hint goes on a line of its own
    return "\n  ".join(lines)


@contextmanager
def answered_as(question: str, lang: str, answer: Callable[[Any], str]) -> Iterator[None]:
    """While a questionary prompt is built, have its answered line show `answer(control)`
    instead of questionary's own words ("done (3 selections)", or a whole folded label), folded
    after the question."""
    build = common.create_inquirer_layout

    def layout(ic, get_prompt_tokens, **kwargs):  # noqa: ANN001, ANN202 - questionary's signature
        def tokens() -> list[tuple[str, str]]:
            shown = get_prompt_tokens()
            if not ic.is_answered:
                return shown
            text = after(question.split("\n")[-1], answer(ic), lang)
            return [tok for tok in shown if tok[0] != "class:answer"] + [("class:answer", text)]

        return build(ic, tokens, **kwargs)

    common.create_inquirer_layout = layout
    try:
        yield
    finally:
        common.create_inquirer_layout = build


def after(line: str, answer: str, lang: str) -> str:
    """`answer` folded to follow `line` of a question ("? " + line + " "), further lines
    indented like the question's."""
    from rich.cells import cell_len

    from cc_career.render.fold import fold

    room = max(width() - 1, 10)
    used = 2 + cell_len(line) + 2
    first = fold(answer, lang, room - used) if room - used >= 10 else []
    if not first or (len(first) > 1 and cell_len(first[0]) < 6):
        return "\n  " + "\n  ".join(fold(answer, lang, room - 2))
    rest = answer[len(first[0]):] if answer.startswith(first[0]) else ""
    lines = [first[0], *fold(rest, lang, room - 2)] if rest.strip() else [first[0]]
    return "\n  ".join(lines)


def load_draft(folder: Path, name: str = DRAFT_NAME) -> tuple[dict[str, Any], list[str]] | None:
    """The answers (and the questions already asked) saved by an interrupted run in this
    folder, if any and readable; a broken draft is simply not offered."""
    path = folder / name
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

    from cc_career.core.models.answers import Answers

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


def drop_draft(folder: Path, name: str = DRAFT_NAME) -> None:
    (folder / name).unlink(missing_ok=True)


@contextmanager
def keeping_draft(folder: Path, asker: Asker, name: str = DRAFT_NAME) -> Iterator[None]:
    """Ctrl-C or Ctrl-D anywhere in the questions: save what was answered (0600) and stop
    with exit 130; the next run offers to resume from it."""
    try:
        yield
    except (KeyboardInterrupt, EOFError):
        if not asker.answers:
            raise interruption(asker.lang) from None
        save_draft(folder, asker, name)
        stop = Interrupted("prompt.interrupted", path=folder / name, command=program())
        stop.lang_hint = asker.lang  # the questions' language, also when --lang was not given
        raise stop from None


@contextmanager
def stopping(lang: str) -> Iterator[None]:
    """Ctrl-C or Ctrl-D where nothing is kept: the one interruption (exit 130)."""
    try:
        yield
    except (KeyboardInterrupt, EOFError):
        raise interruption(lang) from None


def interruption(lang: str) -> Interrupted:
    """The one message of a run stopped before it wrote anything, in the questions' language."""
    stop = Interrupted("prompt.interrupted_nothing")
    stop.lang_hint = lang
    return stop


def save_draft(folder: Path, asker: Asker, name: str = DRAFT_NAME) -> Path:
    draft = {"asked": sorted(asker.asked), "answers": asker.answers}
    header = f"# {t('screen.draft_header', asker.lang)}\n"
    write_all(folder, {name: header + yamlio.dump(draft)}, force=True)
    return folder / name
