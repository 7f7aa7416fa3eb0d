"""Whole progress reports (review-YYYY-MM-DD.md) for personas' check-ins, in Japanese and
English. Each golden file was read as the person's SV would read it before it was committed
(/work/shared/REVIEW.md); `pytest --update-golden` rewrites them, then review the diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PERSONAS

from cc_career.core.models.plan_file import PlanFile
from cc_career.core.plan import build_plan
from cc_career.core.plan.review import review
from cc_career.files.load import load_answers, load_catalog
from cc_career.files.progress import check_progress, read_progress
from cc_career.render.plan_json import render_plan_json
from cc_career.render.review_md import render_review

CHECK_INS = Path(__file__).parent / "progress"
NAMES = sorted(p.stem for p in CHECK_INS.glob("*.yaml"))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(None)


def test_there_are_at_least_two_check_ins():
    assert len(NAMES) >= 2


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_progress_report_matches_its_golden_file(catalog, golden, name, lang):
    answers, _ = load_answers(PERSONAS / f"{name}.yaml", catalog)
    plan = build_plan(answers, catalog, answers.today)
    previous = PlanFile.model_validate(json.loads(render_plan_json(plan, catalog)))
    progress = check_progress(read_progress(CHECK_INS / f"{name}.yaml"), previous, catalog)
    result = review(previous, answers, progress, catalog, progress.today)
    golden(f"review/{name}.{lang}.md", render_review(result, catalog, lang))
