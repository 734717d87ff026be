"""Search (/ from anywhere): full-text results as you type, with the matched words
highlighted; enter opens the agenda item at the hit.

Snippets are minutes text, so they are shown literally and the hit ranges the search
service reports are styled with ``Text.stylize``; no markup is ever built from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from scrutiny_tui.ui.messages import SearchDone
from scrutiny_tui.ui.screens.base import ScrutinyScreen
from scrutiny_tui.ui.text import DIM, HIGHLIGHT, NO_COMMITTEE, NO_DATE, literal, visible_controls
from scrutiny_tui.ui.widgets.inputs import QuietInput
from scrutiny_tui.ui.widgets.vim import VimOptionList

if TYPE_CHECKING:  # the search service loads with the first query
    from scrutiny_tui.services.search import SearchHit, SearchResult

SEARCH_DELAY = 0.25
LIMIT = 50
HINT = 'Type to search all minutes: words, "exact phrases", OR, NOT, prefix*. Enter opens the item.'


def snippet_text(snippet: str, highlights: list[tuple[int, int]]) -> Text:
    """The snippet with control characters made visible and the hits styled."""
    text = Text(visible_controls(snippet).replace("\n", " "), end="")
    for start, end in highlights:
        text.stylize(HIGHLIGHT, start, end)
    return text


def hit_prompt(hit: SearchHit) -> Text:
    where = " · ".join(
        [hit.committee or NO_COMMITTEE, hit.date or NO_DATE, hit.item_title or hit.file_name]
    )
    prompt = Text.assemble((f"{hit.kind}  ", "bold"), literal(where, DIM))
    prompt.append("\n")
    prompt.append_text(snippet_text(hit.snippet, list(hit.highlights)))
    return prompt


class SearchScreen(ScrutinyScreen):
    CSS_PATH = "search.tcss"
    TITLE = "Search"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", tooltip="Close search", id="search-back"),
        Binding("down", "results", "Results", show=False, id="search-results"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial_query = query
        self.hits: list[SearchHit] = []
        self.searched = ""  # the query the hits shown are for
        self.search_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="body"):
            yield QuietInput(self.initial_query, placeholder="Search minutes…", id="query")
            yield Static(HINT, id="notice", classes="status-line", markup=False)
            yield VimOptionList(id="hits")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#query").focus()

    def reload(self) -> None:
        query = self.query_one("#query", Input).value.strip()
        if query:
            self.run_search(query)

    @on(Input.Changed, "#query")
    def query_changed(self) -> None:
        if self.search_timer is not None:
            self.search_timer.stop()
        self.search_timer = self.set_timer(SEARCH_DELAY, self.reload)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        from scrutiny_tui.services.search import search

        found = search(self.store, query, limit=LIMIT, acronyms=self.settings.acronyms())
        self.post_message(SearchDone(query, found))

    def on_search_done(self, message: SearchDone) -> None:
        if message.query != self.query_one("#query", Input).value.strip():
            return  # the user has typed on since
        result = message.result
        self.hits = list(result.hits)
        self.searched = message.query
        options = self.query_one("#hits", OptionList)
        options.clear_options()
        spaced: list[Option | None] = []
        for n, hit in enumerate(self.hits):
            spaced += [Option(hit_prompt(hit), id=str(n)), None]
        options.add_options(spaced[:-1])
        self.query_one("#notice", Static).update(self.notice(message.query, result))

    def notice(self, query: str, result: SearchResult) -> Text:
        if result.notice:
            return literal(result.notice, "bold")
        if not self.hits:
            return literal(f"No matches for {query}.")
        more = "+" if len(self.hits) >= LIMIT else ""
        noun = "match" if len(self.hits) == 1 else "matches"
        return Text(f"{len(self.hits)}{more} {noun}. ↓ to the results, enter to open.")

    @on(Input.Submitted, "#query")
    def submitted(self) -> None:
        if self.search_timer is not None:
            self.search_timer.stop()
        if self.hits:
            self.action_results()
        else:
            self.reload()

    def action_results(self) -> None:
        options = self.query_one("#hits", OptionList)
        if options.option_count:
            options.focus()
            if options.highlighted is None:
                options.highlighted = 0

    @on(OptionList.OptionSelected, "#hits")
    def open_hit(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id or 0)]
        if hit.item_id is None:  # a note whose words are no longer in any minutes
            self.notify(
                "This note's words are no longer in the minutes; find it with n.",
                severity="warning",
            )
            return
        self.dismiss()
        self.scrutiny.open_item(hit.item_id, focus_uid=hit.uid, find=self.searched)
