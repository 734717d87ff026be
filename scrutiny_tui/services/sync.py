"""Sync with ModernGov: the committees a member follows, straight from the council's site.

For each source and each followed committee, the meetings in the window (default: the last
12 months and the next 2) are listed, then each meeting is fetched. A meeting whose
GetMeeting answer is unchanged (same sha256) is not read again; a new or changed one is
stored in one transaction as a document (path ``moderngov://SOURCE/MEETINGID``) with its
committee, date, location, public page, attendees and items; each item's minutes HTML goes
through the HTML extraction and then ``parse_item`` for its decisions, recommendations and
actions. A meeting with no per-item minutes but a printed minutes PDF has the PDF read as a
document. Tracking and notes on a changed meeting are kept as for a changed file. Nothing is
deleted because a site stopped listing it. A meeting that fails is reported and skipped; a
source that cannot be reached is reported and the next one synced.

Meetings are fetched in this process, in order and with the client's pause between
requests; a sync of many is built (HTML to text, then the parser: most of a meeting's time)
in worker processes and written here in the order fetched, one meeting a transaction. The
writer is at most a few meetings behind the fetcher (one, with the usual pause): a sync
killed part-way keeps every meeting written, and the next sync fetches the rest again.

The app contacts only the sites the member adds, and only when asked to sync or add one.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from scrutiny_tui.extract import ExtractError, load_bytes
from scrutiny_tui.extract.html import extract_html
from scrutiny_tui.moderngov import Committee, Meeting, MeetingSummary, ModernGovError
from scrutiny_tui.moderngov.client import (
    ClientSettings,
    Fetcher,
    HttpFetcher,
    ModernGovSite,
    normalise_base_url,
)
from scrutiny_tui.parser import parse_item, parse_text
from scrutiny_tui.parser.model import Item, ParsedDocument, Person, Span
from scrutiny_tui.parser.model import Meeting as ParsedMeeting
from scrutiny_tui.services.ingest import _follow_edited_records
from scrutiny_tui.services.parse_workers import start_worker
from scrutiny_tui.services.parsed_wire import PackedDocument, pack, unpack
from scrutiny_tui.services.same_meeting import absorb_files_into
from scrutiny_tui.store.db import DatabaseError, Store
from scrutiny_tui.store.documents import KnownDocument, known_document
from scrutiny_tui.store.records import (
    DocumentFacts,
    PeopleCache,
    WriteCounts,
    record_texts,
    write_document,
)
from scrutiny_tui.store.sources import (
    DuplicateSource,
    SourceRow,
    document_sha,
    meeting_of_document,
    meetings_on,
    record_sync,
    record_synced_meeting,
    set_committees,
    set_meeting_details,
    synced_path,
)
from scrutiny_tui.store.sources import (
    add_source as store_add_source,
)
from scrutiny_tui.store.sources import (
    list_sources as store_list_sources,
)
from scrutiny_tui.store.sources import (
    remove_source as store_remove_source,
)
from scrutiny_tui.store.statistics import refresh_statistics

Progress = Callable[[int, int, str], None]
FetcherFactory = Callable[[], Fetcher]

PAST_DAYS = 365  # the default window: the last 12 months ...
FUTURE_DAYS = 61  # ... and the next 2

_HONORIFIC = re.compile(
    r"^(County Councillor|Councillor|Cllr\.?|Alderman|Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof\.?|"
    r"Sir|Dame|Lord|Lady|Reverend|Revd\.?)\s+(?=\S)",
    re.IGNORECASE,
)


class SyncError(Exception):
    """A source cannot be added or found; the message says why in one line."""


# ---- results ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingProblem:
    where: str  # "Children's Scrutiny Committee 2026-01-14 (meeting 5001)"
    reason: str


@dataclass(slots=True)
class SourceReport:
    name: str
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    cancelled: int = 0
    failed: list[MeetingProblem] = field(default_factory=list)
    error: str | None = None  # the whole source failed (unreachable, refused ...)
    notes: list[str] = field(default_factory=list)  # service off, moved
    counts: WriteCounts = field(default_factory=WriteCounts)
    merged: int = 0  # meetings also imported from files, now one meeting
    requests: int = 0

    @property
    def meetings(self) -> int:
        return self.new + self.changed + self.unchanged + self.cancelled + len(self.failed)

    def as_json(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "cancelled": self.cancelled,
            "failed": len(self.failed),
            "error": self.error,
            "items": self.counts.items,
            "resolutions": self.counts.resolutions,
            "recommendations": self.counts.recommendations,
            "actions": self.counts.actions,
        }


@dataclass(slots=True)
class SyncSummary:
    sources: list[SourceReport] = field(default_factory=list)
    since: str = ""
    until: str = ""
    seconds: float = 0.0
    cancelled_by_user: bool = False

    def total(self, name: str) -> int:
        return sum(getattr(report, name) for report in self.sources)

    @property
    def failed(self) -> list[tuple[str, MeetingProblem]]:
        return [(r.name, p) for r in self.sources for p in r.failed]

    @property
    def broken_sources(self) -> list[SourceReport]:
        return [r for r in self.sources if r.error]

    def describe(self) -> str:
        counts = WriteCounts()
        for report in self.sources:
            counts.add(report.counts)
        n = len(self.sources)
        lines = [
            f"{n} source{'' if n == 1 else 's'}, {self.since} to {self.until}: "
            f"{self.total('meetings')} meetings: {self.total('new')} new, "
            f"{self.total('changed')} changed, {self.total('unchanged')} unchanged, "
            f"{self.total('cancelled')} cancelled, {len(self.failed)} failed",
            f"{counts.items} items, {counts.resolutions} resolutions, {counts.recommendations} "
            f"recommendations, {counts.actions} actions read in {self.seconds:.1f} s",
        ]
        merged = self.total("merged")
        if merged:
            lines.append(
                f"{merged} meeting{'' if merged == 1 else 's'} also imported from a file: "
                "kept as one, with your notes"
            )
        if self.cancelled_by_user:
            lines.append("stopped: the sync was cancelled; run it again to finish")
        for report in self.sources:
            lines += [f"{report.name}: {note}" for note in report.notes]
            if report.error:
                lines.append(f"failed: {report.name}: {report.error}")
        lines += [f"failed: {name}: {p.where}: {p.reason}" for name, p in self.failed]
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class SiteCheck:
    base_url: str
    committees: list[Committee]
    notes: list[str]


@dataclass(frozen=True, slots=True)
class AddedSource:
    source: SourceRow
    committees: list[Committee]  # everything the site lists
    followed: list[Committee]
    notes: list[str]
    by_default: bool  # no --committee given: the scrutiny committees were picked


def client_settings(pause: float = 1.0, timeout: float = 20.0, retries: int = 3) -> ClientSettings:
    """The HTTP client's settings from the config's ``sync:`` section."""
    return ClientSettings(pause=pause, timeout=timeout, retries=retries)


# ---- sources ------------------------------------------------------------------------


def _fetcher(
    settings: ClientSettings | None,
    factory: FetcherFactory | None,
    cancel: threading.Event | None = None,
) -> Fetcher:
    return factory() if factory is not None else HttpFetcher(settings, cancelled=cancel)


def check_site(
    url: str, *, settings: ClientSettings | None = None, fetcher: FetcherFactory | None = None
) -> SiteCheck:
    """Ask the site for its committees (GetCommittees, or its pages if the service is off)."""
    client = _fetcher(settings, fetcher)
    try:
        site = ModernGovSite(url, client)
        committees = site.committees()
        notes = list(site.notes) + _redirect_notes(client)
        return SiteCheck(site.base_url, committees, notes)
    finally:
        client.close()


def default_name(base_url: str) -> str:
    """A short name from the address: democracy.camden.gov.uk -> camden."""
    parts = urlsplit(base_url)
    host = parts.hostname or "site"
    labels = host.split(".")
    if host.replace(".", "").isdigit() or host == "localhost":
        return f"{host}-{parts.port}" if parts.port else host
    skip = {"democracy", "moderngov", "www", "committees", "meetings", "councillors", "cmis"}
    useful = [label for label in labels if label not in skip]
    return useful[0] if useful else labels[0]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("&", " and "))


def match_committees(committees: Sequence[Committee], wanted: Sequence[str]) -> list[Committee]:
    """Committees matching any of ``wanted``: an id, or words each found in the title (as a
    word or the start of one), e.g. "scrutiny", "children"."""
    found: dict[int, Committee] = {}
    for text in wanted:
        words = _words(text)
        for committee in committees:
            title = _words(committee.title)
            if text.strip() == str(committee.id) or (
                words and all(any(t.startswith(w) for t in title) for w in words)
            ):
                found.setdefault(committee.id, committee)
    return list(found.values())


def add_source(
    store: Store,
    url: str,
    *,
    name: str | None = None,
    committees: Sequence[str] = (),
    picked: Sequence[Committee] | None = None,
    check: SiteCheck | None = None,
    settings: ClientSettings | None = None,
    fetcher: FetcherFactory | None = None,
) -> AddedSource:
    """Check the site and remember it with the committees to follow: ``picked`` (from the
    app), those matching ``committees`` (words or ids), or by default every current committee
    with "scrutiny" in its name. ``check`` is the site's answer if the caller has it already
    (the app, which showed its committees to pick from)."""
    check = check or check_site(url, settings=settings, fetcher=fetcher)
    current = [c for c in check.committees if not (c.deleted or c.expired)]
    by_default = picked is None and not committees
    if picked is not None:
        followed = list(picked)
    elif committees:
        followed = match_committees(check.committees, committees)
        if not followed:
            raise SyncError(
                f"no committee on {check.base_url} matches {', '.join(committees)}; "
                f"it lists {len(check.committees)}, see: scrutiny sources add {url}"
            )
    else:
        followed = match_committees(current, ["scrutiny"])
    name = (name or default_name(check.base_url)).strip()
    if not name or "/" in name:
        raise SyncError(f"not a usable source name: {name!r} (no slashes)")
    now = datetime.now(UTC)
    known = list_sources(store, [name])
    if known and known[0].base_url == check.base_url and not by_default:
        follow(store, name, followed)  # the same site again: a new choice of committees
    else:
        with store.write() as conn:
            try:
                store_add_source(
                    conn, name, check.base_url, [(c.id, c.title) for c in followed], now
                )
            except DuplicateSource as exc:
                raise SyncError(
                    f"a source named {name} exists already; remove it first or pick --name"
                ) from exc
    return AddedSource(get_source(store, name), check.committees, followed, check.notes, by_default)


def list_sources(store: Store, names: Sequence[str] | None = None) -> list[SourceRow]:
    with store.read() as conn:
        return store_list_sources(conn, names)


def get_source(store: Store, name: str) -> SourceRow:
    found = list_sources(store, [name])
    if not found:
        raise SyncError(f"no source named {name}; see: scrutiny sources list")
    return found[0]


def follow(store: Store, name: str, committees: Sequence[Committee]) -> SourceRow:
    """Change which committees of a source are followed."""
    get_source(store, name)
    with store.write() as conn:
        set_committees(conn, name, [(c.id, c.title) for c in committees])
    return get_source(store, name)


def remove_source(store: Store, name: str) -> None:
    """Stop following a site; the meetings synced from it stay."""
    with store.write() as conn:
        if not store_remove_source(conn, name):
            raise SyncError(f"no source named {name}; see: scrutiny sources list")


# ---- building a meeting's document -----------------------------------------------------


def _person(name: str, role: str | None) -> Person:
    match = _HONORIFIC.match(name)
    if match:
        return Person(name[match.end() :].strip(), match[1].rstrip("."), role)
    return Person(name, None, role)


def _shift(item: Item, offset: int) -> Item:
    """``item``, just read by ``parse_item`` from its body alone, moved ``offset`` characters
    on: its span and its records' spans, changed in place (nothing else holds them)."""
    item.span = Span(item.span.start + offset, item.span.end + offset)
    records: list[Any] = [*item.points, *item.recommendations, *item.resolutions, *item.actions]
    records += [a for a in item.attendees if a.span]
    for record in {id(r): r for r in records}.values():  # a record listed twice moves once
        record.span = Span(record.span.start + offset, record.span.end + offset)
    return item


