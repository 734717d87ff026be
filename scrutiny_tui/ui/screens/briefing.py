"""Briefing: choose a scope, preview the pack, save it for the meeting.

The pack is built by ``services.briefing`` (escaped minutes text, the member's own notes and
questions, never invented wording); this screen only gathers the scope and shows the result.

The screen opens with the preview focused, so the app's keys (``m``, ``r``, ``b``…) work at
once; ``f`` (or a click, or tab) goes into the scope, and escape comes back out of it to the
preview. Escape on the preview goes back to the app's first screen.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
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
    ("for_date", "Meeting date", "next meeting: YYYY-MM-DD (blank: the next one synced)"),
)
# Fields a "next meeting" pack does not use (it chooses its own meetings).
RANGE_FIELDS = ("since", "until", "search", "tags")
HINT = "f: set the scope (blank: everything), enter: preview, ctrl+s: save the pack."
WELCOME = """\
### Build a briefing pack

- **f** goes to the scope; **escape** comes back here.
- **enter** previews the pack; **ctrl+s** saves it (Markdown, with HTML or Word copies).
- **u** builds the pack for a committee's *next meeting*: its actions not done,
  recommendations not achieved, and what its last meeting decided.
- **p** keeps procedural items (apologies, declarations, minutes, dates of meetings).
"""


class BriefingScreen(ScrutinyScreen):
    CSS_PATH = "briefing.tcss"
    TITLE = "Briefing pack"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "preview",
            "Preview",
            tooltip="Build the pack for this scope",
            id="briefing-enter",
        ),
        Binding(
            "ctrl+r",
            "preview",
            "Preview",
            show=False,
            tooltip="Build the pack for this scope",
            id="briefing-preview",
        ),
        Binding("ctrl+s", "save", "Save", tooltip="Write the pack to a file", id="briefing-save"),
        Binding(
            "f", "focus_scope", "Scope", show=False, tooltip="Edit the scope", id="briefing-scope"
        ),
        Binding(
            "u",
            "next_meeting",
            "Next meeting",
            tooltip="The pack for the committee's next meeting (on or off)",
            id="briefing-next-meeting",
        ),
        Binding(
            "p",
            "procedural",
            "Procedural",
            tooltip="Keep or leave out apologies, declarations, minutes and other procedural items",
            id="briefing-procedural",
        ),
        Binding(
            "escape",
            "leave",
            "Back",
            show=False,
            tooltip="Leave the scope for the preview; from the preview, back to the first screen",
            id="briefing-back",
        ),
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
            with Horizontal(classes="choices"):
                yield Checkbox("Next meeting", id="next", compact=True)
                yield Checkbox("Keep procedural items", id="procedural", compact=True)
            with Horizontal(classes="choices"):
                yield Checkbox("HTML copy", id="html", compact=True)
                yield Checkbox("Word copy", id="docx", compact=True)
        yield Static(HINT, id="notice", classes="status-line", markup=False)
        with VerticalScroll(id="preview", can_focus=True):
            yield Markdown(WELCOME, id="pack", open_links=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#preview").border_title = "Preview"
        self.query_one("#preview").focus()

    # ---- focus ------------------------------------------------------------------------

    def action_focus_scope(self) -> None:
        self.query_one("#committee").focus()

    def action_leave(self) -> None:
        """Escape: out of the scope to the preview; from the preview, back to the first
        screen."""
        preview = self.query_one("#preview")
        if self.focused is not preview:
            preview.focus()
        else:
            self.app.switch_mode(self.app.DEFAULT_MODE)

    # ---- the scope ----------------------------------------------------------------------

    def action_next_meeting(self) -> None:
        """Turn the preset on (and go to its date) or off."""
        box = self.query_one("#next", Checkbox)
        box.value = not box.value
        if box.value:
            self.query_one("#for_date").focus()

    def action_procedural(self) -> None:
        box = self.query_one("#procedural", Checkbox)
        box.value = not box.value

    @on(Checkbox.Changed, "#next")
    def next_meeting_changed(self, event: Checkbox.Changed) -> None:
        for name in RANGE_FIELDS:
            self.query_one(f"#{name}", Input).disabled = event.value
        if event.value:
            self.say(
                "Next meeting of the committee (blank: those you follow): type its date, "
                "or enter for the next one synced."
            )

    @on(Checkbox.Changed, "#procedural")
    def procedural_changed(self) -> None:
        self.rebuild_if_shown()

    def rebuild_if_shown(self) -> None:
        if self.briefing is not None:
            self.action_preview()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_preview()

    def read_scope(self) -> BriefingScope:
        from scrutiny_tui.services.briefing import BriefingScope

        value = {name: self.query_one(f"#{name}", Input).value.strip() for name, *_ in SCOPE_FIELDS}
        next_meeting = self.query_one("#next", Checkbox).value or bool(value["for_date"])
        procedural = self.query_one("#procedural", Checkbox).value
        if next_meeting:
            return BriefingScope(
                committee=value["committee"] or None,
                with_procedural=procedural,
                next_meeting=True,
                for_date=value["for_date"] or None,
            )
        return BriefingScope(
            committee=value["committee"] or None,
            since=value["since"] or None,
            until=value["until"] or None,
            search=value["search"] or None,
            tags=tuple(t.strip() for t in value["tags"].split(",") if t.strip()),
            with_procedural=procedural,
        )

    # ---- building and showing -----------------------------------------------------------

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
        from scrutiny_tui.services.briefing import BriefingError, NoNextMeeting, build_briefing

        now = datetime.now(UTC)
        try:
            briefing = build_briefing(self.store, scope, today=self.today(), generated_at=now)
        except NoNextMeeting as exc:
            self.app.call_from_thread(
                self.say,
                f"{exc}: type its date in Meeting date (YYYY-MM-DD), "
                "or sync the council's site (w, then s).",
            )
            return
        except BriefingError as exc:
            self.app.call_from_thread(self.say, str(exc))
            return
        self.post_message(BriefingBuilt(briefing))

    async def on_briefing_built(self, message: BriefingBuilt) -> None:
        self.briefing = message.briefing
        from scrutiny_tui.services.briefing import preview_markdown

        await self.query_one("#pack", Markdown).update(preview_markdown(message.briefing))
        self.query_one("#preview").scroll_home(animate=False)
        count = message.briefing.item_count
        if count:
            self.say(f"{count} agenda items in scope. ctrl+s saves the pack.")
        elif self.scope is not None and self.scope.next_meeting:
            self.say("Nothing open for this meeting. ctrl+s saves the pack all the same.")
        else:
            self.say("Nothing in scope: widen the dates, committee, topic or tags.")
        self.query_one("#preview").focus()

    @on(Markdown.LinkClicked, "#pack")
    def contents_link(self, event: Markdown.LinkClicked) -> None:
        """A contents link scrolls the preview to its heading (no other link is followed)."""
        event.stop()
        if event.href.startswith("#"):
            event.markdown.goto_anchor(event.href[1:])

    # ---- saving -------------------------------------------------------------------------

    def can_save(self) -> bool:
        if self.briefing is None or self.scope is None:
            return False
        return bool(self.briefing.item_count) or self.scope.next_meeting

    def action_save(self) -> None:
        if not self.can_save() or self.scope is None:
            self.say("Preview a pack with something in scope first (enter in the scope).")
            return
        from scrutiny_tui.services.briefing import default_pack_path
        from scrutiny_tui.ui.dialogs.save_path import SavePath

        default = default_pack_path(self.settings.export_path, self.scope, datetime.now(UTC))
        self.app.push_screen(SavePath(default), self.write)

    def write(self, path: Path | None, force: bool = False) -> None:
        if path is not None and self.briefing is not None:
            html = self.query_one("#html", Checkbox).value
            docx = self.query_one("#docx", Checkbox).value
            self.write_pack(self.briefing, path, force, html, docx)

    @work(thread=True, group="briefing-save", exit_on_error=False)
    def write_pack(
        self, briefing: Briefing, path: Path, force: bool, html: bool, docx: bool
    ) -> None:
        from scrutiny_tui.services.briefing import BriefingError, copies_of, write_briefing

        try:
            targets = copies_of(path, html=html, docx=docx)
        except BriefingError as exc:
            self.app.call_from_thread(self.say, str(exc))
            return
        if not force and any(target.exists() for target in targets):
            self.app.call_from_thread(self.ask_overwrite, path)
            return
        try:
            written = write_briefing(briefing, path, force=force, html=html, docx=docx)
        except BriefingError as exc:
            self.app.call_from_thread(self.say, str(exc))
            return
        names = ", ".join(t.suffix for t in targets[1:])
        saved = f"Saved {written}" + (f" (and its {names} copy)" if names else "")
        self.app.call_from_thread(self.say, saved)
        self.app.call_from_thread(self.notify, saved, markup=False)

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
