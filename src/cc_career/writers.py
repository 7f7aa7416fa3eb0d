"""Writing the user's files: all-or-nothing, atomic, private (0600 files in a 0700 folder)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cc_career.errors import RefusedOverwrite, WriteError

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_dir(folder: Path) -> None:
    try:
        if folder.exists() and not folder.is_dir():
            raise WriteError("file.write_failed", path=folder, reason="not a folder")
        folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    except OSError as exc:
        raise WriteError("file.write_failed", path=folder, reason=_why(exc)) from None


def holds(target: Path, text: str) -> bool:
    """True when `target` is a regular file whose content is exactly `text` (nothing to do)."""
    try:
        return target.is_file() and not target.is_symlink() and target.read_bytes() == text.encode()
    except OSError:
        return False


def check_free(targets: list[Path], force: bool) -> None:
    """Refuse, before anything is written, when a target exists and --force was not given."""
    if force:
        return
    for target in targets:
        if target.exists() or target.is_symlink():
            raise RefusedOverwrite("file.exists_path", path=target)


def write_all(folder: Path, files: dict[str, str], *, force: bool) -> list[Path]:
    """Write every file or none: each goes to a temp file in the same folder first (fsynced),
    and only when all are on disk are they moved into place. A failure leaves old files as
    they were and no temp file behind. A file that already holds exactly its new text is left
    alone (re-runs change nothing); the paths actually written are returned."""
    ensure_dir(folder)
    pending = {folder / name: text for name, text in files.items()
               if not holds(folder / name, text)}
    check_free(list(pending), force)
    staged: list[tuple[str, Path]] = []
    try:
        for target, text in pending.items():
            staged.append((_stage(folder, text), target))
        for temp, target in staged:
            os.replace(temp, target)
        if staged:
            _sync_folder(folder)
    except BaseException as exc:  # Ctrl-C included: no temp file may stay behind
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise WriteError("file.write_failed", path=folder, reason=_why(exc)) from None
        raise
    return list(pending)


def _stage(folder: Path, text: str) -> str:
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".cc-career-", suffix=".tmp")
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
