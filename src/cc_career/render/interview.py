"""The interview answer in words: every sentence it may say (from the `[speech]` locale table,
filled with the facts of the plan), the answer that fits the speaking time, and its two files,
`interview-answer.md` to read and `interview-answer.txt` to print.

It is speech, not a document: the company is named once, then 「御社」 / "your company"; roles,
KPIs and certificates are said as people say them, with no brackets or slashes; one language
throughout; "I already do X" only for what the person confirmed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cc_career.core.chars import inline
from cc_career.core.interview import (
    QUESTIONS,
    Action,
    AnswerFacts,
    choose,
    facts_from_plan,
    measure,
    missing_fields,
    spoken_seconds,
)
from cc_career.core.interview import band as length_band
from cc_career.core.models.answers import Interview
from cc_career.core.models.catalog import Catalog, Role
from cc_career.core.models.plan import Plan
from cc_career.render.environment import render
from cc_career.render.formats import kpi_figure, number, span
from cc_career.render.grammar import (
    first_person,
    ja_person,
    japanese_motivation,
    lower_first,
    own_sentence,
    second_person,
)
from cc_career.render.i18n import t
from cc_career.render.words import say
from cc_career.render.wrap import A4_CELLS, wrap

MD_NAME = "interview-answer.md"
TXT_NAME = "interview-answer.txt"
FRONTLINE = frozenset({"operator", "leader", "it_support"})  # roles that take customer contacts all day
# Values a candidate does not give as the reason for a role ("I chose QA for the income").
UNSPOKEN_VALUES = frozenset({"income", "work_life_balance"})
# English role names that name a person ("a trainer") rather than a field ("QA").
PERSON_NOUNS = ("operator", "leader", "supervisor", "manager", "trainer", "engineer", "agent",
                "representative", "specialist", "analyst", "coordinator", "consultant", "officer",
                "administrator", "planner", "recruiter", "staff", "assistant", "clerk")


@dataclass(frozen=True)
class InterviewAnswer:
    """One prepared answer, with what it is measured by and what the .md says about it."""

    lang: str
    question_id: str
    question: str
    company: str  # as the person typed it (the .md names it; the answer says it once at most)
    position: str
    target: str  # the goal the answer names, as said aloud
    paragraphs: tuple[str, ...]
    parts: tuple[str, ...]  # the parts said, in order (ids from interview.LAYOUT)
    length: int  # Japanese: characters without spaces; English: words
    seconds: int  # target speaking time
    band: tuple[int, int]  # the length that fits it (±10%)
    target_months: int  # the plan's months to its target
    toned_down: bool  # the wished horizon cannot hold the target: the plan's time is said
    confirmed: tuple[str, ...]  # what the answer says the person already does (as said)
    neutral_motivation: bool  # the typed motivation was not used (other language, or none)
    company_said: bool  # the company's own name is in the answer (else only 御社 / "your company")
    recommended: bool  # the target was recommended by the plan, not chosen by the person

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def sections(self) -> tuple[str, ...]:
        """The seed 001 shape as this answer says it: each paragraph's section, in order."""
        from cc_career.core.interview import LAYOUT

        said = set(self.parts)
        named = {"goal": "target", "n_goal": "target"}
        return tuple(named.get(group[0], group[0]) for group in LAYOUT[self.question_id] if said & set(group))

    @property
    def spoken_seconds(self) -> int:
        return spoken_seconds(self.length, self.lang)

    @property
    def fits(self) -> bool:
        return self.band[0] <= self.length <= self.band[1]


# ---- text the answer takes from elsewhere, made speakable -------------------------------------

_BRACKETED = re.compile(r"\s*[（(［\[【〔][^（）()［］\[\]【】〔〕]*[）)］\]】〕]")
_QUOTES = re.compile(r"[「」『』“”\"〝〟]")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f々〆ー]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def speakable(text: str, lang: str) -> str:
    """Text from the data or the person, as it is said aloud: what is in brackets is dropped
    (an expansion or an aside: 「一次解決率（FCR）」 → 「一次解決率」), quotation marks go,
    a slash becomes 「・」 / "or", a colon a comma."""
    text = inline(text)
    previous = None
    while previous != text:
        previous, text = text, _BRACKETED.sub("", text)
    text = _QUOTES.sub("", text).replace("'", "'") if lang == "ja" else _QUOTES.sub("", text)
    if lang == "ja":
        text = re.sub(r"\s*[/／]\s*", "・", text)
        text = text.replace("：", "、").replace(":", "、")
    else:
        text = re.sub(r"\w+(?:\s*[/／]\s*\w+){2,}", _english_series, text)
        text = re.sub(r"\s*[/／]\s*", " or ", text)
        text = re.sub(r"\s*:\s*", ", ", text)
        text = re.sub(r"\s+'|'\s+(?=\W)", " ", text)
    return " ".join(text.split()).strip(" 、,")


