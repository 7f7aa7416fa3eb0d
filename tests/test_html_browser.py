"""The printable pages in a real browser (Debian's headless Chromium): every persona's plan
prints on A4 within its page budget, is not blank, has nothing wider than the page and asks
the network for nothing; the interview answer and the cohort summary too.

One Chromium start per page gives the screenshot, the PDF and the measurements (tests/browser.py).
Skipped only when no Chromium is installed; CI sets CC_CAREER_REQUIRE_BROWSER=1 so that there
a missing browser fails instead.
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from browser import A4_POINTS, PHONE_PX, chromium_or_skip, ink, render
from conftest import PERSONAS

from cc_career.cli import app
from cc_career.core.plan import build_plan
from cc_career.files.load import load_answers, load_catalog
from cc_career.render.html import render_plan_html

pytestmark = pytest.mark.slow
NAMES = sorted(p.stem for p in PERSONAS.glob("*.yaml"))


@pytest.fixture(scope="module")
def browser() -> str:
    return chromium_or_skip()


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(None)


def page_budget(milestones: int) -> int:
    """Four pages hold a plan with up to 12 milestones (a one-step plan); each further 6
    milestones (an exam's course, application and result among them, two backlog lines
    counting as one) may take one more page; the Job Card sheet is one page of its own."""
    return 4 + math.ceil(max(0, milestones - 12) / 6) + 1


def _plan_page(name: str, lang: str, catalog, folder: Path) -> tuple[Path, int]:
    answers, _ = load_answers(PERSONAS / f"{name}.yaml", catalog)
    plan = build_plan(answers, catalog, answers.today)
    page = folder / f"{name}.{lang}.html"
    page.write_text(render_plan_html(plan, catalog, lang), "utf-8")
    # A backlog line takes about half a milestone row's room (the list for the next review).
    return page, len(plan.milestones) + len(plan.backlog) // 2


def _assert_printable(shot, budget: int) -> None:
    pages = shot.pages
    assert 1 <= len(pages) <= budget, f"{len(pages)} pages, budget {budget}"
    for width, height in pages:  # A4 portrait, to the point
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (width, height)
    assert ink(shot.png) > 0.03, "the screenshot is (nearly) blank"
    assert shot.probe["text"] > 200
    assert shot.probe["wide"] == [], "elements wider than the page"
    assert shot.probe["scroll_width"] <= shot.probe["width"]
    assert shot.probe["resources"] == [], "the page loaded something"
    assert shot.page_requests == [], "the page asked the network for something"


@pytest.fixture(scope="module")
def persona_prints(browser, catalog, tmp_path_factory):
    """Every persona's plan in both languages, rendered three at a time (Chromium mostly waits)."""
    folder = tmp_path_factory.mktemp("prints")
    pages = {(name, lang): _plan_page(name, lang, catalog, folder) for name in NAMES for lang in ("ja", "en")}
    with ThreadPoolExecutor(3) as pool:
        shots = dict(zip(pages, pool.map(lambda item: render(browser, item[0], folder), pages.values()),
                             strict=True))
    return {key: (shots[key], pages[key][1]) for key in pages}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_every_persona_plan_prints_on_a4_within_its_page_budget(persona_prints, name, lang):
    shot, milestones = persona_prints[name, lang]
    _assert_printable(shot, page_budget(milestones))


@pytest.mark.parametrize(("name", "lang"), [("hanako_qa", "ja"), ("it_support_to_leader", "en")])
def test_the_plan_reads_on_a_phone_without_sideways_scrolling(browser, catalog, tmp_path, name, lang):
    page, _ = _plan_page(name, lang, catalog, tmp_path)
    shot = render(browser, page, tmp_path, width=PHONE_PX, height=844)
    assert shot.probe["width"] == PHONE_PX
    assert shot.probe["wide"] == [] and shot.probe["scroll_width"] <= PHONE_PX
    assert ink(shot.png) > 0.03


def test_the_job_card_is_one_sheet_of_its_own(browser, catalog, tmp_path):
    # the longest one-step plan in English: without the Job Card it is exactly one page shorter
    page, _ = _plan_page("hanako_qa", "en", catalog, tmp_path)
    whole = render(browser, page, tmp_path)
    source = page.read_text("utf-8")
    start = source.index('<section class="page-break jobcard"')
    cut = tmp_path / "without-job-card.html"
    cut.write_text(source[:start] + source[source.index("</section>", start) + len("</section>"):], "utf-8")
    assert len(render(browser, cut, tmp_path).pages) == len(whole.pages) - 1


def test_interview_answer_and_cohort_summary_print_too(browser, tmp_path, runner):
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(PERSONAS), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    answers = sorted(out.glob("*/interview-answer.html"))
    assert answers
    _assert_printable(render(browser, answers[0], tmp_path), budget=2)
    _assert_printable(render(browser, out / "cohort-summary.html", tmp_path), budget=3)


def test_the_checks_catch_a_page_that_fetches_or_overflows(browser, tmp_path):
    # the measurements must be able to fail: an image from the network and a too-wide block
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>'
                   '<p>text</p><img src="http://cc-career.invalid/logo.png" alt="">'
                   '<div class="wide" style="width:3000px">wide</div></body></html>', "utf-8")
    shot = render(browser, bad, tmp_path)
    assert any("cc-career.invalid" in line for line in shot.page_requests), shot.requests
    assert any(item.startswith("div.wide") for item in shot.probe["wide"])
