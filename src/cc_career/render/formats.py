"""How a date, a length of time (written, and spoken: `span`), a level, a yearly amount and a
KPI figure are written, once each; the words and their order are the locale files'."""

from __future__ import annotations

import datetime as dt

from cc_career.core.kpi import is_seconds
from cc_career.render.i18n import t


def _month_name(day: dt.date, lang: str) -> str:
    return t("formats.month_names", lang).split()[day.month - 1]


def format_day(day: dt.date, lang: str) -> str:
    """2026年4月1日 / 1 Apr 2026."""
    return t("formats.day", lang, year=day.year, month_name=_month_name(day, lang), day=day.day)


def format_month(day: dt.date, lang: str) -> str:
    """2026年4月 / Apr 2026."""
    return t("formats.month", lang, year=day.year, month_name=_month_name(day, lang))


def format_months(months: int, lang: str) -> str:
    """12 → "1年" / "1 year"; 18 → "1年6か月" / "1 year 6 months"."""
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(t("formats.year_one" if years == 1 else "formats.years", lang, n=years))
    if rest or not years:
        parts.append(t("formats.month_one" if rest == 1 else "formats.months", lang, n=rest))
    return t("formats.duration_sep", lang).strip("|").join(parts)


def level_label(level: int, lang: str) -> str:
    """A skill level with its name: 3（一人で対応できる） / 3 (works alone)."""
    return t("formats.level", lang, level=level, name=t(f"level.{level}", lang))


def yearly_amount(yen: int, lang: str) -> str:
    """Yearly yen the way people say it: 万円 in Japanese, millions in English."""
    return t("formats.yearly_amount", lang, amount=yen / int(t("formats.yearly_unit", lang)))


def kpi_figure(kpi: str, value: float, unit: str = "") -> str:
    """A KPI figure as the plan writes it: a handling time in whole seconds, a rate as a
    whole percentage ("85%"); `unit` after a handling time ("秒" / "s")."""
    if is_seconds(kpi):
        return f"{value:.0f}{unit}"
    return f"{value * 100:.0f}%"


def number(value: int, lang: str) -> str:
    """A small count as it is said: "two" in English, 2 in Japanese (larger ones in figures)."""
    words = t("formats.number_words", lang).split()
    return words[value] if 0 <= value < len(words) else str(value)


def rounded_up(months: int) -> tuple[int, int]:
    """A plan's months as a person says them, never sooner than the plan: quarters up to a
    year, half-years up to two, then whole years or a range of two ("2〜3年")."""
    if months <= 12:
        months = max(3, -(-months // 3) * 3)
        return months, months
    if months <= 24:
        months = -(-months // 6) * 6
        return months, months
    if months % 12 == 0:
        return months, months
    return months // 12 * 12, months // 12 * 12 + 12


def span(months: int, lang: str, kind: str = "span") -> str:
    """`span` (about; rounded up): 「1年半ほど」「2〜3年」 / "about a year and a half", "two to
    three years". `span_within` (a limit, rounded up): 「1年半」 / "a year and a half".
    `lived` (time served, as it was): 「1年半」 / "a year and a half"."""
    if kind == "lived":
        months = max(3, round(months / 3) * 3) if months < 24 else round(months / 6) * 6
        low = high = months
    else:
        low, high = rounded_up(months)
    if low != high:
        return t("speech.span_range", lang, low=number(low // 12, lang), high=number(high // 12, lang))
    years, rest = divmod(low, 12)
    if years == 0:
        key = "half" if rest == 6 else "months"
    elif rest == 0:
        key = "year" if years == 1 else "years"
    else:
        key = "year_half" if years == 1 else "years_half"
        if rest != 6:  # only within two years, where rounding gives half-years: never reached
            key = "years"
    return t(f"speech.{kind}_{key}", lang, years=number(years, lang), months=number(rest, lang))
