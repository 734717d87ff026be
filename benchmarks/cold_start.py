"""How long the ``scrutiny`` command takes to start, and which imports the time goes to.

    python benchmarks/cold_start.py [--runs R] [--top K]

Runs ``python -X importtime -c "import scrutiny_tui.cli"`` and ``scrutiny --version`` under
``-X importtime``, sums the self time of every module under its top-level package (the
biggest first), then times ``scrutiny --version`` (wall clock, the median of R runs) beside
``python -c pass``.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

IMPORT_LINE = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|\s*(\S+)\s*$")
TARGET = "scrutiny_tui.cli"
HEAVY = ("textual", "rich", "sqlmodel", "sqlalchemy", "pydantic", "yaml", "selectolax", "pypdf")


@dataclass(frozen=True)
class ImportReport:
    total_us: int  # all import time (self times summed)
    by_package: list[tuple[str, int]]  # (top-level package, summed self time), biggest first
    modules: frozenset[str]

    @property
    def heavy(self) -> list[str]:
        top = {m.split(".")[0] for m in self.modules}
        return [p for p in HEAVY if p in top]


def scrutiny_script() -> list[str]:
    """The installed console script, run by this interpreter (or ``-m scrutiny_tui``)."""
    script = Path(sys.executable).with_name("scrutiny")
    return [str(script)] if script.exists() else ["-m", "scrutiny_tui"]


def import_report(program: list[str]) -> ImportReport:
    """Import times of ``python -X importtime PROGRAM...``."""
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", *program], capture_output=True, text=True, check=False
    )
    by_package: Counter[str] = Counter()
    modules: set[str] = set()
    for line in completed.stderr.splitlines():
        match = IMPORT_LINE.match(line)
        if match:
            modules.add(match[3])
            by_package[match[3].split(".")[0]] += int(match[1])
    return ImportReport(sum(by_package.values()), by_package.most_common(), frozenset(modules))


def cli_import_report() -> ImportReport:
    return import_report(["-c", f"import {TARGET}"])


def version_import_report() -> ImportReport:
    return import_report([*scrutiny_script(), "--version"])


def wall_ms(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def version_ms(runs: int = 5) -> float:
    return wall_ms([sys.executable, *scrutiny_script(), "--version"], runs)


def command_ms(args: list[str], runs: int = 5) -> float:
    """``scrutiny ARGS...`` from the shell, start to answer (median wall of ``runs``, after
    one warm-up run)."""
    command = [sys.executable, *scrutiny_script(), *args]
    wall_ms(command, 1)
    return wall_ms(command, runs)


def bare_python_ms(runs: int = 5) -> float:
    return wall_ms([sys.executable, "-c", "pass"], runs)


def markdown(title: str, report: ImportReport, top: int) -> str:
    lines = [
        f"{title}: {report.total_us / 1000:.1f} ms of imports",
        "",
        "| package | self time (ms) |",
        "|---|---:|",
    ]
    lines += [f"| {p} | {us / 1000:.1f} |" for p, us in report.by_package[:top]]
    lines += ["", f"heavy packages imported: {', '.join(report.heavy) or 'none'}", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    print(markdown(f"import {TARGET}", cli_import_report(), args.top))
    print(markdown("scrutiny --version", version_import_report(), args.top))
    print(
        f"`scrutiny --version`: {version_ms(args.runs):.0f} ms wall"
        f" (`python -c pass`: {bare_python_ms(args.runs):.0f} ms), median of {args.runs}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
