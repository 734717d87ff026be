"""Every file a command writes (a briefing pack, its HTML copy, a notes export, a backup) is
written whole or not at all, never over something that is not a regular file, never over a
file without --force, and private to the user."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from scrutiny_tui.cli import main
from scrutiny_tui.services import notes
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store.db import open_store

DATA = Path(__file__).resolve().parent.parent.parent / "data"


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    store = open_store(db_path)
    ingest_paths(store, [DATA], workers=0)
    with store.read() as conn:
        uid = conn.execute("SELECT uid FROM agenda_item LIMIT 1").fetchone()[0]
    notes.add_note(store, "item", uid, notes.NoteInput("Ask about the overspend", "concern"))
    store.close()
    return db_path


def run(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_html_copy_never_overwrites_the_pack(filled_db, tmp_path, capsys):
    out = tmp_path / "p.html"
    code, _, err = run(filled_db, capsys, "export", "--out", str(out), "--html")
    assert code == 1 and "p.html" in err and "Traceback" not in err
    assert not out.exists()
    code, _, _ = run(filled_db, capsys, "export", "--out", str(tmp_path / "p.md"), "--html")
    assert code == 0
    assert (tmp_path / "p.md").read_text(encoding="utf-8").startswith("# ")
    assert (tmp_path / "p.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_notes_export_needs_force_and_leaves_a_private_file(filled_db, tmp_path, capsys):
    out = tmp_path / "notes.json"
    out.write_text("my good backup", encoding="utf-8")
    out.chmod(0o644)
    code, _, err = run(filled_db, capsys, "notes", "export", "--out", str(out))
    assert code == 1 and "already exists" in err
    assert out.read_text(encoding="utf-8") == "my good backup"
    code, _, _ = run(filled_db, capsys, "notes", "export", "--out", str(out), "--force")
    assert code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["total"] == 1
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("command", [["export"], ["notes", "export"]])
def test_what_is_not_a_regular_file_is_refused_even_with_force(
    filled_db, tmp_path, capsys, command
):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    dangling = tmp_path / "link.md"
    dangling.symlink_to(tmp_path / "nowhere" / "target.md")
    device = Path("/dev/null")
    before = stat.S_IMODE(device.stat().st_mode)
    for target in (fifo, dangling, device):
        # A FIFO opened for writing would block until a reader came: run in a thread so a
        # regression fails the test instead of hanging it.
        result: list[tuple[int, str, str]] = []

        def write(into: list[tuple[int, str, str]] = result, where: Path = target) -> None:
            into.append(run(filled_db, capsys, *command, "--out", str(where), "--force"))

        worker = threading.Thread(target=write, daemon=True)
        worker.start()
        worker.join(30)
        if worker.is_alive():  # unblock the writer, then fail
            with open(fifo, "rb"):
                pass
            pytest.fail(f"writing to {target} hung")
        code, _, err = result[0]
        assert code == 1, target
        assert "not a regular file" in err, err
    assert not (tmp_path / "nowhere").exists()
    assert stat.S_IMODE(device.stat().st_mode) == before


def test_a_failed_write_leaves_the_old_file_whole(filled_db, tmp_path, capsys):
    """A write that cannot finish (here: the file size limit, as a full disk would) keeps
    the old pack and leaves no temporary file behind."""
    import resource
    import subprocess
    import sys

    store = open_store(filled_db)
    with store.read() as conn:
        uid = conn.execute("SELECT uid FROM agenda_item LIMIT 1").fetchone()[0]
    for n in range(200):  # a pack larger than the limit below, a store that stays within it
        notes.add_note(store, "item", uid, notes.NoteInput(f"Concern {n}: " + "x" * 400))
    store.close()
    pack = tmp_path / "pack.md"
    old = "old pack\n"
    pack.write_text(old, encoding="utf-8")
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, resource.RLIM_INFINITY))\n"
        "from scrutiny_tui.cli import main\n"
        f"sys.exit(main(['--db', {str(filled_db)!r}, 'export', '--out', {str(pack)!r},"
        " '--force']))\n"
    )
    assert resource.RLIMIT_FSIZE  # the platform has the limit this test relies on
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "cannot write" in done.stderr
    assert pack.read_text(encoding="utf-8") == old
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_new_folders_are_private(filled_db, tmp_path, capsys):
    out = tmp_path / "a" / "b" / "notes.json"
    code, _, _ = run(filled_db, capsys, "notes", "export", "--out", str(out))
    assert code == 0
    for folder in (tmp_path / "a", tmp_path / "a" / "b"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
