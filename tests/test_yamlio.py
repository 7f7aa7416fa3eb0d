"""The strict YAML reader: good files load, every bad one is one exact, placed message."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from cc_career.errors import InputError
from cc_career.files import yamlio
from cc_career.render.i18n import t

SYNTAX_PROBLEM = (
    "mapping values are not allowed in this context"  # libyaml (the C parser)
    if hasattr(yaml, "CSafeLoader")
    else "mapping values are not allowed here"
)


def load_error(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        yamlio.load(path)
    return str(caught.value)


def container_depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((container_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((container_depth(v) for v in value), default=0)
    return 0


# ---- good input -------------------------------------------------------------------------------


def test_plain_utf8_mapping_loads_with_positions_of_keys_and_items(write):
    path = write("ok.yaml", "name: 山田 花子\nskills:\n  communication: 2\nchannels: [phone, chat]\n")
    document = yamlio.load(path)
    assert document.data == {
        "name": "山田 花子",
        "skills": {"communication": 2},
        "channels": ["phone", "chat"],
    }
    assert document.notice is None
    assert document.position(("skills", "communication")) == (3, 3)
    assert document.position(("channels", 1)) == (4, 19)
    # an unknown place falls back to its nearest enclosing key
    assert document.position(("skills", "communication", "deeper")) == (3, 3)


def test_scalars_keep_their_yaml_types(write):
    path = write("types.yaml", "i: 3\nf: 0.7\nb: false\nd: 2026-11-22\nn: ~\ns: '123'\n")
    data = yamlio.load(path).data
    assert data["i"] == 3 and data["f"] == 0.7 and data["b"] is False
    assert str(data["d"]) == "2026-11-22"
    assert data["n"] is None and data["s"] == "123"


def test_utf8_with_bom_reads_the_same_and_keeps_line_numbers(write):
    path = write("bom.yaml", b"\xef\xbb\xbfa: 1\nb: \xe6\x97\xa5\xe6\x9c\xac\na: 2\n")
    assert load_error(path) == f"{path}:3:1: duplicate key 'a' (first at line 1)"
    good = write("bom-ok.yaml", "\ufeffa: 1\nb: 日本\n".encode())
    document = yamlio.load(good)
    assert document.data == {"a": 1, "b": "日本"}
    assert document.notice is None
    assert document.position(("a",)) == (1, 1)


def test_crlf_line_endings_read_like_lf_with_the_same_line_numbers(write):
    lf = yamlio.load(write("lf.yaml", "a: 1\nb:\n  - x\n  - y\n")).data
    crlf = yamlio.load(write("crlf.yaml", b"a: 1\r\nb:\r\n  - x\r\n  - y\r\n")).data
    assert crlf == lf
    path = write("crlf-dup.yaml", b"a: 1\r\nb: 2\r\nc: 1\r\nc: 2\r\n")
    assert load_error(path) == f"{path}:4:1: duplicate key 'c' (first at line 3)"


def test_cp932_japanese_is_read_correctly_with_a_notice(write):
    text = "名前: 山田 花子\n役割: オペレーター\n会社: 株式会社サンプル\n"
    path = write("excel.yaml", text.encode("cp932"))
    document = yamlio.load(path)
    assert document.data == {"名前": "山田 花子", "役割": "オペレーター", "会社": "株式会社サンプル"}
    assert document.notice == "file.read_as_cp932"
    assert t(document.notice, "en") == "read as cp932 (Shift_JIS); saving it as UTF-8 is recommended"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_read_with_a_notice(write, encoding):
    raw = "a: 日本\nb: [1, 2]\n".encode(encoding)
    if encoding != "utf-16":  # the explicit-endian codecs write no BOM: add it
        raw = "\ufeff".encode(encoding) + raw
    document = yamlio.load(write("utf16.yaml", raw))
    assert document.data == {"a": "日本", "b": [1, 2]}
    assert document.notice == "file.read_as_utf16"


def test_a_single_explicit_document_is_fine(write):
    assert yamlio.load(write("one.yaml", "---\na: 1\n...\n")).data == {"a": 1}


# ---- broken input: one exact message each ------------------------------------------------------


def test_duplicate_key_names_both_lines(write):
    path = write("dup.yaml", "a: 1\nb:\n  c: 1\n  d: 2\ne: 3\na: 4\n")
    assert load_error(path) == f"{path}:6:1: duplicate key 'a' (first at line 1)"


def test_duplicate_key_inside_a_nested_mapping(write):
    path = write("dup2.yaml", "current:\n  role: operator\n  years_total: 1\n  role: qa\n")
    assert load_error(path) == f"{path}:4:3: duplicate key 'role' (first at line 2)"


def test_duplicate_key_in_a_flow_mapping(write):
    path = write("dup3.yaml", "kpis: {csat: 0.8, csat: 0.9}\n")
    assert load_error(path) == f"{path}:1:19: duplicate key 'csat' (first at line 1)"


def test_python_object_tag_is_refused_and_never_executed(write, tmp_path):
    sentinel = tmp_path / "SENTINEL"
    path = write("tag.yaml", f"a: !!python/object/apply:os.system ['touch {sentinel}']\n")
    assert load_error(path) == f"{path}:1:4: YAML tags (!tag) are not allowed here"
    assert not sentinel.exists()


def test_python_object_tag_as_the_whole_document_is_refused(write):
    path = write("tag2.yaml", "!!python/object/apply:os.system [ls]\n")
    assert load_error(path) == f"{path}:1:1: YAML tags (!tag) are not allowed here"


def test_even_harmless_standard_tags_are_refused(write):
    path = write("tag3.yaml", "a: 1\nb: !!str 2\n")
    assert load_error(path) == f"{path}:2:4: YAML tags (!tag) are not allowed here"


def test_anchor_is_refused_where_it_appears(write):
    path = write("anchor.yaml", "a: &x 1\nb: *x\n")
    assert load_error(path) == f"{path}:1:4: anchors (&name) are not allowed here"


def test_alias_is_refused_where_it_appears(write):
    path = write("alias.yaml", "a: [1, 2]\nb: *x\n")
    assert load_error(path) == f"{path}:2:4: aliases (*name) are not allowed here"


def test_billion_laughs_alias_bomb_is_refused_at_once(write):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, prev in zip("bcdefghi", "abcdefgh", strict=False):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = write("bomb.yaml", "\n".join(lines) + "\n")
    started = time.perf_counter()
    assert load_error(path) == f"{path}:1:4: anchors (&name) are not allowed here"
    assert time.perf_counter() - started < 1


def test_merge_key_is_refused(write):
    path = write("merge.yaml", "base: {x: 1}\nd:\n  <<: {x: 1}\n  y: 2\n")
    assert load_error(path) == f"{path}:3:3: merge keys (<<) are not allowed here"


def test_two_documents_in_one_file_are_refused(write):
    path = write("two.yaml", "a: 1\n---\nb: 2\n")
    assert load_error(path) == f"{path}:2:1: only one YAML document per file is allowed"


def test_syntax_error_names_line_and_column(write):
    path = write("syntax.yaml", "role: operator\nname: a: b\n")
    assert load_error(path) == f"{path}:2:8: YAML syntax error: {SYNTAX_PROBLEM}"


def test_unclosed_flow_sequence_is_a_syntax_error_with_position(write):
    path = write("unclosed.yaml", "a: [1, 2\nb: 3\n")
    message = load_error(path)
    assert message.startswith(f"{path}:2:")
    assert "YAML syntax error: " in message


def test_a_mapping_key_must_be_plain_text(write):
    path = write("complex.yaml", "? [a, b]\n: 1\n")
    assert load_error(path) == f"{path}:1:3: a key must be plain text"


def test_an_impossible_date_is_a_placed_error(write):
    path = write("date.yaml", "today: 2026-13-45\n")
    assert load_error(path) == f"{path}:1:8: this value cannot be read"


def test_fifty_thousand_open_brackets_fail_fast_without_parsing(write):
    path = write("brackets.yaml", "[" * 50_000)
    started = time.perf_counter()
    assert load_error(path) == f"{path}:1:40: nests too deeply (50001 levels; the limit is 40)"
    assert time.perf_counter() - started < 2


def test_deep_block_nesting_is_refused(write):
    text = "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "v\n"
    path = write("deep.yaml", text)
    assert load_error(path) == f"{path}:41:81: nests too deeply (61 levels; the limit is 40)"


@pytest.mark.parametrize(
    "text",
    [
        "[" * 50_000,
        "{a: " * 50_000,
        "- " * 50_000 + "x\n",
        "a:\n" + "[\n" * 50_000,
    ],
    ids=["flow-seq", "flow-map", "block-seq", "flow-over-lines"],
)
def test_deep_nesting_never_crashes_the_process(tmp_path, good_data_dir, text):
    """PyYAML's C loader overflows the C stack on this; the CLI must end with exit 2 instead."""
    answers = tmp_path / "deep.yaml"
    answers.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "cc_career", "validate", "--lang", "en",
         "--data-dir", str(good_data_dir), str(answers)],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )
    assert result.returncode == 2, result.stderr  # negative would mean killed by a signal
    assert re.search(re.escape(f"{answers}:") + r"\d+:\d+: nests too deeply", result.stderr)
    assert "Traceback" not in result.stderr


