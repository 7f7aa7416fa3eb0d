"""What is slow to rebuild and safe to lose, kept between runs in the user's cache folder.

The compiled document templates and the checked career data: together most of a replayed
plan's own time. Best effort: with no usable folder (no home, a read-only or full disk, a
folder someone else could write to) nothing is kept and every run rebuilds; a run never
fails because of the cache. Entries are found by a key that changes whenever what they were
made from changes, so a stale entry is never used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import tempfile
from pathlib import Path
from typing import Any

KEEP = 8  # entries per kind: a trainer switching between a few --data-dir folders stays fast


def folder(kind: str) -> Path | None:
    """`$XDG_CACHE_HOME/cc-career/<kind>` (else `~/.cache/...`), private to this user."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "cc-career"
        base.parent.mkdir(parents=True, exist_ok=True)
        for level in (base, base / kind):
            level.mkdir(mode=0o700, exist_ok=True)
            if not _private(level.lstat(), stat.S_ISDIR):
                return None  # what is kept here is loaded as code: never from where others write
    except (OSError, RuntimeError):  # RuntimeError: no home folder to be found
        return None
    return base / kind


def _private(info: os.stat_result, is_kind: Any) -> bool:
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return is_kind(info.st_mode) and owner_ok and not info.st_mode & 0o022


def key(*parts: bytes | str | object) -> str:
    """A digest of everything an entry depends on."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()[:40]


def load(kind: str, name: str) -> Any | None:
    """The entry `name`, or None when there is none (or it cannot be read)."""
    where = folder(kind)
    if where is None:
        return None
    path = where / f"{name}.pickle"
    try:
        with path.open("rb") as stream:
            if not _private(os.fstat(stream.fileno()), stat.S_ISREG):
                return None
            return pickle.load(stream)
    except Exception:  # missing, damaged, or made by other code: rebuilt by the caller
        return None


def store(kind: str, name: str, value: Any) -> None:
    """Keep `value` as `name` (written whole, then moved into place); drop the oldest entries."""
    where = folder(kind)
    if where is None:
        return
    temp = None
    try:
        handle, temp = tempfile.mkstemp(dir=where, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, where / f"{name}.pickle")
        temp = None
        entries = sorted(where.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except Exception:  # a full disk or an unpicklable value: simply not cached
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
