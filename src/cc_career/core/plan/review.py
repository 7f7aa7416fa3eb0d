"""The check-in (軌道修正): a progress report applied to the previous plan and answers gives the
new answers, a re-plan from today and the facts of the progress report. Pure: no i18n, no
files, no clock (`today` is an input).

The re-plan is the planner's own plan from today with the updated answers, so its pace limits
hold as they do for every plan; what the review adds is memory. Done milestones stay done with
their date (`Plan.settled`); a milestone matching one that is done, or one dropped because the
person changed their mind, is not planned again; milestones that still make sense keep their
id (matched by what they are about: a skill and level, a certificate grade, the move to a role).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from dateutil.relativedelta import relativedelta

from cc_career.core.models.answers import Answers
from cc_career.core.models.catalog import Catalog
from cc_career.core.models.plan import Milestone, Plan
from cc_career.core.models.plan_file import MilestonePart, PlanFile, SettledPart
from cc_career.core.models.progress import MilestoneCheck, Progress
from cc_career.core.plan import build_plan, certificates

COMING_NEXT = 3  # besides what is due, the check-in asks about the next few milestones
LATE_FOR_A_TALK = 2  # this many milestones late (or a health change): talk it over with the SV
AHEAD_DAYS = 14  # done more than two weeks before its date: ahead of the plan
KPIS = ("aht_seconds", "fcr_rate", "csat")


@dataclass(frozen=True)
class Outcome:
    """One milestone of the previous plan, as the check-in found it, and what the re-plan did."""

    id: str
    kind: str
    due: dt.date
    status: str  # done | partly | not_yet | dropped | open (not due and not reported)
    on: dt.date | None = None  # done: when
    reason: str | None = None  # dropped: why
    new_id: str | None = None  # the milestone's id in the new plan (None: not in it)
    new_due: dt.date | None = None
    timing: str = "open"  # on_time | ahead | late (done late, or past its date and not done) | dropped | open


@dataclass(frozen=True)
class Change:
    """One thing that changed in the plan, and why; `kind` picks the sentence, `params` fill it."""

    kind: str  # target | target_date | role | employer | employment | health | route | added | removed
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Review:
    today: dt.date
    previous: PlanFile
    answers_before: Answers
    answers: Answers  # the new answers (saved as cc-career-answers.yaml)
    plan: Plan  # the re-plan
    outcomes: tuple[Outcome, ...]  # every planned milestone of the previous plan, in its order
    skills: tuple[tuple[str, int | None, int], ...]  # (skill, level before or None, level now): changed ones
    kpis: tuple[tuple[str, float | None, float], ...]  # (kpi, before, now): changed ones
    certificates_gained: tuple[str, ...]
    changes: tuple[Change, ...]
    late: int  # milestones past their date and not done
    needs_talk: bool

    def outcome(self, milestone_id: str) -> Outcome:
        return next(o for o in self.outcomes if o.id == milestone_id)


def to_ask(previous: PlanFile, today: dt.date) -> list[MilestonePart]:
    """The milestones a check-in asks about: every one due by today, and the next few."""
    due = [m for m in previous.milestones if m.due <= today]
    coming = [m for m in previous.milestones if m.due > today][:COMING_NEXT]
    return due + coming


def key_of(kind: str, milestone_id: str, skill: str | None, level_to: int | None,
           certificate: str | None, step_role: str | None) -> tuple[str | int | None, ...]:
    """What a milestone is about, whatever its step number: the same key in two plans is the
    same milestone (so it keeps its id). Every key but a health step's names the role its step
    leads to: a climb toward another role is another milestone, even for the same skill."""
    if kind == "skill":
        return ("skill", step_role, skill, level_to)
    if kind == "kpi":
        return ("kpi-find",) if milestone_id.endswith("-find") else ("kpi", step_role)
    if kind == "move":
        return ("move", step_role)
    if kind == "health":
        return ("health", milestone_id)
    return (kind, step_role, milestone_id.split("-", 2)[-1] if certificate is None else certificate,
            milestone_id.rsplit(certificate, 1)[-1] if certificate else "")


def _old_key(m: MilestonePart | SettledPart, previous: PlanFile) -> tuple[str | int | None, ...]:
    role = getattr(m, "role", None) or _step_role(previous, m.step)
    return key_of(m.kind, m.id, m.skill, m.level_to, m.certificate, role)


def _step_role(previous: PlanFile, step: int) -> str | None:
    return next((s.to for s in previous.route if s.step == step), None)


def _new_key(m: Milestone, plan: Plan) -> tuple[str | int | None, ...]:
    role = plan.route.steps[m.step - 1].target.id if 0 < m.step <= len(plan.route.steps) else None
    return key_of(m.kind, m.id, m.skill_id, m.level, m.certificate, role)


def new_answers(previous: PlanFile, answers: Answers, progress: Progress, catalog: Catalog,
                today: dt.date) -> tuple[Answers, list[Change]]:
    """The answers as they stand today: time served, re-rated skills (a done climb counts as
    reached), new figures and certificates, and the changes of circumstance."""
    current, ideal, concerns = answers.current, answers.ideal, answers.concerns
    changes: list[Change] = []
    checks = progress.milestones
    done = {m.id: m for m in previous.milestones if m.id in checks and checks[m.id].status == "done"}
    skills = dict(current.skills)
    trainer = dict(current.trainer_skills)
    for m in done.values():
        if m.kind == "skill" and m.skill and m.level_to is not None:
            skills[m.skill] = max(skills.get(m.skill, 0), m.level_to)
            trainer.pop(m.skill, None)  # the trainer's rating is from before the climb
    for m in previous.milestones:  # "not yet" on an unrated skill's climb: the level it starts from
        check = checks.get(m.id)
        if (check is not None and check.status in ("partly", "not_yet") and m.kind == "skill" and m.skill
                and m.skill not in skills and m.skill not in trainer and m.level_from is not None):
            skills[m.skill] = m.level_from
    for skill, level in progress.skills.items():
        floor = max((m.level_to or 0 for m in done.values() if m.skill == skill), default=0)
        skills[skill] = max(level, floor)
        trainer.pop(skill, None)
    kpis = current.kpis.model_copy(update={k: getattr(progress.kpis, k) for k in KPIS
                                           if getattr(progress.kpis, k) is not None})
    gained = [c for c in progress.certifications if c not in current.certifications]
    for m in done.values():
        if m.kind in ("certificate", "result", "registration") and m.certificate:
            name = _grade_name(catalog, m.certificate)
            if name and name not in current.certifications and name not in gained:
                gained.append(name)
    role = progress.changes.role
    moved = next((m for m in done.values() if m.kind == "move"), None)
    if role is None and moved is not None:
        role = _step_role(previous, moved.step)
    years = _years_between(previous.made_on, today)
    years_total = round(min(50.0, current.years_total + years), 1)
    years_in_role = round(min(years_total, current.years_in_role + years), 1)
    if role is not None and role != current.role:
        changes.append(Change("role", {"before": current.role, "after": role}))
        years_in_role = 0.0
    else:
        role = current.role
    if progress.changes.employer:
        changes.append(Change("employer"))
    employment = progress.changes.employment or current.employment
    if employment != current.employment:
        changes.append(Change("employment", {"before": current.employment, "after": employment}))
    target = progress.changes.target_role or ideal.target_role
    if progress.changes.target_role and progress.changes.target_role != ideal.target_role:
        changes.append(Change("target_choice", {"before": ideal.target_role, "after": target}))
    if target is not None and target != role and catalog.months_between(role, target) is None:
        changes.append(Change("target_unreachable", {"target": target, "role": role}))
        target = None
    health = progress.changes.health
    new_concerns = concerns
    if health is not None:
        new_concerns = concerns.model_copy(update={"sleep_trouble": health.sleep_trouble,
                                                   "physical_symptoms": health.physical_symptoms})
        if new_concerns.strain != concerns.strain:
            changes.append(Change("health", {"strain": new_concerns.strain}))
    updated = answers.model_copy(update={
        "today": today,
        "current": current.model_copy(update={
            "role": role, "employment": employment, "years_in_role": years_in_role,
            "years_total": years_total, "skills": skills, "trainer_skills": trainer, "kpis": kpis,
            "certifications": [*current.certifications, *gained][:50]}),
        "ideal": ideal.model_copy(update={"target_role": target}),
        "concerns": new_concerns,
    })
    return Answers.model_validate(updated.model_dump()), changes


def _grade_name(catalog: Catalog, ref: str) -> str | None:
    cert_id, _, grade_id = ref.partition(".")
    cert = catalog.certificates.get(cert_id)
    if cert is None or not any(g.id == grade_id for g in cert.grades):
        return None
    return certificates.full_name(cert, cert.grade(grade_id)).ja


def _years_between(start: dt.date, end: dt.date) -> float:
    return max(0.0, (end - start).days / 365.25)


def review(previous: PlanFile, answers: Answers, progress: Progress, catalog: Catalog,
           today: dt.date) -> Review:
    """Apply one check-in to the previous plan: the new answers, the re-plan and the report."""
    updated, changes = new_answers(previous, answers, progress, catalog, today)
    fresh = build_plan(updated, catalog, today)
    checks = progress.milestones

    # What is settled for good: earlier reviews' records, and what this check-in settles.
    settled = list(previous.settled)
    for m in previous.milestones:
        check = checks.get(m.id)
        if check is not None and check.status in ("done", "dropped"):
            settled.append(_settle(m, check, previous, today))
    done_keys = {_old_key(s, previous): s for s in settled if s.status == "done"}
    given_up = [s for s in settled if s.status == "dropped" and s.reason == "changed_mind"]

    done_levels = {(s.skill, s.level_to) for s in settled if s.status == "done" and s.kind == "skill"}

    def excluded(m: Milestone) -> bool:
        key = _new_key(m, fresh)
        if key in done_keys or (m.kind == "skill" and (m.skill_id, m.level) in done_levels):
            return True
        if m.kind == "skill":  # a climb given up stays given up, with every level above it
            return any(s.kind == "skill" and s.skill == m.skill_id and (m.level or 0) >= (s.level_to or 0)
                       for s in given_up)
        return any(s.kind == m.kind and _old_key(s, previous) == key for s in given_up)

    # Dropped for another reason (no time, no opening, health): not re-dated at this check-in;
    # the next review plans it again if it still belongs to the route.
    paused = [m for m in previous.milestones if m.id in checks and checks[m.id].status == "dropped"]

    def waits(m: Milestone) -> bool:
        if m.kind == "skill":  # the levels above a paused climb wait with it
            return any(p.kind == "skill" and p.skill == m.skill_id and (m.level or 0) >= (p.level_to or 0)
                       for p in paused)
        return any(_old_key(p, previous) == _new_key(m, fresh) for p in paused)

    kept = [m for m in fresh.milestones if not excluded(m) and not waits(m)]

    # Ids carry over from the previous plan wherever the milestone is the same one.
    by_key = {_old_key(m, previous): m.id for m in previous.milestones}
    taken = {s.id for s in settled}
    placed: list[Milestone] = []
    for m in kept:
        ident = by_key.get(_new_key(m, fresh), m.id)
        if ident in taken:  # the same id meant something else, now settled: keep both apart
            ident = f"{m.id}-r{today:%Y%m%d}"
        taken.add(ident)
        placed.append(replace(m, id=ident) if ident != m.id else m)
    plan = replace(fresh, milestones=tuple(placed), settled=tuple(settled))

    new_by_id = {m.id: m for m in placed}

    def reached(m: MilestonePart) -> bool:  # a climb the new ratings already hold is not late
        rating = fresh.ratings.get(m.skill or "")
        return m.kind == "skill" and rating is not None and rating.level >= (m.level_to or 0)

    outcomes = []
    for m in previous.milestones:
        check = checks.get(m.id)
        status = check.status if check is not None else ("not_yet" if m.due <= today else "open")
        moved = new_by_id.get(m.id)
        on = done_on(m, check, today) if check is not None and check.status == "done" else None
        outcomes.append(Outcome(id=m.id, kind=m.kind, due=m.due, status=status, on=on,
                                reason=check.reason if check else None, new_id=moved.id if moved else None,
                                new_due=moved.date if moved else None,
                                timing="reached" if reached(m) and status != "done"
                                else _timing(status, m.due, on, today)))
    late = sum(1 for o in outcomes if o.timing == "late" and o.status != "done")
    strain_began = plan.strain and not any(w.kind == "strain" for w in previous.warnings)
    changes += _plan_changes(previous, plan, outcomes, {p.skill for p in paused if p.kind == "skill"},
                             strain_began)
    chosen = next((c for c in changes if c.kind == "target_choice"), None)
    if chosen is not None:  # one line for the new target: the choice, with the date it now has
        headline = next((c for c in changes
                         if c.kind == "target" and c.params["after"] == chosen.params["after"]), None)
        if headline is not None:
            changes.remove(headline)
            chosen.params["date"] = headline.params["date"]
    skills_now = {s: r.level for s, r in plan.ratings.items()}
    before = {s: p.level for s, p in previous.skills.items()}
    skill_moves = tuple((s, before.get(s), skills_now[s]) for s in skills_now
                        if s in updated.current.skills and before.get(s) != skills_now[s]
                        and (s in progress.skills or before.get(s) is not None))
    kpi_moves = tuple((k, getattr(answers.current.kpis, k), getattr(updated.current.kpis, k)) for k in KPIS
                      if getattr(updated.current.kpis, k) is not None
                      and getattr(answers.current.kpis, k) != getattr(updated.current.kpis, k))
    gained = tuple(c for c in updated.current.certifications if c not in answers.current.certifications)
    health_change = any(c.kind == "health" and c.params.get("strain") for c in changes) or any(
        (checks.get(m.id) is not None and checks[m.id].reason == "health") for m in previous.milestones)
    return Review(today=today, previous=previous, answers_before=answers, answers=updated, plan=plan,
                  outcomes=tuple(outcomes), skills=skill_moves, kpis=kpi_moves,
                  certificates_gained=gained, changes=tuple(changes), late=late,
                  needs_talk=late >= LATE_FOR_A_TALK or health_change)


def done_on(m: MilestonePart, check: MilestoneCheck, today: dt.date) -> dt.date:
    """The day a milestone was done: as reported, else its own date when that has passed (a
    check-in that does not say when is not taken as "late"), else the check-in."""
    return check.on or min(m.due, today)


def _timing(status: str, due: dt.date, on: dt.date | None, today: dt.date) -> str:
    if status == "done":
        assert on is not None
        if on > due:
            return "late"
        return "ahead" if (due - on).days > AHEAD_DAYS else "on_time"
    if status == "dropped":
        return "dropped"
    return "late" if due <= today else "open"


def _settle(m: MilestonePart, check: MilestoneCheck, previous: PlanFile, today: dt.date) -> SettledPart:
    return SettledPart(id=m.id, step=m.step, kind=m.kind, due=m.due, status=check.status,  # type: ignore[arg-type]
                       on=done_on(m, check, today) if check.status == "done" else today, reason=check.reason,
                       skill=m.skill, level_from=m.level_from, level_to=m.level_to,
                       certificate=m.certificate, kpi=m.kpi,
                       role=_step_role(previous, m.step) if m.kind == "move" else None, action=m.action)


def _plan_changes(previous: PlanFile, plan: Plan, outcomes: list[Outcome], paused: set[str | None],
                  strain_began: bool) -> list[Change]:
    """What changed in the plan, as a reader compares two plans: the target and its date, the
    route, milestones re-dated (and why), added (and why) and taken out (and why)."""
    changes: list[Change] = []
    target = None if plan.target_open else plan.target.id
    date = None if plan.target_open else plan.target_end
    if target != previous.target.role:
        changes.append(Change("target", {"before": previous.target.role, "after": target, "date": date}))
    elif date != previous.target.date:
        changes.append(Change("target_date", {"role": target, "before": previous.target.date, "after": date}))
    before_route = [s.to for s in previous.route]
    after_route = [s.target.id for s in plan.route.steps]
    rerouted = previous.route[:1] and plan.route.steps[:1] and (
        previous.route[0].from_ != plan.route.steps[0].source.id or before_route[-1:] != after_route[-1:])
    if before_route != after_route or rerouted:
        start = previous.route[0].from_ if previous.route else previous.person.role
        after = [r.id for r in plan.route.roles] if plan.route.steps else []
        changes.append(Change("route", {"before": [start, *before_route], "after": after}))
    shifted = False
    recount = _off_grid_days(previous.made_on, plan.today)
    for o in outcomes:
        if o.new_due is None or o.new_due == o.due:
            continue
        if recount and o.status == "open" and abs((o.new_due - o.due).days - recount) <= MONTH_SLACK_DAYS:
            shifted = True  # moved by the days the plan now counts from today: not worth a line each
            continue
        if o.status in ("partly", "not_yet"):
            why = o.status
        elif o.kind in ("course", "application", "certificate", "result", "registration"):
            why = "dates"  # the issuer's sittings, not the planner's pace
        elif o.new_due < o.due:
            why = "earlier"
        else:
            why = "health" if strain_began else "pace"  # under strain the plan is paced more gently
        changes.append(Change("redated", {"id": o.id, "before": o.due, "after": o.new_due, "why": why}))
    if shifted:
        changes.append(Change("recounted", {"from": plan.today}))
    old_ids = {m.id for m in previous.milestones}
    def from_backlog(m: Milestone) -> bool:
        return m.kind == "skill" and any(
            b.skill == m.skill_id and (b.level_from or 0) < (m.level or 0) <= (b.level_to or 0)
            for b in previous.backlog)

    for m in plan.milestones:
        if m.id in old_ids:
            continue
        if from_backlog(m):
            why = "backlog"
        elif m.kind == "health":
            why = "health"
        elif m.id.endswith(f"-r{plan.today:%Y%m%d}") or before_route != after_route:
            why = "route"
        elif m.kind in ("course", "application", "certificate", "result", "registration"):
            why = "sitting"  # the step's new dates reach the issuer's next sitting
        else:
            why = "replanned"
        changes.append(Change("added", {"id": m.id, "due": m.date, "why": why}))
    ratings = plan.ratings
    for o in outcomes:
        if o.new_id is not None or o.status in ("done", "dropped"):
            continue
        old = next(m for m in previous.milestones if m.id == o.id)
        if old.kind == "skill" and old.skill and ratings.get(old.skill) and \
                ratings[old.skill].level >= (old.level_to or 0):
            why = "reached"
        elif old.kind == "skill" and old.skill in paused:
            why = "paused"
        elif before_route != after_route or (old.kind == "move" and after_route[:1] != before_route[:1]):
            why = "route"
        elif old.kind == "health" and not plan.strain:
            why = "health_better"
        else:
            why = "later"
        changes.append(Change("removed", {"id": o.id, "due": o.due, "why": why}))
    return _grouped(changes)


MONTH_SLACK_DAYS = 3  # months differ in length: a recounted date may move by a few days more or less


def _off_grid_days(made_on: dt.date, today: dt.date) -> int:
    """How many days past the previous plan's monthly grid (the day it was made, month after
    month) the check-in falls: the re-plan counts from today, so its dates move by about that."""
    months = 0
    while made_on + relativedelta(months=months + 1) <= today:
        months += 1
    return (today - (made_on + relativedelta(months=months))).days


MAX_LISTED = 3  # more milestones than this added or taken out for a new route: one line for them


def _grouped(changes: list[Change]) -> list[Change]:
    """A new route adds and takes out many milestones: past a few, one line says how many (the
    plan lists them), so the report stays a readable diff."""
    out: list[Change] = []
    for kind in ("added", "removed"):
        route = [c for c in changes if c.kind == kind and c.params["why"] == "route"]
        if len(route) > MAX_LISTED:
            changes = [c for c in changes if c not in route]
            ids = [c.params["id"] for c in route]
            changes.append(Change(f"{kind}_many", {"count": len(route), "ids": ids}))
    out = changes
    return out
