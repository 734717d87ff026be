"""What the three trackers share: a filter box, a sortable table read a page at a time
from the store, a detail pane for the highlighted row, and enter to open the item.

The first page is shown as soon as it is read; the rows matching over all pages are counted
after it, in a worker of their own, and the count beside the filter says "…" until then.

The table's columns are as wide as the terminal allows: each column has a least width (its
header, with room for the sort arrow, always fits) and the long text columns share what is
left, again whenever the terminal is resized (:func:`fit_widths`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import ClassVar, Generic, Protocol, TypeVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.coordinate import Coordinate
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Static
from textual.widgets.data_table import ColumnKey

from scrutiny_tui.services.tracker import Column, Rows, Tracker, TrackerQuery
from scrutiny_tui.ui.messages import PageLoaded, RowChanged, RowsCounted
from scrutiny_tui.ui.palette import PaletteCommand, binding_commands
from scrutiny_tui.ui.screens.base import ScrutinyScreen
from scrutiny_tui.ui.widgets.footer import SettledFooter
from scrutiny_tui.ui.widgets.inputs import QuietInput
from scrutiny_tui.ui.widgets.vim import VimDataTable

FILTER_DELAY = 0.3
RESIZE_DELAY = 0.05  # a window dragged wider sends many resizes: fit the columns once
FETCH_AHEAD = 20  # rows from the end of what is loaded at which the next page is fetched
SORT_ARROW = 2  # " ▲" after the label of the column sorted on


@dataclass(frozen=True, slots=True)
class Fit:
    """How wide a column may be: never narrower than ``least`` (nor than its header and
    sort arrow); a column with a ``share`` takes that share of the width left over, up to
    ``most`` (0: no limit)."""

    least: int
    share: int = 0
    most: int = 0


def fit_widths(
    width: int, columns: Iterable[Column], fits: Mapping[str, Fit], padding: int = 1
) -> dict[str, int]:
    """The width of each column's content when the table is ``width`` cells wide (each
    column also takes ``padding`` cells on either side). When even the least widths do
    not fit, the columns keep them and the table scrolls sideways."""
    columns = list(columns)
    fit = {c.key: fits.get(c.key, Fit(len(c.label))) for c in columns}
    widths = {c.key: max(fit[c.key].least, len(c.label) + SORT_ARROW) for c in columns}
    spare = width - sum(widths.values()) - 2 * padding * len(columns)
    while spare > 0:
        growing = [
            key for key, f in fit.items() if f.share and (not f.most or widths[key] < f.most)
        ]
        if not growing:
            break
        shares = sum(fit[key].share for key in growing)
        given = 0
        for key in growing:
            room = fit[key].most - widths[key] if fit[key].most else spare
            extra = min(spare * fit[key].share // shares, room)
            widths[key] += extra
            given += extra
        if given == 0:  # less left than there are shares: a cell each, in column order
            for key in growing[:spare]:
                widths[key] += 1
                given += 1
        spare -= given
    return widths


class TrackerTable(VimDataTable):
    """The trackers' table: enter opens the row's agenda item, and says so in the footer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Open",
            tooltip="Open the agenda item of this row",
            id="tracker-open",
        ),
    ]


class TrackerRow(Protocol):
    """What the shared table needs of a row: its record's uid and the item it sits in."""

    @property
    def uid(self) -> str: ...

    @property
    def item_id(self) -> int: ...


Row = TypeVar("Row", bound=TrackerRow)


