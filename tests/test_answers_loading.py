"""Answers files, the contract trainers write by hand: the SPEC's example loads; every fault is
one exact message placed at its line and column; personal answers are never echoed back."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import position_of

from cc_career.cli import app
from cc_career.core.models.catalog import Catalog
from cc_career.errors import InputError
from cc_career.files.load import load_answers, load_catalog

# The example of SPEC.md "The answers file", as written there.
EXAMPLE = """\
schema_version: 1
name: 山田 花子              # optional; headings and batch file names
language: ja                # ja | en
today: 2026-11-22           # optional plan start date; default: the real date
current:
  role: operator            # a role id
  years_in_role: 1          # number, may be fractional
  years_total: 1            # years in contact-center / support work overall
  employment: dispatch      # dispatch | contract | part_time | full_time
  industry: telecom         # optional free id: telecom, it, finance, travel, ec, ...
  channels: [phone]         # phone | email | chat
  skills:                   # self-rating 0-4 by skill id; a skill left out counts as 0
    communication: 2
    complaint_handling: 1
  kpis:                     # optional, each optional
    aht_seconds: 420
    fcr_rate: 0.70
    csat: 0.85
  certifications: []        # free strings
  trainer_skills:           # optional: the trainer's rating 0-4, same ids; where given,
    complaint_handling: 2   #   the plan shows self vs trainer and plans from the trainer's
ideal:
  values: [quality, growth]         # value tags defined in paths.yaml
  interests: [it]                   # interest tags defined in paths.yaml
  style: specialist                 # management | specialist | other_department | career_change | undecided
  horizon_years: 3                  # 1-10
  target_role: qa                   # optional; when absent the top recommendation is used
  salary_target_jpy: 4500000        # optional, yearly
concerns:                           # optional (seed 002)
  reasons: [workload, relationships, health, future]
  sleep_trouble: false
  physical_symptoms: false
interview:                          # optional
  company: 株式会社サンプル
  position: オペレーター
  motivation: オペレーターからQAへのキャリアパスがあること
  question: career_plan             # career_plan | in_n_years | after_joining
  seconds: 60                       # target speaking time: 30 | 60 | 180
