"""SQL for topics (saved searches and note tags followed across meetings) and for the
records of the agenda items a topic's timeline lists."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from scrutiny_tui.store.values import db_time, read_time


class DuplicateTopic(ValueError):
    """A topic of that name exists already."""


@dataclass(frozen=True, slots=True)
class TopicRow:
    name: str
    query: str | None
    tag: str | None
    created_at: datetime
    last_seen_at: datetime | None


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """An agenda item as a topic's timeline shows it: where and when, and what was read."""

    item_id: int
    item_uid: str
    number: str | None
    title: str
    council: str | None
    committee: str | None
    date: str | None
    meeting_id: int
    text: str  # the item's minutes (for the passage about the topic)
    ingested_at: datetime | None  # when its minutes arrived (import or sync)


@dataclass(frozen=True, slots=True)
class ItemRecord:
    """A resolution, recommendation or action of a timeline item, with what the member
    recorded about it (a tracking status, an action done)."""

    item_id: int
    kind: str  # resolution | recommendation | action
    uid: str
    label: str | None  # a resolution's label, a recommendation's reference
    text: str
    detail: str | None  # a resolution's kind, an action's due date
    status: str | None  # a recommendation's tracking status
    done: bool  # an action marked done


_TOPIC = "SELECT name, query, tag, created_at, last_seen_at FROM topic"


def _topic(row: Sequence[object]) -> TopicRow:
    name, query, tag, created, seen = row
    created_at = read_time(created)
    assert created_at is not None  # NOT NULL in the schema
    return TopicRow(
        str(name),
        None if query is None else str(query),
        None if tag is None else str(tag),
        created_at,
        read_time(seen),
    )


def add_topic(
    conn: sqlite3.Connection, name: str, query: str | None, tag: str | None, now: datetime
) -> None:
    if conn.execute("SELECT 1 FROM topic WHERE lower(name) = lower(?)", (name,)).fetchone():
        raise DuplicateTopic(f"there is already a topic called {name!r}")
    conn.execute(
        "INSERT INTO topic (name, query, tag, created_at) VALUES (?, ?, ?, ?)",
        (name, query, tag, db_time(now)),
    )


def topics(conn: sqlite3.Connection) -> list[TopicRow]:
    return [_topic(row) for row in conn.execute(f"{_TOPIC} ORDER BY lower(name)")]


def topic(conn: sqlite3.Connection, name: str) -> TopicRow | None:
    row = conn.execute(f"{_TOPIC} WHERE lower(name) = lower(?)", (name,)).fetchone()
    return None if row is None else _topic(row)


def remove_topic(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("DELETE FROM topic WHERE lower(name) = lower(?)", (name,)).rowcount > 0


def mark_seen(conn: sqlite3.Connection, name: str, now: datetime) -> None:
    conn.execute(
        "UPDATE topic SET last_seen_at = ? WHERE lower(name) = lower(?)", (db_time(now), name)
    )


def items_tagged(conn: sqlite3.Connection, tag: str) -> list[int]:
    """Agenda items holding a live note with this tag (whole tag, any case)."""
    rows = conn.execute(
        """SELECT DISTINCT ai.id FROM annotation a
           JOIN agenda_item ai ON ai.uid = a.target_uid
             OR ai.id = (SELECT item_id FROM resolution WHERE uid = a.target_uid)
             OR ai.id = (SELECT item_id FROM recommendation WHERE uid = a.target_uid)
             OR ai.id = (SELECT item_id FROM action WHERE uid = a.target_uid)
           WHERE a.deleted_at IS NULL AND EXISTS (
               SELECT 1 FROM json_each(CASE WHEN json_valid(a.tags) THEN a.tags ELSE '[]' END)
               WHERE lower(value) = lower(?))""",
        (tag,),
    )
    return [int(row[0]) for row in rows]


def timeline_items(conn: sqlite3.Connection, item_ids: Sequence[int]) -> list[TimelineItem]:
    """These agenda items with their meetings, oldest meeting first (undated last)."""
    if not item_ids:
        return []
    marks = ", ".join("?" * len(item_ids))
    rows = conn.execute(
        f"""SELECT ai.id, ai.uid, ai.number, ai.title, m.council, m.committee, m.date, m.id,
                   unpacked(ai.text), d.ingested_at
            FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
            JOIN document d ON d.id = ai.document_id
            WHERE ai.id IN ({marks})
            ORDER BY m.date IS NULL, m.date, m.committee, m.id, ai.ordinal""",
        tuple(item_ids),
    )
    return [
        TimelineItem(
            item_id, uid, number, title, council, committee, day, meeting, text, read_time(at)
        )
        for item_id, uid, number, title, council, committee, day, meeting, text, at in rows
    ]


def records_of_items(conn: sqlite3.Connection, item_ids: Sequence[int]) -> list[ItemRecord]:
    """The resolutions, recommendations and actions of these items, in the minutes' order."""
    if not item_ids:
        return []
    marks = ", ".join("?" * len(item_ids))
    ids = tuple(item_ids)
    rows = conn.execute(
        f"""SELECT * FROM (
            SELECT r.item_id, 'resolution', r.uid, r.label, r.text, r.kind, t.status, 0,
                   0 AS rank, r.ordinal
            FROM resolution r LEFT JOIN recommendation_tracking t ON t.uid = r.uid
            WHERE r.item_id IN ({marks})
            UNION ALL
            SELECT rc.item_id, 'recommendation', rc.uid, rc.ref, rc.text, NULL, t.status, 0,
                   1, rc.ordinal
            FROM recommendation rc LEFT JOIN recommendation_tracking t ON t.uid = rc.uid
            WHERE rc.item_id IN ({marks})
            UNION ALL
            SELECT a.item_id, 'action', a.uid, NULL, a.text, a.due, NULL, coalesce(s.done, 0),
                   2, a.ordinal
            FROM action a LEFT JOIN action_state s ON s.uid = a.uid
            WHERE a.item_id IN ({marks})
        ) ORDER BY 1, rank, 10""",
        ids * 3,
    )
    return [
        ItemRecord(item_id, kind, uid, label, text, detail, status, bool(done))
        for item_id, kind, uid, label, text, detail, status, done, _, _ in rows
    ]
