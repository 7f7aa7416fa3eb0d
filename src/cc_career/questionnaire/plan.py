"""The plan questionnaire: the method's three steps — ideal self, where you stand, target.

Each prompt fills one field of the answers file. A field that already holds a valid answer
(from a draft or a hand-written file) is not asked again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from rich.console import Console

from cc_career.core.models.answers import Answers
from cc_career.core.models.catalog import Catalog
from cc_career.core.plan import gap, route
from cc_career.questionnaire.fields import bounds, choices, fits, max_length
from cc_career.questionnaire.prompts import Asker
from cc_career.render.words import reason_text

# The choices and bounds are the answers model's (questionnaire/fields.py), never restated here.
STYLES = choices("ideal.style")
EMPLOYMENTS = choices("current.employment")
CHANNELS = choices("current.channels")
CONCERNS = choices("concerns.reasons")
INDUSTRIES = ("telecom", "it", "finance", "travel", "ec", "games")  # interest tags that are fields
RECOMMENDATIONS_SHOWN = 5
MAX_RATED = 12  # the route's most important skills; the questionnaire must stay short
MAX_TEXT = max_length("name")
LEVELS = bounds("current.skills.level")
_LIST_SPLIT = re.compile(r"[、,，]")
OTHER = "__other__"


def ask_plan(asker: Asker, catalog: Catalog, console: Console) -> Answers:
    """Ask whatever the answers still lack, step by step, and return them validated."""
    questions = PlanQuestions(asker, catalog, console)
    questions.ideal_self()
    questions.where_you_stand()
    questions.target()
    return Answers.model_validate(asker.answers)


class PlanQuestions:
    def __init__(self, asker: Asker, catalog: Catalog, console: Console) -> None:
        self.ask = asker
        self.catalog = catalog
        self.console = console
        self.lang = asker.lang
        self.asked_skills: set[str] = set()  # rated in this run: the questionnaire stays short

    def heading(self, key: str) -> None:
        """Shown before the step's first question (a resumed step with nothing left stays quiet)."""
        self.ask.banner = lambda: self.say("\n" + self.ask.tr(key), style="bold")

    def say(self, text: str, *, style: str = "", indent: int = 0) -> None:
        """A line for the person, folded at phrase or word boundaries to the terminal."""
        from cc_career.render.fold import Folded

        if text.startswith("\n"):
            self.console.print()
        self.console.print(Folded([(text.lstrip("\n"), style)], self.lang, indent=indent))

    # ---- step 1: the ideal self ---------------------------------------------------------------

    def ideal_self(self) -> None:
        a, catalog = self.ask, self.catalog
        self.heading("prompt.step1")
        if not a.known("name", fits("name"), optional=True):
            a.text("name", a.tr("prompt.name"), check=self.short_text, convert=lambda s: s or None)
        if not a.known("ideal.values", self.all_in(catalog.values), optional=True):
            a.checkbox("ideal.values", a.tr("prompt.values"),
                       [(i, tag.label(self.lang)) for i, tag in catalog.values.items()],
                       at_least_one=True)
        if not a.known("ideal.interests", self.all_in(catalog.interests, may_be_empty=True),
                       optional=True):
            a.checkbox("ideal.interests", a.tr("prompt.interests"),
                       [(i, tag.label(self.lang)) for i, tag in catalog.interests.items()])
        if not a.known("ideal.style", fits("ideal.style"), optional=True):
            a.select("ideal.style", a.tr("prompt.style"),
                     [(s, a.tr(f"style.{s}")) for s in STYLES], default="undecided")
        if not a.known("ideal.horizon_years", fits("ideal.horizon_years")):
            a.text("ideal.horizon_years", a.tr("prompt.horizon"), default="3",
                   check=self.number(*bounds("ideal.horizon_years"), whole=True), convert=int)
        if not a.known("ideal.salary_target_jpy", fits("ideal.salary_target_jpy"), optional=True):
            low, high = bounds("ideal.salary_target_jpy")
            if self.lang == "ja":  # people in Japan say yearly pay in 万円
                a.text("ideal.salary_target_jpy", a.tr("prompt.salary"),
                       check=self.number(low, high // 10_000, whole=True, optional=True),
                       convert=lambda s: _number(s) * 10_000 if s else None)
            else:
                a.text("ideal.salary_target_jpy", a.tr("prompt.salary"),
                       check=self.number(low, high, whole=True, optional=True),
                       convert=lambda s: _number(s) if s else None)

    # ---- step 2: where you stand ----------------------------------------------------------------

    def where_you_stand(self) -> None:
        a, catalog = self.ask, self.catalog
        self.heading("prompt.step2")
        if not a.known("current.role", lambda v: v in catalog.roles):
            entry_first = sorted(catalog.roles.values(), key=lambda r: not r.entry)
            a.select("current.role", a.tr("prompt.role"),
                     [(r.id, r.name(self.lang)) for r in entry_first],
                     default=entry_first[0].id)
        if not a.known("current.years_in_role", fits("current.years_in_role")):
            a.text("current.years_in_role", a.tr("prompt.years_in_role"), default="1",
                   check=self.number(*bounds("current.years_in_role")), convert=_number)
        in_role = a.get("current.years_in_role")
        if not a.known("current.years_total", lambda v: fits("current.years_total")(v) and in_role <= v):
            a.text("current.years_total", a.tr("prompt.years_total"), default=f"{in_role:g}",
                   check=self.years_total(in_role), convert=_number)
        if not a.known("current.employment", fits("current.employment")):
            a.select("current.employment", a.tr("prompt.employment"),
                     [(e, a.tr(f"employment.{e}")) for e in EMPLOYMENTS], default="dispatch")
        if not a.known("current.industry", lambda v: isinstance(v, str), optional=True):
            a.select("current.industry", a.tr("prompt.industry"),
                     [(i, catalog.interests[i].label(self.lang)) for i in INDUSTRIES
                      if i in catalog.interests] + [(None, a.tr("prompt.industry_none"))],
                     default=None)
        if not a.known("current.channels", lambda v: bool(v) and fits("current.channels")(v),
                       optional=True):
            a.checkbox("current.channels", a.tr("prompt.channels"),
                       [(c, a.tr(f"channel.{c}")) for c in CHANNELS], checked=["phone"],
                       at_least_one=True)
        self.kpis()
        if not a.known("current.certifications", lambda v: isinstance(v, list), optional=True):
            a.text("current.certifications", a.tr("prompt.certifications"),
                   check=self.certifications, convert=_split_list)
        self.concerns()

    def kpis(self) -> None:
        a = self.ask
        if a.get("current.kpis") is None:
            if a.settle_optional or "current.kpis" in a.asked:
                return  # left out of the file, or "I don't know them" last time
            if not a.confirm(None, a.tr("prompt.kpis_known"), default=False):
                a.put("current.kpis", None)
                return
        fields = (
            ("aht_seconds", "prompt.aht",
             self.number(*bounds("current.kpis.aht_seconds"), whole=True, optional=True),
             lambda s: _number(s) if s else None),
            ("fcr_rate", "prompt.fcr", self.percent, _percent),
            ("csat", "prompt.csat", self.percent, _percent),
        )
        for name, key, check, convert in fields:
            path = f"current.kpis.{name}"
            if not a.known(path, fits(path), optional=True):
                a.text(path, a.tr(key), check=check, convert=convert)

    def concerns(self) -> None:
        a = self.ask
        fields = ("concerns.reasons", "concerns.sleep_trouble", "concerns.physical_symptoms")
        if all(a.known(f, lambda v: v is not None, optional=True) for f in fields):
            return
        if a.get("concerns") is None and not a.confirm(None, a.tr("prompt.concerns_ask")):
            for field in fields:
                a.asked.add(field)
            return
        if not a.known("concerns.reasons", fits("concerns.reasons"), optional=True):
            a.checkbox("concerns.reasons", a.tr("prompt.concern_reasons"),
                       [(r, a.tr(f"concern.{r}")) for r in CONCERNS])
        for field, key in (("concerns.sleep_trouble", "prompt.sleep"),
                           ("concerns.physical_symptoms", "prompt.physical")):
            if not a.known(field, lambda v: isinstance(v, bool)):
                a.confirm(field, a.tr(key), default=False)

    # ---- step 3: the target, and only the skills its route needs --------------------------------

    def target(self) -> None:
        """With a target: rate what its route needs. Without one: rate what the candidate
        routes need first, so the recommendations on screen are the plan's, in its order."""
        a, catalog = self.ask, self.catalog
        self.heading("prompt.step3")
        current = a.get("current.role")
        if a.known("ideal.target_role",
                   lambda v: v in catalog.roles and v != current and catalog.reachable(current, v)):
            self.rate_route_skills(current, [a.get("ideal.target_role")])
            return
        reachable = [r for r in catalog.roles if r != current and catalog.reachable(current, r)]
        self.rate_route_skills(current, reachable)
        shown = self.choose_target(current)
        if a.get("ideal.target_role") not in shown:  # picked from the full list
            self.rate_route_skills(current, [a.get("ideal.target_role")])

    def choose_target(self, current: str) -> list[str]:
        a, catalog = self.ask, self.catalog
        provisional = Answers.model_validate({**a.answers, "ideal": {
            **a.answers.get("ideal", {}), "target_role": None}})
        from cc_career.core.plan import build_plan
        from cc_career.render.plan_md import shown_recommendations

        today = provisional.today or dt.date.today()
        ranked = list(shown_recommendations(build_plan(provisional, catalog, today)))
        a.show_banner()
        self.say("\n" + a.tr("prompt.recommendations"))
        for rank, rec in enumerate(ranked, 1):
            reasons = a.tr("list.sep").join(reason_text(r, catalog, self.lang) for r in rec.reasons)
            self.say(a.tr("prompt.recommendation_row", rank=rank, role=rec.role.name(self.lang),
                          months=self.duration(rec.months), reasons=reasons), indent=len(f"{rank}. "))
        choices = [(rec.role.id, f"{rank}. {rec.role.name(self.lang)}")
                   for rank, rec in enumerate(ranked, 1)]
        picked = a.select("ideal.target_role", a.tr("prompt.target"),
                          choices + [(OTHER, a.tr("prompt.target_other"))],
                          default=ranked[0].role.id if ranked else OTHER)
        if picked == OTHER:
            reachable = [r for r in catalog.roles.values()
                         if r.id != current and catalog.reachable(current, r.id)]
            a.select("ideal.target_role", a.tr("prompt.target_all"),
                     [(r.id, f"{r.name(self.lang)}（{a.tr('track.' + r.track)}）"
                       if self.lang == "ja" else f"{r.name(self.lang)} ({a.tr('track.' + r.track)})")
                      for r in reachable])
        return [rec.role.id for rec in ranked]

    def rate_route_skills(self, current: str, targets: list[str]) -> None:
        """Rate only what the ways to `targets` need most — (needed − assumed) × importance,
        where `assumed` is the level the current role stands for — each level's descriptor on
        screen. A skill the role already covers is not asked: it is assumed, never zero."""
        a, catalog = self.ask, self.catalog
        if a.settle_optional:  # a hand-written file: a skill left out is unrated, not a question
            return
        assumed = gap.role_baseline(catalog, current)
        weight: dict[str, int] = {}
        for target in targets:
            moves = route.shortest_path(catalog, current, target) or []
            for role in [catalog.roles[current]] + [catalog.roles[m.to] for m in moves]:
                for skill_id, need in role.skills.items():
                    gain = (need.level - assumed.get(skill_id, 0)) * need.importance
                    weight[skill_id] = max(weight.get(skill_id, 0), gain)
        asked = [s for s in sorted(weight, key=lambda s: (-weight[s], s)) if weight[s] > 0]
        before = {q.removeprefix("current.skills.") for q in a.asked if q.startswith("current.skills.")}
        done = self.asked_skills | before  # rated now, or in the session a draft resumes
        unrated = [s for s in asked
                   if not a.known(f"current.skills.{s}", fits("current.skills.level"))
                   and s not in done][:max(0, MAX_RATED - len(done))]
        if not unrated:
            return
        self.asked_skills.update(unrated)
        a.show_banner()
        heading = (catalog.roles[targets[0]].name(self.lang) if len(targets) == 1
                   else a.tr("planner.rate_candidates"))
        self.say("\n" + a.tr("prompt.rate_intro", role=heading))
        warned = False
        while True:
            for skill_id in unrated:
                self.rate(skill_id, catalog.roles[current])
            ratings = {a.get(f"current.skills.{s}") for s in unrated}
            if len(unrated) < 3 or len(ratings) > 1:
                return
            if warned:  # asked again once: the same answers twice are the person's answers
                return
            warned = True
            self.say(a.tr("prompt.all_same", level=ratings.pop()), style="yellow")
            if not a.confirm(None, a.tr("prompt.rate_again"), default=True):
                return

    def rate(self, skill_id: str, current_role: Any) -> None:
        a = self.ask
        skill = self.catalog.skills[skill_id]
        choices = [(0, a.tr("prompt.rate_zero"))] + [
            (level, a.tr("prompt.rate_level", level=level, name=a.tr(f"level.{level}"),
                         descriptor=skill.levels[level](self.lang)))
            for level in range(1, int(LEVELS[1]) + 1)
        ]
        previous = a.get(f"current.skills.{skill_id}")
        assumed = gap.role_baseline(self.catalog, current_role.id).get(skill_id, 0)
        default = previous if _is_int(previous) else assumed
        answered = {0: a.tr("prompt.rate_zero")} | {
            level: f"{level} {a.tr(f'level.{level}')}" for level in range(1, int(LEVELS[1]) + 1)}
        a.select(f"current.skills.{skill_id}", a.tr("prompt.rate", skill=skill.name(self.lang)),
                 choices, default=default, answered=answered)

    # ---- validators: each returns the message to show, or None when the text is fine ----------

    def number(self, low: float, high: float, *, whole: bool = False,
               optional: bool = False) -> Callable[[str], str | None]:
        def check(raw: str) -> str | None:
            if not raw and optional:
                return None
            value = _number(raw)
            if value is None or (whole and not float(value).is_integer()) or not low <= value <= high:
                return self.ask.tr("prompt.bad_number", min=f"{low:g}", max=f"{high:g}")
            return None

        return check

    def percent(self, raw: str) -> str | None:
        """A rate typed as 72, 72% or 0.72 (all 72%); anything else is refused."""
        if not raw:
            return None
        return None if _percent(raw) is not None else self.ask.tr("planner.bad_percent")

    def years_total(self, in_role: float) -> Callable[[str], str | None]:
        in_range = self.number(*bounds("current.years_total"))

        def check(raw: str) -> str | None:
            problem = in_range(raw)
            if problem is None and (_number(raw) or 0) < in_role:
                return self.ask.tr("prompt.years_total_short", years=f"{in_role:g}")
            return problem

        return check

    def short_text(self, raw: str) -> str | None:
        return self.ask.tr("prompt.too_long", max=MAX_TEXT) if len(raw) > MAX_TEXT else None

    def certifications(self, raw: str) -> str | None:
        too_long = any(len(item) > MAX_TEXT for item in _split_list(raw))
        return self.ask.tr("prompt.too_long", max=MAX_TEXT) if too_long else None

    def all_in(self, table: dict[str, Any], may_be_empty: bool = False) -> Callable[[Any], bool]:
        return lambda v: (isinstance(v, list) and (may_be_empty or bool(v))
                          and all(i in table for i in v))

    def duration(self, months: int) -> str:
        from cc_career.render.formats import format_months

        return format_months(months, self.lang)


def _number(raw: str) -> int | float | None:
    """'1' → 1, '1.5' → 1.5, '４５０' → 450, '4,500,000' → 4500000; anything else → None."""
    import unicodedata

    text = unicodedata.normalize("NFKC", raw).replace(",", "").strip()
    try:
        value = float(text)
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return int(value) if value.is_integer() else value


def _percent(raw: str) -> float | None:
    """'72' / '72%' / '７２％' → 0.72; '0.72' → 0.72 too (a share typed as a fraction);
    a number outside 0-100 → None."""
    import unicodedata

    text = unicodedata.normalize("NFKC", raw or "").strip()
    share = text.endswith("%")
    value = _number(text.rstrip("%").strip()) if text else None
    if value is None or not 0 <= value <= 100:
        return None
    if not share and "." in text and value <= 1:
        return round(float(value), 4)
    return round(value / 100, 4)


def _split_list(raw: str) -> list[str]:
    return [item.strip() for item in _LIST_SPLIT.split(raw) if item.strip()]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)

