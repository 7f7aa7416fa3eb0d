"""Step 3 of the method: the route's time, dated SMART milestones for every step at a pace a
person can keep, the list of what waits for the next review, the want → need → do chains and
the review dates.

The pace, in one place: every step works on its skills by importance × gap; every gap of
importance 4 or more gets at least its first milestone in its own step; at most three skills
are worked on at once; at most one career milestone falls in a calendar month (so a half-year
holds six at most). A step too short for the milestones it must hold is lengthened, and that
length is the one every table, the route, the timeline and career-plan.json show.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace

from dateutil.relativedelta import relativedelta

from cc_career.core.kpi import ORDER as KPI_ORDER
from cc_career.core.kpi import is_seconds
from cc_career.core.models.answers import Answers
from cc_career.core.models.catalog import Catalog, Role, Text
from cc_career.core.models.plan import (
    BacklogItem,
    CertificationGap,
    Chain,
    Figure,
    Gap,
    Kind,
    KpiGoal,
    Milestone,
    Phrase,
    Rating,
    Route,
    Step,
)
from cc_career.core.plan import certificates
from cc_career.core.plan import gap as gaps_of
from cc_career.core.plan import route as routes

CHECK_IN_DAYS = 21  # under strain, phase 1 lasts until a check-in three weeks out
SAME_ROLE_MONTHS = 12  # with no move to make, skills are planned over a year
MAX_AT_ONCE = 3  # skills worked on at the same time
MUST_COVER = 4  # every gap this important gets a milestone in its own step
MAX_CHAINS = 3
# Besides entry roles (operators), these roles still have an SV to ask; everyone else asks
# their own manager.
HAS_AN_SV = {"leader", "it_support"}
PART_TIME_PACE = 2  # a part-timer's plan is lighter: a dated milestone every other month at most
KIND_ORDER = {"health": 0, "kpi": 1, "skill": 2, "course": 3, "application": 4, "certificate": 5, "result": 6,
              "registration": 7, "move": 8}


def boss(role: Role) -> Phrase:
    """Whom someone in `role` asks: the SV, or for an SV and above their own manager."""
    return Phrase("planner.sv" if role.entry or role.id in HAS_AN_SV else "planner.manager")


def _fill(text: Text, role: Role) -> Phrase:
    """A sentence of the data, its `{sv}` the person whom someone in `role` asks."""
    return Phrase(text=text, params={"sv": boss(role)})


def check_in_date(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=CHECK_IN_DAYS)


def months_per_milestone(answers: Answers) -> int:
    """At most one dated career milestone in this many months."""
    return PART_TIME_PACE if answers.current.employment == "part_time" else 1


# ---- the time of the route -------------------------------------------------------------------


def timed_route(catalog: Catalog, answers: Answers, ratings: dict[str, Rating], goal: str,
                begin: dt.date, strain: bool) -> Route:
    """The route to `goal` with every step as long as it takes this person: the typical time,
    less the experience already had, paced more gently under strain, each move waiting for
    the experience of the kind it asks for (IT years for infrastructure), the last step waiting
    for the experience the target role usually asks for, and each step long enough for the
    milestones it must hold. The recommendation table and the plan both use this."""
    way = routes.plan_route(catalog, answers.current.role, goal, begin,
                            years_in_role=answers.current.years_in_role, strain=strain)
    if not way.steps:
        return way
    way = routes.wait_for_experience(way, answers.current.years_in_role, answers.current.years_total)
    short = gaps_of.experience_short(answers, way)
    if short:
        way = routes.extend_last_step(way, math.ceil(short * 12))
    stages = gaps_of.staged_gaps(ratings, way)
    pace = months_per_milestone(answers)
    kpi_found = False
    for step in way.steps:
        fixed, kpi_found = _fixed_count(step, answers, strain, kpi_found)
        must = sum(1 for g in stages[step.index] if g.importance >= MUST_COVER
                   and _climbs(catalog, g, step.source, answers.current.channels)[0])
        way = routes.lengthen(way, step.index, (must + fixed) * pace - way.steps[step.index - 1].months)
    return way


def _fixed_count(step: Step, answers: Answers, strain: bool, kpi_found: bool) -> tuple[int, bool]:
    """How many milestones of a step are not skill climbs (KPI, certificate, the move)."""
    find, goals, _ = _kpi_plan(step, answers, strain, kpi_found)
    return 1 + bool(find) + bool(goals) + 1, kpi_found or bool(find)  # + a certificate slot


# ---- milestones ------------------------------------------------------------------------------


@dataclass
class _Item:
    """A milestone before it has a date."""

    kind: Kind
    id: str
    action: Phrase
    check: Phrase
    skill_id: str | None = None
    level_from: int | None = None
    level: int | None = None
    certificate: str | None = None
    kpis: tuple[KpiGoal, ...] = ()
    needed: int | None = None  # a skill climb: the level its step needs
    must: bool = False  # the first climb of an important gap: never left for later


def lay_milestones(
    catalog: Catalog,
    answers: Answers,
    ratings: dict[str, Rating],
    way: Route,
    certifications: list[CertificationGap],
    begin: dt.date,
    strain: bool,
    dated_steps: int,
    today: dt.date,
) -> tuple[list[Milestone], list[BacklogItem]]:
    """Milestones for the first `dated_steps` steps (health steps first under strain), and the
    backlog: what the pace, an outlined later step or missing data keeps from being dated."""
    milestones: list[Milestone] = []
    backlog: list[BacklogItem] = []
    if strain:
        milestones += _health_milestones(answers, today, catalog.roles[answers.current.role])
    stages = gaps_of.staged_gaps(ratings, way)
    channels = answers.current.channels
    pace = months_per_milestone(answers)
    if not way.steps:
        if strain and not answers.ideal.target_role:  # target open: recovery first
            backlog += [BacklogItem("recovery", 0, g.skill_id, g.now, g.needed) for g in stages[0]]
        else:
            role = catalog.roles[answers.current.role]
            must = sum(1 for g in stages[0] if g.importance >= MUST_COVER)
            months = max(SAME_ROLE_MONTHS, must * pace)
            items, later = _skill_items(catalog, stages[0], 0, role, channels, months // pace)
            dated, dropped = _fitted(items, begin, months, 0, pace)
            milestones += dated
            backlog += later + dropped
        return milestones, backlog
    kpi_found = False
    reached = gaps_of.levels_of(ratings)  # what the dated milestones actually reach, step by step
    for step in way.steps:
        # A level the pace left for later is still to climb: later steps start from there.
        gaps = [replace(g, now=min(g.now, reached.get(g.skill_id, 0))) for g in stages[step.index]]
        if step.index > dated_steps:
            backlog += [BacklogItem("later_step", step.index, g.skill_id, g.now, g.needed) for g in gaps]
            continue
        find, goals, waiting = _kpi_plan(step, answers, strain, kpi_found)
        kpi_found = kpi_found or bool(find)
        backlog += [BacklogItem("strain" if strain else "figure_unknown", step.index, kpi=name)
                    for name in waiting]
        fixed = 1 + bool(find) + bool(goals)
        certs = _certificate_milestones(catalog, answers, step, certifications)
        # The exam's steps keep the issuer's dates, outside the step's slots; studying for it
        # takes about one slot's worth of the person's time.
        fixed += min(1, len(certs))
        skills, later = _skill_items(catalog, gaps, step.index, step.source, channels,
                                     step.months // pace - fixed)
        backlog += later
        sequence = ([_kpi_find_item(step, find)] if find else []) + skills
        if goals:
            sequence.append(_kpi_item(step, goals))
        sequence.append(_move_item(step, answers))
        dated, dropped = _fitted(sequence, step.start, step.months, step.index, pace)
        milestones += dated + certs  # exams keep the dates of their real sittings
        backlog += dropped
        for m in dated:
            if m.kind == "skill" and m.skill_id:
                reached[m.skill_id] = max(reached.get(m.skill_id, 0), m.level or 0)
    return milestones, _settled(backlog, milestones)


def _fitted(items: list[_Item], start: dt.date, months: int, step: int,
            pace: int) -> tuple[list[Milestone], list[BacklogItem]]:
    """The step's milestones with every check's time window fitting its date: a climb whose
    window cannot fit (and that is not the first climb of an important gap) waits for the next
    review with its skill's later levels, and the others are placed again."""
    dropped: list[BacklogItem] = []
    while True:
        milestones = _dated(items, start, months, step, pace)
        late = next((item for item, m in zip(items, milestones, strict=True)
                     if item.kind == "skill" and not item.must and m.started is not None
                     and _window(item.check) > max(1, _months_between(m.started, m.date))),
                    None)
        if late is None:
            return milestones, dropped
        dropped.append(BacklogItem("pace", step, late.skill_id, late.level_from, late.needed))
        items = [i for i in items
                 if not (i.skill_id == late.skill_id and (i.level or 0) >= (late.level or 0))]


