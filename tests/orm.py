"""An ORM session on a store, for tests that build rows from the SQLModel models.

The app itself speaks to the store through ``store/`` query functions only; tests use the
models to write fixtures field by field, which also keeps the models exercised. A team store
on PostgreSQL is written through the same models, with the store's own value conventions
(times as ISO text, flags as 0/1)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlmodel import Session, create_engine

from scrutiny_tui.store.db import Store
from scrutiny_tui.store.values import read_time


def _read_text_times() -> None:
    """Let the models' UTC timestamps be read from text, as a team store keeps them (the
    SQLite dialect parses its text itself; the PostgreSQL one expects the driver to)."""
    from sqlmodel.sql.sqltypes import UTCDateTime

    if getattr(UTCDateTime, "reads_text", False):
        return
    parse = UTCDateTime.process_result_value

    def process_result_value(self: UTCDateTime, value: Any, dialect: Any) -> Any:
        return parse(self, read_time(value) if isinstance(value, str) else value, dialect)

    UTCDateTime.process_result_value = process_result_value  # type: ignore[method-assign]
    UTCDateTime.reads_text = True  # type: ignore[attr-defined]


def _engine(store: Store) -> Any:
    if store.engine == "postgresql":
        from scrutiny_tui.store.postgres import configure_driver

        _read_text_times()
        url = str(store.path).replace("postgresql://", "postgresql+psycopg://", 1)
        engine = create_engine(url)
        event.listen(engine, "connect", lambda conn, _record: configure_driver(conn))
        return engine
    engine = create_engine(f"sqlite:///{store.path}", connect_args={"timeout": 15})
    event.listen(engine, "connect", lambda conn, _record: conn.execute("PRAGMA foreign_keys = ON"))
    return engine


@contextmanager
def orm_session(store: Store) -> Iterator[Session]:
    """A session committed when the block ends (rolled back if it raises)."""
    engine = _engine(store)
    try:
        with Session(engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
    finally:
        engine.dispose()
