"""Shared fixtures: a CLI runner, a tiny valid data folder, a file writer, and no network."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

# ---- property tests: how many examples --------------------------------------------------------

# `ci` (the default) runs a few thousand examples across tests/test_properties.py in well under
# a minute; `thorough` runs ten times as many. Choose with HYPOTHESIS_PROFILE or
# `pytest --hypothesis-profile=thorough`.
settings.register_profile("ci", max_examples=700, deadline=None, print_blob=True)
settings.register_profile("thorough", max_examples=7000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# ---- no network, ever -------------------------------------------------------------------------


class NetworkUsed(BaseException):
    """Raised when anything under test tries to reach the network. A BaseException, so that
    code which catches every Exception (a batch worker does) cannot swallow it."""


def _refuse(*args: object, **kwargs: object) -> None:
    raise NetworkUsed(f"the test suite runs without network; a connection was attempted: {args!r}")


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    """Any network use fails the test that made it (the SPEC: nothing goes over the network)."""
    patch = pytest.MonkeyPatch()
    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        patch.setattr(socket.socket, name, _refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        patch.setattr(socket, name, _refuse)  # name lookups go over the network too
    try:
        yield
    finally:
        patch.undo()


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The program's cache (compiled templates, checked data) goes to this session's own folder,
    not the developer's home; processes the tests start inherit it."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    try:
        yield
    finally:
        patch.undo()


@pytest.fixture(autouse=True)
def _no_user_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own CC_CAREER_DATA_DIR must not leak into the tests."""
    monkeypatch.delenv("CC_CAREER_DATA_DIR", raising=False)


# ---- a tiny, valid catalog written here (not a copy of data/) --------------------------------

LEVELS = """\
    levels:
      1: {ja: 学習中, en: Learning}
      2: {ja: 一人でできる, en: Does it alone}
      3: {ja: 人に教えられる, en: Can teach it}
      4: {ja: チームのやり方を改善できる, en: Improves the team's way}
"""

ACTIONS = """\
    actions:
      - {from_level: 0, do: {ja: 研修を受ける, en: Take the course}, check: {ja: 修了, en: Done}}
      - {from_level: 1, do: {ja: 録音を聞き直す, en: Review own calls}, check: {ja: 月10件, en: 10 a month}}
      - {from_level: 2, do: {ja: 新人に教える, en: Teach a newcomer}, check: {ja: 1人, en: One person}}
      - {from_level: 3, do: {ja: 改善を提案する, en: Propose a change}, check: {ja: 採用1件, en: One adopted}}
"""


def _skill(skill_id: str, category: str, ja: str, en: str) -> str:
    return (
        f"  - id: {skill_id}\n"
        f"    category: {category}\n"
        f"    name: {{ja: {ja}, en: {en}}}\n"
        f"    description: {{ja: {ja}の説明, en: About {en.lower()}}}\n" + LEVELS + ACTIONS
    )


SKILLS_YAML = (
    "schema_version: 1\n"
    "categories:\n"
    "  - id: basics\n"
    "    name: {ja: 基本, en: Basics}\n"
    "  - id: quality\n"
    "    name: {ja: 品質, en: Quality}\n"
    "skills:\n"
    + _skill("communication", "basics", "コミュニケーション", "Communication")
    + _skill("complaint_handling", "basics", "クレーム対応", "Complaint handling")
    + _skill("quality_monitoring", "quality", "品質モニタリング", "Quality monitoring")
    + _skill("coaching", "quality", "コーチング", "Coaching")
)

PATHS_YAML = """\
schema_version: 1
values:
  - id: growth
    label: {ja: 成長, en: Growth}
  - id: quality
    label: {ja: 品質, en: Quality}
interests:
  - id: it
    label: {ja: IT, en: IT}
  - id: teaching
    label: {ja: 教えること, en: Teaching}
roles:
  - id: operator
    track: promotion
    entry: true
    name: {ja: オペレーター, en: Operator}
    description: {ja: 電話で顧客に対応する, en: Answers customers on the phone}
    skills:
      communication: {level: 2, importance: 5}
    values: [growth]
    pay:
      - {kind: survey, unit: hour, min: 1200, max: 1600, year: 2025,
         source: {ja: テスト調査A, en: Test survey A}}
  - id: leader
    track: promotion
    name: {ja: リーダー, en: Team leader}
    description: {ja: チームを支える, en: Supports the team}
    min_years_experience: 1
    skills:
      communication: {level: 3, importance: 4}
      coaching: {level: 2, importance: 3}
    values: [growth]
  - id: qa
    track: specialist
    name: {ja: 品質管理, en: Quality assurance}
    description: {ja: 応対品質を評価する, en: Rates call quality}
    skills:
      quality_monitoring: {level: 3, importance: 5}
      complaint_handling: {level: 2, importance: 3}
    values: [quality]
    interests: [it]
  - id: trainer
    track: specialist
    name: {ja: トレーナー, en: Trainer}
    description: {ja: 新人を育てる, en: Trains newcomers}
    skills:
      coaching: {level: 3, importance: 5}
    values: [growth, quality]
    interests: [teaching]
transitions:
  - from: operator
    to: leader
    months: 12
    needs: {ja: 安定した応対品質, en: Steady call quality}
  - from: operator
    to: qa
    months: 18
    needs: {ja: モニタリングの経験, en: Monitoring experience}
    kpi_targets: {csat: 0.85}
  - from: leader
    to: trainer
    months: 12
    needs: {ja: 新人指導の経験, en: Experience coaching newcomers}
"""


