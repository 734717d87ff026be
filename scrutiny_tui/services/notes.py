"""The member's notes (concerns, questions, follow-ups, praise) on the minutes.

A note is anchored two ways: by the uid of the record it is on (an agenda item, resolution,
recommendation or action; a "passage" note is on its agenda item's uid) and by the words it
quotes, with a little text either side, in its document. When a document is re-ingested the
record rows are replaced, so :func:`reanchor_document` finds each note's words again in the
new text (exactly, then ignoring spacing, then approximately) and points the note at the
record that now holds them. A note whose words are gone is kept, marked "detached".

Notes are exported and imported as W3C Web Annotations (TextQuoteSelector and
TextPositionSelector), with the scrutiny-specific fields in a ``scrutiny`` object.
"""

from __future__ import annotations

import json
import re
import uuid as uuid_module
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import text as sql
from sqlmodel import Session, select

from scrutiny_tui.store.db import Store
from scrutiny_tui.store.models import Annotation

KINDS = ("question", "concern", "follow-up", "praise")
PRIORITIES = ("high", "normal", "low")
STATUSES = ("open", "resolved")
TARGET_KINDS = ("item", "resolution", "recommendation", "action", "passage")

CONTEXT_CHARS = 32  # prefix and suffix kept either side of a quote
FUZZY_THRESHOLD = 85.0  # rapidfuzz partial_ratio needed to re-attach changed words
FUZZY_MIN_CHARS = 8  # shorter quotes are only ever matched exactly
FUZZY_WINDOW = 2000  # characters either side of the old place searched first
FUZZY_BUDGET = 400_000_000  # text length x quote length above which only the window is searched
MAX_OCCURRENCES = 1000
FUZZY_REFINE_MAX = 60  # how far the ends of an approximate match may move to fit the words

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


class NoteNotFound(LookupError):
    """No live note (or target record) with the uuid or uid given."""


# ---- input and results ----------------------------------------------------------------


def _choice(what: str, value: str, allowed: tuple[str, ...]) -> str:
    cleaned = (value or "").strip().lower()
    if cleaned not in allowed:
        raise ValueError(f"unknown {what} {value!r}: use one of {', '.join(allowed)}")
    return cleaned


def clean_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Tags without surrounding spaces or a leading '#', empty ones and repeats dropped."""
    seen: dict[str, str] = {}
    for tag in tags:
        cleaned = " ".join(str(tag).strip().lstrip("#").split())
        if cleaned and cleaned.casefold() not in seen:
            seen[cleaned.casefold()] = cleaned
    return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class NoteInput:
    """What the member wrote. Checked on creation; a ValueError says what is wrong."""

    body: str
    kind: str = "concern"
    priority: str = "normal"
    tags: tuple[str, ...] = ()
    ask_at: str | None = None

    def __post_init__(self) -> None:
        body = (self.body or "").strip()
        if not body:
            raise ValueError("the note is empty: write the concern or question first")
        object.__setattr__(self, "body", body)
        object.__setattr__(self, "kind", _choice("kind", self.kind, KINDS))
        object.__setattr__(self, "priority", _choice("priority", self.priority, PRIORITIES))
        object.__setattr__(self, "tags", clean_tags(self.tags))
        object.__setattr__(self, "ask_at", (self.ask_at or "").strip() or None)


@dataclass(frozen=True, slots=True)
class NoteView:
    uuid: str
    body: str
    kind: str
    priority: str
    tags: tuple[str, ...]
    status: str
    ask_at: str | None
    anchor_state: str  # attached | detached
    quote: str
    target_kind: str
    target_uid: str | None
    item_id: int | None  # the agenda item the note sits in now; None when detached
    item_title: str | None
    committee: str | None
    date: str | None
    document_path: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    attached: int = 0  # found where they were
    moved: int = 0  # found elsewhere in the new text (or found again after being lost)
    detached: int = 0  # their words are no longer in the text


@dataclass(slots=True)
class ImportReport:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)


# ---- reading ------------------------------------------------------------------------

_RECORD_TABLES = {
    "resolution": "resolution",
    "recommendation": "recommendation",
    "action": "action",
}

_ITEM_OF_TARGET = """CASE a.target_kind
    WHEN 'resolution' THEN (SELECT item_id FROM resolution WHERE uid = a.target_uid LIMIT 1)
    WHEN 'recommendation' THEN (SELECT item_id FROM recommendation WHERE uid = a.target_uid LIMIT 1)
    WHEN 'action' THEN (SELECT item_id FROM action WHERE uid = a.target_uid LIMIT 1)
    ELSE (SELECT id FROM agenda_item WHERE uid = a.target_uid LIMIT 1) END"""

_ITEM_OF_SPAN = """(SELECT ai.id FROM agenda_item ai JOIN document d ON d.id = ai.document_id
    WHERE d.key = a.document_key AND ai.span_start <= a.span_start
      AND a.span_start < ai.span_end
    ORDER BY ai.span_end - ai.span_start LIMIT 1)"""

_NOTES = f"""
WITH n AS (
    SELECT a.*, CASE WHEN a.anchor_state = 'attached'
                THEN coalesce({_ITEM_OF_TARGET}, {_ITEM_OF_SPAN}) END AS item_id
    FROM annotation a WHERE {{where}}
)
SELECT n.uuid, n.body, n.kind, n.priority, n.tags, n.status, n.ask_at, n.anchor_state,
       n.quote_exact, n.target_kind, n.target_uid, n.item_id, ai.title, m.committee, m.date,
       n.document_key, n.created_at, n.updated_at