def _english_series(match: re.Match[str]) -> str:
    """"who/what/when/where" → "who, what, when and where"."""
    items = re.split(r"\s*[/／]\s*", match.group(0))
    return ", ".join(items[:-1]) + " and " + items[-1]


def written_in(text: str) -> str | None:
    """"ja" for text with Japanese script, "en" for Latin words only, None for neither."""
    if _JAPANESE.search(text):
        return "ja"
    return "en" if _LATIN_WORD.search(text) else None


def spoken_role(role: Role, lang: str) -> str:
    label = role.spoken(lang) if role.spoken else role.name(lang)
    if lang == "en":
        label = re.split(r"\s*[/／]\s*", label)[0]
    return lower_first(speakable(label, lang)) if lang == "en" else speakable(label, lang)


def _is_person(label: str) -> bool:
    return label.lower().split(" or ")[0].strip().endswith(PERSON_NOUNS)


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeio" else "a"


def horizon_text(years: int, lang: str) -> str:
    if lang == "en" and years == 1:
        return t("speech.horizon_one", lang)
    return t("speech.horizon", lang, years=number(years, lang))


def question_text(question: str, horizon_years: int, lang: str) -> str:
    """The question as the interviewer asks it."""
    horizon = horizon_text(horizon_years, lang) if lang == "ja" else number(horizon_years, lang) + (
        " year" if horizon_years == 1 else " years")
    return t(f"interview.question_{question}", lang, span=horizon)


# ---- the sentences -------------------------------------------------------------------------------


