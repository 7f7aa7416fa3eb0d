"""The one way this program reads and writes YAML: strict, safe, and able to say where a fault is.

Reading builds plain Python data from the parser's *events* (not PyYAML's composer), so that
every node's position is known, anchors/aliases/tags are refused where they appear, duplicate
keys are caught, and the C parser's recursion (which crashes the process on deep nesting)
is never entered. Nesting depth is also checked on the raw text before parsing.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import events as ev
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from cc_career.errors import InputError

MAX_BYTES = 2 * 1024 * 1024  # a hand-written answers or data file is a few KiB to ~200 KiB
MAX_DEPTH = 40  # the deepest legitimate file here nests about 6 levels

Loc = tuple[str | int, ...]
_STR = "tag:yaml.org,2002:str"
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Document:
    """A parsed YAML file: its data, and the line/column (1-based) of every key and item."""

    path: Path
    data: Any
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    notice: str | None = None  # e.g. "read as cp932"
    # Plain scalars YAML 1.1 reads in a way people rarely mean (`yes` as true, `010` as 8,
    # `1:00` as 60): what kind each is, by place, so a number field can say what went wrong.
    ambiguous: dict[Loc, str] = field(default_factory=dict)

    def position(self, loc: Loc) -> tuple[int, int] | None:
        """The position of `loc`, or of its nearest enclosing key or item."""
        for end in range(len(loc), -1, -1):
            found = self.marks.get(tuple(loc[:end]))
            if found:
                return found
        return None


def read_bytes(path: Path) -> bytes:
    """The raw bytes of a file, refused before anything waits: a named pipe or socket (opening
    or reading one can block forever), a folder, a file over the size limit. Every reader of a
    user's file goes through here, the cache key of the career data included."""
    try:
        if path.is_dir():
            raise InputError(path, "file.is_directory")
        # O_NONBLOCK: opening a named pipe with no writer returns at once instead of waiting;
        # what it is is then known from the open file itself (no check-then-open race).
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        try:
            info = os.fstat(handle)
            if stat.S_ISFIFO(info.st_mode) or stat.S_ISSOCK(info.st_mode):
                raise InputError(path, "safety.pipe")
            if stat.S_ISDIR(info.st_mode):
                raise InputError(path, "file.is_directory")
            if info.st_size > MAX_BYTES:
                raise InputError(path, "file.too_large", size=info.st_size, limit=MAX_BYTES)
            if stat.S_ISREG(info.st_mode):
                os.set_blocking(handle, True)
            with os.fdopen(handle, "rb", closefd=False) as stream:
                raw = stream.read(MAX_BYTES + 1)  # a device such as /dev/zero reports no size
        finally:
            os.close(handle)
    except FileNotFoundError:
        raise InputError(path, "file.missing") from None
    except PermissionError:
        raise InputError(path, "file.unreadable") from None
    except BlockingIOError:  # a terminal or device with nothing to read yet
        raise InputError(path, "safety.pipe") from None
    except OSError as exc:
        raise InputError(path, "file.os_error", reason=exc.strerror or type(exc).__name__) from None
    if len(raw) > MAX_BYTES:
        raise InputError(path, "file.too_large", size=len(raw), limit=MAX_BYTES)
    return raw


def read_text(path: Path) -> tuple[str, str | None]:
    """Decode a file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp932 with a notice."""
    raw = read_bytes(path)
    notice = None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, notice = _decode(path, raw, "utf-16"), "file.read_as_utf16"
    elif raw.startswith(b"\xef\xbb\xbf"):
        text = _decode(path, raw[3:], "utf-8")
    elif b"\x00" in raw:
        raise InputError(path, "file.binary")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if _mostly_utf8(raw):  # a UTF-8 file with a bad spot (one phrase pasted from cp932)
                raise _undecodable(path, raw, exc.start, "safety.bad_utf8") from None
            text, notice = _decode(path, raw, "cp932"), "file.read_as_cp932"
    if "\x00" in text:
        raise InputError(path, "file.binary")
    if not text.strip():
        raise InputError(path, "file.empty")
    return text, notice