def test_empty_file_is_refused(write):
    path = write("empty.yaml", "")
    assert load_error(path) == f"{path}: is empty"


def test_whitespace_only_file_is_refused(write):
    path = write("blank.yaml", "  \n\t\n   \r\n")
    assert load_error(path) == f"{path}: is empty"


def test_comment_only_file_is_refused_as_empty(write):
    path = write("comment.yaml", "# nothing here yet\n")
    assert load_error(path) == f"{path}: is empty"


def test_a_directory_given_as_a_file_is_refused(tmp_path):
    folder = tmp_path / "answers.yaml"
    folder.mkdir()
    assert load_error(folder) == f"{folder}: is a folder, not a file"


def test_a_missing_file_is_refused(tmp_path):
    path = tmp_path / "nope.yaml"
    assert load_error(path) == f"{path}: no such file"


def test_a_three_megabyte_file_is_too_large(write):
    path = write("huge.yaml", b"a: " + b"x" * (3 * 1024 * 1024 - 4) + b"\n")
    assert path.stat().st_size == 3 * 1024 * 1024
    assert load_error(path) == f"{path}: is too large (3145728 bytes; the limit is 2097152)"


def test_random_binary_bytes_are_refused(write):
    path = write("noise.yaml", random.Random(20261122).randbytes(4096))
    assert load_error(path) == f"{path}: is not a text file"


