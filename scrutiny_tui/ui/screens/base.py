"""What every full screen of the app shares: access to the store and settings, reloading
when the store changed while the screen was hidden, worker errors shown as notifications,
and its key bindings offered in the command palette."""

from __future__ import annotations

from collections.abc import Iterable

from textual.screen import Screen

from scrutiny_tui.ui.access import AppAccess
from scrutiny_tui.ui.palette import PaletteCommand, binding_commands
from scrutiny_tui.ui.text import plain_title


class ScrutinyScreen(AppAccess, Screen[None]):
    """A full screen. Subclasses implement :meth:`reload`, which starts a worker."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded_version = -1

    def reload(self) -> None:
        """Fetch this screen's data again (in a worker)."""

    # The header shows these as plain strings: stored text (an item's title) is made safe
    # here, whoever sets it.
    def validate_title(self, title: str | None) -> str | None:
        return plain_title(title)

    def validate_sub_title(self, sub_title: str | None) -> str | None:
        return plain_title(sub_title)

    def on_screen_resume(self) -> None:
        if self.loaded_version != self.scrutiny.data_version:
            self.loaded_version = self.scrutiny.data_version
            self.reload()

    def mark_store_edited(self) -> None:
        """This screen changed the store: other screens reload when next shown, this one
        (already up to date) does not."""
        self.scrutiny.data_version += 1
        self.loaded_version = self.scrutiny.data_version

    def palette_commands(self) -> Iterable[PaletteCommand]:
        """Commands for the palette while this screen is showing: its own key bindings."""
        return binding_commands(self.BINDINGS, self.title or type(self).__name__)
