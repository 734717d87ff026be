"""SQL for a meeting's facts as the member corrects them (``meeting_edit``)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from scrutiny_tui.store.values import db_time


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    meeting_id: int
    uid: str
    council: str | None
    committee: str | None
    date: str | None
    # what the member set (None: as read from the minutes or the site)
    edited_council: str | None
    edited_committee: str | None
    edited_date: str | None


def meeting_facts(conn: sqlite3.Connection, meeting_id: int) -> MeetingFacts | None:
    row = conn.execute(
        """SELECT m.id, m.uid, m.council, m.committee, m.date, e.council, e.committee, e.date
           FROM meeting m LEFT JOIN meeting_edit e ON e.meeting_uid = m.uid WHERE m.id = ?""",
        (meeting_id,),
    ).fetchone()
    return None if row is None else MeetingFacts(*row)


def save_meeting_facts(
    conn: sqlite3.Connection,
    uid: str,
    council: str | None,
    committee: str | None,
    date: str | None,
    now: datetime,
) -> None:
    """Keep the member's values (None: no correction of that fact) and show them at once
    on the meeting; a fact left without a correction keeps its current value."""
    conn.execute(
        "INSERT INTO meeting_edit (meeting_uid, council, committee, date, edited_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (meeting_uid) DO UPDATE SET"
        " council = excluded.council, committee = excluded.committee, date = excluded.date,"
        " edited_at = excluded.edited_at",
        (uid, council, committee, date, db_time(now)),
    )
    conn.execute(
        "UPDATE meeting SET council = coalesce(?, council), committee = coalesce(?, committee),"
        " date = coalesce(?, date) WHERE uid = ?",
        (council, committee, date, uid),
    )
