"""Every file is read within a time and memory budget (``ingest`` in config.yaml), in worker
processes or in this one: past it the file is reported and the run goes on. Worker processes
end when the ingest that started them is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scrutiny_tui.cli import main
from scrutiny_tui.config import ConfigError, load_settings
from scrutiny_tui.services.ingest import POOL_THRESHOLD
from scrutiny_tui.services.parse_workers import FileBudget, WorkerPool

DATA = Path(__file__).resolve().parent.parent.parent / "data"
SMALL_FILES = POOL_THRESHOLD + 6  # enough for worker processes


def long_minutes(items: int) -> str:
    """Real-looking minutes that take the parser many seconds (and tens of MB) to read."""
    parts = ["Overview and Scrutiny Committee - Tuesday, 4th March, 2025 7.00 pm\n\n"]
    parts += [
        f"{n}. Budget monitoring {n}\n\nThe Committee noted the overspend on placements in "
        f"quarter {n}.\n\nRESOLVED - That the report be noted.\n\n"
        for n in range(1, items + 1)
    ]
    return "".join(parts)


def archive(folder: Path, *, small: int, long_items: int = 20_000) -> Path:
    """``small`` distinct seed files and one long file (named to be read last)."""
    folder.mkdir()
    seeds = sorted(DATA.glob("*.txt"))
    for n in range(small):
        text = seeds[n % len(seeds)].read_text(encoding="utf-8") + f"\nCopy {n}.\n"
        (folder / f"{n:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "zz-long.txt").write_text(long_minutes(long_items), encoding="utf-8")
    return folder


def config(tmp_path: Path, seconds: float, memory_mb: int) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(
        f"ingest:\n  file_seconds: {seconds}\n  file_memory_mb: {memory_mb}\n", encoding="utf-8"
    )
    return path


def ingest(db: Path, cfg: Path, folder: Path, workers: int, capsys) -> tuple[int, str]:
    code = main(["--db", str(db), "--config", str(cfg), "ingest", str(folder), "--workers",
                 str(workers)])  # fmt: skip
    return code, capsys.readouterr().out


# ---- the budget in config.yaml ----------------------------------------------------------


def test_the_budget_is_read_from_config_and_checked(tmp_path):
    settings = load_settings(config(tmp_path, 2.5, 64))
    assert (settings.ingest.file_seconds, settings.ingest.file_memory_mb) == (2.5, 64)
    with pytest.raises(ConfigError, match="file_memory_mb"):
        load_settings(config(tmp_path, 2.5, 1))


# ---- time -------------------------------------------------------------------------------


@pytest.mark.parametrize(("workers", "small"), [(2, SMALL_FILES), (0, 3)], ids=["workers", "here"])
def test_a_file_past_its_time_is_reported_and_the_run_goes_on(
    db_path, tmp_path, capsys, workers, small
):
    folder = archive(tmp_path / "minutes", small=small)
    started = time.monotonic()
    code, out = ingest(db_path, config(tmp_path, 1, 4096), folder, workers, capsys)
    assert code == 0, out
    assert f"{small + 1} files: {small} new" in out
    assert "zz-long.txt: took too long: more than 1 s" in out
    assert time.monotonic() - started < 60  # the long file alone takes far longer to read


# ---- memory -----------------------------------------------------------------------------


@pytest.mark.parametrize(("workers", "small"), [(2, SMALL_FILES), (0, 3)], ids=["workers", "here"])
def test_a_file_past_its_memory_is_reported_and_the_run_goes_on(
    db_path, tmp_path, capsys, workers, small
):
    folder = archive(tmp_path / "minutes", small=small, long_items=160_000)  # 22 MB of text
    code, out = ingest(db_path, config(tmp_path, 600, 32), folder, workers, capsys)
    assert code == 0, out
    assert f"{small + 1} files: {small} new" in out
    assert "zz-long.txt: too large once unpacked: more than 32 MB" in out


# ---- a reader stuck in C code, a reader that crashes ------------------------------------


def read_name(path: Path, relpath: str) -> tuple[str, str]:
    """A stand-in reader (run in the worker processes): sleeps inside C for "hang", where no
    watchdog can interrupt it, and dies of a segmentation fault on "crash"."""
    if path.name == "hang":
        time.sleep(3600)
    if path.name == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    return path.name, "read"


def not_read(path: Path, reason: str) -> tuple[str, str]:
    return path.name, reason


def test_a_reader_stuck_or_crashing_costs_only_its_own_file():
    names = ["a", "hang", "b", "crash", "c", "d", "e", "f"]
    pool = WorkerPool(
        [(Path(name), name) for name in names],
        read_name,
        not_read,
        FileBudget(seconds=0.5),
        workers=2,
        window=8,
    )
    results = dict(pool)
    assert list(results) == names
    assert results["hang"].startswith("took too long")
    assert "crashed" in results["crash"] and "SIGSEGV" in results["crash"]
    assert {results[name] for name in names if name not in ("hang", "crash")} == {"read"}


# ---- kill -9 ----------------------------------------------------------------------------


def children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def running(pid: int) -> bool:
    """Whether ``pid`` is still a live process (a zombie nobody reaped has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_worker_processes_end_when_the_ingest_is_killed(db_path, tmp_path):
    folder = archive(tmp_path / "minutes", small=SMALL_FILES, long_items=30_000)
    script = (
        "import sys\nfrom scrutiny_tui.cli import main\n"
        f"sys.exit(main(['--db', {str(db_path)!r}, 'ingest', {str(folder)!r},"
        " '--workers', '2']))\n"
    )
    ingest_run = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and ingest_run.poll() is None:
            workers |= children(ingest_run.pid)
            time.sleep(0.01)
        assert workers, "the ingest started no worker process"
        ingest_run.send_signal(signal.SIGKILL)
        assert ingest_run.wait(30) == -signal.SIGKILL  # it was still at work when killed
        deadline = time.monotonic() + 30
        while any(running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = [pid for pid in workers if running(pid)]
        assert not left, f"worker processes outlived the ingest: {left}"
    finally:
        for pid in workers:
            if running(pid):
                os.kill(pid, signal.SIGKILL)
        if ingest_run.poll() is None:
            ingest_run.kill()