def _window(check: Phrase) -> int:
    text = check.text
    return 0 if text is None else max(window_months(text.ja, "ja"), window_months(text.en, "en"))


def _settled(backlog: list[BacklogItem], milestones: list[Milestone]) -> list[BacklogItem]:
    """The backlog without what a later step took up: a level left for later by the pace of one
    step may be climbed in the next."""
    top: dict[str, int] = {}
    for m in milestones:
        if m.kind == "skill" and m.skill_id and m.level:
            top[m.skill_id] = max(top.get(m.skill_id, 0), m.level)
    kept: list[BacklogItem] = []
    seen: dict[tuple[str, int, str | None, str | None], int] = {}
    for item in backlog:
        if item.skill_id and item.reason in ("pace", "no_action") and item.level_to is not None:
            start = max(item.level_from or 0, top.get(item.skill_id, 0))
            if start >= item.level_to:
                continue
            item = replace(item, level_from=start)
        key = (item.reason, item.step, item.skill_id, item.kpi)
        if key in seen:  # the same climb left for later twice: keep it once, from the lower level
            earlier = kept[seen[key]]
            kept[seen[key]] = replace(earlier, level_from=min(earlier.level_from or 0, item.level_from or 0))
            continue
        seen[key] = len(kept)
        kept.append(item)
    return kept


