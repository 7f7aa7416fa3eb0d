"""The interview answer: what to say when asked about one's career plan, built from the plan.

Pure and deterministic (no I/O, no clock). The answer is assembled from sentences in the
locale files, filled with the plan's own numbers, and then fitted to the speaking time by
taking optional sentences in a fixed order of priority. It never contradicts the plan: the
years it names are the plan's dates rounded *up*, and a target the horizon cannot hold is
stated at its realistic time (the seed's advice: an over-ambitious number hurts).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from cc_career.catalog import Catalog
from cc_career.i18n import t
from cc_career.models.answers import Interview
from cc_career.models.catalog import Role
from cc_career.models.plan import Milestone, Plan

# Speaking pace: about 300 Japanese characters or 130 English words a minute; the answer
# aims at the target time and must land within ±20% of it.
PACE_PER_MINUTE = {"ja": 300, "en": 130}
TOLERANCE = 0.2
FIELDS = ("company", "position", "motivation", "question", "seconds")
KPI_ORDER = ("csat", "fcr_rate", "aht_seconds")
# Health is never part of an interview answer: these skills and milestones stay out of it.
PRIVATE_SKILLS = frozenset({"stress_management"})
CENTER_TRACKS = ("promotion", "specialist")  # roles inside the contact center
KEY_IMPORTANCE = 4  # a skill this important (1-5) is one the role leans on
# English role names that name a person ("a trainer") rather than a field ("QA").
PERSON_NOUNS = ("operator", "leader", "supervisor", "manager", "trainer", "engineer", "agent",
                "representative", "specialist", "analyst", "coordinator", "consultant", "officer")

# The parts of the answer. Each question has its own order (paragraphs of parts), the parts it
# cannot do without, the parts that carry the method (added while the answer stays within the
# band) and the extras (added while it stays within the target time), each in priority order.
SECTIONS = {
    "experience": ("experience", "experience_total", "experience_kpi", "experience_strength"),
    "motivation": ("motivation", "motivation_brief", "path", "values"),
    "first": ("first", "first_months", "cert"),
    "target": ("horizon", "target", "target_patience", "target_why", "target_interim", "route", "target_gap",
               "target_skill", "skills_more", "target_after"),
    "already": ("already", "also", "review"),
    "closing": ("closing",),
}
LAYOUT = {
    "career_plan": (("experience", "motivation"), ("first", "target"), ("already", "closing")),
    "in_n_years": (("target",), ("experience", "motivation"), ("first", "already", "closing")),
    "after_joining": (("first",), ("experience", "motivation"), ("target", "already", "closing")),
}
REQUIRED = {
    "career_plan": ("target",),
    "in_n_years": ("horizon",),
    "after_joining": ("first", "target"),
}
CORE = {
    "career_plan": ("motivation", "motivation_brief", "target_patience", "already", "target_interim",
                    "experience", "path", "first"),
    "in_n_years": ("motivation", "motivation_brief", "already", "experience", "path", "first"),
    "after_joining": ("motivation", "motivation_brief", "target_patience", "target_interim", "already",
                      "path", "experience"),
}
EXTRAS = {
    "career_plan": ("experience_kpi", "target_why", "closing", "route", "target_skill", "values",
                    "cert", "target_after", "also", "first_months", "skills_more",
                    "experience_strength", "experience_total", "review", "target_gap"),
    "in_n_years": ("route", "experience_kpi", "target_why", "closing", "target_skill", "target_after",
                   "values", "also", "cert", "first_months", "skills_more", "experience_strength",
                   "experience_total", "review", "target_gap"),
    "after_joining": ("first_months", "cert", "experience_kpi", "closing", "target_why", "route",
                      "target_skill", "also", "values", "target_after", "skills_more",
                      "experience_strength", "experience_total", "review", "target_gap"),
}
DEPENDS = {"first_months": "first", "also": "already", "target_interim": "target",
           "target_patience": "target"}
INSTEAD_OF = {"motivation_brief": "motivation"}  # a shorter wording, used only when the other does not fit


@dataclass(frozen=True)
class InterviewAnswer:
    """One prepared answer, with what it is measured by."""

    lang: str
    question_id: str
    question: str
    company: str
    position: str
    target: str  # the target role as the answer names it
    paragraphs: tuple[str, ...]
    parts: tuple[str, ...]  # the parts said, in order (ids from SECTIONS)
    sections: tuple[str, ...]  # the sections they belong to, in order
    length: int  # Japanese: characters without spaces; English: words
    seconds: int  # target speaking time
    band: tuple[int, int]  # the length that fits it (±20%)
    months_to_target: int  # the time to the target the answer names (never less than the plan)
    toned_down: bool  # the wished horizon cannot hold the target: the realistic time is said

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def spoken_seconds(self) -> int:
        return round(self.length * 60 / PACE_PER_MINUTE[self.lang])

    @property
    def fits(self) -> bool:
        return self.band[0] <= self.length <= self.band[1]


def missing_fields(interview: Interview) -> list[str]:
    return [name for name in FIELDS if getattr(interview, name) is None]


def measure(text: str, lang: str) -> int:
    """Japanese: characters, not counting spaces and line breaks; English: words."""
    if lang == "ja":
        return sum(1 for char in text if not char.isspace())
    return sum(1 for word in text.split() if any(char.isalnum() for char in word))


def band(seconds: int, lang: str) -> tuple[int, int]:
    aim = PACE_PER_MINUTE[lang] * seconds / 60
    return math.ceil(aim * (1 - TOLERANCE)), math.floor(aim * (1 + TOLERANCE))


def question_text(question: str, plan: Plan, lang: str) -> str:
    return t(f"interview.question_{question}", lang,
             span=span(plan.answers.ideal.horizon_years * 12, lang))


def compose_answer(plan: Plan, catalog: Catalog, interview: Interview, lang: str) -> InterviewAnswer:
    """The answer to `interview.question` for `interview.seconds`, from `plan` (all interview
    fields must be set)."""
    missing = missing_fields(interview)
    if missing:
        raise ValueError(f"interview.{missing[0]} is not set")
    assert interview.question is not None and interview.seconds is not None
    words = _Wording(plan, catalog, interview, lang)
    parts = words.parts()
    chosen = _fit(parts, interview.question, interview.seconds, lang)
    if "first" not in chosen and "target" in chosen:  # "From there, …" needs the first steps
        parts["target"] = words.target_answer(lead=False)
    paragraphs, order = [], []
    for paragraph in LAYOUT[interview.question]:
        ids = [p for section in paragraph for p in SECTIONS[section] if p in chosen]
        if ids:
            paragraphs.append(_join_sentences([parts[p] for p in ids], lang))
            order += ids
    sections = tuple(dict.fromkeys(s for p in order for s, ids in SECTIONS.items() if p in ids))
    text = " ".join(paragraphs)
    return InterviewAnswer(
        lang=lang, question_id=interview.question, question=question_text(interview.question, plan, lang),
        company=words.company, position=words.position, target=words.role(plan.target),
        paragraphs=tuple(paragraphs),
        parts=tuple(order), sections=sections, length=measure(text, lang), seconds=interview.seconds,
        band=band(interview.seconds, lang), months_to_target=words.target_months,
        toned_down=not plan.fits_horizon,
    )


def _fit(parts: dict[str, str], question: str, seconds: int, lang: str) -> list[str]:
    """The required parts; then the core parts while the answer stays within half the
    tolerance above the target time; then the extras while it stays within the target time;
    and, if it is still short of the band, more extras while it stays within the band.
    Deterministic: a fixed order, no search."""
    low, high = band(seconds, lang)
    aim = PACE_PER_MINUTE[lang] * seconds / 60
    chosen = [p for p in REQUIRED[question] if p in parts]

    def size(ids: list[str]) -> int:
        return measure(" ".join(parts[p] for p in ids), lang)

    def add(candidates: tuple[str, ...], limit: float, until: float | None = None) -> None:
        for part in candidates:
            if until is not None and size(chosen) >= until:
                return
            if part not in parts or part in chosen or INSTEAD_OF.get(part) in chosen:
                continue
            if DEPENDS.get(part, part) in [*chosen, part] and size([*chosen, part]) <= limit:
                chosen.append(part)

    add(CORE[question], aim * (1 + TOLERANCE / 2))
    add(EXTRAS[question], aim)
    add(EXTRAS[question], high, until=low)
    return chosen


def _join_sentences(sentences: list[str], lang: str) -> str:
    return ("" if lang == "ja" else " ").join(sentences)


class _Wording:
    """Every sentence the answer may use, filled from the plan for one person and language."""

    def __init__(self, plan: Plan, catalog: Catalog, interview: Interview, lang: str) -> None:
        self.plan, self.catalog, self.lang = plan, catalog, lang
        self.answers = plan.answers
        self.interview = interview
        self.company = clean(interview.company or "")
        self.position = clean(interview.position or "")
        self.target = plan.final_target or plan.target  # what the person aims for, past any short horizon
        self.target_months = _round_up(months_between(plan.today, plan.realistic_end))
        self.horizon = span(self.answers.ideal.horizon_years * 12, lang)

    def tr(self, key: str, **params: object) -> str:
        return t(f"interview.{key}", self.lang, **params)

    def role(self, role: Role) -> str:
        return role.name(self.lang) if self.lang == "ja" else _plain(role.name.en)

    def as_role(self, role: Role) -> str:
        """"オペレーターとして" / "as an operator", or "in QA / quality control" for a field."""
        return self._role_phrase("as", role)

    def become(self, role: Role) -> str:
        """"QA・品質管理（QC）の仕事を任される" / "become a trainer", "move into QA / …"."""
        return self._role_phrase("become", role)

    def _role_phrase(self, kind: str, role: Role) -> str:
        person = _is_person(role.name.en)
        name = self.role(role)
        if self.lang == "en" and person:
            name = ("an " if name[:1].lower() in "aeiou" else "a ") + name
        return self.tr(f"{kind}_{'person' if person else 'field'}", role=name)

    def span_to(self, day: dt.date) -> str:
        return span(_round_up(months_between(self.plan.today, day)), self.lang)

    # ---- the parts ----------------------------------------------------------------------

    def parts(self) -> dict[str, str]:
        makers = {
            "experience": self.experience, "experience_total": self.experience_total,
            "experience_kpi": self.experience_kpi, "experience_strength": self.experience_strength,
            "motivation": self.motivation, "motivation_brief": lambda: self.motivation(short=True),
            "path": self.path, "values": self.values,
            "first": self.first, "first_months": self.first_months, "cert": self.cert,
            "horizon": self.horizon_answer, "target": self.target_answer,
            "target_interim": self.target_interim, "target_patience": self.target_patience,
            "route": self.route,
            "target_skill": self.target_skill, "target_why": self.target_why,
            "skills_more": self.skills_more, "target_after": self.target_after, "target_gap": self.target_gap,
            "already": self.already, "also": self.also,
            "review": self.review, "closing": self.closing,
        }
        made = {name: make() for name, make in makers.items()}
        return {name: text for name, text in made.items() if text}

    def experience(self) -> str:
        current = self.answers.current
        role = self.catalog.roles[current.role]
        channels = [t(f"channel.{c}", self.lang) for c in current.channels]
        if self.lang == "en":
            channels = [c.lower() for c in channels]
        params = dict(role=self.role(role), as_role=self.as_role(role),
                      span=span(round(current.years_in_role * 12), self.lang),
                      channels=self._list(channels, self.tr("channel_sep")))
        if current.industry and t(f"interview.industry_{current.industry}", "en", default=""):
            return self.tr("experience_industry", industry=self.tr(f"industry_{current.industry}"),
                           **params)
        return self.tr("experience", **params)

    def experience_total(self) -> str:
        current = self.answers.current
        if round(current.years_total * 12) <= round(current.years_in_role * 12):
            return ""
        return self.tr("experience_total", span=span(round(current.years_total * 12), self.lang))

    def experience_kpi(self) -> str:
        kpis = self._kpis({name: getattr(self.answers.current.kpis, name) for name in KPI_ORDER})
        return self.tr("experience_kpi", kpis=kpis) if kpis else ""

    def experience_strength(self) -> str:
        if not self.plan.strengths:
            return ""
        skill_id, level = max(self.plan.strengths, key=lambda s: s[1])
        if skill_id in PRIVATE_SKILLS:
            return ""
        return self.tr("experience_strength", skill=self._skill(skill_id), level=level,
                       label=self._level(level))

    def motivation(self, short: bool = False) -> str:
        text = clean(self.interview.motivation or "")
        if short or not text:
            return self.tr("motivation_short", company=self.company, target=self.role(self.target))
        if self.lang == "en":
            return self.tr("motivation", company=self.company, motivation=text.rstrip(".!?。！？ "))
        noun, text = _japanese_motivation(text)
        return self.tr("motivation" if noun else "motivation_clause", company=self.company,
                       motivation=text)

    def path(self) -> str:
        roles = [self.role(r) for r in self.plan.route.roles]
        if len(roles) < 2:
            return self.tr("path_same", target=self.role(self.target),
                           as_target=self.as_role(self.target))
        if len(roles) == 2:
            path = self.tr("path_step", source=roles[0], target=roles[-1])
        else:
            path = self.tr("path_steps", source=roles[0], target=roles[-1],
                           via=self._list(roles[1:-1], t("list.sep", self.lang)))
        return self.tr("path", path=path)

    def values(self) -> str:
        labels = [self.tr("value", label=self._tag(self.catalog.values[v].label(self.lang)))
                  for v in self.answers.ideal.values[:2] if v in self.catalog.values]
        return self.tr("values", values=self._list(labels, self.tr("and"))) if labels else ""

    def first(self) -> str:
        goals, kept = self._first_goals()
        if goals:
            return self.tr("first_kpi", position=self.position,
                           goals=self._list(goals, t("list.sep", self.lang)))
        if kept:
            return self.tr("first_keep", position=self.position, kpis=self._list(kept, self.tr("and")))
        first = next(iter(self._skill_climbs(step=1)), None)
        if first is not None and first.skill_id and first.level:
            return self.tr("first_skill", position=self.position, skill=self._skill(first.skill_id),
                           level=first.level, label=self._level(first.level))
        return self.tr("first_plain", position=self.position)

    def first_months(self) -> str:
        goals, _ = self._first_goals()
        kpi = next((m for m in self.plan.milestones if m.kind == "kpi" and m.step == 1), None)
        if not goals or kpi is None:
            return ""
        return self.tr("first_months", span=self.span_to(kpi.date))

    def cert(self) -> str:
        # The recommended grade's own exam (its prerequisites come before it), and the day its
        # result is out: "pass within N" must not count from an earlier grade's sitting.
        for gap in self.plan.certification_gaps:
            mine = [m for m in self.plan.milestones
                    if m.certificate == gap.ref and m.kind in ("certificate", "result")]
            if mine:
                return self.tr("cert", cert=gap.name(self.lang), span=self.span_to(max(m.date for m in mine)))
        return ""

    def target_answer(self, lead: bool = True) -> str:
        if not self.plan.route.steps:
            return self._staying()
        if not self.plan.fits_horizon:
            return self.tr("target_long", target=self.role(self.target), become=self.become(self.target),
                           span=span(self.target_months, self.lang))
        return self.tr("target" if lead else "target_first", target=self.role(self.target),
                       become=self.become(self.target), span=span(self.target_months, self.lang))

    def target_patience(self) -> str:
        """Said only of a target the horizon cannot hold: the modest tone the seed advises."""
        return "" if self.plan.fits_horizon or not self.plan.route.steps else self.tr("target_patience")

    def horizon_answer(self) -> str:
        target = self.role(self.target)
        if not self.plan.route.steps:
            return self.tr("horizon_same", horizon=self.horizon, target=target,
                           as_target=self.as_role(self.target))
        months = span(self.target_months, self.lang)
        if self.plan.fits_horizon:
            return self.tr("horizon_fits", horizon=self.horizon, target=target, span=months,
                           as_target=self.as_role(self.target))
        interim = self._interim() or self.plan.route.roles[0]
        return _join_sentences([
            self.tr("horizon_short", horizon=self.horizon, target=target, span=months,
                    become=self.become(self.target)),
            self.tr("horizon_interim", horizon=self.horizon, interim=self.role(interim), target=target,
                    as_interim=self.as_role(interim)),
        ], self.lang)

    def target_interim(self) -> str:
        interim = self._interim()
        if self.plan.fits_horizon or interim is None:
            return ""
        return self.tr("target_interim", horizon=self.horizon, interim=self.role(interim),
                       become_interim=self.become(interim))

    def route(self) -> str:
        steps = self.plan.route.steps[:-1]
        if not steps:
            return ""
        items = [self.tr("route_step", role=self.role(s.target), span=self.span_to(s.end)) for s in steps]
        return self.tr("route", steps=self._list(items, t("list.sep", self.lang)))

    def target_skill(self) -> str:
        climbs = self._skill_climbs()
        if not climbs or not self.plan.route.steps:
            return ""
        milestone = climbs[0]
        skill = self._skill(milestone.skill_id or "")
        return self.tr("target_skill", target=self.role(self.target), level=milestone.level, skill=skill,
                       label=self._level(milestone.level or 0), span=self.span_to(milestone.date))

    def skills_more(self) -> str:
        climbs = self._skill_climbs()[1:3]
        if not climbs or not self.plan.route.steps:
            return ""
        items = [self.tr("skill_step", skill=self._skill(m.skill_id or ""), level=m.level,
                         span=self.span_to(m.date)) for m in climbs]
        return self.tr("skills_more", skills=self._list(items, t("list.sep", self.lang)))

    def target_why(self) -> str:
        shared = [v for v in self.answers.ideal.values
                  if v in self.target.values and v in self.catalog.values]
        if not shared or not self.plan.route.steps:
            return ""
        labels = [self.tr("value", label=self._tag(self.catalog.values[v].label(self.lang)))
                  for v in shared[:2]]
        return self.tr("target_why", target=self.role(self.target), values=self._list(labels, self.tr("and")))

    def target_gap(self) -> str:
        """The honest part: the biggest gap the target role itself opens, where the person
        already has a footing (a level of 0 is left to the plan, not said in an interview)."""
        climbs = self._skill_climbs()
        planned = climbs[0].skill_id if climbs else None  # said by target_skill already
        gap = next((g for g in self.plan.gaps if g.role.id == self.target.id and g.now >= 1
                    and g.source != "assumed"
                    and g.skill_id not in PRIVATE_SKILLS and g.skill_id != planned), None)
        if gap is None or not self.plan.route.steps:
            return ""
        return self.tr("target_gap", target=self.role(self.target), skill=self._skill(gap.skill_id),
                       needed=gap.needed, now=gap.now)

    def target_after(self) -> str:
        """Where the person wants to grow once in the role: the top level of its key skill.
        Level 4 describes improving the whole center, so this is said only of roles in and
        around the center, and only of a skill the role leans on."""
        climbs = self._skill_climbs()
        if not climbs or self.target.track not in CENTER_TRACKS:
            return ""
        skill_id = climbs[0].skill_id or ""
        if self._importance(skill_id) < KEY_IMPORTANCE:
            return ""
        return self.tr("target_after", target=self.role(self.target), skill=self._skill(skill_id),
                       descriptor=_plain(self.catalog.skills[skill_id].levels[4](self.lang).rstrip("。.")))

    def already(self) -> str:
        actions = self._actions()
        if actions:
            return self.tr("already", action=actions[0])
        gap = next((g for g in self.plan.gaps if g.skill_id not in PRIVATE_SKILLS), None)
        if gap is not None:
            return self.tr("already_skill", skill=self._skill(gap.skill_id))
        return self.tr("already_none")

    def also(self) -> str:
        actions = self._actions()
        if len(actions) < 2:
            return ""
        return self.tr("also", action=actions[1])

    def review(self) -> str:
        if not self.plan.reviews:
            return ""
        return self.tr("review", span=self.span_to(self.plan.reviews[0]))

    def closing(self) -> str:
        return self.tr("closing", company=self.company)

    # ---- helpers ------------------------------------------------------------------------

    def _staying(self) -> str:
        """No move to make: the goal is to grow in the same role, with the plan's skill dates."""
        climbs = self._skill_climbs()
        target = self.role(self.target)
        as_target = self.as_role(self.target)
        if not climbs:
            return self.tr("target_same_plain", target=target, as_target=as_target)
        milestone = climbs[0]
        return self.tr("target_same", span=self.span_to(milestone.date), level=milestone.level,
                       skill=self._skill(milestone.skill_id or ""), label=self._level(milestone.level or 0),
                       target=target, as_target=as_target)

    def _interim(self) -> Role | None:
        """The last role of the route reached within the horizon, short of the target."""
        reached = [s.target for s in self.plan.route.steps[:-1] if s.end <= self.plan.horizon_end]
        return reached[-1] if reached else None

    def _skill_milestones(self) -> list[Milestone]:
        return [m for m in self.plan.milestones
                if m.kind == "skill" and m.skill_id and m.skill_id not in PRIVATE_SKILLS]

    def _importance(self, skill_id: str) -> int:
        need = self.target.skills.get(skill_id)
        return need.importance if need else 0

    def _actions(self) -> list[str]:
        """What the person already does: the plan's skill actions, those the target role needs
        most first (then the earliest), one per skill, in the person's own voice."""
        seen: set[str] = set()
        picked: list[Milestone] = []
        for milestone in sorted(self._skill_milestones(),
                                key=lambda m: (-self._importance(m.skill_id or ""), m.date)):
            if milestone.skill_id not in seen:
                seen.add(milestone.skill_id or "")
                picked.append(milestone)
        return [_first_person(m.action(self.lang), self.lang) for m in picked[:2]]

    def _skill_climbs(self, step: int | None = None) -> list[Milestone]:
        """For each skill the plan raises (in `step`, or in the whole plan), its last milestone
        (the highest level reached); the skills the target role needs most first, then the
        earliest started."""
        by_skill: dict[str, list[Milestone]] = {}
        mine = [m for m in self._skill_milestones() if step is None or m.step <= step]
        for milestone in sorted(mine,
                                key=lambda m: (-self._importance(m.skill_id or ""), m.date)):
            by_skill.setdefault(milestone.skill_id or "", []).append(milestone)
        return [max(ms, key=lambda m: (m.level or 0, m.date)) for ms in by_skill.values()]

    def _first_goals(self) -> tuple[list[str], list[str]]:
        """The first step's KPI targets: those still to reach, and those already held."""
        if not self.plan.route.steps:
            return [], []
        targets = self.plan.route.steps[0].move.kpi_targets
        kpis = self.answers.current.kpis
        goals, kept = [], []
        for name in KPI_ORDER:
            if name not in targets:
                continue
            goal, now = targets[name], getattr(kpis, name)
            met = now is not None and (now <= goal if name == "aht_seconds" else now >= goal)
            if met:
                kept.append(self.tr(f"kpi_{name}", value=kpi_value(name, now)))
            else:
                goals.append(self.tr(f"goal_{name}", value=kpi_value(name, goal)))
        return goals, kept

    def _kpis(self, values: dict[str, float | None]) -> str:
        items = [self.tr(f"kpi_{name}", value=kpi_value(name, value))
                 for name, value in values.items() if value is not None]
        return self._list(items, t("list.sep", self.lang)) if items else ""

    def _skill(self, skill_id: str) -> str:
        name = self.catalog.skills[skill_id].name(self.lang)
        return name if self.lang == "ja" else _plain(name)

    def _level(self, level: int) -> str:
        label = t(f"level.{level}", self.lang)
        return label if self.lang == "ja" else _plain(label)

    def _tag(self, label: str) -> str:
        return label if self.lang == "ja" else _plain(label)

    def _list(self, items: list[str], separator: str) -> str:
        """"a、b、c" in Japanese; "a, b and c" in English."""
        if self.lang == "ja" or len(items) < 2:
            return separator.join(items)
        return ", ".join(items[:-1]) + self.tr("and") + items[-1]


