"""The pictures of the printable pages, drawn here as inline SVG (no script, no Mermaid runtime):
the plan's timeline, the skills now vs needed, and the cohort's bar charts.

Every piece of text goes through `_el`, which escapes it: a label from a trainer's data file
is always text in the picture, never markup. Each picture carries a `<title>` and `<desc>`
that say in words what it shows; the page puts the same numbers in a table beside it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence

from markupsafe import Markup

from cc_career.core.chars import hidden
from cc_career.core.models.plan import Kind
from cc_career.render.formats import format_day, format_month
from cc_career.render.html_view import MilestoneRow, PlanView, SkillRow
from cc_career.render.i18n import t

WIDTH = 720  # the viewBox width; the page scales the picture to its column
FONT = 11  # px in viewBox units
WELLBEING = "#2f855a"
CERTIFICATE = "#6b46c1"
# Keyed by the milestone kinds themselves (core.models.plan.Kind), as the legend shows them: an
# exam's course, application, result and registration take the certificate's colour.
KIND_COLOURS: dict[Kind, str] = {
    "health": WELLBEING,
    "skill": "#2b6cb0",
    "kpi": "#c05621",
    "course": CERTIFICATE,
    "application": CERTIFICATE,
    "certificate": CERTIFICATE,
    "result": CERTIFICATE,
    "registration": CERTIFICATE,
    "move": "#c53030",
}
SOURCE_FILLS = {"self": "#2b6cb0", "trainer": "#2f855a", "assumed": "url(#cc-hatch)"}


# ---- a tiny, always-escaping element builder -----------------------------------------------------


def _el(tag: str, attrs: dict[str, object] | None = None, *children: object) -> Markup:
    """`<tag attr="…">children</tag>`: attribute values and plain-string children are escaped;
    only Markup (another element) passes through as markup. Built as plain text and marked
    safe once (a page draws thousands of these)."""
    out = [f"<{tag}"]
    for key, value in (attrs or {}).items():
        if value is None:
            continue
        shown = _number(value) if isinstance(value, int | float) else _escape(str(value))
        out.append(f' {key.rstrip("_").replace("_", "-")}="{shown}"')
    if not children:
        out.append("/>")
        return Markup("".join(out))
    out.append(">")
    out.extend(child if isinstance(child, Markup) else _escape(_plain(child)) for child in children)
    out.append(f"</{tag}>")
    return Markup("".join(out))


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def _escape(text: str) -> str:
    """What markupsafe.escape does, as plain text."""
    return text.translate(_ESCAPES)


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def _plain(text: object) -> str:
    """Control and format characters (bidi overrides) become spaces: they must not reorder or
    hide what the picture says."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(" " if hidden(ch) else ch for ch in text)


def text_width(text: str, size: float = FONT) -> float:
    """About how wide `text` is drawn: full-width characters one em, others about half."""
    return sum(size if unicodedata.east_asian_width(ch) in ("W", "F") else size * 0.56 for ch in text)


def _text(x: float, y: float, text: str, *, size: float = FONT, anchor: str = "start",
          fit: float | None = None, **attrs: object) -> Markup:
    """A label; squeezed to `fit` units when it would be wider (a long name stays in its box)."""
    squeeze = {}
    if fit is not None and text_width(text, size) > fit:
        squeeze = {"textLength": round(fit, 1), "lengthAdjust": "spacingAndGlyphs"}
    return _el("text", {"x": round(x, 1), "y": round(y, 1), "font_size": size, "text_anchor": anchor,
                        **squeeze, **attrs}, text)


def _svg(height: float, title: str, desc: str, body: Iterable[Markup], *, css_class: str,
         defs: Markup | None = None) -> Markup:
    ident = css_class
    return _el(
        "svg",
        {"xmlns": "http://www.w3.org/2000/svg", "viewBox": f"0 0 {WIDTH} {round(height)}",
         "role": "img", "aria_labelledby": f"{ident}-title {ident}-desc", "class": css_class,
         "width": "100%"},
        _el("title", {"id": f"{ident}-title"}, title),
        _el("desc", {"id": f"{ident}-desc"}, desc),
        *([defs] if defs is not None else []),
        *body,
    )


# ---- the timeline --------------------------------------------------------------------------------

LEFT, RIGHT = 8, 12
LANE_LABEL = 15  # room for the lane's name above its bar
BAR = 16
MARK = 16  # a milestone marker's row height
AXIS = 22


