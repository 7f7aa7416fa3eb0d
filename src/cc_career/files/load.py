"""Load and cross-check the career data (skills, roles, transitions) from data/, and a
person's answers file against it."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from cc_career.core.models.answers import Answers
from cc_career.core.models.catalog import (
    MAX_ROUTE_MONTHS,
    Catalog,
    PathsFile,
    SkillsFile,
    months_from,
    reachable_roles,
)
from cc_career.core.models.certificates import CertificationsFile
from cc_career.errors import InputError
from cc_career.files import usercache, yamlio
from cc_career.files.resources import data_file


def load_catalog(data_dir: Path | str | None = None) -> Catalog:
    """Read skills.yaml and paths.yaml (user folder first, bundled otherwise) and check them.
    A checked catalog is kept in the user's cache until the files or the code reading them
    change (reading and checking them again is a good part of a replayed plan's time)."""
    sources = (data_file("skills.yaml", data_dir), data_file("paths.yaml", data_dir),
               data_file("certifications.yaml", data_dir))
    name = _cache_name(sources)
    catalog = usercache.load("catalog", name) if name else None
    if not isinstance(catalog, Catalog):
        catalog = _read_catalog(*sources)
        if name:
            usercache.store("catalog", name, catalog)
    return catalog


def _cache_name(sources: tuple[Path, ...]) -> str | None:
    from pydantic.version import VERSION

    # By content, not time stamps: a file rewritten within the same clock tick still counts.
    code = (sys.modules[__name__], yamlio, sys.modules[PathsFile.__module__],
            sys.modules[CertificationsFile.__module__])
    try:
        files = [(str(p), yamlio.read_bytes(p)) for p in sources]  # refuses a pipe, never waits
        return usercache.key(files, *(Path(m.__file__).read_bytes() for m in code), sys.version, VERSION)
    except (OSError, InputError):
        return None  # a missing, unreadable or odd file: reading the catalog says what is wrong


def _read_catalog(skills_path: Path, paths_path: Path, certificates_path: Path) -> Catalog:
    skills_doc = yamlio.load(skills_path)
    skills_file = yamlio.validate(skills_doc, SkillsFile)
    paths_doc = yamlio.load(paths_path)
    paths_file = yamlio.validate(paths_doc, PathsFile)
    certificates_doc = yamlio.load(certificates_path)
    certificates_file = yamlio.validate(certificates_doc, CertificationsFile)
    _check_skills(skills_doc, skills_file)
    grades = _check_certificates(certificates_doc, certificates_file)
    _check_paths(paths_doc, paths_file, {s.id for s in skills_file.skills}, grades)
    if skills_path.parent == paths_path.parent:  # bundled skills may name roles another ladder lacks
        _check_action_roles(skills_doc, skills_file, {r.id for r in paths_file.roles})
    return Catalog(
        skills={s.id: s for s in skills_file.skills},
        roles={r.id: r for r in paths_file.roles},
        transitions=tuple(paths_file.transitions),
        values={v.id: v for v in paths_file.values},
        interests={i.id: i for i in paths_file.interests},
        skills_file=skills_file,
        paths_file=paths_file,
        sources=(skills_doc.path, paths_doc.path),
        certificates={c.id: c for c in certificates_file.certifications},
        certificates_source=certificates_doc.path,
    )


class _Problems:
    """Collects cross-check faults of one file, each placed at the YAML that causes it."""

    def __init__(self, document: yamlio.Document) -> None:
        self.document = document
        self.found: list[InputError] = []

    def add(self, loc: tuple, key: str, **params: object) -> None:
        line, column = self.document.position(loc) or (None, None)
        field = ".".join(str(p) for p in loc)
        self.found.append(
            InputError(self.document.path, key, line=line, column=column, field=field, **params)
        )

    def unique(self, section: str, ids: list[str]) -> None:
        seen: set[str] = set()
        for index, item_id in enumerate(ids):
            if item_id in seen:
                self.add((section, index, "id"), "data.duplicate_id", id=item_id)
            seen.add(item_id)

    def raise_any(self) -> None:
        if self.found:
            raise InputError.first_of(self.found)


def _check_skills(document: yamlio.Document, skills: SkillsFile) -> None:
    problems = _Problems(document)
    problems.unique("categories", [c.id for c in skills.categories])
    problems.unique("skills", [s.id for s in skills.skills])
    categories = {c.id for c in skills.categories}
    for index, skill in enumerate(skills.skills):
        if skill.category not in categories:
            problems.add(("skills", index, "category"), "data.unknown_category", id=skill.category)
    problems.raise_any()


def _check_action_roles(document: yamlio.Document, skills: SkillsFile, role_ids: set[str]) -> None:
    """An action's `for` names roles of paths.yaml."""
    problems = _Problems(document)
    for index, skill in enumerate(skills.skills):
        for position, action in enumerate(skill.actions):
            for n, role_id in enumerate(action.for_roles):
                if role_id not in role_ids:
                    problems.add(("skills", index, "actions", position, "for", n), "data.unknown_role",
                                 id=role_id)
    problems.raise_any()


def _check_paths(document: yamlio.Document, paths: PathsFile, skill_ids: set[str],
                 grades: set[str]) -> None:
    problems = _Problems(document)
    for section in ("values", "interests", "roles"):
        problems.unique(section, [item.id for item in getattr(paths, section)])
    values = {v.id for v in paths.values}
    interests = {i.id for i in paths.interests}
    roles = {r.id for r in paths.roles}
    for index, role in enumerate(paths.roles):
        for skill_id in role.skills:
            if skill_id not in skill_ids:
                problems.add(("roles", index, "skills", skill_id), "data.unknown_skill", id=skill_id)
        for section, known in (("values", values), ("interests", interests)):
            for position, tag in enumerate(getattr(role, section)):
                if tag not in known:
                    problems.add(("roles", index, section, position), "data.unknown_tag", id=tag)
        for position, ref in enumerate(role.certifications):
            if ref not in grades:
                problems.add(("roles", index, "certifications", position), "certs.unknown_grade", id=ref)
    pairs: set[tuple[str, str]] = set()
    for index, move in enumerate(paths.transitions):
        for end, role_id in (("from", move.from_role), ("to", move.to)):
            if role_id not in roles:
                problems.add(("transitions", index, end), "data.unknown_role", id=role_id)
        if move.from_role == move.to:
            problems.add(("transitions", index, "to"), "data.self_loop", id=move.to)
        elif (move.from_role, move.to) in pairs:
            problems.add(("transitions", index), "data.duplicate_transition",
                         source=move.from_role, target=move.to)
        pairs.add((move.from_role, move.to))
    entries = [r.id for r in paths.roles if r.entry]
    if not entries:
        problems.add(("roles",), "data.no_entry_role")
    reachable = reachable_roles(entries, paths.transitions)
    for index, role in enumerate(paths.roles):
        if role.id not in reachable and entries:
            problems.add(("roles", index, "id"), "data.unreachable_role", id=role.id)
    nearest = months_from(entries, paths.transitions)
    for index, role in enumerate(paths.roles):
        months = nearest.get(role.id, 0)
        if months > MAX_ROUTE_MONTHS:  # no plan could put these moves on a calendar
            problems.add(("roles", index, "id"), "safety.route_too_long", id=role.id,
                         years=months // 12, limit=MAX_ROUTE_MONTHS // 12)
    problems.raise_any()


def _check_certificates(document: yamlio.Document, data: CertificationsFile) -> set[str]:
    """Ids unique, every prerequisite a known grade, no grade needing itself through others.
    Returns every "certificate.grade" the file defines."""
    problems = _Problems(document)
    problems.unique("certifications", [c.id for c in data.certifications])
    grades: dict[str, tuple] = {}
    for index, cert in enumerate(data.certifications):
        seen: set[str] = set()
        for position, grade in enumerate(cert.grades):
            if grade.id in seen:
                problems.add(("certifications", index, "grades", position, "id"), "data.duplicate_id",
                             id=grade.id)
            seen.add(grade.id)
            grades[f"{cert.id}.{grade.id}"] = ("certifications", index, "grades", position)
    needs: dict[str, list[str]] = {}
    for index, cert in enumerate(data.certifications):
        for position, grade in enumerate(cert.grades):
            ref = f"{cert.id}.{grade.id}"
            needs[ref] = list(grade.requires)
            for place, other in enumerate(grade.requires):
                where = ("certifications", index, "grades", position, "requires", place)
                if other not in grades:
                    problems.add(where, "certs.unknown_prerequisite", id=other)
                elif other == ref:
                    problems.add(where, "certs.prerequisite_cycle", id=ref, chain=ref)
    for ref, chain in _cycles(needs, set(grades)):
        problems.add((*grades[ref], "requires"), "certs.prerequisite_cycle", id=ref,
                     chain=" → ".join(chain))
    problems.raise_any()
    return set(grades)


def _cycles(needs: dict[str, list[str]], known: set[str]) -> list[tuple[str, list[str]]]:
    """Each grade that needs itself through other grades, with the chain that shows it."""
    found = []
    for start in sorted(needs):
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            here, chain = stack.pop()
            for other in needs.get(here, []):
                if other == start and len(chain) > 1:
                    found.append((start, [*chain, start]))
                    stack.clear()
                    break
                if other in known and other not in seen and other != here:
                    seen.add(other)
                    stack.append((other, [*chain, other]))
    return found


# --- The answers file ---

SCHEMA_HINT = "# yaml-language-server: $schema=cc-career-answers.schema.json"


def load_answers(path: Path | str, catalog: Catalog) -> tuple[Answers, str | None]:
    """One answers file, validated against the model and the catalog's ids, with the
    decoding notice (e.g. "read as cp932") when the file was not plain UTF-8."""
    document = read_answers(path)
    return check_answers(document, catalog), document.notice


LANGUAGE_LINE = re.compile(rb"^language:[ \t]*[\"']?(ja|en)[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)


def read_answers(path: Path | str) -> yamlio.Document:
    """The answers file, read strictly; a file that cannot be parsed still has its errors told
    in its own language when a plain `language: en` line shows it."""
    try:
        return yamlio.load(path)
    except InputError as error:
        error.lang_hint = error.lang_hint or sniff_language(path)
        raise


def sniff_language(path: Path | str) -> str | None:
    try:
        with open(path, "rb") as file:
            head = file.read(65536)
    except (OSError, ValueError):
        return None
    found = LANGUAGE_LINE.search(head.replace(b"\r\n", b"\n"))
    return found.group(1).decode() if found else None


def check_answers(document: yamlio.Document, catalog: Catalog,
                  data: dict[str, Any] | None = None) -> Answers:
    """Validate a read answers file — or `data`, the same file completed by the questionnaire —
    against the model and the catalog; faults point at the file's line:col where they can."""
    if data is not None:
        document = replace(document, data=data)
    try:
        answers = yamlio.validate(document, Answers)
        _cross_check(document, answers, catalog)
    except InputError as error:
        language = document.data.get("language") if isinstance(document.data, dict) else None
        error.lang_hint = language if language in ("ja", "en") else None
        raise
    return answers


class IdList(tuple):
    """Ids for a message, listed the way the message's language lists things: `{ids:ja}`."""

    def __format__(self, lang: str) -> str:
        if not self:
            return "なし" if lang == "ja" else "none"
        return ("、" if lang == "ja" else ", ").join(self)


def only_missing(error: InputError) -> bool:
    """True when every fault is an answer left out (which the questionnaire can ask for)."""
    return all(e.key == "pydantic.missing" for e in [error, *error.more])


def _cross_check(document: yamlio.Document, answers: Answers, catalog: Catalog) -> None:
    problems: list[InputError] = []

    def add(loc: tuple, key: str, **params: object) -> None:
        line, column = document.position(loc) or (None, None)
        problems.append(InputError(document.path, key, line=line, column=column,
                                   field=".".join(map(str, loc)), **params))

    current, ideal = answers.current, answers.ideal
    if current.role not in catalog.roles:
        add(("current", "role"), "answers.unknown_role", id=current.role)
    if current.years_in_role > current.years_total:
        add(("current", "years_in_role"), "answers.years_in_role_exceed_total")
    for section in ("skills", "trainer_skills"):
        for skill_id in getattr(current, section):
            if skill_id not in catalog.skills:
                add(("current", section, skill_id), "answers.unknown_skill", id=skill_id)
    for position, tag in enumerate(ideal.values):
        if tag not in catalog.values:
            add(("ideal", "values", position), "answers.unknown_value", id=tag)
    for position, tag in enumerate(ideal.interests):
        if tag not in catalog.interests:
            add(("ideal", "interests", position), "answers.unknown_interest", id=tag)
    target = ideal.target_role
    if target is not None:
        if target not in catalog.roles:
            add(("ideal", "target_role"), "answers.unknown_role", id=target)
        elif current.role in catalog.roles:
            months = catalog.months_between(current.role, target)
            if months is None:
                ways = catalog.reachable_from(current.role)
                reachable = IdList(r for r in catalog.roles if r in ways)
                add(("ideal", "target_role"), "answers.unreachable_target",
                    current=current.role, target=target, reachable=reachable)
            elif months > MAX_ROUTE_MONTHS:  # no calendar holds it: refused, not dated past 9999
                add(("ideal", "target_role"), "safety.target_too_far", current=current.role,
                    target=target, years=months // 12, limit=MAX_ROUTE_MONTHS // 12)
    if problems:
        raise InputError.first_of(problems)


def dump_answers(answers: Answers) -> str:
    """The answers as the YAML file the questionnaire saves: the contract's shape, no noise."""
    data = _tidy(answers.model_dump(mode="python", exclude_none=True))
    if data.get("concerns") == {"reasons": [], "sleep_trouble": False, "physical_symptoms": False}:
        del data["concerns"]  # nothing answered: keep health questions out of the file
    from cc_career.render.i18n import t

    lines = t("screen.answers_header", answers.language).splitlines()
    header = "".join(f"# {line}\n" for line in lines) + f"{SCHEMA_HINT}\n"  # in the person's language
    return header + yamlio.dump(data)


def _tidy(value: Any) -> Any:
    """Whole numbers written as 1, not 1.0; empty sections left out."""
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items() if v != {}}
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


PROGRESS_SUFFIX = ".progress"  # NAME.progress.yaml beside NAME.yaml: that person's check-in (batch)


def is_progress_file(path: Path) -> bool:
    return Path(path.stem).suffix.lower() == PROGRESS_SUFFIX


def progress_beside(answers: Path) -> Path | None:
    """The progress file that goes with an answers file in a batch: NAME.progress.yaml (or .yml)."""
    for suffix in (".yaml", ".yml"):
        candidate = answers.with_name(f"{answers.stem}{PROGRESS_SUFFIX}{suffix}")
        if candidate.is_file():
            return candidate
    return None


def expand_inputs(items: list[Path]) -> list[Path]:
    """Files as given; folders become their *.yaml / *.yml files, sorted by name (a progress
    file, NAME.progress.yaml, goes with its answers file and is not one itself)."""
    files: list[Path] = []
    for item in items:
        if item.is_dir():
            files.extend(sorted(p for p in item.iterdir()
                                if p.suffix.lower() in (".yaml", ".yml") and p.is_file()
                                and not is_progress_file(p)))
        else:
            files.append(item)
    return files
