"""Where the bundled data and templates live, in a wheel, an editable install or a checkout."""

from __future__ import annotations

import os
from pathlib import Path

DATA_FILES = ("paths.yaml", "skills.yaml", "certifications.yaml")
DATA_DIR_ENV = "CC_CAREER_DATA_DIR"

_PACKAGE = Path(__file__).resolve().parent.parent  # the cc_career package folder


def bundled_data_dir() -> Path:
    """The data that ships with the program: inside the wheel, else the checkout's data/."""
    for candidate in (_PACKAGE / "_data", _PACKAGE.parent.parent / "data"):
        if (candidate / "paths.yaml").is_file():
            return candidate
    raise FileNotFoundError("the bundled data/ folder is missing from this installation")


def data_file(name: str, data_dir: Path | str | None = None) -> Path:
    """`name` from the user's data folder (option, else environment) if it has it, else bundled.

    A trainer's folder may hold just paths.yaml (their own ladder) and keep the bundled skills.
    """
    chosen = data_dir or os.environ.get(DATA_DIR_ENV) or None
    if chosen is not None:
        own = Path(chosen) / name
        if own.exists() or not Path(chosen).is_dir():
            return own
    return bundled_data_dir() / name


def templates_dir() -> Path:
    return _PACKAGE / "render" / "templates"