def timeline_svg(view: PlanView) -> Markup:
    """Steps as bars in time, milestones as numbered markers on their step's lane (the numbers
    are the milestone table's), review dates, the wished horizon, the plan's date and target."""
    lang = view.lang
    start = view.made_on
    dates = [view.horizon_end, view.realistic_end, *view.reviews, *(m.date for m in view.milestones)]
    end = max(dates)
    span = max((end - start).days, 30)
    end = start + dt.timedelta(days=round(span * 1.04))  # room for the last marker
    span = (end - start).days
    inner = WIDTH - LEFT - RIGHT

    def x(day: dt.date) -> float:
        return LEFT + inner * (day - start).days / span

    lanes = _lanes(view)
    body: list[Markup] = []
    y = AXIS + 4
    lane_boxes = []
    for label, lane_start, lane_end, colour, marks in lanes:
        rows = _marker_rows(marks, x)
        height = LANE_LABEL + BAR + 4 + MARK * (max(rows.values(), default=-1) + 1) + 8
        lane_boxes.append((y, label, lane_start, lane_end, colour, marks, rows))
        y += height
    lanes_bottom = y
    body.extend(_ticks(start, end, x, lanes_bottom, lang))
    for top, label, lane_start, lane_end, colour, marks, rows in lane_boxes:
        x0, x1 = x(lane_start), max(x(lane_end), x(lane_start) + 3)
        bar_y = top + LANE_LABEL
        anchor, label_x = ("start", x0) if x0 + text_width(label) < WIDTH - RIGHT else ("end", x1)
        body.append(_text(label_x, top + LANE_LABEL - 4, label, anchor=anchor, fit=WIDTH - RIGHT - LEFT,
                          font_weight="bold", fill="#1a202c"))
        body.append(_el("rect", {"x": round(x0, 1), "y": bar_y, "width": round(x1 - x0, 1), "height": BAR,
                                 "rx": 3, "fill": colour, "fill_opacity": 0.22, "stroke": colour}))
        for mark in marks:
            cy = bar_y + BAR + 4 + MARK * rows[mark.number] + MARK / 2
            body.append(_marker(x(mark.date), cy, mark, lang))
    # The vertical lines: reviews, the horizon, the target date and the plan's own date.
    lines = [(d, "review") for d in view.reviews if d != view.realistic_end]
    lines += [(view.horizon_end, "horizon"), (view.realistic_end, "target"), (start, "made")]
    labels_y = lanes_bottom + 14
    placed: list[tuple[float, float, int]] = []  # (left, right, row) of each caption
    for day, kind in sorted(lines, key=lambda item: (item[0], item[1])):
        lx = x(day)
        colour, dash = {"review": ("#718096", "4 3"), "horizon": ("#c53030", None),
                        "target": ("#1a202c", None), "made": ("#1a202c", "1 2")}[kind]
        body.append(_el("line", {"x1": round(lx, 1), "x2": round(lx, 1), "y1": AXIS, "y2": lanes_bottom + 2,
                                 "stroke": colour, "stroke_width": 1.2, "stroke_dasharray": dash}))
        caption = t(f"html.tl_{kind}", lang, day=_short_day(day, lang))
        width = text_width(caption, FONT - 1)
        anchor = "start" if lx + width < WIDTH - RIGHT else "end"
        left = lx if anchor == "start" else lx - width
        row = 0
        while any(r == row and left < right + 6 and left + width > other - 6 for other, right, r in placed):
            row += 1
        placed.append((left, left + width, row))
        body.append(_text(lx, labels_y + row * 13, caption, size=FONT - 1, anchor=anchor, fill=colour))
    height = labels_y + 13 * max((r for _, _, r in placed), default=0) + 6
    title = t("html.tl_title", lang, route=t("html.arrow", lang).join(view.roles),
              start=format_month(start, lang), end=format_month(view.realistic_end, lang))
    desc = t("html.tl_desc", lang, milestones=len(view.milestones), reviews=len(view.reviews),
             horizon=format_day(view.horizon_end, lang), target=format_day(view.realistic_end, lang))
    return _svg(height, title, desc, body, css_class="timeline")


def _short_day(day: dt.date, lang: str) -> str:
    return f"{day.year}/{day.month}/{day.day}" if lang == "ja" else format_day(day, lang)