class Speech:
    """Every sentence the answer may say, for one person, question and language; each part as
    its wordings, longest first."""

    def __init__(self, facts: AnswerFacts, interview: Interview, lang: str, catalog: Catalog) -> None:
        self.facts, self.lang = facts, lang
        self.value_labels = {v: t(f"speech.value_{v}", lang, default=tag.label(lang))
                             for v, tag in catalog.values.items()}
        self.skill_names = {s: skill.name(lang) for s, skill in catalog.skills.items()}
        self.interview = interview
        typed = inline(interview.company or "")
        # A name in another script is not read out in the middle of an English answer.
        self.company_said = bool(typed) and not (lang == "en" and written_in(typed) == "ja")
        self.company = typed if self.company_said else ""
        self.position = speakable(interview.position or "", lang) or spoken_role(facts.current, lang)
        motivation = speakable(interview.motivation or "", lang)
        self.motivation = motivation if written_in(motivation) in (lang, None) else ""
        self.neutral_motivation = not self.motivation
        self.goal_role = self._goal_role()
        self.done = self._already()

    def tr(self, key: str, **params: object) -> str:
        return t(f"speech.{key}", self.lang, **params)

    def _list(self, items: list[str]) -> str:
        """"a and b", "a, b and c"; in Japanese 「aとb」「a、b、c」."""
        if len(items) < 2:
            return "".join(items)
        if self.lang == "ja" and len(items) > 2:
            return self.tr("list_sep").join(items)
        return self.tr("list_sep").join(items[:-1]) + self.tr("and") + items[-1]

    # -- roles

    def role(self, role: Role) -> str:
        return spoken_role(role, self.lang)

    def as_role(self, role: Role) -> str:
        return self._phrase("as", role)

    def in_role(self, role: Role) -> str:
        """Where the person works in N years: 「営業の仕事で」 for a department, else as_role."""
        if self.lang == "ja" and role.track in ("other_department", "career_change") \
                and not ja_person(self.role(role)):
            return self.tr("in_work", role=self.role(role))
        return self.as_role(role)

    def become(self, role: Role) -> str:
        return self._phrase(f"become_{role.track}", role)

    def goal_noun(self, role: Role) -> str:
        return self._phrase("goal_noun", role)

    def _phrase(self, kind: str, role: Role) -> str:
        """A role in a phrase; the `_person` or `_field` wording, as the name is a person
        ("a trainer", 「研修トレーナー」) or a field ("QA", 「営業」)."""
        name = self.role(role)
        person = _is_person(name) if self.lang == "en" else ja_person(name)
        if self.lang == "en" and person:
            name = f"{_article(name)} {name}"
        return self.tr(f"{kind}_{'person' if person else 'field'}", role=name)

    def _goal_role(self) -> Role:
        """The role the answer names as its goal: the plan's target (said at the plan's time)."""
        return self.facts.target

    # -- what the person already does

    def _already(self) -> list[tuple[str, str]]:
        """What the person confirmed they already do, as ("plan", clause) for one of the plan's
        actions and ("own", sentence) for their own words, the plan's first. An id the plan no
        longer offers, or words in the other language, are left out (never pasted)."""
        given = [inline(item) for item in self.interview.already_doing]
        by_id = {a.id: a for a in self.facts.actions}
        done = [("plan", self._action(by_id[item])) for item in given if item in by_id]
        for item in given:
            if item in by_id or re.fullmatch(r"s\d+-[a-z_]+-\d+", item):
                continue
            words = speakable(item, self.lang)
            if words and written_in(words) in (self.lang, None):
                done.append(("own", own_sentence(words, self.lang)))
        return done

    def _action(self, action: Action, will: bool = False) -> str:
        text = speakable(say(action.text, self.lang), self.lang).rstrip("。.")
        return text if self.lang == "ja" else first_person(text, will=will)

    # -- the parts

    def wordings(self, question: str) -> dict[str, tuple[str, ...]]:
        makers = {
            "experience": self.experience, "experience_total": self.experience_total,
            "kpis": self.kpis, "strength": self.strength, "lesson": self.lesson,
            "motivation": self.motivation_part, "tie": self.tie, "values": self.values,
            "first": self.first, "first_goals": self.first_goals, "first_date": self.first_date,
            "cert": self.cert, "goal": self.goal, "goal_why": self.goal_why,
            "skill_plan": self.skill_plan, "skills_more": self.skills_more,
            "n_goal": self.n_goal, "n_when": self.n_when, "n_direction": self.n_direction,
            "already": self.already, "also": self.also, "review": self.review,
            "lesson_more": self.lesson_more, "first_support": self.first_support, "gap": self.gap,
            "plan_more": self.plan_more, "timing": self.timing, "habit": self.habit,
            "first_team": self.first_team, "first_learn": self.first_learn, "feedback": self.feedback,
            "contribute": self.contribute, "adjust": self.adjust, "closing_short": self.closing_short,
            "closing": self.closing,
        }
        made = {name: tuple(w for w in make() if w) for name, make in makers.items()}
        return {name: words for name, words in made.items() if words}

    def experience(self) -> list[str]:
        facts = self.facts
        front = facts.current.id in FRONTLINE
        names = [self.tr(f"channel_{c}") for c in facts.channels]
        channels = (self.tr("channel_sep").join(names) if self.lang == "ja" and len(names) == 2
                    else self._list(names))
        place = t(f"speech.place_{facts.industry}", self.lang, default="") if facts.industry else ""
        params = dict(as_role=self.as_role(facts.current), channels=channels, place=place,
                      span=span(round(facts.years_in_role * 12), self.lang, "lived"))
        kind = "front" if front else "other"
        found = [self.tr(f"experience_{kind}", **params)] if place else []
        return [*found, self.tr(f"experience_{kind}_plain", **params), self.tr("experience_short", **params)]

    def experience_total(self) -> list[str]:
        total, here = round(self.facts.years_total * 12), round(self.facts.years_in_role * 12)
        if total <= here + 2:
            return []
        return [self.tr("experience_total", span=span(total, self.lang, "lived"))]

    def kpis(self) -> list[str]:
        items = [self.tr(f"kpi_{name}", value=kpi_figure(name, value))
                 for name, value in self.facts.kpis.items()]
        if not items:
            return []
        shorter = [items[:2], items[:1]] if len(items) > 2 else [items[:1]] if len(items) > 1 else []
        return [self.tr("kpis", kpis=self._list(some)) for some in [items, *shorter]]

    def strength(self) -> list[str]:
        if self.facts.strength is None:
            return []
        skill_id, level = self.facts.strength
        return [self.tr("strength", skill=self._skill(skill_id), level=self.tr(f"level_{min(level, 4)}"))]

    def _lessons(self) -> list[str]:
        """What the work taught the person, from the values they hold (seed 001: 「…の重要性を
        実感しました」)."""
        return [self.tr(f"lesson_{v}") for v in self.facts.values
                if t(f"speech.lesson_{v}", "en", default="")]

    def lesson(self) -> list[str]:
        lessons = self._lessons()
        return [self.tr("lesson", lesson=lessons[0])] if lessons else []

    def lesson_more(self) -> list[str]:
        lessons = self._lessons()
        return [self.tr("lesson_more", lesson=lessons[1])] if len(lessons) > 1 else []

    def timing(self) -> list[str]:
        return [self.tr("timing")] if self.facts.steps else []

    def habit(self) -> list[str]:
        return [self.tr("habit" if self.facts.current.id in FRONTLINE else "habit_other")]

    def first_learn(self) -> list[str]:
        return [self.tr("first_learn")]

    def feedback(self) -> list[str]:
        return [self.tr("feedback")]

    def contribute(self) -> list[str]:
        return [self.tr("contribute", as_role=self.in_role(self.facts.target))]

    def adjust(self) -> list[str]:
        return [self.tr("adjust")] if self.facts.steps else []

    def closing_short(self) -> list[str]:
        return [self.tr("closing_short")]

    def first_team(self) -> list[str]:
        return [self.tr("first_team")]

    def first_support(self) -> list[str]:
        front = self.facts.current.id in FRONTLINE
        return [self.tr("first_support_front" if front else "first_support_other")]

    def gap(self) -> list[str]:
        planned = {s.skill_id for s in self.facts.skills if s.level >= 2}  # said by skill_plan already
        skill = next((g for g in self.facts.gaps if g[0] not in planned), None)
        if skill is None or not self.facts.steps:
            return []
        params = dict(skill=self._skill(skill[0]), as_role=self.as_role(self.facts.target))
        return [self.tr("gap", **params), self.tr("gap_short", **params)]

    def plan_more(self) -> list[str]:
        """A second first action, as something the person will start (never as done)."""
        confirmed = {item for item in self.interview.already_doing}
        rest = [a for a in self.facts.actions if a.id not in confirmed]
        if self.done and self.done[0][0] == "plan":
            pass
        elif rest:
            rest = rest[1:]  # the first is said by `already` as "I will start …"
        if not rest:
            return []
        return [self.tr("plan_more", action=self._action(rest[0], will=True))]

    def motivation_part(self) -> list[str]:
        company = self.company or ("御社" if self.lang == "ja" else "your company")
        goal = self.goal_noun(self.goal_role)
        neutral = [self.tr("motivation_neutral", company=company, goal=goal),
                   self.tr("motivation_neutral_short", company=company, goal=goal)]
        if self.neutral_motivation:
            return neutral
        if self.lang == "en":
            return [self.tr("motivation_clause", company=company,
                            motivation=second_person(self.motivation.rstrip(".!? "))), neutral[1]]
        kind, text = japanese_motivation(self.motivation)
        return [self.tr(f"motivation_{kind}", company=company, motivation=text), neutral[1]]

    def tie(self) -> list[str]:
        label = self.role(self.goal_role)
        if self.neutral_motivation or label.lower() in self.motivation.lower():
            return []
        return [self.tr("tie", goal=self.goal_noun(self.goal_role))]

    def values(self) -> list[str]:
        labels = [self._value(v) for v in self.facts.values if v not in UNSPOKEN_VALUES][:2]
        labels = [label for label in labels if label]
        return [self.tr("values", values=self._list(labels))] if labels else []

    def _value(self, value_id: str) -> str:
        return self.value_labels.get(value_id, "")

    def first(self) -> list[str]:
        front = self.facts.current.id in FRONTLINE
        kind = ("front_phone" if self.facts.channels == ("phone",) else "front") if front else "other"
        params = dict(as_position=self._as_position())
        return [self.tr(f"first_{kind}", **params), self.tr("first_short", **params)]

    def _as_position(self) -> str:
        """「オペレーターとして」 / "as an operator", "in the account sales team"."""
        if self.lang == "ja":
            return self.tr("position_person", position=self.position)
        label = lower_first(self.position)
        if _is_person(label):
            return self.tr("position_person", position=f"{_article(label)} {label}")
        return self.tr("position_team", position=label)

    def first_goals(self) -> list[str]:
        items = []
        for goal in self.facts.first_goals:
            label = self.tr(f"kpi_{goal.name}", value="").strip()
            if self.lang == "en":
                label = label.removeprefix("a ").removeprefix("an ").removesuffix(" of").strip()
            now = kpi_figure(goal.name, goal.now) if goal.now is not None else None
            value = kpi_figure(goal.name, goal.goal)
            if goal.name == "aht_seconds":
                key = "goal_aht_keep" if goal.met else ("goal_aht" if now else "goal_aht_unknown")
            else:
                key = "goal_keep" if goal.met else ("goal_raise" if now else "goal_raise_unknown")
            last = goal is self.facts.first_goals[-1]
            items.append(self.tr(key if last or self.lang != "ja" else f"{key}_cont", label=label, now=now,
                                 goal=value))
        if not items:
            return []
        joined = self.tr("goal_sep").join(items) if self.lang == "ja" else self._list(items)
        return [self.tr("first_goals", goals=joined)]

    def first_date(self) -> list[str]:
        months = self.facts.first_goals_months
        if months is None or all(g.met for g in self.facts.first_goals):
            return []
        key = "first_date" if len(self.facts.first_goals) > 1 else "first_date_one"
        return [self.tr(key, span=span(months, self.lang, "span_within"))]

    def cert(self) -> list[str]:
        if self.facts.cert is None:
            return []
        name, months = self.facts.cert
        said = speakable(name(self.lang), self.lang)
        if self.lang == "en" and not re.search(r"exam|test|certificat|qualification", said, re.I):
            said += " exam"  # "the Career Consultant exam"
        return [self.tr("cert", cert=said,
                        span=span(months, self.lang, "span_within"))]

    def goal(self) -> list[str]:
        facts = self.facts
        if not facts.steps:
            return self._goal_same()
        target, months = facts.target, span(facts.target_months, self.lang)
        if not facts.fits:
            interim = facts.reachable
            if interim is None:
                return [self.tr("goal_long_first", become=self.become(target), span=months)]
            between = [s.role for s in facts.steps if interim.months < s.months < facts.target_months]
            via = (self.tr("goal_long_via", roles=self._list([self.role(r) for r in between]))
                   if between else "")
            long = self.tr("goal_long", become_interim=self.become(interim.role),
                           interim_span=span(interim.months, self.lang), via=via,
                           become=self.become(target), span=months)
            plain = self.tr("goal_long", become_interim=self.become(interim.role),
                            interim_span=span(interim.months, self.lang), via="",
                            become=self.become(target), span=months)
            short = self.tr("goal_long_short", become_interim=self.become(interim.role),
                            interim_span=span(interim.months, self.lang), target=self.role(target),
                            become=self.become(target), span=months)
            return [long, plain, short] if via else [long, short]
        one = self.tr("goal_one", become=self.become(target), span=months)
        if len(facts.steps) < 2:
            return [one]
        steps = [self.tr("goal_step", role=self.role(s.role), span=span(s.months, self.lang))
                 for s in facts.steps[:-1]]
        return [self.tr("goal_steps", steps=self._list(steps), become=self.become(target), span=months), one]

    def _goal_same(self) -> list[str]:
        as_role = self.as_role(self.facts.current)
        plain = self.tr("goal_same_plain", as_role=as_role)
        skill = next((s for s in self.facts.skills if s.level >= 2), None)
        if skill is None:
            return [plain]
        return [self.tr("goal_same", as_role=as_role, skill=self._skill(skill.skill_id),
                        level=self.tr(f"level_{skill.level}"), span=span(skill.months, self.lang)), plain]

    def goal_why(self) -> list[str]:
        shared = [v for v in self.facts.values
                  if v in self.facts.target.values and v not in UNSPOKEN_VALUES][:2]
        labels = [self._value(v) for v in shared]
        if not labels or not self.facts.steps:
            return []
        as_role = self.as_role(self.facts.target)
        return [self.tr("goal_why", values=self._list(labels), as_role_cap=as_role[:1].upper() + as_role[1:])]

    def skill_plan(self) -> list[str]:
        skill = next((s for s in self.facts.skills if s.level >= 2), None)
        if skill is None or not self.facts.steps:
            return []
        return [self.tr("skill_plan", skill=self._skill(skill.skill_id),
                        level=self.tr(f"level_{skill.level}"), span=span(skill.months, self.lang))]

    def skills_more(self) -> list[str]:
        climbing = [s for s in self.facts.skills if s.level >= 2][1:3]
        if not climbing:
            return []
        dated = [self.tr("skill_dated", skill=self._skill(s.skill_id), level=self.tr(f"level_{s.level}"),
                         span=span(s.months, self.lang)) for s in climbing]
        joined = self.tr("list_sep").join(dated) if self.lang == "ja" else self._list(dated)
        return [self.tr("skills_more_dated", skills=joined),
                self.tr("skills_more", skills=self._list([self._skill(s.skill_id) for s in climbing]))]

    def n_goal(self) -> list[str]:
        facts = self.facts
        horizon = horizon_text(facts.horizon_years, self.lang)
        if not facts.steps:
            plain = self.tr("n_goal_same_plain", horizon=horizon, as_role=self.as_role(facts.current))
            skill = next((s for s in facts.skills if s.level >= 2), None)
            if skill is None:
                return [plain]
            return [self.tr("n_goal_same", horizon=horizon, as_role=self.as_role(facts.current),
                            skill=self._skill(skill.skill_id), level=self.tr(f"level_{skill.level}")), plain]
        reached = facts.reachable
        if reached is None:  # the first step takes longer than the horizon: say the way there
            goal = self.goal_noun(facts.steps[0].role)
            plain = self.tr("n_goal_toward_plain", horizon=horizon, goal=goal)
            within = [s for s in facts.skills if s.level >= 2 and s.months <= facts.horizon_years * 12]
            if not within:
                return [plain]
            return [self.tr("n_goal_toward", horizon=horizon, goal=goal,
                            skill=self._skill(within[0].skill_id),
                            level=self.tr(f"level_{within[0].level}")), plain]
        if self._reached_late(reached.months):
            return [self.tr("n_goal_reaching", horizon=horizon, become_done=self._become_done(reached.role))]
        after = [s for s in facts.steps if s.months > reached.months]
        if after:
            return [self.tr("n_goal_next", horizon=horizon, as_role=self.in_role(reached.role),
                            next=self._next(after[0].role)),
                    self.tr("n_goal_settled", horizon=horizon, as_role=self.in_role(reached.role))]
        return [self.tr("n_goal_settled", horizon=horizon, as_role=self.in_role(reached.role))]

    def _reached_late(self, months: int) -> bool:
        from cc_career.core.interview import LATE_IN_HORIZON

        return months > self.facts.horizon_years * 12 - LATE_IN_HORIZON

    def _become_done(self, role: Role) -> str:
        return self._phrase(f"become_done_{role.track}", role)

    def _next(self, role: Role) -> str:
        """The step after the one reached: 「SV」 (「次はSVを目指せる」) / "step up to supervisor"."""
        return self.role(role) if self.lang == "ja" else self.become(role)

    def n_when(self) -> list[str]:
        reached = self.facts.reachable
        if reached is None or self._reached_late(reached.months):
            return []
        return [self.tr("n_when", become=self.become(reached.role), span=span(reached.months, self.lang))]

    def n_direction(self) -> list[str]:
        facts = self.facts
        if not facts.steps or (facts.reachable and facts.reachable.role.id == facts.target.id):
            return []
        return [self.tr("n_direction", goal=self.goal_noun(facts.target))]

    def already(self) -> list[str]:
        if self.done:
            kind, text = self.done[0]
            return [self.tr("already" if kind == "plan" else "already_own", action=text.rstrip("."))]
        if not self.facts.actions:
            return []
        return [self.tr("start", action=self._action(self.facts.actions[0], will=True))]

    def also(self) -> list[str]:
        if len(self.done) < 2:
            return []
        kind, text = self.done[1]
        return [self.tr("also" if kind == "plan" else "also_own", action=text.rstrip("."))]

    def review(self) -> list[str]:
        months = self.facts.review_months
        if not months or months > 6:
            return []
        return [self.tr("review", span=span(months, self.lang, "span_within"))]

    def closing(self) -> list[str]:
        front = self.facts.current.id in FRONTLINE
        return [self.tr("closing_front" if front else "closing_other")]

    def _skill(self, skill_id: str) -> str:
        name = speakable(self.skill_names.get(skill_id, skill_id), self.lang)
        return name if self.lang == "ja" else lower_first(name)

    def said_already(self, parts: tuple[str, ...]) -> tuple[str, ...]:
        """What the answer, with these parts, says the person already does."""
        count = ("already" in parts) + ("also" in parts)
        return tuple(text for _, text in self.done[:count])


