"""Ingest: files and folders of minutes into the store.

Idempotent by content: a file whose bytes are unchanged is skipped; a changed file has its
parsed records replaced inside one transaction, after which the member's tracking is moved
to the records' new uids and their notes are re-anchored to the same words. One bad file
never stops a run: it is reported with its reason and skipped.

A document knows who it is (see ``store/documents.py``): the same bytes at a new path are
the same document moved (a moved folder re-imports nothing); the same bytes under a second
name, or the same meeting in another format, become further sources of one meeting; a file
that has gone from a folder being imported is marked missing, never deleted.

Files are read and parsed in worker processes when there are enough of them to pay for it;
each file has a time and memory budget (``services/parse_workers.py``), and one that spends
it is reported while the run goes on. The store is written by this process alone, in
batches. A fault of the store itself (a full disk, a read-only or damaged file) stops the
run with its reason in ``stopped``; what was committed before it is kept.

A file is judged by the stat() taken before it was read, so one that changes while it is
read is read again on the next run. A document another ingest stored meanwhile (three
imports of one folder at once) is counted unchanged, not failed.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rapidfuzz import fuzz, process

from scrutiny_tui.extract import ExtractError, load_document, supported_suffixes
from scrutiny_tui.parser import ParsedDocument, parse_text
from scrutiny_tui.safe_text import inline
from scrutiny_tui.services.parse_workers import FileBudget, WorkerPool, run_here
from scrutiny_tui.services.parsed_wire import PackedDocument, pack, unpack
from scrutiny_tui.services.reading_stamp import reading_stamp
from scrutiny_tui.services.same_meeting import absorb_file
from scrutiny_tui.store.db import Connection, DatabaseError, Store, StoreError, is_store_fault
from scrutiny_tui.store.documents import (
    KnownDocument,
    add_copy,
    document_key,
    filesystem_path,
    known_document,
    known_documents,
    mark_missing,
    move_document,
    set_parsed_with,
    storable_path,
    touch_document,
)
from scrutiny_tui.store.records import (
    DocumentFacts,
    PendingIndex,
    PeopleCache,
    WriteCounts,
    has_notes,
    record_texts,
    rename_uids,
    tracked_uids,
    write_document,
)
from scrutiny_tui.store.statistics import refresh_statistics

Progress = Callable[[int, int, str], None]

NOT_MINUTES = "not minutes: no agenda items found"
NOT_MINUTES_WARNING = "not minutes:"  # the parser's warning for an agenda or a report
POOL_THRESHOLD = 24  # fewer files than this parse faster in-process than a pool starts
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
    # stored, but read as something other than minutes (an agenda, an officer's report)
    doubtful: list[FileProblem] = field(default_factory=list)
    counts: WriteCounts = field(default_factory=WriteCounts)
    formats: Counter[str] = field(default_factory=Counter)
    notes_detached: int = 0
    merged: int = 0  # files whose meeting was synced from its site already: kept as one
    same_meeting: int = 0  # files holding a meeting stored from another file (a format)
    copies: int = 0  # the same bytes as a stored file, under another name
    moved: int = 0  # stored files found at a new path (their folder moved)
    missing: int = 0  # stored files gone from the folders imported: marked, kept
    stopped: str | None = None  # why the run stopped early (a fault of the store), if it did
    seconds: float = 0.0

    @property
    def files(self) -> int:
        return (
            self.new + self.changed + self.unchanged + self.copies + self.moved + len(self.failed)
        )

    def describe(self) -> str:
        """A short report for the terminal or the import dialog."""
        c = self.counts
        found = [f"{self.moved} moved"] if self.moved else []
        found += [f"{self.copies} cop{'y' if self.copies == 1 else 'ies'}"] if self.copies else []
        lines = [
            f"{self.files} files: {self.new} new, {self.changed} changed, "
            f"{self.unchanged} unchanged, " + ", ".join([*found, f"{len(self.failed)} failed"]),
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
        if self.same_meeting:
            one = self.same_meeting == 1
            lines.append(
                f"{self.same_meeting} file{'' if one else 's'} held a meeting stored from "
                "another file (another format or copy): kept as one meeting with several sources"
            )
        if self.copies:
            one = self.copies == 1
            lines.append(
                f"{self.copies} file{'' if one else 's'} repeated a stored file's bytes under "
                "another name: recorded as a further source, not read again"
            )
        if self.missing:
            one = self.missing == 1
            lines.append(
                f"{self.missing} stored file{' has' if one else 's have'} gone from the folders "
                "imported: marked missing; the minutes and your notes are kept"
            )
        if self.notes_detached:
            one = self.notes_detached == 1
            lines.append(
                f"{self.notes_detached} note{'' if one else 's'} could not be placed in the "
                f"changed minutes; {'it is' if one else 'they are'} kept and shown as detached"
            )
        lines += [
            f"stored, but {problem.reason}: {inline(problem.path)}" for problem in self.doubtful
        ]
        lines += [f"failed: {inline(problem.path)}: {problem.reason}" for problem in self.failed]
        if self.stopped:
            lines.append(f"stopped: {self.stopped}; the files counted above as stored are kept")
        return "\n".join(lines)

    def add(self, other: IngestSummary) -> None:
        """Count a batch's files once its transaction has committed."""
        self.new += other.new
        self.changed += other.changed
        self.unchanged += other.unchanged
        self.failed += other.failed
        self.doubtful += other.doubtful
        self.counts.add(other.counts)
        self.formats += other.formats
        self.notes_detached += other.notes_detached
        self.merged += other.merged
        self.same_meeting += other.same_meeting


