"""Writing is safe everywhere: a temp file in the same folder, fsynced, then an atomic replace;
a full disk or a folder that refuses writes gives one clear message and leaves the old files as
they were; plans are private (0600 files in a 0700 folder); the cache never breaks a run; and
nothing here ever reaches the network."""

from __future__ import annotations

import errno
import os
import socket
import stat
import tempfile
from pathlib import Path

import pytest
from conftest import PERSONAS, NetworkUsed, write_file

from cc_career.cli import app
from cc_career.errors import WriteError
from cc_career.files import usercache, writers
from cc_career.files.load import load_catalog

PERSONA = PERSONAS / "hanako_qa.yaml"  # has an interview section: every command can use it
OLD = "the plan from last month\n"
PLAN_FILES = ("career-plan.md", "career-plan.json", "cc-career-answers.yaml")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def plan(runner, out: Path, *more: str):
    return runner.invoke(app, ["plan", "--answers", str(PERSONA), "--no-input", "--out", str(out),
                               "--lang", "en", *more])


def seeded(folder: Path) -> dict[str, bytes]:
    """An output folder holding last month's files; returns what they hold."""
    for name in PLAN_FILES:
        write_file(folder / name, OLD)
    return {name: (folder / name).read_bytes() for name in PLAN_FILES}


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# ---- how a file is written -----------------------------------------------------------------------


def test_each_file_is_staged_beside_its_target_fsynced_then_moved_into_place(tmp_path, monkeypatch):
    calls: list[tuple[str, object]] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(("fsync", fd)), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append(("replace", (Path(a), Path(b)))),
                                                     real_replace(a, b))[1])
    written = writers.write_all(tmp_path / "out", {"a.md": "A\n", "b.md": "B\n"}, force=False)

    assert written == [tmp_path / "out" / "a.md", tmp_path / "out" / "b.md"]
    kinds = [kind for kind, _ in calls]
    # every file on disk before any move; then the folder, so the new names survive a crash
    assert kinds == ["fsync", "fsync", "replace", "replace", "fsync"]
    for _, (temp, target) in (c for c in calls if c[0] == "replace"):
        assert temp.parent == target.parent  # same folder: the rename is atomic
        assert temp.name.startswith(".cc-career-") and temp.name.endswith(".tmp")
    assert contents(tmp_path / "out") == {"a.md": b"A\n", "b.md": b"B\n"}


def test_a_file_that_already_holds_its_text_is_left_alone(tmp_path):
    folder = tmp_path / "out"
    writers.write_all(folder, {"a.md": "A\n"}, force=False)
    before = (folder / "a.md").stat().st_mtime_ns
    assert writers.write_all(folder, {"a.md": "A\n"}, force=False) == []
    assert (folder / "a.md").stat().st_mtime_ns == before


def test_an_existing_file_is_never_replaced_without_force(tmp_path, runner):
    out = tmp_path / "out"
    old = seeded(out)
    result = plan(runner, out)
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert contents(out) == old


