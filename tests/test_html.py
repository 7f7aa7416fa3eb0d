"""The printable HTML pages without a browser: the SVG pictures from fixed plans (golden
files), what every persona's page holds, self-containment, and hostile text staying text."""

from __future__ import annotations

import datetime as dt
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import PATHS_YAML, PERSONAS, SKILLS_YAML

from cc_career.cli import app
from cc_career.core.plan import build_plan
from cc_career.files.load import load_answers, load_catalog
from cc_career.render.html import css_string, phrases, render_plan_html
from cc_career.render.html_view import MilestoneRow, PlanView, SkillRow, StepRow, plan_view
from cc_career.render.svg import bar_chart_svg, skills_svg, timeline_svg

NAMES = sorted(p.stem for p in PERSONAS.glob("*.yaml"))
D = dt.date


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(None)


def persona_plan(name: str, catalog):
    answers, _ = load_answers(PERSONAS / f"{name}.yaml", catalog)
    return build_plan(answers, catalog, answers.today)


# ---- a fixed plan, written out here, so the pictures' golden files change only with the drawing --


def fixed_view(lang: str = "ja", *, strain: bool = False) -> PlanView:
    steps = (
        StepRow(1, "オペレーター", "リーダー", D(2026, 12, 1), D(2027, 12, 1), 12, 12, "安定した応対品質"),
        StepRow(2, "リーダー", "トレーナー", D(2027, 12, 1), D(2028, 12, 1), 12, 12, "新人指導の経験"),
    )
    milestones = (
        MilestoneRow(1, D(2026, 11, 20), 0, "health", "休養と相談", None, None, "休む", "相談できた"),
        MilestoneRow(2, D(2027, 2, 1), 1, "skill", "スキル", "コミュニケーション", 3, "録音を聞き直す",
                     "月10件"),
        MilestoneRow(3, D(2027, 2, 8), 1, "skill", "スキル", "コーチング", 2, "新人に教える", "1人"),
        MilestoneRow(4, D(2027, 6, 1), 1, "kpi", "KPI目標", None, None, "FCRを上げる", "FCR 80%"),
        MilestoneRow(5, D(2027, 11, 1), 1, "move", "職種の移行", None, None, "リーダーへ", "配属"),
        MilestoneRow(6, D(2028, 5, 1), 2, "certificate", "資格", None, None, "検定を受ける", "合格"),
        MilestoneRow(7, D(2028, 11, 1), 2, "move", "職種の移行", None, None, "トレーナーへ", "配属"),
    )
    skills = (
        SkillRow("coaching", "コーチング", 0, "assumed", 3, 5, None, None, "トレーナーになるまで"),
        SkillRow("communication", "コミュニケーション", 2, "self", 3, 4, 2, None, "リーダーになるまで"),
        SkillRow("complaint_handling", "クレーム対応", 2, "trainer", 2, 3, 3, 2, "今の職種で"),
        SkillRow("quality_monitoring", "品質モニタリング", 1, "assumed", 1, 2, None, None, "今の職種で"),
    )
    return PlanView(
        lang=lang, name="山田 花子", made_on=D(2026, 11, 1), target="トレーナー", target_track="専門職",
        target_description="新人を育てる", target_chosen=True, target_pay=None, target_pay_source=None,
        realistic_end=D(2028, 12, 1), horizon_end=D(2028, 11, 1), horizon_years=2, fits_horizon=False,
        strain=strain, rest_until=D(2026, 11, 20) if strain else None, facts=(), ideal=(), strengths=(),
        recommendations=(), roles=("オペレーター", "リーダー", "トレーナー"), steps=steps, skills=skills,
        has_trainer=True, disagreements=(), certifications=(), experience_note=None,
        milestones=milestones if strain else milestones[1:], chains=(),
        reviews=(D(2027, 5, 1), D(2027, 11, 1), D(2028, 5, 1), D(2028, 12, 1)), jobcard=(),
    )


@pytest.mark.parametrize("strain", [False, True], ids=["plain", "strain"])
def test_timeline_picture_matches_its_golden_file(golden, strain):
    name = "strain" if strain else "plain"
    golden(f"svg/timeline.{name}.svg", _lines(timeline_svg(fixed_view(strain=strain))))


def test_skills_picture_matches_its_golden_file(golden):
    golden("svg/skills.svg", _lines(skills_svg(fixed_view())))


def _lines(svg: str) -> str:
    """One element a line, so a change to the drawing reads as a diff."""
    return str(svg).replace("><", ">\n<") + "\n"


def test_timeline_draws_every_milestone_review_the_horizon_and_the_start():
    view = fixed_view(strain=True)
    svg = str(timeline_svg(view))
    numbers = re.findall(r'<g class="mark mark-(\w+)"><title>(\d+)\. ', svg)
    assert [int(n) for _, n in numbers] == [m.number for m in view.milestones]
    assert [kind for kind, _ in numbers] == [m.kind for m in view.milestones]
    for review in view.reviews[:-1]:  # the last review is the target date, drawn as such
        assert f"{review.year}/{review.month}/{review.day}<" in svg
    assert "希望の期限 2028/11/1" in svg and "作成日 2026/11/1" in svg and "目標 2028/12/1" in svg
    assert "休養と相談" in svg  # the rest before the first step has its own lane
    assert svg.count("<rect") == 3  # rest + two steps