def _lanes(view: PlanView) -> list[tuple[str, dt.date, dt.date, str, list[MilestoneRow]]]:
    """(label, start, end, colour, milestones): before the first move (rest or preparation),
    then one lane per step of the route (or one lane for a plan with no move)."""
    lang = view.lang
    lanes = []
    before = [m for m in view.milestones if m.step == 0]
    first_start = view.steps[0].start if view.steps else None
    if view.strain or before:
        until = first_start or max((m.date for m in before), default=view.made_on)
        kind = "rest" if view.strain else "prep"
        lanes.append((t(f"html.lane_{kind}", lang), view.made_on, until,
                      WELLBEING if view.strain else "#718096", before))
    for step in view.steps:
        label = t("html.lane_step", lang, index=step.index, source=step.source, target=step.target,
                  start=format_month(step.start, lang), end=format_month(step.end, lang))
        lanes.append((label, step.start, step.end, "#2b6cb0",
                      [m for m in view.milestones if m.step == step.index]))
    if not view.steps:
        last = max([view.realistic_end, *(m.date for m in view.milestones), *view.reviews])
        lanes.append((t("html.lane_stay", lang, role=view.target), view.made_on, last, "#2b6cb0",
                      [m for m in view.milestones if m.step != 0]))
    return lanes


def _marker_rows(marks: Sequence[MilestoneRow], x) -> dict[int, int]:  # noqa: ANN001
    """Markers closer than their own width go on the next row down, so none hides another."""
    last_x: list[float] = []
    rows: dict[int, int] = {}
    for mark in sorted(marks, key=lambda m: (m.date, m.number)):
        mx = x(mark.date)
        row = next((i for i, seen in enumerate(last_x) if mx - seen >= MARK + 1), len(last_x))
        if row == len(last_x):
            last_x.append(mx)
        else:
            last_x[row] = mx
        rows[mark.number] = row
    return rows


def _marker(cx: float, cy: float, mark: MilestoneRow, lang: str) -> Markup:
    colour = KIND_COLOURS[mark.kind]
    r = MARK / 2 - 0.5
    if mark.kind == "skill":
        shape = _el("circle", {"cx": round(cx, 1), "cy": round(cy, 1), "r": r, "fill": colour})
    else:  # a diamond: told apart from a skill step also on a grey print
        points = f"{cx:.1f},{cy - r - 0.8:.1f} {cx + r + 0.8:.1f},{cy:.1f} {cx:.1f},{cy + r + 0.8:.1f} " \
                 f"{cx - r - 0.8:.1f},{cy:.1f}"
        shape = _el("polygon", {"points": points, "fill": colour})
    label = t("html.tl_mark", lang, number=mark.number, day=format_day(mark.date, lang), kind=mark.kind_label,
              action=mark.action)
    return _el("g", {"class": f"mark mark-{mark.kind}"}, _el("title", {}, label), shape,
               _text(cx, cy + 3.2, str(mark.number), size=9, anchor="middle", fill="#ffffff",
                     font_weight="bold"))


