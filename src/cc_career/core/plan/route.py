"""Step 2 of the method, the way there: the route through the path graph, placed in time."""

from __future__ import annotations

import datetime as dt
import heapq
import math
from dataclasses import replace

from dateutil.relativedelta import relativedelta

from cc_career.core.models.catalog import Catalog, ExperienceKind, Role, Transition
from cc_career.core.models.plan import Route, Step

MIN_STEP_MONTHS = 3  # even with time served, a move needs a few months of deliberate work
STRAIN_PACE = 1.25  # under strain, every step gets a quarter more time


def shortest_path(catalog: Catalog, start: str, goal: str) -> list[Transition] | None:
    """The moves from `start` to `goal` with the fewest typical months (ties: fewer steps,
    then role ids), or None when `goal` cannot be reached."""
    found = routes_from(catalog, start).get(goal)
    return None if found is None else list(found[2])


def routes_from(catalog: Catalog, start: str) -> dict[str, tuple[int, int, tuple[Transition, ...]]]:
    """The best route from `start` to every role it reaches: (months, moves, the moves). One
    search per start role, kept on the catalog: ranking asks for every role of the map, and a
    search per role (each copying its paths) made a long chain of roles take hours."""
    memo = catalog.__dict__.setdefault("_routes", {})  # frozen dataclass: its own dict is free
    if start not in memo:
        memo[start] = _search(catalog, start)
    return memo[start]


def _search(catalog: Catalog, start: str) -> dict[str, tuple[int, int, tuple[Transition, ...]]]:
    # Dijkstra on (months, steps, roles on the way); the best route to a role extends the best
    # route to the role before it, so each role keeps only its best route and its key.
    best: dict[str, tuple[int, int, tuple[str, ...]]] = {start: (0, 0, (start,))}
    moves_to: dict[str, tuple[Transition, ...]] = {start: ()}
    queue: list[tuple[int, int, tuple[str, ...]]] = [(0, 0, (start,))]
    settled: set[str] = set()
    while queue:
        key = heapq.heappop(queue)
        here = key[2][-1]
        if here in settled or best[here] != key:
            continue
        settled.add(here)
        months, steps, roles = key
        for move in catalog.outgoing(here):
            if move.to in settled:
                continue
            candidate = (months + move.months, steps + 1, (*roles, move.to))
            if move.to not in best or candidate < best[move.to]:
                best[move.to] = candidate
                moves_to[move.to] = (*moves_to[here], move)
                heapq.heappush(queue, candidate)
    return {role: (key[0], key[1], moves_to[role]) for role, key in best.items() if role in settled}


def typical_months(catalog: Catalog, start: str, goal: str) -> int | None:
    found = routes_from(catalog, start).get(goal)
    return None if found is None else found[0]


def plan_route(
    catalog: Catalog,
    start: str,
    goal: str,
    begin: dt.date,
    *,
    years_in_role: float,
    strain: bool,
) -> Route:
    """Lay the moves on the calendar from `begin`. Time already served in the current role
    counts toward the first move (at most half of it); under strain every step is paced more
    gently."""
    moves = shortest_path(catalog, start, goal) or []
    steps = []
    for index, move in enumerate(moves, start=1):
        credit = min(round(years_in_role * 12), move.months // 2) if index == 1 else 0
        months = move.months - credit
        if strain:
            months = round(months * STRAIN_PACE)
        months = max(months, MIN_STEP_MONTHS)
        end = begin + relativedelta(months=months)
        steps.append(Step(index=index, move=move, source=catalog.roles[move.from_role],
                          target=catalog.roles[move.to], months=months, start=begin, end=end,
                          credit=credit, extra=months - (move.months - credit)))
        begin = end
    roles = (catalog.roles[start], *(s.target for s in steps))
    return Route(roles=roles, steps=tuple(steps))


def experience_months(role: Role, years_in_role: float, years_total: float) -> dict[str, int]:
    """The experience of each kind, in months, someone has today: the current role's kinds for
    the time in it, contact-center and support work for the whole working time the answers
    give, and any experience for all of it."""
    here = round(years_in_role * 12)
    have = dict.fromkeys(role.experience, here)
    have["contact_center"] = max(have.get("contact_center", 0), round(years_total * 12))
    have["any"] = max(here, round(years_total * 12))
    return have


def _gives(role: Role, kind: ExperienceKind) -> bool:
    return kind == "any" or kind in role.experience


def experience_at_moves(way: Route, years_in_role: float, years_total: float) -> list[dict[str, int]]:
    """For each step, the experience of each kind (months) the person has on the day of the
    move: what they have today plus the time spent in each role of the route before it."""
    if not way.steps:
        return []
    have = experience_months(way.roles[0], years_in_role, years_total)
    at_moves = []
    for step in way.steps:
        for kind in (*step.source.experience, "any"):
            have[kind] = have.get(kind, 0) + step.months
        at_moves.append(dict(have))
    return at_moves


def wait_for_experience(way: Route, years_in_role: float, years_total: float) -> Route:
    """The route with every move no earlier than the experience it asks for (`min_years` of
    the kind `counts` names): a step whose role gives that experience lasts until it is there.
    A move whose role before it does not give that kind cannot be waited for, and stays."""
    for step in way.steps:
        move = step.move
        if move.min_years is None or move.counts is None or not _gives(step.source, move.counts):
            continue
        have = experience_at_moves(way, years_in_role, years_total)[step.index - 1].get(move.counts, 0)
        short = math.ceil(move.min_years * 12) - have
        if short > 0:
            way = lengthen(way, step.index, short)
            steps = list(way.steps)
            steps[step.index - 1] = replace(steps[step.index - 1], waits=step.waits + short)
            way = replace(way, steps=tuple(steps))
    return way


def lengthen(way: Route, index: int, months: int) -> Route:
    """The same route with step `index` (1-based) `months` longer and the later steps moved on."""
    if months <= 0:
        return way
    steps = []
    for step in way.steps:
        if step.index < index:
            steps.append(step)
            continue
        start = steps[-1].end if steps else step.start
        extra = months if step.index == index else 0
        steps.append(replace(step, months=step.months + extra, extra=step.extra + extra, start=start,
                             end=start + relativedelta(months=step.months + extra)))
    return replace(way, steps=tuple(steps))


def extend_last_step(way: Route, months: int) -> Route:
    """The same route with its last move `months` longer."""
    return lengthen(way, len(way.steps), months)
