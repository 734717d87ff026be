"""Actions: reports and updates the meetings asked for, when they are due, and whether
they are done. Overdue means due before today and not marked done ("2017-04" is due by the
end of April)."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType

from scrutiny_tui.services import tracker
from scrutiny_tui.services.tracker import ActionRow, ActionShow, Rows, TrackerQuery
from scrutiny_tui.ui.messages import RowChanged
from scrutiny_tui.ui.screens.tracker_base import Fit, TrackerScreen
from scrutiny_tui.ui.text import DIM, NO_COMMITTEE, NO_DATE, literal, one_line

SHOW_TITLES: dict[ActionShow, str] = {
    "all": "all actions",
    "open": "open actions",
    "overdue": "overdue actions",
}


def item_name(row: ActionRow) -> str:
    """The agenda item as the minutes print it: its number (if any) and title."""
    return one_line(" ".join(part for part in (row.item_number, row.item_title) if part))


def state_text(row: ActionRow) -> Text:
    if row.done:
        return Text("✓ done", style="green")
    if row.overdue:
        return Text("! OVERDUE", style="bold red")
    return Text("open")


class ActionsScreen(TrackerScreen[ActionRow]):
    TITLE = "Actions"
    TRACKER = tracker.ACTIONS
    # the action takes most of what is left; the item shows its number first, then as
    # much of its title as fits
    FITS: ClassVar[dict[str, Fit]] = {
        "due": Fit(10),
        "state": Fit(9),
        "text": Fit(24, share=4),
        "due_to": Fit(10, share=1, most=30),
        "committee": Fit(11, share=2, most=40),
        "date": Fit(10),
        "item": Fit(14, share=2, most=60),
    }
    VIEWS: ClassVar[dict[str, str]] = {str(view): title for view, title in SHOW_TITLES.items()}
    EMPTY = "No actions yet. Import minutes with i (or `scrutiny ingest PATH`)."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "x",
            "toggle_done",
            "Done",
            tooltip="Mark the action done (or not done)",
            id="actions-mark-done",
        ),
        Binding(
            "v",
            "cycle_view",
            "Show",
            tooltip="Show all, open or overdue actions",
            id="actions-show",
        ),
    ]

    @property
    def show(self) -> ActionShow:
        return "open" if self.view == "open" else "overdue" if self.view == "overdue" else "all"

    def fetch(self, query: TrackerQuery) -> Rows[ActionRow]:
        return tracker.actions_rows(self.store, query, today=self.today(), show=self.show)

    def count(self, query: TrackerQuery) -> int:
        return tracker.actions_count(self.store, query, today=self.today(), show=self.show)

    def cells(self, row: ActionRow) -> tuple[Text, ...]:
        due_style = "bold red" if row.overdue else ""
        return (
            literal(row.due or "—", due_style),
            state_text(row),
            literal(one_line(row.text, 140)),
            literal(one_line(row.due_to or "", 50)),
            literal(one_line(row.committee or NO_COMMITTEE, 40)),
            literal(row.date or NO_DATE),
            literal(item_name(row)[:60]),
        )

    def describe(self, row: ActionRow) -> Text:
        text = Text.assemble(state_text(row), " ", literal(row.text))
        due = f"due {row.due}" if row.due else "no due date"
        to = f" to {one_line(row.due_to)}" if row.due_to else ""
        text.append_text(literal(f"\n{due}{to}", DIM))
        where = f"\nfrom {row.committee or NO_COMMITTEE} · {row.date or NO_DATE} · "
        text.append_text(literal(f"{where}item {item_name(row)}", DIM))
        return text

    def action_toggle_done(self) -> None:
        row = self.current_row()
        if row is not None:
            self.save_done(row)

    @work(thread=True, group="save", exit_on_error=False)
    def save_done(self, row: ActionRow) -> None:
        tracker.set_action_done(self.store, row.uid, not row.done)
        done = not row.done
        overdue = tracker.is_overdue(row.due, done, self.today())
        self.post_message(RowChanged(replace(row, done=done, overdue=overdue)))
        self.app.call_from_thread(self.mark_store_edited)
