"""The recommendations tracker: the columns councils keep by hand, a status with its RAG
colour set from the keyboard, and the history of status changes.

Resolutions of kind "recommended" (recommendations to the executive) are listed too, with
a reference starting "Res"; see :mod:`scrutiny_tui.services.tracker`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType
from textual.widgets import Static

from scrutiny_tui.safe_text import inline
from scrutiny_tui.services import tracker
from scrutiny_tui.services.tracker import (
    RecommendationRow,
    RecommendationShow,
    Rows,
    StatusChangeRow,
    TrackerQuery,
    TrackingFields,
)
from scrutiny_tui.ui.dialogs.status_picker import StatusPicker
from scrutiny_tui.ui.dialogs.tracking_form import TrackingForm
from scrutiny_tui.ui.messages import RowChanged
from scrutiny_tui.ui.screens.tracker_base import Fit, TrackerScreen
from scrutiny_tui.ui.text import DIM, NO_COMMITTEE, NO_DATE, literal, one_line, rag_text


class RecommendationsScreen(TrackerScreen[RecommendationRow]):
    TITLE = "Recommendations"
    TRACKER = tracker.RECOMMENDATIONS
    # the recommendation, area and action taken are free text: they share what is left
    FITS: ClassVar[dict[str, Fit]] = {
        "reference": Fit(6),
        "status": Fit(12),  # widened to the longest status configured (see fits)
        "text": Fit(24, share=4),
        "committee": Fit(11, share=1, most=30),
        "date_agreed": Fit(10),
        "area": Fit(14, share=2, most=40),
        "executive_response_date": Fit(10),
        "lead": Fit(12, share=1, most=24),
        "action_taken": Fit(14, share=3),
    }
    VIEWS: ClassVar[dict[str, str]] = {
        "all": "all recommendations",
        "awaiting": "awaiting response",
    }
    EMPTY = (
        'No recommendations yet. They come from "Recommendation 4 –" paragraphs and '
        '"RESOLVED that ... be recommended to" resolutions in imported minutes.'
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "s",
            "set_status",
            "Status",
            tooltip="Set the tracking status",
            id="recommendations-status",
        ),
        Binding(
            "e",
            "edit",
            "Edit",
            tooltip="Edit area, executive response date, lead, action taken",
            id="recommendations-edit",
        ),
        Binding(
            "v",
            "cycle_view",
            "Show",
            tooltip="Show all recommendations, or those awaiting an executive response",
            id="recommendations-show",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.history: dict[str, list[StatusChangeRow]] = {}

    def fits(self) -> dict[str, Fit]:
        longest = max((len(s.name) for s in self.settings.tracking_statuses), default=10)
        return self.FITS | {"status": Fit(longest + 2)}  # "● " and the name

    @property
    def show(self) -> RecommendationShow:
        return "awaiting" if self.view == "awaiting" else "all"

    def fetch(self, query: TrackerQuery) -> Rows[RecommendationRow]:
        return tracker.recommendations_rows(self.store, query, show=self.show)

    def count(self, query: TrackerQuery) -> int:
        return tracker.recommendations_count(self.store, query, show=self.show)

    def cells(self, row: RecommendationRow) -> tuple[Text, ...]:
        return (
            literal(row.reference),
            rag_text(row.status, self.settings.rag_of(row.status)),
            literal(one_line(row.text, 240)),
            literal(one_line(row.committee or NO_COMMITTEE, 40)),
            literal(row.date_agreed or NO_DATE),
            literal(one_line(row.area or "", 40)),
            literal(row.executive_response_date or ""),
            literal(one_line(row.lead or "", 40)),
            literal(one_line(row.action_taken or "", 240)),
        )

    def describe(self, row: RecommendationRow) -> Text:
        text = Text.assemble(literal(f"{row.reference}  ", "bold"), literal(row.text))
        origin = (
            "a resolution recommending to the executive"
            if row.from_resolution
            else "a scrutiny recommendation"
        )
        committee = row.committee or NO_COMMITTEE
        agreed = row.date_agreed or NO_DATE
        text.append_text(literal(f"\n{committee} · agreed {agreed} · {origin}", DIM))
        text.append("\nStatus: ")
        text.append_text(rag_text(row.status, self.settings.rag_of(row.status)))
        for label, value in (
            ("Area", row.area),
            ("Executive response", row.executive_response_date),
            ("Lead", row.lead),
            ("Action taken", row.action_taken),
        ):
            if value:
                text.append(f"\n{label}: ", style="bold")
                text.append_text(literal(value))
        if not row.executive_response_date:
            text.append_text(literal("\nExecutive response: none recorded yet (press e)", DIM))
        text.append_text(self.history_text(self.history.get(row.uid)))
        return text

    def history_text(self, changes: list[StatusChangeRow] | None) -> Text:
        if changes is None:
            return Text("")
        if not changes:
            return Text("\nHistory: no status set yet (press s)", style=DIM)
        text = Text("\nHistory:", style="bold")
        for change in changes:
            text.append(f"\n  {change.changed_at:%Y-%m-%d %H:%M}  ")
            text.append_text(rag_text(change.status, self.settings.rag_of(change.status)))
            if change.changed_by:
                text.append(f"  by {inline(change.changed_by)}", style=DIM)
        return text

    def on_row_shown(self, row: RecommendationRow) -> None:
        if row.uid not in self.history:
            self.load_history(row)

    @work(thread=True, exclusive=True, group="history", exit_on_error=False)
    def load_history(self, row: RecommendationRow) -> None:
        history = tracker.status_history(self.store, row.uid)
        self.app.call_from_thread(self.history_loaded, row.uid, history)

    def history_loaded(self, uid: str, history: list[StatusChangeRow]) -> None:
        self.history[uid] = history
        current = self.current_row()
        if current is not None and current.uid == uid:
            self.query_one("#detail", Static).update(self.describe(current))

    def reload(self) -> None:
        self.history.clear()
        super().reload()

    # ---- editing ----------------------------------------------------------------------

    def action_set_status(self) -> None:
        row = self.current_row()
        if row is None:
            return

        def chosen(status: str | None) -> None:
            if status and status != row.status:
                self.save_status(row.uid, status, row.status)

        picker = StatusPicker(self.settings.tracking_statuses, row.status, row.text)
        self.app.push_screen(picker, chosen)

    def action_edit(self) -> None:
        row = self.current_row()
        if row is None:
            return
        fields = TrackingFields(row.area, row.executive_response_date, row.lead, row.action_taken)

        def saved(new: TrackingFields | None) -> None:
            if new is not None and new != fields:
                self.save_fields(row.uid, new)

        self.app.push_screen(TrackingForm(fields, row.text), saved)

    @work(thread=True, group="save", exit_on_error=False)
    def save_status(self, uid: str, status: str, seen: str | None) -> None:
        try:
            tracker.set_status(self.store, uid, status, expected=seen)
        except tracker.StatusChanged as changed:
            # Another member set it meanwhile: show theirs, and say so (nothing is lost:
            # the member can choose again).
            self.history.pop(uid, None)
            self.post_changed(uid)
            self.app.call_from_thread(self.notify, str(changed), severity="warning", timeout=10)
            return
        self.history.pop(uid, None)
        self.post_changed(uid)
        self.app.call_from_thread(self.notify, f"Status set: {status}")

    @work(thread=True, group="save", exit_on_error=False)
    def save_fields(self, uid: str, fields: TrackingFields) -> None:
        tracker.update_tracking(self.store, uid, fields)
        self.post_changed(uid)

    def post_changed(self, uid: str) -> None:
        self.app.call_from_thread(self.mark_store_edited)
        row = tracker.recommendation(self.store, uid)
        if row is not None:
            self.post_message(RowChanged(row))
