"""``scrutiny ingest [PATH…]``: read minutes files and folders into the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scrutiny_tui.cli.common import SetupError, fail, open_settings_store, settings_from_args
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


class _Bar:
    """A one-line progress bar on stderr, only on a terminal and only for long runs."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, done: int, total: int, name: str) -> None:
        if total < 50 or not sys.stderr.isatty() or (done % 25 and done != total):
            return
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")


def run(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.ingest import ingest_paths

    try:
        settings = settings_from_args(args)
        store = open_settings_store(settings)
    except SetupError as exc:
        return fail(str(exc))
    paths = args.paths or settings.sources
    if not paths:
        return fail("no PATH given and no sources in config.yaml; try: scrutiny ingest data/")
    bar = _Bar()
    try:
        summary = ingest_paths(store, paths, progress=bar, workers=args.workers)
    finally:
        bar.close()
        store.close()
    print(visible_controls(summary.describe()))
    stored = summary.new + summary.changed + summary.unchanged
    return 0 if stored or not summary.failed else 1
