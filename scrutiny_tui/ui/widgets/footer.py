"""The key footer, rebuilt once for a burst of binding changes.

Textual's Footer rebuilds all its keys each time the screen says its bindings changed, and
a screen opening says so several times in a row (it is resumed, a widget takes the focus,
a table's cursor is set): six rebuilds of a dozen keys each cost more than filling the
Actions tracker's first page. This one waits for the next refresh and rebuilds once, with
the bindings as they are by then; and not at all while its screen is hidden (a screen
leaving the front says its bindings changed too): it is rebuilt when the screen is shown
again, which says so as well.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class SettledFooter(Footer):
    """A Footer that coalesces the binding changes of one refresh into one rebuild."""

    def __init__(self) -> None:
        super().__init__()
        self.rebuild_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        if not self.rebuild_pending:
            self.rebuild_pending = True
            self.call_after_refresh(self.rebuild, screen)

    def rebuild(self, screen: Screen) -> None:
        self.rebuild_pending = False
        if screen.is_current:
            super().bindings_changed(screen)
