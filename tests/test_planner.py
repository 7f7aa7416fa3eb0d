"""The planning core, read as the method: ideal self → gap → dated SMART milestones."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from cc_career.catalog import Catalog, load_catalog
from cc_career.models.answers import Answers
from cc_career.models.plan import Plan
from cc_career.plan import build_plan

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(None)


def answers(**changes: Any) -> Answers:
    """The SPEC's example person (one year as a dispatched operator), with `changes` merged in."""
    data: dict[str, Any] = {
        "language": "ja",
        "current": {"role": "operator", "years_in_role": 1, "years_total": 1,
                    "employment": "dispatch", "skills": {"communication": 2, "complaint_handling": 1}},
        "ideal": {"values": ["quality", "growth"], "interests": ["it"], "style": "specialist",
                  "horizon_years": 3},
    }
    for section, values in changes.items():
        if isinstance(values, dict) and isinstance(data.get(section), dict):
            data[section] = {**data[section], **values}
        else:
            data[section] = values
    return Answers.model_validate(data)


def plan_for(catalog: Catalog, **changes: Any) -> Plan:
    return build_plan(answers(**changes), catalog, TODAY)


def route_ids(plan: Plan) -> list[str]:
    return [role.id for role in plan.route.roles]


# ---- step 1: the ideal self -----------------------------------------------------------------------


def test_specialist_who_values_quality_and_likes_data_is_recommended_qa_first(catalog):
    plan = plan_for(catalog, ideal={"values": ["quality"], "interests": ["data"]})
    assert plan.recommendations[0].role.id == "qa"
    kinds = {reason.kind for reason in plan.recommendations[0].reasons}
    assert {"values", "style", "time"} <= kinds


def test_without_a_chosen_target_the_top_recommendation_is_planned(catalog):
    plan = plan_for(catalog)
    assert not plan.target_chosen
    assert plan.target == plan.recommendations[0].role


def test_a_named_target_wins_over_the_recommendations(catalog):
    plan = plan_for(catalog, ideal={"target_role": "trainer"})
    assert plan.target_chosen and plan.target.id == "trainer"


def test_management_style_ranks_the_promotion_ladder_first(catalog):
    plan = plan_for(catalog, ideal={"style": "management", "values": ["leadership"]})
    assert plan.recommendations[0].role.track == "promotion"
    assert all(r.role.id != "operator" for r in plan.recommendations)


def test_career_changer_who_likes_it_is_offered_it_support(catalog):
    plan = plan_for(catalog, ideal={"style": "career_change", "values": ["expertise"]})
    assert plan.recommendations[0].role.id == "it_support"


def test_roles_beyond_the_horizon_say_so_in_their_reasons(catalog):
    plan = plan_for(catalog, ideal={"horizon_years": 1})
    manager = next(r for r in plan.recommendations if r.role.id == "center_manager")
    assert any(reason.kind == "too_long" for reason in manager.reasons)


def test_the_current_role_is_never_recommended(catalog):
    plan = plan_for(catalog)
    assert all(r.role.id != "operator" for r in plan.recommendations)


# ---- step 2: the route and the gap -----------------------------------------------------------------


def test_supervisor_route_goes_through_leader(catalog):
    plan = plan_for(catalog, ideal={"target_role": "supervisor"})
    assert route_ids(plan) == ["operator", "leader", "supervisor"]


def test_center_manager_route_climbs_the_whole_ladder(catalog):
    plan = plan_for(catalog, ideal={"target_role": "center_manager", "horizon_years": 10})
    assert route_ids(plan) == ["operator", "leader", "supervisor", "center_manager"]


def test_route_steps_follow_each_other_without_gaps_in_time(catalog):
    plan = plan_for(catalog, ideal={"target_role": "center_manager", "horizon_years": 10})
    steps = plan.route.steps
    assert steps[0].start == TODAY
    for before, after in zip(steps, steps[1:], strict=False):
        assert before.end == after.start
    assert plan.realistic_end == steps[-1].end


def test_time_already_served_shortens_the_first_step(catalog):
    fresh = plan_for(catalog, current={"years_in_role": 0, "years_total": 0},
                     ideal={"target_role": "leader"})
    served = plan_for(catalog, current={"years_in_role": 2, "years_total": 2},
                      ideal={"target_role": "leader"})
    assert served.route.steps[0].months < fresh.route.steps[0].months