def _long_date(iso: str | None) -> str:
    if not iso:
        return "(date not stated)"
    day = date.fromisoformat(iso)
    return f"{day:%A} {day.day} {day:%B %Y}"


@dataclass(slots=True)
class _Built:
    parsed: ParsedDocument
    item_keys: list[str | None]
    item_flags: list[tuple[str | None, bool]]
    format: str
    warnings: list[str] = field(default_factory=list)


def _attendance(meeting: Meeting, parsed: ParsedMeeting) -> None:
    """Present, apologies, substitutes and those in attendance (officers), from the site."""
    groups: dict[str, list[Person]] = {
        "present": [],
        "apologies": [],
        "substitute": [],
        "attendee": [],
    }
    for attendee in meeting.attendees:
        kind = attendee.kind
        if kind is not None:
            groups[kind].append(_person(attendee.name, attendee.role))
    if any(groups.values()):
        parsed.present = groups["present"]
        parsed.apologies = groups["apologies"]
        parsed.substitutes = groups["substitute"]
        parsed.attending = groups["attendee"]


def build_document(
    meeting: Meeting,
    *,
    council: str,
    committee: str,
    path: str,
    sha256: str,
    fetch: Callable[[str], bytes],
) -> _Built:
    """A synced meeting as a parsed document the store can hold (see the module docstring)."""
    facts = ParsedMeeting(council=council, body=committee, date=meeting.date)
    printed = meeting.printed_minutes
    if not meeting.has_item_minutes and printed is not None:
        built = _from_printed_minutes(meeting, facts, path, printed.url, fetch)
        if built is not None:
            return built
    header = [committee, _long_date(meeting.date)]
    if meeting.location:
        header.append(meeting.location)
    text = "\n".join(header) + "\n\n"
    items: list[Item] = []
    for source_item in meeting.items:
        heading = (
            f"{source_item.number}. {source_item.title}"
            if source_item.number
            else source_item.title
        )
        start = len(text)
        text += heading + "\n\n"
        body = ""
        if source_item.minutes_html and not source_item.restricted:
            body = extract_html(source_item.minutes_html).text.strip()
        if body:
            parsed_item = parse_item(
                body, title=source_item.title, number=source_item.number, meeting_date=meeting.date
            )
            offset = len(text)
            text += body + "\n\n"
            item = _shift(parsed_item, offset)
        else:
            item = Item(source_item.number, source_item.title, Span(start, start))
        item.span = Span(start, len(text.rstrip("\n")))
        items.append(item)
    _attendance(meeting, facts)
    parsed = ParsedDocument(
        text=text, source=path, sha256=sha256, format="html", meeting=facts, items=items
    )
    return _Built(
        parsed,
        [str(i.id) if i.id is not None else None for i in meeting.items],
        [(str(i.id) if i.id is not None else None, i.restricted) for i in meeting.items],
        "moderngov",
    )