def _ticks(start: dt.date, end: dt.date, x, bottom: float, lang: str) -> list[Markup]:  # noqa: ANN001
    """Year lines (and quarters or half-years when the picture spans little time)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    step = 3 if months <= 24 else 6 if months <= 60 else 12
    body = []
    day = dt.date(start.year, 1, 1)
    while day <= end:
        if day > start:
            lx = x(day)
            major = day.month == 1
            body.append(_el("line", {"x1": round(lx, 1), "x2": round(lx, 1), "y1": AXIS - 4, "y2": bottom,
                                     "stroke": "#a0aec0" if major else "#e2e8f0", "stroke_width": 1}))
            label = (t("html.tl_year", lang, year=day.year) if major
                     else t("html.tl_month", lang, month=day.month))
            if lx + 2 + text_width(label, FONT - 1) <= WIDTH:  # no label cut off at the edge
                body.append(_text(lx + 2, AXIS - 8, label, size=FONT - 1, fill="#4a5568",
                                  font_weight="bold" if major else None))
        month = day.month + step
        day = dt.date(day.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    return body


# ---- the skills: now vs needed -------------------------------------------------------------------

NAME_COLUMN = 210
VALUE_COLUMN = 70
ROW = 22


def skills_svg(view: PlanView) -> Markup:
    """One row per skill of the route: a bar for the level the plan works from (solid: rated by
    the person or the trainer; hatched: assumed, not rated) inside an outline of the level needed."""
    lang = view.lang
    rows = view.skills
    scale_left = NAME_COLUMN
    scale_width = WIDTH - NAME_COLUMN - VALUE_COLUMN
    per_level = scale_width / 4
    top = 44
    body: list[Markup] = list(_skills_legend(lang))
    for level in range(5):
        lx = scale_left + per_level * level
        body.append(_el("line", {"x1": round(lx, 1), "x2": round(lx, 1), "y1": top - 4,
                                 "y2": top + ROW * len(rows), "stroke": "#cbd5e0", "stroke_width": 1}))
        body.append(_text(lx, top - 8, str(level), size=FONT - 1, anchor="middle", fill="#4a5568"))
    for i, row in enumerate(rows):
        y = top + ROW * i
        body.append(_skill_row(row, y, scale_left, per_level, lang))
    height = top + ROW * len(rows) + 6
    title = t("html.sk_title", lang, count=len(rows))
    gaps = [r for r in rows if r.gap]
    desc = t("html.sk_desc", lang, gaps=len(gaps),
             biggest=t("list.sep", lang).join(r.name for r in gaps[:3]) or t("html.none", lang))
    defs = _el("defs", {}, _el("pattern", {"id": "cc-hatch", "width": 5, "height": 5,
                                           "patternUnits": "userSpaceOnUse",
                                           "patternTransform": "rotate(45)"},
                               _el("rect", {"width": 5, "height": 5, "fill": "#e2e8f0"}),
                               _el("line", {"x1": 0, "y1": 0, "x2": 0, "y2": 5, "stroke": "#4a5568",
                                            "stroke_width": 2})))
    return _svg(height, title, desc, body, css_class="skills", defs=defs)


def _skill_row(row: SkillRow, y: float, left: float, per_level: float, lang: str) -> Markup:
    source = t(f"html.source_{row.source}", lang)
    label = t("html.sk_row", lang, skill=row.name, now=row.now, source=source, needed=row.needed,
              importance=row.importance)
    needed = _el("rect", {"x": left, "y": y + 3, "width": round(per_level * row.needed, 1), "height": ROW - 6,
                          "fill": "none", "stroke": "#1a202c", "stroke_width": 1.4, "rx": 2})
    parts = [_el("title", {}, label),
             _text(left - 8, y + ROW / 2 + 4, row.name, anchor="end", fit=left - 14, fill="#1a202c"),
             needed]
    if row.now:
        parts.append(_el("rect", {"x": left, "y": y + 7, "width": round(per_level * row.now, 1),
                                  "height": ROW - 14, "fill": SOURCE_FILLS[row.source],
                                  "stroke": "#4a5568" if row.source == "assumed" else None,
                                  "stroke_dasharray": "3 2" if row.source == "assumed" else None}))
    value = t("html.sk_value" if row.gap else "html.sk_value_met", lang, now=row.now, needed=row.needed) + (
        t("html.sk_assumed_mark", lang) if row.source == "assumed" else "")
    parts.append(_text(WIDTH - 4, y + ROW / 2 + 4, value, anchor="end",
                       font_weight="bold" if row.gap else None, fill="#c53030" if row.gap else "#2f855a"))
    return _el("g", {"class": f"skill source-{row.source}"}, *parts)


def _skills_legend(lang: str) -> list[Markup]:
    items = [("self", SOURCE_FILLS["self"]), ("trainer", SOURCE_FILLS["trainer"]),
             ("assumed", SOURCE_FILLS["assumed"])]
    body = []
    lx = 4
    for source, fill in items:
        body.append(_el("rect", {"x": lx, "y": 6, "width": 18, "height": 8, "fill": fill,
                                 "stroke": "#4a5568" if source == "assumed" else None}))
        label = t(f"html.legend_{source}", lang)
        body.append(_text(lx + 22, 14, label, size=FONT - 1, fill="#1a202c"))
        lx += 22 + text_width(label, FONT - 1) + 16
    body.append(_el("rect", {"x": lx, "y": 3, "width": 18, "height": 14, "fill": "none", "stroke": "#1a202c",
                             "stroke_width": 1.4}))
    body.append(_text(lx + 22, 14, t("html.legend_needed", lang), size=FONT - 1, fill="#1a202c"))
    return body


# ---- the cohort's bar charts ---------------------------------------------------------------------


def bar_chart_svg(rows: Sequence[tuple[str, float, str]], *, title: str, ident: str,
                  colour: str = "#2b6cb0") -> Markup:
    """Horizontal bars: (label, value, the value as text), longest bar = largest value."""
    largest = max((value for _, value, _ in rows), default=0) or 1
    bar_width = WIDTH - NAME_COLUMN - VALUE_COLUMN
    body = []
    for i, (label, value, shown) in enumerate(rows):
        y = 4 + ROW * i
        body.append(_el("g", {"class": "bar"},
                        _el("title", {}, f"{label}: {shown}"),
                        _text(NAME_COLUMN - 8, y + ROW / 2 + 4, label, anchor="end", fit=NAME_COLUMN - 14),
                        _el("rect", {"x": NAME_COLUMN, "y": y + 4, "height": ROW - 8, "fill": colour,
                                     "width": round(max(2.0, bar_width * value / largest), 1)}),
                        _text(WIDTH - 4, y + ROW / 2 + 4, shown, anchor="end")))
    desc = "; ".join(f"{label}: {shown}" for label, _, shown in rows)
    return _svg(8 + ROW * len(rows), title, desc, body, css_class=ident)
