"""Step 2 of the method, the gap: what the route needs that the person does not have yet."""

from __future__ import annotations

from cc_career.core.models.answers import Answers
from cc_career.core.models.catalog import Catalog, Role
from cc_career.core.models.plan import Gap, Rating, Route
from cc_career.core.plan.route import shortest_path


def role_baseline(catalog: Catalog, role_id: str) -> dict[str, int]:
    """The levels someone in `role_id` can be assumed to have: what the role asks for, and what
    the roles on the usual way to it asked for (an SV was an operator and a leader first)."""
    ways = [shortest_path(catalog, entry, role_id) for entry in catalog.roles
            if catalog.roles[entry].entry]
    ways = [w for w in ways if w is not None]
    way = min(ways, key=lambda w: (sum(m.months for m in w), len(w)), default=[])
    roles = [catalog.roles[m.from_role] for m in way] + [catalog.roles[role_id]]
    levels: dict[str, int] = {}
    for role in roles:
        for skill_id, need in role.skills.items():
            levels[skill_id] = max(levels.get(skill_id, 0), need.level)
    return levels


def skill_ratings(answers: Answers, catalog: Catalog) -> dict[str, Rating]:
    """Every skill of the catalog at the level the plan works from, with its source."""
    own, trainer = answers.current.skills, answers.current.trainer_skills
    assumed = role_baseline(catalog, answers.current.role)
    ratings = {}
    for skill_id in catalog.skills:
        if skill_id in trainer:
            level, source = trainer[skill_id], "trainer"
        elif skill_id in own:
            level, source = own[skill_id], "self"
        else:
            level, source = assumed.get(skill_id, 0), "assumed"
        ratings[skill_id] = Rating(level=level, source=source, self_level=own.get(skill_id),
                                   trainer_level=trainer.get(skill_id))
    return ratings


def levels_of(ratings: dict[str, Rating]) -> dict[str, int]:
    return {skill_id: r.level for skill_id, r in ratings.items()}


def _gap(ratings: dict[str, Rating], skill_id: str, now: int, needed: int, importance: int,
         step: int, role: Role) -> Gap:
    rating = ratings.get(skill_id, Rating(level=0, source="assumed"))
    return Gap(skill_id=skill_id, now=now, source=rating.source, self_rating=rating.self_level,
               trainer_rating=rating.trainer_level, needed=needed, importance=importance,
               step=step, role=role)


def _by_weight(gaps: list[Gap]) -> list[Gap]:
    return sorted(gaps, key=lambda g: (-g.weight, -g.importance, -g.needed, g.skill_id))


def skill_gaps(ratings: dict[str, Rating], route: Route) -> list[Gap]:
    """Every skill a role on the route needs above the person's level, biggest weighed gap first.

    `needed` is the highest level any role on the route asks for, and `step` the first step
    whose role asks for that level: the deadline for the whole climb.
    """
    found: dict[str, Gap] = {}
    for step, role in enumerate(route.roles):
        for skill_id, need in role.skills.items():
            known = found.get(skill_id)
            have = ratings[skill_id].level if skill_id in ratings else 0
            if need.level <= max(have, known.needed if known else 0):
                continue
            found[skill_id] = _gap(ratings, skill_id, have, need.level,
                                   max(need.importance, known.importance if known else 0), step, role)
    return _by_weight(list(found.values()))


def leaves_current_job(route: Route) -> bool:
    """Someone leaving contact-center work is not trained further for the job they leave."""
    return bool(route.steps) and route.steps[0].target.track == "career_change" \
        and route.roles[0].track != "career_change"


def staged_gaps(ratings: dict[str, Rating], route: Route) -> dict[int, list[Gap]]:
    """The same gaps cut into what each step of the route adds: the levels its target role
    needs beyond what the person has, or will have after the steps before. The current
    role's own needs are worked on in the first step. Each step's list: biggest first."""
    reached = levels_of(ratings)
    last = len(route.steps)
    stages: dict[int, list[Gap]] = {step: [] for step in range(last + 1)}
    leaving = leaves_current_job(route)
    for index, role in enumerate(route.roles):
        if index == 0 and leaving:
            continue
        step = max(index, min(1, last))
        for skill_id, need in role.skills.items():
            have = reached.get(skill_id, 0)
            if need.level <= have:
                continue
            # The first step also carries the current role's needs: one climb per skill there.
            earlier = next((g for g in stages[step] if g.skill_id == skill_id), None)
            if earlier is not None:
                stages[step].remove(earlier)
            stages[step].append(_gap(ratings, skill_id, earlier.now if earlier else have, need.level,
                                     max(need.importance, earlier.importance if earlier else 0),
                                     step, role))
            reached[skill_id] = need.level
    return {step: _by_weight(gaps) for step, gaps in stages.items()}


def strengths(ratings: dict[str, Rating], route: Route) -> list[tuple[str, int]]:
    """Skills the person (or their trainer) rated at 3 or more, or at every need on the route.
    Assumed levels are never called strengths: nobody said so."""
    needed: dict[str, int] = {}
    for role in route.roles:
        for skill_id, need in role.skills.items():
            needed[skill_id] = max(needed.get(skill_id, 0), need.level)
    strong = [
        (skill_id, r.level)
        for skill_id, r in ratings.items()
        if r.rated and (r.level >= 3 or (r.level >= 2 and skill_id in needed and r.level >= needed[skill_id]))
    ]
    return sorted(strong, key=lambda item: (-item[1], item[0]))


def disagreements(answers: Answers) -> list[tuple[str, int | None, int]]:
    """Skills where the self-rating and the trainer's rating differ, largest difference first;
    a skill only the trainer rated is listed with None for the self-rating."""
    own = answers.current.skills
    rows = [
        (skill_id, own.get(skill_id), trainer)
        for skill_id, trainer in answers.current.trainer_skills.items()
        if own.get(skill_id) != trainer and skill_id in own
    ]
    return sorted(rows, key=lambda r: (-abs((r[1] or 0) - r[2]), r[0]))


def experience_short(answers: Answers, route: Route) -> float:
    """Years of experience the target role usually needs beyond what the route's end gives."""
    at_end = answers.current.years_total + route.months / 12
    return max(0.0, round(route.roles[-1].min_years_experience - at_end, 1))