def _from_printed_minutes(
    meeting: Meeting, facts: ParsedMeeting, path: str, url: str, fetch: Callable[[str], bytes]
) -> _Built | None:
    data = fetch(url)
    try:
        doc = load_bytes(data, urlsplit(url).path.rsplit("/", 1)[-1] or "minutes.pdf")
    except ExtractError as exc:
        raise ModernGovError(f"printed minutes {url}: {exc}") from exc
    parsed = parse_text(doc.text, source=path, sha256=doc.sha256, format=doc.format)
    if not parsed.items:
        return None
    read = parsed.meeting
    facts.present, facts.apologies = read.present, read.apologies
    facts.substitutes, facts.attending = read.substitutes, read.attending
    _attendance(meeting, facts)  # the site's register, where it keeps one, wins
    parsed.meeting = facts
    by_number = {(i.number or "").strip(): i for i in meeting.items if i.number}
    by_title = {i.title.lower(): i for i in meeting.items}
    keys: list[str | None] = []
    flags: list[tuple[str | None, bool]] = []
    for item in parsed.items:
        source_item = by_number.get((item.number or "").strip()) or by_title.get(item.title.lower())
        key = str(source_item.id) if source_item and source_item.id is not None else None
        keys.append(key)
        flags.append((key, bool(source_item and source_item.restricted)))
    return _Built(parsed, keys, flags, "moderngov-pdf")


