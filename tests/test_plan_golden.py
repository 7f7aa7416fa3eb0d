"""Whole career plans for people drawn from the seeds' stories, in Japanese and English.

Each golden file was read as its reader would read it before it was committed. The dates
are frozen by each persona's `today`, so the files only change when the method, the data
or the wording does (then: `pytest --update-golden`, and review the diff).
"""

from __future__ import annotations

import pytest
from conftest import PERSONAS

from cc_career import api

NAMES = sorted(p.stem for p in PERSONAS.glob("*.yaml"))


@pytest.fixture(scope="module")
def catalog():
    return api.load_catalog()


def test_there_are_at_least_six_personas():
    assert len(NAMES) >= 6


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_plan_matches_its_golden_file(catalog, golden, name, lang):
    plan = api.build_plan(api.load_answers(PERSONAS / f"{name}.yaml", catalog), catalog)
    golden(f"plan/{name}.{lang}.md", api.render_plan(plan, catalog, lang))
