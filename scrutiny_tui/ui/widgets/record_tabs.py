"""Tabs whose active pane follows the keys, however fast they come."""

from __future__ import annotations

from textual.widgets import TabbedContent, TabPane


class RecordTabs(TabbedContent):
    """A ``TabbedContent`` that ignores a pane's "something in me was focused" once the
    focus has moved on.

    Focusing a widget in a pane tells the tabs (a message, handled later) to make that pane
    active. When ``]`` is pressed twice in quick succession, the first pane's message can
    arrive after the second key has switched on and focused the next pane, and would switch
    back: the second key seemed lost.
    """

    def on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        focused = self.screen.focused
        if focused is None or focused not in event.tab_pane.walk_children():
            event.prevent_default()  # stale: the focus has left that pane since
