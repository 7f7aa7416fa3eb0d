"""Cohort facts and their aggregation, for the summary of a batch run (render/cohort.py
writes it). Aggregate only: from each plan only ids and numbers (`PlanFacts`) — never a name,
a line of free text or an answer about worries or health — so the summary can go to a manager."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from cc_career.core.models.catalog import TRACKS, Catalog
from cc_career.core.models.plan import Plan

TOP = 10  # rows of training needs and of rating differences


@dataclass(frozen=True)
class PlanFacts:
    """What the summary takes from one plan."""

    target: str  # role id ("" when no target was picked: under strain, undecided)
    track: str
    gaps: tuple[tuple[str, int, int], ...]  # (skill id, level, weighed gap): rated skills only
    ratings: tuple[tuple[str, int, int], ...]  # (skill id, self, trainer) where the trainer rated
    fits_horizon: bool
    assumed: tuple[str, ...] = ()  # skills with a gap that nobody rated (assumed at the role's level)


def facts_of(plan: Plan) -> PlanFacts:
    current = plan.answers.current
    aim = plan.final_target or plan.target  # what the person aims for, beyond any short horizon
    return PlanFacts(
        target="" if plan.target_open else aim.id,
        track="" if plan.target_open else aim.track,
        # A training need is only what someone rated: an assumed level is not a measurement.
        gaps=tuple((g.skill_id, g.now, g.weight) for g in plan.gaps if g.source != "assumed"),
        assumed=tuple(g.skill_id for g in plan.gaps if g.source == "assumed"),
        ratings=tuple((skill_id, current.skills.get(skill_id, 0), trainer)
                      for skill_id, trainer in sorted(current.trainer_skills.items())),
        fits_horizon=plan.fits_horizon,
    )


@dataclass(frozen=True)
class TrainingNeed:
    """One skill the cohort lacks: how many trainees, and how much it weighs for them all."""

    skill_id: str
    trainees: int
    weight: int  # the importance-weighed gaps of every trainee, added up
    common_level: int  # the level most of them are at: where the training should start


@dataclass(frozen=True)
class RatingGap:
    """Where trainees and their trainer see a skill differently."""

    skill_id: str
    rated: int  # trainees the trainer rated on it
    mean_gap: float  # mean |self − trainer|
    mean_bias: float  # mean (self − trainer): above 0, trainees rate themselves higher


@dataclass(frozen=True)
class Cohort:
    files: int  # answers files in the run, including those that could not be planned
    trainees: int  # plans made
    roles: tuple[tuple[str, int], ...]  # (role id, trainees aiming at it), most first
    tracks: tuple[tuple[str, int], ...]  # every track, in the catalog's order
    needs: tuple[TrainingNeed, ...]  # heaviest first
    rating_gaps: tuple[RatingGap, ...]  # widest first
    beyond_horizon: int  # plans whose route takes longer than the person's horizon
    assumed: int = 0  # gaps left out of the training needs because the skill was not rated
    assumed_trainees: int = 0  # trainees with at least one such gap


def summarize(facts: list[PlanFacts], catalog: Catalog, files: int) -> Cohort:
    skill_order = {skill_id: i for i, skill_id in enumerate(catalog.skills)}
    role_order = {role_id: i for i, role_id in enumerate(catalog.roles)}
    targets = Counter(f.target for f in facts if f.target)  # "": no target chosen yet
    tracks = Counter(f.track for f in facts if f.track)
    return Cohort(
        files=files,
        trainees=len(facts),
        roles=tuple(sorted(targets.items(), key=lambda kv: (-kv[1], role_order.get(kv[0], 0)))),
        tracks=tuple((track, tracks[track]) for track in TRACKS),
        needs=_training_needs(facts, skill_order),
        rating_gaps=_rating_gaps(facts, skill_order),
        beyond_horizon=sum(1 for f in facts if not f.fits_horizon),
        assumed=sum(len(f.assumed) for f in facts),
        assumed_trainees=sum(1 for f in facts if f.assumed),
    )


def _training_needs(facts: list[PlanFacts], order: dict[str, int]) -> tuple[TrainingNeed, ...]:
    weight: Counter[str] = Counter()
    levels: dict[str, Counter[int]] = {}
    for fact in facts:
        for skill_id, now, weighed in fact.gaps:
            weight[skill_id] += weighed
            levels.setdefault(skill_id, Counter())[now] += 1
    needs = [
        TrainingNeed(skill_id, sum(levels[skill_id].values()), total,
                     min(levels[skill_id].items(), key=lambda kv: (-kv[1], kv[0]))[0])
        for skill_id, total in weight.items()
    ]
    needs.sort(key=lambda n: (-n.weight, -n.trainees, order.get(n.skill_id, 0)))
    return tuple(needs[:TOP])


def _rating_gaps(facts: list[PlanFacts], order: dict[str, int]) -> tuple[RatingGap, ...]:
    pairs: dict[str, list[int]] = {}
    for fact in facts:
        for skill_id, own, trainer in fact.ratings:
            pairs.setdefault(skill_id, []).append(own - trainer)
    gaps = [
        RatingGap(skill_id, len(diffs), sum(map(abs, diffs)) / len(diffs), sum(diffs) / len(diffs))
        for skill_id, diffs in pairs.items()
        if any(diffs)
    ]
    gaps.sort(key=lambda g: (-g.mean_gap, -g.rated, order.get(g.skill_id, 0)))
    return tuple(gaps[:TOP])
