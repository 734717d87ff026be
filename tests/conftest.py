"""Shared fixtures. Every test runs with its own config, data folder and database, so a
developer's own store and settings never leak into a test (nor a test into them)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA_DIR = REPO / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("SCRUTINY_CONFIG", str(home / "no-config.yaml"))
    monkeypatch.setenv("SCRUTINY_DB", str(home / "scrutiny.db"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@pytest.fixture
def seed_paths() -> list[Path]:
    """The real ModernGov agenda-item minutes shipped in data/."""
    return sorted(DATA_DIR.glob("*.txt"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture(scope="session")
def pg_server():
    """One real PostgreSQL server for the session (see tests/pg.py)."""
    import shutil
    import tempfile

    from tests.pg import TestServer

    # Outside pytest's own temporary folders, which another pytest run on the machine may
    # prune (it keeps the newest three) while this server is using them.
    folder = Path(tempfile.mkdtemp(prefix="scrutiny-pg-"))
    server = TestServer(folder)
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server) -> str:
    """A fresh team database with the schema, as its superuser's URL."""
    return pg_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store lives, once for each engine: the behaviour tests that take it run on
    a SQLite file and on a real PostgreSQL database, so neither drifts."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_server").new_database()


@pytest.fixture
def another_target(request: pytest.FixtureRequest, tmp_path: Path, store_target: str):
    """Where another store lives, on the engine of this run's ``store_target``: a SQLite file
    named ``name`` beside it, or another fresh PostgreSQL database on the same server."""

    def make(name: str) -> str:
        if store_target.startswith("postgresql://"):
            return str(request.getfixturevalue("pg_server").new_database())
        return str(tmp_path / name)

    return make
