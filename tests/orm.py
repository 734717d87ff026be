"""An ORM session on a store, for tests that build rows from the SQLModel models.

The app itself speaks to the store through ``store/`` query functions only; tests use the
models to write fixtures field by field, which also keeps the models exercised."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event
from sqlmodel import Session, create_engine

from scrutiny_tui.store.db import Store


@contextmanager
def orm_session(store: Store) -> Iterator[Session]:
    """A session committed when the block ends (rolled back if it raises)."""
    engine = create_engine(f"sqlite:///{store.path}", connect_args={"timeout": 15})
    event.listen(engine, "connect", lambda conn, _record: conn.execute("PRAGMA foreign_keys = ON"))
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
