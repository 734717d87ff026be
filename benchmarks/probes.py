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
import io
import json
import pstats
import resource
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

READY_TIMEOUT = 300.0  # seconds to wait for a screen to fill before giving up
APP_SIZE = (120, 40)
PRESSES = 100


def _target(store_path: str) -> Any:
    """A store named on the command line: a team store's URL as it is, else a file."""
    return store_path if "://" in store_path else Path(store_path)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
        await pilot.pause()  # the first frame with the list on it
        result["start_s"] = time.perf_counter() - started
        tree = app.screen.query(Tree).first()
        result["meetings_nodes"] = sum(len(n.children) for n in tree.root.children)
        result["meetings_down_s"] = await press_down(pilot)
        result["meetings_cursor"] = tree.cursor_line

        opened = time.perf_counter()
        await pilot.press("t")

        def actions_filled() -> bool:
            tables = app.screen.query(DataTable)
            return bool(tables) and tables.first().row_count > 0

        await wait_until(pilot, actions_filled, "actions tracker")
        await pilot.pause()
        result["actions_open_s"] = time.perf_counter() - opened
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
    from textual.widgets import Label, ListItem, ListView

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield ListView(*(ListItem(Label(f"Item {k}")) for k in range(100)))

        def on_mount(self) -> None:
            self.query_one(ListView).focus()

    result: dict[str, Any] = {}
    started = time.perf_counter()
    app = Minimal()
    app.animation_level = "none"
    async with app.run_test(size=APP_SIZE) as pilot:
        result["entered_s"] = time.perf_counter() - started
        view = app.query_one(ListView)
        await wait_until(pilot, lambda: len(view.children) == 100, "list view")
        await pilot.pause()
        result["start_s"] = time.perf_counter() - started
        result["down_s"] = await press_down(pilot)
        result["cursor"] = view.index
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


# ---- running ----------------------------------------------------------------------------

PROBES: dict[str, Callable[..., dict[str, Any]]] = {
    "ingest": probe_ingest,
    "fts-baseline": probe_fts_baseline,
    "parse": probe_parse,
    "search": probe_search,
    "app": probe_app,
    "minimal": probe_minimal,
    "briefing": probe_briefing,
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
