"""Moving between a member's own store and the team store (``scrutiny db copy``).

Everything one store holds is copied into another, either way between a SQLite file and a
team store on PostgreSQL: the minutes (each document with its meetings, items, decisions,
actions, people and attendance), the sites followed and what was synced from
them, meeting corrections, topics and choices about people, the tracker (statuses with their
history, actions done) and the member's notes.

A copy adds, it never takes away, and a second copy adds nothing:

- a document is matched by its key; one the destination holds already is kept as it is
  there (with its records), even where its text differs; the missing ones are added with
  every record, their row ids mapped to the destination's;
- a tracking row is matched by uid and the newer ``updated_at`` wins; a status change by
  (uid, status, when); an action's state by uid, a "done" winning over "not done";
- a note is matched by its uuid and the newer ``updated_at`` wins; none is ever deleted.

Notes are the connecting member's: the notes the source's member owns (or that have no
owner) become the destination's member's, because a team store takes notes only from their
owner (row-level security). Other members' notes (team notes copied from a team store) keep
their owner and visibility in a member's own file, and are left out of a team store. Status
changes and actions done by the source's member are recorded as done by the destination's.

Each side is one transaction: the source is read as one snapshot, and the destination is
written in one transaction, so a copy that fails or is killed midway leaves it as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from scrutiny_tui.config import is_database_url, printable_target
from scrutiny_tui.store import copy as rows
from scrutiny_tui.store.db import (
    Connection,
    DatabaseError,
    Store,
    StoreError,
    is_postgres,
    member_name,
    open_store,
)
from scrutiny_tui.store.records import index_items
from scrutiny_tui.store.statistics import refresh_statistics
from scrutiny_tui.store.values import read_time


class CopyError(Exception):
    """The copy cannot be made; the message says why, in one line. Nothing was changed."""


@dataclass
class Counts:
    """Rows of each kind (copied, or found already there)."""

    documents: int = 0
    meetings: int = 0
    items: int = 0
    tracking: int = 0
    status_changes: int = 0
    actions_done: int = 0
    action_states: int = 0
    notes: int = 0
    sources: int = 0
    synced_meetings: int = 0
    meeting_edits: int = 0
    topics: int = 0
    person_choices: int = 0

    def total(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


@dataclass
class CopyReport:
    """What a copy did: rows copied, rows the destination had already, and what it left."""

    copied: Counts = field(default_factory=Counts)
    already: Counts = field(default_factory=Counts)
    #: documents the destination holds under the same key with another text: kept as there
    kept_documents: int = 0
    #: other members' notes a team store would not take from this member
    others_notes: int = 0

    def lines(self) -> list[str]:
        """The report as printed: one line of counts, then a line per thing left out."""
        copied = _parts(self.copied, meetings_with_items=True)
        already = _parts(self.already, meetings_with_items=False)
        line = f"copied {', '.join(copied)}" if copied else "copied nothing new"
        if already:
            line += f"; already there: {', '.join(already)}"
        out = [line]
        if self.kept_documents:
            out.append(
                f"kept the destination's own version of {_plural(self.kept_documents, 'document')}"
                f" that differ{'s' if self.kept_documents == 1 else ''} from this store's (the"
                " same minutes or file, another text)"
            )
        if self.others_notes:
            out.append(
                f"left out {_plural(self.others_notes, 'note')} of other members: a team "
                "store takes notes only from the member who owns them"
            )
        return out


def _parts(counts: Counts, *, meetings_with_items: bool) -> list[str]:
    parts: list[str] = []
    if counts.meetings or (meetings_with_items and counts.items):
        meetings = _plural(counts.meetings, "meeting")
        parts.append(
            f"{meetings} ({_plural(counts.items, 'item')})" if meetings_with_items else meetings
        )
    elif counts.documents:
        parts.append(_plural(counts.documents, "document"))
    if counts.tracking:
        parts.append(_plural(counts.tracking, "tracking status", "tracking statuses"))
    if counts.status_changes:
        parts.append(_plural(counts.status_changes, "status change"))
    if counts.actions_done:
        parts.append(_plural(counts.actions_done, "action done", "actions done"))
    others = counts.action_states - counts.actions_done
    if others:
        parts.append(_plural(others, "action marked not done", "actions marked not done"))
    if counts.notes:
        parts.append(_plural(counts.notes, "note"))
    for count, one, many in (
        (counts.sources, "site followed", "sites followed"),
        (counts.synced_meetings, "synced meeting", None),
        (counts.meeting_edits, "meeting correction", None),
        (counts.topics, "topic", None),
        (counts.person_choices, "choice about people", "choices about people"),
    ):
        if count:
            parts.append(_plural(count, one, many))
    return parts


# ---- opening the two sides ----------------------------------------------------------


def _printable(target: str) -> str:
    return printable_target(target)


def open_side(target: str, *, must_exist: bool) -> Store:
    """The store at ``target`` (a SQLite path or a ``postgresql://`` URL), refused with a
    :class:`CopyError` before anything is written when it cannot be reached or is not a
    scrutiny store. A source (``must_exist``) is never created."""
    if is_database_url(target):
        try:
            foreign = rows.postgres_foreign(target)
        except StoreError as exc:
            raise CopyError(str(exc)) from exc
        if foreign:
            raise CopyError(
                f"{_printable(target)} is not a scrutiny-tui database: {foreign}; "
                "nothing was written to it"
            )
    else:
        path = Path(target.removeprefix("sqlite:///")).expanduser()
        if must_exist and not path.is_file():
            raise CopyError(f"no store at {path}")
    try:
        return open_store(target)
    except StoreError as exc:
        raise CopyError(str(exc)) from exc


def same_store(first: Store, second: Store) -> bool:
    """Whether two opened stores are one (the same file, or the same team database reached
    by two URLs or as two members)."""
    if first.engine != second.engine:
        return False
    if first.engine == "sqlite":
        try:
            return os.path.samefile(first.path, second.path)
        except OSError:
            return Path(first.path).resolve() == Path(second.path).resolve()
    return rows.same_database(first.connection(), second.connection())


def copy_between(source_target: str, destination_target: str) -> CopyReport:
    """Open both stores and copy the first into the second (see :func:`copy_store`)."""
    if not is_database_url(source_target) and not is_database_url(destination_target):
        here = Path(source_target.removeprefix("sqlite:///")).expanduser().resolve()
        there = Path(destination_target.removeprefix("sqlite:///")).expanduser().resolve()
        if here == there:
            raise CopyError("cannot copy a store onto itself: give another store to copy to")
    source = open_side(source_target, must_exist=True)
    try:
        destination = open_side(destination_target, must_exist=False)
        try:
            return copy_store(source, destination)
        finally:
            destination.close()
    finally:
        source.close()


# ---- the copy -----------------------------------------------------------------------


def copy_store(source: Store, destination: Store) -> CopyReport:
    """Copy everything ``source`` holds (that its member may read) into ``destination``,
    in one transaction there; what was copied and what was there already."""
    if same_store(source, destination):
        raise CopyError("cannot copy a store onto itself: give another store to copy to")
    try:
        with source.read() as src, destination.write() as dst:
            rows.snapshot(src)
            report = _Copy(src, dst).run()
    except StoreError as exc:
        raise CopyError(f"{exc}; nothing was copied") from exc
    except DatabaseError as exc:
        detail = " ".join(str(exc).split())
        raise CopyError(
            f"{destination.describe()} refused the copy ({detail}); nothing was copied"
        ) from exc
    return report


def _newer(mine: Any, theirs: Any) -> bool:
    """Whether the time ``mine`` is later than ``theirs`` (a missing time is the oldest)."""
    a, b = read_time(mine), read_time(theirs)
    if a is None:
        return False
    return b is None or a > b


class _Copy:
    """One copy in progress: the two connections, the row ids mapped so far, the counts."""

    def __init__(self, src: Connection, dst: Connection) -> None:
        self.src = src
        self.dst = dst
        self.src_member = member_name(src)
        self.dst_member = member_name(dst)
        self.to_team = is_postgres(dst)
        self.report = CopyReport()
        self.documents: dict[int, int] = {}
        self.meetings: dict[int, int] = {}
        self.items: dict[int, int] = {}

    def run(self) -> CopyReport:
        new_documents = self._documents()
        self._records(new_documents)
        self._sources()
        self._keyed_by_newest("meeting_edit", "meeting_uid", "edited_at", "meeting_edits")
        self._topics()
        self._person_choices()
        self._keyed_by_newest("recommendation_tracking", "uid", "updated_at", "tracking")
        self._status_changes()
        self._action_states()
        self._notes()
        if self.report.copied.meetings:
            refresh_statistics(self.dst)
        return self.report

    def _who(self, name: Any) -> Any:
        """A name of who did something, as the destination's member where it was the
        source's."""
        return self.dst_member if name == self.src_member else name

    # -- minutes ----------------------------------------------------------------------

    def _documents(self) -> list[int]:
        there = rows.documents(self.dst)
        by_key = {key: (doc_id, sha) for doc_id, key, sha, _, _ in there if key is not None}
        paths = {path for _, _, _, path, _ in there}
        new: list[int] = []
        matched: list[int] = []
        holders: dict[int, int] = {}
        for doc_id, key, sha, path, same_as in rows.documents(self.src):
            found = by_key.get(key) if key is not None else None
            if found is not None:
                self.documents[doc_id] = found[0]
                matched.append(doc_id)
                if found[1] != sha:
                    self.report.kept_documents += 1
            elif path in paths:
                self.report.kept_documents += 1  # the path holds other minutes there
            else:
                new.append(doc_id)
                if same_as is not None:
                    holders[doc_id] = same_as
        for batch in rows.rows_where(self.src, "document", "id", new):
            for row in batch:
                new_id = rows.insert(self.dst, "document", row[1:])
                assert new_id is not None
                self.documents[row[0]] = new_id
        rows.set_same_as(
            self.dst,
            [
                (self.documents[doc], self.documents[holder])
                for doc, holder in holders.items()
                if holder in self.documents
            ],
        )
        self.report.copied.documents = len(new)
        self.report.already.documents = len(matched)
        meetings, items = rows.meeting_counts(self.src, matched)
        self.report.already.meetings, self.report.already.items = meetings, items
        return new

    def _records(self, new_documents: list[int]) -> None:
        meeting_at = rows.COLUMNS["meeting"].index("document_id")
        for batch in rows.rows_where(self.src, "meeting", "document_id", new_documents):
            for row in batch:
                values = list(row[1:])
                values[meeting_at] = self.documents[values[meeting_at]]
                new_id = rows.insert(self.dst, "meeting", values)
                assert new_id is not None
                self.meetings[row[0]] = new_id
        self.report.copied.meetings = len(self.meetings)
        columns = rows.COLUMNS["agenda_item"]
        meeting_col, document_col = columns.index("meeting_id"), columns.index("document_id")
        for batch in rows.rows_where(self.src, "agenda_item", "document_id", new_documents):
            for row in batch:
                values = list(row[1:])
                values[meeting_col] = self.meetings[values[meeting_col]]
                values[document_col] = self.documents[values[document_col]]
                new_id = rows.insert(self.dst, "agenda_item", values)
                assert new_id is not None
                self.items[row[0]] = new_id
        self.report.copied.items = len(self.items)
        for table in ("resolution", "recommendation", "action"):
            at = rows.COLUMNS[table].index("item_id")
            for batch in rows.rows_where(self.src, table, "item_id", self.items):
                written = []
                for row in batch:
                    values = list(row[1:])
                    values[at] = self.items[values[at]]
                    written.append(values)
                rows.insert_many(self.dst, table, written)
        if self.items:  # the items just written, all of them new to the index
            index_items(self.dst, min(self.items.values()), max(self.items.values()))
        self._attendance()

    def _attendance(self) -> None:
        if not self.meetings:
            return
        names = rows.person_rows(self.src)
        people = rows.people(self.dst)
        mapped: dict[int, int] = {}
        columns = rows.COLUMNS["attendance"]
        person_col, meeting_col = columns.index("person_id"), columns.index("meeting_id")
        item_col = columns.index("item_id")
        for batch in rows.rows_where(self.src, "attendance", "meeting_id", self.meetings):
            written = []
            for row in batch:
                values = list(row[1:])
                person = values[person_col]
                if person not in mapped:
                    name = names[person]
                    if name not in people:
                        people[name] = rows.add_person(self.dst, *name)
                    mapped[person] = people[name]
                values[person_col] = mapped[person]
                values[meeting_col] = self.meetings[values[meeting_col]]
                if values[item_col] is not None:
                    values[item_col] = self.items[values[item_col]]
                written.append(values)
            rows.insert_many(self.dst, "attendance", written)

    def _sources(self) -> None:
        there = rows.source_ids(self.dst)
        mapped: dict[int, int] = {}
        for batch in rows.rows(self.src, "source"):
            for row in batch:
                name = row[1]
                if name in there:
                    self.report.already.sources += 1
                else:
                    new_id = rows.insert(self.dst, "source", row[1:])
                    assert new_id is not None
                    there[name] = new_id
                    self.report.copied.sources += 1
                mapped[row[0]] = there[name]
        synced = rows.sync_keys(self.dst)
        source_col = rows.COLUMNS["sync_meeting"].index("source_id")
        key_col = rows.COLUMNS["sync_meeting"].index("meeting_key")
        for batch in rows.rows(self.src, "sync_meeting"):
            written = []
            for row in batch:
                values = list(row[1:])
                values[source_col] = mapped[values[source_col]]
                if (values[source_col], values[key_col]) in synced:
                    self.report.already.synced_meetings += 1
                    continue
                synced.add((values[source_col], values[key_col]))
                written.append(values)
            rows.insert_many(self.dst, "sync_meeting", written)
            self.report.copied.synced_meetings += len(written)

    def _topics(self) -> None:
        there = rows.keyed(self.dst, "topic", "name")
        for batch in rows.rows(self.src, "topic"):
            for row in batch:
                if row[1] in there:
                    self.report.already.topics += 1
                else:
                    rows.insert(self.dst, "topic", row[1:])
                    there[row[1]] = row[1:]
                    self.report.copied.topics += 1

    def _person_choices(self) -> None:
        there = rows.all_values(self.dst, "person_choice")
        for batch in rows.rows(self.src, "person_choice"):
            written = [row[1:] for row in batch if row[1:] not in there]
            rows.insert_many(self.dst, "person_choice", written)
            there.update(written)
            self.report.copied.person_choices += len(written)
            self.report.already.person_choices += len(batch) - len(written)

    def _keyed_by_newest(self, table: str, key: str, stamp: str, counter: str) -> None:
        """Rows matched by ``key``: a missing one is added, and the newer ``stamp`` wins."""
        there = rows.keyed(self.dst, table, key)
        at = rows.COLUMNS[table].index(stamp)
        copied = already = 0
        for batch in rows.rows(self.src, table):
            for values in batch:
                theirs = there.get(values[0])
                if theirs is None:
                    rows.insert(self.dst, table, values)
                    copied += 1
                elif _newer(values[at], theirs[at]):
                    rows.replace(self.dst, table, key, values)
                    copied += 1
                else:
                    already += 1
        setattr(self.report.copied, counter, copied)
        setattr(self.report.already, counter, already)

    # -- the tracker ------------------------------------------------------------------

    def _status_changes(self) -> None:
        columns = rows.COLUMNS["status_change"]
        when_col, who_col = columns.index("changed_at"), columns.index("changed_by")

        def key(values: tuple[Any, ...]) -> tuple[Any, ...]:
            return (values[0], values[1], read_time(values[when_col]))

        there = {key(values) for values in rows.all_values(self.dst, "status_change")}
        for batch in rows.rows(self.src, "status_change"):
            written = []
            for row in batch:
                values = list(row[1:])
                if key(row[1:]) in there:
                    self.report.already.status_changes += 1
                    continue
                there.add(key(row[1:]))
                values[who_col] = self._who(values[who_col])
                written.append(values)
            rows.insert_many(self.dst, "status_change", written)
            self.report.copied.status_changes += len(written)

    def _action_states(self) -> None:
        there = rows.keyed(self.dst, "action_state", "uid")
        columns = rows.COLUMNS["action_state"]
        done_col, who_col = columns.index("done"), columns.index("done_by")
        for batch in rows.rows(self.src, "action_state"):
            for row in batch:
                values = list(row)
                values[who_col] = self._who(values[who_col])
                done = bool(values[done_col])
                theirs = there.get(values[0])
                if theirs is None:
                    rows.insert(self.dst, "action_state", values)
                elif done and not theirs[done_col]:
                    rows.replace(self.dst, "action_state", "uid", values)
                else:
                    self.report.already.action_states += 1
                    self.report.already.actions_done += int(done)
                    continue
                self.report.copied.action_states += 1
                self.report.copied.actions_done += int(done)

    # -- notes ------------------------------------------------------------------------

    def _notes(self) -> None:
        there = rows.keyed(self.dst, "annotation", "uuid")
        columns = rows.COLUMNS["annotation"]
        owner_col, stamp_col = columns.index("owner"), columns.index("updated_at")
        for batch in rows.rows(self.src, "annotation"):
            for row in batch:
                values = list(row[1:])
                owner = values[owner_col]
                mine = owner is None or owner == self.src_member
                if mine:
                    values[owner_col] = self.dst_member
                theirs = there.get(values[0])
                if theirs is not None:
                    if not _newer(values[stamp_col], theirs[stamp_col]):
                        self.report.already.notes += 1
                    elif self.to_team and theirs[owner_col] != self.dst_member:
                        self.report.others_notes += 1
                    else:
                        if not mine:  # another member's note in a member's own file
                            values[owner_col] = theirs[owner_col]
                        rows.replace(self.dst, "annotation", "uuid", values)
                        self.report.copied.notes += 1
                    continue
                if self.to_team and not mine:
                    self.report.others_notes += 1
                    continue
                if rows.insert(self.dst, "annotation", values, or_ignore=True) is None:
                    self.report.others_notes += 1  # its uuid is a note this member cannot read
                else:
                    self.report.copied.notes += 1
