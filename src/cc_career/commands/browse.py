"""`cc-career paths`, `paths show ID`, `skills`, `certs`: the career data as tables a person can read."""

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
from cc_career.models.certificates import Certificate, Grade
from cc_career.plan.certificates import full_name
from cc_career.render.words import pay_lines, pay_text


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
            if role.public_pay:  # the short form: a public figure and its year only
                label += f"  {escape(pay_text(role, lang))}"
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
                needs = move.needs(lang)
                if move.min_years is not None and move.counts is not None:
                    needs += "\n" + t("certs.min_years", lang, years=_years(move.min_years),
                                       counts=t(f"certs.counts_{move.counts}", lang))
                table.add_row(escape(catalog.roles[other(move)].name(lang)), str(move.months),
                              escape(needs))
            console.print(table)
    console.print(f"{t('browse.pay', lang)}:")
    for line in pay_lines(role, lang):
        console.print(f"  • {escape(line)}")
    for pay in role.pay:
        if pay.note:
            console.print(f"    [dim]{escape(pay.note(lang))}[/dim]")
        if pay.url:
            console.print(f"    [dim]{escape(pay.url)}[/dim]")
    if role.pay_note:
        console.print(f"  • {escape(role.pay_note(lang))}")
    caveat = t("paydata.caveat", lang)
    if any(not pay.public for pay in role.pay):
        caveat += ("" if lang == "ja" else " ") + t("paydata.caveat_example", lang)
    console.print(f"  [dim]{caveat}[/dim]")
    if role.certifications:
        console.print(_certificate_table(catalog, role.certifications, lang, t("certs.role_title", lang)))
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


def list_certificates(lang: str, data_dir: Path | None, certificate_id: str | None = None) -> None:
    """Every certificate grade with its rules, or one certificate with its sources in full."""
    catalog = load_catalog(data_dir)
    if certificate_id is not None and certificate_id not in catalog.certificates:
        raise CcCareerError("certs.unknown_certificate", id=certificate_id)
    chosen = [catalog.certificates[certificate_id]] if certificate_id else list(catalog.certificates.values())
    refs = [f"{c.id}.{g.id}" for c in chosen for g in c.grades]
    console = Console()
    console.print(_certificate_table(catalog, refs, lang, t("certs.list_title", lang)))
    for cert in chosen:
        console.print(f"[bold]{escape(cert.name(lang))}[/bold] [dim]({cert.id})[/dim]  "
                      f"{escape(t('certs.issuer', lang, issuer=cert.issuer(lang)))}")
        console.print(f"  [dim]{escape(t('certs.checked', lang, checked=cert.checked, url=cert.url))}[/dim]")
        if certificate_id:
            for url in cert.also_read:
                console.print(f"  [dim]{escape(url)}[/dim]")
            for grade in cert.grades:
                if grade.note:
                    console.print(f"  {escape(grade.name(lang))}: {escape(grade.note(lang))}")
            if cert.note:
                console.print(f"  {escape(t('certs.note', lang, note=cert.note(lang)))}")
    console.print(t("certs.list_hint", lang))


def _certificate_table(catalog: Catalog, refs: list[str], lang: str, title: str) -> Table:
    table = Table(title=title, show_lines=True)
    for column in ("certificate", "requires", "course", "sitting", "study", "fee"):
        table.add_column(t(f"certs.col_{column}", lang), overflow="fold")
    for ref in refs:
        cert_id, grade_id = ref.split(".", 1)
        cert = catalog.certificates[cert_id]
        grade = cert.grade(grade_id)
        table.add_row(*(escape(cell) for cell in rule_cells(catalog.certificates, cert, grade, lang)))
    return table


def rule_cells(certificates: dict[str, Certificate], cert: Certificate, grade: Grade, lang: str) -> list[str]:
    """The rules of one grade as table cells: name, prerequisites, course, sitting, study, fee."""
    none = t("certs.none", lang)
    needs = [full_name(certificates[r.split(".", 1)[0]], _grade(certificates, r))(lang)
             for r in grade.requires]
    course = (f"{grade.course.name(lang)}: {t('certs.course_hours', lang, hours=grade.course.hours)}"
              if grade.course else none)
    sitting = _sitting_text(grade, lang)
    if grade.parts:
        sitting += "\n" + t("certs.parts", lang, parts=t("list.sep", lang).join(p(lang) for p in grade.parts))
    fee = none if grade.fee is None else _fee_text(grade, lang)
    return [full_name(cert, grade)(lang), t("list.sep", lang).join(needs) or none, course, sitting,
            t("certs.study", lang, months=grade.study_months), fee]


def _grade(certificates: dict[str, Certificate], ref: str) -> Grade:
    cert_id, grade_id = ref.split(".", 1)
    return certificates[cert_id].grade(grade_id)


def _sitting_text(grade: Grade, lang: str) -> str:
    sitting = grade.sitting
    lines = [t("certs.cbt", lang)] if sitting.mode == "cbt" else [_fixed_text(grade, lang)]
    if sitting.apply_weeks_before:
        lines.append(t("certs.apply_before", lang, weeks=sitting.apply_weeks_before))
    if sitting.result_weeks is None:
        lines.append(t("certs.result_unknown", lang))
    else:
        lines.append(t("certs.result_after", lang, weeks=sitting.result_weeks) if sitting.result_weeks
                     else t("certs.result_same_day", lang))
    return "\n".join(lines)


def _fixed_text(grade: Grade, lang: str) -> str:
    sitting = grade.sitting
    groups: dict[str, list[int]] = {}
    for month in sitting.months:
        groups.setdefault(sitting.on_by_month.get(month, sitting.on), []).append(month)
    parts = []
    for rule, months in groups.items():
        names = _months(sorted(months), lang)
        if rule == "unknown" and len(months) == 12:
            parts.append(t("certs.fixed_all", lang))
            continue
        parts.append(t("certs.fixed", lang, months=names) if rule == "unknown"
                     else t("certs.fixed_on", lang, months=names, day=t(f"certs.{rule}", lang)))
    return t("list.sep", lang).join(parts)


def _months(months: list[int], lang: str) -> str:
    if len(months) == 12:
        return t("certs.every_month", lang)
    if lang == "en":
        import calendar

        return ", ".join(calendar.month_abbr[m] for m in months)
    return "・".join(str(m) for m in months)


def _fee_text(grade: Grade, lang: str) -> str:
    fee = grade.fee
    assert fee is not None
    tax = t(f"certs.tax_{fee.tax}", lang)
    if fee.jpy is not None:
        return t("certs.fee_jpy", lang, amount=f"{fee.jpy:,}", year=fee.year, tax=tax)
    return t("certs.fee_usd", lang, amount=f"{fee.usd:,}", year=fee.year, tax=tax)