def _climbs(catalog: Catalog, gap: Gap, role: Role, channels: list[str]) -> tuple[list[_Item], int | None]:
    """The skill milestones of one gap, a level each, as far as the data has an action that
    fits the person; and the level where it had none (None: every level has one)."""
    skill = catalog.skills[gap.skill_id]
    items = []
    for level in range(gap.now, gap.needed):
        action = skill.action_for(level, role.id, channels)
        if action is None:
            return items, level
        items.append(_Item(kind="skill", id=f"s{gap.step}-{gap.skill_id}-{level + 1}",
                           action=_fill(action.do, role), check=_fill(action.check, role),
                           skill_id=gap.skill_id, level_from=level, level=level + 1, needed=gap.needed,
                           must=level == gap.now and gap.importance >= MUST_COVER))
    return items, None


def _skill_items(catalog: Catalog, gaps: list[Gap], step: int, role: Role, channels: list[str],
                 room: int) -> tuple[list[_Item], list[BacklogItem]]:
    """The climbs a step can hold in `room` slots, in the order they are worked on: every
    important gap's first level, then the rest by level and weight; at most three skills at a
    time, the heaviest first. What does not fit is returned for the backlog."""
    backlog: list[BacklogItem] = []
    ladders: list[tuple[Gap, list[_Item]]] = []
    for gap in gaps:  # already heaviest first
        items, stuck = _climbs(catalog, gap, role, channels)
        if stuck is not None:
            backlog.append(BacklogItem("no_action", step, gap.skill_id, stuck, gap.needed))
        if items:
            ladders.append((gap, items))
    chosen: dict[str, int] = {}  # skill → how many of its levels fit
    for gap, _items in ladders:
        if gap.importance >= MUST_COVER and len(chosen) < room:
            chosen[gap.skill_id] = 1
    rest = sorted(((offset, -gap.weight, rank, gap.skill_id)
                   for rank, (gap, items) in enumerate(ladders) for offset in range(len(items))),)
    for offset, _, _, skill_id in rest:
        if sum(chosen.values()) >= room:
            break
        if chosen.get(skill_id, 0) == offset:
            chosen[skill_id] = offset + 1
    for gap, items in ladders:
        kept = chosen.get(gap.skill_id, 0)
        if kept < len(items):
            backlog.append(BacklogItem("pace", step, gap.skill_id, items[kept].level_from, gap.needed))
    # Important gaps start first, so their first climb has the time its check asks for.
    ordered = sorted(ladders, key=lambda ladder: ladder[0].importance < MUST_COVER)
    queue = [items[:chosen[gap.skill_id]] for gap, items in ordered if chosen.get(gap.skill_id)]
    order: list[_Item] = []
    active = queue[:MAX_AT_ONCE]
    waiting = queue[MAX_AT_ONCE:]
    while active:
        for ladder in list(active):
            order.append(ladder.pop(0))
            if not ladder:
                index = active.index(ladder)
                active.remove(ladder)
                if waiting:
                    active.insert(index, waiting.pop(0))
    return order, backlog


