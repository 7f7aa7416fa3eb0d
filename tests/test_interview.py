"""`cc-career interview-answer`: the spoken answer to "what is your career plan?", built from the
plan — its content, its length, the printable page, and the command around it.

Golden answers were read as their readers would read them (a Japanese operator, an English
reader) before they were committed; after a wording change run `pytest --update-golden` and
review the diff.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import subprocess
import sys
from functools import cache
from pathlib import Path

import pexpect
import pytest
import wcwidth
from conftest import PERSONAS
from hypothesis import given, settings
from hypothesis import strategies as st

from cc_career.api import interview_files
from cc_career.cli import app
from cc_career.core.interview import band, facts_from_plan, measure, months_between, offered_actions
from cc_career.core.models.answers import Interview
from cc_career.core.plan import build_plan
from cc_career.errors import UsageError
from cc_career.files import yamlio
from cc_career.files.load import load_answers, load_catalog
from cc_career.render.formats import rounded_up, span
from cc_career.render.grammar import first_person, japanese_motivation, second_person
from cc_career.render.interview import compose_answer, interview_text, speakable
from cc_career.render.words import say
from cc_career.render.wrap import CLOSING, OPENING, cells, wrap

CC_CAREER = [sys.executable, "-m", "cc_career"]
QUESTIONS = ("career_plan", "in_n_years", "after_joining")
SECONDS = (30, 60, 180)
GOLDEN_SECONDS = {"career_plan": 60, "in_n_years": 30, "after_joining": 180}
A4_LINES = 60  # lines of 80 cells that fit one A4 page with ordinary margins

# The interview details each persona would type, in each language: company, position (the role
# they hold now, as most applicants do), and the motivation, tied to the path the company offers.
DETAILS = {
    "hanako_qa": {
        "ja": ("株式会社サンプルコミュニケーションズ", "オペレーター",
               "オペレーターからQAへ進むキャリアパスが用意されていること"),
        "en": ("Sample Communications", "Operator", "it offers a clear path from operator to QA"),
    },
    "manager_too_soon": {
        "ja": ("株式会社みらいコンタクト", "オペレーター",
               "実力次第でセンター長まで目指せる評価制度がある"),
        "en": ("Mirai Contact", "Operator",
               "promotion to center manager depends on results, not on seniority"),
    },
    "trainer_to_hr": {
        "ja": ("株式会社ひかり人材サービス", "研修トレーナー",
               "コールセンターでの研修の経験を、採用と育成の仕事に生かせること"),
        "en": ("Hikari Staffing", "Trainer",
               "it lets me use my call-center training experience in recruiting and onboarding"),
    },
    "infra_engineer": {
        "ja": ("株式会社クラウドブリッジ", "テクニカルサポート",
               "サポートから運用・インフラへ移れる社内公募制度"),
        "en": ("CloudBridge", "Technical support engineer",
               "its internal job postings let support staff move into infrastructure work"),
    },
    "it_support_to_leader": {
        "ja": ("株式会社ヘルプデスクワークス", "テクニカルサポート",
               "応対を続けながら、リーダーとしてチームを支える役割に挑戦できること"),
        "en": ("Helpdesk Works", "Technical support agent",
               "it lets experienced agents lead a team while they keep taking calls"),
    },
    "ojt_strain": {
        "ja": ("株式会社つばさ事務サービス", "事務スタッフ",
               "電話対応と事務の両方を経験でき、将来は事務職に進めること"),
        "en": ("Tsubasa Office Services", "Office assistant",
               "it combines phone work with office work and has a route into administration"),
    },
    "sv_to_sales": {
        "ja": ("株式会社ネクストスタッフ", "SV",
               "コールセンター運営の経験を生かして、法人営業に挑戦できる"),
        "en": ("NextStaff", "Supervisor",
               "it lets contact-center supervisors move into account sales"),
    },
    "undecided_voice": {
        "ja": ("株式会社たびのわ", "オペレーター",
               "お客様の声をサービスの企画に生かす仕組みがあること"),
        "en": ("Tabinowa Travel", "Operator",
               "it turns what customers tell its contact center into new travel products"),
    },
}
# What some personas already do: Hanako keeps the recording habit of seed 001's example (the
# plan's first action, confirmed); Makoto says it in his own words. The others confirmed nothing.
OWN_WORDS = {"manager_too_soon": {"ja": "後輩からの質問に答える役を自分から引き受けている",
                                  "en": "I volunteer to answer newer colleagues' questions"}}
STRAIN = "ojt_strain"
PERSONA_NAMES = sorted(set(DETAILS) - {STRAIN})


@cache
def catalog():
    return load_catalog(None)


@cache
def persona_plan(name: str):
    answers, _ = load_answers(PERSONAS / f"{name}.yaml", catalog())
    return build_plan(answers, catalog(), answers.today)


def already_for(name: str, lang: str) -> list[str]:
    if name == "hanako_qa":
        return [offered_actions(persona_plan(name), catalog())[0].id]
    if name in OWN_WORDS:
        return [OWN_WORDS[name][lang]]
    return []


def interview_for(name: str, lang: str, question: str, seconds: int, **changes: object) -> Interview:
    company, position, motivation = DETAILS[name][lang]
    fields = dict(company=company, position=position, motivation=motivation, question=question,
                  seconds=seconds, already_doing=already_for(name, lang)) | changes
    return Interview(**fields)


def answer_for(name: str, lang: str, question: str = "career_plan", seconds: int = 60, **changes: object):
    interview = interview_for(name, lang, question, seconds, **changes)
    return compose_answer(persona_plan(name), catalog(), interview, lang)


def numbers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\d+", text)}


def every_answer():
    """Every persona × question × seconds × language the checks run over."""
    for name in PERSONA_NAMES:
        for question in QUESTIONS:
            for seconds in SECONDS:
                for lang in ("ja", "en"):
                    yield name, question, seconds, lang


ALL = list(every_answer())
ALL_IDS = ["-".join(map(str, case)) for case in ALL]


# ---- the seed's example: one year as an operator, applying where QA is a path ----------------


def test_seed_example_has_the_seeds_shape_and_her_own_numbers():
    answer = answer_for("hanako_qa", "ja")
    text = answer.text
    plan = persona_plan("hanako_qa")
    assert months_between(plan.today, plan.realistic_end) == 18
    # what I did, with numbers → what I learned → why this company → first steps → goal → already
    parts = ("オペレーターとして1年", "一次解決率70%", "実感しました",
             "株式会社サンプルコミュニケーションズを志望したのは", "入社後はまずオペレーターとして",
             "1年半ほどで、QAのポジションに就く", "普段から、自分の応対の録音や文面を週3件自己採点し")
    said = [text.index(part) for part in parts]
    assert said == sorted(said)
    assert answer.fits and 270 <= answer.length <= 330
    page = interview_text(answer).splitlines()
    assert len(page) <= A4_LINES and all(cells(line) <= 80 for line in page)


# ---- golden answers: every persona, every question, both languages --------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_answer_matches_its_golden_page(golden, name, question, lang):
    answer = answer_for(name, lang, question, GOLDEN_SECONDS[question])
    golden(f"interview/{name}.{question}.{lang}.txt", interview_text(answer))


def _with_interview(name: str, lang: str, question: str = "career_plan", seconds: int = 60,
                    **changes: object):
    plan = persona_plan(name)
    answers = plan.answers.model_copy(
        update={"interview": interview_for(name, lang, question, seconds, **changes)})
    return build_plan(answers, catalog(), answers.today)


THIN_PLANS = {"sv_to_sales", "trainer_to_hr"}  # experienced people: little left to plan


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", ["hanako_qa", "manager_too_soon", "undecided_voice"])
def test_markdown_answer_matches_its_golden_file(golden, name, lang):
    files = interview_files(_with_interview(name, lang), catalog(), lang)
    golden(f"interview/{name}.{lang}.md", files["interview-answer.md"])


# ---- speech, not a document: checks over every persona × question × seconds × language --------

BRACKETS = re.compile(r"[()（）\[\]［］「」『』【】〔〕<>＜＞/／]")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# Latin letters a Japanese speaker says inside Japanese: role and KPI names, and numbers' signs.
SPOKEN_LATIN = {"QA", "SV", "IT", "KPI", "SNS", "OJT", "SMART", "W", "H", "PC", "MOS", "Excel",
                "Word", "AHT", "FCR", "CSAT", "VOC", "Linux", "VM", "LPIC", "CCNA", "CBT"}
ALREADY_JA = ("すでに", "普段から", "続けています", "ようにしています", "始めています", "始めました")
ALREADY_EN = re.compile(r"\balready\b|\bI have (started|been)\b|\bI keep\b", re.I)


@pytest.mark.parametrize(("name", "question", "seconds", "lang"), ALL, ids=ALL_IDS)
def test_spoken_text_has_no_brackets_slashes_or_the_other_script(name, question, seconds, lang):
    text = answer_for(name, lang, question, seconds).text
    assert not BRACKETS.findall(text), BRACKETS.findall(text)
    if lang == "en":
        assert not JAPANESE.search(text), text
    else:
        latin = set(re.findall(r"[A-Za-z]+", text)) - SPOKEN_LATIN
        company = DETAILS[name]["ja"][0]
        assert all(word in company for word in latin), latin


@pytest.mark.parametrize(("name", "question", "seconds", "lang"), ALL, ids=ALL_IDS)
def test_the_company_is_named_at_most_once_then_called_onsha(name, question, seconds, lang):
    answer = answer_for(name, lang, question, seconds)
    company = DETAILS[name][lang][0]
    assert answer.text.count(company) <= 1
    if company in answer.text:  # after the first mention only 御社 / "your company"
        later = answer.text[answer.text.index(company) + len(company):]
        assert company not in later
    if lang == "en":
        assert not re.search(r"\b(the company|this company|the firm)\b", answer.text, re.I), answer.text
        assert not re.search(r"\bit (offers|has|lets|is a company)\b", answer.text)


@pytest.mark.parametrize(("name", "question", "seconds", "lang"), ALL, ids=ALL_IDS)
def test_already_is_said_only_for_what_the_person_confirmed(name, question, seconds, lang):
    confirmed = answer_for(name, lang, question, seconds)
    unconfirmed = answer_for(name, lang, question, seconds, already_doing=[])
    for answer in (confirmed, unconfirmed):
        text = answer.text
        claims = sum(text.count(w) for w in ALREADY_JA) if lang == "ja" else len(ALREADY_EN.findall(text))
        if not answer.confirmed:
            assert claims == 0, text
        else:
            assert claims >= 1
    assert unconfirmed.confirmed == ()


@pytest.mark.parametrize(("name", "question", "seconds", "lang"), ALL, ids=ALL_IDS)
def test_length_is_within_ten_percent_of_the_target_time(name, question, seconds, lang):
    answer = answer_for(name, lang, question, seconds)
    low, high = band(seconds, lang)
    if seconds == 180 and name in THIN_PLANS and answer.length < low:
        pytest.xfail("issue 11 leaves these veterans' plans with one to three milestones; the "
                     "three-minute answer needs more material than the plan now holds (interview owner)")
    assert low <= answer.length <= high, (answer.length, answer.text)
    assert answer.length == measure(answer.text, lang)
    assert abs(answer.spoken_seconds - seconds) <= seconds * 0.1 + 1


@pytest.mark.parametrize(("name", "question", "seconds", "lang"), ALL, ids=ALL_IDS)
def test_the_motivation_is_said_once(name, question, seconds, lang):
    answer = answer_for(name, lang, question, seconds)
    motivation = speakable(DETAILS[name][lang][2], lang)
    core = motivation[:12] if lang == "ja" else " ".join(motivation.split()[2:6])
    assert answer.text.count(core) <= 1


def test_the_band_is_300_characters_or_130_words_a_minute_give_or_take_a_tenth():
    assert band(60, "ja") == (270, 330)
    assert band(30, "ja") == (135, 165)
    assert band(180, "ja") == (810, 990)
    assert band(60, "en") == (117, 143)
    assert band(180, "en") == (351, 429)


def test_length_counts_japanese_characters_without_spaces_and_english_words():
    assert measure("御社を 志望\nしました。", "ja") == 10
    assert measure("I have worked — as an operator.", "en") == 6


def test_the_file_says_its_length_and_speaking_time():
    answer = answer_for("hanako_qa", "ja")
    last = interview_text(answer).splitlines()[-1]
    assert last == f"{answer.length}字、話して約{answer.spoken_seconds}秒（目標60秒）"
    answer = answer_for("hanako_qa", "en")
    last = interview_text(answer).splitlines()[-1]
    assert last == f"{answer.length} words, about {answer.spoken_seconds} seconds spoken (target 60 seconds)"


# ---- numbers as people say them, never sooner than the plan ---------------------------------------


@pytest.mark.parametrize(("months", "ja", "en"), [
    (3, "3か月ほど", "about three months"), (5, "半年ほど", "about six months"),
    (12, "1年ほど", "about a year"), (13, "1年半ほど", "about a year and a half"),
    (18, "1年半ほど", "about a year and a half"), (24, "2年ほど", "about two years"),
    (30, "2〜3年", "two to three years"), (36, "3年ほど", "about three years"),
    (78, "6〜7年", "six to seven years"),
])
def test_spans_are_said_as_people_say_them_and_rounded_up(months, ja, en):
    assert span(months, "ja") == ja and span(months, "en") == en
    assert rounded_up(months)[1] >= months


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("question", ["career_plan", "after_joining"])
@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_time_to_the_target_is_the_plans(name, question, lang):
    facts = facts_from_plan(persona_plan(name), catalog())
    answer = answer_for(name, lang, question, 60)
    assert facts.target_months == months_between(persona_plan(name).today, persona_plan(name).realistic_end)
    if facts.steps:
        assert span(facts.target_months, lang) in answer.text
        if facts.steps[0].role.id != facts.target.id and (facts.fits or facts.reachable):
            first = facts.reachable if not facts.fits else facts.steps[0]
            assert span(first.months, lang) in answer.text  # the next role at the plan's time


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_every_number_said_comes_from_the_plan_or_the_persons_answers(name, question, lang):
    plan = persona_plan(name)
    answer = answer_for(name, lang, question, 180)
    current = plan.answers.current
    allowed = {1, 5, plan.answers.ideal.horizon_years}  # 5W1H in an action; the horizon
    for day in [plan.realistic_end, *plan.reviews, *(m.date for m in plan.milestones)]:
        low, high = rounded_up(months_between(plan.today, day))
        allowed |= {low // 12, high // 12, low % 12, months_between(plan.today, day)}
    allowed |= {round(current.years_in_role), round(current.years_total), 3, 6, 9}
    for kpi in (current.kpis.csat, current.kpis.fcr_rate):
        if kpi is not None:
            allowed.add(round(kpi * 100))
    if current.kpis.aht_seconds:
        allowed.add(current.kpis.aht_seconds)
    for step in plan.route.steps:
        for kpi_name, goal in step.move.kpi_targets.items():
            allowed.add(round(goal) if kpi_name == "aht_seconds" else round(goal * 100))
    texts = [say(m.action, lang) for m in plan.milestones] + [c.name(lang) for c in plan.certification_gaps]
    texts += list(DETAILS[name][lang])
    allowed |= {n for text in texts for n in numbers(text)}
    assert numbers(answer.text) <= allowed


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_kpi_figures_are_the_persons_own_and_the_first_steps_goals_the_plans(lang):
    text = answer_for("hanako_qa", lang, "after_joining", 180).text
    assert "85%" in text and "70%" in text and "420" in text  # csat, fcr, aht from the answers file
    goals = persona_plan("hanako_qa").route.steps[0].move.kpi_targets
    assert goals["fcr_rate"] == 0.8 and goals["csat"] == 0.85
    if lang == "ja":
        assert "一次解決率を今の70%から80%以上に上げ" in text and "顧客満足度は今の85%を保つ" in text
    else:
        assert "raise my first-contact resolution rate from 70% to 80% or more" in text
        assert "keep my customer satisfaction at 85%" in text  # already met: kept, not raised


# ---- "in N years": the realistic N-year goal first, said positively --------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("seconds", SECONDS)
@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_in_n_years_opens_with_the_n_year_goal_never_a_negative(name, seconds, lang):
    answer = answer_for(name, lang, "in_n_years", seconds)
    years = persona_plan(name).answers.ideal.horizon_years
    opening = answer.paragraphs[0]
    assert answer.parts[0] == "n_goal"
    if lang == "ja":
        assert opening.startswith(f"{years}年後には")
        assert not any(w in opening for w in ("難しい", "正直", "できません", "無理"))
    else:
        assert opening.startswith("In ")
        assert not re.search(r"\b(not|never|honest|difficult|cannot|can't)\b", opening, re.I)


def test_a_target_beyond_the_horizon_is_a_direction_in_n_years_and_dated_in_the_career_plan():
    plan = persona_plan("manager_too_soon")  # center manager in two years, from operator
    assert not plan.fits_horizon
    ja = answer_for("manager_too_soon", "ja", "in_n_years", 60).text
    assert ja.startswith("2年後には、リーダーとして経験を積み、次はSVを目指せる力をつけていたい")
    assert "9か月ほどでリーダーに昇格する見込み" in ja
    assert "その先は、経験を重ねながらセンター長を目指していきたい" in ja  # no number: a direction
    en = answer_for("manager_too_soon", "en", "in_n_years", 60).text
    assert en.startswith("In two years, I see myself working as a team leader")
    assert "work my way toward becoming a center manager" in en
    career = answer_for("manager_too_soon", "ja", "career_plan", 60)
    assert career.toned_down and "6〜7年でセンター長に昇格する" in career.text  # the plan's date
    assert "2年でセンター長" not in career.text
    md = interview_files(_with_interview("manager_too_soon", "ja"), catalog(), "ja")
    assert "届かない目標を口にすると" in md["interview-answer.md"]


def test_a_step_reached_only_at_the_horizon_is_said_as_just_reached():
    # Shota reaches team leader at month 12; with a one-year horizon he has just stepped up.
    plan = persona_plan("it_support_to_leader")
    answers = plan.answers.model_copy(update={
        "ideal": plan.answers.ideal.model_copy(update={"horizon_years": 1}),
        "interview": interview_for("it_support_to_leader", "ja", "in_n_years", 30)})
    plan = build_plan(answers, catalog(), answers.today)
    assert facts_from_plan(plan, catalog()).reachable.months == 12
    ja = compose_answer(plan, catalog(), answers.interview, "ja").text
    assert ja.startswith("1年後には、リーダーに昇格するところまで来ていたい")
    en = compose_answer(plan, catalog(), interview_for("it_support_to_leader", "en", "in_n_years", 30),
                        "en").text
    assert en.startswith("In a year, I want to have just become a team leader")


# ---- honest "already doing" ----------------------------------------------------------------------


def test_a_confirmed_plan_action_is_said_as_done_an_unconfirmed_one_as_a_start():
    action = offered_actions(persona_plan("hanako_qa"), catalog())[0]
    done = answer_for("hanako_qa", "ja").text
    assert "そのために普段から、自分の応対の録音や文面を週3件自己採点し" in done
    start = answer_for("hanako_qa", "ja", already_doing=[]).text
    assert "入社までに、自分の応対の録音や文面を週3件自己採点し" in start and "普段から" not in start
    en = answer_for("hanako_qa", "en", already_doing=[]).text
    assert "Before I join, I will make a start on this: I will self-score" in en
    assert action.id == "s1-quality_monitoring-2"  # the id career-plan.json gives this milestone


def test_own_words_in_the_other_language_and_unknown_ids_are_never_said():
    answer = answer_for("hanako_qa", "en", already_doing=["毎日録音を聞いている", "s9-coaching-4"])
    assert answer.confirmed == ()
    assert "already" not in answer.text
    own = answer_for("manager_too_soon", "ja")
    assert "後輩からの質問に答える役を自分から引き受けています" in own.text


@pytest.mark.parametrize(("text", "said"), [
    ("毎日録音を聞き返している", "毎日録音を聞き返しています"),
    ("録音を聞き返す", "録音を聞き返すようにしています"),
    ("録音の聞き返し", "録音の聞き返しを続けています"),
])
def test_own_words_in_japanese_become_one_spoken_sentence(text, said):
    answer = answer_for("trainer_to_hr", "ja", already_doing=[text])
    assert said in answer.text


# ---- one language throughout ----------------------------------------------------------------------


def test_a_japanese_motivation_is_not_pasted_into_an_english_answer():
    company, position, _ = DETAILS["hanako_qa"]["ja"]
    answer = answer_for("hanako_qa", "en", company=company, position="Operator",
                        motivation="若手でもマネジメントに挑戦できる環境")
    assert not JAPANESE.search(answer.text)
    assert answer.neutral_motivation and not answer.company_said
    assert "I applied to your company because" in answer.text
    plan = _with_interview("hanako_qa", "en", company=company,
                           motivation="若手でもマネジメントに挑戦できる環境")
    md = interview_files(plan, catalog(), "en")["interview-answer.md"]
    assert "not written in English" in md and "your company" in md


def test_an_english_motivation_is_not_pasted_into_a_japanese_answer():
    answer = answer_for("hanako_qa", "ja", motivation="it offers a clear path to QA")
    assert "offers" not in answer.text and answer.neutral_motivation
    assert "腰を据えて力を伸ばせる環境" in answer.text or "力を伸ばせると考え" in answer.text


@pytest.mark.parametrize(("motivation", "said"), [
    ("it offers a clear path from operator to QA", "you offer a clear path from operator to QA"),
    ("its job postings let support staff move", "your job postings let support staff move"),
    ("it is a sales role", "this is a sales role"),
    ("it lets me use my experience", "you let me use my experience"),
])
def test_an_english_motivation_is_turned_to_the_listener(motivation, said):
    assert second_person(motivation) == said


@pytest.mark.parametrize(("motivation", "kind", "text"), [
    ("QAへ進む道があること", "noun", "QAへ進む道があること"),
    ("研修制度が整っている", "clause", "研修制度が整っている"),
    ("QAを目指せるから。", "clause", "QAを目指せる"),
    ("QAを目指せます", "clause", "QAを目指せる"),
    ("キャリアパスがあります", "clause", "キャリアパスがある"),
    ("品質を大切にする社風", "noun", "品質を大切にする社風"),
])
def test_a_japanese_motivation_is_joined_to_the_sentence_grammatically(motivation, kind, text):
    assert japanese_motivation(motivation) == (kind, text)
    said = answer_for("hanako_qa", "ja", motivation=motivation).text
    assert text in said and "「" not in said


@pytest.mark.parametrize(("written", "spoken"), [
    ("一次解決率（FCR）", "一次解決率"), ("QA・品質管理（QC）", "QA・品質管理"),
    ("報告書を「結論・理由」の順で書く", "報告書を結論・理由の順で書く"),
    ("Telephone Response Skills Test (Moshimoshi Kentei), Grade 1",
     "Telephone Response Skills Test, Grade 1"),
    ("check who/what/when/where", "check who, what, when and where"),
    ("IT support / technical support", "IT support or technical support"),
])
def test_written_text_is_made_speakable(written, spoken):
    lang = "ja" if JAPANESE.search(written) else "en"
    assert speakable(written, lang) == spoken


@pytest.mark.parametrize(("action", "spoken"), [
    ("Self-score three of your recordings a week.", "I self-score three of my recordings a week"),
    ("Ask your SV to let you take on tasks.", "I ask my SV to let me take on tasks"),
    ("Once a week, pick three comments from your VOC.", "once a week, I pick three comments from my VOC"),
])
def test_plan_actions_are_said_in_the_first_person(action, spoken):
    assert first_person(action) == spoken
    assert first_person(action, will=True) == spoken.replace("I ", "I will ", 1)


# ---- under strain: no answer, and why -------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_under_strain_no_answer_is_made_and_the_reason_names_the_check_in(lang):
    plan = _with_interview(STRAIN, lang)
    assert plan.strain
    with pytest.raises(UsageError) as raised:
        interview_files(plan, catalog(), lang)
    message = raised.value.render(lang)
    assert plan.check_in.isoformat() in message  # the check-in that ends the health-only phase
    assert ("休む" if lang == "ja" else "rest") in message


def test_under_strain_the_command_exits_2_writing_nothing(runner, tmp_path, write):
    text = (PERSONAS / f"{STRAIN}.yaml").read_text(encoding="utf-8")
    company, position, motivation = DETAILS[STRAIN]["ja"]
    text += (f"interview:\n  company: {company}\n  position: {position}\n  motivation: {motivation}\n"
             "  question: career_plan\n  seconds: 60\n")
    out = tmp_path / "out"
    source = write("s.yaml", text)
    args = ["interview-answer", "--answers", str(source), "--out", str(out), "--no-input"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "振り返り" in result.stderr and "Traceback" not in result.output + result.stderr
    assert not out.exists()


# ---- practice aids in the .md, never in the spoken text -------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_md_holds_three_points_and_follow_up_questions_with_hints(name, lang):
    md = interview_files(_with_interview(name, lang), catalog(), lang)["interview-answer.md"]
    heading = ("## 面接官に覚えておいてほしい3つのこと" if lang == "ja"
               else "## Three things the interviewer should remember")
    assert heading in md
    points = md.split(heading)[1].split("##")[0]
    assert [line[:3] for line in points.strip().splitlines()] == ["1. ", "2. ", "3. "]
    asked = "## 聞かれそうな質問" if lang == "ja" else "## Questions this answer invites"
    follow = md.split(asked)[1].split("##")[0]
    questions = [line for line in follow.strip().splitlines() if line.startswith("- **")]
    assert len(questions) >= 2
    assert all(line.split("** ", 1)[1].strip() for line in questions)  # each with its hint


def test_the_follow_ups_ask_why_the_target_and_not_the_alternative_and_what_if_no_opening():
    md = interview_files(_with_interview("hanako_qa", "ja"), catalog(), "ja")["interview-answer.md"]
    assert "ではなくQAなのですか？" in md
    assert "QAの空きがすぐになかったら、どうしますか？" in md


def test_a_recommended_target_is_flagged_in_the_md():
    plan = _with_interview("undecided_voice", "ja")
    md = interview_files(plan, catalog(), "ja")["interview-answer.md"]
    assert "プランのおすすめの1位" in md


# ---- the printable page ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_page_prints_on_one_a4_sheet_question_first_length_last(name, lang):
    answer = answer_for(name, lang, "after_joining", 180)
    lines = interview_text(answer).splitlines()
    assert lines[0] == answer.question
    assert lines[-1].startswith(str(answer.length))
    assert len(lines) <= A4_LINES
    for line in lines:
        assert cells(line, lang) <= 80 and wcwidth.wcswidth(line) <= 80
        assert not line[:1] or line[0] not in CLOSING


def test_japanese_lines_break_between_phrases_not_inside_words():
    text = answer_for("hanako_qa", "ja").paragraphs[0]
    lines = wrap(text, "ja")
    assert "".join(lines) == text
    import budoux

    phrases = budoux.load_default_japanese_parser().parse(text)
    boundaries = {sum(len(p) for p in phrases[:i]) for i in range(1, len(phrases))}
    ends = {sum(len(line) for line in lines[:i]) for i in range(1, len(lines))}
    assert len(lines) > 1 and ends <= boundaries  # every break between two phrases


_JA_WORD = st.text(alphabet="あいうえおかきくけこアイウエオ漢字品質録音QAＱＡ0123", min_size=1, max_size=12)
_EN_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123'-", min_size=1, max_size=15)
_PUNCT = st.sampled_from(["", "", "、", "。", "」", "）", "！", "？", "ー", "・"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "「", "（"]), _JA_WORD, _PUNCT), min_size=1, max_size=60),
       st.integers(min_value=12, max_value=80))
def test_wrapped_japanese_fits_the_width_and_keeps_kinsoku(pieces, width):
    text = "".join(open_ + word + close for open_, word, close in pieces)
    lines = wrap(text, "ja", width)
    assert "".join(lines) == text
    for index, line in enumerate(lines):
        assert cells(line, "ja") <= width
        if index:
            assert line[0] not in CLOSING
        if index < len(lines) - 1:
            assert line[-1] not in OPENING


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_EN_WORD, st.sampled_from(["", ",", ".", ")", ";"])), min_size=1, max_size=80),
       st.integers(min_value=16, max_value=80))
def test_wrapped_english_breaks_at_word_boundaries_within_the_width(words, width):
    text = "  ".join(word + mark for word, mark in words)
    lines = wrap(text, "en", width)
    assert " ".join(lines) == " ".join(text.split())
    assert all(cells(line, "en") <= width for line in lines)


def test_a_word_wider_than_the_page_is_still_cut_to_fit():
    lines = wrap("x" * 200, "en", 80)
    assert [len(line) for line in lines] == [80, 80, 40]


# ---- what the person typed, placed safely; batch use: pure and deterministic -----------------------


def test_free_text_is_flattened_and_stripped_of_control_characters():
    answer = answer_for("hanako_qa", "ja", company="株式会社\x1b[31mサンプル\n",
                        motivation="QAへ進める\nこと\u200b")
    page = interview_text(answer)
    assert "\x1b" not in page and "\u200b" not in page


def test_markdown_characters_in_free_text_are_escaped_in_the_md_file():
    plan = _with_interview("hanako_qa", "en", company="*Acme* | <b>Co</b>")
    md = interview_files(plan, catalog(), "en")["interview-answer.md"]
    assert r"\*Acme\* \| \<b\>Co\</b\>" in md
    assert "<b>" not in md


def test_a_very_long_motivation_gives_way_to_a_short_sentence_in_thirty_seconds():
    answer = answer_for("hanako_qa", "ja", "career_plan", 30, motivation="品質" * 190)
    assert answer.fits and "品質品質" not in answer.text


def test_render_interview_files_is_deterministic_and_names_both_files():
    plan = _with_interview("trainer_to_hr", "en")
    first = interview_files(plan, catalog(), "en")
    assert sorted(first) == ["interview-answer.html", "interview-answer.md", "interview-answer.txt"]
    assert first == interview_files(plan, catalog(), "en")


def test_render_interview_files_refuses_an_incomplete_interview_section():
    plan = persona_plan("trainer_to_hr")  # no interview section at all
    with pytest.raises(UsageError) as raised:
        interview_files(plan, catalog(), "en")
    assert "interview.company" in raised.value.render("en")


# ---- the command ---------------------------------------------------------------------------------

HANAKO = PERSONAS / "hanako_qa.yaml"


def without_seconds(write) -> Path:
    return write("partial.yaml", HANAKO.read_text(encoding="utf-8").replace("  seconds: 60\n", ""))


def test_command_writes_both_files_privately_and_shows_the_answer(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["interview-answer", "--answers", str(HANAKO), "--out", str(out),
                                 "--no-input"])
    assert result.exit_code == 0, result.output
    assert "株式会社サンプルコミュニケーションズ" in result.output
    for name in ("interview-answer.md", "interview-answer.txt"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600
    assert (out / "interview-answer.txt").read_text(encoding="utf-8").startswith("あなたのキャリアプラン")


def test_lang_option_writes_the_answer_in_english(runner, tmp_path):
    result = runner.invoke(app, ["interview-answer", "--answers", str(HANAKO), "--out", str(tmp_path),
                                 "--no-input", "--lang", "en"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "interview-answer.txt").read_text(encoding="utf-8")
    assert page.startswith("What is your career plan?")


def test_no_input_with_a_missing_interview_field_is_exit_2_naming_it(runner, tmp_path, write):
    out = tmp_path / "out"
    result = runner.invoke(app, ["interview-answer", "--answers", str(without_seconds(write)),
                                 "--out", str(out), "--no-input"])
    assert result.exit_code == 2
    assert "interview.seconds" in result.stderr and "--no-input" in result.stderr
    assert not out.exists()


def test_without_a_terminal_a_missing_field_is_exit_2_not_a_prompt(tmp_path, write):
    out = tmp_path / "out"
    result = subprocess.run([*CC_CAREER, "interview-answer", "--answers", str(without_seconds(write)),
                             "--out", str(out)], input="60\n", capture_output=True, text=True,
                            timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    assert "interview.seconds" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_an_existing_answer_is_not_overwritten_without_force(runner, tmp_path, write):
    out = tmp_path / "out"
    args = ["interview-answer", "--out", str(out), "--no-input", "--answers"]
    assert runner.invoke(app, [*args, str(HANAKO)]).exit_code == 0
    before = (out / "interview-answer.txt").read_bytes()
    longer = write("longer.yaml", HANAKO.read_text(encoding="utf-8").replace("seconds: 60", "seconds: 180"))
    result = runner.invoke(app, [*args, str(longer)])
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert (out / "interview-answer.txt").read_bytes() == before
    assert runner.invoke(app, [*args, str(longer), "--force"]).exit_code == 0
    assert (out / "interview-answer.txt").read_bytes() != before


def test_a_broken_answers_file_is_exit_2_with_its_position_and_no_traceback(runner, tmp_path, write):
    source = write("broken.yaml", "current:\n  role: operator\n  role: leader\n")
    result = runner.invoke(app, ["interview-answer", "--answers", str(source), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert f"{source}:3:3:" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "o").exists()


def test_an_error_never_echoes_the_persons_motivation(runner, tmp_path, write):
    secret = "給料が安いので今の会社を辞めたい" * 30  # over the 400-character limit
    text = HANAKO.read_text(encoding="utf-8").replace(
        "motivation: オペレーターからQAへ進むキャリアパスが用意されていること", f"motivation: {secret}")
    result = runner.invoke(app, ["interview-answer", "--answers", str(write("long.yaml", text)),
                                 "--out", str(tmp_path / "o"), "--no-input"])
    assert result.exit_code == 2
    assert "interview.motivation" in result.stderr
    assert "給料" not in result.stderr + result.output


def test_without_an_answers_file_it_says_to_make_the_plan_first(tmp_path):
    result = subprocess.run([*CC_CAREER, "interview-answer", "--no-input"], capture_output=True, text=True,
                            timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    assert "cc-career plan" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_plan_start_date_comes_from_the_file_so_reruns_are_identical(runner, tmp_path):
    for folder in ("a", "b"):
        args = ["interview-answer", "--answers", str(HANAKO), "--out", str(tmp_path / folder), "--no-input"]
        assert runner.invoke(app, args).exit_code == 0
    for name in ("interview-answer.md", "interview-answer.txt"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert dt.date(2026, 11, 22) == load_answers(HANAKO, catalog())[0].today


# ---- one real terminal session -------------------------------------------------------------------

ENTER, DOWN = "\r", "\x1b[B"


def test_interactive_run_asks_only_what_is_missing_then_writes_and_saves(tmp_path):
    text = HANAKO.read_text(encoding="utf-8")
    answers = tmp_path / "cc-career-answers.yaml"
    answers.write_text(text[: text.index("interview:")], encoding="utf-8")  # no interview section
    out = tmp_path / "out"
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "LINES": "40"}
    env.pop("CC_CAREER_DATA_DIR", None)
    child = pexpect.spawn(str(Path(sys.executable).parent / "cc-career"),
                          ["interview-answer", "--answers", str(answers), "--out", str(out)],
                          env=env, encoding="utf-8", timeout=30, dimensions=(40, 100), cwd=str(tmp_path))
    child.expect("応募する会社の名前")
    child.send("株式会社テスト" + ENTER)
    child.expect("応募する職種")  # the current role is offered as the default
    child.send(ENTER)
    child.expect("その会社を選んだ理由")
    child.send("オペレーターからQAへ進む道があること" + ENTER)
    child.expect("どの質問への答え")
    child.send(DOWN + ENTER)  # in_n_years
    child.expect("話す長さ")
    child.send(ENTER)  # 60 seconds
    child.expect("もう続けていること")  # the plan's first actions: which does she already do?
    child.expect("自分の応対の録音や文面を週3件自己採点")
    child.send(" " + ENTER)  # the first one
    child.expect("保存しますか")
    child.send(ENTER)  # yes
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    page = (out / "interview-answer.txt").read_text(encoding="utf-8")
    assert page.startswith("3年後、どのようになっていたいですか？")
    assert "株式会社テスト" in page
    assert "普段から、自分の応対の録音や文面を週3件自己採点し" in page.replace("\n", "")
    saved = yamlio.load(answers).data["interview"]
    assert saved == {"company": "株式会社テスト", "position": "オペレーター",
                     "motivation": "オペレーターからQAへ進む道があること", "question": "in_n_years",
                     "seconds": 60, "already_doing": ["s1-quality_monitoring-2"]}


def test_interactive_run_asks_before_replacing_an_answer_that_would_change(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "interview-answer.txt").write_text("my own notes\n", encoding="utf-8")
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "LINES": "40"}
    env.pop("CC_CAREER_DATA_DIR", None)
    child = pexpect.spawn(str(Path(sys.executable).parent / "cc-career"),
                          ["interview-answer", "--answers", str(HANAKO), "--out", str(out)],
                          env=env, encoding="utf-8", timeout=30, dimensions=(40, 100), cwd=str(tmp_path))
    child.expect("もう続けていること")
    child.send(ENTER)  # none of them
    child.expect("上書きしますか")  # the answer is on screen first, then the question
    assert "株式会社サンプルコミュニケーションズ" in child.before
    child.send(ENTER)  # the default is "no"
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert (out / "interview-answer.txt").read_text(encoding="utf-8") == "my own notes\n"
    assert not (out / "interview-answer.md").exists()


def test_a_batch_writes_the_plan_but_no_answer_for_a_person_under_strain(runner, tmp_path, write):
    text = (PERSONAS / f"{STRAIN}.yaml").read_text(encoding="utf-8")
    company, position, motivation = DETAILS[STRAIN]["ja"]
    text += (f"interview:\n  company: {company}\n  position: {position}\n  motivation: {motivation}\n"
             "  question: career_plan\n  seconds: 60\n")
    source = write("strain.yaml", text)
    result = runner.invoke(app, ["batch", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output + result.stderr
    written = {p.name for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert "career-plan.md" in written
    assert not written & {"interview-answer.md", "interview-answer.txt"}


def test_a_plan_with_little_to_say_is_not_padded_and_the_md_says_what_to_add():
    # An operator who stays an operator and rated every skill 4: the plan holds little to say.
    plan = persona_plan("hanako_qa")
    current = plan.answers.current.model_copy(update={
        "skills": dict.fromkeys(plan.answers.current.skills, 4), "kpis": type(plan.answers.current.kpis)()})
    ideal = plan.answers.ideal.model_copy(update={"target_role": "operator", "horizon_years": 1})
    answers = plan.answers.model_copy(update={
        "current": current, "ideal": ideal,
        "interview": interview_for("hanako_qa", "en", "career_plan", 180, already_doing=[])})
    plan = build_plan(answers, catalog(), answers.today)
    files = interview_files(plan, catalog(), "en")
    answer = compose_answer(plan, catalog(), answers.interview, "en")
    assert answer.length < band(180, "en")[0]
    assert f"material for about {answer.spoken_seconds} seconds" in files["interview-answer.md"]
    assert files["interview-answer.txt"].rstrip().endswith("(target 180 seconds)")


@pytest.mark.parametrize("tail", ["9か月以内に", "420秒です", "80%以上"])
def test_a_number_and_its_unit_stay_on_one_line(tail):
    for pad in range(70, 80):
        lines = wrap("あ" * (pad // 2) + tail + "いう" * 10, "ja", 80)
        assert not any(line[:1] in "か月秒%" for line in lines[1:]), lines
