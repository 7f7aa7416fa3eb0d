"""The cohort summary of a batch run: what the group aims for and what to train next.

Aggregate only. From each plan it keeps ids and numbers (`PlanFacts`) — never a name, a line
of free text or an answer about worries or health — so the summary can go to a manager.
"""

from __future__ import annotations

import csv
import io

from cc_career.core.cohort import Cohort, PlanFacts, TrainingNeed, summarize
from cc_career.core.models.catalog import Catalog
from cc_career.render.environment import md, render
from cc_career.render.i18n import t

SUMMARY_FILES = ("cohort-summary.md", "cohort-summary.csv", "cohort-summary.html")
BAR_WIDTH = 20


# ---- the two documents -----------------------------------------------------------------------


def render_summary(facts: list[PlanFacts], catalog: Catalog, lang: str, *, files: int) -> dict[str, str]:
    """`cohort-summary.md` and `cohort-summary.csv`, ready for `write_all`."""
    cohort = summarize(facts, catalog, files)
    return {
        SUMMARY_FILES[0]: render_cohort_md(cohort, catalog, lang),
        SUMMARY_FILES[1]: render_cohort_csv(cohort, catalog, lang),
        SUMMARY_FILES[2]: render_cohort_page(cohort, catalog, lang),
    }


def render_cohort_page(cohort: Cohort, catalog: Catalog, lang: str) -> str:
    """`cohort-summary.html`: the same summary with its charts drawn, to print for a meeting."""
    from cc_career.render.html import render_cohort_html

    def first_action(need: TrainingNeed) -> tuple[str, str]:
        actions = catalog.skills[need.skill_id].actions_from(need.common_level)
        return (actions[0].do(lang), actions[0].check(lang)) if actions else ("—", "—")

    return render_cohort_html(cohort, catalog, lang, skill=lambda s: _skill_name(catalog, s, lang),
                              role=lambda r: _role_name(catalog, r, lang), action=first_action)


def render_cohort_md(cohort: Cohort, catalog: Catalog, lang: str) -> str:
    heaviest = cohort.needs[0].weight if cohort.needs else 0

    def first_action(need: TrainingNeed) -> tuple[str, str]:
        actions = catalog.skills[need.skill_id].actions_from(need.common_level)
        return (md(actions[0].do(lang)), md(actions[0].check(lang))) if actions else ("—", "—")

    return render(
        "cohort-summary",
        lang,
        cohort=cohort,
        skill=lambda skill_id: md(_skill_name(catalog, skill_id, lang)),
        role=lambda role_id: md(_role_name(catalog, role_id, lang)),
        pie_label=lambda role_id: _role_name(catalog, role_id, lang).replace('"', "'"),
        track=lambda track: t(f"track.{track}", lang),
        action=first_action,
        kpi=lambda name: t(f"kpi.label_{name}", lang),
        bar=lambda weight: "█" * max(1, round(BAR_WIDTH * weight / heaviest)) if heaviest else "",
        percent=lambda part, whole: round(100 * part / whole) if whole else 0,
        number=lambda value: f"{value:.1f}",
    )


def render_cohort_csv(cohort: Cohort, catalog: Catalog, lang: str) -> str:
    """One row per (section, id): a table a trainer opens in Excel and sorts or charts."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([t(f"cohort.csv_{column}", lang)
                     for column in ("section", "id", "label", "trainees", "value")])
    rows: list[tuple[str, str, str, int, object]] = [
        ("files", "all", t("cohort.row_files", lang), cohort.files, ""),
        ("trainees", "planned", t("cohort.row_planned", lang), cohort.trainees, ""),
        ("horizon", "beyond", t("cohort.row_beyond", lang), cohort.beyond_horizon, ""),
        ("unrated", "assumed", t("cohort_unrated.row", lang), cohort.assumed_trainees, cohort.assumed),
    ]
    rows += [("target_role", r, _role_name(catalog, r, lang), n, "") for r, n in cohort.roles]
    rows += [("target_track", k, t(f"track.{k}", lang), n, "") for k, n in cohort.tracks]
    rows += [("training_need", n.skill_id, _skill_name(catalog, n.skill_id, lang), n.trainees, n.weight)
             for n in cohort.needs]
    rows += [("rating_gap", g.skill_id, _skill_name(catalog, g.skill_id, lang), g.rated,
              f"{g.mean_gap:.2f}") for g in cohort.rating_gaps]
    rows += _moves_rows(cohort, catalog, lang)
    for section, key, label, trainees, value in rows:
        writer.writerow([section, key, _cell(label), trainees, value])
    # A UTF-8 byte order mark: without it, Excel on Japanese Windows reads the file as
    # Shift_JIS and every Japanese label turns into mojibake.
    return "\ufeff" + buffer.getvalue()


def _moves_rows(cohort: Cohort, catalog: Catalog, lang: str) -> list[tuple[str, str, str, object, object]]:
    """How the cohort moves (the check-ins), in the table's own shape: counts of trainees in
    `trainees`, counts of milestones in `value`; no rows when no progress file came."""
    moves = cohort.moves
    if moves is None:
        return []
    rows: list[tuple[str, str, str, object, object]] = [
        ("checkin", "people", t("review_gaps.row_people", lang), moves.people, "")]
    for step, due, on_time in moves.due:
        rows.append(("checkin_due", f"step{step}", t("review_gaps.row_due", lang, step=step), "", due))
        rows.append(("checkin_on_time", f"step{step}", t("review_gaps.row_on_time", lang, step=step), "",
                     on_time))
    rows += [("checkin_skill_rose", s, _skill_name(catalog, s, lang), n, "") for s, n in moves.rose]
    for name, better, worse in moves.kpis:
        rows.append(("checkin_kpi_better", name, t(f"kpi.label_{name}", lang), better, ""))
        rows.append(("checkin_kpi_worse", name, t(f"kpi.label_{name}", lang), worse, ""))
    rows.append(("checkin_talk", "needs_talk", t("review_gaps.row_talk", lang), moves.talks, ""))
    return rows


def _cell(text: str) -> str:
    # A label starting like a formula would run as one in Excel (names come from data files).
    from cc_career.render.text import csv_cell

    return csv_cell(text)


def _skill_name(catalog: Catalog, skill_id: str, lang: str) -> str:
    skill = catalog.skills.get(skill_id)
    return skill.name(lang) if skill else skill_id


def _role_name(catalog: Catalog, role_id: str, lang: str) -> str:
    role = catalog.roles.get(role_id)
    return role.name(lang) if role else role_id
