"""How a date, a length of time, a level, a yearly amount and a KPI figure are written, once
each; the words and their order are the locale files' (`[formats]`)."""

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