# ---- the answer ------------------------------------------------------------------------------------


def compose_answer(plan: Plan, catalog: Catalog, interview: Interview, lang: str) -> InterviewAnswer:
    """The answer to `interview.question` for `interview.seconds`, from `plan`. The interview
    fields must all be set, and the plan must not be one that `interview.refusal` turns away."""
    missing = missing_fields(interview)
    if missing:
        raise ValueError(f"interview.{missing[0]} is not set")
    assert interview.question in QUESTIONS and interview.seconds is not None
    facts = facts_from_plan(plan, catalog)
    speech = Speech(facts, interview, lang, catalog)
    join = (lambda sentences: "".join(sentences)) if lang == "ja" else (lambda s: " ".join(s))
    chosen = choose(interview.question, speech.wordings(interview.question), interview.seconds, lang, join)
    paragraphs = tuple(join([sentence for _, sentence in paragraph]) for paragraph in chosen.paragraphs)
    text = " ".join(paragraphs)
    return InterviewAnswer(
        lang=lang, question_id=interview.question,
        question=question_text(interview.question, facts.horizon_years, lang),
        company=inline(interview.company or ""), position=inline(interview.position or ""),
        target=spoken_role(facts.target, lang), paragraphs=paragraphs, parts=chosen.parts,
        length=measure(text, lang), seconds=interview.seconds,
        band=length_band(interview.seconds, lang), target_months=facts.target_months,
        toned_down=not facts.fits, confirmed=speech.said_already(chosen.parts),
        neutral_motivation=speech.neutral_motivation and "motivation" in chosen.parts,
        company_said=speech.company_said, recommended=not facts.target_chosen,
    )


