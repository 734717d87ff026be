"""The large-archive benchmarks: each measure beside its baseline, in one run, as one table.

    python benchmarks/run.py [--n N] [--seed S] [--workdir DIR] [--keep] [--profile]

Generates (or reuses) a corpus of N agenda items, then measures, each heavy step in its own
process (benchmarks/probes.py) so imports and peak RSS are its own:

- ingest into a fresh store through ``ingest_paths``, beside reading the same files into a
  plain FTS5 table in one transaction; re-ingest of the unchanged corpus;
- 20 searches through the search service, beside ``grep -rlci`` (ripgrep if on PATH);
- app start to a filled meetings list, and 100 down-arrows in the meetings list and the
  actions tracker, beside a minimal Textual app with one ListView of 100 items; peak RSS;
- a briefing pack of 200 items, if the briefing service exists;
- the CLI's cold start (``scrutiny --version``), beside ``python -c pass``;
- each everyday command (``search``, ``parse``, ``meetings``, ``notes list``, ``export``)
  from the shell, start to answer, on the bench store, beside ``python -c pass`` and (for
  search) ``grep -rli`` over the same files.

Prints a Markdown table and writes it to benchmarks/results/latest.md and n{N}.md. With
``--profile`` each probe also writes cProfile statistics into the work folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder is not a package

import cold_start
import make_corpus
import probes

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"

PROBE_TIMEOUT = 4 * 3600
BRIEFING_ITEMS = 200
PARSE_SAMPLE = 1000  # files

# (query for the search service, grep patterns for the same words: any of them matches)
QUERIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("safeguarding", ("safeguarding",)),
    ("recycling", ("recycling",)),
    ("Ofsted", ("ofsted",)),
    ("overspend", ("overspend",)),
    ("dementia", ("dementia",)),
    ("Kestrel", ("kestrel",)),
    ("homelessness", ("homelessness",)),
    ("potholes", ("potholes",)),
    ("CAMHS", ("camhs",)),
    ('"temporary accommodation"', ("temporary accommodation",)),
    ('"adult social care"', ("adult social care",)),
    ('"task and finish group"', ("task and finish group",)),
    ('"Equality Impact Assessment"', ("equality impact assessment",)),
    ('"Fire and Rescue Service"', ("fire and rescue service",)),
    ("flood*", ("flood",)),
    ("regenerat*", ("regenerat",)),
    ("fost*", ("fost",)),
    ("dementia OR CAMHS", ("dementia", "camhs")),
    ("Kestrel OR Meridian", ("kestrel", "meridian")),
    ('"rough sleepers" OR homelessness', ("rough sleepers", "homelessness")),
)


DETAILS: list[str] = []  # further tables, printed after the main one


@dataclass
class Row:
    measure: str
    value: str
    baseline: str = "—"
    ratio: str = "—"
    target: str = "—"
    result: str = "—"


# ---- helpers ----------------------------------------------------------------------------


def run_probe(
    name: str, *args: str, workdir: Path, profile: bool = False, timeout: float = PROBE_TIMEOUT
) -> dict[str, Any]:
    """Run one probe in a fresh interpreter; its JSON answer, or {"error": why}."""
    command = [sys.executable, str(HERE / "probes.py")]
    if profile:
        command += ["--profile", str(workdir / f"profile-{name}.txt")]
    command += [name, *args]
    print(f"{datetime.now(UTC):%H:%M:%S} {name}…", file=sys.stderr, flush=True)
    started = time.perf_counter()
    try:
        completed = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, cwd=REPO, check=False
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    finally:
        print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    if completed.returncode != 0:
        lines = completed.stderr.strip().splitlines()
        return {"error": lines[-1] if lines else f"exit {completed.returncode}"}
    return json.loads(completed.stdout.strip().splitlines()[-1])


def ok(condition: bool) -> str:
    return "pass" if condition else "FAIL"


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1)."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.4999))
    return ordered[min(rank, len(ordered)) - 1]


def fmt_s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def error_row(measure: str, result: dict[str, Any], target: str = "—") -> Row:
    return Row(measure, f"error: {result['error']}", target=target, result="FAIL")


def remove_store(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# ---- corpus -----------------------------------------------------------------------------


def corpus(n: int, seed: int, workdir: Path) -> tuple[Path, dict[str, Any], float]:
    """The corpus for (n, seed), generated once and reused; (folder, manifest, seconds)."""
    folder = workdir / f"corpus-n{n}-s{seed}"
    manifest_path = folder / make_corpus.MANIFEST
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("n_items") == n and manifest.get("seed") == seed:
            return folder, manifest, 0.0
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    manifest = make_corpus.make_corpus(n, folder, seed)
    return folder, manifest, time.perf_counter() - started


# ---- measures ---------------------------------------------------------------------------


def measure_ingest(
    n: int, root: Path, files: list[str], workdir: Path, profile: bool, text_bytes: int
) -> tuple[list[Row], Path | None]:
    store = workdir / f"store-n{n}.db"
    remove_store(store)
    first = run_probe("ingest", str(store), str(root), workdir=workdir, profile=profile)
    if "error" in first:
        return [error_row("Ingest (items/s)", first, "≥ 2,000 items/s")], None
    files_json = workdir / "files.json"
    files_json.write_text(json.dumps(files), encoding="utf-8")
    tokenize = probes.store_fts_tokenizer(str(store))
    baseline = run_probe(
        "fts-baseline",
        str(workdir / "fts-baseline.db"),
        str(root),
        str(files_json),
        tokenize,
        workdir=workdir,
    )
    again = run_probe("ingest", str(store), str(root), workdir=workdir)
    parse = run_probe("parse", str(root), str(files_json), str(PARSE_SAMPLE), workdir=workdir)
    rate = n / first["seconds"]
    rows = [ingest_row(rate, baseline, n)]
    if "error" not in parse:
        rows.append(
            Row(
                f"Parser alone, one process, {parse['files']:,} files (items/s)",
                f"{parse['items'] / parse['seconds']:,.0f}",
            )
        )
    if n >= 1_000_000:
        rows.append(
            Row(
                "Ingest, whole corpus",
                f"{first['seconds'] / 60:.1f} min",
                target="≤ 10 min at 1M items",
                result=ok(first["seconds"] <= 600),
            )
        )
    rows.append(
        Row(
            "Ingest peak RSS",
            f"{first['rss_mb']:.0f} MB",
            f"{baseline['rss_mb']:.0f} MB" if "rss_mb" in baseline else "—",
            target="≤ 300 MB",
            result=ok(first["rss_mb"] <= 300),
        )
    )
    rows.append(store_size_row(store, text_bytes))
    if "error" in again:
        rows.append(error_row("Re-ingest, unchanged corpus", again, "≤ 3 s"))
    else:
        rows.append(
            Row(
                "Re-ingest, unchanged corpus",
                fmt_s(again["seconds"]),
                target="≤ 3 s",
                result=ok(again["seconds"] <= 3),
            )
        )
    print_summary("first ingest", first.get("summary"))
    print_summary("re-ingest", again.get("summary"))
    return rows, store


def store_size_row(store: Path, text_bytes: int) -> Row:
    """The store's files on disk (after a checkpoint) beside the text of the files it read."""
    import sqlite3

    with sqlite3.connect(store) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(Path(f"{store}{suffix}").stat().st_size for suffix in ("", "-wal")
               if Path(f"{store}{suffix}").exists())  # fmt: skip
    ratio = size / text_bytes
    return Row(
        "Store size",
        f"{size / 1e6:,.0f} MB",
        f"{text_bytes / 1e6:,.0f} MB (the files' text)",
        f"{ratio:.1f}×",
        "≤ 2× the text",
        ok(ratio <= 2),
    )