def test_a_symlink_in_the_output_folder_is_replaced_not_followed(tmp_path, runner):
    victim = write_file(tmp_path / "elsewhere.txt", "not yours\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "career-plan.md").symlink_to(victim)
    assert plan(runner, out).exit_code == 2  # it exists: refused without --force
    assert plan(runner, out, "--force").exit_code == 0
    assert victim.read_text("utf-8") == "not yours\n"
    assert not (out / "career-plan.md").is_symlink()


# ---- when the disk says no ---------------------------------------------------------------------------


def _fail_with(number: int):
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(number, os.strerror(number))

    return fail


@pytest.mark.parametrize(
    ("where", "number"),
    [("fsync", errno.ENOSPC), ("mkstemp", errno.ENOSPC), ("mkstemp", errno.EROFS),
     ("mkstemp", errno.EACCES), ("replace", errno.EIO)],
    ids=["disk-full-on-fsync", "disk-full-on-create", "read-only-disk", "permission-denied", "io-error"],
)
def test_a_refused_write_is_one_clear_message_and_the_old_files_stay(where, number, tmp_path, runner,
                                                                   monkeypatch):
    out = tmp_path / "out"
    old = seeded(out)
    target = {"fsync": (os, "fsync"), "mkstemp": (tempfile, "mkstemp"), "replace": (os, "replace")}[where]
    monkeypatch.setattr(*target, _fail_with(number))
    result = plan(runner, out, "--force")

    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"cc-career: {out}" in result.stderr
    assert f" could not be written ({os.strerror(number)})" in result.stderr
    assert "earlier file was left as it was" in result.stderr
    assert contents(out) == old
    assert not list(out.glob(".cc-career-*"))


def test_a_disk_that_fills_while_writing_leaves_no_temp_file(tmp_path, monkeypatch):
    """The second file hits a full disk: the first, already staged, is removed too, and so is
    the folder the write made (whole or absent)."""
    folder = tmp_path / "out"
    writes = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        writes.append(fd)
        if len(writes) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(WriteError):
        writers.write_all(folder, {"a.md": "A\n", "b.md": "B\n"}, force=False)
    assert not folder.exists()


def test_ctrl_c_while_writing_leaves_no_temp_file_and_the_old_files(tmp_path, runner, monkeypatch):
    out = tmp_path / "out"
    old = seeded(out)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    result = plan(runner, out, "--force")
    assert result.exit_code == 130
    assert contents(out) == old
    assert not list(out.glob(".cc-career-*"))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes through chmod")
def test_a_read_only_folder_gives_a_clear_error(tmp_path, runner):
    out = tmp_path / "out"
    old = seeded(out)
    out.chmod(0o500)
    try:
        result = plan(runner, out, "--force")
    finally:
        out.chmod(0o700)
    assert result.exit_code == 2
    assert f"{out} could not be written" in result.stderr
    assert contents(out) == old


# ---- private files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o000], ids=["usual-umask", "no-umask"])
def test_plans_are_0600_in_a_0700_folder_whatever_the_umask(umask, tmp_path, runner):
    previous = os.umask(umask)
    try:
        out = tmp_path / "new" / "plans"
        assert plan(runner, out).exit_code == 0
        interview = runner.invoke(app, ["interview-answer", "--answers", str(PERSONA), "--no-input",
                                        "--out", str(out), "--lang", "en"])
        assert interview.exit_code == 0, interview.stderr
    finally:
        os.umask(previous)
    assert mode(out) == 0o700
    files = list(out.iterdir())
    assert len(files) == 7  # plan .md .html .json, answers, interview .md .txt .html
    assert all(mode(f) == 0o600 for f in files), {f.name: oct(mode(f)) for f in files}


def test_a_replaced_file_becomes_private_too(tmp_path, runner):
    out = tmp_path / "out"
    seeded(out)
    for name in PLAN_FILES:
        (out / name).chmod(0o644)
    assert plan(runner, out, "--force").exit_code == 0
    assert all(mode(out / name) == 0o600 for name in PLAN_FILES)


def test_an_existing_output_folder_keeps_the_mode_its_owner_gave_it(tmp_path, runner):
    out = tmp_path / "shared"
    out.mkdir(mode=0o755)
    out.chmod(0o755)
    assert plan(runner, out).exit_code == 0
    assert mode(out) == 0o755
    assert all(mode(out / name) == 0o600 for name in PLAN_FILES)


def test_batch_folders_files_and_report_are_private(tmp_path, runner):
    cohort = tmp_path / "cohort"
    write_file(cohort / "a.yaml", PERSONA.read_text("utf-8"))
    out, report = tmp_path / "out", tmp_path / "reports" / "report.json"
    result = runner.invoke(app, ["batch", str(cohort), "--out", str(out), "--report", str(report),
                                 "--jobs", "1", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    folders = [p for p in out.rglob("*") if p.is_dir()]
    files = [p for p in out.rglob("*") if p.is_file()] + [report]
    assert folders and all(mode(p) == 0o700 for p in [out, *folders])
    assert all(mode(p) == 0o600 for p in files), {str(p): oct(mode(p)) for p in files}


# ---- the cache never breaks a run ---------------------------------------------------------------------


def test_no_usable_cache_folder_still_plans(tmp_path, runner, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(write_file(tmp_path / "a-file", "not a folder")))
    assert usercache.folder("catalog") is None
    assert plan(runner, tmp_path / "out").exit_code == 0


def test_a_cache_folder_others_can_write_to_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    shared = tmp_path / "cc-career"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    assert usercache.folder("catalog") is None
    usercache.store("catalog", "x", {"anything": 1})
    assert list(shared.iterdir()) == []


def test_a_damaged_cache_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = load_catalog(None)
    (entry,) = (tmp_path / "cc-career" / "catalog").glob("*.pickle")
    entry.write_bytes(b"\x80\x05 not a pickle")
    assert load_catalog(None) == first
    assert mode(entry) == 0o600


def test_the_cache_folder_is_private(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_catalog(None)
    folder = tmp_path / "cc-career" / "catalog"
    assert mode(folder) == mode(folder.parent) == 0o700
    assert all(mode(p) == 0o600 for p in folder.iterdir())


# ---- no network ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reach",
    [lambda: socket.create_connection(("192.0.2.1", 80), timeout=1),
     lambda: socket.socket().connect(("192.0.2.1", 80)),
     lambda: socket.socket().connect_ex(("192.0.2.1", 80)),
     lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("192.0.2.1", 53)),
     lambda: socket.getaddrinfo("example.com", 443),
     lambda: socket.gethostbyname("example.com")],
    ids=["create_connection", "connect", "connect_ex", "udp-sendto", "getaddrinfo", "gethostbyname"],
)
def test_the_suite_runs_with_the_network_switched_off(reach):
    with pytest.raises(NetworkUsed):
        reach()


def test_code_that_catches_every_exception_cannot_hide_a_network_attempt():
    with pytest.raises(NetworkUsed):
        try:
            socket.create_connection(("192.0.2.1", 80))
        except Exception:  # what a batch worker does with an unexpected error
            pass
