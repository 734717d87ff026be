"""Ingest: files and folders of minutes into the store.

Idempotent by content: a file whose bytes are unchanged is skipped; a changed file has its
parsed records replaced inside one transaction, after which the member's tracking is moved
to the records' new uids and their notes are re-anchored to the same words. One bad file
never stops a run: it is reported with its reason and skipped.

Files are read and parsed in a process pool when there are enough of them to pay for it;
the store is written by this process alone, in batches.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlmodel import Session

from scrutiny_tui.extract import ExtractError, load_document, supported_suffixes
from scrutiny_tui.parser import ParsedDocument, parse_text
from scrutiny_tui.services.same_meeting import absorb_file
from scrutiny_tui.store.db import Store
from scrutiny_tui.store.records import (
    DocumentFacts,
    KnownDocument,
    PeopleCache,
    WriteCounts,
    known_documents,
    record_texts,
    rename_uids,
    touch_document,
    tracked_uids,
    write_document,
)

Progress = Callable[[int, int, str], None]

NOT_MINUTES = "not minutes: no agenda items found"
POOL_THRESHOLD = 24  # fewer files than this parse faster in-process than a pool starts
CHUNK = 8  # files a worker parses per task
WINDOW_PER_WORKER = 64  # files read ahead per worker process
BATCH_ITEMS = 1_000  # items per transaction: about a second of holding the write lock
SAME_RECORD_SCORE = 85  # rapidfuzz WRatio, within the same item, for "the same record, edited"


@dataclass(frozen=True, slots=True)
class FileProblem:
    path: str
    reason: str


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: list[FileProblem] = field(default_factory=list)
    counts: WriteCounts = field(default_factory=WriteCounts)
    formats: Counter[str] = field(default_factory=Counter)
    notes_detached: int = 0
    merged: int = 0  # files whose meeting was synced from its site already: kept as one
    seconds: float = 0.0

    @property
    def files(self) -> int:
        return self.new + self.changed + self.unchanged + len(self.failed)

    def describe(self) -> str:
        """A short report for the terminal or the import dialog."""
        c = self.counts
        lines = [
            f"{self.files} files: {self.new} new, {self.changed} changed, "
            f"{self.unchanged} unchanged, {len(self.failed)} failed",
            f"{c.items} items, {c.resolutions} resolutions, {c.recommendations} "
            f"recommendations, {c.actions} actions read in {self.seconds:.1f} s",
        ]
        if self.formats:
            lines.append(
                "formats: " + ", ".join(f"{n} {f}" for f, n in sorted(self.formats.items()))
            )
        if self.merged:
            one = self.merged == 1
            lines.append(
                f"{self.merged} file{'' if one else 's'} held a meeting already synced from its "
                "site: kept as one meeting, with your notes"
            )
        if self.notes_detached:
            one = self.notes_detached == 1
            lines.append(
                f"{self.notes_detached} note{'' if one else 's'} could not be placed in the "
                f"changed minutes; {'it is' if one else 'they are'} kept and shown as detached"
            )
        lines += [f"failed: {problem.path}: {problem.reason}" for problem in self.failed]
        return "\n".join(lines)


@dataclass(slots=True)
class _Prepared:
    """One file read and parsed, ready to be written."""

    path: str
    facts: DocumentFacts | None = None
    parsed: ParsedDocument | None = None
    problem: str | None = None


def ingest_paths(
    store: Store,
    paths: Sequence[Path | str],
    *,
    progress: Progress | None = None,
    workers: int | None = None,
) -> IngestSummary:
    """Ingest files and folders (recursively); see the module docstring."""
    started = time.perf_counter()
    summary = IngestSummary()
    files = collect_files([Path(p) for p in paths], summary.failed)
    with store.session() as session:
        known = known_documents(_raw(session))
    todo: list[Path] = []
    touched: list[tuple[int, int, int]] = []
    for done, path in enumerate(files, 1):
        if _unchanged(path, known.get(str(path)), touched):
            summary.unchanged += 1
            if progress:
                progress(done, len(files), str(path))
        else:
            todo.append(path)
    if touched:
        with store.writing() as session:
            conn = _raw(session)
            for doc_id, size, mtime_ns in touched:
                touch_document(conn, doc_id, size, mtime_ns)
    base = summary.unchanged
    prepared = _prepare_all(todo, workers)
    _write_all(store, prepared, known, summary, progress, base, len(files))
    summary.seconds = time.perf_counter() - started
    return summary


def collect_files(paths: Iterable[Path], problems: list[FileProblem]) -> list[Path]:
    """Files named, and the minutes files under folders named (.txt and .md first)."""
    suffixes = supported_suffixes()
    found: dict[Path, None] = {}
    for path in paths:
        path = path.expanduser()
        if path.is_file():
            found[path.resolve()] = None
        elif path.is_dir():
            for file in _walk(path):
                if file.suffix.lower() in suffixes:
                    found[file.resolve()] = None
        else:
            problems.append(FileProblem(str(path), "no such file or folder"))
    first = {".txt", ".md", ".markdown"}
    return sorted(found, key=lambda p: (p.suffix.lower() not in first, str(p)))


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):  # symlinked folders are not followed
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(root, name)


def _unchanged(
    path: Path, known: KnownDocument | None, touched: list[tuple[int, int, int]]
) -> bool:
    """Whether a stored file is unchanged: same size and mtime, or else the same bytes."""
    if known is None:
        return False
    try:
        stat = path.stat()
    except OSError:
        return False  # load_document reports why
    if known.size == stat.st_size and known.mtime_ns == stat.st_mtime_ns:
        return True
    if _sha256(path) == known.sha256:
        touched.append((known.id, stat.st_size, stat.st_mtime_ns))
        return True
    return False


def _sha256(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None  # load_document reports why


def prepare_file(path: Path) -> _Prepared:
    """Read and parse one file (in a worker process when there are many)."""
    key = str(path)
    try:
        doc = load_document(path)
    except ExtractError as exc:
        return _Prepared(key, problem=str(exc))
    except Exception as exc:  # a reader's bug must not end the run
        return _Prepared(key, problem=f"could not read: {type(exc).__name__}: {exc}")
    try:
        parsed = parse_text(
            doc.text, source=key, sha256=doc.sha256, format=doc.format, metadata=doc.metadata
        )
    except Exception as exc:
        return _Prepared(key, problem=f"could not parse: {type(exc).__name__}: {exc}")
    if not parsed.items:
        return _Prepared(key, problem=NOT_MINUTES)
    try:
        mtime_ns: int | None = path.stat().st_mtime_ns
    except OSError:
        mtime_ns = None
    facts = DocumentFacts(key, doc.sha256, doc.format, doc.size, mtime_ns)
    return _Prepared(key, facts=facts, parsed=parsed)


def _prepare_all(paths: list[Path], workers: int | None) -> Iterator[_Prepared]:
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if workers <= 1 or len(paths) < POOL_THRESHOLD:
        yield from map(prepare_file, paths)
        return
    done = 0
    try:
        # spawn, not fork: the app calls this from a worker thread, and forking a threaded
        # process can copy a held lock into the child.
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            for prepared in _in_order(pool, paths, window=workers * WINDOW_PER_WORKER):
                done += 1
                yield prepared
    except (BrokenProcessPool, OSError):
        # Worker processes cannot start here (an embedding host, a locked-down machine):
        # parse the rest in this process rather than fail the run.
        yield from map(prepare_file, paths[done:])


def _in_order(pool: ProcessPoolExecutor, paths: list[Path], window: int) -> Iterator[_Prepared]:
    """Results in order, with at most ``window`` files in flight: parsed documents wait in
    memory only as long as the writer needs to catch up."""
    pending: deque[Future[list[_Prepared]]] = deque()
    chunks = (paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK))
    for chunk in chunks:
        pending.append(pool.submit(_prepare_chunk, chunk))
        if len(pending) * CHUNK >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _prepare_chunk(paths: list[Path]) -> list[_Prepared]:
    return [prepare_file(path) for path in paths]


def _write_all(
    store: Store,
    prepared: Iterator[_Prepared],
    known: dict[str, KnownDocument],
    summary: IngestSummary,
    progress: Progress | None,
    done: int,
    total: int,
) -> None:
    batch: list[_Prepared] = []
    pending_items = 0
    for entry in prepared:
        done += 1
        if progress:
            progress(done, total, entry.path)
        if entry.problem is not None or entry.parsed is None:
            summary.failed.append(FileProblem(entry.path, entry.problem or "unreadable"))
            continue
        batch.append(entry)
        pending_items += len(entry.parsed.items)
        if pending_items >= BATCH_ITEMS:
            _write_batch(store, batch, known, summary)
            batch, pending_items = [], 0
    if batch:
        _write_batch(store, batch, known, summary)


def _write_batch(
    store: Store, batch: list[_Prepared], known: dict[str, KnownDocument], summary: IngestSummary
) -> None:
    now = datetime.now(UTC)
    with store.writing() as session:
        conn = _raw(session)
        people = PeopleCache(conn)
        for entry in batch:
            assert entry.facts is not None and entry.parsed is not None
            conn.execute("SAVEPOINT one_document")
            try:
                _write_one(session, conn, entry, known, people, now, summary)
            except sqlite3.Error as exc:
                conn.execute("ROLLBACK TO one_document")
                summary.failed.append(FileProblem(entry.path, f"could not store: {exc}"))
            conn.execute("RELEASE one_document")


def _write_one(
    session: Session,
    conn: sqlite3.Connection,
    entry: _Prepared,
    known: dict[str, KnownDocument],
    people: PeopleCache,
    now: datetime,
    summary: IngestSummary,
) -> None:
    assert entry.facts is not None and entry.parsed is not None
    existing = known.get(entry.path)
    if existing is not None and existing.sha256 == entry.facts.sha256:
        summary.unchanged += 1  # listed twice on the command line, say
        return
    before = record_texts(conn, existing.id) if existing else {}
    doc_id, counts = write_document(conn, entry.facts, entry.parsed, now, people, existing)
    known[entry.path] = KnownDocument(doc_id, entry.facts.sha256)
    summary.counts.add(counts)
    summary.formats[entry.facts.format] += 1
    if existing is None:
        summary.new += 1  # notes imported before their minutes find their words now
    else:
        summary.changed += 1
        _follow_edited_records(conn, before, record_texts(conn, doc_id))
    if conn.execute(
        "SELECT 1 FROM annotation WHERE document_key = ? LIMIT 1", (entry.path,)
    ).fetchone():
        summary.notes_detached += _reanchor_notes(session, entry.path, entry.parsed.text)
    if entry.parsed.meeting.date and absorb_file(session, conn, doc_id):
        summary.merged += 1


def _follow_edited_records(
    conn: sqlite3.Connection,
    before: dict[str, tuple[str, str, str]],
    after: dict[str, tuple[str, str, str]],
) -> None:
    """Move the member's tracking from records whose words were edited to their new uids."""
    gone = [uid for uid in before if uid not in after]
    if not gone:
        return
    claimed = set(after) & set(before)
    renames: dict[str, str] = {}
    for old in sorted(tracked_uids(conn, gone)):
        kind, item_uid, text = before[old]
        candidates = {
            uid: new_text
            for uid, (new_kind, new_item, new_text) in after.items()
            if new_kind == kind and new_item == item_uid and uid not in claimed
        }
        best = process.extractOne(text, candidates, scorer=fuzz.WRatio)
        if best is not None and best[1] >= SAME_RECORD_SCORE:
            renames[old] = best[2]
            claimed.add(best[2])
    rename_uids(conn, renames)


def _reanchor_notes(session: Session, path: str, text: str) -> int:
    """Re-attach the member's notes on a document; returns how many are detached."""
    from scrutiny_tui.services.notes import reanchor_document

    session.flush()
    return reanchor_document(session, path, text).detached


def _raw(session: Session) -> sqlite3.Connection:
    return session.connection().connection.driver_connection  # type: ignore[return-value]
