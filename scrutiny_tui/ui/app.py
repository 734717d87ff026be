"""The Textual app: modes, app-wide keys and the palette. Screens own their behaviour and
services own the data; this class only wires them together."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import date
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.worker import get_current_worker

from scrutiny_tui.config import Settings
from scrutiny_tui.services import changes, notes
from scrutiny_tui.store.db import Store
from scrutiny_tui.ui import registry
from scrutiny_tui.ui.messages import StoreChanged
from scrutiny_tui.ui.palette import PaletteCommand, ScrutinyCommands, ViewSource
from scrutiny_tui.ui.screens.base import ScrutinyScreen
from scrutiny_tui.ui.terminal_watch import watch_terminal
from scrutiny_tui.ui.text import plain_title, visible_controls


def _screen_bindings() -> list[BindingType]:
    # Kept out of the footer, which shows the keys of the screen in front; help (?) and
    # the palette list them.
    return [
        Binding(
            e.key,
            f"open('{e.name}')",
            e.title,
            show=False,
            tooltip=e.description,
            id=f"open-{e.name}",
        )
        for e in registry.SCREENS
        if e.key
    ]


# What a councillor may type in the palette, beside the screens' own names.
TASKS = [
    PaletteCommand(
        "Overdue actions",
        "Reports and updates past their due date and not marked done",
        "app.open_view('actions', 'overdue')",
    ),
    PaletteCommand(
        "Open actions",
        "Reports and updates not yet marked done",
        "app.open_view('actions', 'open')",
    ),
    PaletteCommand(
        "Recommendations awaiting response",
        "Recommendations with no executive response recorded yet",
        "app.open_view('recommendations', 'awaiting')",
    ),
    PaletteCommand(
        "Briefing pack for the next meeting",
        "Build, preview and save a Markdown briefing pack",
        "app.open('briefing')",
    ),
    PaletteCommand(
        "Search minutes and notes", "Full-text search of every meeting", "app.open('search')"
    ),
    PaletteCommand(
        "Council websites: sync minutes",
        "Follow a council's ModernGov site and fetch its committees' minutes",
        "app.open('sources')",
    ),
    PaletteCommand("My concerns and questions", "Every note you have made", "app.open('notes')"),
]


class ScrutinyApp(App[None]):
    TITLE = "Scrutiny"
    CSS_PATH = "app.tcss"
    MODES: ClassVar = {e.name: e.factory for e in registry.SCREENS if e.mode}
    # Attention first: what needs the member (or, in an empty store, how to add minutes).
    DEFAULT_MODE = "attention"
    COMMANDS: ClassVar = App.COMMANDS | {ScrutinyCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", tooltip="Every key of this screen", id="help"),
        Binding("q", "quit", "Quit", show=False, tooltip="Leave the app", id="quit"),
        Binding(
            App.COMMAND_PALETTE_BINDING,
            "command_palette",
            "Commands",
            show=False,  # the footer shows it on its right
            priority=True,
            tooltip="Find any screen or command by name",
            id="palette",
        ),
        *_screen_bindings(),
    ]

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        today: Callable[[], date] = date.today,
        cursor_blink: bool = True,
        first_screen: str | None = None,
    ) -> None:
        super().__init__()
        self.first_screen = first_screen  # another area to open on (tests of that area)
        self.store = store
        self.settings = settings
        self.today = today
        self.cursor_blink = cursor_blink
        self.data_version = 0  # bumped when the store changes; screens reload when stale
        self.stop_following = threading.Event()  # ends the thread hearing others' changes

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(
                f"Unknown theme {self.settings.theme!r}; using the default.", severity="warning"
            )
        if self.first_screen and self.first_screen != self.current_mode:
            self.switch_mode(self.first_screen)
        watch_terminal(self)
        if changes.watches(self.store):
            self.follow_others()
        self.catch_up_notes()

    @work(thread=True, group="catch-up", exit_on_error=False)
    def catch_up_notes(self) -> None:
        """Save the notes kept while the store could not take them, and on a team store
        find the member's notes again in minutes others have read again since."""
        kept = notes.save_kept_notes(self.store)
        notes.reanchor_own_notes(self.store)
        if kept.saved:
            count = len(kept.saved)
            self.call_from_thread(
                self.notify,
                f"{count} kept note{'s' if count != 1 else ''} saved now the store answers.",
            )

    @work(thread=True, exclusive=True, group="others", exit_on_error=False)
    def follow_others(self) -> None:
        """Hear changes other members make to a team store (see services/changes.py)."""
        worker = get_current_worker()
        changes.follow_changes(
            self.store,
            lambda: self.call_from_thread(self.others_changed),
            lambda: worker.is_cancelled or self.stop_following.is_set(),
        )

    def others_changed(self) -> None:
        """Another member changed the store: the screen in front shows it now, the others
        when next shown."""
        self.data_version += 1
        screen = self.screen
        if isinstance(screen, ScrutinyScreen):
            screen.loaded_version = self.data_version
            screen.reload()

    def on_unmount(self) -> None:
        self.stop_following.set()

    def validate_title(self, title: str) -> str:
        return plain_title(title) or ""

    def validate_sub_title(self, sub_title: str) -> str:
        return plain_title(sub_title) or ""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification, shown as written: every caller's message (which may quote
        minutes, a note or an error about them) has its control characters made visible
        and is never read as markup."""
        super().notify(
            visible_controls(message),
            title=visible_controls(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def action_open(self, name: str) -> None:
        """Show a top-level area, or push a screen such as search or import."""
        entry = registry.entry(name)
        if entry.mode and self.current_mode == name:
            while len(self.screen_stack) > 1:  # pressed again: back to the area's top
                self.pop_screen()
        elif entry.mode:
            self.switch_mode(name)
        else:
            screen = entry.factory()
            if type(self.screen) is not type(screen):  # already open: do not stack another
                self.push_screen(screen)

    async def action_open_view(self, name: str, view: str) -> None:
        """Show a tracker with only some of its rows (overdue actions, say)."""
        if self.current_mode != name:
            await self.switch_mode(name)
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if isinstance(self.screen, ViewSource):
            self.screen.show_view(view)

    def open_item(
        self, item_id: int, focus_uid: str | None = None, find: str | None = None
    ) -> None:
        """Open an agenda item at a record or note (``focus_uid``), or at the first words a
        search (``find``) matched."""
        from scrutiny_tui.ui.screens.item import ItemScreen

        self.push_screen(ItemScreen(item_id, focus_uid=focus_uid, find=find))

    def open_search(self, query: str) -> None:
        """Search the minutes' text for ``query`` (from a screen that only reads titles)."""
        from scrutiny_tui.ui.screens.search import SearchScreen

        self.push_screen(SearchScreen(query))

    def action_help(self) -> None:
        from scrutiny_tui.ui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def palette_commands(self) -> Iterable[PaletteCommand]:
        """The palette's app-wide entries; the current screen adds its own."""
        yield from TASKS
        yield from registry.palette_commands()

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def on_store_changed(self, _: StoreChanged) -> None:
        self.data_version += 1
