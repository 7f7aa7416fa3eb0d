"""`skills`, `paths` and `paths show` at 60, 80 and 120 columns: tables fold their text at phrase
(ja) or word (en) boundaries, nothing is cut with "…", ids stay whole, nothing is wider than the
terminal; pay is shown with its source, or said to have no public figure."""

from __future__ import annotations

import re

import pytest
from screens import other_language, shows_whole, widest_line

from cc_career.cli import app
from cc_career.commands.browse import rule_cells
from cc_career.files.load import load_catalog
from cc_career.render.fold import Folded, fold, narrowest
from cc_career.render.i18n import t
from cc_career.render.words import pay_lines

CATALOG = load_catalog(None)
WIDTHS = (60, 80, 120)
LANGS = ("ja", "en")
IDS = tuple(sorted([*CATALOG.roles, *CATALOG.skills], key=len, reverse=True))
# Words of the data that are the same in both languages (names of tools and metrics).
SHARED = ("Excel", "Erlang", "Python", "Linux", "Windows", "Conken", "Word", "PowerPoint", "Access",
          "Teams", "Slack", "Zoom", "Zendesk", "Salesforce", "TOEIC", "Listening", "Reading",
          "Test", "Linux Professional Institute", "AWS Certified Cloud Practitioner",
          "Google", "Microsoft", "Office", "Specialist", "Cisco", "CCNA", "LPIC", "paths", "show",
          "cc-career", "makicoo", "thinks", "blog", "post",
          # the MHLW site is called "job tag", and its page address is quoted in a note
          "job tag", "https://shigoto.mhlw.go.jp/User/Occupation/PrintAll?", "occupationId")


def screen(runner, width: int, *args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


def without_pay_source(lines: list[str]) -> list[str]:
    """A pay source is named as its publisher wrote it (one language in the data, for now)."""
    kept, inside = [], False
    for line in lines:
        inside = line.lstrip().startswith(("出典", "Source")) or (inside and line.startswith("  "))
        # a line that is only the page a figure was read on is an address, in no language
        if not inside and not line.lstrip().startswith(("https://", "http://")):
            kept.append(line)
    return kept


def id_whole(out: str, ident: str) -> bool:
    return re.search(rf"(?<![a-z_]){re.escape(ident)}(?![a-z_])", out) is not None


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_skills_shows_every_descriptor_whole_and_every_id_uncut(runner, lang, width):
    out = screen(runner, width, "skills", "--lang", lang)
    assert "…" not in out
    assert widest_line(out) <= width
    for skill in CATALOG.skills.values():
        assert id_whole(out, skill.id), (skill.id, width)
        assert shows_whole(out, skill.name(lang)), (skill.id, width)
        for level in range(1, 5):
            assert shows_whole(out, skill.levels[level](lang)), (skill.id, level, width)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_paths_shows_every_role_and_move_whole(runner, lang, width):
    out = screen(runner, width, "paths", "--lang", lang)
    assert "…" not in out
    assert widest_line(out) <= width
    for role in CATALOG.roles.values():
        assert id_whole(out, role.id)
        assert shows_whole(out, role.name(lang))
    assert out.count("\n") > len(CATALOG.transitions)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role_id", sorted(CATALOG.roles))
def test_paths_show_gives_every_sentence_whole(runner, lang, width, role_id):
    role = CATALOG.roles[role_id]
    out = screen(runner, width, "paths", "show", role_id, "--lang", lang)
    assert "…" not in out
    assert widest_line(out) <= width
    assert shows_whole(out, role.description(lang))
    for skill_id, need in role.skills.items():
        skill = CATALOG.skills[skill_id]
        assert shows_whole(out, skill.name(lang)) and shows_whole(out, skill.levels[need.level](lang))
    for move in [*CATALOG.incoming(role_id), *CATALOG.outgoing(role_id)]:
        assert shows_whole(out, move.needs(lang)), (move, width)
    for ref in role.certifications:
        cert_id, grade_id = ref.split(".", 1)
        cert = CATALOG.certificates[cert_id]
        for cell in rule_cells(CATALOG.certificates, cert, cert.grade(grade_id), lang):
            for line in cell.split("\n"):
                assert shows_whole(out, line), (ref, width)
    for pay_line in pay_lines(role, lang):
        assert shows_whole(out, pay_line), (role_id, width)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_certs_gives_every_rule_whole(runner, lang, width):
    out = screen(runner, width, "certs", "--lang", lang)
    assert "…" not in out
    assert widest_line(out) <= width
    for cert in CATALOG.certificates.values():
        for grade in cert.grades:
            for cell in rule_cells(CATALOG.certificates, cert, grade, lang):
                for line in cell.split("\n"):
                    assert shows_whole(out, line), (cert.id, grade.id, width)


@pytest.mark.parametrize("lang", LANGS)
def test_browse_screens_hold_no_text_of_the_other_language(runner, lang):
    for args in (["skills"], ["paths"], *(["paths", "show", r] for r in CATALOG.roles)):
        out = screen(runner, 80, *args, "--lang", lang)
        body = "\n".join(without_pay_source(out.splitlines()))
        assert other_language(body, lang, IDS + SHARED) == [], args


def test_japanese_lists_use_the_japanese_comma(runner):
    out = screen(runner, 200, "paths", "show", "qa")
    fits = next(line for line in out.splitlines() if line.startswith("合う価値観・興味"))
    assert "、" in fits and ", " not in fits


@pytest.mark.parametrize("lang", LANGS)
def test_paths_show_gives_pay_with_its_source_or_says_there_is_no_public_figure(runner, lang):
    with_pay = next(r for r in CATALOG.roles.values() if r.public_pay)
    without = next(r for r in CATALOG.roles.values() if not r.public_pay)
    out = screen(runner, 200, "paths", "show", with_pay.id, "--lang", lang)
    for pay in with_pay.pay:
        assert shows_whole(out, pay.source(lang)) and str(pay.year) in out
    out = screen(runner, 200, "paths", "show", without.id, "--lang", lang)
    assert shows_whole(out, t("paydata.no_public", lang))


def test_fold_breaks_japanese_between_phrases_and_english_between_words():
    assert fold("相手の年齢や感情に合わせて話す速さと言葉を変える", "ja", 20) == [
        "相手の年齢や感情に", "合わせて話す速さと", "言葉を変える"]
    assert fold("Adapts pace and wording to each caller", "en", 16) == [
        "Adapts pace and", "wording to each", "caller"]
    # kinsoku: no line starts with a closing mark, even when the phrase break is there
    lines = fold("評価結果（点数）を、本人に伝える。", "ja", 8)
    assert all(not line.startswith(("、", "。", "）")) for line in lines)


def test_an_id_is_never_narrower_than_itself():
    assert narrowest("cross_department_coordination", "en") == len("cross_department_coordination")
    assert narrowest("トークスクリプトを見ながら、", "ja") <= 18


def test_a_folded_cell_is_measured_by_its_widest_phrase(runner):
    from rich.console import Console

    console = Console(width=40)
    measured = Folded(["トークスクリプトを見ながら"], "ja").__rich_measure__(console, console.options)
    assert measured.minimum == narrowest("トークスクリプトを見ながら", "ja")
    assert measured.maximum == 26