def _dated(items: list[_Item], start: dt.date, months: int, step: int, pace: int = 1) -> list[Milestone]:
    """Place `items` in the step's slots (one every `pace` months, the last on the step's end),
    spread evenly, but each no earlier than its check's time window allows after its work
    starts, as far as the slots left for the items after it permit. Each milestone records
    when its work starts; a check whose window still does not fit is shortened to fit."""
    if not items:
        return []
    slots = max(months // pace, len(items))
    final = {item.skill_id: index for index, item in enumerate(items) if item.kind == "skill"}
    last_of: dict[str, int] = {}
    entered: dict[str, int] = {}
    finished = 0  # the slot where a skill last finished its climb in this step
    taken = 0
    placed: list[tuple[_Item, int, int | None]] = []
    for index, item in enumerate(items):
        even = math.ceil((index + 1) * slots / len(items))
        latest = slots - (len(items) - 1 - index)
        begun: int | None = 0
        if item.kind == "skill" and item.skill_id:
            # The first three skills start with the step; any other takes the place of one
            # that has finished, so no more than three run at once.
            entered.setdefault(item.skill_id, 0 if len(entered) < MAX_AT_ONCE else finished)
            begun = last_of.get(item.skill_id, entered[item.skill_id])
        elif item.kind == "move" or item.id.endswith("-find"):
            begun = None  # the move is checked by its outcome; "find out" looks back
        wanted = even
        if begun is not None:
            wanted = max(wanted, begun + math.ceil(_window(item.check) / pace))
        slot = min(latest, max(taken + 1, wanted))
        if item.kind == "skill" and item.skill_id:
            last_of[item.skill_id] = slot
            if final[item.skill_id] == index:
                finished = slot
        placed.append((item, slot, begun))
        taken = slot

    def at(slot: int) -> dt.date:
        return start + relativedelta(months=months - pace * (slots - slot))

    result: list[Milestone] = []
    for item, slot, begun in placed:
        due = at(slot)
        started = None if begun is None else (start if begun == 0 else at(begun))
        check = item.check if started is None else replace(item.check, window=_months_between(started, due))
        result.append(Milestone(id=item.id, kind=item.kind, date=due, step=step,
                                action=item.action, check=check, skill_id=item.skill_id,
                                level=item.level, level_from=item.level_from,
                                certificate=item.certificate, kpis=item.kpis, started=started))
    return result


def _months_between(start: dt.date, end: dt.date) -> int:
    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months


# ---- a check's time window fits its date -----------------------------------------------------

JA_SPAN = re.compile(r"(\d+)か月|半年|1年")
EN_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "twelve": 12}
EN_SPAN = re.compile(r"\b(a|one|two|three|four|six|twelve|\d+) (months?|years?)\b", re.IGNORECASE)


def window_months(text: str, lang: str) -> int:
    """The longest time a check speaks of, in months (0: none)."""
    found = [0]
    if lang == "ja":
        for match in JA_SPAN.finditer(text):
            found.append(int(match.group(1)) if match.group(1) else 6 if match.group(0) == "半年" else 12)
    else:
        for match in EN_SPAN.finditer(text):
            number = match.group(1).lower()
            count = EN_WORDS.get(number) or int(number)
            found.append(count * (12 if match.group(2).lower().startswith("year") else 1))
    return max(found)


# ---- the milestones that are not skill climbs --------------------------------------------------


def _certificate_milestones(catalog: Catalog, answers: Answers, step: Step,
                            certifications: list[CertificationGap]) -> list[Milestone]:
    """The first certificate the step's target role recommends that the person does not hold,
    as its dated course, application, exam and result steps in the issuer's real sittings
    (core/plan/certificates.py) that fall within the step."""
    for cert in certifications:
        if cert.role.id == step.target.id:
            return certificates.milestones(catalog.certificates, cert, answers.current.certifications,
                                           step.start, step.end, step.index)
    return []


def _kpi_plan(step: Step, answers: Answers, strain: bool,
              found: bool) -> tuple[list[str], list[KpiGoal], list[str]]:
    """For a step's KPI targets: the figures to find out first, the goals that start from the
    person's own figures, and the targets that wait (unknown figure, or strain)."""
    targets = step.move.kpis_for(answers.current.industry)
    if not targets:
        return [], [], []
    names = [n for n in KPI_ORDER if n in targets]
    if strain:  # no targets at a center while rest comes first
        return [], [], names
    kpis = answers.current.kpis
    unknown = [n for n in names if getattr(kpis, n) is None]
    goals = [KpiGoal(n, getattr(kpis, n), targets[n]) for n in names if getattr(kpis, n) is not None]
    return ([] if found else unknown), goals, unknown


def _kpi_find_item(step: Step, names: list[str]) -> _Item:
    params = {"sv": boss(step.source), "kpis": tuple(Phrase(f"kpi.label_{n}") for n in names)}
    return _Item(kind="kpi", id=f"s{step.index}-kpi-find", action=Phrase("planner.kpi_find_do", params),
                 check=Phrase("planner.kpi_find_check", params),
                 kpis=tuple(KpiGoal(n, None, step.move.kpi_targets.get(n, 0.0)) for n in names))