# ---- the site ------------------------------------------------------------------------


def _redirect_notes(fetcher: Fetcher) -> list[str]:
    redirects = getattr(fetcher, "redirects", [])
    return [f"moved: {r.source} -> {r.target}" for r in redirects]


def default_window(today: date) -> tuple[date, date]:
    return today - timedelta(days=PAST_DAYS), today + timedelta(days=FUTURE_DAYS)


# ---- building in worker processes --------------------------------------------------------

POOL_THRESHOLD = 8  # meetings to sync: fewer are built here (starting workers costs more)
WINDOW_PER_WORKER = 2  # meetings fetched ahead of the writer, per worker

#: A meeting built in a worker: (packed document, item keys, item flags, format, warnings)
_PackedBuilt = tuple[
    PackedDocument, list[str | None], list[tuple[str | None, bool]], str, list[str]
]


def _no_fetch(url: str) -> bytes:
    raise ModernGovError(f"{url}: documents are fetched by the sync, not by its workers")


def build_packed(
    meeting: Meeting, council: str, committee: str, path: str, sha256: str
) -> _PackedBuilt:
    """:func:`build_document` in a worker process, for a meeting read from its per-item
    minutes (nothing more to fetch), packed for the trip back."""
    built = build_document(
        meeting, council=council, committee=committee, path=path, sha256=sha256, fetch=_no_fetch
    )
    return pack(built.parsed), built.item_keys, built.item_flags, built.format, built.warnings


