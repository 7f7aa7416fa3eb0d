"""Load and cross-check the career data (skills, roles, transitions) from data/."""

from __future__ import annotations

import heapq
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from cc_career import usercache, yamlio
from cc_career.errors import InputError
from cc_career.models.catalog import PathsFile, Role, Skill, SkillsFile, Tag, Transition
from cc_career.models.certificates import Certificate, CertificationsFile
from cc_career.resources import data_file


@dataclass(frozen=True)
class Catalog:
    """Everything the planner knows about call-center careers, with ids resolved."""

    skills: dict[str, Skill]
    categories: dict[str, str]  # id -> ja/en names live on the model; this keeps order
    roles: dict[str, Role]
    transitions: tuple[Transition, ...]
    values: dict[str, Tag]
    interests: dict[str, Tag]
    skills_file: SkillsFile
    paths_file: PathsFile
    sources: tuple[Path, Path]
    certificates: dict[str, Certificate]
    certificates_source: Path

    def outgoing(self, role_id: str) -> list[Transition]:
        return self._out.get(role_id, [])

    def incoming(self, role_id: str) -> list[Transition]:
        return [t for t in self.transitions if t.to == role_id]

    def transition(self, from_role: str, to: str) -> Transition:
        return next(t for t in self._out[from_role] if t.to == to)

    @cached_property
    def _out(self) -> dict[str, list[Transition]]:
        out: dict[str, list[Transition]] = {}
        for t in self.transitions:
            out.setdefault(t.from_role, []).append(t)
        return out

    def reachable(self, start: str, goal: str) -> bool:
        return goal in _reachable([start], self.transitions)

    def reachable_from(self, start: str) -> set[str]:
        """Every role some route leads to from `start` (not `start` itself)."""
        return set(_months_from([start], self.transitions)) - {start}

    def months_between(self, start: str, goal: str) -> int | None:
        """The fewest typical months of moves from `start` to `goal` (None: no way there)."""
        return _months_from([start], self.transitions).get(goal)

    @property
    def entry_roles(self) -> list[Role]:
        return [r for r in self.roles.values() if r.entry]

    def category_name(self, category_id: str, lang: str) -> str:
        return next(c.name(lang) for c in self.skills_file.categories if c.id == category_id)


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
        categories={c.id: c.id for c in skills_file.categories},
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
            self.found.sort(key=lambda e: (e.line or 0, e.column or 0))
            first, first.more = self.found[0], self.found[1:]
            raise first


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
    reachable = _reachable(entries, paths.transitions)
    for index, role in enumerate(paths.roles):
        if role.id not in reachable and entries:
            problems.add(("roles", index, "id"), "data.unreachable_role", id=role.id)
    nearest = _months_from(entries, paths.transitions)
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


MAX_ROUTE_MONTHS = 50 * 12  # the longest route a plan will lay out: a working life


def _reachable(starts: list[str], transitions: Iterable[Transition]) -> set[str]:
    return set(_months_from(starts, transitions))


def _months_from(starts: list[str], transitions: Iterable[Transition]) -> dict[str, int]:
    """The fewest typical months from any of `starts` to every role reachable from them (one
    search over the whole map: a few thousand roles take milliseconds, not minutes)."""
    outgoing: dict[str, list[Transition]] = {}
    for move in transitions:
        outgoing.setdefault(move.from_role, []).append(move)
    months = dict.fromkeys(starts, 0)
    queue = [(0, role) for role in starts]
    done: set[str] = set()
    while queue:
        here_months, here = heapq.heappop(queue)
        if here in done:
            continue
        done.add(here)
        for move in outgoing.get(here, ()):
            there = here_months + move.months
            if there < months.get(move.to, there + 1):
                months[move.to] = there
                heapq.heappush(queue, (there, move.to))
    return months
