"""Read, cross-check and write answers files (the contract trainers write by hand)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from cc_career import yamlio
from cc_career.catalog import MAX_ROUTE_MONTHS, Catalog
from cc_career.errors import InputError
from cc_career.models.answers import Answers

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
        problems.sort(key=lambda e: (e.line or 0, e.column or 0))
        first, first.more = problems[0], problems[1:]
        raise first


def dump_answers(answers: Answers) -> str:
    """The answers as the YAML file the questionnaire saves: the contract's shape, no noise."""
    data = _tidy(answers.model_dump(mode="python", exclude_none=True))
    if data.get("concerns") == {"reasons": [], "sleep_trouble": False, "physical_symptoms": False}:
        del data["concerns"]  # nothing answered: keep health questions out of the file
    from cc_career.i18n import t

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
