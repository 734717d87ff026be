"""Sources (w): the council ModernGov sites followed, and syncing their minutes.

Add a site (its committees are fetched and you pick which to follow), see when each was
last synced and what it holds, sync now (s) in a worker with a progress bar, and cancel it
(x). Other screens reload when a sync ends. The app contacts a site only from here (adding
one or syncing), never on its own.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Label,
    ProgressBar,
    Static,
)

from scrutiny_tui.ui.dialogs.add_source import AddSourceScreen, sync_client_settings
from scrutiny_tui.ui.messages import (
    SourcesLoaded,
    StoreChanged,
    SyncFinished,
    SyncProgress,
)
from scrutiny_tui.ui.screens.base import ScrutinyScreen
from scrutiny_tui.ui.text import DIM, literal, one_line

if TYPE_CHECKING:  # the sync service (and its HTTP client) loads when the screen first reads
    from scrutiny_tui.services.sync import AddedSource, SourceRow

EMPTY = """No council sites yet.

Press  a  to add one: the address of its ModernGov pages, such as
https://democracy.example.gov.uk/ (the folder holding mgListCommittees.aspx).

The app contacts only the sites you add here, and only when you add one or press  s."""


IDLE = "s: sync now   a: add a site   e: committees   Sites are contacted only when you ask."


def _last_sync(source: SourceRow) -> Text:
    if not source.last_sync_at:
        return Text("never", style=DIM)
    counts = source.last_sync or {}
    text = literal(str(source.last_sync_at)[:16])
    detail = (
        f"  {counts.get('new', 0)} new · {counts.get('changed', 0)} changed · "
        f"{counts.get('failed', 0)} failed"
    )
    if counts.get("error"):
        detail = "  failed"
    return Text.assemble(text, (detail, DIM))


class SourcesScreen(ScrutinyScreen):
    CSS_PATH = "sources.tcss"
    TITLE = "Sources"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a", "add", "Add site", tooltip="Follow a council's ModernGov site", id="sources-add"
        ),
        Binding(
            "s", "sync", "Sync now", tooltip="Fetch new and changed minutes", id="sources-sync"
        ),
        Binding("x", "cancel_sync", "Cancel sync", tooltip="Stop the sync", id="sources-cancel"),
        Binding(
            "e",
            "edit",
            "Committees",
            tooltip="Choose the committees followed on this site",
            id="sources-edit",
        ),
        Binding("d", "remove", "Remove", tooltip="Stop following this site", id="sources-remove"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[SourceRow] = []
        self.cancel_event: threading.Event | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="body"):
            yield DataTable(id="sources", cursor_type="row", zebra_stripes=True)
            yield Static(EMPTY, id="empty", markup=False)
            yield Label("", id="committees")
            yield ProgressBar(id="progress", show_eta=False)
            yield Static("", id="status", classes="status-line", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Site", "Address", "Committees", "Meetings", "Items", "Last sync")
        self.query_one("#progress").display = False
        self.query_one("#empty").display = False
        self.status(IDLE)

    @property
    def syncing(self) -> bool:
        return self.cancel_event is not None

    # ---- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        self.load_sources()

    @work(thread=True, exclusive=True, group="sources", exit_on_error=False)
    def load_sources(self) -> None:
        from scrutiny_tui.services.sync import list_sources

        self.post_message(SourcesLoaded(list_sources(self.store)))

    def on_sources_loaded(self, message: SourcesLoaded) -> None:
        self.sources = message.sources
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for source in self.sources:
            table.add_row(
                literal(source.name, "bold"),
                literal(source.base_url),
                str(len(source.committees)),
                str(source.meetings),
                str(source.items),
                _last_sync(source),
                key=source.name,
            )
        empty = not self.sources
        self.query_one("#empty").display = empty
        table.display = not empty
        if self.sources:
            table.move_cursor(row=min(row, len(self.sources) - 1))
            table.focus()
        self.show_committees()

    @on(DataTable.RowHighlighted)
    def show_committees(self) -> None:
        source = self.current()
        label = self.query_one("#committees", Label)
        if source is None:
            label.update("")
            return
        names = [one_line(title) for _, title in source.committees] or ["(none: press e)"]
        label.update(literal("Following: " + "; ".join(names)))

    def current(self) -> SourceRow | None:
        table = self.query_one(DataTable)
        if not self.sources or table.cursor_row < 0:
            return None
        return self.sources[min(table.cursor_row, len(self.sources) - 1)]

    def status(self, text: str) -> None:
        self.query_one("#status", Static).update(literal(text))

    # ---- adding and editing -------------------------------------------------------------

    def action_add(self) -> None:
        self.app.push_screen(AddSourceScreen(), self.added)

    def added(self, result: AddedSource | SourceRow | None) -> None:
        from scrutiny_tui.services.sync import AddedSource

        if result is not None:
            name = (result.source if isinstance(result, AddedSource) else result).name
            self.status(f"Following {name}: press s to sync it now.")
            self.reload()

    def action_edit(self) -> None:
        source = self.current()
        if source is not None:
            self.app.push_screen(AddSourceScreen(source.base_url, source), self.added)

    def action_remove(self) -> None:
        from scrutiny_tui.ui.dialogs.confirm import Confirm

        source = self.current()
        if source is None or self.syncing:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.remove_source(source.name)

        self.app.push_screen(
            Confirm(
                f"Stop following {source.name}?",
                "The meetings synced from it stay, with your notes.",
                yes="Remove",
            ),
            answered,
        )

    @work(thread=True, exclusive=True, group="sources", exit_on_error=False)
    def remove_source(self, name: str) -> None:
        from scrutiny_tui.services.sync import list_sources, remove_source

        remove_source(self.store, name)
        self.post_message(SourcesLoaded(list_sources(self.store)))

    # ---- syncing ------------------------------------------------------------------------

    def action_sync(self) -> None:
        if self.syncing:
            self.status("A sync is running; x cancels it.")
            return
        if not self.sources:
            self.status("Add a site first (a).")
            return
        self.cancel_event = threading.Event()
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self.status("Syncing: asking the sites for their meetings …")
        self.run_sync(self.cancel_event)

    def action_cancel_sync(self) -> None:
        if self.cancel_event is not None:
            self.cancel_event.set()
            self.status("Cancelling after this meeting …")

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def run_sync(self, cancel: threading.Event) -> None:
        from scrutiny_tui.services.sync import sync

        def progress(done: int, total: int, name: str) -> None:
            self.post_message(SyncProgress(done, total, name))

        try:
            summary = sync(
                self.store,
                today=self.today(),
                settings=sync_client_settings(self.settings),
                progress=progress,
                cancel=cancel,
            )
        finally:
            self.app.call_from_thread(self.sync_ended)
        self.post_message(SyncFinished(summary))

    def sync_ended(self) -> None:
        self.cancel_event = None
        self.app.post_message(StoreChanged())  # every screen reloads when next shown
        self.reload()

    def on_sync_progress(self, message: SyncProgress) -> None:
        self.query_one(ProgressBar).update(total=message.total or None, progress=message.done)
        self.status(f"{message.done}/{message.total}  {message.name}")

    def on_sync_finished(self, message: SyncFinished) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        self.status(message.summary.describe())
