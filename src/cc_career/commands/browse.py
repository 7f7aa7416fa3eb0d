"""`cc-career paths`, `paths show ID`, `skills`: the career data as tables a person can read.

Every piece of data text goes into a `Folded` renderable: it wraps at phrase (ja) or word (en)
boundaries to the width the terminal has, and is never cut. rich never reads it as markup, so
a "[/x]" in a trainer's own role name is just text.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.tree import Tree

from cc_career.catalog import Catalog, load_catalog
from cc_career.errors import CcCareerError
from cc_career.i18n import t
from cc_career.models.catalog import TRACKS, Role, Skill
from cc_career.render.fold import Folded, narrowest
from cc_career.render.words import pay_text

LEVELS = range(1, 5)
DESCRIPTOR_COLUMN_MIN = 24  # narrower than this, a descriptor reads a phrase a line
LEVEL_COLUMN_MIN = 16  # below this a level column reads one phrase a line: stack the levels


def list_paths(lang: str, data_dir: Path | None) -> None:
    catalog = load_catalog(data_dir)
    console = Console(highlight=False)
    tree = Tree(Folded([(t("browse.paths_title", lang), "bold")], lang))
    for track in TRACKS:
        branch = tree.add(Folded([(t(f"track.{track}", lang), "bold")], lang))
        for role in (r for r in catalog.roles.values() if r.track == track):
            label: list[tuple[str, str]] = [(role.name(lang), ""), (f" ({role.id})", "dim")]
            if role.entry:
                label.append((f"  {t('browse.entry', lang)}", "green"))
            paragraphs = [label]
            if role.pay:
                paragraphs.append([(pay_text(role, lang), "")])
            branch.add(Folded(paragraphs, lang))
    console.print(tree)
    table = Table(title=t("browse.moves_title", lang))
    for column in ("from", "to", "months"):
        table.add_column(t(f"browse.col_{column}", lang), justify="right" if column == "months" else "left")
    for move in catalog.transitions:
        table.add_row(_text(catalog.roles[move.from_role].name(lang), lang),
                      _text(catalog.roles[move.to].name(lang), lang), str(move.months))
    console.print(table)
    console.print(Folded([t("browse.paths_hint", lang)], lang))


def show_role(role_id: str, lang: str, data_dir: Path | None) -> None:
    catalog = load_catalog(data_dir)
    role = catalog.roles.get(role_id)
    if role is None:
        raise CcCareerError("browse.unknown_role", id=role_id)
    console = Console(highlight=False)
    track = t(f"track.{role.track}", lang)
    console.print(Folded([[(role.name(lang), "bold"), (f" ({role.id}) — {track}", "")]], lang))
    console.print(_text(role.description(lang), lang))
    if role.min_years_experience:
        console.print(_text(t("browse.experience", lang, years=_years(role.min_years_experience)), lang))
    console.print(_requirements(catalog, role, lang, console.width))
    for title, moves, other in (
        ("browse.routes_in", catalog.incoming(role.id), lambda m: m.from_role),
        ("browse.routes_out", catalog.outgoing(role.id), lambda m: m.to),
    ):
        if moves:
            table = Table(title=t(title, lang), show_lines=True)
            table.add_column(t("browse.col_role", lang))
            table.add_column(t("browse.col_months", lang), justify="right")
            table.add_column(t("browse.col_needs", lang))
            for move in moves:
                table.add_row(_text(catalog.roles[other(move)].name(lang), lang), str(move.months),
                              _text(move.needs(lang), lang))
            console.print(table)
    console.print(pay_lines(role, lang))
    if role.certifications:
        console.print(_text(t("browse.certifications", lang), lang))
        for cert in role.certifications:
            console.print(Padding(Folded([f"• {cert.name(lang)} — {cert.issuer(lang)}"], lang, indent=2),
                                  (0, 0, 0, 2)))
    tags = [catalog.values[v].label(lang) for v in role.values]
    tags += [catalog.interests[i].label(lang) for i in role.interests]
    console.print(_text(f"{t('browse.fits', lang)}: {t('list.sep', lang).join(tags)}", lang))


def pay_lines(role: Role, lang: str) -> Group:
    """What is known of the role's pay: the figure, its note, where it comes from and when —
    whichever of those the data holds — or that no public figure is known."""
    pay = role.pay
    if pay is None:
        return Group(_text(f"{t('browse.pay', lang)}: {t('screen.no_pay', lang)}", lang))
    lines = [_text(f"{t('browse.pay', lang)}: {pay_text(role, lang)}", lang)]
    if pay.note:
        lines.append(Padding(_text(pay.note(lang), lang), (0, 0, 0, 2)))
    source = pay.source(lang) if callable(pay.source) else pay.source
    year = getattr(pay, "year", None)
    if year:
        source = t("screen.source_year", lang, source=source, year=year)
    lines.append(Padding(Folded([(f"{t('browse.source', lang)}: {source}", "dim")], lang), (0, 0, 0, 2)))
    url = getattr(pay, "url", None)
    if url:
        lines.append(Padding(Folded([(str(url), "dim")], lang), (0, 0, 0, 2)))
    return Group(*lines)


def _requirements(catalog: Catalog, role: Role, lang: str, width: int) -> Table | Group:
    """A table where the terminal holds its four columns without breaking a skill's name,
    else one skill after another with its descriptor below."""
    ranked = sorted(role.skills.items(), key=lambda kv: (-kv[1].importance, -kv[1].level))
    rows = [(catalog.skills[skill_id], need) for skill_id, need in ranked]
    names = max((narrowest(skill.name(lang), lang) for skill, _ in rows), default=0)
    if width < names + 6 + 6 + DESCRIPTOR_COLUMN_MIN + 13:
        blocks: list = [Folded([(t("browse.required_skills", lang), "bold")], lang)]
        for skill, need in rows:
            level = f"{t('browse.col_level', lang)} {need.level}"
            blocks.append(Folded([[(skill.name(lang), "bold"),
                                   (f"  {level}  {'★' * need.importance}", "")]], lang))
            blocks.append(Padding(_text(skill.levels[need.level](lang), lang), (0, 0, 0, 2)))
        return Group(*blocks)
    table = Table(title=t("browse.required_skills", lang))
    table.add_column(t("browse.col_skill", lang), min_width=names)
    table.add_column(t("browse.col_level", lang), justify="center")
    table.add_column(t("browse.col_importance", lang), justify="center", no_wrap=True)
    table.add_column(t("browse.col_means", lang))
    for skill, need in rows:
        table.add_row(_text(skill.name(lang), lang), str(need.level), "★" * need.importance,
                      _text(skill.levels[need.level](lang), lang))
    return table


def list_skills(lang: str, data_dir: Path | None, only: list[str] | None = None) -> None:
    """Every skill (or the ones named) with what each level looks like: one table per category
    where the terminal is wide enough for four level columns, else each skill's levels stacked."""
    catalog = load_catalog(data_dir)
    for skill_id in only or []:
        if skill_id not in catalog.skills:
            raise CcCareerError("answers.unknown_skill", id=skill_id)
    console = Console(highlight=False)
    chosen = [s for s in catalog.skills.values() if not only or s.id in only]
    first = max((max(narrowest(s.id, lang), narrowest(s.name(lang), lang)) for s in chosen), default=0)
    wide = console.width >= first + 4 * LEVEL_COLUMN_MIN + 3 * 5 + 1
    for category in catalog.skills_file.categories:
        skills = [s for s in chosen if s.category == category.id]
        if not skills:
            continue
        if wide:
            console.print(_skills_table(category.name(lang), skills, lang, first))
        else:
            console.print(Folded([(category.name(lang), "bold underline")], lang))
            for skill in skills:
                console.print(_skill_stacked(skill, lang))


def _skills_table(title: str, skills: list[Skill], lang: str, first: int) -> Table:
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column(t("browse.col_skill", lang), width=first)
    for level in LEVELS:
        table.add_column(_text(f"{level}: {t(f'level.{level}', lang)}", lang))
    for skill in skills:
        table.add_row(Folded([skill.name(lang), (skill.id, "dim")], lang),
                      *(_text(skill.levels[level](lang), lang) for level in LEVELS))
    return table


def _skill_stacked(skill: Skill, lang: str) -> Group:
    levels = Table.grid(padding=(0, 1))
    levels.add_column(no_wrap=True)
    levels.add_column()
    for level in LEVELS:
        levels.add_row(f"{level}", Folded([[(f"{t(f'level.{level}', lang)}", "bold"),
                                            (f" — {skill.levels[level](lang)}", "")]], lang, indent=0))
    heading = Folded([[(skill.name(lang), "bold"), (f"  {skill.id}", "dim")]], lang)
    return Group("", heading, Padding(levels, (0, 0, 0, 2)))


def _text(text: str, lang: str) -> Folded:
    return Folded([text], lang)


def _years(value: float) -> str:
    return f"{value:g}"
