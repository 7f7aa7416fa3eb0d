"""`cc-career validate` and `cc-career schema`: checking files, and schemas for editors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cc_career.commands.common import show_notice
from cc_career.context import resolve_lang
from cc_career.errors import ExitCode, InputError
from cc_career.files.load import expand_inputs, is_progress_file, load_answers, load_catalog, progress_beside
from cc_career.render.i18n import t


def validate(items: list[Path], lang: str | None, data_dir: Path | None,
             progress: list[Path] | None = None) -> int:
    """Check the data, then each answers file, then each progress file (NAME.progress.yaml,
    given or beside a NAME.yaml checked here, and each `--progress FILE`) against the plan beside
    it; every fault is listed, exit 2 if any. Messages about a file speak its answers' own
    `language` unless --lang says otherwise; the run's own lines speak --lang, else the language
    the files share, else Japanese."""
    catalog = load_catalog(data_dir)
    folders_empty = [item for item in items if item.is_dir() and not expand_inputs([item])]
    inputs = expand_inputs(items)
    progress_files = [p for p in inputs if is_progress_file(p)] + list(progress or [])
    checked, made = [], {}
    for path in (p for p in inputs if not is_progress_file(p)):
        beside = progress_beside(path)
        if beside is not None:
            progress_files.append(beside)
        try:
            answers, notice = load_answers(path, catalog)
        except InputError as error:
            checked.append((path, error, None, error.lang_hint))
            made[path] = None  # its faults are told once, with the answers file's own
            continue
        checked.append((path, None, notice, answers.language))
        made[path] = answers
    languages = {language for *_, language in checked if language}
    shown = resolve_lang(lang, hint=languages.pop() if len(languages) == 1 else None)
    skills_path, paths_path = catalog.sources
    print(t("validate.data_ok", shown, roles=len(catalog.roles), skills=len(catalog.skills),
            moves=len(catalog.transitions), paths=paths_path, skills_file=skills_path))
    print(t("certs.data_ok", shown, count=len(catalog.certificates), path=catalog.certificates_source))
    failed = 0
    for item in folders_empty:  # `validate answers.yaml/` must not pass by checking nothing
        failed += 1
        sys.stderr.write(InputError(item, "file.no_answers_files").render(shown) + "\n")
    for path, error, notice, language in checked:
        if error is not None:
            failed += 1
            sys.stderr.write(error.render(resolve_lang(lang, hint=language or shown)) + "\n")
            continue
        said = resolve_lang(lang, hint=language or shown)
        show_notice(path, notice, said)
        print(t("validate.answers_ok", said, path=path))
    seen: set[Path] = set()
    for path in progress_files:
        if path.absolute() in seen:
            continue
        seen.add(path.absolute())
        failed += _validate_progress(path, made, catalog, lang, shown)
    return ExitCode.BAD_INPUT if failed else ExitCode.OK


def _validate_progress(path: Path, made: dict, catalog, lang: str | None, shown: str) -> int:  # noqa: ANN001
    """One progress file: its model, the data's ids, and the plan beside it — the plan its
    NAME.yaml makes (as `batch` makes it) or the career-plan.json of its folder (as `review`
    reads it). 1 when it has faults (told on stderr), else 0."""
    from cc_career.files.progress import check_progress, load_plan_file, read_progress
    from cc_career.render.plan_json import PLAN_JSON

    answers_path = _answers_beside(path)
    answers = made.get(answers_path) if answers_path is not None else None
    said = resolve_lang(lang, answers, hint=shown)
    try:
        if answers_path is not None and answers_path not in made:
            answers, _ = load_answers(answers_path, catalog)
            said = resolve_lang(lang, answers)
        if answers is not None:
            plan, against = _plan_of(answers, catalog, said), answers_path
        elif (path.parent / PLAN_JSON).is_file():
            against = path.parent / PLAN_JSON
            plan = load_plan_file(against)
            said = resolve_lang(lang, hint=plan.person.language)
        else:
            plan = against = None
        document = read_progress(path)
        check_progress(document, plan, catalog)
    except InputError as error:
        sys.stderr.write(error.render(resolve_lang(lang, hint=error.lang_hint or said)) + "\n")
        return 1
    show_notice(path, document.notice, said)
    if against is None:
        print(t("review_gaps.progress_ok_alone", said, path=path))
    else:
        print(t("review_gaps.progress_ok", said, path=path, plan=against))
    return 0


def _answers_beside(progress: Path) -> Path | None:
    """NAME.yaml (or .yml) beside NAME.progress.yaml: the answers whose plan it checks in on."""
    if not is_progress_file(progress):
        return None
    stem = Path(progress.stem).stem
    for suffix in (".yaml", ".yml"):
        candidate = progress.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def _plan_of(answers, catalog, lang: str):  # noqa: ANN001, ANN202
    """The plan a batch makes from these answers, as career-plan.json holds it."""
    from cc_career.context import plan_for
    from cc_career.core.models.plan_file import PlanFile
    from cc_career.render.plan_json import render_plan_json

    return PlanFile.model_validate(json.loads(render_plan_json(plan_for(answers, catalog), catalog, lang)))


def json_schema(name: str) -> str:
    from cc_career.core.models.answers import Answers
    from cc_career.core.models.catalog import PathsFile, SkillsFile
    from cc_career.core.models.certificates import CertificationsFile
    from cc_career.core.models.plan_file import PlanFile
    from cc_career.core.models.progress import Progress

    model = {"answers": Answers, "paths": PathsFile, "skills": SkillsFile,
             "certifications": CertificationsFile, "plan": PlanFile, "progress": Progress}[name]
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2)