def read_at_most(path: Path, limit: int) -> bytes:
    """The file's first `limit` bytes, refusing what would block (see `read_bytes`)."""
    return read_bytes(path)[:limit]


def _mostly_utf8(raw: bytes) -> bool:
    """More characters read as valid multi-byte UTF-8 than bytes that are not: a UTF-8 file,
    however a few bytes in it went wrong. A real cp932 file is nearly all invalid UTF-8."""
    decoded = raw.decode("utf-8", "replace")
    bad = decoded.count("\ufffd")
    good = sum(1 for ch in decoded if ord(ch) > 0x7F) - bad
    return good > bad


def _decode(path: Path, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _undecodable(path, raw, exc.start, "file.undecodable", encoding) from None


def _undecodable(path: Path, raw: bytes, start: int, key: str, encoding: str = "utf-8") -> InputError:
    before = raw[:start]
    line = before.count(b"\n") + 1
    # the column in characters, as an editor shows it
    text_before = before[before.rfind(b"\n") + 1:].decode(encoding, "replace")
    return InputError(path, key, line=line, column=len(text_before) + 1)


_DASHES = re.compile(r"(?:- +)*(?:-$)?")
_SPECIAL = re.compile(r"[][{}'\"|>#]")
_OPEN, _CLOSE = "[{", "]}"


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> tuple[int, int, int]:
    """An upper bound of how deep the YAML in `text` nests, found without parsing it, with the
    line and column where it first goes past `limit` (else where it is deepest). Brackets
    inside quoted text, comments, block text (`|`, `>`) and plain text
    (`motivation: I :-[ a lot`) are text, not nesting."""
    deepest, where = 0, (1, 1)
    flow = 0
    indents = [-1]
    quote: str | None = None  # a quoted scalar still open from an earlier line
    block_at: int | None = None  # inside a `|` / `>` block: the indent of the line that began it
    for number, line in enumerate(text.splitlines(), start=1):
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        if block_at is not None:
            if not body.strip() or indent > block_at:
                continue
            block_at = None
        start = 0
        if quote is not None:
            start = _quote_end(line, 0, quote)
            if start < 0:
                continue
            quote = None
        elif not body or body.startswith("#"):
            continue
        if start == 0 and flow == 0:
            while indents[-1] > indent:
                indents.pop()
            if indent > indents[-1]:
                indents.append(indent)
        dashes = _DASHES.match(body).group().count("-") if start == 0 else 0  # `- - - x`
        block = len(indents) - 1 + dashes
        if block + flow > deepest:
            if deepest <= limit:
                where = (number, indent + 1)
            deepest = block + flow
        if not _SPECIAL.search(line, start):  # most lines: no character loop at all
            continue
        flow, quote, block_starts, peak = _scan(line, start if start else indent + 2 * dashes, flow,
                                                max(limit - block, deepest - block))
        if block_starts:
            block_at = indent
        if peak and block + peak[0] > deepest:
            deepest, where = block + peak[0], (number, peak[1] + 1) if deepest <= limit else where
    return deepest, where[0], where[1]


def _scan(line: str, position: int, flow: int,
          over: int) -> tuple[int, str | None, bool, tuple[int, int] | None]:
    """Walk one line from `position`: the flow level after it, a quote left open, whether a
    block scalar starts, and the deepest flow level reached, with the column where it first
    went past `over`."""
    peak = None
    at_value = True  # where a new node may begin: `[`, `"`, `|` there are indicators
    size = len(line)
    while position < size:
        ch = line[position]
        if ch == " ":
            position += 1
            continue
        if ch == "#" and (position == 0 or line[position - 1] == " "):
            break
        if at_value and ch in "'\"":
            end = _quote_end(line, position + 1, ch)
            if end < 0:
                return flow, ch, False, peak
            position, at_value = end, False
            continue
        if ch in _OPEN and (flow or at_value):
            flow += 1
            if peak is None or flow > peak[0]:
                peak = (flow, position if peak is None or peak[0] <= over else peak[1])
            position += 1
            continue
        if ch in _CLOSE and flow:
            flow -= 1
            position += 1
            at_value = False
            continue
        if flow == 0 and at_value and ch in "|>":
            return flow, None, True, peak
        if ch in ",:" and flow:
            at_value = True
            position += 1
            continue
        if ch == "-" and at_value and flow == 0 and line[position + 1:position + 2] in ("", " "):
            position += 1
            continue
        if flow == 0:
            # Plain text in block context: only `: ` (a key ends, a value begins) or ` #` matter.
            colon = line.find(": ", position)
            comment = line.find(" #", position)
            if colon < 0 and line.endswith(":"):
                colon = size - 1
            if colon >= 0 and (comment < 0 or colon < comment):
                position, at_value = colon + 1, True
                continue
            break
        at_value = False
        position += 1
    return flow, None, False, peak


def _quote_end(line: str, position: int, quote: str) -> int:
    """The index just past the quote that closes a scalar, or -1 when it runs on."""
    while True:
        found = line.find(quote, position)
        if found < 0:
            return -1
        if quote == "'" and line[found + 1:found + 2] == "'":  # '' is a quote inside '...'
            position = found + 2
            continue
        if quote == '"':
            backslashes = len(line[:found]) - len(line[:found].rstrip("\\"))
            if backslashes % 2:
                position = found + 1
                continue
        return found + 1


class _Builder:
    """Turns a stream of parser events into Python data plus a position for every node."""

    _resolver = Resolver()
    _constructor = SafeConstructor()

    def __init__(self, path: Path) -> None:
        self.path = path
        self.marks: dict[Loc, tuple[int, int]] = {}
        self.ambiguous: dict[Loc, str] = {}

    def fail(self, mark: Any, key: str, **params: object) -> InputError:
        return InputError(self.path, key, line=mark.line + 1, column=mark.column + 1, **params)

    def check(self, event: Any) -> None:
        if isinstance(event, ev.AliasEvent):
            raise self.fail(event.start_mark, "yaml.alias")
        if getattr(event, "anchor", None) is not None:
            raise self.fail(event.start_mark, "yaml.anchor")
        if getattr(event, "tag", None) is not None:
            raise self.fail(event.start_mark, "yaml.tag")

    def scalar(self, event: ev.ScalarEvent, loc: Loc) -> Any:
        tag = self._resolver.resolve(ScalarNode, event.value, event.implicit)
        if tag == _STR:  # most scalars are text: as written, without the constructor's round trip
            return event.value
        if tag == "tag:yaml.org,2002:merge":
            raise self.fail(event.start_mark, "yaml.merge")
        kind = _yaml11_only(tag, event.value)
        if kind is not None:
            # Kept as the text that was written: a number field refuses it, saying why.
            self.ambiguous[loc] = kind
            return event.value
        if tag == _BOOL and event.value.lower() not in ("true", "false"):
            self.ambiguous[loc] = "boolean"  # `yes`, `on`: fine as a yes/no answer, not as a number
        elif tag == _BOOL:
            self.ambiguous[loc] = "true_false"
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self._constructor.construct_object(node)
        except (ConstructorError, ValueError, OverflowError):
            raise self.fail(event.start_mark, "yaml.bad_scalar") from None

    def build(self, stream: Any) -> Any:
        # An explicit stack instead of recursion: no depth can overflow anything here.
        stack: list[dict[str, Any]] = []
        root: Any = None
        documents = 0
        for event in stream:
            if isinstance(event, ev.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.fail(event.start_mark, "yaml.many_documents")
                continue
            if isinstance(event, (ev.StreamStartEvent, ev.StreamEndEvent, ev.DocumentEndEvent)):
                continue
            if isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
                frame = stack.pop()
                value = frame["value"]
            else:
                self.check(event)
                position = (event.start_mark.line + 1, event.start_mark.column + 1)
                if stack and stack[-1]["kind"] == "map" and stack[-1]["key"] is _NO_KEY:
                    self.take_key(stack[-1], event, position)
                    continue
                loc = self.child_loc(stack)
                if not stack or stack[-1]["kind"] == "seq":
                    self.marks[loc] = position
                if isinstance(event, ev.ScalarEvent):
                    value = self.scalar(event, loc)
                else:
                    kind = "map" if isinstance(event, ev.MappingStartEvent) else "seq"
                    value = {} if kind == "map" else []
                    stack.append({"kind": kind, "value": value, "loc": loc, "key": _NO_KEY})
                    continue
            if not stack:
                root = value
            elif stack[-1]["kind"] == "seq":
                stack[-1]["value"].append(value)
            else:
                parent = stack[-1]
                parent["value"][parent["key"]] = value
                parent["key"] = _NO_KEY
        return root

    def child_loc(self, stack: list[dict[str, Any]]) -> Loc:
        if not stack:
            return ()
        parent = stack[-1]
        if parent["kind"] == "seq":
            return (*parent["loc"], len(parent["value"]))
        return (*parent["loc"], parent["key"])

    def take_key(self, frame: dict[str, Any], event: Any, position: tuple[int, int]) -> None:
        if not isinstance(event, ev.ScalarEvent):
            raise self.fail(event.start_mark, "yaml.complex_key")
        key = self.scalar(event, (*frame["loc"], event.value))
        if isinstance(key, bool) or not isinstance(key, (str, int)):
            key = event.value  # `yes:`, `~:` or `2026-01-01:` stay the text that was written
        if key in frame["value"]:
            first = self.marks.get((*frame["loc"], key), (0, 0))[0]
            raise self.fail(event.start_mark, "yaml.duplicate_key", name=str(key), first=first)
        frame["key"] = key
        self.marks[(*frame["loc"], key)] = position


_NO_KEY = object()
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]")


def _yaml11_only(tag: str, text: str) -> str | None:
    """The kind of number only YAML 1.1 sees in `text` (base 60, octal 010, 1_000, 0b1), or
    None for a number every reader agrees on (YAML 1.2: 10, -3, 0.5, 1e3, 0x1F, 0o17)."""
    if tag not in (_INT, _FLOAT):
        return None
    if ":" in text:
        return "sexagesimal"
    if "_" in text:
        return "underscore"
    if tag == _INT and (_LEADING_ZERO.match(text) or text.lstrip("+-").startswith("0b")):
        return "leading_zero"
    return None


# PyYAML says what is wrong in English; a Japanese run says it in Japanese (the line:col points
# at the place either way). Matched by the start of PyYAML's own wording.
_PROBLEMS_JA = {
    "mapping values are not allowed":
        "ここには「項目: 値」を書けません。インデントかコロンの位置を確かめてください",
    "did not find expected key":
        "項目名が見つかりません。インデントがそろっているか確かめてください",
    "could not find expected ':'":
        "「:」が見つかりません。「項目: 値」の形になっているか確かめてください",
    "found character that cannot start any token":
        "タブなど、ここでは使えない文字があります。インデントは半角スペースで入れてください",
    "found unexpected end of stream":
        "引用符かかっこが閉じられないままファイルが終わっています",
    "did not find expected ',' or ']'":
        "[ ] の中の区切り（, と ]）が正しくありません",
    "did not find expected ',' or '}'":
        "{ } の中の区切り（, と }）が正しくありません",
    "expected <block end>":
        "インデントがそろっていません",
    "did not find expected '-' indicator":
        "リストの「- 」がそろっていません",
    "found unknown escape character":
        "引用符の中に使えない「\\」の組み合わせがあります",
    "special characters":
        "YAML で使えない文字（制御文字）が含まれています",
}


def _problem_ja(problem: str) -> str:
    return next((ja for en, ja in _PROBLEMS_JA.items() if problem.startswith(en)),
                "書き方を確かめてください（引用符・かっこ・インデント・コロン）")


def load(path: Path | str) -> Document:
    """Read one YAML file strictly; every fault is an InputError naming file, line and column."""
    path = Path(path)
    text, notice = read_text(path)
    depth, line, column = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise InputError(path, "yaml.too_deep", line=line, column=column, depth=depth, limit=MAX_DEPTH)
    builder = _Builder(path)
    try:
        data = builder.build(yaml.parse(text, Loader=_Parser))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "").strip()
        raise InputError(
            path,
            "yaml.syntax",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            problem=problem,
            problem_ja=_problem_ja(problem),
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids, e.g. a raw control code
        line, column = _line_column(text, exc.position)
        raise InputError(path, "yaml.syntax", line=line, column=column,
                         problem=str(exc).splitlines()[0],
                         problem_ja=_PROBLEMS_JA["special characters"]) from None
    except yaml.YAMLError as exc:
        problem = str(exc).splitlines()[0]
        raise InputError(path, "yaml.syntax", problem=problem, problem_ja=_problem_ja(problem)) from None
    if data is None:
        raise InputError(path, "file.empty")
    return Document(path=path, data=data, marks=builder.marks, notice=notice,
                    ambiguous=builder.ambiguous)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a reader error's offset (libyaml counts UTF-8 bytes)."""
    if _Parser is not yaml.SafeLoader:
        offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def validate(document: Document, model: type, *, context: dict | None = None) -> Any:
    """Validate a document against a pydantic model; errors point at the YAML that caused them."""
    from pydantic import ValidationError

    try:
        return model.model_validate(document.data, context=context)
    except ValidationError as exc:
        raise validation_error(document, exc.errors(include_input=False)) from None


def validation_error(document: Document, errors: list[dict]) -> InputError:
    problems = []
    for err in errors:
        # pydantic marks a bad mapping key with a "[key]" step; the key's own mark is the place
        loc = tuple(part for part in err["loc"] if not _is_union_tag(part) and part != "[key]")
        line, column = document.position(loc) or (None, None)
        params = {k: _plain(v) for k, v in (err.get("ctx") or {}).items()}
        key = f"pydantic.{err['type']}"
        if err["type"] == "missing" and loc and loc[-1] in ("ja", "en"):
            key = "data.missing_translation"
        misread = _misread(document.ambiguous.get(loc), err["type"])
        if misread:
            key, params = misread, {}
        problems.append(
            InputError(
                document.path,
                key,
                line=line,
                column=column,
                field=".".join(str(p) for p in loc) or None,
                fallback=_english(err),
                **params,
            )
        )
    return InputError.first_of(problems)


_NUMBER_ERRORS = {"int_type", "float_type", "int_parsing", "float_parsing", "int_from_float",
                  "literal_error", "value_error", "finite_number"}


def _misread(kind: str | None, error: str) -> str | None:
    """A message that says why a YAML 1.1 reading is refused, where the value has one."""
    if kind is None:
        return None
    if kind in ("boolean", "true_false"):
        if error == "string_type":
            return "safety.boolean_text"
        return "safety.boolean_number" if error in _NUMBER_ERRORS else None
    return f"safety.{kind}" if error in _NUMBER_ERRORS or error == "string_type" else None


def _is_union_tag(part: object) -> bool:
    # pydantic puts the union member's type name in loc (e.g. 'int', 'constrained-str');
    # those are not fields of the file.
    return isinstance(part, str) and (
        part in {"int", "float", "str", "bool", "none", "list", "dict", "date"}
        or part.startswith(("constrained-", "function-", "literal[", "lax-or-strict"))
    )


def _english(err: dict) -> str:
    if err["type"].startswith("value_error"):
        return str(err.get("ctx", {}).get("error") or err["msg"])
    return err["msg"]


def _plain(value: object) -> object:
    return value if isinstance(value, (int, float, str)) else str(value)


# ---- writing ---------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style, keys in the order given, Unicode kept readable."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line text as a literal block; anything with characters YAML would escape or
    # normalise (NEL, line/paragraph separators, other controls) stays double-quoted so the
    # round trip is exact.
    if "\n" in value and _block_safe(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if not _plain_safe(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _block_safe(value: str) -> bool:
    return all(ch == "\n" or ch.isprintable() for ch in value) and not value.endswith(" ")


def _plain_safe(value: str) -> bool:
    return value.isprintable() and value == value.strip() and "\ufeff" not in value


def _represent_list(dumper: yaml.SafeDumper, value: list) -> yaml.SequenceNode:
    # Short lists of plain words read best on one line, as people write them: [phone, chat].
    flow = all(isinstance(v, (int, float)) or (isinstance(v, str) and _plain_safe(v) and len(v) < 40)
               for v in value) and len(value) <= 12
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)


def dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=4096,
    )