def ingest_row(rate: float, baseline: dict[str, Any], n: int) -> Row:
    if "error" in baseline:
        return Row(
            "Ingest (items/s)",
            f"{rate:,.0f}",
            f"error: {baseline['error']}",
            target="≥ 2,000 items/s",
            result=ok(rate >= 2000),
        )
    base_rate = n / baseline["seconds"]
    return Row(
        "Ingest (items/s)",
        f"{rate:,.0f}",
        f"{base_rate:,.0f} (raw text into FTS5)",
        f"{rate / base_rate:.2f}×",
        "≥ 2,000 items/s",
        ok(rate >= 2000),
    )


def print_summary(label: str, summary: Any) -> None:
    if summary is not None:
        print(f"{label}: {json.dumps(summary)[:400]}", file=sys.stderr)


def grep_command(patterns: tuple[str, ...], root: Path) -> list[str]:
    expressions = [arg for p in patterns for arg in ("-e", p)]
    if shutil.which("rg"):
        return ["rg", "-l", "-c", "-i", "-F", *expressions, str(root)]
    return ["grep", "-r", "-l", "-c", "-i", "-F", *expressions, str(root)]


def time_grep(patterns: tuple[str, ...], root: Path) -> float:
    started = time.perf_counter()
    subprocess.run(grep_command(patterns, root), capture_output=True, check=False)
    return time.perf_counter() - started


