"""Small pieces of wording shared by every document and table: the plan's sentences (`say`),
pay, levels, tags, reasons."""

from __future__ import annotations

import re
from collections.abc import Iterable

from cc_career.core.models.catalog import Catalog, Pay, Role, Tag, Text
from cc_career.core.models.plan import Day, Figure, Month, Phrase, Reason, Step
from cc_career.core.plan.milestones import EN_SPAN, EN_WORDS, JA_SPAN
from cc_career.render.formats import (
    format_day,
    format_month,
    format_months,
    kpi_figure,
    level_label,
    yearly_amount,
)
from cc_career.render.i18n import t


def say(phrase: Phrase | Text, lang: str) -> str:
    """A sentence of the plan in `lang` (see `Phrase` in core/models/plan.py)."""
    if isinstance(phrase, Text):
        return phrase(lang)
    params = {name: _said(value, lang) for name, value in phrase.params.items()}
    if phrase.key is not None:
        said = t(phrase.key, lang, **params)
    else:
        assert phrase.text is not None
        sv = phrase.params.get("sv")
        ja, en = phrase.text.ja, phrase.text.en
        if sv is not None:  # whom to ask, in both languages: the window is fitted on both
            ja, en = ja.replace("{sv}", str(_said(sv, "ja"))), en.replace("{sv}", str(_said(sv, "en")))
        if phrase.window is not None:
            ja, en = fit_window(ja, en, phrase.window)
        said = en if lang == "en" else ja
    return said + say(phrase.then, lang) if phrase.then is not None else said


def _said(value: object, lang: str) -> object:
    if isinstance(value, (Phrase, Text)):
        return say(value, lang)
    if isinstance(value, Day):
        return format_day(value.date, lang)
    if isinstance(value, Month):
        return format_month(value.date, lang)
    if isinstance(value, Figure):
        return kpi_figure(value.kpi, value.value, t("phrase.seconds_unit", lang) if value.unit else "")
    if isinstance(value, tuple):
        return t("list.sep", lang).join(str(_said(v, lang)) for v in value)
    return value


_EN_NAMES = {1: "a month", 2: "two months", 3: "three months", 4: "four months", 5: "five months"}


def fit_window(ja: str, en: str, months: int) -> tuple[str, str]:
    """A check with any time window longer than the `months` its milestone has, shortened to
    fit: a milestone due in two months is not checked "over three months"."""
    months = max(1, months)

    def in_ja(match: re.Match[str]) -> str:
        span = int(match.group(1)) if match.group(1) else 6 if match.group(0) == "半年" else 12
        return f"{months}か月" if span > months else match.group(0)

    def in_en(match: re.Match[str]) -> str:
        number = match.group(1).lower()
        per = 12 if match.group(2).lower().startswith("year") else 1
        span = (EN_WORDS.get(number) or int(number)) * per
        if span <= months:
            return match.group(0)
        name = _EN_NAMES.get(months, f"{months} months")
        return name if match.group(1)[0].islower() else name[0].upper() + name[1:]

    fitted = JA_SPAN.sub(in_ja, ja), EN_SPAN.sub(in_en, en)
    if months > 1 or fitted == (ja, en):
        return fitted
    # "1か月連続で" / "a month in a row" say nothing: within the month is what is left.
    return (re.sub(r"1か月連続で?|1か月続け、?", "", fitted[0]),
            re.sub(r"\s*(?:for )?a month in a row|,? for a month", "", fitted[1]))


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


__all__ = ["experience_wait", "level_label", "pay_amount", "pay_line", "pay_lines", "pay_text", "person_name",
           "reason_text", "say", "tags_text", "yearly_amount"]
