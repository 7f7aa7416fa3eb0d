"""`cc-career paths`, `paths show ID`, `skills`: the career data as tables a person can read."""

# Data text (a trainer's own --data-dir included) goes through `escape`: rich must not read a
# "[/x]" in a role name as markup.

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from cc_career.catalog import Catalog, load_catalog
from cc_career.errors import CcCareerError
from cc_career.i18n import t
from cc_career.models.catalog import TRACKS, Role
from cc_career.render.words import pay_text


def list_paths(lang: str, data_dir: Path | None) -> None:
    catalog = load_catalog(data_dir)
    console = Console()
    tree = Tree(t("browse.paths_title", lang))
    for track in TRACKS:
        branch = tree.add(f"[bold]{t(f'track.{track}', lang)}[/bold]")
        for role in (r for r in catalog.roles.values() if r.track == track):
            label = f"{escape(role.name(lang))} [dim]({role.id})[/dim]"
            if role.entry:
                label += f"  [green]{t('browse.entry', lang)}[/green]"
            if role.pay:
                label += f"  {pay_text(role, lang)}"
            branch.add(label)
    console.print(tree)
    table = Table(title=t("browse.moves_title", lang))
    for column in ("from", "to", "months"):
        table.add_column(t(f"browse.col_{column}", lang), justify="right" if column == "months" else "left")
    for move in catalog.transitions:
        table.add_row(
            escape(catalog.roles[move.from_role].name(lang)),
            escape(catalog.roles[move.to].name(lang)),
            str(move.months),
        )
    console.print(table)
    console.print(t("browse.paths_hint", lang))


def show_role(role_id: str, lang: str, data_dir: Path | None) -> None:
    catalog = load_catalog(data_dir)
    role = catalog.roles.get(role_id)
    if role is None:
        raise CcCareerError("browse.unknown_role", id=role_id)
    console = Console()
    console.print(f"[bold]{escape(role.name(lang))}[/bold] ({role.id}) — {t(f'track.{role.track}', lang)}")
    console.print(escape(role.description(lang)))
    if role.min_years_experience:
        console.print(t("browse.experience", lang, years=_years(role.min_years_experience)))
    console.print(_requirements(catalog, role, lang))
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
                table.add_row(escape(catalog.roles[other(move)].name(lang)), str(move.months),
                              escape(move.needs(lang)))
            console.print(table)
    if role.pay:
        console.print(f"{t('browse.pay', lang)}: {pay_text(role, lang)}")
        if role.pay.note:
            console.print(f"  {escape(role.pay.note(lang))}")
        console.print(f"  [dim]{t('browse.source', lang)}: {escape(role.pay.source)}[/dim]")
    if role.certifications:
        console.print(t("browse.certifications", lang))
        for cert in role.certifications:
            console.print(f"  • {escape(cert.name(lang))} — {escape(cert.issuer(lang))}")
    tags = [catalog.values[v].label(lang) for v in role.values]
    tags += [catalog.interests[i].label(lang) for i in role.interests]
    console.print(f"{t('browse.fits', lang)}: {escape(', '.join(tags))}")


def _requirements(catalog: Catalog, role: Role, lang: str) -> Table:
    table = Table(title=t("browse.required_skills", lang))
    table.add_column(t("browse.col_skill", lang))
    table.add_column(t("browse.col_level", lang), justify="center")
    table.add_column(t("browse.col_importance", lang), justify="center")
    table.add_column(t("browse.col_means", lang))
    ranked = sorted(role.skills.items(), key=lambda kv: (-kv[1].importance, -kv[1].level))
    for skill_id, need in ranked:
        skill = catalog.skills[skill_id]
        table.add_row(escape(skill.name(lang)), str(need.level), "★" * need.importance,
                      escape(skill.levels[need.level](lang)))
    return table


def list_skills(lang: str, data_dir: Path | None) -> None:
    catalog = load_catalog(data_dir)
    console = Console()
    for category in catalog.skills_file.categories:
        table = Table(title=escape(category.name(lang)), show_lines=True, expand=True)
        table.add_column(t("browse.col_skill", lang), ratio=2)
        for level in range(1, 5):
            table.add_column(f"{level}: {t(f'level.{level}', lang)}", ratio=3)
        for skill in (s for s in catalog.skills.values() if s.category == category.id):
            table.add_row(f"{escape(skill.name(lang))}\n[dim]{skill.id}[/dim]",
                          *(escape(skill.levels[level](lang)) for level in range(1, 5)))
        console.print(table)



def _years(value: float) -> str:
    return f"{value:g}"
