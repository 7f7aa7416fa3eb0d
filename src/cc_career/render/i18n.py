"""The user-facing strings of the program in Japanese and English (locales/*.toml)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from os import PathLike

from cc_career.files import usercache
from cc_career.render.text import for_terminal

LANGS = ("ja", "en")
DEFAULT_LANG = "ja"


@cache
def _messages(lang: str) -> dict[str, str]:
    text = resources.files("cc_career.render").joinpath("locales", f"{lang}.toml").read_text("utf-8")
    name = usercache.key(lang, text)  # parsed once per version of the file (TOML is slow to parse)
    messages = usercache.load("locales", name)
    if not isinstance(messages, dict):
        import tomllib

        messages = _flatten(tomllib.loads(text))
        usercache.store("locales", name, messages)
    return messages


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def t(key: str, lang: str, default: str | None = None, **params: object) -> str:
    """The text for `key` in `lang` (falling back to English, then to `default`)."""
    lang = lang if lang in LANGS else DEFAULT_LANG
    template = _messages(lang).get(key) or _messages("en").get(key)
    if template is None:
        if default is None:
            raise KeyError(f"no message {key!r} in the locales")
        return default
    if not params:
        return template
    # Every value filled in came from outside this text (a path, an id, a label, a name): no
    # control character of it may reach a terminal or a file (render/text.py).
    shown = {name: for_terminal(value) if isinstance(value, (str, PathLike)) else value
             for name, value in params.items()}
    return template.format(**shown)

