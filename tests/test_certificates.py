"""Certificates follow their issuers' rules: the data says what the issuer's page says, a broken
file is one placed message, and no plan schedules an exam the rules forbid."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import PERSONAS, position_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import valid_answers

from cc_career.cli import app
from cc_career.core.models.catalog import Catalog
from cc_career.core.plan import build_plan
from cc_career.core.plan.certificates import (
    UNKNOWN_RESULT_WEEKS,
    held_grades,
    recommendations,
    schedule,
    sitting_days,
    to_recommend,
)
from cc_career.errors import InputError
from cc_career.files.load import load_answers, load_catalog
from cc_career.files.resources import bundled_data_dir
from cc_career.render.plan_md import render_plan
from cc_career.render.words import pay_lines, say

BUNDLED_CERTS = (bundled_data_dir() / "certifications.yaml").read_text(encoding="utf-8")
WRITTEN = ["もしもし検定3級", "電話応対技能検定2級", "コンタクトセンター検定 スーパーバイザー資格",
           "ITパスポート", "メンタルヘルス・マネジメント検定Ⅲ種", "統計検定3級", "MOS Excel", "TOEIC 600点"]


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load_catalog(None)


def grade(catalog: Catalog, ref: str):
    cert_id, grade_id = ref.split(".")
    return catalog.certificates[cert_id].grade(grade_id)


# ---- the data ---------------------------------------------------------------------------------


def test_every_certificate_names_the_issuers_page_and_when_it_was_checked(bundled):
    assert len(bundled.certificates) >= 14
    for cert in bundled.certificates.values():
        assert cert.url.startswith(("https://", "http://")), cert.id
        year, month = map(int, cert.checked.split("-"))
        assert 2024 <= year and 1 <= month <= 12, cert.id
        assert cert.issuer.ja and cert.issuer.en, cert.id


def test_the_issue_lists_are_covered(bundled):
    names = " ".join(c.name.ja for c in bundled.certificates.values())
    for wanted in ("コンタクトセンター検定", "電話応対技能検定", "ITパスポート", "基本情報技術者", "LPIC-1",
                   "CCNA", "ビジネス文書検定", "MOS", "統計検定", "メンタルヘルス・マネジメント",
                   "キャリアコンサルタント", "ビジネス・キャリア検定", "TOEIC"):
        assert wanted in names, wanted
    conken = {g.id: g.sitting.mode for g in bundled.certificates["conken"].grades}
    assert conken == {"en": "cbt", "op": "cbt", "sv": "cbt", "omp": "fixed", "cap": "fixed"}
    assert [p.en for p in grade(bundled, "lpic1.cert").parts] == ["exam 101", "exam 102"]
    assert {g.id for g in bundled.certificates["mental_health"].grades} == {"c2", "c3"}


def test_moshimoshi_is_exactly_as_the_association_states_it(bundled):
    months = {g.id: g.sitting.months for g in bundled.certificates["moshimoshi"].grades}
    assert months["g3"] == [1, 3, 5, 7, 9, 11]
    assert months["g2"] == [2, 6, 8, 12]
    assert months["g1"] == [4, 10]
    hours = {g.id: g.course.hours for g in bundled.certificates["moshimoshi"].grades if g.course}
    assert hours == {"g3": 15, "g2": 15, "g1": 15, "instructor": 70}
    requires = {g.id: g.requires for g in bundled.certificates["moshimoshi"].grades}
    assert requires == {"g4": [], "g3": [], "g2": ["moshimoshi.g3"], "g1": ["moshimoshi.g2"],
                        "instructor": ["moshimoshi.g1"]}
    assert all(g.sitting.on == "first_wednesday" for g in bundled.certificates["moshimoshi"].grades
               if g.id != "instructor")


def test_the_career_consultant_needs_the_course_three_sittings_and_registration(bundled):
    national = grade(bundled, "career_consultant.national")
    assert national.course is not None and national.course.hours == 150
    assert national.sitting.months == [3, 7, 11] and national.registration is not None


def test_every_pay_figure_has_a_source_and_a_year_and_every_example_says_whose(bundled):
    for role in bundled.roles.values():
        for pay in role.pay:
            assert pay.source.ja and pay.source.en and 2000 <= pay.year <= 2100, role.id
            if pay.kind == "example":
                assert pay.who is not None, role.id
    operator = bundled.roles["operator"].public_pay
    assert operator and operator[0].year == 2025 and operator[0].min == 1511  # the latest survey


def test_a_role_with_no_public_figure_says_so_before_any_example(bundled):
    lines = pay_lines(bundled.roles["center_manager"], "en")
    assert lines[0].startswith("No public statistic")
    assert "one example" in lines[1] and "2016" in lines[1]
    assert pay_lines(bundled.roles["qa"], "ja") == [
        "この職種には、公的な統計や調査の給与の数字が見つかっていません。"]


def test_the_map_holds_the_new_roles_and_moves(bundled):
    for role in ("inside_sales", "chat_email_support", "systems_operation", "staffing_coordinator",
                 "career_advisor", "knowledge_management", "sales_admin"):
        assert role in bundled.roles
    for source, target in [("trainer", "supervisor"), ("qa", "supervisor"),
                           ("workforce_management", "supervisor"), ("supervisor", "workforce_management"),
                           ("operator", "systems_operation"), ("it_support", "systems_operation"),
                           ("systems_operation", "infra_engineer"), ("supervisor", "staffing_coordinator"),
                           ("customer_success", "sales"), ("operator", "inside_sales"),
                           ("operator", "chat_email_support")]:
        assert any(m.to == target for m in bundled.outgoing(source)), (source, target)
    into_infra = [m for m in bundled.incoming("infra_engineer")]
    assert into_infra and all(m.counts == "it" for m in into_infra)
    assert bundled.roles["infra_engineer"].min_years_experience == 0  # not call-center years


# ---- a broken certifications.yaml is one placed message ---------------------------------------


def broken(data_dir_with, old: str, new: str) -> tuple[InputError, str]:
    assert old in BUNDLED_CERTS, old
    text = BUNDLED_CERTS.replace(old, new, 1)
    with pytest.raises(InputError) as caught:
        load_catalog(data_dir_with(certs=text))
    return caught.value, text


def test_an_unknown_prerequisite_is_placed_at_its_line(data_dir_with):
    error, text = broken(data_dir_with, "requires: [moshimoshi.g3]", "requires: [moshimoshi.g9]")
    line, column = position_of(text, "moshimoshi.g9")
    assert (error.line, error.column) == (line, column)
    assert "moshimoshi.g9" in error.render("en") and error.path.endswith("certifications.yaml")


def test_a_prerequisite_cycle_is_found(data_dir_with):
    grade_3 = "      - id: g3\n        name: {ja: 3級, en: Grade 3}\n        aliases: [3級, grade 3]\n"
    error, text = broken(data_dir_with, grade_3 + "        course",
                         grade_3 + "        requires: [moshimoshi.g1]\n        course")
    assert error.key == "certs.prerequisite_cycle"
    assert "moshimoshi.g1" in error.render("en") and error.line is not None


def test_a_month_outside_1_to_12_is_placed(data_dir_with):
    error, text = broken(data_dir_with, "months: [2, 6, 8, 12]", "months: [2, 6, 8, 13]")
    assert error.line == position_of(text, "13]")[0]
    assert error.field and "months" in error.field


def test_a_role_naming_an_unknown_grade_is_placed(data_dir_with):
    from conftest import PATHS_YAML

    paths = PATHS_YAML.replace("    values: [", "    certifications: [moshimoshi.g7]\n    values: [", 1)
    with pytest.raises(InputError) as caught:
        load_catalog(data_dir_with(paths=paths))
    assert caught.value.key == "certs.unknown_grade"
    assert caught.value.line == position_of(paths, "moshimoshi.g7")[0]


def test_validate_reports_a_broken_prerequisite_with_file_line_col(data_dir_with, runner):
    text = BUNDLED_CERTS.replace("requires: [moshimoshi.g2]", "requires: [moshimoshi.g0]", 1)
    folder = data_dir_with(certs=text)
    result = runner.invoke(app, ["validate", "--data-dir", str(folder)])
    line, column = position_of(text, "moshimoshi.g0")
    assert result.exit_code == 2
    assert f"{folder / 'certifications.yaml'}:{line}:{column}" in result.stderr
    assert "Traceback" not in result.stderr


# ---- what is held, and what is recommended --------------------------------------------------------


def test_what_people_write_is_read_as_the_grade_they_hold(bundled):
    written = ["もしもし検定2級", "コンタクトセンター検定 スーパーバイザー資格", "MOS Excel エキスパート",
               "ＩＴパスポート"]
    held = held_grades(bundled.certificates, written)
    assert {"moshimoshi.g2", "moshimoshi.g3", "conken.sv", "mos.excel365_expert", "it_passport.exam"} <= held
    assert "moshimoshi.g1" not in held and "conken.op" not in held


def test_a_held_grade_is_not_recommended_again_the_next_one_is(bundled):
    held = held_grades(bundled.certificates, ["電話応対技能検定（もしもし検定）3級"])
    assert to_recommend(bundled.certificates, "moshimoshi.g3", held) == "moshimoshi.g2"
    assert to_recommend(bundled.certificates, "moshimoshi.g2", held) == "moshimoshi.g2"
    top = held_grades(bundled.certificates, ["もしもし検定 指導者級"])
    assert to_recommend(bundled.certificates, "moshimoshi.g2", top) is None
    gaps = recommendations(bundled.certificates, (bundled.roles["operator"],), ["もしもし検定3級"])
    moshimoshi = [g for g in gaps if g.ref.startswith("moshimoshi")]
    assert [g.ref for g in moshimoshi] == ["moshimoshi.g2"] and moshimoshi[0].holds is not None


def test_qa_recommends_grade_2_not_grade_1(bundled):
    assert "moshimoshi.g2" in bundled.roles["qa"].certifications
    assert not any(ref == "moshimoshi.g1" for role in bundled.roles.values() for ref in role.certifications
                   if role.id in ("qa", "operator", "leader"))


# ---- when the exams are sat ---------------------------------------------------------------------


def test_a_holder_of_grade_3_sits_grade_2_in_feb_jun_aug_or_dec_on_the_first_wednesday(bundled):
    held = held_grades(bundled.certificates, ["もしもし検定3級"])
    for start in (dt.date(2026, 11, 22), dt.date(2027, 3, 5), dt.date(2027, 9, 30)):
        steps = schedule(bundled.certificates, "moshimoshi.g2", held, start)
        exam = next(s for s in steps if s.kind == "certification")
        assert exam.date.month in (2, 6, 8, 12) and exam.date.weekday() == 2 and exam.date.day <= 7
        course = next(s for s in steps if s.kind == "course")
        assert start < course.date <= exam.date
        assert not any(s.ref == "moshimoshi.g3" for s in steps)  # held: not sat again


def test_without_grade_3_it_comes_first_and_grade_2_waits_for_its_result(bundled):
    steps = schedule(bundled.certificates, "moshimoshi.g2", set(), dt.date(2026, 11, 22))
    exams = [s for s in steps if s.kind == "certification"]
    assert [s.ref for s in exams] == ["moshimoshi.g3", "moshimoshi.g2"]
    assert exams[0].date == dt.date(2027, 1, 6)
    assert exams[1].date >= exams[0].date + dt.timedelta(weeks=UNKNOWN_RESULT_WEEKS)
    assert exams[1].date == dt.date(2027, 6, 2)


def test_the_career_consultant_exam_comes_after_the_150_hour_course_in_a_real_sitting(bundled):
    steps = schedule(bundled.certificates, "career_consultant.national", set(), dt.date(2026, 11, 22))
    kinds = [s.kind for s in steps]
    assert kinds == ["course", "application", "certification", "result", "registration"]
    course, apply, exam, result, register = steps
    assert exam.date.month in (3, 7, 11) and course.date <= exam.date
    assert dt.date(2026, 11, 22) <= apply.date == exam.date - dt.timedelta(weeks=9)
    assert result.date > exam.window[1] and register.date > result.date


def test_cbt_exams_are_sat_after_the_study_time_and_lpic_needs_both_parts(bundled):
    steps = schedule(bundled.certificates, "lpic1.cert", set(), dt.date(2027, 1, 10))
    exams = [s for s in steps if s.kind == "certification"]
    assert [s.part.en for s in exams] == ["exam 101", "exam 102"]
    assert exams[0].date < exams[1].date == dt.date(2027, 7, 10)


def test_the_mental_health_march_sitting_is_the_third_sunday(bundled):
    sitting = grade(bundled, "mental_health.c2").sitting
    assert sitting_days(sitting, dt.date(2026, 3, 1)) == (dt.date(2026, 3, 15),) * 2
    assert sitting_days(sitting, dt.date(2025, 11, 1)) == (dt.date(2025, 11, 2),) * 2


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=st.dates(dt.date(2024, 1, 1), dt.date(2035, 12, 31)),
       written=st.lists(st.sampled_from(WRITTEN), max_size=3), data=st.data())
def test_no_scheduled_exam_breaks_its_rules(start, written, data):
    bundled = load_catalog(None)
    refs = sorted(f"{c.id}.{g.id}" for c in bundled.certificates.values() for g in c.grades)
    held = held_grades(bundled.certificates, written)
    ref = to_recommend(bundled.certificates, data.draw(st.sampled_from(refs)), held)
    if ref is not None:
        check_steps(bundled, schedule(bundled.certificates, ref, held, start), held, start)


def check_steps(catalog: Catalog, steps, held: set[str], start: dt.date) -> None:
    """Every exam in its months and on its day, after its course, study time and the results of
    the prerequisites; applications open on the day they are due; nothing held is sat."""
    done: dict[str, dt.date] = {}
    for item in steps:
        rules = grade(catalog, item.ref)
        assert item.ref not in held, item.ref
        assert item.date >= start, item
        if item.kind == "certification":
            if rules.sitting.mode == "fixed":
                assert item.date.month in rules.sitting.months, item
                assert item.window == sitting_days(rules.sitting, item.date.replace(day=1))
            for other in rules.requires:
                if other not in held:
                    assert other in done and done[other] <= item.date, (item.ref, other)
            if item.result is not None:
                assert item.result >= (item.window[1] if item.window else item.date)
            done[item.ref] = (item.result or (item.window[1] if item.window else item.date)
                              + dt.timedelta(weeks=UNKNOWN_RESULT_WEEKS))
        if item.kind == "course":
            assert rules.course is not None
        if item.kind == "application":
            assert item.window is not None and item.date <= item.window[0]


# ---- whole plans -------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=valid_answers(), written=st.lists(st.sampled_from(WRITTEN), max_size=3))
def test_no_plan_of_any_answers_schedules_a_forbidden_exam_or_an_early_pass(answers, written):
    bundled = load_catalog(None)
    current = answers.current.model_copy(update={"certifications": written})
    answers = answers.model_copy(update={"current": current})
    today = answers.today or dt.date(2026, 12, 1)
    plan = build_plan(answers, bundled, today)
    held = held_grades(bundled.certificates, written)
    by_ref: dict[str, list] = {}
    for milestone in plan.milestones:
        if milestone.certificate:
            by_ref.setdefault(milestone.certificate, []).append(milestone)
    for ref, items in by_ref.items():
        assert ref not in held, ref
        rules = grade(bundled, ref)
        exams = [m for m in items if m.kind == "certificate"]
        if not exams:  # the first real sitting is after the step: only its course or application
            assert {m.kind for m in items} <= {"course", "application"}, ref
            continue
        for exam in exams:
            if rules.sitting.mode == "fixed":
                assert exam.date.month in rules.sitting.months, (ref, exam.date)
            passed = say(exam.check, "en").startswith("Passed")
            assert passed == (rules.sitting.result_weeks == 0), (ref, say(exam.check, "en"))
        for result in (m for m in items if m.kind == "result"):
            assert rules.sitting.result_weeks and result.date > min(e.date for e in exams)
        for other in rules.requires:
            if other not in held:
                before = [m for m in by_ref.get(other, []) if m.kind == "certificate"]
                assert before and max(m.date for m in before) < min(e.date for e in exams), (ref, other)


def test_the_golden_personas_keep_to_the_rules(bundled):
    for path in sorted(PERSONAS.glob("*.yaml")):
        answers, _ = load_answers(path, bundled)
        plan = build_plan(answers, bundled, answers.today)
        held = held_grades(bundled.certificates, answers.current.certifications)
        for gap in plan.certification_gaps:
            assert gap.ref not in held
            steps = schedule(bundled.certificates, gap.ref, held, plan.route.steps[0].start
                             if plan.route.steps else plan.today)
            check_steps(bundled, steps, held, plan.today)
        text = render_plan(plan, bundled, "en")
        assert "meets your salary" not in text and "typical pay reaches" not in text


# ---- browsing --------------------------------------------------------------------------------


def test_the_certifications_schema_is_printed(runner):
    import json

    result = runner.invoke(app, ["schema", "certifications"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert "certifications" in schema["properties"]


def test_paths_show_says_which_experience_a_move_counts(runner):
    result = runner.invoke(app, ["paths", "show", "infra_engineer", "--lang", "en"])
    assert result.exit_code == 0
    assert "Typically about 2 years of IT" in " ".join(result.stdout.split())
