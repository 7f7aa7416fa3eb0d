"""One character policy: core/chars.py decides which characters are hidden (control, format,
line breaks); the interview wording and the batch folder names build on it, and a folder name
adds only its own documented rules (whitespace → "_", no private-use or unassigned code point,
no path separator or character Windows forbids)."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import PERSONAS

from cc_career import api
from cc_career.core.chars import hidden, inline
from cc_career.files.safe_names import safe_name

# every code point of the Basic Multilingual Plane, and samples of the others (emoji, rare
# ideographs, tag characters, the last private-use and unassigned points)
CODE_POINTS = [*range(0x10000), 0x1F600, 0x20BB7, 0xE0001, 0xE0041, 0xF0000, 0x10FFFD, 0x10FFFF]
FOLDER_OWN = set('/\\／＼∕⁄:*?"<>|._- ')


def _folder_keeps(ch: str) -> bool:
    """What a folder name drops on top of the one rule."""
    return not (ch.isspace() or unicodedata.category(ch) in ("Co", "Cn") or ch in FOLDER_OWN
                or unicodedata.normalize("NFC", f"a{ch}b") != f"a{ch}b")


def test_a_hidden_character_never_reaches_a_sentence_or_a_folder_name():
    for code in CODE_POINTS:
        ch = chr(code)
        if hidden(ch):
            assert ch not in inline(f"a{ch}b"), hex(code)
            assert ch not in safe_name(f"a{ch}b"), hex(code)


def test_a_visible_character_is_kept_by_both_but_for_the_folder_names_own_rules():
    for code in CODE_POINTS:
        ch = chr(code)
        if hidden(ch) or ch.isspace():
            continue
        assert inline(f"a{ch}b") == f"a{ch}b", hex(code)
        if _folder_keeps(ch):
            assert safe_name(f"a{ch}b") == f"a{ch}b", hex(code)


@pytest.mark.parametrize(("typed", "shown"), [
    # a private-use (gaiji) character is text, as in the documents; a bidi override, an escape are not
    ("株式会社\ue000テスト", "株式会社\ue000テスト"),
    ("株式会社\u202eテスト\x1b[31m", "株式会社 テスト [31m"),
    ("株式会社\u2028テスト\u200b", "株式会社 テスト"),
])
def test_the_interview_answer_places_the_typed_company_by_the_one_rule(typed, shown):
    catalog = api.load_catalog()
    answers = api.load_answers(PERSONAS / "hanako_qa.yaml", catalog)
    interview = answers.interview.model_copy(update={"company": typed})
    answers = answers.model_copy(update={"interview": interview})
    answer = api.compose_interview(api.build_plan(answers, catalog), catalog)
    text = "\n".join(answer.paragraphs)
    assert shown in text, text
    assert not any(hidden(ch) for ch in text if ch != "\n")


def test_a_folder_name_drops_what_has_no_glyph_as_its_own_rule():
    assert safe_name("田中\ue000花子") == "田中花子"
    assert safe_name("田中\U0010ffff花子\u202e") == "田中花子"
    assert safe_name("田中 花子\u2028様") == "田中_花子_様"
