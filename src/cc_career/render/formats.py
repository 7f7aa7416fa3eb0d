"""How a date, a length of time and a KPI figure are written, once each, in either language."""

from __future__ import annotations

import datetime as dt

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_day(day: dt.date, lang: str) -> str:
    if lang == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def format_month(day: dt.date, lang: str) -> str:
    if lang == "en":
        return f"{_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月"


def format_months(months: int, lang: str) -> str:
    """12 → "1年" / "1 year"; 18 → "1年6か月" / "1 year 6 months"."""
    years, rest = divmod(months, 12)
    if lang == "en":
        parts = []
        if years:
            parts.append(f"{years} year{'s' if years > 1 else ''}")
        if rest or not years:
            parts.append(f"{rest} month{'s' if rest != 1 else ''}")
        return " ".join(parts)
    return (f"{years}年" if years else "") + (f"{rest}か月" if rest or not years else "")


def kpi_figure(kpi: str, value: float, unit: str = "") -> str:
    """A KPI figure as the plan writes it: a handling time in whole seconds, a rate as a
    whole percentage ("85%"); `unit` after a handling time ("秒" / "s")."""
    if kpi == "aht_seconds":
        return f"{value:.0f}{unit}"
    return f"{value * 100:.0f}%"