def _unpacked(packed: _PackedBuilt) -> _Built:
    parsed, keys, flags, format_, warnings = packed
    return _Built(unpack(parsed), keys, flags, format_, warnings)


def sync_workers() -> int:
    """Worker processes building meetings: one a core, up to 4; none on one core. This
    process only fetches and writes (about a third of a meeting's time), so on 2 cores 2
    workers beat 1 (measured: 1 worker is no faster than building here)."""
    cores = os.cpu_count() or 1
    return min(cores, 4) if cores > 1 else 0


class _Builders:
    """Meetings built (HTML to text, then the parser) in worker processes, started when the
    first meeting needs building; a meeting is built in this process when the sync is small,
    needs its printed minutes fetched, or the workers cannot run here."""

    def __init__(self, meetings: int, workers: int | None = None) -> None:
        self.workers = workers if workers is not None else sync_workers()
        self.use_pool = self.workers > 0 and meetings >= POOL_THRESHOLD
        self.pool: ProcessPoolExecutor | None = None

    @property
    def window(self) -> int:
        return self.workers * WINDOW_PER_WORKER if self.use_pool else 0

    def submit(
        self, meeting: Meeting, council: str, committee: str, path: str, sha256: str
    ) -> Future[_PackedBuilt] | None:
        """The meeting sent to a worker, or None to build it here."""
        if not self.use_pool or (not meeting.has_item_minutes and meeting.printed_minutes):
            return None
        try:
            if self.pool is None:
                self.pool = ProcessPoolExecutor(
                    self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=start_worker,
                    initargs=(os.getpid(),),
                )
            return self.pool.submit(build_packed, meeting, council, committee, path, sha256)
        except (OSError, BrokenProcessPool, RuntimeError):
            self.stop()
            return None

    def stop(self) -> None:
        """No more workers: what is left is built in this process."""
        self.use_pool = False
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


@dataclass(slots=True)
class _Fetched:
    """A meeting fetched and to be stored, its document built or being built."""

    row: MeetingSummary
    path: str
    sha256: str
    meeting: Meeting
    committee: str
    built: _Built | None = None
    future: Future[_PackedBuilt] | None = None


# ---- the sync ------------------------------------------------------------------------


