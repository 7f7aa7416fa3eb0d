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
import time
from pathlib import Path
from typing import Any

KEEP = 8  # entries per kind: a trainer switching between a few --data-dir folders stays fast
MAGIC = b"cc-career-cache-1\n"
STALE_SECONDS = 600  # a temp file this old belongs to a run that died mid-write


def folder(kind: str) -> Path | None:
    """`$XDG_CACHE_HOME/cc-career/<kind>` (else `~/.cache/...`), private to this user.

    XDG_CACHE_HOME counts only when absolute (the XDG spec: a relative one is invalid and
    ignored), and nothing is made above the cache folder itself: a missing home (HOME=/nonexistent)
    means no cache, never a new /nonexistent/.cache."""
    try:
        chosen = os.environ.get("XDG_CACHE_HOME") or ""
        if os.path.isabs(chosen):
            root = Path(chosen)
        else:
            home = Path.home()
            if not home.is_absolute() or not home.is_dir():
                return None
            root = home / ".cache"
        if not root.parent.is_dir():
            return None
        base = root / "cc-career"
        for level in (root, base, base / kind):
            level.mkdir(mode=0o700, exist_ok=True)
            if level is not root and not _private(level.lstat(), stat.S_ISDIR):
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
    """The entry `name`, or None when there is none, or it is not exactly what `store` wrote
    for this name (damaged, truncated, edited, another entry copied over it, a named pipe):
    a bad entry costs a rebuild, never a different result."""
    where = folder(kind)
    if where is None:
        return None
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(where / f"{name}.pickle", flags)  # a pipe opens at once, and is refused
        with os.fdopen(handle, "rb") as stream:
            if not _private(os.fstat(stream.fileno()), stat.S_ISREG):
                return None
            raw = stream.read()
    except OSError:
        return None
    header = len(MAGIC) + 32
    if not raw.startswith(MAGIC) or len(raw) < header:
        return None
    payload = raw[header:]
    if hashlib.sha256(name.encode() + b"\0" + payload).digest() != raw[len(MAGIC):header]:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # made by other code: rebuilt by the caller
        return None


def store(kind: str, name: str, value: Any) -> None:
    """Keep `value` as `name` (written whole, then moved into place); drop the oldest entries
    and the temp files of runs that died while writing."""
    where = folder(kind)
    if where is None:
        return
    temp = None
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        digest = hashlib.sha256(name.encode() + b"\0" + payload).digest()
        handle, temp = tempfile.mkstemp(dir=where, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(MAGIC + digest + payload)
        os.replace(temp, where / f"{name}.pickle")
        temp = None
        entries = sorted(where.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
        _drop_stale_temps(where)
    except Exception:  # a full disk or an unpicklable value: simply not cached
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def _drop_stale_temps(where: Path) -> None:
    now = time.time()
    for temp in where.glob(".*.tmp"):
        try:
            if now - temp.lstat().st_mtime > STALE_SECONDS:
                temp.unlink()
        except OSError:
            pass
