"""The Jinja2 environment the documents are rendered with, and the filters they share."""

from __future__ import annotations

import os
import re
import stat
from contextlib import suppress
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket

from cc_career.core.models.catalog import Text
from cc_career.core.models.plan import Phrase
from cc_career.files import usercache
from cc_career.files.resources import templates_dir
from cc_career.render import text as untrusted
from cc_career.render.formats import format_day, format_month, format_months
from cc_career.render.i18n import t
from cc_career.render.words import say


@cache
def environment() -> Environment:
    env = template_environment(autoescape=False, finalize=_finalize)  # Markdown's own escaping
    env.filters.update(md=md, mermaid=mermaid, iso=lambda d: d.isoformat())
    return env


def template_environment(*, autoescape: bool, options_from: Path | None = None,
                         **options: object) -> Environment:
    """The settings every document's templates share: files from templates/, compiled once
    into the user's cache, a missing variable an error, block tags leaving no blank lines.
    `options_from`: the module that sets further compile options (its digest keys the cache)."""
    return Environment(
        loader=FileSystemLoader(templates_dir()),
        bytecode_cache=_compiled_templates(options_from),
        undefined=StrictUndefined,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        **options,
    )


class _QuietCache(FileSystemBytecodeCache):
    """A cache that cannot be read or written (disk full, read-only home) is simply not used."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            if not stat.S_ISREG(os.lstat(self._get_cache_filename(bucket)).st_mode):
                return  # a named pipe there would make every run wait forever
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)


def _compiled_templates(options_from: Path | None = None) -> _QuietCache | None:
    """Templates compiled once and kept in the user's cache (files/usercache.py): compiling the plan
    template is most of a replayed plan's own time. Jinja checks each entry against the
    template's source; the file name carries a digest of this module (the compile options)."""
    folder = usercache.folder("templates")
    try:
        source = Path(__file__).read_bytes() + (options_from.read_bytes() if options_from else b"")
        options = usercache.key(source)[:12]
    except OSError:
        return None
    return None if folder is None else _QuietCache(str(folder), f"{options}-%s.cache")


def render(name: str, lang: str, **context: object) -> str:
    """Render `name.<lang>.md.j2` with the language-bound helpers every template uses."""
    template = environment().get_template(f"{name}.{lang}.md.j2")
    return template.render(
        lang=lang,
        t=lambda key, **params: t(key, lang, **params),
        tr=lambda text: say(text, lang) if isinstance(text, (Phrase, Text)) else text,
        day=lambda d: format_day(d, lang),
        month=lambda d: format_month(d, lang),
        duration=lambda months: format_months(months, lang),
        years=lambda value: f"{value:g}",
        **context,
    )


class _Placed(str):
    """Text already made safe for where it goes (by `md` or `mermaid`): left as it is."""


def md(text: object) -> str:
    """Text a person typed, made safe to place in Markdown (tables included): one line, with
    Markdown and HTML characters escaped (render/text.py)."""
    return _Placed(untrusted.markdown(text))


def mermaid(text: object) -> str:
    """A label Mermaid's gantt syntax accepts: no colon, semicolon, hash, tag or line break."""
    return _Placed(re.sub(r"[:;#<>|]", " ", untrusted.inline(text)).strip())


_TABLE_OR_TAG = re.compile(r"(?<!\\)([|<>])")
_LINE_START_MARK = re.compile(r"(^|\n)([ \t]*)#")


def _finalize(value: object) -> object:
    """Every `{{ ... }}` of a document: data labels and descriptions (a trainer's own data
    included) reach the page through here, so a `|`, a tag or a `#` at a line's start cannot
    break a table, open HTML or start a heading. What `md` / `mermaid` made is left alone;
    escaping is idempotent, so a macro's output passing twice is escaped once."""
    if not isinstance(value, str) or isinstance(value, _Placed):
        return value
    value = untrusted.keep_lines(value)
    return _LINE_START_MARK.sub(r"\1\2\\#", _TABLE_OR_TAG.sub(r"\\\1", value))