"""

CP932_NOTICE = "read as cp932 (Shift_JIS); saving it as UTF-8 is recommended"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(None)


def edited(old: str, new: str, text: str = EXAMPLE) -> str:
    assert old in text, f"{old!r} is not in the example"
    return text.replace(old, new, 1)


def answers_error(path, catalog: Catalog) -> InputError:
    with pytest.raises(InputError) as caught:
        load_answers(path, catalog)
    return caught.value


def expect(write, catalog, text: str, needle: str, field: str, reason: str, occurrence: int = 1):
    path = write("answers.yaml", text)
    line, column = position_of(text, needle, occurrence)
    assert str(answers_error(path, catalog)) == f"{path}:{line}:{column}: {field}: {reason}"


# ---- good files -------------------------------------------------------------------------------


def test_the_spec_example_loads_as_written(write, catalog):
    answers, notice = load_answers(write("answers.yaml", EXAMPLE), catalog)
    assert notice is None
    assert answers.name == "山田 花子" and answers.language == "ja"
    assert answers.today == dt.date(2026, 11, 22)
    assert answers.current.role == "operator" and answers.current.employment == "dispatch"
    assert answers.current.skills == {"communication": 2, "complaint_handling": 1}
    assert answers.current.trainer_skills == {"complaint_handling": 2}
    assert answers.current.kpis.aht_seconds == 420 and answers.current.kpis.fcr_rate == 0.70
    assert answers.ideal.values == ["quality", "growth"] and answers.ideal.target_role == "qa"
    assert answers.ideal.salary_target_jpy == 4_500_000 and answers.ideal.horizon_years == 3
    assert answers.concerns.reasons == ["workload", "relationships", "health", "future"]
    assert answers.interview.seconds == 60 and answers.interview.question == "career_plan"


def test_only_the_required_answers_are_needed(write, catalog):
    minimal = (
        "current:\n  role: operator\n  years_in_role: 0.5\n  years_total: 0.5\n  employment: part_time\n"
        "ideal:\n  horizon_years: 2\n"
    )
    answers, _ = load_answers(write("minimal.yaml", minimal), catalog)
    assert answers.current.skills == {} and answers.ideal.target_role is None
    assert answers.language == "ja" and answers.current.channels == ["phone"]


def test_a_cp932_file_reads_the_same_with_a_notice(write, catalog):
    plain, _ = load_answers(write("utf8.yaml", EXAMPLE), catalog)
    answers, notice = load_answers(write("sjis.yaml", EXAMPLE.encode("cp932")), catalog)
    assert notice == "file.read_as_cp932"
    assert answers == plain and answers.name == "山田 花子"


def test_validate_names_the_cp932_file_in_its_notice_and_accepts_it(runner, write):
    path = write("sjis.yaml", EXAMPLE.encode("cp932"))
    result = runner.invoke(app, ["validate", "--lang", "en", str(path)])
    assert result.exit_code == 0, result.output
    assert f"{path}: {CP932_NOTICE}" in result.stderr
    assert f"{path}: OK" in result.stdout


def test_a_utf8_file_with_a_bom_reads_the_same(write, catalog):
    plain, _ = load_answers(write("utf8.yaml", EXAMPLE), catalog)
    answers, notice = load_answers(write("bom.yaml", b"\xef\xbb\xbf" + EXAMPLE.encode()), catalog)
    assert notice is None and answers == plain


def test_crlf_line_endings_read_the_same_and_keep_line_numbers(write, catalog):
    plain, _ = load_answers(write("lf.yaml", EXAMPLE), catalog)
    answers, _ = load_answers(write("crlf.yaml", EXAMPLE.replace("\n", "\r\n")), catalog)
    assert answers == plain
    bad = edited("role: operator", "role: operater").replace("\n", "\r\n")
    path = write("crlf-bad.yaml", bad)
    line, column = position_of(bad.replace("\r\n", "\n"), "role: operater")
    assert answers_error(path, catalog).render_one("en") == (
        f"{path}:{line}:{column}: current.role: unknown role id 'operater' (see `cc-career paths`)"
    )


# ---- faults: one exact, placed message each ---------------------------------------------------


def test_a_misspelt_field_is_an_error_not_silently_ignored(write, catalog):
    text = edited("  industry: telecom", "  industy: telecom")
    expect(write, catalog, text, "industy", "current.industy", "unknown field (check the spelling)")


def test_a_misspelt_required_field_says_both_what_is_missing_and_what_is_unknown(write, catalog):
    text = edited("  years_total: 1", "  years_totl: 1")
    path = write("answers.yaml", text)
    current = position_of(text, "current:")
    typo = position_of(text, "years_totl")
    assert str(answers_error(path, catalog)).splitlines() == [
        f"{path}:{current[0]}:{current[1]}: current.years_total: required field is missing",
        f"{path}:{typo[0]}:{typo[1]}: current.years_totl: unknown field (check the spelling)",
    ]


def test_text_where_a_number_belongs_is_an_error(write, catalog):
    text = edited("horizon_years: 3 ", "horizon_years: three ")
    expect(write, catalog, text, "horizon_years", "ideal.horizon_years", "must be a whole number")


def test_one_channel_instead_of_a_list_is_an_error(write, catalog):
    text = edited("channels: [phone]", "channels: phone")
    expect(write, catalog, text, "channels", "current.channels", "must be a list")


def test_an_unknown_choice_lists_the_allowed_ones(write, catalog):
    text = edited("employment: dispatch", "employment: haken")
    expect(write, catalog, text, "employment", "current.employment",
           "must be one of 'dispatch', 'contract', 'part_time' or 'full_time'")


def test_a_skill_rated_5_is_an_error(write, catalog):
    text = edited("communication: 2", "communication: 5")
    expect(write, catalog, text, "communication: 5", "current.skills.communication", "must be at most 4")


def test_a_trainer_rating_below_0_is_an_error(write, catalog):
    text = edited("complaint_handling: 2 ", "complaint_handling: -1 ")
    expect(write, catalog, text, "complaint_handling: -1", "current.trainer_skills.complaint_handling",
           "must be at least 0")


def test_an_unknown_current_role_is_an_error(write, catalog):
    text = edited("role: operator", "role: operater")
    expect(write, catalog, text, "role: operater", "current.role",
           "unknown role id 'operater' (see `cc-career paths`)")


def test_an_unknown_target_role_is_an_error(write, catalog):
    text = edited("target_role: qa ", "target_role: qc ")
    expect(write, catalog, text, "target_role", "ideal.target_role",
           "unknown role id 'qc' (see `cc-career paths`)")


def test_an_unknown_skill_is_an_error(write, catalog):
    text = edited("    complaint_handling: 1", "    complaint_handlng: 1")
    expect(write, catalog, text, "complaint_handlng", "current.skills.complaint_handlng",
           "unknown skill id 'complaint_handlng' (see `cc-career skills`)")


def test_an_unknown_skill_in_the_trainer_ratings_is_an_error(write, catalog):
    text = edited("    complaint_handling: 2 ", "    complaints: 2 ")
    expect(write, catalog, text, "complaints", "current.trainer_skills.complaints",
           "unknown skill id 'complaints' (see `cc-career skills`)")


def test_an_unknown_value_tag_is_placed_on_the_tag(write, catalog):
    text = edited("values: [quality, growth]", "values: [quality, grwth]")
    expect(write, catalog, text, "grwth", "ideal.values.1", "unknown value tag 'grwth'")


def test_an_unknown_interest_tag_is_placed_on_the_tag(write, catalog):
    text = edited("interests: [it]", "interests: [anime]")
    expect(write, catalog, text, "anime", "ideal.interests.0", "unknown interest tag 'anime'")


def test_more_years_in_the_role_than_in_total_is_an_error(write, catalog):
    text = edited("years_in_role: 1 ", "years_in_role: 4 ")
    expect(write, catalog, text, "years_in_role", "current.years_in_role",
           "years in the role are more than the total years")


def test_a_target_the_current_role_cannot_reach_is_an_error(write, catalog):
    assert not catalog.reachable("center_manager", "qa")
    text = edited("role: operator", "role: center_manager")
    expect(write, catalog, text, "target_role", "ideal.target_role",
           "role 'qa' cannot be reached from 'center_manager' in the career paths "
           "(roles reachable from 'center_manager': none)")


def test_a_target_reachable_in_several_moves_is_fine(write, catalog):
    assert not any(move.to == "center_manager" for move in catalog.outgoing("operator"))
    text = edited("target_role: qa ", "target_role: center_manager ")
    answers, _ = load_answers(write("answers.yaml", text), catalog)
    assert answers.ideal.target_role == "center_manager"


def test_the_ids_are_checked_against_a_trainers_own_data(write, good_data_dir):
    own = load_catalog(good_data_dir)  # 4 roles: operator, leader, qa, trainer
    text = edited("target_role: qa ", "target_role: sales ")
    text = edited("communication: 2\n    complaint_handling: 1", "communication: 2", text)
    text = edited("    complaint_handling: 2 ", "    coaching: 2 ", text)
    text = edited("values: [quality, growth]", "values: [quality]", text)
    expect(write, own, text, "target_role", "ideal.target_role",
           "unknown role id 'sales' (see `cc-career paths`)")
    reachable = edited("target_role: sales ", "target_role: trainer ", text)
    answers, _ = load_answers(write("ok.yaml", reachable), own)
    assert answers.ideal.target_role == "trainer"
    unreachable = edited("role: operator", "role: qa", reachable)
    expect(write, own, unreachable, "target_role", "ideal.target_role",
           "role 'trainer' cannot be reached from 'qa' in the career paths "
           "(roles reachable from 'qa': none)")


# ---- personal answers are never echoed --------------------------------------------------------

SECRETS = [
    # (old, new, the secret, where the message points, field, reason)
    ("salary_target_jpy: 4500000", "salary_target_jpy: 四百五十万円", "四百五十万円",
     "salary_target_jpy", "ideal.salary_target_jpy", "must be a whole number"),
    ("name: 山田 花子", "name: " + "山田花子の秘密" * 43, "山田花子の秘密",
     "name:", "name", "is too long (at most 200 characters)"),
    ("motivation: オペレーターからQAへのキャリアパスがあること",
     "motivation: " + "転職理由は上司との不仲" * 40,
     "上司との不仲", "motivation", "interview.motivation", "is too long (at most 400 characters)"),
    ("certifications: []", "certifications: ['" + "持病の通院記録" * 30 + "']", "持病の通院記録",
     "'持病", "current.certifications.0", "is too long (at most 200 characters)"),
    ("industry: telecom", "industry: 株式会社ヒミツ商事", "ヒミツ",
     "industry", "current.industry", "must be an id in lower case letters, digits and _"),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "secret", "needle", "field", "reason"), SECRETS,
                         ids=["salary", "name", "motivation", "certification", "industry"])
def test_an_error_never_echoes_the_personal_answer(
    write, catalog, runner, old, new, secret, needle, field, reason
):
    text = edited(old, new)
    path = write("answers.yaml", text)
    error = answers_error(path, catalog)
    line, column = position_of(text, needle)
    assert str(error) == f"{path}:{line}:{column}: {field}: {reason}"
    for lang in ("ja", "en"):
        assert secret not in error.render(lang)
        result = runner.invoke(app, ["validate", "--lang", lang, str(path)])
        assert result.exit_code == 2
        assert f"{path}:{line}:{column}: {field}:" in result.stderr
        assert secret not in result.stdout + result.stderr


def test_a_wrong_value_inside_free_text_keys_is_not_echoed_either(write, catalog):
    # a salary written as a mapping or a list: the message names the field, not the content
    text = edited("salary_target_jpy: 4500000", "salary_target_jpy: {年収: 4500000円}")
    error = str(answers_error(write("answers.yaml", text), catalog))
    assert "4500000" not in error and "年収" not in error
    assert ": ideal.salary_target_jpy: " in error


# ---- several faults ----------------------------------------------------------------------------


def test_several_model_faults_are_all_reported_in_line_order(runner, write):
    text = edited("horizon_years: 3 ", "horizon_years: many ")
    text = edited("communication: 2", "communication: 7", text)
    text = edited("  industry: telecom", "  industy: telecom", text)
    text = edited("seconds: 60 ", "seconds: 90 ", text)
    path = write("answers.yaml", text)

    def at(needle: str) -> str:
        line, column = position_of(text, needle)
        return f"{path}:{line}:{column}"

    result = runner.invoke(app, ["validate", "--lang", "en", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{at('industy')}: current.industy: unknown field (check the spelling)",
        f"{at('communication: 7')}: current.skills.communication: must be at most 4",
        f"{at('horizon_years')}: ideal.horizon_years: must be a whole number",
        f"{at('seconds: 90')}: interview.seconds: must be one of 30, 60 or 180",
    ]
    assert "Traceback" not in result.output


def test_several_unknown_ids_are_all_reported_in_line_order(runner, write):
    text = edited("interests: [it]", "interests: [anime]")
    text = edited("role: operator", "role: operater", text)
    text = edited("values: [quality, growth]", "values: [qualty, growth]", text)
    path = write("answers.yaml", text)

    def at(needle: str) -> str:
        line, column = position_of(text, needle)
        return f"{path}:{line}:{column}"

    result = runner.invoke(app, ["validate", "--lang", "en", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{at('role: operater')}: current.role: unknown role id 'operater' (see `cc-career paths`)",
        f"{at('qualty')}: ideal.values.0: unknown value tag 'qualty'",
        f"{at('anime')}: ideal.interests.0: unknown interest tag 'anime'",
    ]


def test_one_bad_file_among_good_ones_fails_validate_but_every_file_is_checked(runner, write):
    good = write("a-good.yaml", EXAMPLE)
    bad = write("b-bad.yaml", edited("role: operator", "role: operater"))
    other = write("c-good.yaml", EXAMPLE)
    result = runner.invoke(app, ["validate", "--lang", "en", str(good), str(bad), str(other)])
    assert result.exit_code == 2
    assert f"{good}: OK" in result.stdout and f"{other}: OK" in result.stdout
    assert f"{bad}:" in result.stderr and f"{bad}: OK" not in result.stdout