def _kpi_item(step: Step, goals: list[KpiGoal]) -> _Item:
    def figure(g: KpiGoal, value: float) -> Figure:  # a kept AHT says its unit
        return Figure(g.name, value, unit=g.met and is_seconds(g.name))

    listed = tuple(Phrase("planner.kpi_keep" if g.met else f"planner.kpi_{g.name}",
                          {"label": Phrase(f"kpi.label_{g.name}"), "goal": figure(g, g.goal),
                           "now": figure(g, g.now or 0)})
                   for g in goals)
    params = {"kpis": listed, "sv": boss(step.source)}
    all_met = all(g.met for g in goals)
    return _Item(kind="kpi", id=f"s{step.index}-kpi",
                 action=Phrase("planner.kpi_keep_do" if all_met else "planner.kpi_do", params),
                 check=Phrase("planner.kpi_check", params), kpis=tuple(goals))


def _move_item(step: Step, answers: Answers) -> _Item:
    """How this person makes the move: through the 派遣元 when dispatched, 正社員登用 for
    contract and part-time staff, 社内公募 or the 1on1 for full-time staff; a new occupation
    means applying outside; other departments are likelier where the company runs its own center."""
    employment = answers.current.employment
    target = step.target
    track = target.track
    if track == "career_change" and step.source.track != "career_change":
        way = f"planner.move_out_{'dispatch' if employment == 'dispatch' else 'direct'}"
    elif employment == "dispatch":
        way = "planner.move_dispatch"
    elif employment in ("contract", "part_time"):
        way = "planner.move_contract"
    else:
        way = "planner.move_full_time"
    in_house = Phrase("planner.move_in_house") if track == "other_department" else None
    action = Phrase(way, {"role": target.name, "sv": boss(step.source)}, then=in_house)
    return _Item(kind="move", id=f"s{step.index}-move-{target.id}", action=action,
                 check=Phrase("planner.move_check", {"role": target.name}))


def _health_milestones(answers: Answers, today: dt.date, role: Role) -> list[Milestone]:
    """Phase 1 under strain: only health and situation steps, due at the check-in."""
    due = check_in_date(today)
    dispatch = answers.current.employment == "dispatch"
    steps = [("h-doctor", "planner.health_doctor"),
             ("h-employer", "planner.health_tell_dispatch" if dispatch else "planner.health_tell_employer")]
    leaving = (answers.ideal.style in ("career_change", "undecided")
               or bool({"workload", "relationships"} & set(answers.concerns.reasons)))
    if leaving:
        key = "planner.health_leaving_dispatch" if dispatch else "planner.health_leaving"
        steps.append(("h-leaving", key))
    who = boss(role)
    return [Milestone(id=ident, kind="health", date=due, step=0,
                      action=Phrase(f"{key}_do", {"sv": who}), check=Phrase(f"{key}_check", {"sv": who}))
            for ident, key in steps]


# ---- chains and reviews ----------------------------------------------------------------------


def want_need_do(catalog: Catalog, answers: Answers, way: Route, gaps: list[Gap],
                 dated: int) -> list[Chain]:
    """"I want X → that needs Y → so now I do Z", for the biggest gaps of the steps the plan
    dates (the headline target's way) that have an action fitting the person."""
    if not way.steps:
        return []
    target = way.roles[dated]
    role = catalog.roles[answers.current.role]
    chains = []
    leaving = gaps_of.leaves_current_job(way)
    for gap in gaps:
        if leaving and not any(gap.skill_id in r.skills and r.skills[gap.skill_id].level > gap.now
                               for r in way.roles[1:]):
            continue  # a need of the job being left is not a reason to move
        action = catalog.skills[gap.skill_id].action_for(gap.now, role.id, answers.current.channels)
        if action is not None:
            chains.append(Chain(want=target, gap=gap, do=_fill(action.do, role)))
        if len(chains) == MAX_CHAINS:
            break
    return chains


def review_dates(begin: dt.date, end: dt.date, strain: bool) -> list[dt.date]:
    """Under strain the check-in first and then monthly for a while; every quarter in the
    first year, then twice a year, and the goal date last."""
    dates: list[dt.date] = [begin] if strain else []
    if strain:
        dates += [begin + relativedelta(months=m) for m in (1, 2)]
    month = 3
    while True:
        when = begin + relativedelta(months=month)
        if when >= end:
            break
        dates.append(when)
        month += 3 if month < 12 else 6
    if end > begin:
        dates.append(end)
    return sorted(set(dates))
