"""`cc-career paths`, `paths show ID`, `skills`, `certs`: the career data as tables a person can read.

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

from cc_career.core.models.catalog import TRACKS, Catalog, Role, Skill
from cc_career.core.models.certificates import Certificate, Grade
from cc_career.core.plan.certificates import full_name
from cc_career.errors import CcCareerError
from cc_career.files.load import load_catalog
from cc_career.render import words
from cc_career.render.fold import Folded, narrowest
from cc_career.render.formats import format_months
from cc_career.render.i18n import t

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
            if role.public_pay:  # the short form: a public figure and its year only
                paragraphs.append([(words.pay_text(role, lang), "")])
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
                needs = move.needs(lang)
                if move.min_years is not None and move.counts is not None:
                    needs += "\n" + t("certs.min_years", lang, years=_years(move.min_years),
                                       counts=t(f"certs.counts_{move.counts}", lang))
                table.add_row(_text(catalog.roles[other(move)].name(lang), lang), str(move.months),
                              _text(needs, lang))
            console.print(table)
    console.print(pay_lines(role, lang))
    if role.certifications:
        console.print(_certificate_table(catalog, role.certifications, lang, t("certs.role_title", lang)))
    tags = [catalog.values[v].label(lang) for v in role.values]
    tags += [catalog.interests[i].label(lang) for i in role.interests]
    console.print(_text(f"{t('browse.fits', lang)}: {t('list.sep', lang).join(tags)}", lang))


def pay_lines(role: Role, lang: str) -> Group:
    """Every pay figure of the role with its note, source, year and page — public statistics
    first — or that no public figure is known, and the caveat that goes with pay."""
    indent = (0, 0, 0, 4)
    lines: list = [_text(f"{t('browse.pay', lang)}:", lang)]
    for line in words.pay_lines(role, lang):
        lines.append(Padding(Folded([f"• {line}"], lang, indent=2), (0, 0, 0, 2)))
    for pay in role.pay:
        if pay.note:
            lines.append(Padding(Folded([(pay.note(lang), "dim")], lang), indent))
        if pay.url:
            lines.append(Padding(Folded([(pay.url, "dim")], lang), indent))
    if role.pay_note:
        lines.append(Padding(Folded([f"• {role.pay_note(lang)}"], lang, indent=2), (0, 0, 0, 2)))
    caveat = t("paydata.caveat", lang)
    if any(not pay.public for pay in role.pay):
        caveat += ("" if lang == "ja" else " ") + t("paydata.caveat_example", lang)
    lines.append(Padding(Folded([(caveat, "dim")], lang), (0, 0, 0, 2)))
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
    """Data text folded to the width it gets; a line break in it starts a new paragraph."""
    return Folded(text.split("\n"), lang)


def _years(value: float) -> str:
    return f"{value:g}"


def list_certificates(lang: str, data_dir: Path | None, certificate_id: str | None = None) -> None:
    """Every certificate grade with its rules, or one certificate with its sources in full."""
    catalog = load_catalog(data_dir)
    if certificate_id is not None and certificate_id not in catalog.certificates:
        raise CcCareerError("certs.unknown_certificate", id=certificate_id)
    chosen = [catalog.certificates[certificate_id]] if certificate_id else list(catalog.certificates.values())
    refs = [f"{c.id}.{g.id}" for c in chosen for g in c.grades]
    console = Console(highlight=False)
    console.print(_certificate_table(catalog, refs, lang, t("certs.list_title", lang)))
    indent = (0, 0, 0, 2)
    for cert in chosen:
        console.print(Folded([[(cert.name(lang), "bold"), (f" ({cert.id})", "dim"),
                               (f"  {t('certs.issuer', lang, issuer=cert.issuer(lang))}", "")]], lang))
        console.print(Padding(Folded([(t("certs.checked", lang, checked=cert.checked, url=cert.url), "dim")],
                                     lang), indent))
        if certificate_id:
            for url in cert.also_read:
                console.print(Padding(Folded([(url, "dim")], lang), indent))
            for grade in cert.grades:
                if grade.note:
                    console.print(Padding(_text(f"{grade.name(lang)}: {grade.note(lang)}", lang), indent))
            if cert.note:
                console.print(Padding(_text(t("certs.note", lang, note=cert.note(lang)), lang), indent))
    console.print(_text(t("certs.list_hint", lang), lang))


def _certificate_table(catalog: Catalog, refs: list[str], lang: str, title: str) -> Group:
    """The rules of each grade as a block — its name, then one folded line per rule — so the six
    facts of a grade stay readable at any terminal width (a six-column table cuts words at 80)."""
    labels = [t(f"certs.col_{column}", lang) for column in ("requires", "course", "sitting", "study", "fee")]
    blocks: list = [Folded([(title, "bold")], lang)]
    for ref in refs:
        cert_id, grade_id = ref.split(".", 1)
        cert = catalog.certificates[cert_id]
        name, *cells = rule_cells(catalog.certificates, cert, cert.grade(grade_id), lang)
        rules = Table.grid(padding=(0, 1))
        rules.add_column(no_wrap=True, style="dim")
        rules.add_column()
        for label, cell in zip(labels, cells, strict=True):
            rules.add_row(label, _text(cell, lang))
        blocks += [Folded([(f"• {name}", "bold")], lang, indent=2), Padding(rules, (0, 0, 0, 2))]
    return Group(*blocks)


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
            format_months(grade.study_months, lang), fee]


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