def test_markers_that_fall_close_together_do_not_overlap():
    svg = str(timeline_svg(fixed_view()))
    # milestones 2 and 3 are a week apart: the same x (within a marker), different rows
    centres = {int(n): (float(x), float(y)) for x, y, n in
               re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*/><text[^>]*>(\d+)</text>', svg)}
    (x2, y2), (x3, y3) = centres[2], centres[3]
    assert abs(x2 - x3) < 16 and y2 != y3


def test_skills_picture_tells_rated_from_assumed_and_carries_the_numbers_as_text():
    svg = str(skills_svg(fixed_view()))
    rows = re.findall(r'<g class="skill source-(\w+)"><title>([^<]*)</title>', svg)
    assert [source for source, _ in rows] == ["assumed", "self", "trainer", "assumed"]
    assert rows[1][1] == "コミュニケーション: いま2（自己評価）、必要3、重要度4"
    assert 'fill="url(#cc-hatch)"' in svg and '<pattern id="cc-hatch"' in svg
    assert "2 → 3<" in svg and "1 ≥ 1（仮）<" in svg and "2 ≥ 2<" in svg
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'role="img"' in svg
    assert "<title id=\"skills-title\">スキルのいまと必要なレベル（4項目）</title>" in svg


def test_a_long_label_is_squeezed_into_its_column():
    rows = [("とても長い名前のスキルでございます" * 2, 3, "3"), ("短い", 1, "1")]
    svg = str(bar_chart_svg(rows, title="t", ident="c"))
    assert svg.count('lengthAdjust="spacingAndGlyphs"') == 1


# ---- every persona's page ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_every_persona_page_is_complete_and_self_contained(catalog, name, lang):
    plan = persona_plan(name, catalog)
    html = render_plan_html(plan, catalog, lang)
    assert html.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in html
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg"') == 2  # timeline and skills
    # self-contained: nothing to fetch, no script
    assert not re.search(r"<script|\bsrc=|<link|@import|url\((?!#)", html), "the page must fetch nothing"
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html
    # the four boxes of the Job Card, with text in each
    jobcard = html[html.index('class="page-break jobcard"'):]
    boxes = re.findall(r'<div class="jc-box">\n<h3>(.*?)</h3>\n<div class="jc-text">\n(.*?)</div>',
                       jobcard.replace("<wbr>", ""), re.S)
    assert len(boxes) == 4 and all("<p>" in text for _, text in boxes)
    if lang == "ja":
        assert [title for title, _ in boxes] == ["価値観、興味、関心事項等", "強み等",
                                                 "将来取り組みたい仕事や働き方等", "これから取り組むこと等"]
    # one number per fact: the milestones' dates in the table are the plan's
    view = plan_view(plan, catalog, lang)
    assert len(re.findall(r'<tr class="milestone">', html)) == len(plan.milestones)
    assert [m.date for m in view.milestones] == [m.date for m in plan.milestones]
    _well_formed(html)


def test_unrated_skills_are_assumed_at_the_current_roles_level(catalog):
    plan = persona_plan("it_support_to_leader", catalog)
    rated = {**plan.answers.current.skills, **plan.answers.current.trainer_skills}
    for row in plan_view(plan, catalog, "en").skills:
        if row.skill_id in rated:
            assert row.source in ("self", "trainer") and row.now == rated[row.skill_id]
        else:  # the planner's own assumption (the current role's level), never 0 by default
            assert row.source == "assumed"
            assert row.now == plan.ratings[row.skill_id].level


def test_japanese_text_breaks_between_phrases_and_never_inside_a_number():
    text = str(phrases("2027年1月22日までに録音を週3本聞き直し、AHT 420秒を目指す", "ja"))
    assert text.count("<wbr>") >= 3
    assert not re.search(r"\d<wbr>|<wbr>\d", text), text  # "202|7年", "420|秒" would be cut
    assert text.replace("<wbr>", "") == "2027年1月22日までに録音を週3本聞き直し、AHT 420秒を目指す"
    assert "<wbr>" not in str(phrases("Review your own calls", "en"))


# ---- hostile text is text ------------------------------------------------------------------------

HOSTILE = '<script>alert(1)</script>{{ 7*7 }}{% raw %}"\'&</style></svg>\u202e'


def test_hostile_names_and_data_labels_render_as_text(tmp_path, write, runner):
    data = tmp_path / "data"
    skills = SKILLS_YAML.replace("{ja: コミュニケーション, en: Communication}",
                                 '{ja: "<b>会話</b>{{ x }}", en: "<img src=x onerror=alert(1)>"}')
    paths = PATHS_YAML.replace("{ja: 品質管理, en: Quality assurance}",
                               '{ja: "<script>品質</script>", en: "</svg><script>QA</script>{{ 1 }}"}')
    assert skills != SKILLS_YAML and paths != PATHS_YAML
    write("data/skills.yaml", skills)
    write("data/paths.yaml", paths)
    answers = write("a.yaml", f"""\
schema_version: 1
name: {_yaml_string(HOSTILE)}
language: ja
today: 2026-11-22
current: {{role: operator, years_in_role: 1, years_total: 1, employment: dispatch,
           skills: {{communication: 1, quality_monitoring: 1}},
           certifications: [{_yaml_string('<iframe src="http://x">')}]}}
ideal: {{horizon_years: 3, target_role: qa, style: specialist}}
interview: {{company: {_yaml_string('<a href="http://x">社</a>')}, position: "{{{{ pos }}}}",
            motivation: {_yaml_string(HOSTILE)}, question: career_plan, seconds: 60}}
""")
    for lang in ("ja", "en"):
        out = tmp_path / f"out-{lang}"
        result = runner.invoke(app, ["plan", "--answers", str(answers), "--no-input", "--out", str(out),
                                     "--data-dir", str(data), "--lang", lang])
        assert result.exit_code == 0, result.output
        result = runner.invoke(app, ["interview-answer", "--answers", str(answers), "--no-input",
                                     "--out", str(out), "--data-dir", str(data), "--lang", lang])
        assert result.exit_code == 0, result.output
        for name in ("career-plan.html", "interview-answer.html"):
            path = out / name
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
            html = path.read_text("utf-8")
            tags = _well_formed(html)
            assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
            assert not re.search(r"<(script|img|iframe|a|b)\b", html)
            assert "\u202e" not in html  # a bidi override cannot reorder the printed text
            # shown as typed: not markup, and the braces are not evaluated
            assert "<script>alert(1)</script>{{ 7*7 }}" in _text_of(html)
            style = html[html.index("<style>"):html.index("</style>")]
            assert "<" not in style[len("<style>"):]  # the page header cannot close the style sheet
        page = _text_of((out / "career-plan.html").read_text("utf-8"))
        assert ("<b>会話</b>{{ x }}" if lang == "ja" else "<img src=x onerror=alert(1)>") in page
        assert ("<script>品質</script>" if lang == "ja" else "</svg><script>QA</script>{{ 1 }}") in page


def test_the_page_header_is_a_css_string_nothing_can_break_out_of():
    literal = str(css_string('a"; } body { display: none } /* \\ </style>'))
    assert literal.startswith('"') and literal.endswith('"')
    assert re.fullmatch(r'"(?:[A-Za-z0-9]|\\[0-9a-f]{6})*"', literal)


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\u202e", "\\u202e") + '"'


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section",
                "h1", "h2", "h3", "p", "ul", "ol", "li", "strong", "span", "br", "wbr", "table", "thead",
                "tbody", "tr", "th", "td", "figure", "figcaption", "div", "svg", "desc", "defs", "pattern",
                "rect", "line", "circle", "polygon", "text", "g"}