def test_gaps_are_weighed_by_importance_biggest_first(catalog):
    plan = plan_for(catalog, ideal={"target_role": "qa"})
    weights = [gap.weight for gap in plan.gaps]
    assert weights == sorted(weights, reverse=True)
    for gap in plan.gaps:
        assert gap.weight == (gap.needed - gap.now) * gap.importance
        assert gap.needed > gap.now


def test_gap_is_dated_by_the_step_that_first_needs_the_full_level(catalog):
    plan = plan_for(catalog, ideal={"target_role": "center_manager", "horizon_years": 10})
    for gap in plan.gaps:
        need = plan.route.roles[gap.step].skills[gap.skill_id]
        assert need.level == gap.needed
        assert all(gap.skill_id not in role.skills or role.skills[gap.skill_id].level < gap.needed
                   for role in plan.route.roles[:gap.step])


def test_trainer_rating_is_planned_from_and_shown_beside_the_self_rating(catalog):
    plan = plan_for(catalog, ideal={"target_role": "qa"},
                    current={"skills": {"quality_monitoring": 3},
                             "trainer_skills": {"quality_monitoring": 1}})
    gap = next(g for g in plan.gaps if g.skill_id == "quality_monitoring")
    assert (gap.self_rating, gap.trainer_rating, gap.now) == (3, 1, 1)
    assert ("quality_monitoring", 3, 1) in plan.disagreements


def test_a_skill_left_out_is_assumed_at_the_level_of_the_current_role_never_zero(catalog):
    plan = plan_for(catalog, ideal={"target_role": "qa"})
    listening = plan.ratings["active_listening"]  # operators need it at 2; not rated here
    assert (listening.level, listening.source) == (2, "assumed")
    monitoring = next(g for g in plan.gaps if g.skill_id == "quality_monitoring")
    assert (monitoring.now, monitoring.source) == (0, "assumed")  # operators do not need it
    assert plan.ratings["communication"].source == "self"
    assert "active_listening" in plan.assumed and "communication" not in plan.assumed


def test_missing_certification_of_the_target_is_a_gap_and_a_held_one_is_not(catalog):
    without = plan_for(catalog, ideal={"target_role": "supervisor"})
    names = [gap.name.ja for gap in without.certification_gaps]
    assert any("スーパーバイザー資格" in name for name in names)
    held = plan_for(catalog, ideal={"target_role": "supervisor"},
                    current={"certifications": ["コンタクトセンター検定　スーパーバイザー資格"]})
    assert not any("スーパーバイザー資格" in gap.name.ja for gap in held.certification_gaps)


def test_experience_the_target_asks_for_delays_the_last_move(catalog):
    plan = plan_for(catalog, current={"years_in_role": 0, "years_total": 0},
                    ideal={"target_role": "center_manager", "horizon_years": 10})
    needed_years = plan.target.min_years_experience
    months_in_work = (plan.realistic_end.year - TODAY.year) * 12 + plan.realistic_end.month - TODAY.month
    assert months_in_work >= needed_years * 12


# ---- step 3: milestones --------------------------------------------------------------------------


def test_every_step_of_the_route_has_milestones_ending_in_the_move(catalog):
    plan = plan_for(catalog, ideal={"target_role": "supervisor"})
    for step in plan.route.steps:
        mine = [m for m in plan.milestones if m.step == step.index]
        assert mine, f"step {step.index} has no milestone"
        assert mine[-1].kind == "move" and mine[-1].date == step.end
        assert all(step.start < m.date <= step.end for m in mine)


def test_milestones_are_in_date_order(catalog):
    plan = plan_for(catalog, ideal={"target_role": "center_manager", "horizon_years": 10})
    dates = [m.date for m in plan.milestones]
    assert dates == sorted(dates)


def test_skill_milestones_climb_one_level_at_a_time_with_a_check(catalog):
    plan = plan_for(catalog, ideal={"target_role": "qa"})
    skills = [m for m in plan.milestones if m.kind == "skill"]
    assert skills
    reached: dict[str, int] = {s: r.level for s, r in plan.ratings.items()}
    for milestone in skills:
        assert milestone.level == reached.get(milestone.skill_id, 0) + 1
        reached[milestone.skill_id] = milestone.level
        assert milestone.action.ja and milestone.action.en and milestone.check.ja and milestone.check.en


