"""What every dialog shares: app access, worker errors as notifications, escape to cancel."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from scrutiny_tui.ui.access import AppAccess


class ScrutinyModal(AppAccess, ModalScreen[Any]):
    """A dialog over the current screen; dismissed with a value or ``None`` on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changes", id="cancel")
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)
