"""The wheel carries the data, templates and locales, and a wheel install finds its own data.

(.ci/run also installs the wheel non-editable into a fresh venv; this is the quick version.)
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("build") is None:
        pytest.skip("the 'build' package is not installed")
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    wheels = list(out.glob("cc_career-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_the_wheel_holds_the_data_templates_and_locales(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"cc_career/_data/paths.yaml", "cc_career/_data/skills.yaml",
            "cc_career/_data/certifications.yaml"} <= names
    assert {"cc_career/render/locales/ja.toml", "cc_career/render/locales/en.toml"} <= names
    templates = {n for n in names if n.startswith("cc_career/render/templates/") and n.endswith(".j2")}
    assert templates, "no templates in the wheel"
    shipped = {f"cc_career/render/templates/{p.name}" for p in 
               (REPO / "src/cc_career/render/templates").glob("*.j2")}
    assert shipped <= templates
    shipped_locales = {f"cc_career/render/locales/{p.name}" for p in 
                       (REPO / "src/cc_career/render/locales").glob("*.toml")}
    assert shipped_locales <= names
    assert "cc_career/cli.py" in names and "cc_career/__main__.py" in names


def test_the_wheel_data_is_the_repository_data(wheel):
    archive = zipfile.ZipFile(wheel)
    for name in ("paths.yaml", "skills.yaml", "certifications.yaml"):
        assert archive.read(f"cc_career/_data/{name}") == (REPO / "data" / name).read_bytes()


def test_the_installed_package_finds_its_bundled_data_from_an_empty_folder(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    empty = tmp_path / "empty"
    empty.mkdir()
    code = textwrap.dedent(
        f"""
        import json, sys
        sys.path.insert(0, {str(site)!r})
        import cc_career
        from cc_career.files.resources import bundled_data_dir, templates_dir
        from cc_career.files.load import load_catalog
        from cc_career.render.i18n import t
        catalog = load_catalog(None)
        print(json.dumps({{
            "package": cc_career.__file__,
            "data": str(bundled_data_dir()),
            "sources": [str(p) for p in catalog.sources],
            "certificates": str(catalog.certificates_source),
            "roles": len(catalog.roles),
            "templates": sorted(p.name for p in templates_dir().glob("*.j2")),
            "ja": t("browse.paths_title", "ja"),
        }}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=empty, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert Path(found["package"]).is_relative_to(site)
    assert Path(found["data"]) == site / "cc_career" / "_data"
    assert [Path(p) for p in found["sources"]] == [site / "cc_career/_data/skills.yaml",
                                                   site / "cc_career/_data/paths.yaml"]
    assert Path(found["certificates"]) == site / "cc_career/_data/certifications.yaml"
    assert found["roles"] >= 15
    assert found["templates"]
    assert found["ja"] == "コールセンターから広がるキャリアパス"


def test_the_installed_command_validates_its_bundled_data(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    empty = tmp_path / "empty"
    empty.mkdir()
    code = (
        f"import sys; sys.path.insert(0, {str(site)!r})\n"
        "sys.argv = ['cc-career', 'validate', '--lang', 'en']\n"
        "from cc_career.cli import main\nmain()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=empty, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("data OK: ")
    assert str(site / "cc_career" / "_data" / "paths.yaml") in done.stdout
