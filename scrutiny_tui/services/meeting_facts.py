"""A meeting's facts (council, committee, date) corrected by the member.

Minutes do not always say which council, committee or day they are from, and a reader can
get one wrong. The member's correction is kept by the meeting's uid and applied every time
the same minutes are imported or synced again, so it is never lost to a re-read. A field
left blank is not a correction: the meeting keeps the value it has.
"""

from __future__ import annotations

from scrutiny_tui.services.uk_dates import DateError, iso_date
from scrutiny_tui.store import meeting_facts as queries
from scrutiny_tui.store.db import Store
from scrutiny_tui.store.meeting_facts import MeetingFacts
from scrutiny_tui.store.values import now_utc

__all__ = ["MeetingFacts", "MeetingFactsError", "edit_meeting", "meeting_facts"]

MAX_CHARS = 200


class MeetingFactsError(ValueError):
    """The correction cannot be kept; the message says why, in one line."""


def meeting_facts(store: Store, meeting_id: int) -> MeetingFacts:
    with store.read() as conn:
        facts = queries.meeting_facts(conn, meeting_id)
    if facts is None:
        raise MeetingFactsError("that meeting is no longer in the store")
    return facts


def _clean(name: str, value: str | None) -> str | None:
    value = " ".join((value or "").split())
    if len(value) > MAX_CHARS:
        raise MeetingFactsError(f"the {name} is at most {MAX_CHARS} characters")
    return value or None


def edit_meeting(
    store: Store,
    meeting_id: int,
    *,
    council: str | None = None,
    committee: str | None = None,
    date: str | None = None,
) -> MeetingFacts:
    """Keep the member's council, committee and date for this meeting (the date as they
    type it in the UK: 12/03/2015, 12 March 2015 or 2015-03-12)."""
    try:
        day = iso_date(date or "")
    except DateError as exc:
        raise MeetingFactsError(str(exc)) from exc
    council, committee = _clean("council", council), _clean("committee", committee)
    with store.write() as conn:
        facts = queries.meeting_facts(conn, meeting_id)
        if facts is None:
            raise MeetingFactsError("that meeting is no longer in the store")
        queries.save_meeting_facts(conn, facts.uid, council, committee, day, now_utc())
        saved = queries.meeting_facts(conn, meeting_id)
    assert saved is not None
    return saved
