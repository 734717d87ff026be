"""Text boxes used across the app."""

from __future__ import annotations

from textual.widgets import Input


class QuietInput(Input):
    """An Input whose cursor blinks only if the app wants blinking (tests and snapshots
    turn it off so screenshots are stable)."""

    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
