"""What screens and dialogs may ask of the running app, as a protocol, so that neither has
to import the app module (which imports the screens)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol, cast

from textual.worker import Worker, WorkerState

from scrutiny_tui.config import Settings
from scrutiny_tui.store.db import Store

if TYPE_CHECKING:
    from textual.app import App


class ScrutinyHost(Protocol):
    """The app as screens see it (implemented by :class:`scrutiny_tui.ui.app.ScrutinyApp`)."""

    store: Store
    settings: Settings
    today: Callable[[], date]
    cursor_blink: bool
    data_version: int  # bumped when the store changes; screens reload when stale

    def open_item(
        self, item_id: int, focus_uid: str | None = None, find: str | None = None
    ) -> None: ...

    def open_search(self, query: str) -> None: ...


class AppAccess:
    """Typed access to the running app for screens and dialogs (mixed into a Screen, which
    provides ``app``)."""

    if TYPE_CHECKING:
        app: App[object]

    @property
    def scrutiny(self) -> ScrutinyHost:
        return cast("ScrutinyHost", self.app)

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