def search_p95_target_ms(n: int) -> int:
    """p95 ≤ 20 ms at 100k items, ≤ 50 ms at a million (between: the larger)."""
    return 20 if n <= 100_000 else 50


def measure_search(store: Path, root: Path, workdir: Path, profile: bool, n: int) -> list[Row]:
    queries = [q for q, _ in QUERIES]
    result = run_probe(
        "search", str(store), json.dumps(queries), "3", workdir=workdir, profile=profile
    )
    time_grep(QUERIES[0][1], root)  # warm the page cache as the store's pages are warm
    grep = [time_grep(patterns, root) for _, patterns in QUERIES]
    tool = "rg" if shutil.which("rg") else "grep -rlci"
    grep_p50, grep_p95 = percentile(grep, 0.5), percentile(grep, 0.95)
    target_ms = search_p95_target_ms(n)
    if "error" in result:
        return [
            error_row("Search p95 (20 queries)", result, f"≤ {target_ms} ms"),
            Row("grep over the files, p50 / p95", f"{fmt_s(grep_p50)} / {fmt_s(grep_p95)}"),
        ]
    times = [result["median"][q] for q in queries]
    p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
    first = [result["first"][q] for q in queries]
    # End to end from the shell: `scrutiny search QUERY`, the command's start included
    shell = [cold_start.command_ms(["--db", str(store), "search", q], runs=3) / 1000
             for q in queries]  # fmt: skip
    ratios = [g / t for g, t in zip(grep, shell, strict=True)]
    slowest = min(range(len(queries)), key=lambda i: ratios[i])
    print_query_table(queries, result, grep, shell)
    return [
        Row(
            "Search p50 (20 queries, through the service)",
            fmt_ms(p50),
            f"{fmt_s(grep_p50)} ({tool})",
            f"{grep_p50 / p50:,.0f}× faster",
        ),
        Row(
            "Search p95 (20 queries, through the service)",
            fmt_ms(p95),
            f"{fmt_s(grep_p95)} ({tool})",
            f"{grep_p95 / p95:,.0f}× faster",
            f"≤ {target_ms} ms",
            ok(p95 * 1000 <= target_ms),
        ),
        Row(
            "Search from the shell, the query least ahead of grep",
            f"{fmt_ms(shell[slowest])} (`{queries[slowest]}`)",
            f"{fmt_s(grep[slowest])} ({tool})",
            f"{ratios[slowest]:,.1f}× faster",
            "every query ≥ 20× faster",
            ok(ratios[slowest] >= 20),
        ),
        Row("Search p95, first run of each query", fmt_ms(percentile(first, 0.95))),
    ]


TEAM_STORE_MAX = 20_000  # items: a team store ingests about 110 a second


