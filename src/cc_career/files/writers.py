"""Writing the user's files: all-or-nothing, atomic, private (0600 files in a 0700 folder).

All-or-nothing holds for a set of files (a plan and its answers, the two interview files):
every target is checked before the first rename, each replaced file is kept as a hard link
until all are in place, and a failed rename puts the earlier ones back. Runs writing into the
same folder take turns (a lock on the folder itself), so "refuse unless --force" cannot race.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from cc_career.errors import RefusedOverwrite, WriteError

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_PREFIX, TEMP_SUFFIX = ".cc-career-", ".tmp"
LOCK_WAIT_SECONDS = 30


def ensure_dir(folder: Path) -> list[Path]:
    """Make `folder` (and missing parents); the folders this call made, outermost first."""
    made: list[Path] = []
    try:
        if folder.exists() and not folder.is_dir():
            raise WriteError("file.write_failed", path=folder, reason=_not_a_folder())
        missing = [folder, *folder.parents]
        missing = [p for p in missing if not p.exists()]
        for level in reversed(missing):
            try:
                level.mkdir(mode=DIR_MODE)
            except FileExistsError:
                continue
            made.append(level)
    except OSError as exc:
        remove_made(made)
        raise WriteError("file.write_failed", path=folder, reason=_why(exc)) from None
    return made


def remove_made(made: list[Path]) -> None:
    """Take back folders `ensure_dir` made, if they are still empty (a failed write must not
    leave an empty folder behind)."""
    for level in reversed(made):
        with contextlib.suppress(OSError):
            level.rmdir()


def _not_a_folder() -> str:
    return os.strerror(errno.ENOTDIR)


def holds(target: Path, text: str) -> bool:
    """True when `target` is a regular file whose content is exactly `text` (nothing to do)."""
    try:
        info = target.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(text.encode()):
            return False
        return target.read_bytes() == text.encode()
    except OSError:
        return False


def would_change(out: Path, files: dict[str, str]) -> list[Path]:
    """The files of `out` that exist and that writing `files` would change."""
    return [out / name for name, text in files.items()
            if (out / name).exists() and not holds(out / name, text)]


def check_free(targets: list[Path], force: bool) -> None:
    """Refuse, before anything is written, when a target exists and --force was not given."""
    if force:
        return
    for target in targets:
        if target.exists() or target.is_symlink():
            raise RefusedOverwrite("file.exists_path", path=target)


def write_all(folder: Path, files: dict[str, str], *, force: bool) -> list[Path]:
    """Write every file or none: each goes to a temp file in the same folder first (fsynced),
    and only when all are on disk, and every target is known to be replaceable, are they moved
    into place. A failure leaves old files as they were, no temp file and no new empty folder
    behind. A file that already holds exactly its new text is left alone (re-runs change
    nothing); the paths actually written are returned."""
    made = ensure_dir(folder)
    try:
        with _folder_lock(folder):
            _drop_stale_temps(folder)
            pending = {folder / name: text for name, text in files.items()
                       if not holds(folder / name, text)}
            check_free(list(pending), force)
            for target in pending:
                _check_replaceable(folder, target)
            _write_pending(folder, pending)
    except BaseException:
        remove_made(made)
        raise
    return list(pending)


def _write_pending(folder: Path, pending: dict[Path, str]) -> None:
    staged: list[tuple[str, Path]] = []
    where = folder
    try:
        for where, text in pending.items():
            staged.append((_stage(folder, text), where))
        where = folder
        _replace_all(folder, staged)
        if staged:
            _sync_folder(folder)
    except BaseException as exc:  # Ctrl-C included: no temp file may stay behind
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # the file being staged, or the folder when renaming
            raise WriteError("file.write_failed", path=where, reason=_why(exc)) from None
        raise


def _replace_all(folder: Path, staged: list[tuple[str, Path]]) -> None:
    """Move every temp file into place; on a failure, put back what was there before."""
    done: list[tuple[Path, str | None]] = []  # (target, where its old content is kept, or None)
    target = folder
    try:
        for temp, target in staged:
            old = _keep_old(folder, target)
            try:
                os.replace(temp, target)
            except BaseException:
                if old is not None:
                    _restore(old, target)
                raise
            done.append((target, old))
    except BaseException as exc:
        broken = _roll_back(done)
        reason = _why(exc) if isinstance(exc, OSError) else type(exc).__name__
        if broken:  # rare: the disk refused even the undo; say exactly what changed
            raise WriteError("safety.write_partly", path=target, reason=reason,
                             files=", ".join(map(str, broken))) from None
        if isinstance(exc, OSError) and done:
            raise WriteError("safety.write_rolled_back", path=target, reason=reason) from None
        raise  # nothing was replaced: the caller's message says the old files stayed
    for _, old in done:
        if old is not None:
            Path(old).unlink(missing_ok=True)


def _keep_old(folder: Path, target: Path) -> str | None:
    """Keep the file about to be replaced: a hard link (no copy, no disk space, the target
    never missing), else — where links are refused — the old file moved aside."""
    if not target.exists() and not target.is_symlink():
        return None
    name = _temp_name(folder)
    try:
        os.link(target, name, follow_symlinks=False)
    except OSError:
        os.rename(target, name)
    return name


def _restore(old: str, target: Path) -> None:
    if os.path.lexists(target):
        Path(old).unlink(missing_ok=True)  # a link: the target still holds the old file
    else:
        os.replace(old, target)  # moved aside: move it back


def _roll_back(done: list[tuple[Path, str | None]]) -> list[Path]:
    """Undo the renames in `done`; the targets that could not be put back."""
    broken = []
    for target, old in reversed(done):
        try:
            if old is None:
                target.unlink()
            else:
                os.replace(old, target)
        except OSError:
            broken.append(target)
    return broken


def _check_replaceable(folder: Path, target: Path) -> None:
    """What would make a rename fail after an earlier one succeeded, found before any."""
    try:
        info = target.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise WriteError("file.write_failed", path=target, reason=_why(exc)) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise WriteError("safety.target_is_folder", path=target)
    if info is None or os.geteuid() == 0:
        return
    place = folder.stat()
    # A sticky folder (/tmp, a shared drop folder): only a file's owner may replace it.
    if place.st_mode & stat.S_ISVTX and info.st_uid != os.geteuid() and place.st_uid != os.geteuid():
        raise WriteError("safety.target_not_yours", path=target)


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder itself while writing into it (flock on the folder:
    no lock file is left behind). A second run waits its turn, then sees the first's files."""
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield  # a folder that cannot be opened for locking (rare): written unlocked
        return
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WriteError("safety.folder_busy", path=folder) from None
                time.sleep(0.02)
            except OSError:
                break  # a file system without locks: written unlocked
        yield
    finally:
        os.close(handle)


def _drop_stale_temps(folder: Path) -> None:
    """Temp files of our own naming left by a run that was killed mid-write. Under the lock
    no other run is writing here, so every one of them is stale."""
    try:
        leftovers = list(folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"))
    except OSError:
        return
    for temp in leftovers:
        with contextlib.suppress(OSError):
            if stat.S_ISREG(temp.lstat().st_mode):
                temp.unlink()


def _temp_name(folder: Path) -> str:
    return os.path.join(folder, f"{TEMP_PREFIX}{os.urandom(6).hex()}{TEMP_SUFFIX}")


def _stage(folder: Path, text: str) -> str:
    handle, temp = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    try:
        os.fchmod(handle, FILE_MODE)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return temp


def _sync_folder(folder: Path) -> None:
    """Make the renames themselves durable (a crash right after must not bring the old names
    back). Best effort: some systems cannot open a folder for syncing."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