def test_undecodable_byte_is_placed_by_line_and_column(write):
    path = write("bad-bytes.yaml", b"a: 1\nb: \x81 c\n")
    assert load_error(path) == f"{path}:2:4: is neither UTF-8 nor cp932 (Shift_JIS) text"


def test_nul_bytes_mean_not_a_text_file(write):
    path = write("nul.yaml", b"a: 1\x00\nb: 2\n")
    assert load_error(path) == f"{path}: is not a text file"


def test_elf_like_binary_with_nul_bytes_is_not_a_text_file(write):
    path = write("program.yaml", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    assert load_error(path) == f"{path}: is not a text file"


def test_messages_exist_in_japanese_too(write):
    path = write("dup-ja.yaml", "a: 1\na: 2\n")
    with pytest.raises(InputError) as caught:
        yamlio.load(path)
    japanese = caught.value.render("ja")
    assert japanese.startswith(f"{path}:2:1: ")
    assert japanese != str(caught.value)
    assert "'a'" in japanese


# ---- nesting_depth on normal YAML ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\n", 1),
        ("a: 1\nb: 2\n", 1),
        ("a:\n  b:\n    c: 1\n", 3),
        ("# [[[[ a comment\na: 1\n", 1),
        ("a:\n  - b: 1\n    c: [1]\n", 4),
    ],
)
def test_nesting_depth_of_ordinary_yaml(text, expected):
    assert yamlio.nesting_depth(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n",
        "- a\n- b\n",
        "[[1]]\n",
        "a: [1, {b: 2}]\n",
        "a:\n  b:\n    - c\n    - [1, [2]]\n",
        "current:\n  skills:\n    communication: 2\n  channels: [phone]\n",
        "- - - x\n",
    ],
)
def test_nesting_depth_never_underestimates(write, text):
    real = container_depth(yamlio.load(write("n.yaml", text)).data)
    assert real <= yamlio.nesting_depth(text)[0] <= real + 2


