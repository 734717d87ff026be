"""The minutes of an item with a line cursor for the keyboard, shown a page at a time.

The cursor line is the passage a member annotates with ``a`` when the minutes have focus.

Each line is a widget, so only one page of the text (``PAGE_CHARS``) is mounted at once,
and nothing is counted or split beyond it: an item of a million lines opens as fast as one
of ten. Lines and pages are found from character offsets in the text as they are needed
(:class:`MinutesText`), so the cursor, a highlighted passage and the line a note quotes
work on any page; moving past the end of a page (the cursor, the mouse wheel, page down)
brings in the next one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from scrutiny_tui.ui.text import HIGHLIGHT, literal

PAGE_CHARS = 12_000  # a page is the lines starting in one stretch of this many characters
LINE_CHARS = 2_000  # a longer line is shown (and quoted) in pieces of this many characters


@dataclass(frozen=True, slots=True)
class MinutesLine:
    """One line as shown (a line of the text, or a piece of a very long one): its words,
    where they are in the item's text, and whether a paragraph ends with it."""

    text: str
    start: int
    end: int
    paragraph_end: bool = False


class MinutesText:
    """An item's text as lines and pages, each found from offsets when asked for.

    Blank lines are not shown (the line before one ends a paragraph). Pages start at the
    first line (or piece of a long line) at or after each multiple of ``PAGE_CHARS``, so
    where a page starts never depends on the pages before it.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def _text_line(self, offset: int) -> tuple[int, int]:
        """(start, end) of the line of the text holding ``offset``."""
        end = self.text.find("\n", offset)
        return self.text.rfind("\n", 0, offset) + 1, len(self.text) if end < 0 else end

    def _piece(self, offset: int) -> MinutesLine:
        """The shown line holding ``offset``, which is not on a blank line."""
        start, end = self._text_line(offset)
        start += (offset - start) // LINE_CHARS * LINE_CHARS
        piece_end = min(start + LINE_CHARS, end)
        last_piece = piece_end == end
        paragraph_end = last_piece and self.text.startswith("\n\n", end)
        return MinutesLine(self.text[start:piece_end], start, piece_end, paragraph_end)

    def line_at(self, offset: int) -> MinutesLine | None:
        """The shown line holding ``offset`` (from a blank line: the next line)."""
        offset = max(0, min(offset, len(self.text) - 1))
        while offset < len(self.text) and self.text[offset] == "\n":
            offset += 1
        if offset >= len(self.text):
            return self.last()
        return self._piece(offset)

    def first(self) -> MinutesLine | None:
        return self.line_at(0)

    def last(self) -> MinutesLine | None:
        end = len(self.text) - 1
        while end >= 0 and self.text[end] == "\n":
            end -= 1
        return self._piece(end) if end >= 0 else None

    def after(self, line: MinutesLine) -> MinutesLine | None:
        found = self.line_at(line.end if line.end < len(self.text) else len(self.text))
        return found if found is not None and found.start > line.start else None

    def before(self, line: MinutesLine) -> MinutesLine | None:
        offset = line.start - 1
        while offset >= 0 and self.text[offset] == "\n":
            offset -= 1
        return self._piece(offset) if offset >= 0 else None

    def page_start(self, page: int) -> int:
        """Where page ``page`` starts: the first shown line at or after its stretch."""
        at = page * PAGE_CHARS
        if at <= 0:
            return 0
        if at >= len(self.text):
            return len(self.text)
        line = self.line_at(at)
        while line is not None and line.start < at:
            line = self.after(line)
        return len(self.text) if line is None else line.start

    def page_of(self, offset: int) -> int:
        page = offset // PAGE_CHARS
        return page - 1 if page and self.page_start(page) > offset else page

    def page_count(self) -> int:
        last = self.last()
        return 0 if last is None else self.page_of(last.start) + 1

    def page(self, page: int) -> Iterator[MinutesLine]:
        """The lines of page ``page``."""
        end = self.page_start(page + 1)
        line = self.line_at(self.page_start(page))
        while line is not None and line.start < end:
            yield line
            line = self.after(line)

    def line_number(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


class Paragraph(Static):
    """One line of the minutes, knowing where it sits in the item's text."""

    def __init__(self, line: MinutesLine, classes: str = "") -> None:
        super().__init__(literal(line.text), classes=f"para {classes}".strip())
        self.text = line.text
        self.start = line.start
        self.end = line.end

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def mark(self, start: int | None = None, end: int | None = None) -> None:
        shown = literal(self.text)
        if start is not None and end is not None:
            shown.stylize(HIGHLIGHT, max(start - self.start, 0), end - self.start)
        self.update(shown)


