"""Practice aids for an interview answer (in the .md, never in the spoken text): the three
points the interviewer should remember, and the follow-up questions the answer invites, each
with a one-line hint. Built from the same facts as the answer, so they agree with it."""

from __future__ import annotations

from dataclasses import dataclass

from cc_career.core.interview import AnswerFacts
from cc_career.render.formats import kpi_figure
from cc_career.render.i18n import t
from cc_career.render.interview import InterviewAnswer, span, spoken_role


@dataclass(frozen=True)
class FollowUp:
    """A question an interviewer may ask next, and how the plan answers it."""

    question: str
    hint: str


@dataclass(frozen=True)
class PracticeAids:
    """What the .md adds under the answer to practise with: points to stress, follow-ups."""

    points: tuple[str, ...]
    follow_ups: tuple[FollowUp, ...]


def practice_aids(answer: InterviewAnswer, facts: AnswerFacts, lang: str,
                  alternative: str | None = None) -> PracticeAids:
    def tr(key: str, **params: object) -> str:
        return t(f"practice.{key}", lang, **params)

    current = spoken_role(facts.current, lang)
    target = spoken_role(facts.target, lang)
    lived = span(round(facts.years_in_role * 12), lang, "lived")
    figure = next(iter(facts.kpis.items()), None)
    if figure:
        name, value = figure
        points = [tr("point_experience_kpi", role=current, span=lived,
                     kpi=t(f"speech.kpi_{name}", lang, value=kpi_figure(name, value)))]
    else:
        points = [tr("point_experience", role=current, span=lived)]
    when = span(facts.target_months, lang)
    if facts.fits or facts.reachable is None:
        points.append(tr("point_goal", target=target, span=when))
    else:
        points.append(tr("point_goal_stepwise", interim=spoken_role(facts.reachable.role, lang),
                         interim_span=span(facts.reachable.months, lang), target=target, span=when))
    points.append(tr("point_done") if answer.confirmed else tr("point_start"))

    follow = []
    if alternative:
        follow.append(FollowUp(tr("why_not_q", target=target, other=alternative),
                               tr("why_not_hint", target=target, other=alternative)))
    if facts.steps:
        follow.append(FollowUp(tr("no_opening_q", target=target), tr("no_opening_hint", target=target)))
    if answer.toned_down:
        follow.append(FollowUp(tr("sooner_q", target=target), tr("sooner_hint")))
    elif facts.first_goals:
        follow.append(FollowUp(tr("measure_q"), tr("measure_hint")))
    if not answer.confirmed:
        follow.append(FollowUp(tr("doing_q"), tr("doing_hint")))
    points = [point[:1].upper() + point[1:] for point in points]
    return PracticeAids(tuple(points), tuple(follow))