# ---- wording helpers, shared with the documents ----------------------------------------------


def clean(text: str) -> str:
    """Text the person typed, made safe to place in a sentence: one line, no control or
    format characters (no terminal escapes), no surrounding space."""
    kept = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)
    return " ".join(kept.split())


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end`, counting a started month as a month."""
    if end <= start:
        return 0
    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months + (1 if delta.days else 0)


def _round_up(months: int) -> int:
    """To what a person says: quarters under a year, half-years beyond, never less."""
    step = 3 if months <= 12 else 6
    return math.ceil(months / step) * step


def span(months: int, lang: str) -> str:
    """12 → "1年" / "a year"; 18 → "1年半" / "a year and a half"; 9 → "9か月" / "9 months"."""
    years, rest = divmod(months, 12)
    one = "year" if years == 1 else "years"
    if years == 0:
        return t("interview.span_half", lang) if rest == 6 else t("interview.span_months", lang, months=rest)
    if rest == 0:
        return t(f"interview.span_{one}", lang, years=years)
    if rest == 6:
        return t(f"interview.span_{one}_half", lang, years=years)
    return t(f"interview.span_{one}_months", lang, years=years, months=rest)


def kpi_value(name: str, value: float) -> str:
    return f"{value:.0f}" if name == "aht_seconds" else f"{value * 100:.0f}%"


_REASON_ENDINGS = re.compile(r"(から|ため|ので)$")
_POLITE_ENDINGS = ("です", "ます", "でした", "ました")


def _japanese_motivation(text: str) -> tuple[bool, str]:
    """(True, text) when the motivation ends as a noun phrase (「…があること」「…な環境」),
    which takes 「に惹かれた」 directly; (False, text) for a clause (「…が整っている」), which
    takes 「という点に」. A trailing 「から」「ので」 or full stop is dropped; a polite sentence
    (「…できます」) is quoted as the person's own words."""
    text = text.rstrip("。．.！!？? ")
    text = _REASON_ENDINGS.sub("", text).rstrip("、。 ") or text
    if text.endswith(_POLITE_ENDINGS):
        return False, f"「{text}」"
    hiragana = "\u3040" <= text[-1:] <= "\u309f"
    return text.endswith(("こと", "もの", "ところ")) or not hiragana, text


def _plain(name: str) -> str:
    """An English name as it reads mid-sentence: "Team leader" → "team leader"; acronyms
    ("QA / quality control", "IT support") stay as they are."""
    first = name.split(" ", 1)[0]
    if len(first) > 1 and first[:2].isupper():
        return name
    return name[:1].lower() + name[1:]


def _is_person(name: str) -> bool:
    head = re.sub(r"\s*\(.*?\)", "", name).split("/")[0].strip().lower()
    return head.endswith(PERSON_NOUNS)


_LEAD = re.compile(
    r"^((?:Once|Twice|Each|Every|At|For|To|With|Drawing|Using|After|Before|When|In|On)\b[^,]*,\s*)(.*)$"
)
_OBJECT_YOU = re.compile(r"\b(show|let|help|tell|teach|give|ask|remind|send)(s?) you\b")


def _first_person(action: str, lang: str) -> str:
    """A plan action ("Self-score three of your recordings a week.") in the speaker's own
    voice ("I self-score three of my recordings a week"); Japanese actions already read so."""
    text = action.strip().rstrip("。.")
    if lang == "ja":
        return text
    text = re.sub(r"\byourself\b", "myself", text)
    text = re.sub(r"\byours\b", "mine", text)
    text = re.sub(r"\b[Yy]our\b", "my", text)
    text = _OBJECT_YOU.sub(r"\1\2 me", text)
    text = re.sub(r"\b[Yy]ou\b", "I", text)
    lead = _LEAD.match(text)
    if lead:
        head, rest = lead.groups()
        return head[:1].lower() + head[1:] + "I " + _plain(rest)
    return "I " + _plain(text)
