"""Fixtures of the service tests: a second store on the same engine as ``store_target``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from scrutiny_tui.store.postgres import is_postgres_url


@pytest.fixture
def another_target(
    request: pytest.FixtureRequest, tmp_path: Path, store_target: str
) -> Callable[[str], str]:
    """Where another store lives, on the engine of this run's ``store_target``: a SQLite file
    named ``name`` beside it, or another fresh PostgreSQL database on the same server."""

    def make(name: str) -> str:
        if is_postgres_url(store_target):
            return str(request.getfixturevalue("pg_server").new_database())
        return str(tmp_path / name)

    return make