def measure_team_store(n: int, root: Path, workdir: Path) -> list[Row]:
    """Ingest and search on a team store (a PostgreSQL server started here with pgserver),
    beside the single-file figures above."""
    if n > TEAM_STORE_MAX:
        return [
            Row(
                "Team store (PostgreSQL)",
                f"not measured above {TEAM_STORE_MAX:,} items (its ingest, a round trip per"
                " statement, would take most of the run): see a run at N ≤ 20,000",
            )
        ]
    try:
        import pgserver
    except ImportError:
        return [Row("Team store (PostgreSQL)", "not measured: pgserver is not installed")]
    folder = workdir / f"pg-n{n}"
    shutil.rmtree(folder, ignore_errors=True)
    server = pgserver.get_server(folder, cleanup_mode="stop")
    try:
        url = server.get_uri()
        server.psql("CREATE DATABASE bench TEMPLATE template0 LOCALE 'C' ENCODING 'UTF8';")
        url = url.replace("/postgres?", "/bench?")
        ingest = run_probe("ingest", url, str(root), workdir=workdir)
        if "error" in ingest:
            return [error_row("Team store ingest (items/s)", ingest)]
        queries = [q for q, _ in QUERIES]
        found = run_probe("search", url, json.dumps(queries), "3", workdir=workdir)
        rows = [Row("Team store (PostgreSQL) ingest (items/s)", f"{n / ingest['seconds']:,.0f}")]
        if "error" in found:
            return [*rows, error_row("Team store search p95", found)]
        times = [found["median"][q] for q in queries]
        rows.append(
            Row(
                "Team store search p50 / p95 (20 queries)",
                f"{fmt_ms(percentile(times, 0.5))} / {fmt_ms(percentile(times, 0.95))}",
            )
        )
        return rows
    finally:
        server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


def print_query_table(
    queries: list[str], result: dict[str, Any], grep: list[float], shell: list[float]
) -> None:
    DETAILS.append("\n## Search, query by query\n")
    DETAILS.append(
        "| query | hits (limit 50) | search, median of 3 | first run | from the shell | grep |"
    )
    DETAILS.append("|---|---:|---:|---:|---:|---:|")
    for query, grep_s, shell_s in zip(queries, grep, shell, strict=True):
        DETAILS.append(
            f"| `{query}` | {result['hits'][query]} | {fmt_ms(result['median'][query])}"
            f" | {fmt_ms(result['first'][query])} | {fmt_ms(shell_s)} | {fmt_s(grep_s)} |"
        )


def measure_app(store: Path, workdir: Path, profile: bool) -> list[Row]:
    minimal = run_probe("minimal", workdir=workdir)
    app = run_probe("app", str(store), workdir=workdir, profile=profile)
    if "error" in minimal:
        return [error_row("Minimal Textual app", minimal)]
    if "error" in app:
        return [error_row("App start to filled meetings list", app, "≤ 2× minimal app")]
    print(f"app: {json.dumps(app)}\nminimal: {json.dumps(minimal)}", file=sys.stderr)
    start_ratio = app["start_s"] / minimal["start_s"]
    meetings_ratio = app["meetings_down_s"] / minimal["down_s"]
    actions_ratio = app["actions_down_s"] / minimal["down_s"]
    return [
        Row(
            "App start to filled meetings list",
            fmt_s(app["start_s"]),
            f"{fmt_s(minimal['start_s'])} (minimal app)",
            f"{start_ratio:.2f}×",
            "≤ 2×",
            ok(start_ratio <= 2),
        ),
        Row(
            "100 × down, meetings list",
            fmt_s(app["meetings_down_s"]),
            f"{fmt_s(minimal['down_s'])} (ListView)",
            f"{meetings_ratio:.2f}×",
            "≤ 1.5×",
            ok(meetings_ratio <= 1.5),
        ),
        Row(
            "Actions tracker open to first rows",
            fmt_s(app["actions_open_s"]),
            f"{fmt_s(minimal['table_open_s'])} (a new screen with a 100-row DataTable)"
            if "table_open_s" in minimal
            else "—",
            f"{app['actions_open_s'] / minimal['table_open_s']:.2f}×"
            if minimal.get("table_open_s")
            else "—",
            "≤ 0.3 s",
            ok(app["actions_open_s"] <= 0.3),
        ),
        Row(
            "100 × down, actions tracker",
            fmt_s(app["actions_down_s"]),
            f"{fmt_s(minimal['down_s'])} (ListView)",
            f"{actions_ratio:.2f}×",
            "≤ 1.5×",
            ok(actions_ratio <= 1.5),
        ),
        Row(
            "App peak RSS",
            f"{app['rss_mb']:.0f} MB",
            f"{minimal['rss_mb']:.0f} MB (minimal app)",
            f"{app['rss_mb'] / minimal['rss_mb']:.1f}×",
            "≤ 250 MB",
            ok(app["rss_mb"] <= 250),
        ),
    ]


