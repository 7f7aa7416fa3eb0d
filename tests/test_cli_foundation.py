"""The command line around the data: browsing, validating, schemas, version, help on everything,
and a `--help` that stays light to import."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from conftest import PATHS_YAML

import cc_career
from cc_career.cli import app
from cc_career.core.models.catalog import Catalog
from cc_career.files.load import load_catalog

REPO = Path(__file__).resolve().parent.parent
WIDE = {"COLUMNS": "400", "NO_COLOR": "1"}  # rich must not wrap names or sources in the checks
HEAVY = ("yaml", "pydantic", "questionary", "rich", "jinja2", "budoux", "dateutil")

GOOD_ANSWERS = """\
schema_version: 1
language: en
current:
  role: operator
  years_in_role: 1
  years_total: 1
  employment: dispatch
  skills: {communication: 2}
ideal:
  values: [quality]
  horizon_years: 3
  target_role: qa
"""


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load_catalog(None)


def invoke(runner, *args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env={**WIDE, **(env or {})})


def squeezed(text: str) -> str:
    """Output with runs of spaces made single (tables pad their cells)."""
    return " ".join(text.split())


# ---- browsing ---------------------------------------------------------------------------------


def test_paths_lists_every_role_in_japanese_by_default(runner, bundled):
    result = invoke(runner, "paths")
    assert result.exit_code == 0, result.output
    for role in bundled.roles.values():
        assert f"{role.name('ja')} ({role.id})" in result.stdout
    assert bundled.roles["center_manager"].name("en") not in result.stdout
    assert "Traceback" not in result.output


def test_paths_lists_every_role_in_english_with_lang_en(runner, bundled):
    result = invoke(runner, "paths", "--lang", "en")
    assert result.exit_code == 0, result.output
    for role in bundled.roles.values():
        assert f"{role.name('en')} ({role.id})" in result.stdout
    assert bundled.roles["operator"].name("ja") not in result.stdout
    assert "cc-career paths show ID" in result.stdout


def test_paths_show_qa_gives_its_skills_routes_in_and_certifications(runner, bundled):
    result = invoke(runner, "paths", "show", "qa", "--lang", "en")
    assert result.exit_code == 0, result.output
    out = squeezed(result.stdout)
    qa = bundled.roles["qa"]
    assert f"{qa.name('en')} (qa)" in out
    assert "Skills it needs" in out
    for skill_id, need in qa.skills.items():
        skill = bundled.skills[skill_id]
        assert f"{skill.name('en')} │ {need.level} │ {'★' * need.importance} │" in out
    assert "How people get here" in out
    for move in bundled.incoming("qa"):
        assert f"{bundled.roles[move.from_role].name('en')} │ {move.months} │" in out
    assert "Certificates that help in this role" in out
    for ref in qa.certifications:
        cert = bundled.certificates[ref.split(".")[0]]
        assert cert.name("en").split(" (")[0] in out, ref
    assert "first Wednesday of Feb, Jun, Aug, Dec" in out  # the rule, not just the name
    for value in qa.values:
        assert bundled.values[value].label("en") in out


def test_paths_show_gives_pay_with_its_source_and_year_and_where_a_role_leads(runner, bundled):
    leader = bundled.roles["leader"]
    assert leader.pay and not leader.public_pay and bundled.outgoing("leader")
    result = invoke(runner, "paths", "show", "leader", "--lang", "en")
    assert result.exit_code == 0, result.output
    out = squeezed(result.stdout)
    example = leader.pay[0]
    assert "Typical pay:" in out and "No public statistic or survey gives a pay figure" in out
    assert f"{example.min:,}–{example.max:,} JPY an hour (one example:" in out
    assert f"{squeezed(example.source('en'))}, {example.year})" in out
    assert "How people get here" in out and "Where it leads" in out
    for move in bundled.outgoing("leader"):
        assert f"{bundled.roles[move.to].name('en')} │ {move.months} │" in out


def test_paths_show_operator_leads_with_the_public_survey_and_its_year(runner, bundled):
    result = invoke(runner, "paths", "show", "operator", "--lang", "en")
    out = squeezed(result.stdout)
    assert "about 1,511 JPY an hour (Call Center Japan" in out and "2025)" in out


def test_certs_lists_every_grade_with_its_rules_and_one_certificate_with_its_sources(runner, bundled):
    result = invoke(runner, "certs", "--lang", "en")
    assert result.exit_code == 0, result.output
    out = squeezed(result.stdout)
    for cert in bundled.certificates.values():
        assert cert.url in out, cert.id
    assert "first Wednesday of Apr, Oct" in out and "CBT, any day" in out
    one = squeezed(invoke(runner, "certs", "career_consultant", "--lang", "ja").stdout)
    assert "養成講習" in one and "150時間以上" in one and "3・7・11月のみ" in one
    bad = invoke(runner, "certs", "nosuch", "--lang", "en")
    assert bad.exit_code == 2 and "nosuch" in bad.stderr and "Traceback" not in bad.stderr


def test_paths_show_speaks_japanese_by_default(runner, bundled):
    result = invoke(runner, "paths", "show", "qa")
    assert result.exit_code == 0, result.output
    out = squeezed(result.stdout)
    assert f"{bundled.roles['qa'].name('ja')} (qa)" in out
    assert bundled.skills["quality_monitoring"].name("ja") in out
    assert "Skills it needs" not in out


@pytest.mark.parametrize("args", [
    ("paths", "show", "nosuchrole", "--lang", "en"),
    ("paths", "--lang", "en", "show", "nosuchrole"),
])  # fmt: skip
def test_paths_show_of_an_unknown_role_exits_2_with_a_clear_message(runner, args):
    result = invoke(runner, *args)
    assert result.exit_code == 2
    assert result.stderr == "cc-career: unknown role id 'nosuchrole' (see `cc-career paths`)\n"
    assert result.stdout == ""


def test_paths_show_of_an_unknown_role_in_japanese(runner):
    result = invoke(runner, "paths", "show", "nosuchrole")
    assert result.exit_code == 2
    assert result.stderr.startswith("cc-career: ") and "nosuchrole" in result.stderr
    assert "unknown" not in result.stderr


def test_skills_shows_every_skill_with_its_level_descriptors(runner, bundled):
    result = invoke(runner, "skills", "--lang", "en")
    assert result.exit_code == 0, result.output
    out = squeezed(result.stdout)
    for level, meaning in enumerate(["learning", "does it alone", "can teach it"], start=1):
        assert f"{level}: {meaning}" in out
    for skill in bundled.skills.values():
        assert skill.id in out and skill.name("en") in out
    communication = bundled.skills["communication"]
    for level in range(1, 5):
        # the first words of each descriptor (the cell may wrap the rest)
        assert " ".join(communication.levels[level]("en").split()[:3]) in out


def test_skills_in_japanese_by_default(runner, bundled):
    result = invoke(runner, "skills")
    assert result.exit_code == 0, result.output
    for category in bundled.skills_file.categories:
        assert category.name("ja") in result.stdout


# ---- validate and schema ----------------------------------------------------------------------


def test_validate_accepts_the_bundled_data(runner, bundled):
    result = invoke(runner, "validate", "--lang", "en")
    assert result.exit_code == 0, result.output
    skills_path, paths_path = bundled.sources
    assert result.stdout == (
        f"data OK: {len(bundled.roles)} roles, {len(bundled.skills)} skills, "
        f"{len(bundled.transitions)} moves ({paths_path}, {skills_path})\n"
        f"{len(bundled.certificates)} certificates ({bundled.certificates_source})\n"
    )


def test_validate_a_good_answers_file(runner, write):
    path = write("good.yaml", GOOD_ANSWERS)
    result = invoke(runner, "validate", "--lang", "en", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == f"{path}: OK"
    assert result.stderr == ""


def test_validate_a_bad_answers_file_exits_2_naming_file_line_and_column(runner, write):
    path = write("bad.yaml", GOOD_ANSWERS.replace("horizon_years: 3", "horizon_years: 11"))
    result = invoke(runner, "validate", "--lang", "en", str(path))
    assert result.exit_code == 2
    assert result.stderr == f"{path}:11:3: ideal.horizon_years: must be at most 10\n"
    assert f"{path}: OK" not in result.stdout


def test_validate_a_folder_checks_every_yaml_file_in_it(runner, write, tmp_path):
    write("cohort/a.yaml", GOOD_ANSWERS)
    write("cohort/b.yml", GOOD_ANSWERS)
    write("cohort/notes.txt", "not an answers file")
    result = invoke(runner, "validate", "--lang", "en", str(tmp_path / "cohort"))
    assert result.exit_code == 0, result.output
    assert f"{tmp_path / 'cohort' / 'a.yaml'}: OK" in result.stdout
    assert f"{tmp_path / 'cohort' / 'b.yml'}: OK" in result.stdout
    assert "notes.txt" not in result.output


def test_validate_a_missing_file_exits_2(runner, tmp_path):
    missing = tmp_path / "nope.yaml"
    result = invoke(runner, "validate", "--lang", "en", str(missing))
    assert result.exit_code == 2
    assert result.stderr == f"{missing}: no such file\n"


@pytest.mark.parametrize("name", ["answers", "paths", "skills"])
def test_schema_prints_a_json_schema_of_each_file(runner, name):
    result = invoke(runner, "schema", name)
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["type"] == "object" and schema["properties"]
    assert schema["additionalProperties"] is False  # a typo in a key must be flagged by editors too
    assert "schema_version" in schema["properties"]


def test_the_answers_schema_has_every_section_of_the_contract(runner):
    schema = json.loads(invoke(runner, "schema", "answers").stdout)
    assert set(schema["properties"]) == {
        "schema_version", "name", "language", "today", "current", "ideal", "concerns", "interview",
    }  # fmt: skip
    assert set(schema["required"]) == {"current", "ideal"}


def test_the_paths_schema_spells_transitions_as_the_files_do(runner):
    schema = json.loads(invoke(runner, "schema", "paths").stdout)
    transition = schema["$defs"]["Transition"]
    assert "from" in transition["properties"] and "from_role" not in transition["properties"]


def test_schema_of_an_unknown_file_is_a_usage_error(runner):
    result = invoke(runner, "schema", "plans")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# ---- version, data folder from the environment -------------------------------------------------


def test_version_prints_the_package_version(runner):
    result = invoke(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout == f"cc-career {cc_career.__version__}\n"
    assert cc_career.__version__ == "0.1.0"


def test_the_data_dir_environment_variable_is_honoured(runner, good_data_dir):
    result = invoke(runner, "paths", "--lang", "en", env={"CC_CAREER_DATA_DIR": str(good_data_dir)})
    assert result.exit_code == 0, result.output
    assert "Quality assurance (qa)" in result.stdout  # the fixture's own name for qa
    assert "center_manager" not in result.stdout  # not in the fixture folder
    shown = invoke(runner, "validate", "--lang", "en", env={"CC_CAREER_DATA_DIR": str(good_data_dir)})
    assert shown.exit_code == 0, shown.output
    assert f"({good_data_dir / 'paths.yaml'}, {good_data_dir / 'skills.yaml'})" in shown.stdout


def test_a_broken_data_dir_in_the_environment_fails_every_data_command(runner, data_dir_with):
    folder = data_dir_with(paths=PATHS_YAML.replace("coaching: {level: 2", "coachng: {level: 2"))
    env = {"CC_CAREER_DATA_DIR": str(folder)}
    for args in (["validate"], ["paths"], ["paths", "show", "qa"], ["skills"]):
        result = invoke(runner, *args, "--lang", "en", env=env)
        assert result.exit_code == 2, args
        assert f"{folder / 'paths.yaml'}:" in result.stderr and "coachng" in result.stderr, args


def test_the_data_dir_option_wins_over_the_environment(runner, good_data_dir, data_dir_with):
    broken = data_dir_with(paths="schema_version: 1\n")
    result = invoke(runner, "paths", "--lang", "en", "--data-dir", str(good_data_dir),
                    env={"CC_CAREER_DATA_DIR": str(broken)})
    assert result.exit_code == 0, result.output
    assert "Quality assurance (qa)" in result.stdout


# ---- help on everything -----------------------------------------------------------------------


def _commands():
    """(path, click command) for the program and every command and sub-command under it."""
    found = []

    def walk(command, path):
        found.append((path, command))
        for name, sub in sorted((getattr(command, "commands", None) or {}).items()):
            if not getattr(sub, "hidden", False):
                walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


COMMANDS = _commands()


def test_the_command_tree_holds_the_browse_and_check_commands():
    paths = {path for path, _ in COMMANDS}
    assert {(), ("paths",), ("paths", "show"), ("skills",), ("validate",), ("schema",)} <= paths


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) or "cc-career" for p, _ in COMMANDS])
def test_every_command_has_help_text_and_a_working_help(runner, path, command):
    assert (command.help or "").strip(), f"{path} has no help text"
    assert command.get_short_help_str(limit=80).strip()
    for param in command.params:
        if getattr(param, "hidden", False) or param.name == "help":
            continue
        assert (getattr(param, "help", None) or "").strip(), f"{path}: {param.name} has no help text"
    result = invoke(runner, *path, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    assert squeezed(command.help.strip().splitlines()[0])[:20] in squeezed(result.stdout)


def test_help_is_light_to_import():
    code = (
        "import sys; import cc_career.cli; "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_running_help_loads_nothing_heavy():
    code = (
        "import sys\n"
        "sys.argv = ['cc-career', '--help']\n"
        "import cc_career.cli\n"
        "try:\n    cc_career.cli.main()\nexcept SystemExit as exit:\n    assert exit.code in (0, None)\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert "Usage:" in done.stdout


def test_the_cli_module_imports_nothing_heavy_at_module_level():
    if importlib.util.find_spec("ruff") is None:
        pytest.skip("ruff is not installed")
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "TID253", "src"],
        capture_output=True, text=True, timeout=60, cwd=REPO,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr



def test_markup_like_text_in_a_trainers_own_data_is_shown_as_written(runner, data_dir_with):
    from conftest import PATHS_YAML

    folder = data_dir_with(paths=PATHS_YAML.replace("{ja: トレーナー, en: Trainer}",
                                                    "{ja: \"トレーナー[/x]\", en: \"Trainer [/x]\"}"))
    for args in (["paths"], ["paths", "show", "trainer"]):
        result = runner.invoke(app, [*args, "--lang", "en", "--data-dir", str(folder)])
        assert result.exit_code == 0, result.output
        assert "Trainer [/x]" in result.output