def sync(
    store: Store,
    names: Sequence[str] | None = None,
    *,
    since: date | None = None,
    until: date | None = None,
    today: date | None = None,
    settings: ClientSettings | None = None,
    fetcher: FetcherFactory | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
) -> SyncSummary:
    """Sync the named sources (all of them by default); see the module docstring.

    Each meeting is fetched here, in order and with the client's pause between requests,
    built in a worker process (``workers``, by default :func:`sync_workers`) and written
    here in the order fetched, one meeting a transaction. At most a few meetings are
    fetched ahead of the writer; a sync killed part-way has stored every meeting before
    them, and the next sync fetches the rest again."""
    started = time.perf_counter()
    first, last = default_window(today or date.today())
    since, until = since or first, until or last
    if since > until:
        raise SyncError(f"--since {since} is after --until {until}")
    sources = list_sources(store, names)
    if names:
        missing = sorted(set(names) - {s.name for s in sources})
        if missing:
            raise SyncError(f"no source named {', '.join(missing)}; see: scrutiny sources list")
    summary = SyncSummary(since=since.isoformat(), until=until.isoformat())
    plans: list[tuple[SourceRow, ModernGovSite, Fetcher, SourceReport, list[MeetingSummary]]] = []
    for source in sources:
        client = _fetcher(settings, fetcher, cancel)
        site = ModernGovSite(source.base_url, client)
        report = SourceReport(source.name)
        summary.sources.append(report)
        meetings: list[MeetingSummary] = []
        if not source.committees:
            report.notes.append("follows no committee; add some in the app or with --committee")
        for committee_id, title in source.committees:
            if cancel is not None and cancel.is_set():
                break
            try:
                meetings += site.meetings(Committee(committee_id, title), since, until)
            except ModernGovError as exc:
                report.error = str(exc)
                break
        plans.append((source, site, client, report, meetings))
    total = sum(len(m) for *_, m in plans)
    done = 0
    builders = _Builders(total, workers)
    try:
        for source, site, client, report, meetings in plans:
            pending: deque[_Fetched] = deque()
            for summary_row in meetings:
                if cancel is not None and cancel.is_set():
                    summary.cancelled_by_user = True
                    break
                done += 1
                if progress:
                    progress(done, total, f"{summary_row.committee_title} {summary_row.date or ''}")
                fetched = _fetch_meeting(store, source, site, summary_row, report, builders)
                if fetched is not None:
                    pending.append(fetched)
                while pending and (
                    len(pending) > builders.window
                    or (pending[0].future is not None and pending[0].future.done())
                    or pending[0].future is None
                ):
                    _store_meeting(store, source, site, pending.popleft(), report, builders)
            while pending:  # fetched already: stored, even when the sync was cancelled
                _store_meeting(store, source, site, pending.popleft(), report, builders)
            report.notes = site.notes + report.notes + _redirect_notes(client)
            report.requests = getattr(client, "requests", 0)
            with store.write() as conn:
                record_sync(conn, source.id, datetime.now(UTC), report.as_json())
                if report.new or report.changed:
                    refresh_statistics(conn)
    finally:
        builders.close()
        for *_, client, _, _ in plans:
            client.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _where(row: MeetingSummary) -> str:
    return f"{row.committee_title} {row.date or '(undated)'} (meeting {row.id})"


def _fetch_meeting(
    store: Store,
    source: SourceRow,
    site: ModernGovSite,
    row: MeetingSummary,
    report: SourceReport,
    builders: _Builders,
) -> _Fetched | None:
    """The meeting fetched and its building begun; None if there is nothing to store (it
    is cancelled, unchanged or failed, and counted so)."""
    if row.cancelled:
        report.cancelled += 1
        return None
    path = synced_path(source.name, row.id)
    try:
        response = site.meeting(row)
        with store.read() as conn:
            stored_sha = document_sha(conn, path)
        if stored_sha == response.sha256:
            report.unchanged += 1
            return None
        meeting = response.meeting
        if meeting.cancelled:
            report.cancelled += 1
            return None
        committee = row.committee_title or meeting.committee_title or "(committee not stated)"
        meeting = replace(meeting, date=meeting.date or row.date)
        fetched = _Fetched(row, path, response.sha256, meeting, committee)
        fetched.future = builders.submit(meeting, source.name, committee, path, response.sha256)
        if fetched.future is None:
            fetched.built = _build_here(source, site, fetched)
    except ModernGovError as exc:
        report.failed.append(MeetingProblem(_where(row), str(exc)))
        return None
    except Exception as exc:  # a reader's bug must not end the sync
        report.failed.append(MeetingProblem(_where(row), f"{type(exc).__name__}: {exc}"))
        return None
    return fetched


