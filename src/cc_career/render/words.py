"""Small pieces of wording shared by every document and table: pay, levels, tags, reasons."""

from __future__ import annotations

from collections.abc import Iterable

from cc_career.core.models.catalog import Catalog, Pay, Role, Tag
from cc_career.core.models.plan import Reason, Step
from cc_career.render.environment import format_months
from cc_career.render.i18n import t


def pay_amount(pay: Pay, lang: str) -> str:
    """"時給 1,511 円ほど" / "1.5–2.5 million JPY a year": the figure alone."""
    if pay.unit == "hour":
        low, high = f"{pay.min:,}", f"{pay.max:,}"
    else:
        low, high = yearly_amount(pay.min, lang), yearly_amount(pay.max, lang)
    if pay.min == pay.max:  # one figure, not a range
        return t(f"pay.{pay.unit}_one", lang, amount=low)
    return t(f"pay.{pay.unit}", lang, min=low, max=high)


def pay_line(pay: Pay, lang: str) -> str:
    """One figure with its source and year; an example also says whose it is."""
    amount = pay_amount(pay, lang)
    if pay.public:
        return t("paydata.public", lang, amount=amount, source=pay.source(lang), year=pay.year)
    assert pay.who is not None
    return t("paydata.example", lang, amount=amount, who=pay.who(lang), source=pay.source(lang),
             year=pay.year)


def pay_lines(role: Role, lang: str) -> list[str]:
    """Every pay figure of a role, public statistics and surveys first, then examples; where
    no public figure exists, a line saying so comes before the examples."""
    public = [pay_line(p, lang) for p in role.pay if p.public]
    examples = [pay_line(p, lang) for p in role.pay if not p.public]
    return public + ([] if public else [t("paydata.no_public", lang)]) + examples


def pay_text(role: Role, lang: str) -> str:
    """The short form for lists: the first public figure with its year, else "no public figure"."""
    public = role.public_pay
    if not public:
        return t("paydata.no_public", lang)
    return t("paydata.short", lang, amount=pay_amount(public[0], lang), year=public[0].year)


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
    if reason.kind == "salary":
        params["source"] = params["source"](lang)  # type: ignore[operator]
    return t(f"reason.{reason.kind}", lang, **params)


HONORIFICS = ("さん", "様", "さま", "君", "くん", "ちゃん", "殿", "氏", "先生")


def person_name(name: str, lang: str) -> str:
    """The name as a heading uses it: 「山田 花子さん」, but 「Aさん」 stays 「Aさん」 (one
    honorific only); English uses the name as it is."""
    shown = name.rstrip()
    if lang != "ja" or shown.endswith(HONORIFICS):
        return shown
    return shown + "さん"


def experience_wait(step: Step, key: str, lang: str) -> str:
    """Why `step` is longer: the months added until the experience its move asks for is there
    (`key`: "step" continues the route line, "html" is a sentence of its own)."""
    return t(f"experience_wait.{key}", lang, waits=format_months(step.waits, lang),
             kind=t(f"experience_wait.kind_{step.move.counts}", lang),
             span=format_months(round((step.move.min_years or 0) * 12), lang))
