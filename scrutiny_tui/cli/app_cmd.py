"""``scrutiny`` (no command) and ``scrutiny open``: open the app on the configured store."""

from __future__ import annotations

import argparse

from scrutiny_tui.cli.common import SetupError, fail, open_settings_store, settings_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "open",
        help="open the app (the same as running scrutiny with no command)",
        description="Open the terminal app on the configured database.",
    )
    parser.set_defaults(func=run_app)


def run_app(args: argparse.Namespace) -> int:
    """Load settings, open the store and run the app until the user quits."""
    try:
        settings = settings_from_args(args)
        store = open_settings_store(settings)
    except SetupError as exc:
        return fail(str(exc))
    from scrutiny_tui.ui.app import ScrutinyApp  # Textual only loads when the app opens

    try:
        ScrutinyApp(store, settings).run()
    finally:
        store.close()
    return 0
