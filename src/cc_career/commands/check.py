"""`cc-career validate` and `cc-career schema`: checking files, and schemas for editors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cc_career.commands.common import show_notice
from cc_career.errors import ExitCode, InputError
from cc_career.files.load import expand_inputs, load_answers, load_catalog
from cc_career.render.i18n import t


def validate(items: list[Path], lang: str | None, data_dir: Path | None) -> int:
    """Check the data, then each answers file; every fault is listed, exit 2 if any. Messages
    about an answers file speak its own `language` unless --lang says otherwise; the run's own
    lines speak --lang, else the language the files share, else Japanese."""
    catalog = load_catalog(data_dir)
    folders_empty = [item for item in items if item.is_dir() and not expand_inputs([item])]
    checked = []
    for path in expand_inputs(items):
        try:
            answers, notice = load_answers(path, catalog)
        except InputError as error:
            checked.append((path, error, None, error.lang_hint))
            continue
        checked.append((path, None, notice, answers.language))
    languages = {language for *_, language in checked if language}
    shown = lang or (languages.pop() if len(languages) == 1 else "ja")
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
            sys.stderr.write(error.render(lang or language or shown) + "\n")
            continue
        show_notice(path, notice, lang or language or shown)
        print(t("validate.answers_ok", lang or language or shown, path=path))
    return ExitCode.BAD_INPUT if failed else ExitCode.OK


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
