"""The Markdown career plan (`career-plan.md`), laid out like the ジョブ・カード career-plan sheet."""

from __future__ import annotations

from cc_career.catalog import Catalog
from cc_career.models.plan import Plan
from cc_career.render.environment import render
from cc_career.render.words import level_label, pay_lines, pay_text, reason_text, tags_text

RECOMMENDATIONS_SHOWN = 5


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
    return render(
        "plan",
        lang,
        plan=plan,
        answers=answers,
        catalog=catalog,
        recommendations=plan.recommendations[:RECOMMENDATIONS_SHOWN],
        milestones_by_step=steps_of,
        skill_rows=route_skills,
        has_trainer=bool(answers.current.trainer_skills),
        skill=lambda skill_id: catalog.skills[skill_id].name(lang),
        level=lambda n: level_label(n, lang),
        tags=lambda ids, table: tags_text(ids, table, lang),
        reason=lambda r: reason_text(r, catalog, lang),
        pay=lambda role: pay_text(role, lang),
        pay_lines=lambda role: pay_lines(role, lang),
        planned_certs={m.certificate for m in plan.milestones if m.certificate},
    )

