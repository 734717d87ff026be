"""``scrutiny ingest [PATH…]``: read minutes files and folders into the store."""

from __future__ import annotations

import argparse
from pathlib import Path

from scrutiny_tui.cli.common import (
    ProgressBar,
    SetupError,
    fail,
    open_settings_store,
    settings_from_args,
)
from scrutiny_tui.safe_text import visible_controls


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="read minutes files or folders into the store",
        description="Read minutes (folders recursively) into the store. Unchanged files are "
        "skipped; a changed file's records are replaced and your notes and tracking on it "
        "are kept. A file that cannot be read is reported and skipped. With no PATH, the "
        "sources listed in config.yaml are read. Exit 1 only when nothing could be read.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders")
    parser.add_argument(
        "--workers", type=int, default=None, help="processes to parse with (default: cores)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.ingest import ingest_paths
    from scrutiny_tui.services.parse_workers import FileBudget

    try:
        settings = settings_from_args(args)
        store = open_settings_store(settings)
    except SetupError as exc:
        return fail(str(exc))
    paths = args.paths or settings.sources
    if not paths:
        return fail("no PATH given and no sources in config.yaml; try: scrutiny ingest data/")
    # a bar only for long runs, redrawn every 25 files
    bar = ProgressBar(lambda _name: "files", min_total=50, every=25)
    try:
        budget = FileBudget(settings.ingest.file_seconds, settings.ingest.file_memory_mb)
        summary = ingest_paths(store, paths, progress=bar, workers=args.workers, budget=budget)
    finally:
        bar.close()
        store.close()
    print(visible_controls(summary.describe()))
    if summary.stopped:
        return fail(f"ingest failed: {visible_controls(summary.stopped)}")
    stored = summary.new + summary.changed + summary.unchanged
    return 0 if stored or not summary.failed else 1
