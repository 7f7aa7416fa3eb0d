"""The interview questions: only the details the interview answer still lacks, and which of
the plan's first actions the person already does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console

from cc_career.core.interview import PACE_PER_MINUTE, QUESTIONS, offered_actions
from cc_career.core.models.answers import Interview
from cc_career.core.models.catalog import Catalog
from cc_career.core.models.plan import Plan
from cc_career.errors import CcCareerError, Interrupted
from cc_career.files import yamlio
from cc_career.files.writers import write_all
from cc_career.questionnaire.fields import choices, max_length
from cc_career.questionnaire.prompts import Asker, Validator, confirm, interruption
from cc_career.render.interview import question_text, speakable
from cc_career.render.words import say

SECONDS = choices("interview.seconds")  # the answers model's, as are the lengths below
MAX_LENGTH = {name: max_length(f"interview.{name}") for name in ("company", "position", "motivation")}
ALREADY = "already_doing"
DRAFT_NAME = ".cc-career-interview-draft.yaml"


def needs_already(plan: Plan, catalog: Catalog) -> bool:
    """The file never said what the person already does, and the plan has actions to ask about."""
    return ALREADY not in plan.answers.interview.model_fields_set and bool(offered_actions(plan, catalog))


def ask_interview(plan: Plan, catalog: Catalog, lang: str, missing: list[str], console: Console,
                  draft_folder: Path | None = None) -> dict[str, Any]:
    """Ask for each field in `missing` (in the answers file's order) and return the whole
    `interview` section, the answers already in the file included. Ctrl-C (or TERM, HUP) stops
    with 130, keeping what was answered in a draft in `draft_folder` that the next run offers."""
    asker = Asker(lang, {"interview": plan.answers.interview.model_dump(exclude_none=True)})
    console.print(asker.tr("prompt_interview.intro"))
    try:
        kept = _load_draft(draft_folder, missing)
        if kept and confirm(asker.tr("safety.interview_resume", path=draft_folder / DRAFT_NAME),
                            default=True, lang=lang):
            for field, value in kept.items():
                asker.put(f"interview.{field}", value)
            missing = [field for field in missing if field not in kept]
        for field in missing:
            if field == ALREADY:
                _ask_already(asker, plan, catalog)
            else:
                _ASK[field](asker, plan)
    except (KeyboardInterrupt, EOFError):
        answered = {path.split(".", 1)[1]: asker.get(path) for path in sorted(asker.asked)}
        answered = {k: v for k, v in answered.items() if v is not None}
        if draft_folder is not None and answered:
            header = f"# {asker.tr('screen.draft_header')}\n"
            write_all(draft_folder, {DRAFT_NAME: header + yamlio.dump({"interview": answered})},
                      force=True)
            raise Interrupted("safety.interview_kept", path=draft_folder / DRAFT_NAME) from None
        raise interruption(lang) from None
    if draft_folder is not None:
        (draft_folder / DRAFT_NAME).unlink(missing_ok=True)
    return asker.answers["interview"]


def _load_draft(folder: Path | None, missing: list[str]) -> dict[str, Any]:
    """The interview answers an interrupted run kept, those still missing and still valid."""
    if folder is None or not (folder / DRAFT_NAME).is_file():
        return {}
    try:
        data = yamlio.load(folder / DRAFT_NAME).data
    except CcCareerError:
        return {}
    kept = data.get("interview") if isinstance(data, dict) else None
    if not isinstance(kept, dict):
        return {}
    valid = {}
    for field in missing:
        if field in kept:
            try:
                Interview.model_validate({field: kept[field]})
            except ValueError:
                continue
            valid[field] = kept[field]
    return valid


def _ask_already(asker: Asker, plan: Plan, catalog: Catalog) -> None:
    """"Which of these do you already do?" with the plan's first actions: only what is picked
    here is said as "I already do …"."""
    actions = offered_actions(plan, catalog)
    own = [item for item in plan.answers.interview.already_doing if item not in {a.id for a in actions}]
    choices = [(a.id, speakable(say(a.text, asker.lang), asker.lang)) for a in actions]
    picked = asker.checkbox(f"interview.{ALREADY}", asker.tr("speech.already_question"), choices)
    asker.put(f"interview.{ALREADY}", [*picked, *own])


def _text_rule(asker: Asker, field: str) -> Validator:
    def check(raw: str) -> str | None:
        if not raw:
            return asker.tr("prompt_interview.required")
        if len(raw) > MAX_LENGTH[field]:
            return asker.tr("prompt.too_long", max=MAX_LENGTH[field])
        return None

    return check


def _ask_text(field: str) -> Any:
    def ask(asker: Asker, plan: Plan) -> None:
        # Most people apply for the role they hold now: offer it as the default position.
        start = plan.route.roles[0].name(asker.lang) if field == "position" else ""
        asker.text(f"interview.{field}", asker.tr(f"prompt_interview.{field}"), default=start,
                   check=_text_rule(asker, field))

    return ask


def _ask_question(asker: Asker, plan: Plan) -> None:
    horizon = plan.answers.ideal.horizon_years
    choices = [(q, question_text(q, horizon, asker.lang)) for q in QUESTIONS]
    asker.select("interview.question", asker.tr("prompt_interview.question"), choices, default=QUESTIONS[0])


def _ask_seconds(asker: Asker, plan: Plan) -> None:
    pace = PACE_PER_MINUTE[asker.lang]
    choices = [(s, asker.tr("prompt_interview.seconds_choice", seconds=s, length=pace * s // 60))
               for s in SECONDS]
    asker.select("interview.seconds", asker.tr("prompt_interview.seconds"), choices, default=60)


_ASK = {
    "company": _ask_text("company"),
    "position": _ask_text("position"),
    "motivation": _ask_text("motivation"),
    "question": _ask_question,
    "seconds": _ask_seconds,
}
