"""What every screen of the app shares: access to the store and settings, reloading when
the store changed while the screen was hidden, and worker errors shown as notifications."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState

from scrutiny_tui.config import Settings
from scrutiny_tui.store.db import Store
from scrutiny_tui.ui.registry import PaletteCommand

if TYPE_CHECKING:
    from scrutiny_tui.ui.app import ScrutinyApp


class AppAccess:
    """Typed access to the running :class:`ScrutinyApp` for screens and modals."""

    app: Any

    @property
    def scrutiny(self) -> ScrutinyApp:
        return cast("ScrutinyApp", self.app)

    @property
    def store(self) -> Store:
        return self.scrutiny.store

    @property
    def settings(self) -> Settings:
        return self.scrutiny.settings

    def today(self) -> date:
        return self.scrutiny.today()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.app.notify(
                f"{type(error).__name__}: {error}",
                title="Could not finish",
                severity="error",
                markup=False,  # the message may quote minutes text
            )


class ScrutinyScreen(AppAccess, Screen[None]):
    """A full screen. Subclasses implement :meth:`reload`, which starts a worker."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded_version = -1

    def reload(self) -> None:
        """Fetch this screen's data again (in a worker)."""

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
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.description and binding.show:
                yield PaletteCommand(
                    f"{binding.description} ({self.title or type(self).__name__})",
                    binding.tooltip or binding.description,
                    binding.action,
                )


class ScrutinyModal(AppAccess, ModalScreen[Any]):
    """A dialog over the current screen; dismissed with a value or ``None`` on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changes", id="cancel")
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)