def test_levels_are_only_raised_as_far_as_each_step_needs(catalog):
    plan = plan_for(catalog, ideal={"target_role": "center_manager", "horizon_years": 10})
    for milestone in plan.milestones:
        if milestone.kind != "skill":
            continue
        needs = [role.skills[milestone.skill_id].level
                 for role in plan.route.roles[: milestone.step + 1] if milestone.skill_id in role.skills]
        assert needs and milestone.level <= max(needs)


def test_kpi_milestone_measures_aht_or_fcr_against_the_persons_own_numbers(catalog):
    plan = plan_for(catalog, ideal={"target_role": "leader"},
                    current={"kpis": {"aht_seconds": 420, "fcr_rate": 0.7}})
    kpi = [m for m in plan.milestones if m.kind == "kpi"]
    assert [m.id for m in kpi] == ["s1-kpi-find", "s1-kpi"], "CSAT unknown: found out first"
    assert "CSAT" in kpi[0].action.ja and kpi[0].date < kpi[1].date
    assert "420秒 → 380秒" in kpi[1].action.ja and "70% → 80%" in kpi[1].action.ja
    assert {k.name: k.now for k in kpi[1].kpis} == {"aht_seconds": 420, "fcr_rate": 0.7}


def test_horizon_too_short_gives_realistic_date(catalog):
    plan = plan_for(catalog, ideal={"target_role": "center_manager", "horizon_years": 2})
    assert not plan.fits_horizon
    assert plan.realistic_end > plan.horizon_end
    assert plan.horizon_end == dt.date(2028, 11, 22)


def test_horizon_long_enough_fits(catalog):
    plan = plan_for(catalog, ideal={"target_role": "qa", "horizon_years": 3})
    assert plan.fits_horizon


def test_strain_puts_health_steps_first(catalog):
    plan = plan_for(catalog, ideal={"target_role": "qa"},
                    concerns={"sleep_trouble": True, "reasons": ["health"]})
    assert plan.strain
    assert [m.id for m in plan.milestones[:2]] == ["h-doctor", "h-employer"]
    assert "診断書" in plan.milestones[0].action.ja
    assert "派遣元" in plan.milestones[1].action.ja  # the SPEC's person is dispatched


def test_strain_paces_the_route_more_gently(catalog):
    calm = plan_for(catalog, ideal={"target_role": "supervisor"})
    strained = plan_for(catalog, ideal={"target_role": "supervisor"},
                        concerns={"physical_symptoms": True})
    assert strained.route.months > calm.route.months
    assert strained.realistic_end > calm.realistic_end
    assert strained.reviews[0] < calm.reviews[0]


def test_strain_sets_no_kpi_targets_and_starts_the_career_after_the_check_in(catalog):
    strained = plan_for(catalog, ideal={"target_role": "leader"}, concerns={"sleep_trouble": True},
                        current={"kpis": {"fcr_rate": 0.7}})
    assert not [m for m in strained.milestones if m.kind == "kpi"]
    assert any(b.reason == "strain" for b in strained.backlog)
    assert strained.check_in == TODAY + dt.timedelta(days=21)
    assert all(m.date > strained.check_in for m in strained.milestones if m.kind != "health")


def test_want_need_do_chains_name_the_target_and_the_biggest_gaps(catalog):
    plan = plan_for(catalog, ideal={"target_role": "qa"})
    assert 1 <= len(plan.chains) <= 3
    assert [c.gap for c in plan.chains] == list(plan.gaps[: len(plan.chains)])
    assert all(c.want.id == "qa" and c.do.ja for c in plan.chains)


def test_reviews_are_quarterly_at_first_and_end_on_the_goal_date(catalog):
    plan = plan_for(catalog, ideal={"target_role": "center_manager", "horizon_years": 10})
    assert plan.reviews[0] == dt.date(2027, 2, 22)
    assert plan.reviews[-1] == plan.realistic_end
    assert list(plan.reviews) == sorted(set(plan.reviews))


def test_the_plan_is_a_pure_function_of_answers_and_today(catalog):
    one = plan_for(catalog, ideal={"target_role": "supervisor"})
    two = plan_for(catalog, ideal={"target_role": "supervisor"})
    assert one == two
    later = build_plan(answers(ideal={"target_role": "supervisor"}), catalog, dt.date(2027, 4, 1))
    assert later.route.steps[0].start == dt.date(2027, 4, 1)
