"""What every dialog shares: app access, worker errors as notifications, escape to cancel."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from scrutiny_tui.ui.access import AppAccess
from scrutiny_tui.ui.text import plain_title

Result = TypeVar("Result")  # what the dialog is dismissed with (None when cancelled)


class ScrutinyModal(AppAccess, ModalScreen[Result]):
    """A dialog over the current screen; dismissed with a value or ``None`` on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changes", id="cancel")
    ]

    def validate_title(self, title: str | None) -> str | None:
        return plain_title(title)

    def validate_sub_title(self, sub_title: str | None) -> str | None:
        return plain_title(sub_title)

    def action_cancel(self) -> None:
        self.dismiss(None)