# ---- the files -------------------------------------------------------------------------------------


def interview_documents(answer: InterviewAnswer, plan: Plan, catalog: Catalog) -> dict[str, str]:
    from cc_career.render.html import INTERVIEW_HTML, render_interview_html

    low, high = answer.band
    band = t("interview.band", answer.lang, seconds=answer.seconds, low=low, high=high)
    return {MD_NAME: interview_markdown(answer, plan, catalog), TXT_NAME: interview_text(answer),
            INTERVIEW_HTML: render_interview_html(answer, plan, length_line(answer), band)}


def length_line(answer: InterviewAnswer) -> str:
    """"298字、話して約60秒（目標60秒）" / "131 words, about 60 seconds spoken (…)"."""
    return t("interview.length", answer.lang, length=answer.length, spoken=answer.spoken_seconds,
             seconds=answer.seconds)


def interview_markdown(answer: InterviewAnswer, plan: Plan, catalog: Catalog) -> str:
    from cc_career.render.practice import practice_aids

    low, high = answer.band
    facts = facts_from_plan(plan, catalog)
    return render(
        "interview",
        answer.lang,
        answer=answer,
        plan=plan,
        length=length_line(answer),
        band=t("interview.band", answer.lang, seconds=answer.seconds, low=low, high=high),
        aids=practice_aids(answer, facts, answer.lang, alternative=_alternative(plan, answer.lang)),
        target_span=span(facts.target_months, answer.lang),
        horizon=horizon_text(facts.horizon_years, answer.lang),
    )


def _alternative(plan: Plan, lang: str) -> str | None:
    """The plan's best-ranked other role: what an interviewer asks "why not …?" about."""
    on_route = {role.id for role in plan.route.roles}  # a step on the way is not an alternative
    other = next((r.role for r in plan.recommendations if r.role.id not in on_route | {plan.target.id}), None)
    return spoken_role(other, lang) if other else None


def interview_text(answer: InterviewAnswer, width: int = A4_CELLS) -> str:
    """The printable page: the question on the first line, the answer, and its length and
    speaking time on the last line; wrapped to `width` cells at natural breaks."""
    lines = wrap(answer.question, answer.lang, width)
    for paragraph in answer.paragraphs:
        lines += ["", *wrap(paragraph, answer.lang, width)]
    lines += ["", *wrap(length_line(answer), answer.lang, width)]
    return "\n".join(lines) + "\n"
