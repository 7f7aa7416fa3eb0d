"""The two career-plan templates (plan.ja.md.j2, plan.en.md.j2) and the locale files they use
must say the same thing in both languages: same keys, same sections, same dates."""

from __future__ import annotations

import datetime as dt
import re
import string
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest
import yaml

from cc_career.core.plan import build_plan
from cc_career.files.load import load_answers, load_catalog
from cc_career.render.i18n import _flatten
from cc_career.render.plan_md import render_plan

TODAY = dt.date(2026, 11, 23)

# The SPEC's example answers file, in English.
BASE = {
    "schema_version": 1,
    "name": "Hanako Yamada",
    "language": "en",
    "today": TODAY.isoformat(),
    "current": {
        "role": "operator",
        "years_in_role": 1,
        "years_total": 1,
        "employment": "dispatch",
        "industry": "telecom",
        "channels": ["phone"],
        "skills": {"communication": 2, "complaint_handling": 1},
        "kpis": {"aht_seconds": 420, "fcr_rate": 0.70, "csat": 0.85},
        "certifications": [],
    },
    "ideal": {
        "values": ["quality", "growth"],
        "interests": ["it"],
        "style": "specialist",
        "horizon_years": 3,
        "target_role": "qa",
        "salary_target_jpy": 4500000,
    },
    "concerns": {"reasons": ["workload", "health"], "sleep_trouble": False, "physical_symptoms": False},
}


def _variant(current: dict | None = None, ideal: dict | None = None, **top: object) -> dict:
    answers = {**BASE, **top}
    answers["current"] = {**BASE["current"], **(current or {})}
    answers["ideal"] = {**BASE["ideal"], **(ideal or {})}
    return answers


def _without_target(answers: dict) -> dict:
    answers["ideal"].pop("target_role")
    return answers


VARIANTS = {
    "spec_example": BASE,
    "strain": _variant(concerns={"reasons": ["health"], "sleep_trouble": True}),
    "short_horizon": _variant(ideal={"horizon_years": 1, "target_role": "center_manager",
                                     "style": "management"}),
    "trainer_ratings": _variant(current={"certifications": ["TOEIC 650"], "trainer_skills": {
        "complaint_handling": 2, "communication": 1, "product_knowledge": 3}}),
    "career_change": _without_target(_variant(name="山田 花子", ideal={"style": "career_change"})),
    "no_route": _variant(current={"role": "qa", "years_total": 5, "years_in_role": 2, "kpis": {}},
                         ideal={"target_role": "qa", "values": [], "interests": [], "style": "undecided"}),
}

KANA = re.compile(r"[\u3040-\u30ff]")  # Hiragana and Katakana (Katakana's middle dot and ー included)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(None)


@pytest.fixture
def plans(catalog, write: Callable[[str, str], Path]) -> Callable[[str], dict[str, str]]:
    """plans(variant) -> {"ja": markdown, "en": markdown} for one answers file."""

    def _render(variant: str) -> dict[str, str]:
        path = write(f"{variant}.yaml", yaml.safe_dump(VARIANTS[variant], allow_unicode=True))
        answers, _ = load_answers(path, catalog)
        plan = build_plan(answers, catalog, TODAY)
        return {lang: render_plan(plan, catalog, lang) for lang in ("ja", "en")}

    return _render


# ---- (a) the locale files ---------------------------------------------------------------------


def _messages(lang: str) -> dict[str, str]:
    # read afresh (not through the program's cache), flattened as the program flattens it
    text = resources.files("cc_career.render").joinpath("locales", f"{lang}.toml").read_text("utf-8")
    return _flatten(tomllib.loads(text))


def _placeholders(message: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(message) if field is not None}


