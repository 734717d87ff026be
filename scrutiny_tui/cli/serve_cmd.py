"""``scrutiny serve``: the app in a browser tab, served from the member's own machine.

Each browser tab that connects starts its own copy of the app (``scrutiny open``) on the
same store, through textual-serve. The server listens on the loopback address unless told
otherwise: anyone who can reach the address can use the app and read the store, private
notes included, so binding another address is allowed but warned about.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from scrutiny_tui.cli.common import SetupError, fail, open_settings_store, settings_from_args
from scrutiny_tui.safe_text import inline

if TYPE_CHECKING:
    from scrutiny_tui.config import Settings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the app to a web browser on this machine",
        description="Serve the app in a browser tab: open the address it prints. Each tab "
        "runs its own copy of the app on the configured store. Listens on 127.0.0.1 (this "
        "machine only) unless --host says otherwise. Ctrl+C stops it.",
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}, this machine only)",
    )
    parser.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})"
    )
    parser.set_defaults(func=run)


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from exc
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1 to 65535, not {port}")
    return port


def is_loopback(host: str) -> bool:
    """True when only this machine can reach ``host`` (a loopback address or name)."""
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str) -> str | None:
    """What a member must be told before the app listens where others can reach it."""
    if is_loopback(host):
        return None
    return (
        f"warning: listening on {inline(host)}: anyone who can reach this address can use "
        "the app and read the store, private notes included. Use the default "
        f"({DEFAULT_HOST}) unless every machine that can reach it is trusted."
    )


def app_command(settings: Settings) -> str:
    """The shell command each browser tab runs: this Python, this store, this config.
    Quoted, since textual-serve hands it to a shell and paths may hold spaces."""
    import shlex

    words = [sys.executable, "-m", "scrutiny_tui", "--db", settings.database_target]
    if settings.config_file is not None:
        words += ["--config", str(settings.config_file)]
    words.append("open")
    return shlex.join(words)


def _port_free(host: str, port: int) -> str | None:
    """None when ``host:port`` can be listened on, else why not (in words)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        return f"cannot listen on {host!r}: {exc.strerror or 'unknown address'}"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            reason = "already in use" if exc.errno == 98 else (exc.strerror or str(exc))
            return f"cannot listen on {host}:{port}: {reason} (choose another with --port)"
    return None


def run(args: argparse.Namespace) -> int:
    try:
        settings = settings_from_args(args)
        # Opened and closed here so a store that cannot be used is reported now, in the
        # terminal, rather than as a blank browser tab.
        open_settings_store(settings).close()
    except SetupError as exc:
        return fail(str(exc))
    host, port = args.host, args.port
    if problem := _port_free(host, port):
        return fail(problem)
    if warning := exposure_warning(host):
        print(warning, file=sys.stderr)
    from textual_serve.server import Server  # loaded only for this command

    url_host = f"[{host}]" if ":" in host else host
    print(f"Open http://{inline(url_host)}:{port}/ in a browser. Ctrl+C stops the server.")
    sys.stdout.flush()
    server = Server(
        app_command(settings),
        host=host,
        port=port,
        title="scrutiny-tui",
        public_url=f"http://{url_host}:{port}",
    )
    server.serve()
    return 0
