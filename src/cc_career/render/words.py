"""Small pieces of wording shared by every document and table: pay, levels, tags, reasons."""

from __future__ import annotations

from collections.abc import Iterable

from cc_career.catalog import Catalog
from cc_career.i18n import t
from cc_career.models.catalog import Role, Tag
from cc_career.models.plan import Reason


def pay_text(role: Role, lang: str) -> str:
    pay = role.pay
    assert pay is not None
    unit = pay.unit
    if pay.unit == "hour":
        low, high = f"{pay.min:,}", f"{pay.max:,}"
    else:
        low, high = yearly_amount(pay.min, lang), yearly_amount(pay.max, lang)
    if pay.min == pay.max:  # one public figure, not a range
        return t(f"pay.{unit}_one", lang, amount=low)
    return t(f"pay.{unit}", lang, min=low, max=high)


def yearly_amount(yen: int, lang: str) -> str:
    """Yearly yen the way people say it: 万円 in Japanese, millions in English."""
    return f"{yen / 10_000:,.0f}" if lang == "ja" else f"{yen / 1_000_000:,.1f}"


def level_label(level: int, lang: str) -> str:
    name = t(f"level.{level}", lang)
    return f"{level}（{name}）" if lang == "ja" else f"{level} ({name})"


def tags_text(ids: Iterable[str], table: dict[str, Tag], lang: str) -> str:
    return t("list.sep", lang).join(table[i].label(lang) for i in ids)


def reason_text(reason: Reason, catalog: Catalog, lang: str) -> str:
    params = dict(reason.params)
    if reason.kind in ("values", "interests"):
        table = catalog.values if reason.kind == "values" else catalog.interests
        params["tags"] = tags_text(params["tags"], table, lang)  # type: ignore[arg-type]
    if reason.kind == "style":
        params["track"] = t(f"track.{params['track']}", lang)
    return t(f"reason.{reason.kind}", lang, **params)


HONORIFICS = ("さん", "様", "さま", "君", "くん", "ちゃん", "殿", "氏", "先生")


def person_name(name: str, lang: str) -> str:
    """The name as a heading uses it: 「山田 花子さん」, but 「Aさん」 stays 「Aさん」 (one
    honorific only); English uses the name as it is."""
    shown = name.rstrip()
    if lang != "ja" or shown.endswith(HONORIFICS):
        return shown
    return shown + "さん"
