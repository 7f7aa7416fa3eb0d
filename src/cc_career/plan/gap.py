"""Step 2 of the method, the gap: what the route needs that the person does not have yet."""

from __future__ import annotations

from cc_career.models.answers import Answers
from cc_career.models.plan import Gap, Route
from cc_career.plan.ideal import planning_ratings


def skill_gaps(answers: Answers, route: Route) -> list[Gap]:
    """Every skill a role on the route needs above the person's level, biggest weighed gap first.

    `needed` is the highest level any role on the route asks for, and `step` the first step
    whose role asks for that level: the deadline for the whole climb.
    """
    ratings = planning_ratings(answers)
    trainer = answers.current.trainer_skills
    found: dict[str, Gap] = {}
    for step, role in enumerate(route.roles):
        for skill_id, need in role.skills.items():
            known = found.get(skill_id)
            if need.level <= max(ratings.get(skill_id, 0), known.needed if known else 0):
                continue
            found[skill_id] = Gap(
                skill_id=skill_id,
                self_rating=answers.current.skills.get(skill_id, 0),
                trainer_rating=trainer.get(skill_id),
                needed=need.level,
                importance=max(need.importance, known.importance if known else 0),
                step=step,
                role=role,
            )
    return sorted(found.values(), key=lambda g: (-g.weight, -g.importance, -g.needed, g.skill_id))


def staged_gaps(answers: Answers, route: Route) -> dict[int, list[Gap]]:
    """The same gaps cut into what each step of the route adds: the levels its target role
    needs beyond what the person has, or will have after the steps before. The current
    role's own needs are worked on in the first step. Each step's list: biggest first."""
    reached = dict(planning_ratings(answers))
    last = len(route.steps)
    stages: dict[int, list[Gap]] = {step: [] for step in range(last + 1)}
    for index, role in enumerate(route.roles):
        step = max(index, min(1, last))
        for skill_id, need in role.skills.items():
            have = reached.get(skill_id, 0)
            if need.level <= have:
                continue
            # The first step also carries the current role's needs: one climb per skill there.
            earlier = next((g for g in stages[step] if g.skill_id == skill_id), None)
            if earlier is not None:
                stages[step].remove(earlier)
            stages[step].append(Gap(skill_id=skill_id,
                                    self_rating=earlier.now if earlier else have, trainer_rating=None,
                                    needed=need.level,
                                    importance=max(need.importance, earlier.importance if earlier else 0),
                                    step=step, role=role))
            reached[skill_id] = need.level
    for gaps in stages.values():
        gaps.sort(key=lambda g: (-g.weight, -g.importance, -g.needed, g.skill_id))
    return stages


def strengths(answers: Answers, route: Route) -> list[tuple[str, int]]:
    """Skills the person already brings: rated 3 or more, or meeting every need on the route."""
    ratings = planning_ratings(answers)
    needed: dict[str, int] = {}
    for role in route.roles:
        for skill_id, need in role.skills.items():
            needed[skill_id] = max(needed.get(skill_id, 0), need.level)
    strong = [
        (skill_id, level)
        for skill_id, level in ratings.items()
        if level >= 3 or (level >= 2 and skill_id in needed and level >= needed[skill_id])
    ]
    return sorted(strong, key=lambda item: (-item[1], item[0]))


def disagreements(answers: Answers) -> list[tuple[str, int, int]]:
    """Skills where the self-rating and the trainer's rating differ, largest difference first."""
    own = answers.current.skills
    rows = [
        (skill_id, own.get(skill_id, 0), trainer)
        for skill_id, trainer in answers.current.trainer_skills.items()
        if own.get(skill_id, 0) != trainer
    ]
    return sorted(rows, key=lambda r: (-abs(r[1] - r[2]), r[0]))


def experience_short(answers: Answers, route: Route) -> float:
    """Years of experience the target role usually needs beyond what the route's end gives."""
    at_end = answers.current.years_total + route.months / 12
    return max(0.0, round(route.roles[-1].min_years_experience - at_end, 1))
