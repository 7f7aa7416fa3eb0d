"""Cohort facts and their aggregation, for the summary of a batch run (render/cohort.py
writes it). Aggregate only: from each plan only ids and numbers (`PlanFacts`) — never a name,
a line of free text or an answer about worries or health — so the summary can go to a manager."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cc_career.core.kpi import LOWER_IS_BETTER
from cc_career.core.models.catalog import TRACKS, Catalog
from cc_career.core.models.plan import Plan

if TYPE_CHECKING:
    from cc_career.core.plan.review import Review

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
    check_in: CheckInFacts | None = None  # what the person's progress file showed, when there is one


@dataclass(frozen=True)
class CheckInFacts:
    """What the cohort summary takes from one check-in (`cc-career review`): no names."""

    due: tuple[tuple[int, int, int], ...]  # (step, milestones due by the check-in, of them done on time)
    rose: tuple[str, ...]  # skills whose level went up
    kpis: tuple[tuple[str, int], ...]  # (kpi, +1 better / -1 worse)
    needs_talk: bool  # several milestones late, or a health change


def check_in_facts(result: Review) -> CheckInFacts:
    """The cohort's facts of one review (core/plan/review.py's Review)."""
    previous = result.previous
    by_step: dict[int, list[int]] = {}
    for o in result.outcomes:
        if o.due > result.today or o.status == "open":
            continue
        step = next(m.step for m in previous.milestones if m.id == o.id)
        counts = by_step.setdefault(step, [0, 0])
        counts[0] += 1
        counts[1] += o.status == "done" and o.timing in ("on_time", "ahead")
    moved = []
    for kpi, before, after in result.kpis:
        if before is None or before == after:
            continue
        better = after < before if kpi in LOWER_IS_BETTER else after > before
        moved.append((kpi, 1 if better else -1))
    return CheckInFacts(due=tuple((step, n, ok) for step, (n, ok) in sorted(by_step.items())),
                        rose=tuple(s for s, before, after in result.skills
                                   if before is not None and after > before),
                        kpis=tuple(moved), needs_talk=result.needs_talk)


@dataclass(frozen=True)
class CohortMoves:
    """How the cohort moves between check-ins: aggregate only."""

    people: int  # trainees with a progress file
    due: tuple[tuple[int, int, int], ...]  # (step, due, done on time), summed
    rose: tuple[tuple[str, int], ...]  # (skill, trainees whose level went up), most first
    kpis: tuple[tuple[str, int, int], ...]  # (kpi, better, worse)
    talks: int  # trainees who need a conversation


def cohort_moves(facts: list[PlanFacts], order: dict[str, int]) -> CohortMoves | None:
    checked = [f.check_in for f in facts if f.check_in is not None]
    if not checked:
        return None
    due: dict[int, list[int]] = {}
    rose: Counter[str] = Counter()
    better: Counter[str] = Counter()
    worse: Counter[str] = Counter()
    for c in checked:
        for step, n, ok in c.due:
            counts = due.setdefault(step, [0, 0])
            counts[0] += n
            counts[1] += ok
        rose.update(c.rose)
        for kpi, way in c.kpis:
            (better if way > 0 else worse)[kpi] += 1
    return CohortMoves(
        people=len(checked),
        due=tuple((step, n, ok) for step, (n, ok) in sorted(due.items())),
        rose=tuple(sorted(rose.items(), key=lambda kv: (-kv[1], order.get(kv[0], 0)))),
        kpis=tuple((k, better[k], worse[k]) for k in ("aht_seconds", "fcr_rate", "csat")
                   if better[k] or worse[k]),
        talks=sum(1 for c in checked if c.needs_talk),
    )


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
    moves: CohortMoves | None = None  # how the cohort moves, when progress files came with the answers


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
        moves=cohort_moves(facts, skill_order),
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
