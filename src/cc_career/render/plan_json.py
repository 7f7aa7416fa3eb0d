"""career-plan.json: the plan's data, the contract `cc-career review` and trainers' tools read.

Written beside career-plan.md by `plan` and `batch`; same answers, same bytes. The skills are
those the plan reads (every skill of the route, and every skill rated)."""

from __future__ import annotations

import json

from cc_career.core.models.catalog import Catalog
from cc_career.core.models.plan import Milestone, Plan
from cc_career.render.words import say

PLAN_JSON = "career-plan.json"
SCHEMA_VERSION = 1


def plan_data(plan: Plan, catalog: Catalog, lang: str | None = None) -> dict:
    lang = lang or plan.lang
    answers = plan.answers
    current = answers.current
    read = {s for role in plan.route.roles for s in role.skills} | set(current.skills) \
        | set(current.trainer_skills) | set(catalog.roles[current.role].skills)
    order = list(catalog.skills)
    return {
        "schema_version": SCHEMA_VERSION,
        "made_on": plan.today.isoformat(),
        "person": {"name": answers.name, "language": lang, "role": current.role,
                   "employment": current.employment, "channels": list(current.channels)},
        "skills": {s: {"level": plan.ratings[s].level, "source": plan.ratings[s].source}
                   for s in sorted(read, key=order.index)},
        "target": {
            "role": None if plan.target_open else plan.target.id,
            "date": None if plan.target_open or plan.target_end is None else plan.target_end.isoformat(),
            "final_role": plan.final_target.id if plan.final_target else None,
            "final_date": plan.realistic_end.isoformat() if plan.final_target else None,
        },
        "route": [{"step": s.index, "from": s.source.id, "to": s.target.id, "start": s.start.isoformat(),
                   "end": s.end.isoformat(), "months": s.months, "typical_months": s.move.months,
                   "credit_months": s.credit,
                   "experience_wait_months": s.waits, "dated": s.index <= plan.dated_steps}
                  for s in plan.route.steps],
        "milestones": [_milestone(m, lang) for m in plan.milestones],
        "backlog": [{"skill": b.skill_id, "kpi": b.kpi, "step": b.step, "level_from": b.level_from,
                     "level_to": b.level_to, "reason": b.reason} for b in plan.backlog],
        "review_dates": [d.isoformat() for d in plan.reviews],
        "check_in": plan.check_in.isoformat() if plan.check_in else None,
        "warnings": [{"kind": w} for w in plan.warnings],
    }


def _milestone(m: Milestone, lang: str) -> dict:
    first = next((k for k in m.kpis if not k.met), m.kpis[0] if m.kpis else None)
    return {
        "id": m.id, "step": m.step, "kind": m.kind, "due": m.date.isoformat(),
        "started": m.started.isoformat() if m.started else None,
        "skill": m.skill_id, "level_from": m.level_from, "level_to": m.level,
        "certificate": m.certificate,  # the grade's id in certifications.yaml
        "kpi": first.name if first else None,
        "kpi_from": first.now if first else None,
        "kpi_to": first.goal if first and first.now is not None else None,
        "kpis": [{"kpi": k.name, "kpi_from": k.now, "kpi_to": k.goal, "met": k.met}
                 for k in m.kpis if k.now is not None],
        "action": say(m.action, lang), "check": say(m.check, lang),
    }


def render_plan_json(plan: Plan, catalog: Catalog, lang: str | None = None) -> str:
    data = plan_data(plan, catalog, lang)
    if plan.settled:  # only reviewed plans carry it: plans before any review keep their bytes
        data["settled"] = [s.model_dump(mode="json") for s in plan.settled]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
