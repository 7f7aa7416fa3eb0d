"""Step 2 of the method, the gap: what the route needs that the person does not have yet."""

from __future__ import annotations

import unicodedata

from cc_career.models.answers import Answers
from cc_career.models.plan import CertificationGap, Gap, Route
from cc_career.plan.ideal import planning_ratings


def skill_gaps(answers: Answers, route: Route) -> list[Gap]:
    """Every skill a role on the route needs above the person's level, biggest weighed gap first.

    `needed` is the highest level any role on the route asks for; `step` is the first step
    whose role asks for more than the person has now.
    """
    ratings = planning_ratings(answers)
    trainer = answers.current.trainer_skills
    found: dict[str, Gap] = {}
    for step, role in enumerate(route.roles):
        for skill_id, need in role.skills.items():
            now = ratings.get(skill_id, 0)
            if need.level <= now:
                continue
            known = found.get(skill_id)
            found[skill_id] = Gap(
                skill_id=skill_id,
                self_rating=answers.current.skills.get(skill_id, 0),
                trainer_rating=trainer.get(skill_id),
                needed=max(need.level, known.needed if known else 0),
                importance=max(need.importance, known.importance if known else 0),
                step=known.step if known else step,
                role=known.role if known else role,
            )
    return sorted(found.values(), key=lambda g: (-g.weight, -g.importance, -g.needed, g.skill_id))


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


def certification_gaps(answers: Answers, route: Route) -> list[CertificationGap]:
    """Certifications the route's roles recommend that the person does not list yet."""
    held = [_squash(c) for c in answers.current.certifications]
    gaps: list[CertificationGap] = []
    seen: set[str] = set()
    for role in route.roles[1:] or route.roles:
        for cert in role.certifications:
            names = (_squash(cert.name.ja), _squash(cert.name.en))
            if names[0] in seen or any(_same(h, n) for h in held for n in names):
                continue
            seen.add(names[0])
            gaps.append(CertificationGap(name=cert.name, issuer=cert.issuer, role=role))
    return gaps


def experience_short(answers: Answers, route: Route) -> float:
    """Years of experience the target role usually needs beyond what the route's end gives."""
    at_end = answers.current.years_total + route.months / 12
    return max(0.0, round(route.roles[-1].min_years_experience - at_end, 1))


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def _same(held: str, name: str) -> bool:
    return bool(held) and (held in name or name in held)
