"""Add a council ModernGov site, or change which of its committees are followed: ask for
the address, fetch its committees, let the member tick which to follow."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from scrutiny_tui.config import Settings
from scrutiny_tui.ui.dialogs.base import ScrutinyModal
from scrutiny_tui.ui.messages import SiteChecked, SourceAdded
from scrutiny_tui.ui.text import literal, one_line
from scrutiny_tui.ui.widgets.inputs import QuietInput

if TYPE_CHECKING:  # the sync service (and its HTTP client) loads when a site is first asked
    from scrutiny_tui.moderngov import Committee
    from scrutiny_tui.moderngov.client import ClientSettings
    from scrutiny_tui.services.sync import AddedSource, SiteCheck, SourceRow


def sync_client_settings(settings: Settings) -> ClientSettings:
    """The HTTP client's settings from the config's ``sync:`` section."""
    from scrutiny_tui.services.sync import client_settings

    return client_settings(settings.sync.pause, settings.sync.timeout, settings.sync.retries)


class AddSourceScreen(ScrutinyModal["AddedSource | SourceRow"]):
    """Ask for a site's address, fetch its committees, let the member pick which to follow.
    Dismissed with the service's AddedSource (or the updated source), or None."""

    CSS_PATH = "add_source.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changes", id="add-cancel"),
        Binding("ctrl+s", "save", "Follow", tooltip="Follow the committees ticked", id="add-save"),
    ]

    def __init__(self, url: str = "", source: SourceRow | None = None) -> None:
        super().__init__()
        self.initial_url = url
        self.source = source  # editing the committees of a source already followed
        self.check: SiteCheck | None = None  # the site's answer, once fetched

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            title = f"Committees of {self.source.name}" if self.source else "Add a council site"
            yield Label(literal(title), classes="pane-title")
            yield Label(
                "The address of its ModernGov pages, e.g. https://democracy.example.gov.uk/",
                id="prompt",
            )
            yield QuietInput(self.initial_url, id="url", placeholder="https://…")
            yield QuietInput(
                self.source.name if self.source else "",
                id="name",
                placeholder="A short name (optional)",
            )
            yield SelectionList[int](id="committees")
            yield Static("Enter to fetch its committees.", id="add-status", markup=False)

    def on_mount(self) -> None:
        self.query_one("#committees").display = False
        if self.source is not None:
            self.query_one("#name").disabled = True
            self.query_one("#url").disabled = True
            self.fetch(self.initial_url)
        else:
            self.query_one("#url").focus()

    def say(self, text: str) -> None:
        self.query_one("#add-status", Static).update(literal(text))

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        url = self.query_one("#url", Input).value.strip()
        if not url:
            self.say("Type the site's address first.")
            return
        if self.check is not None and event.input.id == "name":
            self.action_save()
            return
        self.fetch(url)

    def fetch(self, url: str) -> None:
        self.say(f"Asking {url} for its committees …")
        self.check_site(url)

    @work(thread=True, exclusive=True, group="check", exit_on_error=False)
    def check_site(self, url: str) -> None:
        from scrutiny_tui.moderngov import ModernGovError
        from scrutiny_tui.services.sync import check_site

        try:
            check = check_site(url, settings=sync_client_settings(self.settings))
        except ModernGovError as exc:
            self.post_message(SiteChecked(None, str(exc)))
            return
        self.post_message(SiteChecked(check, ""))

    def on_site_checked(self, message: SiteChecked) -> None:
        if message.check is None:
            self.say(message.error)
            return
        from scrutiny_tui.services.sync import match_committees

        self.check = message.check
        if self.source is not None:
            ticked = {cid for cid, _ in self.source.committees}
        else:
            current = [c for c in self.check.committees if not (c.expired or c.deleted)]
            ticked = {c.id for c in match_committees(current, ["scrutiny"])}
        picker = self.query_one("#committees", SelectionList)
        picker.clear_options()
        picker.add_options(
            [
                Selection(
                    literal(one_line(c.title) + ("  (expired)" if c.expired else "")),
                    c.id,
                    c.id in ticked,
                )
                for c in self.check.committees
            ]
        )
        picker.display = True
        picker.highlighted = 0
        picker.focus()
        notes = "; ".join(self.check.notes)
        self.say(
            f"{len(self.check.committees)} committees. Space ticks one; ctrl+s follows the "
            f"ticked ones." + (f"\n{notes}" if notes else "")
        )

    def action_save(self) -> None:
        if self.check is None:
            self.say("Fetch the committees first (enter).")
            return
        chosen = set(self.query_one("#committees", SelectionList).selected)
        picked = [c for c in self.check.committees if c.id in chosen]
        name = self.query_one("#name", Input).value.strip() or None
        self.save(self.check, picked, name)

    @work(thread=True, exclusive=True, group="check", exit_on_error=False)
    def save(self, check: SiteCheck, picked: list[Committee], name: str | None) -> None:
        from scrutiny_tui.services.sync import SyncError, add_source, follow

        try:
            if self.source is not None:
                result: AddedSource | SourceRow = follow(self.store, self.source.name, picked)
            else:
                result = add_source(
                    self.store, check.base_url, name=name, picked=picked, check=check
                )
        except SyncError as exc:
            self.post_message(SourceAdded(None, str(exc)))
            return
        self.post_message(SourceAdded(result, ""))

    def on_source_added(self, message: SourceAdded) -> None:
        if message.result is None:
            self.say(message.error)
        else:
            self.dismiss(message.result)
