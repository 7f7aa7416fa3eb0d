"""What every command that reads an answers file shares: the language and the plan's start date."""

from __future__ import annotations

import datetime as dt

from cc_career.catalog import Catalog
from cc_career.models.answers import Answers
from cc_career.models.plan import Plan
from cc_career.plan import build_plan


def resolve_lang(option: str | None, answers: Answers | None = None) -> str:
    """SPEC: `--lang`, else the answers file's `language`, else Japanese."""
    if option:
        return option
    return answers.language if answers is not None else "ja"


def start_date(answers: Answers, today: dt.date | None = None) -> dt.date:
    """The plan starts on the answers' `today` when set (replays stay identical), else today."""
    return answers.today or today or dt.date.today()


def plan_for(answers: Answers, catalog: Catalog, today: dt.date | None = None) -> Plan:
    return build_plan(answers, catalog, start_date(answers, today))