@dataclass(frozen=True, slots=True)
class FoundFile:
    """A file to ingest and its logical source: its path inside the folder named.

    The path is kept as a string: a region's archive holds hundreds of thousands of files,
    and a Path object each (its parts parsed and kept) took 320 MB at 372k files."""

    full: str
    relpath: str

    @property
    def path(self) -> Path:
        return Path(self.full)

    @property
    def key(self) -> str:
        """The path as the store keeps it (see ``storable_path``)."""
        return storable_path(self.full)


@dataclass(slots=True)
class _Prepared:
    """One file read and parsed, ready to be written."""

    path: str
    facts: DocumentFacts | None = None
    parsed: ParsedDocument | None = None
    problem: str | None = None
    existing: KnownDocument | None = None  # the stored document it replaces


@dataclass(slots=True)
class _Plan:
    """What each file found needs, decided from the store before anything is parsed."""

    parse: list[tuple[FoundFile, KnownDocument | None]] = field(default_factory=list)
    touched: list[tuple[int, int, int, str]] = field(default_factory=list)
    moved: list[tuple[int, FoundFile, int, int]] = field(default_factory=list)
    copies: list[tuple[int, FoundFile, int, int]] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)


def ingest_paths(
    store: Store,
    paths: Sequence[Path | str],
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    budget: FileBudget | None = None,
) -> IngestSummary:
    """Ingest files and folders (recursively); see the module docstring."""
    started = time.perf_counter()
    summary = IngestSummary()
    roots = [Path(p).expanduser() for p in paths]
    files = collect_files(roots, summary.failed)
    try:
        _ingest(store, roots, files, summary, progress, workers, budget or FileBudget())
    except StoreError as exc:
        summary.stopped = str(exc)
    summary.seconds = time.perf_counter() - started
    return summary


def _ingest(
    store: Store,
    roots: list[Path],
    files: list[FoundFile],
    summary: IngestSummary,
    progress: Progress | None,
    workers: int | None,
    budget: FileBudget,
) -> None:
    with store.read() as conn:
        known = known_documents(conn)
    plan = _plan(files, known, summary, progress)
    now = datetime.now(UTC)
    if plan.touched or plan.moved or plan.copies:
        with store.write() as conn:
            _apply_plan(conn, plan, summary, now)
    base = len(files) - len(plan.parse)
    prepared = _prepare_all(plan.parse, workers, budget)
    try:
        _write_all(store, prepared, summary, progress, base, len(files), plan.seen)
    finally:
        prepared.close()  # stops the worker processes if writing stopped early
    summary.missing = _mark_missing(store, roots, known, plan.seen, now)
    if summary.new or summary.changed:
        with store.write() as conn:
            refresh_statistics(conn)