class TrackerScreen(ScrutinyScreen, Generic[Row]):
    """Subclasses set TRACKER and FITS (or fixed WIDTHS) and implement ``fetch``, ``count``,
    ``cells`` and ``describe``. A tracker with VIEWS (a subset of its rows shown by ``v``, such as
    overdue actions) reads ``self.view`` in ``fetch``."""

    CSS_PATH: ClassVar = "tracker.tcss"
    TRACKER: ClassVar[Tracker]
    WIDTHS: ClassVar[dict[str, int]] = {}  # fixed widths, for a tracker without FITS
    FITS: ClassVar[dict[str, Fit]] = {}
    VIEWS: ClassVar[dict[str, str]] = {}  # view → what the sub-title says ("overdue actions")
    EMPTY: ClassVar[str] = "Nothing here yet."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open_item",
            "Open item",
            show=False,  # the table's own enter says "Open" in the footer
            tooltip="Open the agenda item of this row",
            id="tracker-open-item",
        ),
        Binding("f", "focus_filter", "Filter", tooltip="Filter rows by words", id="tracker-filter"),
        Binding("o", "sort_next", "Sort", tooltip="Sort by the next column", id="tracker-sort"),
        Binding(
            "O",
            "sort_reverse",
            "Reverse",
            show=False,
            tooltip="Reverse the sort order",
            id="tracker-reverse",
        ),
        Binding(
            "escape",
            "clear_filter",
            "Clear filter",
            show=False,
            tooltip="Show every row again",
            id="tracker-clear",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = TrackerQuery()
        self.rows: dict[str, Row] = {}  # by uid, in the order loaded
        self.generation = 0
        self.fetching = False
        self.more = False  # rows follow the last page loaded
        self.total: int | None = 0  # rows matching over all pages; None while counting
        self.filter_timer: Timer | None = None
        self.resize_timer: Timer | None = None
        self.return_to: str | None = None  # uid to put the cursor back on after a reload
        self.widths: dict[str, int] = {}
        self.view = next(iter(self.VIEWS), "")

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="toolbar"):
            yield QuietInput(placeholder="Filter (f): words in any column", id="filter")
            yield Static("", id="count")
        yield TrackerTable(id="table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="detail-pane"):
            yield Static("", id="detail")
        yield SettledFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self.widths = self.column_widths(self.app.size.width)
        self.add_columns(table)
        table.focus()

    # ---- column widths ----------------------------------------------------------------

    def fits(self) -> dict[str, Fit]:
        """Each column's :class:`Fit`: FITS, or else WIDTHS as fixed widths with the text
        column taking what is left."""
        if self.FITS:
            return self.FITS
        return {
            key: Fit(width, share=1 if key == "text" else 0) for key, width in self.WIDTHS.items()
        }

    def column_widths(self, width: int) -> dict[str, int]:
        table = self.query_one(DataTable)
        scrollbar = table.styles.scrollbar_size_vertical  # kept free, shown or not
        return fit_widths(width - scrollbar, self.TRACKER.columns, self.fits(), table.cell_padding)

    def header(self, column: Column) -> Text:
        if column.key != self.query_state.sort:
            return Text(column.label)
        return Text(column.label + (" ▼" if self.query_state.descending else " ▲"))

    def add_columns(self, table: DataTable) -> None:
        for column in self.TRACKER.columns:
            table.add_column(self.header(column), key=column.key, width=self.widths[column.key])

    def on_resize(self, event: events.Resize) -> None:
        if self.resize_timer is not None:
            self.resize_timer.stop()
        self.resize_timer = self.set_timer(RESIZE_DELAY, self.fit_columns)

    def fit_columns(self) -> None:
        """Give the columns the widths the table's width allows now, keeping the rows
        loaded and the cursor on its row."""
        table = self.query_one(DataTable)
        widths = self.column_widths(table.size.width or self.app.size.width)
        if widths == self.widths:
            return
        self.widths = widths
        current = self.current_row()
        table.clear(columns=True)
        self.add_columns(table)
        for row in self.rows.values():
            table.add_row(*self.cells(row), key=row.uid)
        if current is not None:
            table.move_cursor(row=table.get_row_index(current.uid))

    # ---- subclass hooks ---------------------------------------------------------------

    def fetch(self, query: TrackerQuery) -> Rows[Row]:
        raise NotImplementedError

    def count(self, query: TrackerQuery) -> int:
        """How many rows ``query`` matches over all pages."""
        raise NotImplementedError

    def cells(self, row: Row) -> tuple[Text, ...]:
        raise NotImplementedError

    def describe(self, row: Row) -> Text:
        raise NotImplementedError

    def on_row_shown(self, row: Row) -> None:
        """The highlighted row changed (the recommendations tracker loads its history)."""

    # ---- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        current = self.current_row()
        self.return_to = current.uid if current is not None else None
        self.generation += 1
        self.rows.clear()
        self.more = False
        self.total = None
        self.query_one(DataTable).clear()
        self.query_one("#detail", Static).update("")
        self.fetch_page(replace(self.query_state, offset=0))

    def fetch_page(self, query: TrackerQuery) -> None:
        self.fetching = True
        self.load_page(query, self.generation)

    @work(thread=True, exclusive=True, group="tracker-page", exit_on_error=False)
    def load_page(self, query: TrackerQuery, generation: int) -> None:
        self.post_message(PageLoaded(self.fetch(query), generation))

    @work(thread=True, exclusive=True, group="tracker-count", exit_on_error=False)
    def load_count(self, query: TrackerQuery, generation: int) -> None:
        self.post_message(RowsCounted(self.count(query), generation))

    def on_page_loaded(self, message: PageLoaded[Row]) -> None:
        if message.generation != self.generation:
            return  # an answer to a query the user has since changed
        self.fetching = False
        page = message.page
        self.more = page.more
        table = self.query_one(DataTable)
        for row in page.rows:
            if row.uid not in self.rows:
                self.rows[row.uid] = row
                table.add_row(*self.cells(row), key=row.uid)
        if page.offset == 0:
            if page.more:  # counted once the first page is on screen
                query = replace(self.query_state, offset=0)
                self.call_after_refresh(self.load_count, query, self.generation)
            else:
                self.total = len(self.rows)
        self.update_count()
        if not self.rows:
            self.query_one("#detail", Static).update(Text(self.empty_message(), style="italic"))
        elif message.page.offset == 0:
            self.restore_cursor(table)

    def on_rows_counted(self, message: RowsCounted) -> None:
        if message.generation == self.generation:
            self.total = message.total
            self.update_count()

    def restore_cursor(self, table: DataTable) -> None:
        if self.return_to in self.rows:
            table.move_cursor(row=table.get_row_index(self.return_to))
        self.show_row(self.current_row() or next(iter(self.rows.values())))

    def empty_message(self) -> str:
        if self.query_state.text:
            return f"No rows match “{self.query_state.text}”. Press escape to clear the filter."
        return self.EMPTY

    def update_count(self) -> None:
        sort = next(
            (c.label for c in self.TRACKER.columns if c.key == self.query_state.sort),
            "default order",
        )
        arrow = " ▼" if self.query_state.descending else ""
        total = "…" if self.total is None else str(self.total)
        self.query_one("#count", Static).update(
            f"{len(self.rows)} of {total} · sorted by {sort}{arrow}"
        )
        if self.VIEWS:
            self.sub_title = self.VIEWS[self.view]

    def on_row_changed(self, message: RowChanged[Row]) -> None:
        row = message.row
        if row.uid not in self.rows:
            return
        self.rows[row.uid] = row
        table = self.query_one(DataTable)
        for column, value in zip(self.TRACKER.columns, self.cells(row), strict=True):
            table.update_cell(row.uid, column.key, value)
        self.show_row(row)

    # ---- events -----------------------------------------------------------------------

    def current_row(self) -> Row | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row < 0 or table.cursor_row >= table.row_count:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key
        return self.rows.get(str(key.value))

    @on(DataTable.RowHighlighted)
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        row = self.rows.get(str(event.row_key.value))
        if row is not None:
            self.show_row(row)
        near_end = event.cursor_row >= len(self.rows) - FETCH_AHEAD
        if near_end and self.more and not self.fetching:
            self.fetch_page(replace(self.query_state, offset=len(self.rows)))

    def show_row(self, row: Row) -> None:
        self.query_one("#detail", Static).update(self.describe(row))
        self.on_row_shown(row)

    @on(DataTable.RowSelected)
    def row_selected(self) -> None:
        self.action_open_item()

    @on(DataTable.HeaderSelected)
    def header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        descending = not self.query_state.descending if key == self.query_state.sort else False
        self.sort_by(key, descending)

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        if self.filter_timer is not None:
            self.filter_timer.stop()
        self.filter_timer = self.set_timer(FILTER_DELAY, self.apply_filter)

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.apply_filter()
        self.query_one(DataTable).focus()

    def apply_filter(self) -> None:
        if self.filter_timer is not None:
            self.filter_timer.stop()
        text = self.query_one("#filter", Input).value.strip()
        if text != self.query_state.text:
            self.query_state = replace(self.query_state, text=text)
            self.reload()

    # ---- actions ----------------------------------------------------------------------

    def action_open_item(self) -> None:
        row = self.current_row()
        if row is not None:
            self.scrutiny.open_item(row.item_id, focus_uid=row.uid)

    def action_focus_filter(self) -> None:
        self.query_one("#filter").focus()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.apply_filter()
        self.query_one(DataTable).focus()

    def action_sort_next(self) -> None:
        keys = [c.key for c in self.TRACKER.columns]
        current = keys.index(self.query_state.sort) if self.query_state.sort in keys else -1
        self.sort_by(keys[(current + 1) % len(keys)], False)

    def action_sort_reverse(self) -> None:
        self.sort_by(
            self.query_state.sort or self.TRACKER.columns[0].key, not self.query_state.descending
        )

    def sort_by(self, key: str, descending: bool) -> None:
        self.query_state = replace(self.query_state, sort=key, descending=descending)
        table = self.query_one(DataTable)
        for column in self.TRACKER.columns:
            table.columns[ColumnKey(column.key)].label = self.header(column)
        self.reload()

    # ---- views ------------------------------------------------------------------------

    def show_view(self, view: str) -> None:
        """Show only the rows of ``view`` (one of VIEWS), as ``v`` and the palette do."""
        if view not in self.VIEWS:
            return
        self.view = view
        if self.is_mounted:
            self.reload()

    def action_cycle_view(self) -> None:
        views = list(self.VIEWS)
        self.show_view(views[(views.index(self.view) + 1) % len(views)])
        self.notify(f"Showing {self.VIEWS[self.view]}.")

    def palette_commands(self) -> Iterator[PaletteCommand]:
        """Every key of this tracker, those the footer leaves out included."""
        where = self.title or type(self).__name__
        seen: set[str] = set()
        for cls in type(self).__mro__:
            for command in binding_commands(cls.__dict__.get("BINDINGS", []), where):
                if command.action not in seen:
                    seen.add(command.action)
                    yield command