def test_locales_have_the_same_keys_and_placeholders() -> None:
    ja, en = _messages("ja"), _messages("en")
    assert sorted(set(ja) - set(en)) == [], "keys in ja.toml but not in en.toml"
    assert sorted(set(en) - set(ja)) == [], "keys in en.toml but not in ja.toml"
    differing = {
        key: (sorted(_placeholders(ja[key])), sorted(_placeholders(en[key])))
        for key in ja
        if _placeholders(ja[key]) != _placeholders(en[key])
    }
    # PyYAML's own (English) detail is said in Japanese in a Japanese run (yamlio._PROBLEMS_JA).
    assert differing.pop("yaml.syntax", None) in (None, (["problem_ja"], ["problem"]))
    assert differing == {}, "placeholders differ between ja.toml and en.toml"


# ---- (b) the two plans have the same shape ----------------------------------------------------


def _sections(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("## ")]


def _gantt(markdown: str) -> str:
    blocks = re.findall(r"^```mermaid\n(.*?)^```$", markdown, flags=re.MULTILINE | re.DOTALL)
    assert len(blocks) == 1, "one Mermaid block expected"
    return blocks[0]


def _iso_dates(text: str) -> set[str]:
    return set(re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text))


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_ja_and_en_plans_have_the_same_sections_and_dates(plans, variant: str) -> None:
    plan = plans(variant)
    assert len(_sections(plan["ja"])) == len(_sections(plan["en"]))
    assert _iso_dates(_gantt(plan["ja"])) == _iso_dates(_gantt(plan["en"]))
    assert _iso_dates(_gantt(plan["en"])), "the timeline has dates"


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_gantt_lines_keep_mermaid_syntax(plans, variant: str) -> None:
    """Each task is `name :data`: one colon, and no `#` or `;` that Mermaid would cut at."""
    task = re.compile(r"^    [^:;#\n]+ :[a-z]+[^:;#\n]*, \d{4}-\d{2}-\d{2}, (\d{4}-\d{2}-\d{2}|0d)$")
    for lang, markdown in plans(variant).items():
        lines = _gantt(markdown).splitlines()
        assert lines[:4] == ["gantt", lines[1], "    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m"]
        assert re.fullmatch(r"    title [^:;#]+", lines[1]), (lang, lines[1])
        for line in lines[4:]:
            assert line.startswith("    section ") or task.match(line), (lang, line)


def test_strain_and_short_horizon_show_in_both_languages(plans) -> None:
    strain = plans("strain")
    assert _sections(strain["ja"])[0] == "## まず、体調を整えることから"
    assert _sections(strain["en"])[0] == "## First, look after your health"
    assert "https://kokoro.mhlw.go.jp/" in strain["en"] and "Kokoro no Mimi" in strain["en"]
    short = plans("short_horizon")
    assert "**期間について**" in short["ja"] and "**About your time frame**" in short["en"]
    assert "About your time frame" not in plans("spec_example")["en"]


def test_trainer_ratings_show_side_by_side(plans) -> None:
    plan = plans("trainer_ratings")
    assert "| Skill | Your rating | Trainer's rating |" in plan["en"]
    assert "| Product knowledge | not rated | 3 |" in plan["en"]
    assert "| スキル | 自己評価 | トレーナー評価 |" in plan["ja"]


# ---- (c) no Japanese left in the English plan -------------------------------------------------

# Japanese may appear in the English plan only as a name: quoted 「like this」, or in brackets
# next to its English name, e.g. "Telephone Skills Test (もしもし検定)". Remove those; no kana
# may remain. (Kanji alone is not checked: a person's name such as 山田 花子 stays as typed.)
QUOTED_NAME = re.compile(r"「[^」]*」|[(（][^()（）]*[\u3040-\u30ff][^()（）]*[)）]")


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_english_plan_has_no_japanese_outside_names(plans, variant: str) -> None:
    leftovers = [
        line for line in plans(variant)["en"].splitlines() if KANA.search(QUOTED_NAME.sub("", line))
    ]
    assert leftovers == []


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_plans_have_no_template_leftovers(plans, variant: str) -> None:
    for markdown in plans(variant).values():
        # "None yet" is the English plan's word for no certifications; a bare None is a leak.
        assert not re.search(r"\{\{|\}\}|\{%|%\}|\bNone\b(?! yet)|Undefined", markdown)
        assert "\n\n\n" not in markdown
        assert markdown.endswith("*\n")
