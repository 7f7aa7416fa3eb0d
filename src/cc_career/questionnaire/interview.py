"""The interview questions: only the details the interview answer still lacks, and which of
the plan's first actions the person already does."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from cc_career.catalog import Catalog
from cc_career.errors import Interrupted
from cc_career.interview import PACE_PER_MINUTE, QUESTIONS, offered_actions
from cc_career.models.plan import Plan
from cc_career.questionnaire.prompts import Asker, Validator
from cc_career.render.interview import question_text, speakable

SECONDS = (30, 60, 180)
MAX_LENGTH = {"company": 200, "position": 200, "motivation": 400}  # as the answers file allows
ALREADY = "already_doing"


def needs_already(plan: Plan, catalog: Catalog) -> bool:
    """The file never said what the person already does, and the plan has actions to ask about."""
    return ALREADY not in plan.answers.interview.model_fields_set and bool(offered_actions(plan, catalog))


def ask_interview(plan: Plan, catalog: Catalog, lang: str, missing: list[str],
                  console: Console) -> dict[str, Any]:
    """Ask for each field in `missing` (in the answers file's order) and return the whole
    `interview` section, the answers already in the file included. Ctrl-C stops with 130."""
    asker = Asker(lang, {"interview": plan.answers.interview.model_dump(exclude_none=True)})
    console.print(asker.tr("prompt_interview.intro"))
    try:
        for field in missing:
            if field == ALREADY:
                _ask_already(asker, plan, catalog)
            else:
                _ASK[field](asker, plan)
    except (KeyboardInterrupt, EOFError):
        raise Interrupted("interview.interrupted") from None
    return asker.answers["interview"]


def _ask_already(asker: Asker, plan: Plan, catalog: Catalog) -> None:
    """"Which of these do you already do?" with the plan's first actions: only what is picked
    here is said as "I already do …"."""
    actions = offered_actions(plan, catalog)
    own = [item for item in plan.answers.interview.already_doing if item not in {a.id for a in actions}]
    choices = [(a.id, speakable(a.text(asker.lang), asker.lang)) for a in actions]
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
