"""Properties that hold for any input (hypothesis; example counts come from the profile
registered in conftest.py: `ci` by default, `thorough` for ten times as many).

- The loader turns any text or bytes into data or one of our own errors, never anything else.
- Any valid answers, saved as the questionnaire saves them and read back, are the same answers.
- Any valid answers make a plan whose milestones keep to the route's calendar, and whose
  documents stay inside `--out`, hold no control characters and link nowhere on the disk.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import unicodedata
from functools import cache
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cc_career.commands import plan as plan_command
from cc_career.core.models import answers as model
from cc_career.core.models.answers import Answers
from cc_career.core.models.catalog import Catalog
from cc_career.core.plan import build_plan
from cc_career.errors import CcCareerError, InputError
from cc_career.files import yamlio
from cc_career.files.load import dump_answers, load_answers, load_catalog

EXAMPLES = settings.default.max_examples  # per test, from the loaded profile
# The fixtures here are module-wide scratch space and a catalog, shared by every example.
SHARED = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@cache
def bundled() -> Catalog:
    """The bundled data (not a fixture: hypothesis would print all of it with every failure)."""
    return load_catalog(None)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


# ---- the loader: only our own errors --------------------------------------------------------------

# Text made of what YAML gives meaning to, so the parser's every state is reached quickly.
YAML_PIECES = [
    "\n", "  ", "- ", ": ", ":", "? ", ",", "[", "]", "{", "}", "#", "&a ", "*a", "!", "!!str ", "|", ">",
    "'", '"', "%YAML 1.1\n", "---\n", "...\n", "<<: ", "\t", "\r\n", "\\", "~", "null", "yes", "0x1F",
    "1e400", "2026-13-45", "current", "skills", "role", "operator", "name", "秘密", "\x85", "\u2028",
    "\ufeff", "\x00", "\x07", "\x1b[31m",
]
yaml_like = st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=3), max_size=60).map("".join)


def _only_our_errors(path: Path, catalog: Catalog) -> None:
    try:
        load_answers(path, catalog)
    except InputError as error:
        error.render("ja")  # the message renders, in both languages
        error.render("en")
    except CcCareerError:
        pass


@settings(max_examples=EXAMPLES, suppress_health_check=SHARED)
@given(text=st.text())
def test_any_text_loads_or_fails_with_our_own_error(text, scratch):
    path = scratch / "text.yaml"
    path.write_text(text, "utf-8")
    _only_our_errors(path, bundled())


@settings(max_examples=EXAMPLES, suppress_health_check=SHARED)
@given(text=yaml_like)
def test_any_yaml_like_text_loads_or_fails_with_our_own_error(text, scratch):
    path = scratch / "yaml-like.yaml"
    path.write_text(text, "utf-8", newline="")
    _only_our_errors(path, bundled())


@settings(max_examples=EXAMPLES // 2, suppress_health_check=SHARED)
@given(raw=st.binary(max_size=2048) | yaml_like.map(lambda t: t.encode("cp932", "replace")))
def test_any_bytes_load_or_fail_with_our_own_error(raw, scratch):
    path = scratch / "bytes.yaml"
    path.write_bytes(raw)
    _only_our_errors(path, bundled())


# ---- answers: save → read → the same ---------------------------------------------------------------

ID = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)
def _not_blank(text: str) -> bool:  # blank text (only spaces or controls) is refused (issue 17)
    from cc_career.render.text import inline

    return bool(inline(text))


FREE_TEXT = st.text(min_size=1, max_size=200).filter(_not_blank)  # controls and \x85 included


def _choices(literal: object) -> st.SearchStrategy:
    return st.sampled_from(get_args(literal))


@cache
def reachable_roles() -> dict[str, list[str]]:
    catalog = bundled()
    return {role: [r for r in catalog.roles if r != role and catalog.reachable(role, r)]
            for role in catalog.roles}


@st.composite
def valid_answers(draw: st.DrawFn) -> Answers:
    """Any answers file the program accepts (with the bundled data): every field the contract
    has, in every shape."""
    catalog = bundled()
    role = draw(st.sampled_from(sorted(catalog.roles)))
    skills = st.dictionaries(st.sampled_from(sorted(catalog.skills)), st.integers(0, 4), max_size=8)
    years_total = draw(st.floats(0, 50, allow_nan=False))
    rate = st.floats(0, 1, allow_nan=False)
    maybe = st.none
    data = {
        "schema_version": 1,
        "name": draw(maybe() | FREE_TEXT),
        "language": draw(st.sampled_from(["ja", "en"])),
        "today": draw(maybe() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))),
        "current": {
            "role": role,
            "years_in_role": draw(st.floats(0, years_total, allow_nan=False)),
            "years_total": years_total,
            "employment": draw(_choices(model.Employment)),
            "industry": draw(maybe() | ID),
            "channels": draw(st.lists(_choices(model.Channel), max_size=3)),
            "skills": draw(skills),
            "kpis": {
                "aht_seconds": draw(maybe() | st.integers(1, 7200)),
                "fcr_rate": draw(maybe() | rate),
                "csat": draw(maybe() | rate),
            },
            "certifications": draw(st.lists(FREE_TEXT, max_size=3)),
            "trainer_skills": draw(skills),
        },
        "ideal": {
            "values": draw(st.lists(st.sampled_from(sorted(catalog.values)), max_size=4)),
            "interests": draw(st.lists(st.sampled_from(sorted(catalog.interests)), max_size=3)),
            "style": draw(_choices(model.Style)),
            "horizon_years": draw(st.integers(1, 10)),
            "target_role": draw(maybe() | st.sampled_from(reachable_roles()[role] or [None])),
            "salary_target_jpy": draw(maybe() | st.integers(0, 100_000_000)),
        },
        "concerns": {
            "reasons": draw(st.lists(_choices(model.Reason), max_size=4)),
            "sleep_trouble": draw(st.booleans()),
            "physical_symptoms": draw(st.booleans()),
        },
        "interview": {
            "company": draw(maybe() | FREE_TEXT),
            "position": draw(maybe() | FREE_TEXT),
            "motivation": draw(maybe() | st.text(min_size=1, max_size=400).filter(_not_blank)),
            "question": draw(maybe() | _choices(model.Question)),
            "seconds": draw(maybe() | st.sampled_from([30, 60, 180])),
        },
    }
    return Answers.model_validate(_without_none(data))


def _without_none(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    return value


# Characters PyYAML's emitter would write raw or fold (NEL, line and paragraph separators, BOM,
# lone CR, trailing spaces, C1 controls), each in a place where it matters.
# (A name of nothing but such characters or spaces is blank, and refused: issue 17.)
TRICKY_NAMES = ["a\x85b", "a\u2028b", "\u2029a", "\ufeffa", "a\rb", "a \n b ", "a\x9f", "~", "yes", "- x",
                "#", "a\tb\t", "\U0010ffff", "\ud7ff\ue000", "'\"", "&a *a !t", "1e3", "2026-11-22", " a",
                "1:00", "010", "0b1", "1_000"]


@settings(max_examples=EXAMPLES, suppress_health_check=SHARED)
@given(data=st.data())
def test_any_valid_answers_survive_saving_and_reading_back(data, scratch):
    _round_trip(data.draw(valid_answers()), scratch / "round-trip.yaml", bundled())


@pytest.mark.parametrize("text", TRICKY_NAMES, ids=repr)
def test_tricky_text_survives_saving_and_reading_back(text, scratch):
    _round_trip(Answers.model_validate(_example_with(text)), scratch / "tricky.yaml", bundled())


def _example_with(text: str) -> dict:
    return {"name": text, "current": {"role": "operator", "years_in_role": 1, "years_total": 1,
                                      "employment": "dispatch", "certifications": [text, text + "x"]},
            "ideal": {"horizon_years": 3}, "interview": {"company": text, "motivation": text + "\n" + text}}


def _round_trip(answers: Answers, path: Path, catalog: Catalog) -> None:
    text = dump_answers(answers)
    path.write_text(text, "utf-8", newline="")
    loaded, notice = load_answers(path, catalog)
    assert notice is None
    assert loaded == answers, text


# ---- plans: in order, inside --out, inert ----------------------------------------------------------

# Markdown links and images `](target)`, autolinks `<scheme:...>`, HTML `src=` / `href=`.
LINK = re.compile(r"(?<!\\)\]\(([^)]*)\)|(?<!\\)<([a-z]+:[^>]*)>|(?:src|href)=[\"']?([^\"' >]*)")


@settings(max_examples=max(50, EXAMPLES // 3), suppress_health_check=SHARED)
@given(data=st.data())
def test_any_valid_answers_make_a_plan_in_date_order_written_only_inside_out(data, scratch):
    catalog = bundled()
    answers = data.draw(valid_answers())
    today = answers.today or dt.date(2026, 11, 22)
    plan = build_plan(answers, catalog, today)

    dates = [m.date for m in plan.milestones]
    assert dates == sorted(dates)
    assert all(m.date >= today for m in plan.milestones)
    steps = plan.route.steps
    for earlier, later in zip(steps, steps[1:], strict=False):
        assert earlier.end <= later.start
    for milestone in plan.milestones:
        if milestone.step:
            step = steps[milestone.step - 1]
            assert step.start <= milestone.date <= step.end, (milestone, step)
    reached: dict[str, int] = {}
    for milestone in plan.milestones:  # a skill climbs one level at a time, in date order
        if milestone.kind == "skill":
            assert milestone.level > reached.get(milestone.skill_id, -1)
            reached[milestone.skill_id] = milestone.level

    root = Path(tempfile.mkdtemp(dir=scratch))
    out = root / "out"
    plan_command.run(answers_path=_saved(answers, root), no_input=True, out=out, force=False,
                     lang=data.draw(st.sampled_from([None, "ja", "en"])), data_dir=None, today=today)
    written = {p.relative_to(root) for p in root.rglob("*")}
    assert written == {Path("answers.yaml"), Path("out"), Path("out/career-plan.md"),
                       Path("out/career-plan.html"), Path("out/career-plan.json"),
                       Path("out/cc-career-answers.yaml")}
    markdown = (out / "career-plan.md").read_text("utf-8")
    assert not [c for c in markdown if unicodedata.category(c) in ("Cc", "Cf") and c != "\n"]
    page = (out / "career-plan.html").read_text("utf-8")
    assert not [c for c in page if unicodedata.category(c) in ("Cc", "Cf") and c != "\n"]
    for match in LINK.finditer(markdown):
        target = next(g for g in match.groups() if g is not None)
        inside = not Path(target).is_absolute() and ".." not in Path(target).parts and ":" not in target
        assert target.startswith("https://") or inside, f"the plan links to {target!r}"


def _saved(answers: Answers, root: Path) -> Path:
    path = root / "answers.yaml"
    path.write_text(dump_answers(answers), "utf-8")
    return path


def test_the_loader_raises_only_our_error_types_for_the_nastiest_known_inputs(scratch):
    for raw in (b"[" * 50_000, b"{a: " * 50_000, b"- " * 50_000 + b"x", b"&a [*a]", b"a: \x81",
                b"!!python/name:os.system", b"\xff\xfe\x00", b"\xef\xbb\xbf", b"\r" * 1000,
                "\u2028".encode() * 100):
        path = scratch / "nasty.yaml"
        path.write_bytes(raw)
        with pytest.raises(InputError):
            yamlio.load(path)
