"""One typed settings object, loaded from YAML.

Lookup: ``--config`` / ``SCRUTINY_CONFIG``, then ``./config.yaml``, then the user's config
folder; a missing file means defaults. ``SCRUTINY_DB`` overrides the database path.
Relative paths in a config file are taken relative to that file's folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

import msgspec
import yaml

from scrutiny_tui import locations

# msgspec, not pydantic: it validates the same (types, bounds, unknown keys refused) and
# imports in a few milliseconds, so every command starts at once.

Rag = Literal["green", "amber", "red"]


class ConfigError(Exception):
    """The config file cannot be read or does not validate; the message says why."""


class TrackingStatus(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
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


class SyncSettings(msgspec.Struct, forbid_unknown_fields=True):
    """How politely ``scrutiny sync`` talks to a council's ModernGov site."""

    pause: Annotated[float, msgspec.Meta(ge=0)] = 1.0  # seconds between requests to one site
    timeout: Annotated[float, msgspec.Meta(gt=0)] = 20.0  # seconds to wait for an answer
    retries: Annotated[int, msgspec.Meta(ge=0, le=10)] = 3  # retries after a 5xx or 429


class IngestSettings(msgspec.Struct, forbid_unknown_fields=True):
    """What one file may cost to read: past either, the file is reported and the run goes on."""

    file_seconds: Annotated[float, msgspec.Meta(gt=0, le=86_400)] = 30.0  # seconds per file
    file_memory_mb: Annotated[int, msgspec.Meta(ge=16, le=1_048_576)] = 1024  # MB per file


class SearchSettings(msgspec.Struct, forbid_unknown_fields=True):
    """Search: acronyms that also find their expansions (added to the built-in list)."""

    acronyms: dict[str, str | list[str]] = msgspec.field(default_factory=dict)


class AttentionSettings(msgspec.Struct, forbid_unknown_fields=True):
    """What the Attention screen calls stale."""

    # a recommendation whose tracking status has not changed for this many months
    stale_months: Annotated[int, msgspec.Meta(ge=1, le=120)] = 3


class Settings(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    # A SQLite file (default in the user data folder), or a team store's postgresql:// URL
    # (its password never here: ~/.pgpass, PGPASSWORD or a service file hold it).
    database: str | None = None
    sources: list[Path] = msgspec.field(default_factory=list)  # what `make run` ingests
    export_dir: Path | None = None  # where briefing packs are written
    tracking_statuses: list[TrackingStatus] = msgspec.field(
        default_factory=lambda: list(DEFAULT_STATUSES)
    )
    theme: str = "textual-dark"  # a Textual theme name
    sync: SyncSettings = msgspec.field(default_factory=SyncSettings)
    ingest: IngestSettings = msgspec.field(default_factory=IngestSettings)
    attention: AttentionSettings = msgspec.field(default_factory=AttentionSettings)
    search: SearchSettings = msgspec.field(default_factory=SearchSettings)
    # Not read from the file: where it came from, and --db (which wins over all).
    config_file: Path | None = None
    cli_database: str | None = None

    @property
    def database_target(self) -> str:
        """--db, then SCRUTINY_DB, then the config file's ``database``, then the default: a
        SQLite file's path or a ``postgresql://`` URL."""
        chosen = self.cli_database or os.environ.get("SCRUTINY_DB") or self.database
        if not chosen:
            return str(locations.default_database_path())
        if is_database_url(chosen):
            return chosen
        return str(Path(chosen.removeprefix("sqlite:///")).expanduser())

    @property
    def database_path(self) -> Path:
        """The SQLite file in use (for the commands that read the file itself)."""
        target = self.database_target
        if is_database_url(target):
            raise ConfigError(
                "this works on a SQLite store only; the store in use is a team database"
            )
        return Path(target)

    @property
    def is_team_store(self) -> bool:
        return is_database_url(self.database_target)

    @property
    def export_path(self) -> Path:
        return self.export_dir or locations.default_export_dir()

    def acronyms(self) -> dict[str, tuple[str, ...]]:
        """The built-in acronyms with the member's own: theirs add expansions, never drop."""
        from scrutiny_tui.vocabulary import ACRONYMS

        merged = {key.upper(): tuple(values) for key, values in ACRONYMS.items()}
        for key, value in self.search.acronyms.items():
            extra = (value,) if isinstance(value, str) else tuple(value)
            known = merged.get(key.strip().upper(), ())
            merged[key.strip().upper()] = known + tuple(v for v in extra if v and v not in known)
        return merged

    def status_names(self) -> list[str]:
        return [s.name for s in self.tracking_statuses]

    def rag_of(self, status: str | None) -> Rag | None:
        for s in self.tracking_statuses:
            if s.name == status:
                return s.rag
        return None


_NOT_FROM_FILE = ("config_file", "cli_database")


def is_database_url(target: str) -> bool:
    """Whether ``target`` names a team store on PostgreSQL."""
    return target.lower().startswith(("postgresql://", "postgres://"))


def printable_target(target: str) -> str:
    """A store's path or URL fit to print: a URL's password, if any, is left out."""
    if not is_database_url(target):
        return target
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(target)
    if parts.password is None:
        return target
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + netloc, parts.path, parts.query, parts.fragment))


def _database_setting(base: Path, value: str | None, path: Path) -> str | None:
    """The config file's ``database``: a URL as written (refused if it holds a password), or a
    path resolved against the config file's folder."""
    if value is None or not value.strip():
        return None
    if is_database_url(value):
        from urllib.parse import urlsplit

        if urlsplit(value).password is not None:
            raise ConfigError(
                f"config {path}: database: the URL holds a password; remove it and keep it "
                "in ~/.pgpass or PGPASSWORD instead"
            )
        return value
    resolved = _resolve(base, Path(value.removeprefix("sqlite:///")))
    return str(resolved) if resolved else None


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
    except RecursionError as exc:  # brackets nested thousands deep
        raise ConfigError(f"config {path} is nested too deeply to be settings") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"config {path} must be a mapping of settings")
    hidden = [key for key in _NOT_FROM_FILE if key in raw]
    if hidden:
        raise ConfigError(f"config {path}: unknown setting {hidden[0]!r}")
    try:
        settings = msgspec.convert(raw, Settings, dec_hook=_path_hook)
    except msgspec.ValidationError as exc:
        raise ConfigError(f"config {path}: {_where_first(str(exc))}") from exc
    base = path.parent.resolve()
    settings.database = _database_setting(base, settings.database, path)
    settings.export_dir = _resolve(base, settings.export_dir)
    settings.sources = [p for p in (_resolve(base, s) for s in settings.sources) if p]
    settings.config_file = path.resolve()
    return settings


def _path_hook(kind: type, value: object) -> object:
    if kind is Path and isinstance(value, str):
        return Path(value)
    raise NotImplementedError


def _where_first(message: str) -> str:
    """msgspec's "Expected `int`, got `str` - at `$.sync.retries`" as "sync.retries: ..."."""
    what, _, where = message.partition(" - at `$")
    where = where.rstrip("`").lstrip(".")
    return f"{where}: {what}" if where else what
