"""review-YYYY-MM-DD.md: the progress report of one check-in, in the run's one language.

The facts come from plan/review.py; this module only words them. Every milestone a report or
a prompt names goes through `milestone_label`, the one place that turns a milestone's kind and
parameters into words (the layers refactor renders milestones late the same way)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cc_career.core.models.catalog import Catalog
from cc_career.core.models.plan import Milestone
from cc_career.core.models.plan_file import MilestonePart, SettledPart
from cc_career.core.plan.review import Change, Outcome, Review
from cc_career.render.environment import render
from cc_career.render.formats import format_day
from cc_career.render.i18n import t

REPORT_PREFIX = "review-"


def report_name(today: dt.date, taken: set[str]) -> str:
    """review-YYYY-MM-DD.md; a second check-in the same day gets -2, then -3 (never overwritten)."""
    base = f"{REPORT_PREFIX}{today.isoformat()}"
    name, number = f"{base}.md", 1
    while name in taken:
        number += 1
        name = f"{base}-{number}.md"
    return name


@dataclass(frozen=True)
class _About:
    """What a milestone is about, whichever plan or record it comes from."""

    id: str
    kind: str
    skill: str | None
    level_to: int | None
    certificate: str | None
    role: str | None
    kpis: tuple[str, ...]


def _about(m: MilestonePart | SettledPart | Milestone, role: str | None = None) -> _About:
    if isinstance(m, Milestone):
        return _About(m.id, m.kind, m.skill_id, m.level, m.certificate, role, tuple(k.name for k in m.kpis))
    kpis = tuple(k.kpi for k in m.kpis) if isinstance(m, MilestonePart) else ((m.kpi,) if m.kpi else ())
    return _About(m.id, m.kind, m.skill, m.level_to, m.certificate, role or getattr(m, "role", None), kpis)


def milestone_label(m: MilestonePart | SettledPart | Milestone, catalog: Catalog, lang: str,
                    role: str | None = None) -> str:
    """A milestone in a few words: 「品質モニタリングをレベル2に」, "Sit Grade 2 of …"."""
    a = _about(m, role)
    if a.kind == "skill" and a.skill in catalog.skills:
        return t("review.label_skill", lang, skill=catalog.skills[a.skill].name(lang), level=a.level_to)
    if a.kind == "kpi":
        if a.id.endswith("-find") or not a.kpis:
            return t("review.label_kpi_find", lang)
        names = t("list.sep", lang).join(t(f"kpi.label_{k}", lang) for k in a.kpis)
        return t("review.label_kpi", lang, kpis=names)
    if a.kind == "move":
        name = catalog.roles[a.role].name(lang) if a.role in catalog.roles else a.role or ""
        return t("review.label_move", lang, role=name)
    if a.kind == "health":
        key = f"review.label_{a.id.replace('-', '_')}"
        return t(key, lang, default=t("planner.kind_health", lang))
    if a.certificate:
        return t(f"review.label_{a.kind}", lang, cert=_grade_name(catalog, a.certificate, lang))
    return t(f"planner.kind_{a.kind}", lang)


def _grade_name(catalog: Catalog, ref: str, lang: str) -> str:
    from cc_career.core.plan.certificates import full_name

    cert_id, _, grade_id = ref.partition(".")
    cert = catalog.certificates.get(cert_id)
    if cert is None or not any(g.id == grade_id for g in cert.grades):
        return ref
    return full_name(cert, cert.grade(grade_id))(lang)


def _certificate_shown(catalog: Catalog, written: str, lang: str) -> str:
    """A gained certificate as written, or in the run's language when it is a grade of the data."""
    from cc_career.core.plan.certificates import full_name

    for cert in catalog.certificates.values():
        for grade in cert.grades:
            name = full_name(cert, grade)
            if written in (name.ja, name.en):
                return name(lang)
    return written


def _role_name(catalog: Catalog, role: object, lang: str) -> str:
    if role is None:
        return t("review.no_target", lang)
    return catalog.roles[role].name(lang) if role in catalog.roles else str(role)