def measure_briefing(store: Path, workdir: Path, profile: bool) -> list[Row]:
    result = run_probe(
        "briefing", str(store), str(BRIEFING_ITEMS), workdir=workdir, profile=profile
    )
    measure = f"Briefing pack, {BRIEFING_ITEMS} items"
    if "error" in result:
        return [error_row(measure, result, "≤ 1 s")]
    if not result.get("available"):
        return [Row(measure, "not available", target="≤ 1 s")]
    return [
        Row(
            f"Briefing pack, {result['items']} items",
            fmt_s(result["seconds"]),
            target="≤ 1 s",
            result=ok(result["seconds"] <= 1),
        )
    ]


COMMAND_TARGET_MS = 150


def measure_commands(store: Path, root: Path, files: list[str], workdir: Path) -> list[Row]:
    """Each command as a member types it, start to answer (median of 5, warm caches: the
    page cache, and bytecode compiled as an install leaves it)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "scrutiny_tui")])
    bare = cold_start.bare_python_ms()
    query, patterns = QUERIES[0]
    out = workdir / "pack.md"
    committee, since = busiest_committee(store)
    commands = [
        (f"`scrutiny search {query}`", ["search", query]),
        ("`scrutiny parse FILE`", ["parse", str(root / files[0])]),
        ("`scrutiny meetings`", ["meetings"]),
        ("`scrutiny notes list`", ["notes", "list"]),
        # a pack for the next meeting: one committee's last half-year
        ("`scrutiny export --committee C --since D`",
         ["export", "--committee", committee, "--since", since, "--force", "--out", str(out)]),
    ]  # fmt: skip
    rows = []
    for label, args in commands:
        try:
            ms = cold_start.command_ms(["--db", str(store), *args])
        except subprocess.CalledProcessError as exc:
            rows.append(Row(f"{label}, start to answer", f"failed (exit {exc.returncode})"))
            continue
        rows.append(
            Row(
                f"{label}, start to answer",
                f"{ms:.0f} ms",
                f"{bare:.0f} ms (`python -c pass`)",
                f"{ms / bare:.1f}×",
                f"≤ {COMMAND_TARGET_MS} ms",
                ok(ms <= COMMAND_TARGET_MS),
            )
        )
        if args[0] == "search":
            time_grep(patterns, root)  # warm the page cache
            grep_ms = statistics.median(time_grep(patterns, root) for _ in range(3)) * 1000
            rows.append(
                Row(
                    f"{label} vs `grep -rli` over the files",
                    f"{ms:.0f} ms",
                    f"{grep_ms:.0f} ms",
                    f"{grep_ms / ms:,.1f}× faster",
                )
            )
    return rows


def busiest_committee(store: Path) -> tuple[str, str]:
    """The committee with the most meetings, and the date six months before its last."""
    import sqlite3

    with sqlite3.connect(store) as conn:
        committee, last = conn.execute(
            "SELECT committee, max(date) FROM meeting WHERE committee IS NOT NULL"
            " GROUP BY committee ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    since = datetime.fromisoformat(last) - timedelta(days=183)
    return committee, since.date().isoformat()


SYNC_MEETINGS = 100  # of 10-15 items each (probes.sync_site)
SYNC_TARGET = 50  # meetings/s


def measure_sync(workdir: Path, profile: bool) -> list[Row]:
    """Synced meetings read and stored: the ModernGov web service's answers, fetched
    already, through ``sync`` into a fresh store; the steps apart and the sync
    end to end against the fake site on 127.0.0.1, with no pause, go to stderr."""
    measure = "Sync: synced meetings read and stored (meetings/s)"
    target = f"≥ {SYNC_TARGET} meetings/s"
    result = run_probe(
        "sync", str(workdir), str(SYNC_MEETINGS), "1", "1", workdir=workdir, profile=profile
    )
    if "error" in result:
        return [error_row(measure, result, target)]
    print(f"sync: {json.dumps(result)}", file=sys.stderr)
    rate = result["meetings_per_s"]
    return [Row(measure, f"{rate:,.1f}", target=target, result=ok(rate >= SYNC_TARGET))]


def measure_cold_start() -> list[Row]:
    version = cold_start.version_ms()
    bare = cold_start.bare_python_ms()
    report = cold_start.version_import_report()
    heavy = ", ".join(report.heavy) or "none"
    return [
        Row(
            "`scrutiny --version` wall",
            f"{version:.0f} ms",
            f"{bare:.0f} ms (`python -c pass`)",
            f"{version / bare:.1f}×",
        ),
        Row(
            "Imported by `scrutiny --version`",
            f"{report.total_us / 1000:.0f} ms: {heavy}",
            target="no textual",
            result=ok("textual" not in report.heavy),
        ),
    ]


# ---- the table --------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GB RAM"
    except (ValueError, OSError):
        pass
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{memory},"
        f" Python {platform.python_version()}, SQLite {sqlite_version()}"
    )


def sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def commit() -> str:
    completed = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
    )
    return completed.stdout.strip() or "unknown"


def render(rows: list[Row], header: list[str]) -> str:
    lines = [*header, "", "| measure | value | baseline | ratio | target | result |"]
    lines.append("|---|---:|---:|---:|---|---|")
    for r in rows:
        lines.append(
            f"| {r.measure} | {r.value} | {r.baseline} | {r.ratio} | {r.target} | {r.result} |"
        )
    return "\n".join([*lines, *DETAILS]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="agenda items in the corpus")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=HERE / "out")
    parser.add_argument("--keep", action="store_true", help="keep the stores after the run")
    parser.add_argument("--profile", action="store_true", help="cProfile each probe")
    args = parser.parse_args(argv)
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()

    root, manifest, generated = corpus(args.n, args.seed, workdir)
    minutes = root / manifest["root"]
    files = [f["path"] for f in manifest["files"]]
    size = sum((minutes / p).stat().st_size for p in files)
    print(
        f"corpus: {args.n} items, {len(files)} files, {size / 1e6:.0f} MB"
        + (f", generated in {generated:.1f} s" if generated else ", cached"),
        file=sys.stderr,
    )
    rows, store = measure_ingest(args.n, minutes, files, workdir, args.profile, size)
    if store is not None:
        rows += measure_search(store, minutes, workdir, args.profile, args.n)
        rows += measure_app(store, workdir, args.profile)
        rows += measure_briefing(store, workdir, args.profile)
        rows += measure_commands(store, minutes, files, workdir)
    rows += measure_team_store(args.n, minutes, workdir)
    rows += measure_sync(workdir, args.profile)
    rows += measure_cold_start()

    header = [
        f"# Benchmarks at N = {args.n:,} agenda items",
        "",
        f"- {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}, commit {commit()}",
        f"- {machine()}",
        f"- corpus: `benchmarks/make_corpus.py {args.n} OUT --seed {args.seed}`:"
        f" {len(files):,} files, {manifest['meetings']:,} meetings, {size / 1e6:.0f} MB",
        f"- whole run {time.perf_counter() - began:.0f} s",
    ]
    table = render(rows, header)
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(table, encoding="utf-8")
    (RESULTS / f"n{args.n}.md").write_text(table, encoding="utf-8")
    if not args.keep:
        remove_store(workdir / f"store-n{args.n}.db")
        remove_store(workdir / "fts-baseline.db")
    return 0


if __name__ == "__main__":
    sys.exit(main())
