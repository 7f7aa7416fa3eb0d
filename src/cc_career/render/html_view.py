"""What the printable page shows, taken from a Plan in ONE place (`plan_view`): plain, translated
text and numbers, so the HTML templates and the SVG pictures never reach into the plan model.

When the plan model changes (skills with a source, milestones with ids and kinds, a headline
target that is the furthest reachable step), only this module has to follow it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from cc_career.core.models.catalog import Catalog, Role
from cc_career.core.models.plan import Kind, Plan
from cc_career.render.formats import format_day, format_month, format_months
from cc_career.render.i18n import t
from cc_career.render.words import (
    experience_wait,
    level_label,
    pay_text,
    reason_text,
    say,
    tags_text,
    yearly_amount,
)


@dataclass(frozen=True)
class SkillRow:
    """One skill of the route: the level the plan works from, where it comes from, the need."""

    skill_id: str
    name: str
    now: int
    source: str  # self | trainer | assumed (SPEC: an unrated skill is assumed, never 0)
    needed: int  # the highest level a role on the route asks for
    importance: int  # 1-5, the highest a role on the route gives it
    self_rating: int | None  # the person's own rating, where they gave one
    trainer_rating: int | None
    by_when: str  # "今の職種で" / the role that first needs the level

    @property
    def gap(self) -> int:
        return max(0, self.needed - self.now)


@dataclass(frozen=True)
class StepRow:
    index: int
    source: str
    target: str
    start: dt.date
    end: dt.date
    months: int
    typical_months: int
    needs: str
    wait: str | None = None  # why the step is longer: the experience the move asks for


@dataclass(frozen=True)
class MilestoneRow:
    number: int  # as drawn on the timeline
    date: dt.date
    step: int  # 0: before the first move
    kind: Kind
    kind_label: str
    skill: str | None  # the skill's name, for skill milestones
    level: int | None
    action: str
    check: str


@dataclass(frozen=True)
class Recommendation:
    rank: int
    role: str
    track: str
    reasons: tuple[str, ...]
    duration: str


@dataclass(frozen=True)
class PlanView:
    lang: str
    name: str | None
    made_on: dt.date
    target: str
    target_track: str
    target_description: str
    target_chosen: bool
    target_pay: str | None
    target_pay_source: str | None
    realistic_end: dt.date
    horizon_end: dt.date
    horizon_years: int
    fits_horizon: bool
    strain: bool
    rest_until: dt.date | None  # under strain: when the career steps begin
    facts: tuple[tuple[str, str], ...]  # the current situation, label → value
    ideal: tuple[tuple[str, str], ...]
    strengths: tuple[tuple[str, str], ...]  # skill with its level → what the level means
    recommendations: tuple[Recommendation, ...]
    roles: tuple[str, ...]  # the route's roles, current first
    steps: tuple[StepRow, ...]
    skills: tuple[SkillRow, ...]  # biggest weighed gap first
    has_trainer: bool
    disagreements: tuple[tuple[str, int, int], ...]  # (skill name, self, trainer)
    certifications: tuple[tuple[str, str, str], ...]  # (certificate, issuer, role it helps in)
    experience_note: str | None
    milestones: tuple[MilestoneRow, ...]  # in date order, numbered
    chains: tuple[tuple[str, str, str], ...]  # want, need, do now
    reviews: tuple[dt.date, ...]
    jobcard: tuple[tuple[str, tuple[str, ...]], ...]  # the four boxes of 様式1-1: title → lines
    # what reviews settled, as career-plan.md shows it (in its order): done (its date, the
    # milestone), and what was dropped for a change of mind
    done: tuple[tuple[dt.date, str], ...] = ()
    dropped: tuple[str, ...] = ()


RECOMMENDATIONS_SHOWN = 5


def plan_view(plan: Plan, catalog: Catalog, lang: str | None = None) -> PlanView:
    """The adapter: everything the HTML page needs from `plan`, in `lang` (default the plan's)."""
    from cc_career.render.review_md import milestone_label

    lang = lang or plan.lang
    answers = plan.answers
    current = answers.current
    skill_name = lambda skill_id: catalog.skills[skill_id].name(lang)  # noqa: E731
    steps = tuple(
        StepRow(s.index, s.source.name(lang), s.target.name(lang), s.start, s.end, s.months,
                s.move.months, s.move.needs(lang),
                experience_wait(s, "html", lang) if s.waits else None)
        for s in plan.route.steps
    )
    milestones = tuple(
        MilestoneRow(number, m.date, m.step, m.kind, t(f"planner.kind_{m.kind}", lang),
                     skill_name(m.skill_id) if m.skill_id else None, m.level, say(m.action, lang),
                     say(m.check, lang))
        for number, m in enumerate(plan.milestones, start=1)
    )
    skills = _skill_rows(plan, catalog, lang)
    strengths = tuple((f"{skill_name(s)} — {level_label(level, lang)}", catalog.skills[s].levels[level](lang))
                      for s, level in plan.strengths if level >= 1)
    view = PlanView(
        lang=lang,
        name=answers.name,
        made_on=plan.today,
        target=plan.target.name(lang),
        target_track=t(f"track.{plan.target.track}", lang),
        target_description=plan.target.description(lang),
        target_chosen=plan.target_chosen,
        target_pay=pay_text(plan.target, lang) if plan.target.public_pay else None,
        target_pay_source=_pay_source(plan.target, lang),
        realistic_end=plan.realistic_end,
        horizon_end=plan.horizon_end,
        horizon_years=answers.ideal.horizon_years,
        fits_horizon=plan.fits_horizon,
        strain=plan.strain,
        rest_until=plan.check_in if plan.strain else None,
        facts=_facts(plan, catalog, lang),
        ideal=_ideal(plan, catalog, lang),
        strengths=strengths,
        recommendations=tuple(
            Recommendation(i, r.role.name(lang), t(f"track.{r.role.track}", lang),
                           tuple(reason_text(why, catalog, lang) for why in r.reasons),
                           format_months(r.months, lang))
            for i, r in enumerate(plan.recommendations[:RECOMMENDATIONS_SHOWN], start=1)
        ),
        roles=tuple(role.name(lang) for role in plan.route.roles),
        steps=steps,
        skills=skills,
        has_trainer=bool(current.trainer_skills),
        disagreements=tuple((skill_name(s), own, trainer) for s, own, trainer in plan.disagreements[:3]),
        certifications=tuple((c.name(lang), c.issuer(lang), c.role.name(lang))
                             for c in plan.certification_gaps),
        experience_note=_experience_note(plan, lang),
        milestones=milestones,
        chains=tuple((c.want.name(lang), t("html.chain_need", lang, skill=skill_name(c.gap.skill_id),
                                                level=c.gap.needed), say(c.do, lang)) for c in plan.chains),
        reviews=plan.reviews,
        jobcard=(),
        done=tuple((s.on, milestone_label(s, catalog, lang)) for s in plan.settled if s.status == "done"),
        dropped=tuple(milestone_label(s, catalog, lang) for s in plan.settled
                      if s.status == "dropped" and s.reason == "changed_mind"),
    )
    return _with_jobcard(view, plan, catalog)


def _pay_source(role: Role, lang: str) -> str | None:
    """Where the headline pay figure comes from, with its year: the first public figure."""
    if not role.public_pay:
        return None
    pay = role.public_pay[0]
    return f"{pay.source(lang)} ({pay.year})" if lang == "en" else f"{pay.source(lang)}（{pay.year}年）"


def _skill_rows(plan: Plan, catalog: Catalog, lang: str) -> tuple[SkillRow, ...]:
    """Every skill a role on the route needs, with the level the plan works from: the trainer's
    rating, else the person's own, else (unrated) the level their current role requires."""
    current = plan.answers.current
    need: dict[str, tuple[int, int, int]] = {}  # skill → (level, importance, first step needing it)
    for index, role in enumerate(plan.route.roles):
        for skill_id, requirement in role.skills.items():
            level, importance, step = need.get(skill_id, (0, 0, index))
            if requirement.level > level:
                level, step = requirement.level, index
            need[skill_id] = (level, max(importance, requirement.importance), step)
    rows = []
    for skill_id, (needed, importance, step) in need.items():
        own, trainer = current.skills.get(skill_id), current.trainer_skills.get(skill_id)
        rating = plan.ratings.get(skill_id)  # the planner's: trainer, else self, else assumed
        now, source = (rating.level, rating.source) if rating else (0, "assumed")
        by_when = (t("html.by_now", lang) if step == 0
                   else t("html.by_role", lang, role=plan.route.roles[step].name(lang)))
        rows.append(SkillRow(skill_id, catalog.skills[skill_id].name(lang), now, source, needed, importance,
                             own, trainer, by_when))
    order = list(catalog.skills)
    rows.sort(key=lambda r: (-r.gap * r.importance, -r.importance, order.index(r.skill_id)))
    return tuple(rows)


def _facts(plan: Plan, catalog: Catalog, lang: str) -> tuple[tuple[str, str], ...]:
    current = plan.answers.current
    sep = t("list.sep", lang)
    years = lambda value: years_text(value, lang)  # noqa: E731
    rows = [
        (t("html.fact_role", lang), t("html.role_years", lang, role=catalog.roles[current.role].name(lang),
                                      years=years(current.years_in_role))),
        (t("html.fact_total", lang), years(current.years_total)),
        (t("html.fact_employment", lang), t(f"employment.{current.employment}", lang)),
    ]
    if current.industry:
        industry = catalog.interests.get(current.industry)
        rows.append((t("html.fact_industry", lang), industry.label(lang) if industry else current.industry))
    rows.append((t("html.fact_channels", lang), sep.join(t(f"channel.{c}", lang) for c in current.channels)))
    kpis = current.kpis
    figures = []
    if kpis.aht_seconds is not None:
        figures.append(t("html.kpi_aht", lang, seconds=kpis.aht_seconds))
    if kpis.fcr_rate is not None:
        figures.append(f"FCR {round(kpis.fcr_rate * 100)}%")
    if kpis.csat is not None:
        figures.append(f"CSAT {round(kpis.csat * 100)}%")
    if figures:
        rows.append(("KPI", sep.join(figures)))
    rows.append((t("html.fact_certifications", lang),
                 sep.join(current.certifications) if current.certifications else t("html.none", lang)))
    return tuple(rows)


def years_text(value: float, lang: str) -> str:
    """1 → "1年" / "1 year"; 2.5 → "2.5年" / "2.5 years"."""
    if lang == "ja":
        return f"{value:g}年"
    return f"{value:g} year" + ("" if value == 1 else "s")


def _ideal(plan: Plan, catalog: Catalog, lang: str) -> tuple[tuple[str, str], ...]:
    ideal = plan.answers.ideal
    unanswered = t("html.unanswered", lang)
    rows = [
        (t("html.ideal_values", lang), tags_text(ideal.values, catalog.values, lang) or unanswered),
        (t("html.ideal_interests", lang), tags_text(ideal.interests, catalog.interests, lang) or unanswered),
        (t("html.ideal_style", lang), t(f"style.{ideal.style}", lang)),
        (t("html.ideal_horizon", lang), t("html.horizon_value", lang, years=ideal.horizon_years,
                                          day=format_day(plan.horizon_end, lang))),
    ]
    if ideal.salary_target_jpy:
        rows.append((t("html.ideal_salary", lang),
                     t("html.salary_value", lang, amount=yearly_amount(ideal.salary_target_jpy, lang))))
    reasons = plan.answers.concerns.reasons
    if reasons:
        rows.append((t("html.ideal_concerns", lang), t("list.sep", lang).join(t(f"concern.{r}", lang)
                                                                               for r in reasons)))
    return tuple(rows)


def _experience_note(plan: Plan, lang: str) -> str | None:
    if plan.experience_years_short:
        return t("html.experience_short", lang, role=plan.target.name(lang),
                 years=f"{plan.target.min_years_experience:g}",
                 short=format_months(round(plan.experience_years_short * 12), lang))
    return None


def _with_jobcard(view: PlanView, plan: Plan, catalog: Catalog) -> PlanView:
    """The four boxes of ジョブ・カード 様式1-1, each a few lines in the person's voice, from the
    same facts the plan shows (no health answers: the sheet is shown to others)."""
    lang = view.lang
    sep = t("list.sep", lang)
    ideal = plan.answers.ideal
    current = plan.answers.current
    values = []
    if ideal.values:
        values.append(t("html.jc_values", lang, tags=tags_text(ideal.values, catalog.values, lang)))
    if ideal.interests:
        values.append(t("html.jc_interests", lang, tags=tags_text(ideal.interests, catalog.interests, lang)))
    values.append(t("html.jc_style", lang, style=t(f"style.{ideal.style}", lang)))
    if ideal.salary_target_jpy:
        values.append(t("html.jc_salary", lang, amount=yearly_amount(ideal.salary_target_jpy, lang)))

    strengths = [t("html.jc_experience", lang, role=catalog.roles[current.role].name(lang),
                   years=years_text(current.years_total, lang))]
    strengths += [t("html.jc_strength", lang, skill=catalog.skills[s].name(lang),
                    means=catalog.skills[s].levels[level](lang).rstrip("。."))
                  for s, level in plan.strengths[:3] if level >= 1]
    kpis = [fact for label, fact in view.facts if label == "KPI"]
    if kpis:
        strengths.append(t("html.jc_kpis", lang, kpis=kpis[0]))
    if current.certifications:
        strengths.append(t("html.jc_certifications", lang, certs=sep.join(current.certifications)))
    weakest = [row for row in view.skills if row.gap][:2]
    if weakest:
        strengths.append(t("html.jc_weakness", lang, skills=sep.join(r.name for r in weakest)))

    future = []
    if plan.strain:
        future.append(t("html.jc_rest_first", lang))
    if view.steps:
        future.append(t("html.jc_target", lang, role=view.target,
                        month=format_month(view.realistic_end, lang)))
        if len(view.roles) > 2:
            future.append(t("html.jc_route", lang, route=t("html.arrow", lang).join(view.roles)))
    else:
        future.append(t("html.jc_stay", lang, role=view.target))
    future.append(t("html.jc_role_about", lang, role=view.target, description=view.target_description))

    todo = [t("html.jc_todo", lang, day=format_day(m.date, lang), action=m.action)
            for m in view.milestones][:3]
    if plan.strain and view.rest_until:
        todo.insert(0, t("html.jc_todo_rest", lang, day=format_day(view.rest_until, lang)))
    if view.reviews:
        todo.append(t("html.jc_review", lang, day=format_day(view.reviews[0], lang)))
    boxes = (
        (t("html.jc_box_values", lang), tuple(values)),
        (t("html.jc_box_strengths", lang), tuple(strengths)),
        (t("html.jc_box_future", lang), tuple(future)),
        (t("html.jc_box_todo", lang), tuple(todo)),
    )
    return replace(view, jobcard=boxes)
