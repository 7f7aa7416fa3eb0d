"""The Markdown career plan (`career-plan.md`), laid out like the ジョブ・カード career-plan sheet."""

from __future__ import annotations

from cc_career.core.models.catalog import Catalog
from cc_career.core.models.plan import BacklogItem, Plan, Step
from cc_career.render.environment import render
from cc_career.render.formats import format_months
from cc_career.render.i18n import t
from cc_career.render.words import (
    experience_wait,
    level_label,
    pay_lines,
    pay_text,
    person_name,
    reason_text,
    say,
    tags_text,
)

RECOMMENDATIONS_SHOWN = 5


def shown_recommendations(plan: Plan) -> tuple:
    """The recommendations the plan lists — and the questionnaire shows, in the same order."""
    return plan.recommendations[:RECOMMENDATIONS_SHOWN]


def render_plan(plan: Plan, catalog: Catalog, lang: str | None = None) -> str:
    lang = lang or plan.lang
    answers = plan.answers
    steps_of = {
        index: [m for m in plan.milestones if m.step == index]
        for index in range(0, len(plan.route.steps) + 1)
    }
    rated = {**answers.current.skills, **answers.current.trainer_skills}
    route_skills = sorted(
        {s for role in plan.route.roles for s in role.skills} | set(rated),
        key=lambda s: list(catalog.skills).index(s),
    )
    current = catalog.roles[answers.current.role]

    def rating(skill_id: str) -> str:
        """A skill's level as the plan reads it; an unrated one says it is assumed."""
        r = plan.ratings[skill_id]
        if r.source == "assumed":
            return t("plan_md.assumed", lang, role=current.name(lang), level=r.level)
        return str(r.level)

    def own(skill_id: str) -> str:
        r = plan.ratings[skill_id]
        if r.self_level is not None:
            return str(r.self_level)
        if r.source == "trainer":
            return t("plan_md.unrated", lang)
        return rating(skill_id)

    from cc_career.render.review_md import milestone_label

    settled = [(milestone_label(s, catalog, lang), s) for s in plan.settled]
    return render(
        "plan",
        lang,
        settled=settled,
        plan=plan,
        answers=answers,
        catalog=catalog,
        who=person_name(answers.name, lang) if answers.name else "",
        boss=_boss(catalog, plan, lang),
        recommendations=shown_recommendations(plan),
        milestones_by_step=steps_of,
        outlined=plan.route.steps[plan.dated_steps:],
        backlog=_backlog_rows(plan, catalog, lang),
        skill_rows=route_skills,
        has_trainer=bool(answers.current.trainer_skills),
        assumed_count=sum(1 for s in route_skills if plan.ratings[s].source == "assumed"),
        rating=rating,
        own=own,
        now=lambda g: g.now if g.source != "assumed" else t("plan_md.now_assumed", lang, level=g.now),
        step_time=lambda step: step_time(step, lang),
        has_kpi=any(m.kind == "kpi" for m in plan.milestones),
        skill=lambda skill_id: catalog.skills[skill_id].name(lang),
        level=lambda n: level_label(n, lang),
        tags=lambda ids, table: tags_text(ids, table, lang),
        reason=lambda r: reason_text(r, catalog, lang),
        pay=lambda role: pay_text(role, lang),
        pay_lines=lambda role: pay_lines(role, lang),
        planned_certs={m.certificate for m in plan.milestones if m.certificate},
    )


def step_time(step: Step, lang: str) -> str:
    """「残り1年6か月（通算2年6か月が目安で、すでに1年）」: the step's months, the typical
    time, the experience already counted, the time added until the experience the move asks
    for is there, and any time added for the person's pace."""
    months, typical = format_months(step.months, lang), format_months(step.move.months, lang)
    if step.credit:
        text = t("plan_md.step_credit", lang, months=months, typical=typical,
                 credit=format_months(step.credit, lang))
    else:
        text = t("plan_md.step_plain", lang, months=months, typical=typical)
    if step.waits > 0:
        text += experience_wait(step, "step", lang)
    if step.extra > step.waits:
        text += t("plan_md.step_extra", lang, extra=format_months(step.extra - step.waits, lang))
    return text + t("plan_md.step_close", lang)


def _boss(catalog: Catalog, plan: Plan, lang: str) -> str:
    from cc_career.core.plan.milestones import boss

    return say(boss(catalog.roles[plan.answers.current.role]), lang)


def _backlog_rows(plan: Plan, catalog: Catalog, lang: str) -> list[str]:
    """What waits for the next review, one line each, with the reason."""
    from cc_career.core.plan.milestones import boss

    who = say(boss(catalog.roles[plan.answers.current.role]), lang)
    rows = []
    for item in plan.backlog:
        reason = t(f"planner.backlog_{item.reason}", lang, sv=who)
        rows.append(t("plan_md.backlog_row", lang, what=_backlog_what(item, catalog, lang),
                      step=item.step, reason=reason))
    return rows


def _backlog_what(item: BacklogItem, catalog: Catalog, lang: str) -> str:
    if item.skill_id:
        return t("plan_md.backlog_skill", lang, skill=catalog.skills[item.skill_id].name(lang),
                 start=item.level_from, end=item.level_to)
    return t("plan_md.backlog_kpi", lang, kpi=t(f"kpi.label_{item.kpi}", lang))