def _build_here(source: SourceRow, site: ModernGovSite, fetched: _Fetched) -> _Built:
    return build_document(
        fetched.meeting,
        council=source.name,
        committee=fetched.committee,
        path=fetched.path,
        sha256=fetched.sha256,
        fetch=site.document,
    )


def _store_meeting(
    store: Store,
    source: SourceRow,
    site: ModernGovSite,
    fetched: _Fetched,
    report: SourceReport,
    builders: _Builders,
) -> None:
    """The fetched meeting's document (waited for if a worker builds it), written."""
    row = fetched.row
    try:
        if fetched.future is not None:
            try:
                fetched.built = _unpacked(fetched.future.result())
            except BrokenProcessPool:  # a worker died: this meeting, and the rest, built here
                builders.stop()
                fetched.built = _build_here(source, site, fetched)
        assert fetched.built is not None
    except ModernGovError as exc:
        report.failed.append(MeetingProblem(_where(row), str(exc)))
        return
    except Exception as exc:  # a reader's bug must not end the sync
        report.failed.append(MeetingProblem(_where(row), f"{type(exc).__name__}: {exc}"))
        return
    url = site.meeting_page_url(row.committee_id, row.id)
    try:
        _write(
            store, source, row, fetched.path, fetched.sha256, fetched.built, fetched.meeting, url,
            report,
        )  # fmt: skip
    except DatabaseError as exc:
        report.failed.append(MeetingProblem(_where(row), f"could not store: {exc}"))


def _write(
    store: Store,
    source: SourceRow,
    row: MeetingSummary,
    path: str,
    sha256: str,
    built: _Built,
    meeting: Meeting,
    url: str,
    report: SourceReport,
) -> None:
    """One meeting in one transaction: records replaced, tracking and notes kept."""
    now = datetime.now(UTC)
    with store.write() as conn:
        existing: KnownDocument | None = known_document(conn, path)
        before = record_texts(conn, existing.id) if existing else {}
        # A synced meeting's key is its address on the site: stable while the source keeps
        # its name.
        size = len(built.parsed.text.encode())
        facts = DocumentFacts(path, sha256, built.format, size, key=path)
        people = PeopleCache(conn)
        doc_id, counts = write_document(
            conn, facts, built.parsed, now, people, existing, item_keys=built.item_keys
        )
        set_meeting_details(conn, doc_id, meeting.location, url, built.item_flags)
        meeting_id = meeting_of_document(conn, doc_id)
        record_synced_meeting(
            conn,
            source.id,
            row.id,
            row.committee_id,
            row.committee_title,
            meeting.date,
            meeting.status,
            path,
            now,
        )
        if existing is None:
            report.new += 1
        else:
            report.changed += 1
            _follow_edited_records(conn, before, record_texts(conn, doc_id))
            from scrutiny_tui.services.notes import reanchor_document

            reanchor_document(conn, path, built.parsed.text)
        report.counts.add(counts)
        if meeting.date and meeting_id is not None:
            site_meeting = next(
                (
                    m
                    for m in meetings_on(conn, meeting.date, synced=True)
                    if m.document_id == doc_id
                ),
                None,
            )
            if site_meeting is not None:
                report.merged += absorb_files_into(conn, site_meeting, built.parsed.text)


__all__ = [
    "AddedSource",
    "SiteCheck",
    "SyncError",
    "SyncSummary",
    "add_source",
    "check_site",
    "default_name",
    "follow",
    "get_source",
    "list_sources",
    "match_committees",
    "normalise_base_url",
    "remove_source",
    "sync",
]
