"""Attention: what needs the member before the next meeting, on one screen.

Overdue actions with how late each is, recommendations awaiting the executive's response,
tracking that is failing or has not moved, the member's open questions and the meetings
coming up; each row opens its agenda item. Beside them, two small charts: tracking statuses
by RAG colour and open actions by the month they are due. An empty store shows how to add
minutes instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from scrutiny_tui.config import Rag
from scrutiny_tui.ui.labels import lateness
from scrutiny_tui.ui.screens.base import ScrutinyScreen
from scrutiny_tui.ui.text import DIM, NO_COMMITTEE, literal, one_line, rag_text
from scrutiny_tui.ui.widgets.vim import VimOptionList

if TYPE_CHECKING:  # the attention service loads with the screen's first read
    from scrutiny_tui.services.attention import (
        Attention,
        AwaitedResponse,
        ComingMeeting,
        LateAction,
        OpenQuestion,
        StaleRecommendation,
        TopicArrival,
        Where,
    )

EMPTY_STORE = (
    "No minutes yet.\n\n"
    "To add some:\n"
    "  i   import a file or folder of minutes (text, HTML, PDF or Word)\n"
    "  w   follow a council's ModernGov site and sync its committees' minutes\n\n"
    "From a terminal: scrutiny ingest FOLDER, or scrutiny sources add URL then scrutiny sync.\n\n"
    "Once minutes are in, this screen lists what needs your attention: overdue actions, "
    "recommendations awaiting the executive's response, tracking to look at, your open "
    "questions, what is new on your topics and the meetings coming up."
)
HEAD = Style(bold=True)
LATE = Style(bold=True, color="red")
NARROW = 110  # below this many columns the charts panel takes less room from the lists


@dataclass
class AttentionLoaded(Message):
    attention: Attention


def uk_date(day: date) -> str:
    """1 Oct 2026: the way minutes and members write dates, unambiguous in any locale."""
    return f"{day.day} {day:%b %Y}"


def _where(where: Where) -> Text:
    title = f" · {one_line(where.item_title, 80)}" if where.item_title else ""
    return literal(where.describe() + title, DIM)


def _lines(*parts: Text) -> Text:
    return Text("\n", end="").join(parts)


def late_action_prompt(action: LateAction) -> Text:
    head = Text.assemble(
        (lateness(action.days_late), LATE), f" · due {uk_date(action.due_by)}", end=""
    )
    if action.due_to:
        head.append_text(literal(f" · to {one_line(action.due_to, 60)}"))
    return _lines(head, literal(one_line(action.text, 240)), _where(action.where))


def awaited_prompt(row: AwaitedResponse) -> Text:
    due = f"response due {uk_date(row.response_due)}"
    if row.recorded:
        due += " (date you recorded)"
    head = Text.assemble(
        literal(row.reference, HEAD), f" · agreed {uk_date(row.agreed)} · ", end=""
    )
    if row.late:
        head.append(f"{due}, {lateness(row.days_late)}", style=LATE)
    else:
        head.append(due)
    return _lines(head, literal(one_line(row.text, 240)), _where(row.where))


def stale_prompt(row: StaleRecommendation, rag: Rag | None) -> Text:
    head = Text.assemble(literal(row.reference, HEAD), " · ", end="")
    head.append_text(rag_text(row.status, rag))
    if row.status_since:
        unchanged = "since" if row.failing else "unchanged since"
        head.append(f" {unchanged} {uk_date(row.status_since)}")
    return _lines(head, literal(one_line(row.text, 240)), _where(row.where))


def question_prompt(question: OpenQuestion) -> Text:
    ask = f"ask at: {one_line(question.ask_at, 80)}" if question.ask_at else "no meeting chosen"
    head = Text.assemble(("Question", HEAD), " · ", end="")
    head.append_text(literal(ask))
    where = " · ".join(
        [
            question.committee or NO_COMMITTEE,
            question.meeting_date or "undated",
            one_line(question.item_title or "its words are no longer in the minutes", 80),
        ]
    )
    return _lines(head, literal(one_line(question.body, 240)), literal(where, DIM))


def coming_prompt(meeting: ComingMeeting) -> Text:
    away = {0: "today", 1: "tomorrow"}.get(meeting.days_away, f"in {meeting.days_away} days")
    head = Text.assemble((f"{meeting.date:%a} {uk_date(meeting.date)}", HEAD), f" ({away})")
    head.append_text(literal(f" · {meeting.committee or NO_COMMITTEE}"))
    agenda = (
        f"{meeting.item_count} agenda item{'s' if meeting.item_count != 1 else ''}"
        if meeting.item_count
        else "agenda not yet published"
    )
    lines = [head, literal(" · ".join(p for p in (meeting.council, agenda) if p), DIM)]
    return _lines(*lines)


def arrival_prompt(arrival: TopicArrival) -> Text:
    head = Text.assemble(("New", HEAD), " on ", end="")
    head.append_text(literal(arrival.topic, HEAD))
    return _lines(head, _where(arrival.where))


class AttentionScreen(ScrutinyScreen):
    CSS_PATH = "attention.tcss"
    TITLE = "Attention"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+r", "refresh", "Refresh", tooltip="Read the store again", id="attention-refresh"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.targets: dict[str, tuple[int, str | None]] = {}  # option id -> (item, record uid)
        self.shown: Attention | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the store…", id="summary", markup=False)
        with Horizontal(id="body"):
            yield VimOptionList(id="rows")
            with VerticalScroll(id="charts"):
                yield Static("", id="status-chart", markup=False)
                yield Static("", id="month-chart", markup=False)
        yield Static(EMPTY_STORE, id="empty", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#empty").display = False
        self.query_one("#rows").focus()

    def reload(self) -> None:
        # Once the app has handled what it had queued: starting, it is shown this screen
        # first and may then switch to the one it was asked to open on; then this screen
        # reads the store when it is shown, not in competition with that screen's first read.
        self.app.call_later(self.load_if_shown)

    def load_if_shown(self) -> None:
        if self.is_current:
            self.load()
        else:
            self.loaded_version = -1

    def action_refresh(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="attention", exit_on_error=False)
    def load(self) -> None:
        from scrutiny_tui.services.attention import attention

        found = attention(
            self.store,
            self.settings.tracking_statuses,
            today=self.today(),
            stale_months=self.settings.attention.stale_months,
        )
        self.post_message(AttentionLoaded(found))

    def on_attention_loaded(self, message: AttentionLoaded) -> None:
        found = message.attention
        empty = found.store_empty
        self.query_one("#empty").display = empty
        self.query_one("#body").display = not empty
        self.query_one("#summary", Static).update(self.summary(found))
        self.shown = found
        if empty:
            return
        self.fill_rows(found)
        self.fill_charts()

    def chart_panel_width(self) -> int:
        return 34 if self.size.width < NARROW else 46

    def on_resize(self) -> None:
        self.query_one("#charts").styles.width = self.chart_panel_width()
        self.fill_charts()

    def summary(self, found: Attention) -> str:
        if found.store_empty:
            return "Nothing to show yet."
        counts = [
            (found.late_actions.total, "overdue action", "overdue actions"),
            (found.awaiting_response.total, "awaiting response", "awaiting response"),
            (found.stale.total, "recommendation to look at", "recommendations to look at"),
            (found.questions.total, "open question", "open questions"),
            (found.topic_news.total, "new on your topics", "new on your topics"),
            (found.coming.total, "meeting coming up", "meetings coming up"),
        ]
        said = [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]
        today = f"{found.today:%A} {uk_date(found.today)}"
        if not said:
            return f"{today}. Nothing needs your attention."
        return f"{today}: " + ", ".join(said) + ". enter opens the item."

    def fill_rows(self, found: Attention) -> None:
        rows = self.query_one("#rows", OptionList)
        keep = rows.highlighted_option.id if rows.highlighted_option else None
        rows.clear_options()
        self.targets = {}
        options: list[Option | None] = []
        rag_of = {s.name: s.rag for s in self.settings.tracking_statuses}

        def section(key: str, title: str, total: int, shown: int) -> None:
            if options:
                options.append(None)
            more = f" (showing {shown})" if total > shown else ""
            heading = Text(f"{title}: {total or 'none'}{more}", style=HEAD)
            options.append(Option(heading, id=f"section-{key}", disabled=True))

        def add(option_id: str, prompt: Text, item_id: int | None, uid: str | None) -> None:
            if options and options[-1] is not None and not options[-1].disabled:
                options.append(None)  # a rule between rows of a section
            options.append(Option(prompt, id=option_id))
            if item_id is not None:
                self.targets[option_id] = (item_id, uid)

        late = found.late_actions
        section("late", "Overdue actions", late.total, len(late.rows))
        for action in late.rows:
            add(
                f"action-{action.uid}", late_action_prompt(action), action.where.item_id, action.uid
            )
        awaited = found.awaiting_response
        section("awaited", "Awaiting the executive's response", awaited.total, len(awaited.rows))
        for row in awaited.rows:
            add(f"awaited-{row.uid}", awaited_prompt(row), row.where.item_id, row.uid)
        stale = found.stale
        section("stale", "Tracking to look at", stale.total, len(stale.rows))
        for rec in stale.rows:
            add(
                f"stale-{rec.uid}",
                stale_prompt(rec, rag_of.get(rec.status)),
                rec.where.item_id,
                rec.uid,
            )
        questions = found.questions
        section("questions", "Your open questions", questions.total, len(questions.rows))
        for question in questions.rows:
            add(
                f"question-{question.uuid}",
                question_prompt(question),
                question.item_id,
                question.uuid,
            )
        news = found.topic_news
        section("news", "New on your topics since you last looked", news.total, len(news.rows))
        for n, arrival in enumerate(news.rows):
            add(f"news-{n}", arrival_prompt(arrival), arrival.where.item_id, None)
        coming = found.coming
        section("coming", "Meetings coming up", coming.total, len(coming.rows))
        for n, meeting in enumerate(coming.rows):
            add(f"coming-{n}", coming_prompt(meeting), meeting.item_id, None)
        rows.add_options(options)
        ids = [o.id for o in options if o is not None and o.id and not o.disabled]
        if ids:
            rows.highlighted = rows.get_option_index(keep if keep in ids else ids[0])

    def fill_charts(self) -> None:
        """Draw the charts to the panel's width (again after a resize)."""
        if self.shown is None or self.shown.store_empty:
            return  # (before the import: the chart module loads the attention service)
        from scrutiny_tui.ui.widgets.bar_chart import bar_chart

        # The panel less its border and padding, and a column a vertical scrollbar may take.
        width = self.chart_panel_width() - 4
        self.query_one("#status-chart", Static).update(
            bar_chart("Recommendations by status", self.shown.statuses, width)
        )
        self.query_one("#month-chart", Static).update(
            bar_chart("Open actions by month due", self.shown.actions_by_month, width)
        )

    @on(OptionList.OptionSelected, "#rows")
    def open_row(self, event: OptionList.OptionSelected) -> None:
        target = self.targets.get(event.option.id or "")
        if target is None:
            self.notify("This meeting's agenda is not known yet.", severity="warning")
            return
        item_id, uid = target
        self.scrutiny.open_item(item_id, focus_uid=uid)
