# ruff: noqa: E501  (test minutes are kept as whole lines, as in real files)
"""Small stores built row by row through the SQLModel tables, so the UI tests do not
depend on the parser. Spans are found by searching the document text for each record's
words, exactly as the parser would have recorded them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from scrutiny_tui.store.db import Store, open_store
from scrutiny_tui.store.models import (
    Action,
    AgendaItem,
    Attendance,
    Document,
    Meeting,
    Person,
    Recommendation,
    Resolution,
)
from scrutiny_tui.store.records import index_items
from tests.orm import orm_session

INGESTED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

HOSTILE = (
    "[bold]Budget[/] overspend [link=https://example.invalid]click here[/link] "
    "[@click=app.quit]quit[/] \x1b[2J\x1b]52;c;ZXZpbA==\x07 end"
)


@dataclass
class ItemSpec:
    title: str
    text: str
    number: str | None = None
    resolutions: list[tuple[str | None, str, str]] = field(
        default_factory=list
    )  # label, kind, words
    recommendations: list[tuple[str | None, str]] = field(default_factory=list)  # ref, words
    actions: list[tuple[str, str | None, str | None]] = field(
        default_factory=list
    )  # words, due, body
    attendees: list[tuple[str, str | None]] = field(default_factory=list)  # name, role


@dataclass
class MeetingSpec:
    path: str
    items: list[ItemSpec]
    council: str | None = None
    body: str | None = None
    date: str | None = None
    title: str | None = None


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def add_meeting(store: Store, spec: MeetingSpec) -> None:
    full_text = "\n\n".join(f"{item.title}\n\n{item.text}" for item in spec.items)
    with orm_session(store) as s:
        doc = Document(
            path=spec.path,
            key=spec.path,
            sha256=spec.path,
            format="text",
            size=len(full_text),
            text=full_text,
            ingested_at=INGESTED,
        )
        s.add(doc)
        s.flush()
        meeting = Meeting(
            uid=f"{spec.path}#m",
            document_id=doc.id,
            council=spec.council,
            committee=spec.body,
            date=spec.date,
            title=spec.title,
        )
        s.add(meeting)
        s.flush()
        item_ids = [
            _add_item(s, doc, meeting, ordinal, item, full_text)
            for ordinal, item in enumerate(spec.items)
        ]
    if item_ids:  # indexed for search as the store's own writer indexes what it writes
        with store.write() as conn:
            index_items(conn, min(item_ids), max(item_ids))


def _add_item(s, doc, meeting, ordinal, item, full_text) -> int:
    start, _ = _span(full_text, item.title)
    end = start + len(item.title) + 2 + len(item.text)
    uid = f"{doc.path}#i{ordinal}"
    row = AgendaItem(
        uid=uid,
        meeting_id=meeting.id,
        document_id=doc.id,
        ordinal=ordinal,
        number=item.number,
        title=item.title,
        text=item.text,
        span_start=start,
        span_end=end,
    )
    s.add(row)
    s.flush()
    for n, (label, kind, words) in enumerate(item.resolutions):
        a, b = _span(full_text, words)
        s.add(
            Resolution(
                uid=f"{uid}#res{n}",
                item_id=row.id,
                ordinal=n,
                label=label,
                kind=kind,
                text=words,
                span_start=a,
                span_end=b,
            )
        )
    for n, (ref, words) in enumerate(item.recommendations):
        a, b = _span(full_text, words)
        s.add(
            Recommendation(
                uid=f"{uid}#rec{n}",
                item_id=row.id,
                ordinal=n,
                ref=ref,
                text=words,
                span_start=a,
                span_end=b,
            )
        )
    for n, (words, due, body) in enumerate(item.actions):
        a, b = _span(full_text, words)
        s.add(
            Action(
                uid=f"{uid}#act{n}",
                item_id=row.id,
                ordinal=n,
                text=words,
                due=due,
                due_to=body,
                span_start=a,
                span_end=b,
            )
        )
    for name, role in item.attendees:
        person = Person(name=name)
        s.add(person)
        s.flush()
        s.add(
            Attendance(
                person_id=person.id,
                meeting_id=meeting.id,
                item_id=row.id,
                kind="attendee",
                role=role,
            )
        )
    s.flush()  # the records have ids before the session ends
    return int(row.id)


CARE_TEXT = """Report CS17037

The Portfolio Holder introduced the draft plan.\u00a0

\u00a0

·  Members asked about CAMHS waiting times for looked after children.
·  The Chairman requested that a report on missing children be provided to the meeting of the Care Services PDS Committee on 10th January 2016.

Recommendation 4 – The Board asked that cluster funding be made sustainable.

RESOLVED –

a)  Noted the response.
b)  Recommend that the paper on mental health services be requested.
c)  That a meeting with the Chief Executive be arranged to progress recommendation 11.

A report on new legislation be provided in April 2017."""


def care_meeting() -> MeetingSpec:
    item = ItemSpec(
        title="Care Services Portfolio Plan Priorities",
        number="12",
        text=CARE_TEXT,
        resolutions=[
            ("a", "noted", "Noted the response."),
            (
                "b",
                "recommended",
                "Recommend that the paper on mental health services be requested.",
            ),
            (
                "c",
                "agreed",
                "That a meeting with the Chief Executive be arranged to progress recommendation 11.",
            ),
        ],
        recommendations=[("4", "The Board asked that cluster funding be made sustainable.")],
        actions=[
            (
                "a report on missing children be provided to the meeting of the Care Services PDS Committee on 10th January 2016",
                "2016-01-10",
                "Care Services PDS Committee",
            ),
            ("A report on new legislation be provided in April 2017", "2017-04", None),
        ],
        attendees=[("Councillor Judith Blake", "Executive Member, Children and Families")],
    )
    return MeetingSpec(
        path="/minutes/care-2016-06-29.txt",
        items=[item],
        council="London Borough of Bromley",
        body="Care Services PDS Committee",
        date="2016-06-29",
        title="Care Services PDS Committee",
    )


def hostile_meeting() -> MeetingSpec:
    item = ItemSpec(
        title="[bold]Budget[/] monitoring [@click=app.quit]",
        text=f"Minutes:\n\n{HOSTILE}\n\nRESOLVED that [red]nothing[/red] happens.\n\n[link=https://example.invalid]report back[/link] by January 2099.",
        resolutions=[(None, "other", "RESOLVED that [red]nothing[/red] happens.")],
        actions=[("[link=https://example.invalid]report back[/link]", "2099-01", None)],
    )
    return MeetingSpec(path="/minutes/[bold]budget.txt", items=[item])


def build_store(path: Path, meetings: list[MeetingSpec] | None = None) -> Store:
    store = open_store(path)
    for spec in meetings if meetings is not None else [care_meeting(), hostile_meeting()]:
        add_meeting(store, spec)
    return store
