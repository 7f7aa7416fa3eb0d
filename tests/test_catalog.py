"""The career data: the bundled folder is complete and true to the SPEC; a broken folder is one
exact, placed message (`FILE:LINE:COL: field: what is wrong`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PATHS_YAML, SKILLS_YAML, position_of

from cc_career.cli import app
from cc_career.core.models.catalog import Catalog
from cc_career.errors import InputError
from cc_career.files.load import load_catalog
from cc_career.files.resources import bundled_data_dir

# ---- what SPEC.md "The data" asks for, written out -------------------------------------------

ROLE_TRACKS = {
    "operator": "promotion",
    "leader": "promotion",
    "supervisor": "promotion",
    "center_manager": "promotion",
    "qa": "specialist",
    "trainer": "specialist",
    "workforce_management": "specialist",
    "sales": "other_department",
    "product_planning": "other_department",
    "marketing": "other_department",
    "customer_success": "other_department",
    "it_support": "career_change",
    "infra_engineer": "career_change",
    "office_admin": "career_change",
    "hr_recruiting": "career_change",
}
SKILL_IDS = {
    "communication", "active_listening", "clear_explanation", "complaint_handling",
    "problem_solving", "product_knowledge", "kpi_management", "quality_monitoring", "coaching",
    "training_design", "workforce_management", "team_management",
    "cross_department_coordination", "data_analysis", "customer_insight", "sales_proposal",
    "it_fundamentals", "security_awareness", "business_writing", "office_tools", "english",
    "stress_management",
}  # fmt: skip
VALUE_TAGS = {
    "growth", "quality", "people_development", "leadership", "expertise", "creativity", "income",
    "stability", "work_life_balance", "customer_impact",
}  # fmt: skip
INTEREST_TAGS = {
    "it", "finance", "travel", "telecom", "ec", "games", "data", "teaching", "selling", "languages",
}  # fmt: skip
LEADER_TYPE_ROLES = ("leader", "supervisor", "center_manager")

# "a → b" in the SPEC: a direct move from a to b must exist.
DIRECT_MOVES = [
    ("operator", "leader"),
    ("leader", "supervisor"),
    ("supervisor", "center_manager"),
    ("operator", "qa"),
    ("operator", "trainer"),
    ("supervisor", "sales"),
    ("trainer", "hr_recruiting"),
    ("operator", "it_support"),
    ("operator", "product_planning"),
]


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load_catalog(None)


def has_move(catalog: Catalog, source: str, target: str) -> bool:
    return any(move.to == target for move in catalog.outgoing(source))


# ---- the bundled data -------------------------------------------------------------------------


def test_the_bundled_data_is_found_and_loads_from_the_shipped_folder(bundled):
    folder = bundled_data_dir()
    assert (folder / "paths.yaml").is_file() and (folder / "skills.yaml").is_file()
    assert bundled.sources == (folder / "skills.yaml", folder / "paths.yaml")


def test_the_bundled_data_holds_every_role_the_spec_lists_on_its_track(bundled):
    tracks = {role_id: role.track for role_id, role in bundled.roles.items()}
    missing = set(ROLE_TRACKS) - set(tracks)
    assert not missing, f"roles the SPEC requires are missing: {sorted(missing)}"
    assert {role_id: tracks[role_id] for role_id in ROLE_TRACKS} == ROLE_TRACKS


def test_the_bundled_data_holds_every_skill_value_and_interest_the_spec_lists(bundled):
    assert SKILL_IDS <= set(bundled.skills), sorted(SKILL_IDS - set(bundled.skills))
    assert VALUE_TAGS <= set(bundled.values), sorted(VALUE_TAGS - set(bundled.values))
    assert INTEREST_TAGS <= set(bundled.interests), sorted(INTEREST_TAGS - set(bundled.interests))


def test_every_tag_the_questionnaire_offers_has_both_labels(bundled):
    for tag in [*bundled.values.values(), *bundled.interests.values()]:
        assert tag.label.ja.strip() and tag.label.en.strip(), tag.id


def test_every_role_is_named_and_described_in_japanese_and_english(bundled):
    def japanese(text: str) -> bool:
        return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)

    for role in bundled.roles.values():
        for text in (role.name, role.description):
            assert text.ja.strip() and text.en.strip(), role.id
            assert japanese(text.ja), f"{role.id}: the ja text is not Japanese: {text.ja!r}"
            assert not japanese(text.en), f"{role.id}: the en text holds Japanese: {text.en!r}"


def test_every_role_needs_skills_that_exist_and_fits_some_values(bundled):
    for role in bundled.roles.values():
        assert role.skills, f"{role.id} requires no skills"
        assert set(role.skills) <= set(bundled.skills), role.id
        assert role.values, f"{role.id} fits no value tag"
        for need in role.skills.values():
            assert 1 <= need.level <= 4 and 1 <= need.importance <= 5


def test_every_pay_range_names_its_source_and_year(bundled):
    paid = [role for role in bundled.roles.values() if role.pay]
    assert paid, "no role carries a pay range at all"
    assert bundled.roles["operator"].public_pay, "the operator has no public pay figure"
    for role in paid:
        for pay in role.pay:
            assert pay.source.ja.strip() and pay.year, f"{role.id}: pay without a source or year"
            assert 0 < pay.min <= pay.max, role.id


def test_operator_is_an_entry_role_and_every_other_role_is_reachable_from_one(bundled):
    entries = [role.id for role in bundled.entry_roles]
    assert "operator" in entries
    for role_id in bundled.roles:
        if role_id not in entries:
            assert any(bundled.reachable(entry, role_id) for entry in entries), role_id


@pytest.mark.parametrize(("source", "target"), DIRECT_MOVES, ids=[f"{a}->{b}" for a, b in DIRECT_MOVES])
def test_every_route_the_spec_names_is_a_move_in_the_graph(bundled, source, target):
    assert has_move(bundled, source, target), f"no transition {source} -> {target}"
    assert bundled.reachable(source, target)


def test_the_promotion_ladder_runs_from_operator_to_center_manager(bundled):
    assert bundled.reachable("operator", "center_manager")
    assert not bundled.reachable("center_manager", "operator")  # reachable() is directed


def test_it_support_leads_on_to_a_leader_type_role(bundled):
    assert bundled.reachable("operator", "it_support")
    assert any(has_move(bundled, "it_support", role) for role in LEADER_TYPE_ROLES)


def test_an_it_flavoured_support_role_leads_to_infra_engineer(bundled):
    sources = [move.from_role for move in bundled.incoming("infra_engineer")]
    it_support_roles = [s for s in sources if "it" in bundled.roles[s].interests]
    assert it_support_roles, f"infra_engineer is entered only from {sources}"
    assert "it_support" in it_support_roles
    assert bundled.reachable("operator", "infra_engineer")


def test_every_move_takes_a_time_and_says_what_it_takes(bundled):
    for move in bundled.transitions:
        assert move.months >= 1
        assert move.needs.ja.strip() and move.needs.en.strip(), (move.from_role, move.to)


def test_every_skill_describes_levels_1_to_4_and_has_actions_from_levels_0_to_3(bundled):
    categories = {category.id for category in bundled.skills_file.categories}
    for skill in bundled.skills.values():
        assert skill.category in categories
        assert skill.name.ja.strip() and skill.name.en.strip()
        assert sorted(skill.levels) == [1, 2, 3, 4], skill.id
        for text in skill.levels.values():
            assert text.ja.strip() and text.en.strip(), skill.id
        for level in range(4):
            actions = skill.actions_from(level)
            assert actions, f"{skill.id}: nothing raises it from level {level}"
            for action in actions:
                assert action.do.ja.strip() and action.check.en.strip(), skill.id


def test_the_certifications_are_the_real_japanese_ones_with_their_issuers(bundled):
    issuers = {cert.name.ja: cert.issuer.ja for cert in bundled.certificates.values()}

    def issued(fragment: str) -> str:
        found = [issuer for name, issuer in issuers.items() if fragment in name]
        assert found, f"no certification named like {fragment!r}; have {sorted(issuers)}"
        return found[0]

    assert "日本コンタクトセンター教育検定協会" in issued("コンタクトセンター検定")
    assert "日本電信電話ユーザ協会" in issued("電話応対技能検定")
    assert "情報処理推進機構" in issued("ITパスポート")
    assert "厚生労働省" in issued("キャリアコンサルタント")


def test_operator_certifications_include_the_contact_center_entry_exam(bundled):
    assert "conken.en" in bundled.roles["operator"].certifications


# ---- a trainer's own folder -------------------------------------------------------------------


def test_the_small_fixture_folder_loads_and_a_folder_with_only_paths_uses_the_bundled_skills(
    good_data_dir, data_dir_with
):
    catalog = load_catalog(good_data_dir)
    assert list(catalog.roles) == ["operator", "leader", "qa", "trainer"]
    assert catalog.sources == (good_data_dir / "skills.yaml", good_data_dir / "paths.yaml")
    only_paths = data_dir_with(skills=None)
    mixed = load_catalog(only_paths)
    assert mixed.sources == (bundled_data_dir() / "skills.yaml", only_paths / "paths.yaml")
    assert set(mixed.roles) == {"operator", "leader", "qa", "trainer"}


# ---- broken data: one exact message each ------------------------------------------------------


def changed(text: str, old: str, new: str, count: int = 1) -> str:
    """`text` with `old` replaced by `new`; fails if `old` is not there (the fixture moved)."""
    assert text.count(old) >= count, f"{old!r} is not in the fixture"
    return text.replace(old, new, count)


def appended_move(source: str, target: str) -> str:
    return PATHS_YAML + (
        f"  - from: {source}\n    to: {target}\n    months: 6\n    needs: {{ja: 追加, en: Added}}\n"
    )


def data_error(folder: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_catalog(folder)
    return str(caught.value)


def expect(folder: Path, name: str, text: str, needle: str, field: str, reason: str, occurrence: int = 1):
    line, column = position_of(text, needle, occurrence)
    assert data_error(folder) == f"{folder / name}:{line}:{column}: {field}: {reason}"


def test_a_misspelt_skill_id_in_a_role_is_placed_on_that_key(data_dir_with):
    paths = changed(PATHS_YAML, "coaching: {level: 2, importance: 3}", "coachng: {level: 2, importance: 3}")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "coachng",
           "roles.1.skills.coachng", "unknown skill id 'coachng'")


def test_a_duplicate_role_id_is_placed_on_the_second_one(data_dir_with):
    second_qa = (
        "  - id: qa\n    track: specialist\n    name: {ja: 品質管理2, en: QA again}\n"
        "    description: {ja: 二つ目, en: A second one}\n"
        "    skills:\n      quality_monitoring: {level: 2, importance: 2}\n    values: [quality]\n"
    )
    paths = changed(PATHS_YAML, "transitions:\n", second_qa + "transitions:\n")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "id: qa", "roles.4.id",
           "duplicate id 'qa'", occurrence=2)


def test_a_duplicate_skill_id_is_placed_on_the_second_one(data_dir_with):
    skills = changed(SKILLS_YAML, "  - id: coaching\n", "  - id: communication\n")
    expect(data_dir_with(skills=skills), "skills.yaml", skills, "id: communication",
           "skills.3.id", "duplicate id 'communication'", occurrence=2)


def test_an_unknown_skill_category_is_placed_on_the_category(data_dir_with):
    skills = changed(SKILLS_YAML, "    category: quality\n", "    category: qualty\n")
    expect(data_dir_with(skills=skills), "skills.yaml", skills, "category: qualty",
           "skills.2.category", "unknown skill category 'qualty'")


def test_a_role_no_entry_role_reaches_is_an_error(data_dir_with):
    # leader -> trainer turned round: nothing leads to trainer any more
    paths = changed(PATHS_YAML, "  - from: leader\n    to: trainer\n", "  - from: trainer\n    to: leader\n")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "id: trainer", "roles.3.id",
           "role 'trainer' cannot be reached from any entry role")


def test_a_folder_without_an_entry_role_is_an_error(data_dir_with):
    paths = changed(PATHS_YAML, "    entry: true\n", "")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "roles:", "roles",
           "no role is marked 'entry: true'")


def test_a_self_loop_is_placed_on_its_target(data_dir_with):
    paths = appended_move("qa", "qa")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "to: qa", "transitions.3.to",
           "a transition from 'qa' to itself", occurrence=2)


def test_a_second_move_between_the_same_roles_is_an_error(data_dir_with):
    paths = appended_move("operator", "qa")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "from: operator", "transitions.3",
           "a second transition from 'operator' to 'qa'", occurrence=3)


def test_a_move_to_an_unknown_role_is_placed_on_its_target(data_dir_with):
    paths = appended_move("qa", "supervisr")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "to: supervisr", "transitions.3.to",
           "unknown role id 'supervisr'")


def test_a_move_from_an_unknown_role_is_placed_on_its_source(data_dir_with):
    paths = appended_move("operater", "qa")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "from: operater", "transitions.3.from",
           "unknown role id 'operater'")


def test_a_missing_english_translation_is_placed_on_the_text(data_dir_with):
    paths = changed(PATHS_YAML, "name: {ja: 品質管理, en: Quality assurance}", "name: {ja: 品質管理}")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "name: {ja: 品質管理}", "roles.2.name.en",
           "missing translation")


def test_a_missing_translation_in_skills_is_an_error_too(data_dir_with):
    skills = changed(SKILLS_YAML, "      3: {ja: 人に教えられる, en: Can teach it}\n",
                     "      3: {ja: 人に教えられる}\n")
    expect(data_dir_with(skills=skills), "skills.yaml", skills, "3: {ja: 人に教えられる}",
           "skills.0.levels.3.en", "missing translation")


def test_a_required_level_of_5_is_placed_on_the_level(data_dir_with):
    paths = changed(PATHS_YAML, "quality_monitoring: {level: 3, importance: 5}",
                    "quality_monitoring: {level: 5, importance: 5}")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "level: 5",
           "roles.2.skills.quality_monitoring.level", "must be at most 4")


def test_an_importance_of_0_is_placed_on_the_importance(data_dir_with):
    paths = changed(PATHS_YAML, "coaching: {level: 3, importance: 5}", "coaching: {level: 3, importance: 0}")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "importance: 0",
           "roles.3.skills.coaching.importance", "must be at least 1")


def test_a_value_tag_that_is_not_defined_is_placed_on_the_tag(data_dir_with):
    paths = changed(PATHS_YAML, "values: [growth, quality]", "values: [growth, qualty]")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "qualty", "roles.3.values.1",
           "unknown tag 'qualty'")


def test_an_interest_tag_that_is_not_defined_is_placed_on_the_tag(data_dir_with):
    paths = changed(PATHS_YAML, "interests: [teaching]", "interests: [teachng]")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "teachng", "roles.3.interests.0",
           "unknown tag 'teachng'")


def test_a_misspelt_key_in_the_data_is_an_error(data_dir_with):
    paths = changed(PATHS_YAML, "    min_years_experience: 1\n", "    min_year_experience: 1\n")
    expect(data_dir_with(paths=paths), "paths.yaml", paths, "min_year_experience",
           "roles.1.min_year_experience", "unknown field (check the spelling)")


def test_several_faults_are_all_listed_in_line_order(data_dir_with):
    paths = changed(PATHS_YAML, "coaching: {level: 2, importance: 3}", "coachng: {level: 2, importance: 3}")
    paths = changed(paths, "values: [growth, quality]", "values: [growth, qualty]")
    paths = changed(paths, "    to: qa\n", "    to: operator\n")  # operator -> operator
    paths += "  - from: leader\n    to: qa\n    months: 6\n    needs: {ja: 追加, en: Added}\n"
    folder = data_dir_with(paths=paths)
    where = folder / "paths.yaml"

    def at(needle: str, occurrence: int = 1) -> str:
        line, column = position_of(paths, needle, occurrence)
        return f"{where}:{line}:{column}"

    assert data_error(folder).splitlines() == [
        f"{at('coachng')}: roles.1.skills.coachng: unknown skill id 'coachng'",
        f"{at('qualty')}: roles.3.values.1: unknown tag 'qualty'",
        f"{at('to: operator')}: transitions.1.to: a transition from 'operator' to itself",
    ]


# ---- the same through the command line --------------------------------------------------------


def test_validate_data_dir_with_a_misspelt_skill_exits_2_naming_file_line_and_column(data_dir_with):
    paths = changed(PATHS_YAML, "coaching: {level: 2, importance: 3}", "coachng: {level: 2, importance: 3}")
    folder = data_dir_with(paths=paths)
    line, column = position_of(paths, "coachng")
    done = subprocess.run(
        [sys.executable, "-m", "cc_career", "validate", "--lang", "en", "--data-dir", str(folder)],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert f"paths.yaml:{line}:{column}" in done.stderr
    assert done.stderr == (
        f"cc-career: {folder / 'paths.yaml'}:{line}:{column}: roles.1.skills.coachng: "
        "unknown skill id 'coachng'\n"
    )
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stdout == ""


def test_validate_data_dir_speaks_japanese_by_default(runner, data_dir_with):
    paths = changed(PATHS_YAML, "coaching: {level: 2, importance: 3}", "coachng: {level: 2, importance: 3}")
    folder = data_dir_with(paths=paths)
    line, column = position_of(paths, "coachng")
    result = runner.invoke(app, ["validate", "--data-dir", str(folder)])
    assert result.exit_code == 2
    assert f"{folder / 'paths.yaml'}:{line}:{column}: roles.1.skills.coachng:" in result.stderr
    assert "coachng" in result.stderr and "unknown" not in result.stderr



def test_every_level_of_every_bundled_skill_has_an_action_for_anyone_on_any_single_channel():
    from cc_career.files.load import load_catalog

    catalog = load_catalog(None)
    for skill in catalog.skills.values():
        for level in range(4):
            for channel in ("phone", "email", "chat"):
                fitting = [a for a in skill.actions_from(level) if not a.for_roles and a.fits("x", [channel])]
                assert fitting, (skill.id, level, channel)


def test_an_action_that_needs_the_phone_does_not_fit_a_chat_agent_and_for_names_the_roles():
    from cc_career.core.models.catalog import SkillAction

    action = SkillAction.model_validate({"from_level": 1, "for": ["operator"], "channels": ["phone"],
                                         "do": {"ja": "録音", "en": "Recordings"},
                                         "check": {"ja": "確認", "en": "Check"}})
    assert action.fits("operator", ["phone", "chat"])
    assert not action.fits("operator", ["chat"])
    assert not action.fits("supervisor", ["phone"])
