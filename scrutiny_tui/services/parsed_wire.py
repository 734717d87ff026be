"""A parsed document as plain tuples, for the trip from a parse worker to the writer.

Pickling the parser's dataclasses cost as much as parsing (about 0.9 ms an item, 22 KB of
pickle per item at bench size): each object goes through the generic reduce protocol, and
every record carried its words twice (``text`` and ``source``, its passage of the minutes).
Tuples of strings and integers pickle in C, and a record's source is cut again from the
document's text by its span, so the writer receives what it stores and nothing more.
Discussion points are not carried: the store keeps none.
"""

from __future__ import annotations

from typing import Any

from scrutiny_tui.parser.model import (
    Action,
    Item,
    Meeting,
    ParsedDocument,
    Person,
    Recommendation,
    Resolution,
    Span,
)

PackedDocument = tuple[Any, ...]


def pack(parsed: ParsedDocument) -> PackedDocument:
    """``parsed`` as nested tuples (see :func:`unpack`)."""
    meeting = parsed.meeting
    return (
        parsed.text,
        parsed.source,
        parsed.sha256,
        parsed.format,
        (
            meeting.council,
            meeting.body,
            meeting.date,
            meeting.title,
            _people(meeting.present),
            _people(meeting.apologies),
            _people(meeting.substitutes),
            _people(meeting.attending),
        ),
        [_item(item) for item in parsed.items],
        list(parsed.warnings),
    )


def unpack(packed: PackedDocument) -> ParsedDocument:
    """The document :func:`pack` was given, without its discussion points."""
    text, source, sha256, format_, meeting, items, warnings = packed
    council, body, date, title, present, apologies, substitutes, attending = meeting
    return ParsedDocument(
        text=text,
        source=source,
        sha256=sha256,
        format=format_,
        meeting=Meeting(
            council=council,
            body=body,
            date=date,
            title=title,
            present=_persons(text, present),
            apologies=_persons(text, apologies),
            substitutes=_persons(text, substitutes),
            attending=_persons(text, attending),
        ),
        items=[_unpack_item(text, item) for item in items],
        warnings=warnings,
    )


def _people(people: list[Person]) -> list[tuple[Any, ...]]:
    """Each person as (name, honorific, role, start, end, source): the source only for one
    with no place in the text, the others' cut again from it."""
    packed: list[tuple[Any, ...]] = []
    for p in people:
        if p.span is None:
            packed.append((p.name, p.honorific, p.role, None, None, p.source))
        else:
            packed.append((p.name, p.honorific, p.role, p.span.start, p.span.end, ""))
    return packed


def _persons(text: str, packed: list[tuple[Any, ...]]) -> list[Person]:
    people = []
    for name, honorific, role, start, end, source in packed:
        if start is None:
            people.append(Person(name, honorific, role, None, source))
        else:
            people.append(Person(name, honorific, role, Span(start, end), text[start:end]))
    return people


def _item(item: Item) -> tuple[Any, ...]:
    return (
        item.number,
        item.title,
        item.span.start,
        item.span.end,
        item.text,
        list(item.report_refs),
        _people(item.attendees),
        [(r.ref, r.text, r.span.start, r.span.end) for r in item.recommendations],
        [(r.label, r.text, r.kind, r.span.start, r.span.end) for r in item.resolutions],
        [(a.text, a.due, a.body, a.span.start, a.span.end) for a in item.actions],
    )


def _unpack_item(text: str, packed: tuple[Any, ...]) -> Item:
    number, title, start, end, words, refs, attendees, recs, resolutions, actions = packed
    return Item(
        number=number,
        title=title,
        span=Span(start, end),
        text=words,
        report_refs=refs,
        attendees=_persons(text, attendees),
        recommendations=[
            Recommendation(ref, said, Span(a, b), text[a:b]) for ref, said, a, b in recs
        ],
        resolutions=[
            Resolution(label, said, kind, Span(a, b), text[a:b])
            for label, said, kind, a, b in resolutions
        ],
        actions=[
            Action(said, due, body, Span(a, b), text[a:b]) for said, due, body, a, b in actions
        ],
    )