def _apply_plan(conn: Connection, plan: _Plan, summary: IngestSummary, now: datetime) -> None:
    """Record the unchanged, moved and copied files. Another ingest may have recorded the
    same file since the plan was made: then it is unchanged here."""
    for doc_id, size, mtime_ns, relpath in plan.touched:
        touch_document(conn, doc_id, size, mtime_ns, relpath)
    for doc_id, found, size, mtime_ns in plan.moved:
        there = known_document(conn, found.key)
        if there is None:
            move_document(conn, doc_id, found.key, storable_path(found.relpath), size, mtime_ns)
        else:
            plan.seen.add(there.id)
            summary.moved -= 1
            summary.unchanged += 1
    for holder, found, size, mtime_ns in plan.copies:
        there = known_document(conn, found.key)
        if there is None:
            copy_id = add_copy(
                conn, holder, found.key, storable_path(found.relpath), size, mtime_ns, now
            )
            plan.seen.add(copy_id)
        else:
            plan.seen.add(there.id)
            summary.copies -= 1
            summary.unchanged += 1


def collect_files(paths: Iterable[Path], problems: list[FileProblem]) -> list[FoundFile]:
    """Files named, and the minutes files under folders named (.txt and .md first), each with
    its path relative to the folder named (a file named alone: its own name). What cannot be
    followed (a symbolic link loop, a folder that cannot be read) is reported and skipped."""
    suffixes = supported_suffixes()
    found: dict[str, str] = {}  # resolved path: relpath
    for path in paths:
        path = path.expanduser()
        if path.is_file():
            resolved = _resolved(path, problems)
            if resolved is not None:
                found.setdefault(str(resolved), path.name)
        elif path.is_dir():
            top = _resolved(path, problems)
            if top is None:
                continue
            inside = str(top) + os.sep
            for full, relpath, is_link in _walk(path, problems):
                if os.path.splitext(relpath)[1].lower() in suffixes:
                    # Folders met on the walk are real (symlinked ones are not followed), so
                    # only a file that is itself a link needs resolving: resolving every file
                    # took most of a re-ingest's time.
                    if is_link:
                        linked = _resolved(Path(full), problems)
                        if linked is not None:
                            found.setdefault(str(linked), relpath)
                    else:
                        found.setdefault(inside + relpath.replace("/", os.sep), relpath)
        elif _resolved(path, problems) is not None:
            problems.append(FileProblem(storable_path(str(path)), "no such file or folder"))
    first = {".txt", ".md", ".markdown"}
    ordered = sorted(found, key=lambda p: (os.path.splitext(p)[1].lower() not in first, p))
    return [FoundFile(path, found[path]) for path in ordered]


def _resolved(path: Path, problems: list[FileProblem]) -> Path | None:
    """``path`` with its symbolic links followed; None (and the reason reported) when they
    loop back on themselves."""
    try:
        return path.resolve()
    except (RuntimeError, OSError) as exc:  # RuntimeError: "Symlink loop" before 3.13
        reason = "a symbolic link loop: it points back to itself"
        if isinstance(exc, OSError) and exc.errno != errno.ELOOP:
            reason = f"cannot follow it: {exc.strerror or exc}"
        problems.append(FileProblem(storable_path(str(path)), reason))
        return None


def _walk(folder: Path, problems: list[FileProblem]) -> Iterator[tuple[str, str, bool]]:
    """(path, path relative to ``folder`` with "/" between its parts, whether it is a
    symbolic link) of each file under it, in name order. Folders that are symbolic links
    are not followed; the directory listing says what is a link, without a stat per file."""

    def unreadable(where: str, exc: OSError) -> None:
        shown = storable_path(str(exc.filename or where))
        problems.append(FileProblem(shown, f"cannot read this folder: {exc.strerror or exc}"))

    pending = [(str(folder), "")]
    while pending:
        root, prefix = pending.pop()
        try:
            with os.scandir(root) as listing:
                entries = sorted(
                    (e for e in listing if not e.name.startswith(".")), key=lambda e: e.name
                )
        except OSError as exc:
            unreadable(root, exc)
            continue
        folders = []
        for entry in entries:
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                folders.append((entry.path, prefix + entry.name + "/"))
            elif not entry.is_symlink():
                yield entry.path, prefix + entry.name, False
            elif not _links_to_folder(entry):
                yield entry.path, prefix + entry.name, True
        pending.extend(reversed(folders))  # the first folder next: name order throughout


def _links_to_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False  # a link that loops or leads nowhere: reported when it is resolved