class _Tags(HTMLParser):
    VOID = {"meta", "br", "wbr", "rect", "line", "circle", "polygon"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.seen: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.seen.add(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1:]}>"
        self.open.pop()

    def handle_data(self, data):
        if self.open and self.open[-1] != "style":
            self.text.append(data)


def _well_formed(html: str) -> set[str]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    assert parser.open == [], parser.open
    return parser.seen


def _text_of(html: str) -> str:
    parser = _Tags()
    parser.feed(html)
    return "".join(parser.text)


def test_batch_writes_a_cohort_page_with_its_charts(tmp_path, runner):
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(PERSONAS), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    html = (out / "cohort-summary.html").read_text("utf-8")
    assert stat.S_IMODE((out / "cohort-summary.html").stat().st_mode) == 0o600
    assert html.count("<svg") == 4
    names = [load_answers(p, load_catalog(None))[0].name for p in PERSONAS.glob("*.yaml")]
    assert not any(name and name in html for name in names), "the cohort page is aggregate only"
    _well_formed(html)
    for folder in (p for p in out.iterdir() if p.is_dir()):
        assert (folder / "career-plan.html").is_file()


def test_the_html_page_is_written_beside_the_markdown(tmp_path, runner):
    out = tmp_path / "out"
    args = ["plan", "--answers", str(PERSONAS / "hanako_qa.yaml"), "--no-input", "--out", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    first = (out / "career-plan.html").read_bytes()
    assert runner.invoke(app, args).exit_code == 0  # a re-run changes nothing
    assert (out / "career-plan.html").read_bytes() == first
    assert Path(out / "career-plan.md").is_file()


def test_every_milestone_kind_has_the_colour_the_legend_gives_it():
    """The timeline colours each kind as the legend says: an exam's steps purple, the move red,
    health green (a kind missing from the map would raise, not draw grey)."""
    from typing import get_args

    from cc_career.core.models.plan import Kind
    from cc_career.render.svg import KIND_COLOURS

    assert set(KIND_COLOURS) == set(get_args(Kind))
    assert {KIND_COLOURS[k] for k in ("course", "application", "certificate", "result", "registration")} == {
        "#6b46c1"}
    assert KIND_COLOURS["move"] == "#c53030"
    assert KIND_COLOURS["health"] == "#2f855a"