FROM n
LEFT JOIN agenda_item ai ON ai.id = n.item_id
LEFT JOIN meeting m ON m.id = coalesce(ai.meeting_id,
    (SELECT m2.id FROM meeting m2 JOIN document d2 ON d2.id = m2.document_id
     WHERE d2.key = n.document_key LIMIT 1))
WHERE {{outer}}
ORDER BY n.status = 'resolved', CASE n.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1
         ELSE 2 END, n.created_at DESC, n.id DESC
"""


def _when(value: Any) -> datetime:
    """A stored timestamp (naive UTC) as an aware datetime."""
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _tags(value: str | None) -> tuple[str, ...]:
    try:
        loaded = json.loads(value or "[]")
    except json.JSONDecodeError:
        return ()
    return tuple(str(t) for t in loaded) if isinstance(loaded, list) else ()


def _view(row: Any) -> NoteView:
    values = list(row)
    values[4] = _tags(values[4])
    values[16] = _when(values[16])
    values[17] = _when(values[17])
    return NoteView(*values)


def _query(session: Session, where: str, outer: str, params: dict[str, Any]) -> list[NoteView]:
    rows = session.execute(sql(_NOTES.format(where=where, outer=outer)), params).all()
    return [_view(row) for row in rows]


def get_note(store: Store, uuid: str) -> NoteView | None:
    """The live note with this uuid, or None."""
    with store.session() as session:
        found = _query(session, "a.uuid = :uuid AND a.deleted_at IS NULL", "1", {"uuid": uuid})
    return found[0] if found else None


def list_notes(
    store: Store,
    *,
    tag: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    committee: str | None = None,
    include_detached: bool = True,
) -> list[NoteView]:
    """Live notes, open before resolved, high priority first, newest first.

    ``tag`` and ``kind`` match whole values (case-insensitive); ``committee`` matches part of
    the committee's name.
    """
    where, params = ["a.deleted_at IS NULL"], {}
    if tag:
        where.append(
            "EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(a.tags) THEN a.tags "
            "ELSE '[]' END) WHERE lower(value) = lower(:tag))"
        )
        params["tag"] = tag.strip().lstrip("#")
    if kind:
        where.append("a.kind = :kind")
        params["kind"] = kind.strip().lower()
    if status:
        where.append("a.status = :status")
        params["status"] = status.strip().lower()
    if not include_detached:
        where.append("a.anchor_state = 'attached'")
    outer = "1"
    if committee:
        outer = "lower(m.committee) LIKE :committee ESCAPE '\\'"
        params["committee"] = f"%{_like(committee.strip().lower())}%"
    with store.session() as session:
        return _query(session, " AND ".join(where), outer, params)


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def resolve_uuid(store: Store, text: str) -> str:
    """The full uuid of the live note whose uuid is ``text`` or starts with it (unique)."""
    prefix = text.strip().lower().removeprefix("urn:uuid:")
    if not prefix:
        raise NoteNotFound("no note uuid given")
    with store.session() as session:
        rows = session.execute(
            sql(
                "SELECT uuid FROM annotation WHERE deleted_at IS NULL "
                "AND substr(uuid, 1, :n) = :prefix LIMIT 2"
            ),
            {"n": len(prefix), "prefix": prefix},
        ).all()
    if not rows:
        raise NoteNotFound(f"no note {text!r}")
    if len(rows) > 1:
        raise NoteNotFound(f"more than one note starts with {text!r}; give more of its uuid")
    return str(rows[0][0])


# ---- writing --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Target:
    path: str
    text: str
    start: int
    end: int


def _target_sql(target_kind: str) -> str:
    base = "SELECT d.key, d.text, {t}.span_start, {t}.span_end FROM "
    if target_kind in _RECORD_TABLES:
        table = _RECORD_TABLES[target_kind]
        return (
            base.format(t="r") + f"{table} r JOIN agenda_item ai ON ai.id = r.item_id "
            "JOIN document d ON d.id = ai.document_id WHERE r.uid = :uid LIMIT 1"
        )
    return (
        base.format(t="ai") + "agenda_item ai JOIN document d ON d.id = ai.document_id "
        "WHERE ai.uid = :uid LIMIT 1"
    )


def _find_target(session: Session, target_kind: str, target_uid: str) -> _Target:
    row = session.execute(sql(_target_sql(target_kind)), {"uid": target_uid}).first()
    if row is None:
        raise NoteNotFound(f"no {target_kind} with uid {target_uid!r}")
    return _Target(*row)


def _context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of ``text[start:end]``."""
    return (
        text[start:end],
        text[max(0, start - CONTEXT_CHARS) : start],
        text[end : end + CONTEXT_CHARS],
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _now() -> datetime:
    return datetime.now(UTC)


def add_note(
    store: Store,
    target_kind: str,
    target_uid: str,
    note: NoteInput,
    quote: tuple[int, int] | None = None,
) -> NoteView:
    """Note ``note`` on a record, quoting its words (or the passage ``quote`` of its document)."""
    target_kind = _choice("target kind", target_kind, TARGET_KINDS)
    with store.writing() as session:
        target = _find_target(session, target_kind, target_uid)
        start, end = quote if quote is not None else (target.start, target.end)
        if not 0 <= start < end <= len(target.text):
            raise ValueError(f"passage {start}-{end} is outside its minutes")
        start, end = _trimmed(target.text, start, end)
        exact, prefix, suffix = _context(target.text, start, end)
        now = _now()
        row = Annotation(
            uuid=str(uuid_module.uuid4()),
            target_kind=target_kind,
            target_uid=target_uid,
            document_key=target.path,
            quote_exact=exact,
            quote_prefix=prefix,
            quote_suffix=suffix,
            span_start=start,
            span_end=end,
            anchor_state="attached",
            created_at=now,
            updated_at=now,
            **_fields(note),
        )
        session.add(row)
    return _must_get(store, row.uuid)


def _fields(note: NoteInput) -> dict[str, Any]:
    return {
        "body": note.body,
        "kind": note.kind,
        "priority": note.priority,
        "tags": json.dumps(list(note.tags), ensure_ascii=False),
        "ask_at": note.ask_at,
    }


def _must_get(store: Store, uuid: str) -> NoteView:
    view = get_note(store, uuid)
    if view is None:
        raise NoteNotFound(f"no note {uuid!r}")
    return view


def _update(store: Store, uuid: str, assignments: str, params: dict[str, Any]) -> None:
    with store.writing() as session:
        result = session.execute(
            sql(f"UPDATE annotation SET {assignments} WHERE uuid = :uuid AND deleted_at IS NULL"),
            {**params, "uuid": uuid},
        )
        if not result.rowcount:  # type: ignore[attr-defined]
            raise NoteNotFound(f"no note {uuid!r}")


def _stamp(value: datetime) -> str:
    """A datetime as SQLModel stores it (naive UTC, space separated)."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def edit_note(store: Store, uuid: str, note: NoteInput) -> NoteView:
    """Replace what the note says (its anchor is unchanged)."""
    params = {**_fields(note), "now": _stamp(_now())}
    _update(
        store,
        uuid,
        "body = :body, kind = :kind, priority = :priority, tags = :tags, ask_at = :ask_at, "
        "updated_at = :now",
        params,
    )
    return _must_get(store, uuid)


def set_status(store: Store, uuid: str, status: str) -> NoteView:
    """Mark the note "open" or "resolved"."""
    status = _choice("status", status, STATUSES)
    _update(
        store,
        uuid,
        "status = :status, updated_at = :now",
        {"status": status, "now": _stamp(_now())},
    )
    return _must_get(store, uuid)


def delete_note(store: Store, uuid: str) -> None:
    """Delete the note, keeping it for :func:`undo_delete`."""
    _update(store, uuid, "deleted_at = :now", {"now": _stamp(_now())})


def undo_delete(store: Store) -> NoteView | None:
    """Bring back the most recently deleted note; None when there is none."""
    with store.writing() as session:
        uuid = session.execute(
            sql(
                "SELECT uuid FROM annotation WHERE deleted_at IS NOT NULL "
                "ORDER BY deleted_at DESC, id DESC LIMIT 1"
            )
        ).scalar()
        if uuid is None:
            return None
        session.execute(
            sql("UPDATE annotation SET deleted_at = NULL WHERE uuid = :uuid"), {"uuid": uuid}
        )
    return get_note(store, str(uuid))


# ---- finding a note's words again ---------------------------------------------------


def _occurrences(text: str, exact: str) -> list[tuple[int, int]]:
    """Every place ``exact`` occurs; failing that, every place its words occur, any spacing."""
    found, at = [], text.find(exact)
    while at != -1 and len(found) < MAX_OCCURRENCES:
        found.append((at, at + len(exact)))
        at = text.find(exact, at + 1)
    if found or not exact.split():
        return found
    pattern = re.compile(r"\s+".join(re.escape(word) for word in exact.split()))
    for match in pattern.finditer(text):
        found.append(match.span())
        if len(found) >= MAX_OCCURRENCES:
            break
    return found


def _context_score(
    text: str, span: tuple[int, int], prefix: str, suffix: str, hint: int | None
) -> tuple[float, int]:
    start, end = span
    score = 0.0
    if prefix:
        score += fuzz.ratio(prefix, text[max(0, start - len(prefix)) : start])
    if suffix:
        score += fuzz.ratio(suffix, text[end : end + len(suffix)])
    return score, -abs(start - hint) if hint is not None else 0


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words and drop spaces at its ends."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return _trimmed(text, start, end)


def _refine(text: str, exact: str, start: int, end: int) -> tuple[int, int]:
    """Move the ends of an approximate match to where the words best match the quote.

    (A partial-ratio match is as long as the quote, so words added or removed inside it
    would otherwise cut it short or run it on.)
    """
    reach = min(FUZZY_REFINE_MAX, max(3, len(exact) // 10))
    ends = range(max(start + 1, end - reach), min(len(text), end + reach) + 1)
    end = max(ends, key=lambda e: (fuzz.ratio(exact, text[start:e]), -abs(e - end)))
    starts = range(max(0, start - reach), min(end - 1, start + reach) + 1)
    start = max(starts, key=lambda s: (fuzz.ratio(exact, text[s:end]), -abs(s - start)))
    return start, end


def _fuzzy(text: str, exact: str, hint: int | None) -> tuple[int, int] | None:
    if len(exact.strip()) < FUZZY_MIN_CHARS:
        return None
    windows = [(0, len(text))] if len(text) * len(exact) <= FUZZY_BUDGET else []
    if hint is not None:
        low = max(0, hint - FUZZY_WINDOW)
        windows.insert(0, (low, min(len(text), hint + len(exact) + FUZZY_WINDOW)))
    for low, high in windows:
        found = fuzz.partial_ratio_alignment(exact, text[low:high], score_cutoff=FUZZY_THRESHOLD)
        if found is not None and found.dest_end > found.dest_start:
            start, end = _refine(text, exact, low + found.dest_start, low + found.dest_end)
            span = _snap(text, start, end)
            if span[1] > span[0]:
                return span
    return None


def locate(
    text: str, exact: str, prefix: str = "", suffix: str = "", hint: int | None = None
) -> tuple[int, int] | None:
    """Where the quote ``exact`` is in ``text`` now, or None when its words are gone.

    Of several exact occurrences, the one whose surroundings best match ``prefix`` and
    ``suffix`` wins (then the one nearest ``hint``, the old start). Changed words are found
    approximately (rapidfuzz partial ratio of at least ``FUZZY_THRESHOLD``).
    """
    if not exact.strip():
        return None
    spans = _occurrences(text, exact)
    if spans:
        return max(spans, key=lambda span: _context_score(text, span, prefix, suffix, hint))
    return _fuzzy(text, exact, hint)


# ---- re-anchoring after a re-ingest ---------------------------------------------------

_RECORDS_IN_DOCUMENT = {
    "item": "SELECT ai.uid, ai.span_start, ai.span_end FROM agenda_item ai "
    "JOIN document d ON d.id = ai.document_id WHERE d.key = :path",
    **{
        kind: f"SELECT r.uid, r.span_start, r.span_end FROM {table} r "
        "JOIN agenda_item ai ON ai.id = r.item_id "
        "JOIN document d ON d.id = ai.document_id WHERE d.key = :path"
        for kind, table in _RECORD_TABLES.items()
    },
}


class _Records:
    """The records of each kind in one document, loaded when first asked for."""

    def __init__(self, session: Session, path: str) -> None:
        self.session, self.path = session, path
        self.loaded: dict[str, list[tuple[str, int, int]]] = {}

    def of(self, target_kind: str) -> list[tuple[str, int, int]]:
        kind = target_kind if target_kind in _RECORDS_IN_DOCUMENT else "item"
        if kind not in self.loaded:
            rows = self.session.execute(sql(_RECORDS_IN_DOCUMENT[kind]), {"path": self.path})
            self.loaded[kind] = [(str(uid), int(a), int(b)) for uid, a, b in rows]
        return self.loaded[kind]

    def holding(self, target_kind: str, start: int, end: int) -> str | None:
        """The uid of the record of this kind that contains (or most overlaps) the span."""
        best, best_key = None, (0, 0)
        for uid, a, b in self.of(target_kind):
            overlap = min(end, b) - max(start, a)
            key = (overlap, -(b - a))
            if overlap > 0 and (best is None or key > best_key):
                best, best_key = uid, key
        return best


_ANNOTATIONS_ON = """SELECT id, quote_exact, quote_prefix, quote_suffix, span_start, span_end,
       target_kind, target_uid, anchor_state, deleted_at IS NULL
FROM annotation WHERE document_key = :path ORDER BY id"""

_REATTACH = """UPDATE annotation SET span_start = :start, span_end = :end,
    quote_exact = :exact, quote_prefix = :prefix, quote_suffix = :suffix,
    target_uid = :target, anchor_state = 'attached' WHERE id = :id"""


def reanchor_document(session: Session, document_path: str, text: str) -> ReanchorReport:
    """Find every note on ``document_path`` again in its new ``text`` (see the module doc).

    Runs inside the caller's transaction, after the document's records were replaced. Notes
    are never deleted: one whose words are gone is marked "detached" and otherwise kept.
    Deleted notes are re-anchored too (so an undo brings them back in place) but not counted.
    """
    records = _Records(session, document_path)
    counts = {"attached": 0, "moved": 0, "detached": 0}
    rows = session.execute(sql(_ANNOTATIONS_ON), {"path": document_path}).all()
    for row in rows:
        outcome = _reanchor_one(session, records, text, row)
        if row[9]:
            counts[outcome] += 1
    return ReanchorReport(**counts)


def _reanchor_one(session: Session, records: _Records, text: str, row: Any) -> str:
    note_id, exact, prefix, suffix, old_start, old_end, target_kind, target_uid, state, _ = row
    span = locate(text, exact, prefix, suffix, old_start)
    if span is None:
        if state != "detached":
            session.execute(
                sql("UPDATE annotation SET anchor_state = 'detached' WHERE id = :id"),
                {"id": note_id},
            )
        return "detached"
    start, end = span
    new_exact, new_prefix, new_suffix = _context(text, start, end)
    target = records.holding(target_kind, start, end) or target_uid
    unchanged = (old_start, old_end, state, exact) == (start, end, "attached", new_exact)
    if (new_exact, new_prefix, new_suffix, target) != (exact, prefix, suffix, target_uid) or (
        not unchanged
    ):
        session.execute(
            sql(_REATTACH),
            {
                "id": note_id,
                "start": start,
                "end": end,
                "exact": new_exact,
                "prefix": new_prefix,
                "suffix": new_suffix,
                "target": target,
            },
        )
    return "attached" if unchanged else "moved"


# ---- W3C Web Annotation export and import ---------------------------------------------

_EXPORT = """SELECT uuid, body, kind, priority, tags, status, ask_at, anchor_state, quote_exact,
       quote_prefix, quote_suffix, span_start, span_end, target_kind, target_uid,
       document_key, created_at, updated_at
FROM annotation WHERE deleted_at IS NULL ORDER BY created_at, id"""


def _iso(value: Any) -> str:
    return _when(value).isoformat().replace("+00:00", "Z")


def _as_annotation(row: Any) -> dict[str, Any]:
    (uuid, body, kind, priority, tags, status, ask_at, anchor_state, exact, prefix, suffix,
     start, end, target_kind, target_uid, path, created, updated) = row  # fmt: skip
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}
    ]
    if start is not None and end is not None:
        selectors.append({"type": "TextPositionSelector", "start": start, "end": end})
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "value": body, "format": "text/markdown", "purpose": "commenting"}
    ]
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in _tags(tags)]
    return {
        "@context": ANNO_CONTEXT,
        "id": f"urn:uuid:{uuid}",
        "type": "Annotation",
        "created": _iso(created),
        "modified": _iso(updated),
        "motivation": "questioning" if kind == "question" else "commenting",
        "body": bodies,
        "target": {"source": path, "selector": selectors},
        "scrutiny": {
            "kind": kind,
            "priority": priority,
            "status": status,
            "ask_at": ask_at,
            "target_kind": target_kind,
            "target_uid": target_uid,
            "anchor_state": anchor_state,
        },
    }


def export_notes(store: Store) -> dict[str, Any]:
    """Every live note as a W3C Web Annotation, in an AnnotationCollection-like object."""
    with store.session() as session:
        items = [_as_annotation(row) for row in session.execute(sql(_EXPORT))]
    return {
        "@context": ANNO_CONTEXT,
        "type": "AnnotationCollection",
        "label": "scrutiny-tui notes",
        "total": len(items),
        "items": items,
    }


class _Malformed(ValueError):
    """One imported entry cannot be read; the message says why."""


@dataclass(frozen=True, slots=True)
class _Imported:
    uuid: str
    note: NoteInput
    status: str
    target_kind: str
    target_uid: str | None
    source: str | None
    exact: str
    prefix: str
    suffix: str
    start: int | None
    created: datetime
    modified: datetime


def _entries(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        return data["items"]
    if isinstance(data, dict) and data.get("type") == "Annotation":
        return [data]
    raise _Malformed("not a list of annotations nor an object with an 'items' list")


def _uuid_of(entry: dict[str, Any]) -> str:
    raw = entry.get("id")
    if not isinstance(raw, str) or not raw.strip():
        raise _Malformed("it has no id")
    try:
        return str(uuid_module.UUID(raw.strip().removeprefix("urn:uuid:")))
    except ValueError as exc:
        raise _Malformed(f"its id {raw[:60]!r} is not a urn:uuid") from exc


def _bodies(entry: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    raw = entry.get("body")
    bodies = raw if isinstance(raw, list) else [raw]
    text, tags = "", []
    for body in bodies:
        if isinstance(body, str):
            text = text or body
        elif isinstance(body, dict) and isinstance(body.get("value"), str):
            if body.get("purpose") == "tagging":
                tags.append(body["value"])
            elif not text:
                text = body["value"]
    return text, tuple(tags)


def _selectors(target: Any) -> dict[str, dict[str, Any]]:
    raw = target.get("selector") if isinstance(target, dict) else None
    found = raw if isinstance(raw, list) else [raw]
    return {s["type"]: s for s in found if isinstance(s, dict) and isinstance(s.get("type"), str)}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _time(value: Any, default: datetime) -> datetime:
    try:
        return _when(str(value).replace("Z", "+00:00")).astimezone(UTC) if value else default
    except ValueError:
        return default


def _read_entry(entry: Any, now: datetime) -> _Imported:
    if not isinstance(entry, dict):
        raise _Malformed("it is not a JSON object")
    uuid = _uuid_of(entry)
    extra = entry.get("scrutiny") if isinstance(entry.get("scrutiny"), dict) else {}
    text, tags = _bodies(entry)
    default_kind = "question" if entry.get("motivation") == "questioning" else "concern"
    target = entry.get("target")
    source = target if isinstance(target, str) else None
    if isinstance(target, dict):
        source = target.get("source") if isinstance(target.get("source"), str) else None
    selectors = _selectors(target)
    quote = selectors.get("TextQuoteSelector", {})
    start = selectors.get("TextPositionSelector", {}).get("start")
    try:
        note = NoteInput(
            text,
            extra.get("kind") or default_kind,
            extra.get("priority") or "normal",
            tags,
            _text(extra.get("ask_at")) or None,
        )
        status = _choice("status", extra.get("status") or "open", STATUSES)
        target_kind = _choice("target kind", extra.get("target_kind") or "passage", TARGET_KINDS)
    except (ValueError, AttributeError, TypeError) as exc:
        raise _Malformed(str(exc)) from exc
    return _Imported(
        uuid, note, status, target_kind, _text(extra.get("target_uid")) or None, source,
        _text(quote.get("exact")), _text(quote.get("prefix")), _text(quote.get("suffix")),
        start if isinstance(start, int) and not isinstance(start, bool) else None,
        _time(entry.get("created"), now), _time(entry.get("modified"), now),
    )  # fmt: skip


def _anchor(session: Session, item: _Imported) -> dict[str, Any]:
    """The anchor columns for an imported note: found in its document's text, or detached."""
    fields: dict[str, Any] = {
        "document_key": item.source,
        "quote_exact": item.exact,
        "quote_prefix": item.prefix,
        "quote_suffix": item.suffix,
        "span_start": None,
        "span_end": None,
        "anchor_state": "detached",
        "target_uid": item.target_uid,
    }
    text = None
    if item.source:
        text = session.execute(
            sql("SELECT text FROM document WHERE key = :path"), {"path": item.source}
        ).scalar()
    span = locate(text, item.exact, item.prefix, item.suffix, item.start) if text else None
    if text and span:
        start, end = span
        exact, prefix, suffix = _context(text, start, end)
        holder = _Records(session, str(item.source)).holding(item.target_kind, start, end)
        fields.update(
            quote_exact=exact,
            quote_prefix=prefix,
            quote_suffix=suffix,
            span_start=start,
            span_end=end,
            anchor_state="attached",
            target_uid=holder or item.target_uid,
        )
    return fields


def _same(row: Annotation, item: _Imported) -> bool:
    """Whether the stored note already says what the imported one says."""
    note = item.note
    mine = (row.body, row.kind, row.priority, _tags(row.tags), row.ask_at, row.status)
    theirs = (note.body, note.kind, note.priority, note.tags, note.ask_at, item.status)
    where = (row.document_key, row.target_kind) == (item.source, item.target_kind)
    return row.deleted_at is None and mine == theirs and where


def _store_entry(session: Session, item: _Imported) -> str:
    """Add or update one note; returns "added", "updated", "skipped" or "newer" (the note
    here was edited after the imported copy, so it is kept)."""
    row = session.exec(_by_uuid(item.uuid)).first()
    if row is not None and _same(row, item):
        return "skipped"
    if row is not None and row.deleted_at is None and _when(row.updated_at) > item.modified:
        return "newer"
    fields = {
        **_fields(item.note),
        **_anchor(session, item),
        "status": item.status,
        "target_kind": item.target_kind,
        "updated_at": item.modified,
        "deleted_at": None,
    }
    if row is None:
        session.add(Annotation(uuid=item.uuid, created_at=item.created, **fields))
        return "added"
    for name, value in fields.items():
        setattr(row, name, value)
    session.add(row)
    return "updated"


def _by_uuid(uuid: str) -> Any:
    return select(Annotation).where(Annotation.uuid == uuid)


def import_notes(store: Store, data: Any) -> ImportReport:
    """Add or update notes from W3C Web Annotation JSON (as :func:`export_notes` writes).

    Idempotent by id: a note already here unchanged is skipped. Each note is anchored by its
    quote in the current text of its document, or kept detached. Entries that cannot be read
    are listed in ``problems``; the rest are imported.
    """
    report = ImportReport()
    try:
        entries = _entries(data)
    except _Malformed as exc:
        report.problems.append(f"nothing imported: {exc}")
        return report
    now = _now()
    seen: set[str] = set()
    with store.writing() as session:
        for number, entry in enumerate(entries, 1):
            try:
                item = _read_entry(entry, now)
            except _Malformed as exc:
                report.problems.append(f"entry {number} skipped: {exc}")
                continue
            if item.uuid in seen:
                report.problems.append(f"entry {number} skipped: id repeats an earlier entry")
                continue
            seen.add(item.uuid)
            outcome = _store_entry(session, item)
            if outcome == "newer":
                report.problems.append(
                    f"entry {number} skipped: the note here was edited after it was exported"
                )
                outcome = "skipped"
            setattr(report, outcome, getattr(report, outcome) + 1)
            session.flush()
    return report
