"""Where scrutiny-tui keeps its files. Every path the app uses is decided here."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "scrutiny-tui"
_dirs = PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return Path(_dirs.user_data_dir)


def config_dir() -> Path:
    return Path(_dirs.user_config_dir)


def default_database_path() -> Path:
    return data_dir() / "scrutiny.db"


def default_export_dir() -> Path:
    return data_dir() / "briefings"


def user_config_file() -> Path:
    return config_dir() / "config.yaml"


def config_file_candidates(cwd: Path | None = None) -> list[Path]:
    """Config files in the order they are looked for (first found wins)."""
    explicit = os.environ.get("SCRUTINY_CONFIG")
    if explicit:
        return [Path(explicit).expanduser()]
    here = (cwd or Path.cwd()) / "config.yaml"
    return [here, user_config_file()]
