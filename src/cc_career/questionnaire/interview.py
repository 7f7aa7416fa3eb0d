"""The interview questions: only the details the interview answer still lacks."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from cc_career.errors import Interrupted
from cc_career.interview import PACE_PER_MINUTE, question_text
from cc_career.models.plan import Plan
from cc_career.questionnaire.prompts import Asker, Validator

QUESTIONS = ("career_plan", "in_n_years", "after_joining")
SECONDS = (30, 60, 180)
MAX_LENGTH = {"company": 200, "position": 200, "motivation": 400}  # as the answers file allows


def ask_interview(plan: Plan, lang: str, missing: list[str], console: Console) -> dict[str, Any]:
    """Ask for each field in `missing` (in the answers file's order) and return the whole
    `interview` section, the answers already in the file included. Ctrl-C stops with 130."""
    asker = Asker(lang, {"interview": plan.answers.interview.model_dump(exclude_none=True)})
    console.print(asker.tr("prompt_interview.intro"))
    try:
        for field in missing:
            _ASK[field](asker, plan)
    except (KeyboardInterrupt, EOFError):
        raise Interrupted("interview.interrupted") from None
    return asker.answers["interview"]


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
    choices = [(q, question_text(q, plan, asker.lang)) for q in QUESTIONS]
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
