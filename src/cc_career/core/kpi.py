"""The KPIs a plan sets goals on, and the one rule for when a figure meets its goal."""

from __future__ import annotations

from typing import Literal

Kpi = Literal["fcr_rate", "csat", "aht_seconds"]
ORDER: tuple[Kpi, ...] = ("fcr_rate", "csat", "aht_seconds")  # the order plans and answers name them
LOWER_IS_BETTER = frozenset({"aht_seconds"})  # a handling time: shorter is better; a rate: higher


def is_seconds(kpi: str) -> bool:
    """A figure in seconds (a handling time), not a rate between 0 and 1."""
    return kpi == "aht_seconds"


def met(kpi: str, now: float | None, goal: float) -> bool:
    """The person's own figure already meets the goal (an unknown figure never does)."""
    if now is None:
        return False
    return now <= goal if kpi in LOWER_IS_BETTER else now >= goal
