"""One typed settings object, loaded from YAML.

Lookup: ``--config`` / ``SCRUTINY_CONFIG``, then ``./config.yaml``, then the user's config
folder; a missing file means defaults. ``SCRUTINY_DB`` overrides the database path.
Relative paths in a config file are taken relative to that file's folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from scrutiny_tui import locations

Rag = Literal["green", "amber", "red"]


class ConfigError(Exception):
    """The config file cannot be read or does not validate; the message says why."""


class TrackingStatus(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    rag: Rag
    description: str = ""


DEFAULT_STATUSES: tuple[TrackingStatus, ...] = (
    TrackingStatus(
        name="Achieved", rag="green", description="Achieved; monitoring no longer needed"
    ),
    TrackingStatus(
        name="On track (not yet due)",
        rag="amber",
        description="Acceptable progress; continue monitoring",
    ),
    TrackingStatus(name="Slipped", rag="red", description="Behind the agreed timescale"),
    TrackingStatus(name="Not achieved", rag="red", description="Unacceptable progress"),
    TrackingStatus(name="Paused", rag="amber", description="Work paused; continue monitoring"),
    TrackingStatus(name="Stop monitoring", rag="green", description="No further monitoring needed"),
)


class SyncSettings(BaseModel):
    """How politely ``scrutiny sync`` talks to a council's ModernGov site."""

    model_config = ConfigDict(extra="forbid")

    pause: float = Field(default=1.0, ge=0, description="Seconds between requests to one site")
    timeout: float = Field(default=20.0, gt=0, description="Seconds to wait for an answer")
    retries: int = Field(default=3, ge=0, le=10, description="Retries after a 5xx or 429")


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    database: Path | None = Field(
        default=None, description="SQLite file; default in the user data folder"
    )
    sources: list[Path] = Field(
        default_factory=list, description="Folders or files `make run` ingests"
    )
    export_dir: Path | None = Field(default=None, description="Where briefing packs are written")
    tracking_statuses: list[TrackingStatus] = Field(default_factory=lambda: list(DEFAULT_STATUSES))
    theme: str = Field(default="textual-dark", description="A Textual theme name")
    sync: SyncSettings = Field(default_factory=SyncSettings)
    config_file: Path | None = Field(default=None, exclude=True)
    cli_database: Path | None = Field(default=None, exclude=True)  # from --db: wins over all

    @property
    def database_path(self) -> Path:
        """--db, then SCRUTINY_DB, then the config file's ``database``, then the default."""
        if self.cli_database is not None:
            return self.cli_database
        env = os.environ.get("SCRUTINY_DB")
        if env:
            return Path(env).expanduser()
        return self.database or locations.default_database_path()

    @property
    def export_path(self) -> Path:
        return self.export_dir or locations.default_export_dir()

    def status_names(self) -> list[str]:
        return [s.name for s in self.tracking_statuses]

    def rag_of(self, status: str | None) -> Rag | None:
        for s in self.tracking_statuses:
            if s.name == status:
                return s.rag
        return None


def _resolve(base: Path, value: Path | None) -> Path | None:
    if value is None:
        return None
    value = value.expanduser()
    return value if value.is_absolute() else (base / value).resolve()


def load_settings(path: Path | None = None) -> Settings:
    """Load settings from ``path`` or the first config file found; defaults if none."""
    candidates = [path] if path else locations.config_file_candidates()
    for candidate in candidates:
        if candidate is not None and candidate.is_file():
            return _load_file(candidate)
    if path is not None:
        raise ConfigError(f"config file not found: {path}")
    return Settings()


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """A YAML error in one line: what is wrong and where."""
    problem = getattr(exc, "problem", None) or "cannot parse"
    mark = getattr(exc, "problem_mark", None)
    return f"{problem} at line {mark.line + 1}, column {mark.column + 1}" if mark else problem


def _load_file(path: Path) -> Settings:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"config {path} is not valid YAML ({_yaml_problem(exc)})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"config {path} must be a mapping of settings")
    try:
        settings = Settings.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"config {path}: {where}: {first['msg']}") from exc
    base = path.parent.resolve()
    settings.database = _resolve(base, settings.database)
    settings.export_dir = _resolve(base, settings.export_dir)
    settings.sources = [p for p in (_resolve(base, s) for s in settings.sources) if p]
    settings.config_file = path.resolve()
    return settings
