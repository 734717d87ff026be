"""One measurement per process, so its imports, caches and peak RSS are its own.

    python benchmarks/probes.py PROBE ARGS...   (run by benchmarks/run.py)

Each probe prints one JSON object as the last line of stdout. ``--profile FILE`` (before the
probe name) writes the probe's cProfile statistics, slowest first, to FILE.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import dataclasses
import hashlib
import html
import io
import json
import pstats
import random
import re
import resource
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, ClassVar

READY_TIMEOUT = 300.0  # seconds to wait for a screen to fill before giving up
APP_SIZE = (120, 40)
PRESSES = 100


def _target(store_path: str) -> Any:
    """A store named on the command line: a team store's URL as it is, else a file."""
    return store_path if "://" in store_path else Path(store_path)


def peak_rss_mb() -> float:
    """This process's own peak resident memory, in MB.

    Read from VmHWM, the high-water mark of this process's own address space. Linux's
    ``ru_maxrss`` is not used where VmHWM is readable: it keeps the larger of this process's
    peak and that of the process it was started from (the bench runner, holding the list of
    every corpus file), so every probe would read at least the runner's size."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    if found is None:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return int(found.group(1)) / 1024


def plain(value: Any) -> Any:
    """A JSON-friendly view of whatever a service returned."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)


# ---- ingest -----------------------------------------------------------------------------


def probe_ingest(store_path: str, root: str) -> dict[str, Any]:
    from scrutiny_tui.services.ingest import ingest_paths
    from scrutiny_tui.store.db import open_store

    store = open_store(_target(store_path))
    started = time.perf_counter()
    summary = ingest_paths(store, [Path(root)], progress=None)
    elapsed = time.perf_counter() - started
    store.close()
    return {"seconds": elapsed, "summary": plain(summary), "rss_mb": peak_rss_mb()}


def store_fts_tokenizer(store_path: str) -> str:
    """The tokenize= option of the store's own FTS5 table, so the baseline indexes alike."""
    try:
        with sqlite3.connect(f"file:{store_path}?mode=ro", uri=True) as conn:
            rows = conn.execute(
                "SELECT sql FROM sqlite_master WHERE sql LIKE '%USING fts5%'"
            ).fetchall()
    except sqlite3.Error:
        return ""
    for (sql,) in rows:
        lowered = sql.lower()
        if "tokenize" in lowered:
            start = lowered.index("tokenize")
            option = sql[start:].split(",")[0].rstrip(") \n")
            return option
    return ""


def probe_fts_baseline(db_path: str, root: str, files_json: str, tokenize: str) -> dict[str, Any]:
    """Read every file and insert its raw text into a plain FTS5 table in one transaction."""
    paths = json.loads(Path(files_json).read_text(encoding="utf-8"))
    Path(db_path).unlink(missing_ok=True)
    started = time.perf_counter()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = WAL")
    options = f", {tokenize}" if tokenize else ""
    conn.execute(f"CREATE VIRTUAL TABLE minutes USING fts5(path, body{options})")
    base = Path(root)
    with conn:
        conn.executemany(
            "INSERT INTO minutes (path, body) VALUES (?, ?)",
            ((p, (base / p).read_text(encoding="utf-8")) for p in paths),
        )
    conn.close()
    return {"seconds": time.perf_counter() - started, "rss_mb": peak_rss_mb()}


def probe_parse(root: str, files_json: str, limit: str) -> dict[str, Any]:
    """parse_text alone on one core: the ceiling a single parsing process puts on ingest."""
    from scrutiny_tui.parser import parse_text

    texts = []
    for path in json.loads(Path(files_json).read_text(encoding="utf-8"))[: int(limit)]:
        texts.append((Path(root) / path).read_text(encoding="utf-8"))
    started = time.perf_counter()
    items = sum(len(parse_text(text).items) for text in texts)
    return {"seconds": time.perf_counter() - started, "items": items, "files": len(texts)}


