"""The printable pages: `career-plan.html`, `interview-answer.html`, `cohort-summary.html`.

Self-contained (the CSS and the SVG pictures are inside; no script, no font or image to
fetch), A4 print CSS, Japanese broken between BudouX phrases with kinsoku. Rendered with
autoescape ON: every value a person or a data file supplied is text, never markup.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from cc_career.core.models.catalog import Catalog
from cc_career.core.models.plan import Plan
from cc_career.render.environment import template_environment
from cc_career.render.formats import format_day, format_month, format_months
from cc_career.render.html_view import PlanView, plan_view
from cc_career.render.i18n import t
from cc_career.render.interview import InterviewAnswer
from cc_career.render.svg import bar_chart_svg, skills_svg, timeline_svg

PLAN_HTML = "career-plan.html"
INTERVIEW_HTML = "interview-answer.html"
COHORT_HTML = "cohort-summary.html"


@cache
def html_environment() -> Environment:
    env = template_environment(autoescape=True, options_from=Path(__file__), finalize=_finalize)
    env.filters.update(plain=plain, css_string=css_string, iso=lambda d: d.isoformat())
    return env


@pass_context
def _finalize(context: Context, value: object) -> object:
    """Every `{{ value }}` of plain text: control characters out, HTML-escaped, and in Japanese
    a `<wbr>` between BudouX phrases, so lines break between words, never inside one."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return phrases(value, context.get("lang", "ja"))


def phrases(text: str, lang: str) -> Markup:
    return _phrases(text) if lang == "ja" else escape(_visible(text))


@lru_cache(maxsize=16_384)
def _phrases(text: str) -> Markup:
    """`text` escaped, with a <wbr> between BudouX's phrases. Kept: labels and the data's
    action texts recur in every plan of a batch, and parsing is most of a page's time."""
    from cc_career.render.wrap import _phrases_parser

    text = _visible(text)
    if not text.strip():
        return escape(text)

    pieces: list[str] = []
    for part in _phrases_parser().parse(text):
        # BudouX may cut a number ("202|7年") or a figure from its unit ("420|秒"): glue them.
        if pieces and _glued(pieces[-1][-1], part[0]):
            pieces[-1] += part
        else:
            pieces.append(part)
    return Markup("<wbr>").join(escape(piece) for piece in pieces)


def _glued(before: str, after: str) -> bool:
    """No break here: after a digit, inside a number ("1,200", "3.5"), or inside a Latin word."""
    latin = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
    return before.isdigit() or (after.isdigit() and before in ",./:") or latin


def plain(value: object) -> Markup:
    """Escaped text without break hints: for attributes (`title=`, `aria-label=`)."""
    return escape(_visible(str(value)))


def css_string(value: object) -> Markup:
    """A CSS string literal (the printed page header) that no text can break out of: every
    character but letters and digits is written as a CSS escape."""
    out = []
    for ch in _visible(str(value)):
        out.append(ch if ch.isalnum() and ch.isascii() else f"\\{ord(ch):06x}")
    return Markup('"' + "".join(out) + '"')


def _visible(text: str) -> str:
    if text.isprintable():  # the usual case: no control or format character to drop
        return text
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cf") else ch
                   for ch in text)


def render_page(template_name: str, lang: str, **context: object) -> str:
    template = html_environment().get_template(f"{template_name}.html.j2")
    return template.render(
        lang=lang,
        t=lambda key, **params: t(key, lang, **params),
        day=lambda d: format_day(d, lang),
        month=lambda d: format_month(d, lang),
        duration=lambda months: format_months(months, lang),
        **context,
    )


# ---- the three pages ---------------------------------------------------------------------------


def render_plan_html(plan: Plan, catalog: Catalog, lang: str | None = None) -> str:
    view = plan_view(plan, catalog, lang)
    return plan_page(view)


def plan_page(view: PlanView) -> str:
    return render_page("career-plan", view.lang, view=view, timeline=timeline_svg(view),
                       skills_chart=skills_svg(view), has_steps=bool(view.steps))


def render_interview_html(answer: InterviewAnswer, plan: Plan, length: str, band: str) -> str:
    return render_page("interview-answer", answer.lang, answer=answer, name=plan.answers.name,
                       made_on=plan.today, length=length, band=band)


def render_cohort_html(cohort, catalog: Catalog, lang: str, *, skill, role, action) -> str:  # noqa: ANN001
    """The cohort summary with its charts; `cohort` is render.cohort.Cohort (aggregate only)."""
    charts = {
        "needs": bar_chart_svg([(skill(n.skill_id), n.weight, str(n.weight)) for n in cohort.needs],
                               title=t("html.co_needs_chart", lang), ident="chart-needs", colour="#c05621"),
        "roles": bar_chart_svg([(role(r), n, t("html.co_people", lang, count=n)) for r, n in cohort.roles],
                               title=t("html.co_roles_chart", lang), ident="chart-roles"),
        "tracks": bar_chart_svg([(t(f"track.{k}", lang), n, t("html.co_people", lang, count=n))
                                 for k, n in cohort.tracks],
                                title=t("html.co_tracks_chart", lang), ident="chart-tracks",
                                colour="#2c7a7b"),
        "ratings": bar_chart_svg([(skill(g.skill_id), g.mean_gap, f"{g.mean_gap:.1f}")
                                  for g in cohort.rating_gaps],
                                 title=t("html.co_ratings_chart", lang), ident="chart-ratings",
                                 colour="#6b46c1"),
    }
    return render_page("cohort-summary", lang, cohort=cohort, charts=charts, skill=skill, role=role,
                       action=action, percent=lambda part, whole: round(100 * part / whole) if whole else 0)
