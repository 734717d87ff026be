"""`scrutiny serve`: the app reaches a browser tab as a browser reaches it, over HTTP and then
the WebSocket the page opens, on 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from scrutiny_tui.cli import main
from scrutiny_tui.cli.serve_cmd import app_command, exposure_warning, is_loopback
from scrutiny_tui.config import Settings

REPO = Path(__file__).resolve().parents[2]
CSI = re.compile(rb"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read() if process.stderr else b""
            raise AssertionError(f"serve exited early: {error!r}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listening on {port} after {seconds} s")


@pytest.fixture
def served_store(tmp_path: Path) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    db = tmp_path / "served.db"
    assert main(["--db", str(db), "ingest", str(REPO / "data")]) == 0
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "scrutiny_tui", "--db", str(db), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
        start_new_session=True,
    )
    try:
        _wait_for_port(port, process)
        yield port, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _screen_text(data: bytes) -> str:
    return CSI.sub(b"", data).decode("utf-8", "replace")


async def _read_until(ws: aiohttp.ClientWebSocketResponse, wanted: str, seconds: float) -> str:
    received = b""
    try:
        async with asyncio.timeout(seconds):
            async for message in ws:
                if message.type == aiohttp.WSMsgType.BINARY:
                    received += message.data
                    if wanted in _screen_text(received):
                        break
    except TimeoutError:
        pass
    return _screen_text(received)


async def test_a_browser_tab_gets_the_app_and_its_meetings_screen(served_store) -> None:
    port, process = served_store
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}/") as page:
            assert page.status == 200
            html = await page.text()
        found = re.search(r'data-session-websocket-url="([^"]+)"', html)
        assert found, "the page names no WebSocket for the app"
        websocket_url = found.group(1)
        assert websocket_url == f"ws://127.0.0.1:{port}/ws"
        async with http.ws_connect(f"{websocket_url}?width=120&height=40") as ws:
            screen = await _read_until(ws, "Overdue actions", seconds=45)
            assert "Attention" in screen and "Overdue actions" in screen, screen[-2000:]
            # m typed in the tab brings the Meetings screen, with the meetings stored.
            await ws.send_json(["stdin", "m"])
            screen = await _read_until(ws, "Redesign of Children", seconds=30)
            assert "Meetings" in screen and "Redesign of Children" in screen, screen[-2000:]
            # q typed in the tab quits that copy of the app; the server closes the socket.
            await ws.send_json(["stdin", "q"])
            await _read_until(ws, "\x00never", seconds=20)
            assert ws.closed
    assert process.poll() is None, "the server keeps serving after one tab's app quits"


def test_a_port_in_use_is_reported_in_one_line(tmp_path: Path, capsys) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["--db", str(tmp_path / "s.db"), "serve", "--port", str(port)])
    assert code == 1
    message = capsys.readouterr().err.strip()
    assert message == (
        f"scrutiny: cannot listen on 127.0.0.1:{port}: already in use (choose another with --port)"
    )


def test_only_loopback_addresses_listen_without_a_warning() -> None:
    for host in ("127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"):
        assert is_loopback(host) and exposure_warning(host) is None, host
    for host in ("0.0.0.0", "192.168.1.20", "::", "council-laptop.local"):
        warning = exposure_warning(host)
        assert warning and "anyone who can reach this address" in warning, host


def test_each_tab_runs_the_app_on_the_same_store_and_config(tmp_path: Path) -> None:
    settings = Settings(
        cli_database=str(tmp_path / "my store.db"), config_file=tmp_path / "c y.yaml"
    )
    command = app_command(settings)
    assert command.startswith(f"{shlex.quote(sys.executable)} -m scrutiny_tui ")
    assert f"--db '{tmp_path / 'my store.db'}'" in command
    assert f"--config '{tmp_path / 'c y.yaml'}'" in command
    assert command.endswith(" open")