# ---- search -----------------------------------------------------------------------------


def hit_count(result: Any) -> int:
    for name in ("hits", "results", "rows"):
        if hasattr(result, name):
            result = getattr(result, name)
            break
    try:
        return len(result)
    except TypeError:
        return -1


def probe_search(store_path: str, queries_json: str, repeats: str) -> dict[str, Any]:
    from scrutiny_tui.services.search import search
    from scrutiny_tui.store.db import open_store

    queries = json.loads(queries_json)
    store = open_store(_target(store_path))
    first: dict[str, float] = {}
    timings: dict[str, list[float]] = {q: [] for q in queries}
    hits: dict[str, int] = {}
    for round_ in range(int(repeats)):
        for query in queries:
            started = time.perf_counter()
            result = search(store, query, limit=50)
            elapsed = time.perf_counter() - started
            if round_ == 0:
                first[query] = elapsed
                hits[query] = hit_count(result)
            timings[query].append(elapsed)
    store.close()
    best = {q: sorted(t)[len(t) // 2] for q, t in timings.items()}
    return {"median": best, "first": first, "hits": hits, "rss_mb": peak_rss_mb()}


# ---- the app, headless ------------------------------------------------------------------


async def first_frame(pilot: Any) -> None:
    """The screen's pending messages handled and a frame drawn with what they showed.

    ``pilot.pause()`` with no delay would also wait for the whole process to fall idle (up
    to a second): a screen that counts its rows in a worker thread after showing them
    would be timed to the end of that count, though a member sees and moves through the
    rows before it ends."""
    await pilot.pause(0)


async def wait_until(pilot: Any, ready: Callable[[], bool], what: str) -> None:
    deadline = time.perf_counter() + READY_TIMEOUT
    while not ready():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{what} not ready after {READY_TIMEOUT:.0f} s")
        await pilot.pause(0.005)


async def press_down(pilot: Any) -> float:
    started = time.perf_counter()
    for _ in range(PRESSES):
        await pilot.press("down")
    return time.perf_counter() - started


async def open_table(pilot: Any, key: str, what: str) -> float:
    """Seconds from pressing ``key`` to the first frame showing the new screen's table with
    rows in it."""
    from textual.widgets import DataTable

    opened = time.perf_counter()
    # Pressed in a task of its own: a Pilot key press returns only once the whole process
    # falls idle, which would time the screen's row count too (see first_frame).
    pressing = asyncio.create_task(pilot.press(key))

    def table_filled() -> bool:
        tables = pilot.app.screen.query(DataTable)
        return bool(tables) and tables.first().row_count > 0

    await wait_until(pilot, table_filled, what)
    await first_frame(pilot)
    elapsed = time.perf_counter() - opened
    await pressing
    return elapsed


async def measure_app(store_path: str) -> dict[str, Any]:
    from textual.widgets import DataTable, Tree

    from scrutiny_tui.config import Settings
    from scrutiny_tui.store.db import open_store
    from scrutiny_tui.ui.app import ScrutinyApp

    store = open_store(_target(store_path))
    result: dict[str, Any] = {}
    started = time.perf_counter()
    # Timed to a usable Meetings screen, as the issue measures it (the app opens on Attention).
    app = ScrutinyApp(store, Settings(), cursor_blink=False, first_screen="meetings")
    app.animation_level = "none"
    async with app.run_test(size=APP_SIZE) as pilot:
        result["entered_s"] = time.perf_counter() - started

        def meetings_filled() -> bool:
            trees = app.screen.query(Tree)
            return bool(trees) and bool(trees.first().root.children)

        await wait_until(pilot, meetings_filled, "meetings list")
        await first_frame(pilot)  # the first frame with the list on it
        result["start_s"] = time.perf_counter() - started
        tree = app.screen.query(Tree).first()
        result["meetings_nodes"] = sum(len(n.children) for n in tree.root.children)
        result["meetings_down_s"] = await press_down(pilot)
        result["meetings_cursor"] = tree.cursor_line

        result["actions_open_s"] = await open_table(pilot, "t", "actions tracker")
        table = app.screen.query(DataTable).first()
        table.focus()
        result["actions_down_s"] = await press_down(pilot)
        result["actions_cursor"] = table.cursor_row
        result["actions_rows_loaded"] = table.row_count
    store.close()
    result["rss_mb"] = peak_rss_mb()
    return result


async def measure_minimal() -> dict[str, Any]:
    from textual.app import App, ComposeResult
    from textual.binding import BindingType
    from textual.screen import Screen
    from textual.widgets import DataTable, Footer, Header, Label, ListItem, ListView

    class TableScreen(Screen[None]):
        """Textual's own cost of a new screen with a table: the baseline of the Actions
        tracker's first rows (its 100 rows of 7 columns given at once, no query)."""

        def compose(self) -> ComposeResult:
            yield Header()
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns(*(f"Column {c}" for c in range(7)))
            table.add_rows(tuple(f"Row {r}, cell {c}" for c in range(7)) for r in range(100))
            table.focus()

    class Minimal(App[None]):
        BINDINGS: ClassVar[list[BindingType]] = [("t", "table", "Table")]

        def compose(self) -> ComposeResult:
            yield ListView(*(ListItem(Label(f"Item {k}")) for k in range(100)))

        def on_mount(self) -> None:
            self.query_one(ListView).focus()

        def action_table(self) -> None:
            self.push_screen(TableScreen())

    result: dict[str, Any] = {}
    started = time.perf_counter()
    app = Minimal()
    app.animation_level = "none"
    async with app.run_test(size=APP_SIZE) as pilot:
        result["entered_s"] = time.perf_counter() - started
        view = app.query_one(ListView)
        await wait_until(pilot, lambda: len(view.children) == 100, "list view")
        await first_frame(pilot)
        result["start_s"] = time.perf_counter() - started
        result["down_s"] = await press_down(pilot)
        result["cursor"] = view.index
        result["table_open_s"] = await open_table(pilot, "t", "table screen")
    result["rss_mb"] = peak_rss_mb()
    return result


def probe_app(store_path: str) -> dict[str, Any]:
    return asyncio.run(measure_app(store_path))


def probe_minimal() -> dict[str, Any]:
    return asyncio.run(measure_minimal())


# ---- briefing ---------------------------------------------------------------------------


def probe_briefing(store_path: str, items: str) -> dict[str, Any]:
    import importlib

    try:
        briefing = importlib.import_module("scrutiny_tui.services.briefing")
    except ImportError:
        return {"available": False}
    from scrutiny_tui.store.db import open_store

    store = open_store(_target(store_path))
    with store.read() as conn:
        ids = [
            row[0]
            for row in conn.execute("SELECT id FROM agenda_item ORDER BY id LIMIT ?", (int(items),))
        ]
    build = briefing_builder(briefing)
    if build is None:
        return {"available": False, "why": "no builder found in scrutiny_tui.services.briefing"}
    started = time.perf_counter()
    text = build(store, ids)
    elapsed = time.perf_counter() - started
    store.close()
    return {
        "available": True,
        "seconds": elapsed,
        "items": len(ids),
        "chars": len(text),
        "rss_mb": peak_rss_mb(),
    }


def briefing_builder(briefing: Any) -> Callable[[Any, list[int]], str] | None:
    """Build the pack for a list of item ids through the briefing service."""
    from datetime import UTC, date, datetime

    def build(store: Any, ids: list[int]) -> str:
        scope = briefing.BriefingScope(item_ids=tuple(ids))
        pack = briefing.build_briefing(
            store, scope, today=date.today(), generated_at=datetime.now(UTC)
        )
        return pack.markdown

    return build


# ---- sync -------------------------------------------------------------------------------

SYNC_TODAY = "2026-05-01"  # the sync's "today": the meetings fall in the year before it
SYNC_BULLET = re.compile(r"^[·•*-]\s{2,}")


def _sync_minutes_html(paragraphs: list[str]) -> str:
    """An item's paragraphs as the Word-made HTML ModernGov keeps: a paragraph a line, runs
    of bullets as a list."""
    out: list[str] = []
    bullets: list[str] = []
    for paragraph in paragraphs:
        for line in paragraph.split("\n"):
            line = line.strip()
            if not line:
                continue
            bullet = SYNC_BULLET.match(line)
            if bullet:
                bullets.append(f"<li>{html.escape(line[bullet.end() :].strip())}</li>")
                continue
            if bullets:
                out.append("<ul>" + "".join(bullets) + "</ul>")
                bullets = []
            out.append(f'<p class="MsoNormal">{html.escape(line)}</p>')
    if bullets:
        out.append("<ul>" + "".join(bullets) + "</ul>")
    return '<div class="WordSection1">\n' + "\n".join(out) + "\n</div>"


def sync_site(meetings: int, seed: int) -> Any:
    """The fake ModernGov site of the tests (not started), holding ``meetings`` meetings of one
    council's committees in the year before SYNC_TODAY: 10-15 items each (apologies,
    declarations, minutes, substantive reports with their discussion and resolutions, work
    programme), minutes as HTML, report documents, a restricted item in one meeting in five,
    and the attendance register (present, apologies, substitutes, officers)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.moderngov
    import make_corpus

    from tests.moderngov.fake_site import FakeItem, FakeMeeting, FakeSite

    rng = random.Random(seed)
    committees = make_corpus.make_committees(rng)
    committees = [c for c in committees if c.council == committees[0].council]
    pool = make_corpus.build_sentence_pool(seed)
    today = date.fromisoformat(SYNC_TODAY)
    site = FakeSite("/democracy/", today=today, demo=False)
    for k, committee in enumerate(committees):
        site.committees[101 + k] = (committee.name, False)
    item_id = 40000
    for k in range(meetings):
        committee_id = 101 + k % len(committees)
        committee = committees[k % len(committees)]
        day = today - timedelta(days=365 - (k * 365) // meetings)
        plan = make_corpus.MeetingPlan(
            index=k,
            committee=committee,
            day=day.toordinal(),
            items=rng.randint(10, 15),
            as_pages=False,
            first_number=rng.randint(1, 400),
            seed=rng.getrandbits(63),
            folder="",
        )
        writer = make_corpus.MeetingWriter(plan, pool)
        contents = writer.procedural_items()
        for _ in range(plan.items - 5):
            topic, title = writer.topic_title()
            contents.append((title, writer.substantive_body(topic, writer.officer())))
        contents += writer.closing_items()
        items = []
        for ordinal, (title, paragraphs) in enumerate(contents):
            item_id += 1
            number = writer.item_number(ordinal).rstrip(".").lstrip("*")
            docs = [
                (item_id * 10 + d, f"{title} - report", f"documents/s{item_id * 10 + d}/r.pdf")
                for d in range(2 if ordinal >= 3 else 0)
            ]
            items.append(
                FakeItem(item_id, number, title, _sync_minutes_html(paragraphs), docs=docs)
            )
        if writer.rng.random() < 0.2:  # a report taken in private: recorded without text
            items[-2] = FakeItem(items[-2].id, items[-2].number, items[-2].title, restricted=True)
        chair, vice, *others = writer.members
        attendees = [(f"Councillor {chair}", "Chair", "Present")]
        attendees.append((f"Councillor {vice}", "Vice-Chair", "Present"))
        for j, name in enumerate(others):
            attendance = "Apologies" if j < 2 else "Present"
            if j == 2 and writer.rng.random() < 0.5:
                attendance = "Present as substitute"
            attendees.append((f"Councillor {name}", "Committee Member", attendance))
        for _ in range(writer.rng.randint(2, 4)):
            attendees.append((writer.person(), writer.officer(), "In attendance"))
        site.meetings[60000 + k] = FakeMeeting(
            60000 + k, committee_id, day, items=items, attendees=attendees
        )
    return site


class SyncAnswers:
    """A fetcher (``moderngov.client.Fetcher``) answering from responses fetched already:
    the web service's XML as the fake site sends it, with no network and no pause."""

    def __init__(self, answers: dict[str, bytes]) -> None:
        self.answers = answers
        self.requests = 0

    def get(self, url: str, params: Any = None) -> Any:
        from scrutiny_tui.moderngov.client import Fetched

        self.requests += 1
        op = url.rsplit("/", 1)[-1]
        params = params or {}
        key = f"{op}:{params.get('lCommitteeId') or params.get('lMeetingId') or ''}"
        return Fetched(url, 200, self.answers[key], "text/xml; charset=utf-8")

    def close(self) -> None:
        pass


def sync_answers(site: Any, since: date, until: date) -> dict[str, bytes]:
    from scrutiny_tui.moderngov.client import dmy

    def xml(body: str) -> bytes:
        return ('<?xml version="1.0" encoding="utf-8"?>\n' + body).encode()

    answers = {
        f"GetMeetings:{cid}": xml(site.meetings_xml(cid, dmy(since), dmy(until)))
        for cid in site.committees
    }
    for meeting_id, meeting in site.meetings.items():
        answers[f"GetMeeting:{meeting_id}"] = xml(site.meeting_xml(meeting))
    return answers


def _sync_store(path: Path, site: Any) -> Any:
    from scrutiny_tui.moderngov import Committee
    from scrutiny_tui.services.sync import SiteCheck, add_source
    from scrutiny_tui.store.db import open_store

    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = open_store(path)
    committees = [Committee(cid, title) for cid, (title, _) in site.committees.items()]
    check = SiteCheck(site.base_url, committees, [])
    add_source(store, site.base_url, name="bench", picked=committees, check=check)
    return store


def probe_sync(
    workdir: str, meetings: str = "200", seed: str = "1", repeats: str = "1"
) -> dict[str, Any]:
    """Synced meetings read and stored: ``sync`` over answers fetched already (the web
    service's XML for each meeting, read, built into a document, parsed and written into a
    fresh store; the best of ``repeats``); again with nothing changed; the three steps timed
    apart over the same answers; and end to end against the fake site on 127.0.0.1 with no
    pause."""
    from scrutiny_tui.moderngov import Committee, responses
    from scrutiny_tui.moderngov.client import ClientSettings, ModernGovSite
    from scrutiny_tui.services import sync as sync_service
    from scrutiny_tui.store.db import open_store
    from scrutiny_tui.store.sources import synced_path

    folder = Path(workdir)
    folder.mkdir(parents=True, exist_ok=True)
    today = date.fromisoformat(SYNC_TODAY)
    since, until = sync_service.default_window(today)
    site = sync_site(int(meetings), int(seed))
    site.start()
    try:
        answers = sync_answers(site, since, until)
        meeting_xml = [v for k, v in answers.items() if k.startswith("GetMeeting:")]
        result: dict[str, Any] = {
            "meetings": len(meeting_xml),
            "items": sum(len(m.items) for m in site.meetings.values()),
            "xml_kb": round(sum(len(x) for x in meeting_xml) / 1024),
        }

        # 1. sync() over the answers: responses in, stored records out
        runs = []
        for _ in range(int(repeats)):
            store = _sync_store(folder / "sync-answers.db", site)
            started = time.perf_counter()
            summary = sync_service.sync(store, today=today, fetcher=lambda: SyncAnswers(answers))
            runs.append(time.perf_counter() - started)
            store.close()
        result["seconds"] = min(runs)
        result["runs_seconds"] = runs
        store = open_store(folder / "sync-answers.db")
        result["new"] = summary.total("new")
        result["failed"] = [f"{p.where}: {p.reason}" for _, p in summary.failed][:3]
        counts = summary.sources[0].counts
        result["records"] = {
            "items": counts.items,
            "resolutions": counts.resolutions,
            "recommendations": counts.recommendations,
            "actions": counts.actions,
        }
        started = time.perf_counter()
        again = sync_service.sync(store, today=today, fetcher=lambda: SyncAnswers(answers))
        result["unchanged_seconds"] = time.perf_counter() - started
        result["unchanged"] = again.total("unchanged")
        store.close()

        # 2. the steps apart: XML to dataclasses, the document built (HTML to text, the
        # parser), the document written
        store = _sync_store(folder / "sync-steps.db", site)
        [source] = sync_service.list_sources(store)
        mg = ModernGovSite(site.base_url, SyncAnswers(answers))
        rows = [
            r
            for cid in site.committees
            for r in mg._service_meetings(Committee(cid, site.committees[cid][0]), since, until)
        ]
        steps = {"xml": 0.0, "build": 0.0, "write": 0.0}
        report = sync_service.SourceReport("bench")
        for row in rows:
            data = answers[f"GetMeeting:{row.id}"]
            t0 = time.perf_counter()
            meeting = responses.parse_meeting(data)
            sha = hashlib.sha256(data).hexdigest()
            t1 = time.perf_counter()
            path = synced_path(source.name, row.id)
            built = sync_service.build_document(
                meeting,
                council=source.name,
                committee=row.committee_title,
                path=path,
                sha256=sha,
                fetch=mg.document,
            )
            t2 = time.perf_counter()
            url = mg.meeting_page_url(row.committee_id, row.id)
            sync_service._write(store, source, row, path, sha, built, meeting, url, report)
            t3 = time.perf_counter()
            steps["xml"] += t1 - t0
            steps["build"] += t2 - t1
            steps["write"] += t3 - t2
        result["steps_seconds"] = steps
        store.close()

        # 3. end to end: HTTP to the fake site on 127.0.0.1, no pause
        store = _sync_store(folder / "sync-http.db", site)
        settings = ClientSettings(pause=0, timeout=30, retries=0)
        started = time.perf_counter()
        http = sync_service.sync(store, today=today, settings=settings)
        result["http_seconds"] = time.perf_counter() - started
        result["http_new"] = http.total("new")
        result["http_requests"] = http.sources[0].requests
        store.close()
    finally:
        site.stop()
        for name in ("sync-answers.db", "sync-steps.db", "sync-http.db"):
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{folder / name}{suffix}").unlink(missing_ok=True)
    result["meetings_per_s"] = result["meetings"] / result["seconds"]
    result["rss_mb"] = peak_rss_mb()
    return result


# ---- running ----------------------------------------------------------------------------

PROBES: dict[str, Callable[..., dict[str, Any]]] = {
    "ingest": probe_ingest,
    "fts-baseline": probe_fts_baseline,
    "parse": probe_parse,
    "search": probe_search,
    "app": probe_app,
    "minimal": probe_minimal,
    "briefing": probe_briefing,
    "sync": probe_sync,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", type=Path, help="write cProfile statistics here")
    parser.add_argument("probe", choices=sorted(PROBES))
    parser.add_argument("args", nargs="*")
    args = parser.parse_args(argv)
    probe = PROBES[args.probe]
    if args.profile is None:
        result = probe(*args.args)
    else:
        profiler = cProfile.Profile()
        result = profiler.runcall(probe, *args.args)
        report = io.StringIO()
        stats = pstats.Stats(profiler, stream=report)
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
        args.profile.write_text(report.getvalue(), encoding="utf-8")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
