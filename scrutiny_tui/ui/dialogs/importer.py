"""Import (i): ask for a file or folder, ingest it in a worker with a progress bar, then
show the summary. Every screen reloads when next shown, so new minutes appear at once."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, ProgressBar, Static

from scrutiny_tui.ui.dialogs.base import ScrutinyModal
from scrutiny_tui.ui.messages import ImportFinished, ImportProgress, StoreChanged
from scrutiny_tui.ui.text import literal
from scrutiny_tui.ui.widgets.inputs import QuietInput

PROMPT = "A file or folder of minutes (.txt, .md, .html, .pdf, .docx); folders are searched inside."


class ImportScreen(ScrutinyModal[None]):
    CSS_PATH = "importer.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "Close", tooltip="Close (an import carries on)", id="import-close"
        ),
    ]

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.initial_path = path
        self.running = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Import minutes", classes="pane-title")
            yield Label(PROMPT, id="prompt")
            yield QuietInput(
                self.initial_path or self.default_path(),
                id="path",
                placeholder="~/minutes or ./data",
            )
            yield ProgressBar(id="progress", show_eta=False)
            yield Static("Enter to import.", id="summary", markup=False)

    def default_path(self) -> str:
        sources = self.settings.sources
        return str(sources[0]) if sources else ""

    def on_mount(self) -> None:
        self.query_one("#progress").display = False

    @on(Input.Submitted, "#path")
    def start(self, event: Input.Submitted) -> None:
        if self.running:
            return
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip() or not path.exists():
            self.query_one("#summary", Static).update(
                literal(f"Not found: {path}. Type the path of a file or folder.")
            )
            return
        self.running = True
        self.query_one("#progress").display = True
        self.query_one("#summary", Static).update(literal(f"Importing {path} …"))
        self.run_import(path)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def run_import(self, path: Path) -> None:
        from scrutiny_tui.services.ingest import ingest_paths

        def progress(done: int, total: int, name: str) -> None:
            self.post_message(ImportProgress(done, total, str(name)))

        try:
            summary = ingest_paths(self.store, [path], progress=progress)
        finally:
            self.app.call_from_thread(self.finished_running)
        self.post_message(ImportFinished(summary))

    def finished_running(self) -> None:
        self.running = False
        self.app.post_message(StoreChanged())

    def on_import_progress(self, message: ImportProgress) -> None:
        self.query_one(ProgressBar).update(total=message.total or None, progress=message.done)
        self.query_one("#summary", Static).update(
            literal(f"{message.done}/{message.total}  {Path(message.name).name}")
        )

    def on_import_finished(self, message: ImportFinished) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        self.query_one("#summary", Static).update(
            literal(f"{message.summary.describe()}\n\nEscape to close.")
        )
