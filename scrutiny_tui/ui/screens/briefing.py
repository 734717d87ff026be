"""Briefing: choose a scope, preview the Markdown pack, save it for the meeting.

The pack is built by ``services.briefing`` (escaped minutes text, the member's own notes and
questions, never invented wording); this screen only gathers the scope and shows the result.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.widgets import Checkbox, Footer, Header, Input, Label, Markdown, Static

from scrutiny_tui.ui.messages import BriefingBuilt
from scrutiny_tui.ui.screens.base import ScrutinyScreen
from scrutiny_tui.ui.text import literal
from scrutiny_tui.ui.widgets.inputs import QuietInput

if TYPE_CHECKING:  # the briefing service loads when the member first previews a pack
    from scrutiny_tui.services.briefing import Briefing, BriefingScope

SCOPE_FIELDS = (
    ("committee", "Committee", "e.g. Care Services PDS Committee (blank: all)"),
    ("since", "From date", "YYYY-MM-DD"),
    ("until", "To date", "YYYY-MM-DD"),
    ("search", "Topic search", 'e.g. CAMHS or "looked after children"'),
    ("tags", "My tags", "comma separated"),
)
HINT = "Set a scope (blank: everything), enter to preview, ctrl+s to save the pack."


class BriefingScreen(ScrutinyScreen):
    CSS_PATH = "briefing.tcss"
    TITLE = "Briefing pack"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+r",
            "preview",
            "Preview",
            tooltip="Build the pack for this scope",
            id="briefing-preview",
        ),
        Binding(
            "ctrl+s", "save", "Save pack", tooltip="Write the pack to a file", id="briefing-save"
        ),
        Binding("f", "focus_scope", "Scope", tooltip="Edit the scope", id="briefing-scope"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.briefing: Briefing | None = None
        self.scope: BriefingScope | None = None  # the scope of the pack previewed

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="scope"):
            with Grid(id="fields"):
                for name, title, placeholder in SCOPE_FIELDS:
                    yield Label(title, classes="field-label")
                    yield QuietInput(placeholder=placeholder, id=name, compact=True)
            yield Checkbox("Also write an HTML copy for printing", id="html", compact=True)
        yield Static(HINT, id="notice", classes="status-line", markup=False)
        with VerticalScroll(id="preview", can_focus=True):
            yield Markdown("", id="pack", open_links=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#preview").border_title = "Preview"
        self.query_one("#committee").focus()

    def action_focus_scope(self) -> None:
        self.query_one("#committee").focus()

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_preview()

    def read_scope(self) -> BriefingScope:
        from scrutiny_tui.services.briefing import BriefingScope

        value = {name: self.query_one(f"#{name}", Input).value.strip() for name, *_ in SCOPE_FIELDS}
        return BriefingScope(
            committee=value["committee"] or None,
            since=value["since"] or None,
            until=value["until"] or None,
            search=value["search"] or None,
            tags=tuple(t.strip() for t in value["tags"].split(",") if t.strip()),
        )

    def action_preview(self) -> None:
        try:
            scope = self.read_scope()
        except ValueError as exc:
            self.say(str(exc))
            return
        self.scope = scope
        self.say("Building the pack…")
        self.build(scope)

    @work(thread=True, exclusive=True, group="briefing", exit_on_error=False)
    def build(self, scope: BriefingScope) -> None:
        from scrutiny_tui.services.briefing import build_briefing

        now = datetime.now(UTC)
        briefing = build_briefing(self.store, scope, today=self.today(), generated_at=now)
        self.post_message(BriefingBuilt(briefing))

    async def on_briefing_built(self, message: BriefingBuilt) -> None:
        self.briefing = message.briefing
        await self.query_one("#pack", Markdown).update(message.briefing.markdown)
        count = message.briefing.item_count
        if count:
            self.say(f"{count} agenda items in scope. ctrl+s saves the pack.")
        else:
            self.say("Nothing in scope: widen the dates, committee, topic or tags.")
        self.query_one("#preview").focus()

    def action_save(self) -> None:
        if self.briefing is None or self.scope is None or not self.briefing.item_count:
            self.say("Preview a pack with something in scope first (enter in the scope).")
            return
        from scrutiny_tui.services.briefing import default_pack_path
        from scrutiny_tui.ui.dialogs.save_path import SavePath

        default = default_pack_path(self.settings.export_path, self.scope, datetime.now(UTC))
        self.app.push_screen(SavePath(default), self.write)

    def write(self, path: Path | None, force: bool = False) -> None:
        if path is not None and self.briefing is not None:
            self.write_pack(self.briefing, path, force, self.query_one("#html", Checkbox).value)

    @work(thread=True, group="briefing-save", exit_on_error=False)
    def write_pack(self, briefing: Briefing, path: Path, force: bool, html: bool) -> None:
        from scrutiny_tui.services.briefing import BriefingError, write_briefing

        if path.exists() and not force:
            self.app.call_from_thread(self.ask_overwrite, path)
            return
        try:
            written = write_briefing(briefing, path, force=force, html=html)
        except BriefingError as exc:
            self.app.call_from_thread(self.say, str(exc))
            return
        self.app.call_from_thread(self.say, f"Saved {written}")
        self.app.call_from_thread(self.notify, f"Saved {written}", markup=False)

    def ask_overwrite(self, path: Path) -> None:
        from scrutiny_tui.ui.dialogs.confirm import Confirm

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(path, force=True)
            else:
                self.say("Not saved: the file is already there. ctrl+s to choose another name.")

        self.app.push_screen(Confirm("Replace the existing file?", str(path), "Replace"), answered)

    def say(self, message: str) -> None:
        self.query_one("#notice", Static).update(literal(message))
