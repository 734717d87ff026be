"""Actions: reports and updates the meetings asked for, when they are due, and whether
they are done. Overdue means due before today and not marked done ("2017-04" is due by the
end of April)."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar, get_args

from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType

from scrutiny_tui.services import tracker
from scrutiny_tui.services.tracker import ActionRow, ActionShow, Page, TrackerQuery
from scrutiny_tui.ui.messages import RowChanged
from scrutiny_tui.ui.screens.tracker_base import TrackerScreen
from scrutiny_tui.ui.text import DIM, NO_COMMITTEE, NO_DATE, literal, one_line

SHOW_TITLES: dict[ActionShow, str] = {
    "all": "all actions",
    "open": "open actions",
    "overdue": "overdue actions",
}


def state_text(row: ActionRow) -> Text:
    if row.done:
        return Text("✓ done", style="green")
    if row.overdue:
        return Text("! OVERDUE", style="bold red")
    return Text("open")


class ActionsScreen(TrackerScreen[ActionRow]):
    TITLE = "Actions"
    TRACKER = tracker.ACTIONS
    WIDTHS: ClassVar[dict[str, int]] = {
        "due": 10,
        "state": 9,
        "text": 56,
        "due_to": 24,
        "committee": 22,
        "date": 10,
    }
    EMPTY = "No actions yet. Import minutes with i (or `scrutiny ingest PATH`)."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "x",
            "toggle_done",
            "Mark done",
            tooltip="Mark the action done (or not done)",
            id="actions-mark-done",
        ),
        Binding(
            "v",
            "cycle_show",
            "Show",
            tooltip="Show all, open or overdue actions",
            id="actions-show",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show: ActionShow = "all"

    def fetch(self, query: TrackerQuery) -> Page[ActionRow]:
        return tracker.actions_page(self.store, query, today=self.today(), show=self.show)

    def cells(self, row: ActionRow) -> tuple[Text, ...]:
        due_style = "bold red" if row.overdue else ""
        return (
            literal(row.due or "—", due_style),
            state_text(row),
            literal(one_line(row.text, 140)),
            literal(one_line(row.due_to or "", 50)),
            literal(one_line(row.committee or NO_COMMITTEE, 40)),
            literal(row.date or NO_DATE),
        )

    def describe(self, row: ActionRow) -> Text:
        text = Text.assemble(state_text(row), " ", literal(row.text))
        due = f"due {row.due}" if row.due else "no due date"
        to = f" to {one_line(row.due_to)}" if row.due_to else ""
        where = f"\n{due}{to} · {row.committee or NO_COMMITTEE} · {row.date or NO_DATE}"
        text.append_text(literal(where, DIM))
        return text

    def update_count(self) -> None:
        super().update_count()
        self.sub_title = SHOW_TITLES[self.show]

    def action_cycle_show(self) -> None:
        choices = list(get_args(ActionShow))
        self.show = choices[(choices.index(self.show) + 1) % len(choices)]
        self.notify(f"Showing {SHOW_TITLES[self.show]}.")
        self.reload()

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