def _plan(
    files: list[FoundFile],
    known: dict[str, KnownDocument],
    summary: IngestSummary,
    progress: Progress | None,
) -> _Plan:
    """Sort the files into unchanged, moved, copies and those to parse. A file at a stored
    path is judged by its stat() (or its bytes, when the stat changed); a file at a new path
    by its bytes (a stored document's: moved, or copied) and then by its logical source (a
    stored file gone from the same place inside its folder: moved and edited)."""
    plan = _Plan()
    by_sha: dict[str, list[KnownDocument]] = {}
    by_relpath: dict[str, list[KnownDocument]] = {}
    for doc in known.values():
        by_sha.setdefault(doc.sha256, []).append(doc)
        if doc.relpath:
            by_relpath.setdefault(doc.relpath, []).append(doc)
    claimed: set[int] = set()  # documents a moved file took this run
    for done, found in enumerate(files, 1):
        path = found.key
        try:
            stat = found.path.stat()
        except OSError:
            plan.parse.append((found, None))  # load_document reports why
            continue
        stored = known.get(path)
        if stored is not None:
            plan.seen.add(stored.id)
            fresh = stored.size == stat.st_size and stored.mtime_ns == stat.st_mtime_ns
            # Read by an older reading of minutes: read again, as a changed file is.
            current = stored.parsed_with == reading_stamp()
            if current and fresh and not stored.missing and stored.relpath == found.relpath:
                summary.unchanged += 1
            elif current and (fresh or _sha256(found.path) == stored.sha256):
                plan.touched.append((stored.id, stat.st_size, stat.st_mtime_ns, found.relpath))
                summary.unchanged += 1
            else:
                plan.parse.append((found, stored))
                continue
        elif holders := (by_sha.get(_sha256(found.path) or "") if by_sha else None):
            # the bytes of a stored file: moved there if that file has gone, else a copy
            gone = _gone(holders, claimed)
            if gone is not None:
                claimed.add(gone.id)
                plan.seen.add(gone.id)
                plan.moved.append((gone.id, found, stat.st_size, stat.st_mtime_ns))
                summary.moved += 1
            else:
                plan.copies.append((holders[0].id, found, stat.st_size, stat.st_mtime_ns))
                summary.copies += 1
        else:
            stale = _gone(by_relpath.get(found.relpath, []), claimed)
            if stale is not None:
                claimed.add(stale.id)
                plan.seen.add(stale.id)
            plan.parse.append((found, stale))
            continue
        if progress:
            progress(done, len(files), path)
    return plan


def _gone(docs: list[KnownDocument], claimed: set[int]) -> KnownDocument | None:
    """The first stored file document whose file is no longer where it was read."""
    for doc in docs:
        if (
            doc.id not in claimed
            and not _synced(doc.path)
            and not os.path.exists(filesystem_path(doc.path))
        ):
            return doc
    return None


def _synced(path: str) -> bool:
    return "://" in path


def _mark_missing(
    store: Store,
    roots: list[Path],
    known: dict[str, KnownDocument],
    seen: set[int],
    now: datetime,
) -> int:
    """Stored files under the folders imported that were not found there: marked missing."""
    folders = []
    for root in roots:
        with contextlib.suppress(OSError, RuntimeError):
            if root.is_dir():
                folders.append(str(root.resolve()) + os.sep)
    if not folders:
        return 0
    gone = [
        doc.id
        for path, doc in known.items()
        if doc.id not in seen
        and not doc.missing
        and filesystem_path(path).startswith(tuple(folders))
        and not os.path.exists(filesystem_path(path))
    ]
    if not gone:
        return 0
    with store.write() as conn:
        return mark_missing(conn, gone, now)