def test_a_realistic_answers_file_is_far_below_the_depth_limit():
    spec_example = (
        "schema_version: 1\ncurrent:\n  role: operator\n  skills:\n    communication: 2\n"
        "  kpis:\n    csat: 0.85\nideal:\n  values: [quality, growth]\n"
    )
    assert yamlio.nesting_depth(spec_example)[0] <= 4 < yamlio.MAX_DEPTH


# ---- dump -> load round trip ---------------------------------------------------------------------

ROUND_TRIP = [
    "山田 花子",
    "オペレーターからQAへのキャリアパスがあること",
    "line one\nline two",
    "line one\nline two\n",
    "trailing newlines\n\n",
    "\nleading newline",
    "  leading spaces",
    "trailing spaces  ",
    " both ",
    "line with trailing space \nnext",
    "next line\x85char",
    "line\u2028separator",
    "paragraph\u2029separator",
    "yes",
    "no",
    "on",
    "true",
    "123",
    "1.5",
    "0x1F",
    "1e3",
    "~",
    "null",
    "",
    "2026-11-22",
    "12:30",
    "\ufeffbom at start",
    "bom\ufeffinside",
    "a: b",
    "- item",
    "# not a comment",
    "'single'",
    '"double"',
    "tab\tinside",
    "\tleading tab",
    "carriage\r\nreturn",
    "\u3000全角スペース\u3000",
    "ends with backslash \\",
    "emoji 😀",
    "<<",
    "*alias",
    "&anchor",
    "!tag",
    "%directive",
    "@at",
]


@pytest.mark.parametrize("value", ROUND_TRIP, ids=[repr(v)[1:21] for v in ROUND_TRIP])
def test_dump_then_load_round_trips_strings_exactly(write, value):
    data = {"value": value, "list": [value], "nested": {"k": value}}
    path = write("round.yaml", yamlio.dump(data))
    assert yamlio.load(path).data == data


@pytest.mark.parametrize("value", [v for v in ROUND_TRIP if v], ids=lambda v: repr(v)[1:21])
def test_dump_then_load_round_trips_strings_used_as_keys(write, value):
    data = {value: 1}
    path = write("round-key.yaml", yamlio.dump(data))
    assert yamlio.load(path).data == data


def test_dump_keeps_japanese_readable_and_key_order(write):
    text = yamlio.dump({"name": "山田 花子", "b": 1, "a": 2})
    assert "山田 花子" in text
    assert text.index("b:") < text.index("a:")


def test_dump_output_is_utf8_text_without_nul(write):
    text = yamlio.dump({"x": "a\x85b\u2028c"})
    assert "\x00" not in text
    assert text.encode("utf-8").decode("utf-8") == text
    assert os.linesep in text or "\n" in text


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    import os

    pipe = tmp_path / "answers.yaml"
    os.mkfifo(pipe)
    with pytest.raises(InputError) as caught:
        yamlio.load(pipe)
    assert caught.value.render("en").startswith(f"{pipe}: is a named pipe")