def write_file(path: Path, content: str | bytes) -> Path:
    """Write `content` to `path` (creating folders); text is written as UTF-8 exactly as given."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def position_of(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based line and column where `needle` starts in `text` (its n-th occurrence)."""
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return line, column


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """write(name, content) -> the path of a new file under this test's tmp folder."""

    def _write(name: str, content: str | bytes) -> Path:
        return write_file(tmp_path / name, content)

    return _write


@pytest.fixture
def data_dir_with(tmp_path: Path) -> Callable[..., Path]:
    """data_dir_with(paths=..., skills=..., certs=...) -> a data folder; each file defaults to the
    good one (certifications.yaml: the bundled one)."""
    counter = iter(range(1_000_000))

    def _make(paths: str | None = PATHS_YAML, skills: str | None = SKILLS_YAML,
              certs: str | None = None) -> Path:
        folder = tmp_path / f"data{next(counter)}"
        folder.mkdir()
        if paths is not None:
            write_file(folder / "paths.yaml", paths)
        if skills is not None:
            write_file(folder / "skills.yaml", skills)
        if certs is not None:  # otherwise the bundled certifications.yaml is used
            write_file(folder / "certifications.yaml", certs)
        return folder

    return _make


@pytest.fixture
def good_data_dir(data_dir_with: Callable[..., Path]) -> Path:
    """A folder holding a small valid paths.yaml and skills.yaml (4 roles, 4 skills)."""
    return data_dir_with()


# ---- golden files ---------------------------------------------------------------------------------

GOLDEN = Path(__file__).parent / "golden"
PERSONAS = Path(__file__).parent / "personas"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output (then review the diff)")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """golden(relative_path, text): compare with tests/golden/<relative_path>, or rewrite it
    under --update-golden. New golden files are read by a person before they are committed."""
    update = request.config.getoption("--update-golden")

    def _check(relative: str, text: str) -> None:
        path = GOLDEN / relative
        if update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if not update:
                pytest.fail(f"new golden file written, review it: {path}")
        assert text == path.read_text(encoding="utf-8"), f"differs from {path} (--update-golden)"

    return _check


# ---- the fast edit loop: `pytest -m "not slow"` ---------------------------------------------------

# A test is slow when it starts another program (a subprocess, a terminal session, batch
# workers) or draws many examples (hypothesis), itself or through a helper of its own module:
# those are marked here, so a new test of that kind joins the slow set without anyone
# remembering to mark it. Of a parametrized test, the first case stays in the fast loop and
# the rest of its matrix (every persona, every width, every hostile input) is slow.
_STARTS_A_PROGRAM = ("subprocess.", "pexpect.", "Popen(", "@given(", "os.fork(", "multiprocessing.",
                     "jobs=2", "jobs=4", "in_a_real_process", "build_wheel", "wheel")


def _spawns(source: str, helpers: set[str]) -> bool:
    return any(marker in source for marker in _STARTS_A_PROGRAM) or \
        any(f"{name}(" in source for name in helpers)


def _slow_helpers(module: object) -> set[str]:
    import inspect

    helpers: set[str] = set()
    functions = [(name, value) for name, value in vars(module).items()
                 if (inspect.isfunction(value) or inspect.isclass(value))
                 and value.__module__ == module.__name__ and not name.startswith("test_")]
    sources = {}
    for name, value in functions:
        try:
            sources[name] = inspect.getsource(value)
        except (OSError, TypeError):
            continue
    changed = True
    while changed:  # helpers that call a slow helper are slow too
        changed = False
        for name, source in sources.items():
            if name not in helpers and _spawns(source, helpers):
                helpers.add(name)
                changed = True
    return helpers


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    import inspect

    helpers: dict[str, set[str]] = {}
    first_case: set[tuple[str, str]] = set()
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None:
            key = (item.nodeid.split("::", 1)[0], getattr(item, "originalname", item.name))
            if key in first_case:
                item.add_marker(pytest.mark.slow)
                continue
            first_case.add(key)
        function = getattr(item, "function", None)
        module = getattr(item, "module", None)
        if function is None or module is None or item.get_closest_marker("slow"):
            continue
        if module.__name__ not in helpers:
            helpers[module.__name__] = _slow_helpers(module)
        try:
            source = inspect.getsource(function)
        except (OSError, TypeError):
            continue
        fixtures = set(getattr(item, "fixturenames", ()))
        if _spawns(source, helpers[module.__name__]) or fixtures & helpers[module.__name__]:
            item.add_marker(pytest.mark.slow)