def _sha256(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None  # load_document reports why


def prepare_file(full: str | Path, relpath: str | None = None) -> _Prepared:
    """Read and parse one file (in a worker process when there are many).

    The file's stat() is taken before it is read, and is what the store keeps: if the file
    changes while it is read or parsed, the next run sees a stat that differs and reads it
    again. A file that changed during the read itself is read once more, then reported."""
    path = Path(full)
    key = storable_path(str(path))
    for _attempt in range(2):
        try:
            before: os.stat_result | None = path.stat()
        except OSError:
            before = None  # load_document says why
        try:
            doc = load_document(path)
        except ExtractError as exc:
            return _Prepared(key, problem=str(exc))
        except MemoryError:
            raise  # the caller's budget names it
        except Exception as exc:  # a reader's bug must not end the run
            return _Prepared(key, problem=f"could not read: {type(exc).__name__}: {exc}")
        if before is None or _same_stat(before, path, doc.size):
            break
    else:
        return _Prepared(key, problem="it changed while it was being read; import it again")
    try:
        parsed = parse_text(
            doc.text, source=key, sha256=doc.sha256, format=doc.format, metadata=doc.metadata
        )
        parsed.warnings[:0] = doc.warnings  # what the reader could read only in part
    except MemoryError:
        raise
    except Exception as exc:
        return _Prepared(key, problem=f"could not parse: {type(exc).__name__}: {exc}")
    if not parsed.items:
        # the parser's own reason where it gave one ("not minutes: this reads as a forward
        # plan …"), else that no agenda item was found
        said = next((w for w in parsed.warnings if w.startswith(NOT_MINUTES_WARNING)), None)
        return _Prepared(key, problem=said or NOT_MINUTES)
    mtime_ns = before.st_mtime_ns if before is not None else None
    facts = DocumentFacts(key, doc.sha256, doc.format, doc.size, mtime_ns, storable_path(relpath))
    return _Prepared(key, facts=facts, parsed=parsed)


def _same_stat(before: os.stat_result, path: Path, size_read: int) -> bool:
    """Whether ``path`` is as it was before it was read (and all of it was read)."""
    try:
        after = path.stat()
    except OSError:
        return False
    return before.st_size == after.st_size == size_read and before.st_mtime_ns == after.st_mtime_ns


def failed_file(path: str, reason: str) -> _Prepared:
    """A file that could not be read within its budget, or whose reader failed."""
    return _Prepared(storable_path(str(path)), problem=reason)


#: A prepared file as a worker process sends it: (path, facts, packed document, problem)
_Packed = tuple[str, DocumentFacts | None, PackedDocument | None, str | None]


def prepare_packed(path: str, relpath: str | None = None) -> _Packed:
    """:func:`prepare_file` in a worker process, its answer packed for the trip back
    (see ``services/parsed_wire.py``)."""
    ready = prepare_file(path, relpath)
    parsed = pack(ready.parsed) if ready.parsed is not None else None
    return (ready.path, ready.facts, parsed, ready.problem)


def failed_packed(path: str, reason: str) -> _Packed:
    return (storable_path(str(path)), None, None, reason)


def _unpacked(packed: _Packed) -> _Prepared:
    path, facts, parsed, problem = packed
    return _Prepared(path, facts, unpack(parsed) if parsed is not None else None, problem)


def _prepare_all(
    todo: list[tuple[FoundFile, KnownDocument | None]], workers: int | None, budget: FileBudget
) -> Generator[_Prepared, None, None]:
    for prepared, (_, existing) in zip(_parsed(todo, workers, budget), todo, strict=True):
        prepared.existing = existing
        yield prepared


def _parsed(
    todo: list[tuple[FoundFile, KnownDocument | None]], workers: int | None, budget: FileBudget
) -> Iterator[_Prepared]:
    files = [(found.full, found.relpath) for found, _ in todo]
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if workers <= 1 or len(files) < POOL_THRESHOLD:
        yield from run_here(files, prepare_file, failed_file, budget)
        return
    # Worker processes are spawned, not forked: the app calls this from a worker thread, and
    # forking a threaded process can copy a held lock into the child.
    pool = WorkerPool(
        files,
        prepare_packed,
        failed_packed,
        budget,
        workers=workers,
        window=workers * WINDOW_PER_WORKER,
    )
    try:
        for packed in pool:
            yield _unpacked(packed)
    finally:
        pool.close()  # the workers stop with the run, however it ends


def _write_all(
    store: Store,
    prepared: Iterator[_Prepared],
    summary: IngestSummary,
    progress: Progress | None,
    done: int,
    total: int,
    seen: set[int],
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
            _write_batch(store, batch, summary, seen)
            batch, pending_items = [], 0
    if batch:
        _write_batch(store, batch, summary, seen)


def _write_batch(
    store: Store, batch: list[_Prepared], summary: IngestSummary, seen: set[int]
) -> None:
    """One transaction for the batch; a file that cannot be stored is reported and the
    others are kept. A fault of the store itself ends the transaction, and the run: it is
    raised, and nothing of the batch is counted.

    The batch is first written whole. Only if a file cannot be stored is it written again
    with a savepoint each, so that the file is left out and the rest kept: a savepoint per
    file made every file's search words a segment of their own (FTS5 writes its pending
    words out at each savepoint), which cost a fifth of the writer's time."""
    now = datetime.now(UTC)
    counted = IngestSummary()
    stored: set[int] = set()
    try:
        with store.write() as conn:
            people = PeopleCache(conn)
            unindexed = PendingIndex(conn)
            for entry in batch:
                stored.add(_write_one(conn, entry, people, now, counted, unindexed))
            unindexed.flush()
    except (DatabaseError, ValueError, OverflowError) as exc:
        if is_store_fault(exc):
            raise
        counted, stored = _write_each(store, batch, now)
    summary.add(counted)
    seen |= stored


def _write_each(
    store: Store, batch: list[_Prepared], now: datetime
) -> tuple[IngestSummary, set[int]]:
    """The batch in one transaction, a savepoint each: a file that cannot be stored is
    reported and left out."""
    counted = IngestSummary()
    stored: set[int] = set()
    with store.write() as conn:
        people = PeopleCache(conn)
        for entry in batch:
            conn.execute("SAVEPOINT one_document")
            try:
                stored.add(_write_one(conn, entry, people, now, counted))
            except (DatabaseError, ValueError, OverflowError) as exc:
                if is_store_fault(exc) or not conn.in_transaction:
                    raise  # SQLite may have rolled the whole transaction back already
                conn.execute("ROLLBACK TO one_document")
                people = PeopleCache(conn)  # it may hold people the rollback took away
                counted.failed.append(FileProblem(entry.path, f"could not store: {exc}"))
            conn.execute("RELEASE one_document")
    return counted, stored


def _write_one(
    conn: Connection,
    entry: _Prepared,
    people: PeopleCache,
    now: datetime,
    summary: IngestSummary,
    unindexed: PendingIndex | None = None,
) -> int:
    """Write one parsed file; returns its document's id. Its items are indexed for search
    now, or left in ``unindexed`` for the batch (see PendingIndex)."""
    assert entry.facts is not None and entry.parsed is not None
    existing = entry.existing
    # Another ingest (or the same file named twice) may have stored these bytes meanwhile.
    stored = known_document(conn, entry.path)
    stamp = reading_stamp()
    if stored is not None and stored.sha256 == entry.facts.sha256 and stored.parsed_with == stamp:
        summary.unchanged += 1
        return stored.id
    if stored is not None and (existing is None or existing.id != stored.id):
        existing = stored  # the document at this path now is the one to replace
    before = record_texts(conn, existing.id) if existing else {}
    if existing is not None and unindexed is not None:
        unindexed.flush()  # its records are about to be deleted: they must be in the index
    doc_id, counts = write_document(
        conn, entry.facts, entry.parsed, now, people, existing, unindexed=unindexed
    )
    set_parsed_with(conn, doc_id, stamp)
    summary.counts.add(counts)
    summary.formats[entry.facts.format] += 1
    summary.doubtful += [
        FileProblem(entry.path, warning)
        for warning in entry.parsed.warnings
        if warning.startswith(NOT_MINUTES_WARNING)
    ]
    if existing is None:
        summary.new += 1  # notes imported before their minutes find their words now
    else:
        summary.changed += 1
        _follow_edited_records(conn, before, record_texts(conn, doc_id))
    key = document_key(conn, doc_id)
    if has_notes(conn, key):
        summary.notes_detached += _reanchor_notes(conn, key, entry.parsed.text)
    if entry.parsed.meeting.date:
        joined = absorb_file(conn, doc_id, unindexed.flush if unindexed is not None else None)
        if joined == "site":
            summary.merged += 1
        elif joined == "file":
            summary.same_meeting += 1
    return doc_id


def _follow_edited_records(
    conn: Connection,
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


def _reanchor_notes(conn: Connection, key: str, text: str) -> int:
    """Re-attach the member's notes on a document; returns how many are detached."""
    from scrutiny_tui.services.notes import reanchor_document

    return reanchor_document(conn, key, text).detached