def render_review(result: Review, catalog: Catalog, lang: str) -> str:
    previous, plan = result.previous, result.plan
    old = {m.id: m for m in previous.milestones}
    roles = {s.step: s.to for s in previous.route}

    def label(outcome: Outcome) -> str:
        m = old[outcome.id]
        return milestone_label(m, catalog, lang, roles.get(m.step))

    def day(value: object) -> str:
        return format_day(value, lang) if isinstance(value, dt.date) else t("review.no_date", lang)

    done = [o for o in result.outcomes if o.status == "done"]
    late = [o for o in result.outcomes if o.timing == "late" and o.status != "done"]
    dropped = [o for o in result.outcomes if o.status == "dropped"]
    new_by_id = {m.id: m for m in plan.milestones}
    next_up = list(plan.milestones[:3])
    plan_roles = {s.index: s.target.id for s in plan.route.steps}
    return render(
        "review", lang,
        person=result.answers.name,
        today=result.today,
        made_on=previous.made_on,
        done=[(label(o), o) for o in done],
        late=[(label(o), o) for o in late],
        dropped=[(label(o), o) for o in dropped],
        skills=[(catalog.skills[s].name(lang) if s in catalog.skills else s, before, after)
                for s, before, after in result.skills],
        kpis=[(t(f"kpi.label_{k}", lang), _kpi(k, before, lang), _kpi(k, after, lang))
              for k, before, after in result.kpis],
        gained=[_certificate_shown(catalog, name, lang) for name in result.certificates_gained],
        changes=[_change(c, catalog, lang, old, new_by_id, roles, plan_roles, day) for c in result.changes],
        next_up=[(milestone_label(m, catalog, lang, plan_roles.get(m.step)), m) for m in next_up],
        target=None if plan.target_open else plan.target.name(lang),
        target_date=plan.target_end,
        next_review=next((d for d in plan.reviews if d > result.today), None),
        needs_talk=result.needs_talk,
        late_count=result.late,
        strain=plan.strain,
        boss=t("planner.sv" if catalog.roles[result.answers.current.role].entry
               or result.answers.current.role in ("leader", "it_support") else "planner.manager", lang),
    )


def _kpi(name: str, value: float | None, lang: str) -> str:
    if value is None:
        return t("review.unknown", lang)
    if name == "aht_seconds":
        return t("review.seconds", lang, value=f"{value:.0f}")
    return f"{value * 100:.0f}%"


def _change(change: Change, catalog: Catalog, lang: str, old: dict, new: dict, roles: dict, plan_roles: dict,
            day: object) -> str:
    p = dict(change.params)
    role = lambda value: _role_name(catalog, value, lang)  # noqa: E731
    if change.kind in ("role", "target_choice", "target"):
        key = f"review.change_{change.kind}"
        if change.kind == "target_choice" and p.get("date"):
            key += "_dated"
        return t(key, lang, before=role(p["before"]), after=role(p["after"]),
                 date=day(p.get("date")))  # type: ignore[operator]
    if change.kind == "removed_many":
        names = [milestone_label(old[i], catalog, lang, roles.get(old[i].step)) for i in p["ids"]]
        return t("review.removed_many", lang, count=p["count"], milestones=t("list.sep", lang).join(names))
    if change.kind == "added_many":
        return t("review.added_many", lang, count=p["count"])
    if change.kind == "target_date":
        return t("review.change_target_date", lang, role=role(p["role"]), before=day(p["before"]),  # type: ignore[operator]
                 after=day(p["after"]))  # type: ignore[operator]
    if change.kind == "target_unreachable":
        return t("review.change_target_unreachable", lang, target=role(p["target"]), role=role(p["role"]))
    if change.kind == "employment":
        return t("review.change_employment", lang, before=t(f"employment.{p['before']}", lang),
                 after=t(f"employment.{p['after']}", lang))
    if change.kind == "health":
        return t("review.change_health_strain" if p["strain"] else "review.change_health_better", lang)
    if change.kind == "route":
        arrow = " → "
        return t("review.change_route", lang, before=arrow.join(role(r) for r in p["before"]),
                 after=arrow.join(role(r) for r in p["after"]) or t("review.no_route", lang))
    if change.kind == "recounted":
        return t("review.change_recounted", lang, date=day(p["from"]))  # type: ignore[operator]
    if change.kind in ("redated", "removed"):
        m = old[p["id"]]
        name = milestone_label(m, catalog, lang, roles.get(m.step))
        if change.kind == "redated":
            return t(f"review.redated_{p['why']}", lang, milestone=name, before=day(p["before"]),  # type: ignore[operator]
                     after=day(p["after"]))  # type: ignore[operator]
        return t(f"review.removed_{p['why']}", lang, milestone=name)
    if change.kind == "added":
        m = new[p["id"]]
        name = milestone_label(m, catalog, lang, plan_roles.get(m.step))
        return t(f"review.added_{p['why']}", lang, milestone=name, date=day(p["due"]))  # type: ignore[operator]
    return t(f"review.change_{change.kind}", lang)
