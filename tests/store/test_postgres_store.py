"""The team store on a real PostgreSQL server (started by the tests): the same schema as the
models, and the same behaviour as the single-file store where the engines differ most."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest
from sqlmodel import SQLModel

from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.search import search
from scrutiny_tui.store import models  # noqa: F401  (registers the tables)
from scrutiny_tui.store.db import SCHEMA_VERSION, StoreError, StoreFault, open_store
from scrutiny_tui.store.postgres import safe_url
from tests.conftest import DATA_DIR

# What the team store keeps beyond the models: the ledger of migrations and the search index.
NOT_MODELS = {"schema_version", "search_index"}
# A team store has no notes older than owners: each note's owner is required there.
STRICTER = {("annotation", "owner")}


def test_the_team_schema_has_every_column_of_every_model(pg_url: str) -> None:
    store = open_store(pg_url)
    try:
        with store.read() as conn:
            rows = conn.execute(
                "SELECT table_name, column_name, is_nullable FROM information_schema.columns"
                " WHERE table_schema = 'public'"
            ).fetchall()
            version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    finally:
        store.close()
    found: dict[str, set[tuple[str, bool]]] = {}
    for table, column, nullable in rows:
        found.setdefault(table, set()).add((column, nullable == "YES"))
    modelled = {
        table.name: {(column.name, bool(column.nullable)) for column in table.columns}
        for table in SQLModel.metadata.sorted_tables
    }
    assert {t for t in found if t not in NOT_MODELS} - {"record"} == set(modelled)
    for table, columns in modelled.items():
        assert {name for name, _ in found[table]} == {name for name, _ in columns}, table
        for name, nullable in columns:
            if name != "id" and (table, name) not in STRICTER:
                assert (name, nullable) in found[table], (table, name)
    assert version == SCHEMA_VERSION


def test_ingest_and_search_on_the_team_store(pg_url: str) -> None:
    store = open_store(pg_url)
    try:
        summary = ingest_paths(store, [DATA_DIR])
        assert (summary.new, summary.failed) == (len(list(DATA_DIR.glob("*.txt"))), [])
        found = search(store, "mental health")
        assert found.hits and found.notice is None
        assert any("mental health" in hit.snippet.lower() for hit in found.hits)
        # A common word is found (no stop words, as with FTS5), and so is a prefix.
        assert search(store, "the").hits
        assert search(store, "recommend").hits
        broken = search(store, '"AND (')
        assert broken.notice and "literally" in broken.notice
    finally:
        store.close()


def test_a_server_that_cannot_be_reached_is_named_without_the_password(tmp_path: Path) -> None:
    url = "postgresql://member:s3cret@127.0.0.1:1/scrutiny"
    with pytest.raises((StoreError, StoreFault, sqlite3.Error)) as caught:
        open_store(url)
    message = str(caught.value)
    assert "cannot reach the team database at 127.0.0.1:1" in message
    assert "s3cret" not in message
    assert safe_url(url) == "postgresql://member@127.0.0.1:1/scrutiny"


def test_a_wrong_or_missing_password_is_said_in_one_line_and_never_shown(
    pg_server, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg_server.new_database()
    database = url.split("/", 3)[3].split("?", 1)[0]
    with pg_server.admin() as admin:
        admin.execute("CREATE ROLE carol LOGIN PASSWORD 'right-one'")
        hba = Path(admin.execute("SHOW hba_file").fetchone()[0])
        rules = hba.read_text(encoding="utf-8")
        if "carol" not in rules:  # carol, and only carol, must give a password
            hba.write_text(f"local all carol scram-sha-256\n{rules}", encoding="utf-8")
        admin.execute("SELECT pg_reload_conf()")
    member_url = pg_server.url(database, user="carol")
    monkeypatch.setenv("PGPASSWORD", "wrong-one")
    with pytest.raises(StoreError) as wrong:
        open_store(member_url)
    assert str(wrong.value).startswith("password authentication failed for carol")
    assert "wrong-one" not in str(wrong.value) and "\n" not in str(wrong.value)
    monkeypatch.setenv("PGPASSWORD", "right-one")
    with pytest.raises(StoreError, match="carol is not a member of the team store at "):
        open_store(member_url)
    with pg_server.admin(database) as admin:
        admin.execute("GRANT scrutiny_member TO carol")
    open_store(member_url).close()


def test_a_connection_the_server_dropped_while_idle_is_made_again(pg_url: str) -> None:
    store = open_store(pg_url)
    try:
        with store.read() as conn:
            pid = conn.pid
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with store.read() as conn:  # no error: a new connection, the same store
            assert conn.execute("SELECT count(*) FROM meeting").fetchone() == (0,)
            assert conn.pid != pid
        with store.write() as conn:
            conn.execute("INSERT INTO topic (name, created_at) VALUES ('t', 'now')")
    finally:
        store.close()
