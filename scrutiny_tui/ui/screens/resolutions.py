"""Every resolution across all meetings."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text

from scrutiny_tui.services import tracker
from scrutiny_tui.services.tracker import ResolutionRow, Rows, TrackerQuery
from scrutiny_tui.ui.screens.tracker_base import Fit, TrackerScreen
from scrutiny_tui.ui.text import DIM, NO_COMMITTEE, NO_DATE, literal, one_line


class ResolutionsScreen(TrackerScreen[ResolutionRow]):
    TITLE = "Resolutions"
    TRACKER = tracker.RESOLUTIONS
    # the resolution takes most of the width left, the item and committee some of it, so
    # every column stays on screen and none is left empty (again on each resize)
    FITS: ClassVar[dict[str, Fit]] = {
        "date": Fit(10),
        "committee": Fit(11, share=1, most=40),
        "label": Fit(5),
        "kind": Fit(11),
        "text": Fit(24, share=5),
        "item": Fit(14, share=2, most=60),
    }
    EMPTY = "No resolutions yet. Import minutes with i (or `scrutiny ingest PATH`)."

    def fetch(self, query: TrackerQuery) -> Rows[ResolutionRow]:
        return tracker.resolutions_rows(self.store, query)

    def count(self, query: TrackerQuery) -> int:
        return tracker.resolutions_count(self.store, query)

    def cells(self, row: ResolutionRow) -> tuple[Text, ...]:
        return (
            literal(row.date or NO_DATE),
            literal(one_line(row.committee or NO_COMMITTEE, 40)),
            literal(row.label or ""),
            literal(row.kind),
            literal(one_line(row.text, 120)),
            literal(one_line(row.item_title, 60)),
        )

    def describe(self, row: ResolutionRow) -> Text:
        label = f"({row.label}) " if row.label else ""
        text = Text.assemble(
            literal(label, "bold"), literal(row.text), literal(f"   {row.kind}", DIM)
        )
        where = f"\n{row.committee or NO_COMMITTEE} · {row.date or NO_DATE} · "
        text.append_text(literal(where + one_line(row.item_title) + f" · {row.file_name}", DIM))
        return text