class MinutesPane(VerticalScroll, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Down", show=False, tooltip="Next line", id="minutes-down"),
        Binding("k,up", "move(-1)", "Up", show=False, tooltip="Previous line", id="minutes-up"),
        Binding("g", "jump(0)", "Top", show=False, tooltip="First line", id="minutes-top"),
        Binding("G", "jump(-1)", "Bottom", show=False, tooltip="Last line", id="minutes-end"),
    ]

    cursor: reactive[int] = reactive(0, init=False)  # where the cursor line starts

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.minutes = MinutesText("")
        self.shown_page = 0  # the page shown (or on its way)
        self.pages_asked = 0  # pages asked for so far: a mount for an earlier one is skipped
        self.pages_mounted = 0  # the number of the last page asked for that is mounted
        self.pending_scroll: tuple[int, bool] | None = None  # (offset, at the top) once in
        self.marked: tuple[int, int] | None = None  # the highlighted words, as offsets

    # ---- what is shown --------------------------------------------------------------

    def show_text(self, text: str, marked: tuple[int, int] | None = None) -> None:
        """Show ``text``, from its first line or from the words ``marked`` (highlighted)."""
        self.minutes = MinutesText(text)
        self.marked = marked
        first = self.minutes.first()
        self.set_reactive(MinutesPane.cursor, 0 if first is None else first.start)
        line = self.minutes.line_at(marked[0]) if marked is not None else None
        if line is not None and (page := self.minutes.page_of(line.start)):
            self.set_reactive(MinutesPane.cursor, line.start)  # the cursor stays on the page
            self.show_page(page, then_show=line.start, top=True)
        else:
            self.show_page(0, then_show=None if line is None else line.start, top=True)

    def show_page(self, page: int, then_show: int | None = None, *, top: bool = False) -> None:
        """Mount page ``page``; then scroll the line at offset ``then_show`` into view (at
        the top of the pane with ``top``)."""
        self.shown_page = page
        self.pages_asked += 1
        self.pending_scroll = None if then_show is None else (then_show, top)
        pages = self.minutes.page_count()
        if pages > 1:  # (set only then: setting even a blank one redraws the border)
            start = self.minutes.page_start(page)
            end = max(start, self.minutes.page_start(page + 1) - 1)
            self.border_subtitle = (
                f"lines {self.minutes.line_number(start):,}–{self.minutes.line_number(end):,}"
                f" of {self.minutes.line_number(len(self.minutes.text)):,}"
            )
        elif self.border_subtitle:
            self.border_subtitle = ""
        self.call_next(self._mount_page, self.pages_asked, page)

    @property
    def mounting(self) -> bool:
        """A page has been asked for and is not mounted yet."""
        return self.pages_mounted != self.pages_asked

    async def _mount_page(self, asked: int, page: int) -> None:
        if asked != self.pages_asked:
            return  # another page was asked for since
        paragraphs = [self._paragraph(line) for line in self.minutes.page(page)]
        await self.remove_children()
        await self.mount_all(paragraphs or [Static("(no minutes text)", classes="placeholder")])
        self.pages_mounted = asked
        pending, self.pending_scroll = self.pending_scroll, None
        target = self.mounted(pending[0]) if pending is not None else None
        if pending is not None and target is not None:
            self.call_after_refresh(target.scroll_visible, animate=False, top=pending[1])
        else:
            self.scroll_home(animate=False)

    def _paragraph(self, line: MinutesLine) -> Paragraph:
        classes = "-paragraph-end" if line.paragraph_end else ""
        if line.start == self.cursor and self.has_focus:
            classes += " -cursor"
        paragraph = Paragraph(line, classes)
        if self.marked is not None and paragraph.overlaps(*self.marked):
            paragraph.mark(*self.marked)
            paragraph.add_class("-marked")
        return paragraph

    def lines(self) -> list[Paragraph]:
        """The lines mounted now (one page)."""
        return list(self.query(Paragraph))

    def mounted(self, offset: int) -> Paragraph | None:
        """The widget of the line starting at ``offset``, if it is mounted now."""
        return next((line for line in self.lines() if line.start == offset), None)

    def current(self) -> MinutesLine | None:
        """The line under the cursor."""
        return self.minutes.line_at(self.cursor)

    # ---- highlighting ---------------------------------------------------------------

    def mark(self, start: int, end: int) -> None:
        """Highlight the words at ``[start, end)`` of the text and scroll to them, bringing
        in their page if another is shown."""
        self.marked = (start, end)
        line = self.minutes.line_at(start)
        if line is None:
            return
        page = self.minutes.page_of(line.start)
        if page != self.shown_page:
            self.set_reactive(MinutesPane.cursor, line.start)  # the cursor stays on the page
            self.show_page(page, then_show=line.start, top=True)
            return
        if self.mounting:  # the page is on its way: it is built with the words marked
            self.pending_scroll = (line.start, True)
            return
        first: Paragraph | None = None
        for paragraph in self.lines():
            if paragraph.overlaps(start, end):
                paragraph.mark(start, end)
                paragraph.add_class("-marked")
                first = first or paragraph
            elif paragraph.has_class("-marked"):
                paragraph.mark()
                paragraph.remove_class("-marked")
        if first is not None:
            first.scroll_visible(animate=False, top=True)

    # ---- the cursor -----------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        page = self.minutes.page_of(new)
        if page != self.shown_page:
            self.show_page(page, then_show=new)
            return
        if self.mounting:  # the page is built with the cursor in place
            self.pending_scroll = (new, False)
            return
        if (previous := self.mounted(old)) is not None:
            previous.remove_class("-cursor")
        if (line := self.mounted(new)) is not None:
            line.add_class("-cursor")
            line.scroll_visible(animate=False)

    def on_focus(self) -> None:
        if (first_shown := self.line_in_view()) is not None:
            self.cursor = first_shown.start  # the reader scrolled away: the cursor follows
        elif (line := self.mounted(self.cursor)) is not None:
            line.add_class("-cursor")

    def line_in_view(self, *, last: bool = False) -> Paragraph | None:
        """When the cursor line is out of sight: the first line the pane shows whole from
        its top (``last``: the last one), else the first (last) shown at all. None while
        the cursor line is in sight."""
        shown = self.lines_in_view()
        if not shown or any(line.start == self.cursor for line in shown):
            return None
        top, bottom = self.scroll_y, self.scroll_y + self.scrollable_content_region.height
        whole = [
            p for p in shown if p.virtual_region.y >= top and p.virtual_region.bottom <= bottom
        ]
        candidates = whole or shown
        return candidates[-1] if last else candidates[0]

    def lines_in_view(self) -> list[Paragraph]:
        """The mounted lines the pane shows now, at least in part, top to bottom."""
        if self.mounting:
            return []
        top, bottom = self.scroll_y, self.scroll_y + self.scrollable_content_region.height
        return [
            line
            for line in self.lines()
            if line.virtual_region.y < bottom and line.virtual_region.bottom > top
        ]

    def on_blur(self) -> None:
        for line in self.query(".-cursor"):
            line.remove_class("-cursor")

    def go_to(self, line: MinutesLine | None) -> None:
        """Put the cursor on ``line`` and show it."""
        if line is None:
            return
        if line.start == self.cursor:
            self.watch_cursor(line.start, line.start)  # shown, should it be off the page
        self.cursor = line.start

    def action_move(self, step: int) -> None:
        """The cursor ``step`` lines on; when the pane has been scrolled away from it (the
        wheel, page down, a record's words brought into view), it starts from what the
        pane shows: the top line going down, the bottom line going up."""
        if (first_shown := self.line_in_view(last=step < 0)) is not None:
            self.go_to(self.minutes.line_at(first_shown.start))
            return
        line = self.current()
        for _ in range(abs(step)):
            following = None
            if line is not None:
                following = self.minutes.after(line) if step > 0 else self.minutes.before(line)
            if following is None:
                break
            line = following
        self.go_to(line)

    def action_jump(self, where: int) -> None:
        self.go_to(self.minutes.last() if where < 0 else self.minutes.first())

    def place_cursor_at(self, offset: int) -> None:
        """Put the cursor on the line holding ``offset`` of the item's text."""
        self.go_to(self.minutes.line_at(offset))

    # ---- paging by scrolling past the end of a page -------------------------------------

    def next_page(self) -> bool:
        if self.shown_page + 1 >= self.minutes.page_count():
            return False
        self.go_to(self.minutes.line_at(self.minutes.page_start(self.shown_page + 1)))
        return True

    def previous_page(self) -> bool:
        first = self.minutes.line_at(self.minutes.page_start(self.shown_page))
        if self.shown_page == 0 or first is None:
            return False
        self.go_to(self.minutes.before(first))
        return True

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        if self.scroll_y >= self.max_scroll_y and self.next_page():
            event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        if self.scroll_y <= 0 and self.previous_page():
            event.stop()

    def action_page_down(self) -> None:
        if self.scroll_y < self.max_scroll_y or not self.next_page():
            super().action_page_down()

    def action_page_up(self) -> None:
        if self.scroll_y > 0 or not self.previous_page():
            super().action_page_up()
