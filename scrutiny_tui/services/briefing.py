"""Briefing packs: a document a member takes into the next meeting.

For a scope (committee, date range, topic search, tags, chosen items) the pack holds, in
order: a title block, contents, outstanding and overdue actions, the recommendations with
their tracking (status, lead, executive response, action taken), the resolutions, then each
agenda item with a short extract (its own opening sentences, never generated wording), its
resolutions, the member's concerns by priority, their own questions, and where it came from.

The "next meeting" preset builds the pack for one committee's next meeting (a synced
meeting dated from today on, or a date given): every action of that committee not done,
every recommendation not achieved, and the resolutions and items of its last meeting.

Procedural items (apologies, declarations of interest, the previous meeting's minutes, dates
of future meetings, urgent business, exclusion of the press and public…) and procedural
resolutions are left out unless the scope asks for them (:func:`is_procedural`).

The pack is built once as a small document model (:class:`Heading`, :class:`Para`,
:class:`Bullets`, :class:`Table` of plain-text runs) and written as Markdown here, and as
HTML and Word by ``briefing_formats``. Every string from minutes or notes is plain text in
the model; the Markdown writer escapes only what CommonMark would read as structure
(:func:`inline`), so a line starting with ``#``, a ``|`` in a table cell or a ``<script>``
stays text, while ``2016-01-10``, ``H&W`` and ``000_00512cc2.txt`` read as typed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from scrutiny_tui.parser.decisions import classify as classify_decision
from scrutiny_tui.safe_files import FileWriteError, check_target, write_private
from scrutiny_tui.safe_text import inline as inline_name
from scrutiny_tui.safe_text import visible_controls
from scrutiny_tui.services.browse import MeetingFilter, where_from
from scrutiny_tui.services.tracker import is_overdue
from scrutiny_tui.store import briefing as queries
from scrutiny_tui.store.db import Store
from scrutiny_tui.vocabulary import NOTE_PRIORITIES

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘“\"(])")
EXTRACT_CHARS = 400
# Recommendation statuses that need nothing more; a "next meeting" pack leaves them out.
SETTLED_STATUSES = ("Achieved", "Stop monitoring")
SOURCE_TITLE_CHARS = 40


class BriefingError(Exception):
    """The pack cannot be built or written as asked; the message says why, in one line."""


class NoNextMeeting(BriefingError):
    """A "next meeting" pack was asked for but no such meeting is known (or no committee
    named): the message says so; the caller adds how to give the date in its own terms."""


@dataclass(frozen=True, slots=True)
class BriefingScope:
    """What the pack covers. Every field empty: the whole store.

    ``next_meeting``: the pack for the next meeting of the committee matching ``committee``
    (or, with no committee, of the committees followed on the council sites), on
    ``for_date`` if given, else the first synced meeting dated from today on. The date
    range, topic and tags do not apply to it."""

    committee: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    search: str | None = None  # a topic: items with a search hit
    tags: tuple[str, ...] = ()  # items carrying a note with one of these tags
    item_ids: tuple[int, ...] = ()
    with_procedural: bool = False  # keep apologies, minutes, declarations and the like
    next_meeting: bool = False
    for_date: str | None = None  # YYYY-MM-DD: the meeting's date (next_meeting)

    def __post_init__(self) -> None:
        for name in ("since", "until", "for_date"):
            value = getattr(self, name)
            if value and not _DATE.match(value):
                raise ValueError(f"{name} must be a date as YYYY-MM-DD, not {value!r}")
            if value:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise ValueError(f"{name} is not a real date: {value!r}") from None
            object.__setattr__(self, name, value or None)
        object.__setattr__(self, "committee", (self.committee or "").strip() or None)
        object.__setattr__(self, "search", (self.search or "").strip() or None)
        object.__setattr__(self, "tags", tuple(t for t in self.tags if t))
        object.__setattr__(self, "item_ids", tuple(int(i) for i in self.item_ids))
        if self.for_date:
            object.__setattr__(self, "next_meeting", True)

    def describe(self) -> str:
        parts = []
        if self.next_meeting:
            which = f"committee matching “{self.committee}”" if self.committee else None
            when = f"on {self.for_date}" if self.for_date else "next"
            parts.append(f"the meeting {when} of the {which or 'committees followed'}")
        else:
            if self.committee:
                parts.append(f"committee matching “{self.committee}”")
            if self.since or self.until:
                first, last = self.since or "any date", self.until or "any date"
                parts.append(f"meetings {first} to {last}")
            if self.search:
                parts.append(f"items mentioning “{self.search}”")
            if self.tags:
                parts.append("notes tagged " + ", ".join(f"#{t}" for t in self.tags))
            if self.item_ids:
                parts.append(f"{len(self.item_ids)} chosen items")
        if self.with_procedural:
            parts.append("procedural items kept")
        return "; ".join(parts) or "everything in the store"


# ---- the document model ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    """Plain text (already one line, controls pictured), with how it is set."""

    text: str
    strong: bool = False
    emph: bool = False
    link: str | None = None  # the id of a heading in the pack


Runs = tuple[Run, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    anchor: str  # unique in the pack; the contents link here


@dataclass(frozen=True, slots=True)
class Para:
    runs: Runs
    quote: bool = False  # the item's own words, set off as a quotation


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[tuple[int, Runs], ...]  # (depth from 0, text)
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Runs, ...], ...]
    widths: tuple[int, ...]  # share of the page width, per column (sums to 100)
    kind: str  # what the table lists: "summary", "actions", "recommendations", "resolutions"


Block = Heading | Para | Bullets | Table


@dataclass(frozen=True, slots=True)
class Briefing:
    title: str
    markdown: str
    item_count: int
    blocks: tuple[Block, ...] = ()

    def __str__(self) -> str:
        return self.markdown


def text(value: str | None) -> str:
    """Stored text as one line of plain text: whitespace collapsed, controls pictured."""
    return " ".join(visible_controls(value or "").split())


def _runs(*parts: str | Run) -> Runs:
    return tuple(p if isinstance(p, Run) else Run(text(p)) for p in parts if p)


class _Anchors:
    """Heading ids as GitHub makes them (lower case, punctuation dropped, spaces to hyphens),
    made unique in the pack by a numbered suffix."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, heading: str) -> str:
        base = re.sub(r"[^\w\- ]", "", heading.lower(), flags=re.ASCII).replace(" ", "-")
        base = base or "section"
        anchor, n = base, 0
        while anchor in self.seen:
            n += 1
            anchor = f"{base}-{n}"
        self.seen.add(anchor)
        return anchor


# ---- Markdown: escaping only what CommonMark would misread -----------------------------

_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SPECIAL = re.compile(r"[\\`*_\[\]<&|~]")
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
# What opens a block at the start of a line (or of a list item or quotation): a heading,
# a quotation, a bullet, an ordered list's number, a thematic break, a setext underline, a
# code fence. Indentation cannot come through: whitespace is collapsed first.
_BLOCK_START = re.compile(
    r"^(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|(?P<digits>\d{1,9})[.)](?=\s|$)"
    r"|[-*_](?:\s*[-*_]){2,}\s*$|=+\s*$|-+\s*$|~~~)"
)


def _escape_char(value: str, match: re.Match[str], *, in_link: bool) -> str:
    char, at = match[0], match.start()
    before = value[at - 1] if at else " "
    after = value[at + 1] if at + 1 < len(value) else " "
    needed = {
        # an escape, or a hard line break at the end
        "\\": after in _ASCII_PUNCT or at + 1 == len(value),
        "`": True,  # code spans
        # emphasis: a star between spaces opens and closes nothing
        "*": not (before.isspace() and after.isspace()),
        # an underscore inside a word (file_name) opens and closes nothing
        "_": not (before.isalnum() and after.isalnum())
        and not (before.isspace() and after.isspace()),
        "[": True,  # links, images, reference definitions
        "]": in_link,  # would close a contents link's text early
        "<": bool(_TAG_START.match(value, at)),  # raw HTML, autolinks
        "&": bool(_ENTITY.match(value, at)),  # &lt; &#60; would become "<"
        "|": True,  # table cells
        "~": before == "~" or after == "~",  # ~~strikethrough~~ and ~~~ fences
    }[char]
    return f"\\{char}" if needed else char


def inline(value: str | None, *, in_link: bool = False) -> str:
    """Text from minutes or notes as one line of Markdown that reads back as exactly that
    text, wherever it is put (a paragraph, a list item, a heading or a table cell).
    Only what CommonMark (with tables) would read as structure is escaped."""
    flat = text(value)
    escaped = _SPECIAL.sub(lambda m: _escape_char(flat, m, in_link=in_link), flat)
    start = _BLOCK_START.match(escaped)
    if start is None:
        return escaped
    if start["digits"]:
        mark = len(
            start["digits"]
        )  # "12." becomes "12\." (a backslash before a digit is no escape)
        return f"{escaped[:mark]}\\{escaped[mark:]}"
    return f"\\{escaped}"


def _md_runs(runs: Runs) -> str:
    out = []
    for run in runs:
        body = inline(run.text, in_link=run.link is not None)
        if not body:
            continue
        if run.strong:
            body = f"**{body}**"
        if run.emph:
            body = f"*{body}*"
        if run.link:
            body = f"[{body}](#{run.link})"
        out.append(body)
    return " ".join(out)


def render_markdown(blocks: Sequence[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines.append(f"{'#' * block.level} {inline(block.text)}")
        elif isinstance(block, Para):
            lines.append(("> " if block.quote else "") + _md_runs(block.runs))
        elif isinstance(block, Bullets):
            for n, (depth, runs) in enumerate(block.items, 1):
                mark = f"{n}." if block.ordered else "-"
                lines.append(f"{'  ' * depth}{mark} {_md_runs(runs)}")
        else:
            lines.append("| " + " | ".join(inline(h) for h in block.header) + " |")
            lines.append("|" + "|".join("---" for _ in block.header) + "|")
            for row in block.rows:
                lines.append("| " + " | ".join(_md_runs(cell) or "—" for cell in row) + " |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


PREVIEW_ROWS = 25  # table rows shown in the app's preview
PREVIEW_ENTRIES = 40  # list entries
PREVIEW_ITEMS = 12  # agenda items written out


def preview_markdown(briefing: Briefing) -> str:
    """The start of the pack, for a preview on screen: long tables, lists and the agenda
    items after the first few are cut, each cut saying how much the saved pack has more (a
    terminal's Markdown view takes seconds over a year's tables)."""
    blocks: list[Block] = []
    items = 0
    for block in briefing.blocks:
        if isinstance(block, Heading) and block.level == 3:
            items += 1
            if items > PREVIEW_ITEMS:
                continue
        elif items > PREVIEW_ITEMS:
            continue  # the rest of an item not shown
        if isinstance(block, Table) and len(block.rows) > PREVIEW_ROWS:
            more = len(block.rows) - PREVIEW_ROWS
            blocks.append(Table(block.header, block.rows[:PREVIEW_ROWS], block.widths, block.kind))
            blocks.append(Para(_runs(f"… and {more} more rows in the saved pack.")))
        elif isinstance(block, Bullets) and len(block.items) > PREVIEW_ENTRIES:
            more = len(block.items) - PREVIEW_ENTRIES
            blocks.append(Bullets(block.items[:PREVIEW_ENTRIES], block.ordered))
            blocks.append(Para(_runs(f"… and {more} more in the saved pack.")))
        else:
            blocks.append(block)
    if items > PREVIEW_ITEMS:
        more = items - PREVIEW_ITEMS
        blocks.append(Para(_runs(f"… and {more} more agenda items in the saved pack.")))
    return render_markdown(blocks)


# ---- procedural items -----------------------------------------------------------------

_NUMBER_PREFIX = re.compile(
    r"^\s*(?:\*?(?:\d|[A-Z]{1,4}\d)[\w/.-]*[.:)]?|\(?[a-z]\)|[ivx]+\.)\s+", re.IGNORECASE
)
_PROCEDURAL_TITLE = re.compile(
    r"^(?:"
    r"apolog|substitut|notification\s+of\s+substitut"
    r"|(?:present|attendance|members\s+present|roll\s+call|calling\s+of\s+the\s+roll|sederunt"
    r"|quorum)\s*$"
    r"|(?:declarations?|disclosures?|register)\s+of\s+(?:\w+\s+){0,3}interests?|interests?$"
    r"|(?:declarations?\s+of\s+)?(?:party\s+)?whip"
    r"|(?:to\s+(?:confirm|approve|agree|sign)\s+(?:the\s+)?|confirmation\s+of\s+(?:the\s+)?"
    r"|approval\s+of\s+(?:the\s+)?)?minutes(?:\s*$|\s*[-–—:,]|\s+and\s+matters\s+arising"
    r"|\s+of\s+(?:the\s+)?(?:previous|last|preceding)\b|\s+of\s+(?:the\s+)?meetings?\s+(?:held|of|on)\b"
    r"|\s+(?:held\s+)?on\s+\d|\s+of\s+\d)"
    r"|dates?\s+of\s+(?:the\s+)?(?:future|next|forthcoming)\s+meetings?"
    r"|(?:future|next|forthcoming)\s+meetings?(?:\s+dates?)?\s*$|date\s+of\s+(?:the\s+)?next\s+meeting"
    r"|(?:any\s+)?(?:other\s+)?(?:items?\s+of\s+)?urgent\s+(?:business|items?|matters?)"
    r"(?:\s*$|\s*[-–—:(,]|\s+(?:if|which|to|of)\b)"
    r"|any\s+other\s+(?:urgent\s+)?(?:business|items?|matters?)|a\.?\s?o\.?\s?b\.?\s*$"
    r"|(?:admission\s+of\s+)?late\s+(?:items?|reports?)|order\s+of\s+business"
    r"|(?:election|appointment)\s+of\s+(?:the\s+)?(?:vice[-\s]?)?chair"
    r"|(?:the\s+)?(?:chair(?:man|person)?|mayor)(?:'s|’s|s')?\s+(?:announcements?|communications?)"
    r"|announcements?\s*$|welcome(?:\s+and\s+introductions?)?\s*$|introductions?\s*$"
    r"|(?:fire\s+)?evacuation\s+(?:procedures?|arrangements)|fire\s+evacuation"
    r"|(?:recording|filming|webcasting)\s+(?:of\s+)?(?:the\s+)?meeting"
    r"|exclusion\s+of\s+(?:the\s+)?(?:press|public)|(?:private|exempt)\s+(?:business|session)\s*$"
    r")",
    re.IGNORECASE,
)


def is_procedural(title: str) -> bool:
    """Whether an agenda item is about running the meeting rather than its business:
    apologies and substitutes, attendance, declarations of interest or whipping, the
    previous meeting's minutes, dates of future meetings, urgent or any other business, late
    items, the chair's election or announcements, and excluding the press and public (the
    parser's own test for procedural decisions also counts). Its number, as printed, is
    ignored; a title naming business ("Minutes of the Children's Trust", "Matters arising
    from the budget") is not procedural."""
    bare = _NUMBER_PREFIX.sub("", " ".join(title.split()), count=1).lstrip("*-–— ")
    return bool(_PROCEDURAL_TITLE.match(bare)) or classify_decision(bare) == "procedural"


# ---- gathering ----------------------------------------------------------------------


@dataclass
class _Item:
    id: int
    uid: str
    number: str | None
    title: str
    text: str
    committee: str | None
    date: str | None
    path: str
    meeting_id: int = 0
    resolutions: list[queries.PackResolution] = field(default_factory=list)
    recommendations: list[queries.PackRecommendation] = field(default_factory=list)
    actions: list[queries.PackAction] = field(default_factory=list)
    notes: list[Any] = field(default_factory=list)

    @property
    def heading(self) -> str:
        number = f"{self.number} " if self.number else ""
        committee = self.committee or "Committee not stated"
        return f"{self.date or 'Undated'} · {committee} · {number}{self.title}"

    @property
    def source(self) -> str:
        where = f"agenda item {self.number}" if self.number else "agenda item"
        return f"{where_from(self.path)}, {where}"

    def short_source(self, label: str | None = None) -> str:
        """Committee (or the file, when the minutes do not name one), date and the item's
        number as printed (its title, cut short, when it has none): a table's last column."""
        if self.number:
            item = f"item {self.number}"
        else:
            title = text(self.title)
            if len(title) > SOURCE_TITLE_CHARS:
                title = title[: SOURCE_TITLE_CHARS - 1].rstrip() + "…"
            item = f"item “{title}”"
        if label:
            item += f" {label}"
        return f"{self.committee or where_from(self.path)}, {self.date or 'undated'}, {item}"


@dataclass(frozen=True, slots=True)
class MeetingPlan:
    """The meeting a "next meeting" pack is for, and the last one before it."""

    committee: str
    date: str
    last: str | None  # the committee's latest meeting before it (up to today)
    given: bool  # the date was given, not found among synced meetings


def _scoped_item_ids(store: Store, scope: BriefingScope) -> set[int] | None:
    """Item ids the topic, tag and chosen-item parts of the scope allow (None: any)."""
    allowed: set[int] | None = None

    def narrow(ids: set[int]) -> None:
        nonlocal allowed
        allowed = ids if allowed is None else allowed & ids

    if scope.item_ids:
        narrow(set(scope.item_ids))
    if scope.search:
        from scrutiny_tui.services.search import search

        narrow({h.item_id for h in search(store, scope.search, limit=2000).hits if h.item_id})
    if scope.tags:
        from scrutiny_tui.services.notes import list_notes

        tagged: set[int] = set()
        for tag in scope.tags:
            tagged |= {n.item_id for n in list_notes(store, tag=tag) if n.item_id is not None}
        narrow(tagged)
    return allowed


def _with_records(store: Store, found: Iterable[queries.PackItem]) -> list[_Item]:
    items = {
        i.id: _Item(
            i.id, i.uid, i.number, i.title, i.text, i.committee, i.date, i.path, i.meeting_id
        )
        for i in found
    }
    ids = list(items)
    with store.read() as conn:
        resolutions = queries.resolutions_of_items(conn, ids)
        recommendations = queries.recommendations_of_items(conn, ids)
        actions = queries.actions_of_items(conn, ids)
    for resolution in resolutions:
        items[resolution.item_id].resolutions.append(resolution)
    for recommendation in recommendations:
        items[recommendation.item_id].recommendations.append(recommendation)
    for action in actions:
        items[action.item_id].actions.append(action)
    return list(items.values())


def _items(store: Store, scope: BriefingScope) -> list[_Item]:
    allowed = _scoped_item_ids(store, scope)
    if allowed is not None and not allowed:
        return []
    flt = MeetingFilter(committee=scope.committee or "", date_from=scope.since, date_to=scope.until)
    with store.read() as conn:
        found = queries.items_in_scope(conn, flt, allowed)
    return _with_records(store, found)


def _attach_notes(store: Store, items: list[_Item]) -> None:
    from scrutiny_tui.services.notes import list_notes

    by_id = {item.id: item for item in items}
    for note in list_notes(store):
        if note.item_id in by_id:
            by_id[note.item_id].notes.append(note)


def followed_committees(store: Store) -> list[str]:
    """The committees followed on the council sites, by their titles there."""
    from scrutiny_tui.services.sync import list_sources

    return sorted({title for source in list_sources(store) for _, title in source.committees})


def plan_next_meeting(store: Store, scope: BriefingScope, today: date) -> MeetingPlan:
    """The meeting the scope's "next meeting" preset means (see :class:`BriefingScope`)."""
    names = [] if scope.committee else followed_committees(store)
    if not scope.committee and not names:
        raise NoNextMeeting("no committee named and none followed on a council's site")
    who = (
        f"a committee matching “{scope.committee}”"
        if scope.committee
        else "the committees followed"
    )
    with store.read() as conn:
        if scope.for_date:
            day = scope.for_date
            committee = queries.committee_on(conn, day, like=scope.committee, names=names)
            if committee is None:
                raise BriefingError(f"no meetings of {who} up to {day} are stored")
            given = True
        else:
            found = queries.first_meeting_from(
                conn, today.isoformat(), like=scope.committee, names=names
            )
            if found is None:
                raise NoNextMeeting(f"no meeting of {who} from {today.isoformat()} on is known")
            committee, day = found
            given = False
        before = min(day, (today + timedelta(days=1)).isoformat())
        last = queries.last_meeting_before(conn, committee, before)
    return MeetingPlan(committee, day, last, given)


@dataclass
class _Gathered:
    items: list[_Item]  # every item a row or section comes from
    sections: list[_Item]  # the items written out one by one (and whose resolutions count)
    agenda: list[_Item]  # the next meeting's published agenda (next meeting only)
    plan: MeetingPlan | None = None
    older: int = 0  # items of earlier meetings holding open records (next meeting only)


def _gather(store: Store, scope: BriefingScope, today: date) -> _Gathered:
    if not scope.next_meeting:
        items = _items(store, scope)
        _attach_notes(store, items)
        return _Gathered(items, items, [])
    plan = plan_next_meeting(store, scope, today)
    with store.read() as conn:
        recent = (
            queries.committee_items(conn, plan.committee, plan.last, plan.last) if plan.last else []
        )
        open_ids = queries.items_with_open_records(
            conn, plan.committee, plan.date, SETTLED_STATUSES
        )
        older = queries.items_by_id(conn, open_ids - {i.id for i in recent})
        agenda = queries.committee_items(conn, plan.committee, plan.date, plan.date)
    items = _with_records(store, [*older, *recent])
    _attach_notes(store, items)
    recent_ids = {i.id for i in recent}
    sections = [item for item in items if item.id in recent_ids]
    shown_agenda = [
        _Item(a.id, a.uid, a.number, a.title, "", a.committee, a.date, a.path) for a in agenda
    ]
    return _Gathered(items, sections, shown_agenda, plan, len(older))


# ---- the pack -----------------------------------------------------------------------


def build_briefing(
    store: Store, scope: BriefingScope, *, today: date, generated_at: datetime
) -> Briefing:
    """The pack for ``scope`` (see the module docstring). A "next meeting" scope whose
    meeting cannot be found raises :class:`BriefingError` saying how to give its date."""
    got = _gather(store, scope, today)
    if not scope.with_procedural:
        got.sections = [i for i in got.sections if not is_procedural(i.title)]
        got.agenda = [i for i in got.agenda if not is_procedural(i.title)]
    shown = {i.id for i in got.sections}
    committees = {i.committee for i in got.sections}
    only = next(iter(committees)) if len(committees) == 1 else None
    if got.plan:
        title = f"{got.plan.committee}, meeting of {got.plan.date}"
    else:
        title = only or scope.committee or "All committees"
    writer = _Writer(scope, today)
    blocks = writer.pack(title, got, shown, generated_at)
    count = len(got.sections) + got.older + len(got.agenda)
    return Briefing(title, render_markdown(blocks), count, tuple(blocks))


def _actions(items: Iterable[_Item]) -> list[tuple[_Item, queries.PackAction]]:
    rows = [(item, a) for item in items for a in item.actions if not a.done]
    return sorted(rows, key=lambda r: (not r[1].due, r[1].due or ""))


class _Writer:
    """Builds the blocks of one pack, giving each heading its unique anchor."""

    def __init__(self, scope: BriefingScope, today: date) -> None:
        self.scope = scope
        self.today = today
        self.anchor = _Anchors()

    def heading(self, level: int, words: str) -> Heading:
        return Heading(level, text(words), self.anchor(text(words)))

    def pack(
        self, title: str, got: _Gathered, shown: set[int], generated_at: datetime
    ) -> list[Block]:
        plan = got.plan
        blocks: list[Block] = [self.heading(1, f"Briefing pack: {title}")]
        blocks.append(self._summary(title, got, generated_at))
        contents = self.heading(2, "Contents")
        actions = self._actions(got)
        recommendations = self._recommendations(got)
        resolutions = self._resolutions(got, shown)
        agenda = self._agenda(got) if plan else []
        items_title = (
            f"Items of the last meeting ({plan.last})" if plan and plan.last else "Agenda items"
        )
        items_heading = self.heading(2, items_title)
        sections: list[list[Block]] = [self._item(item) for item in got.sections]
        if not got.sections:
            empty = (
                "No earlier meeting of this committee is stored."
                if plan
                else "Nothing in this scope."
            )
            sections = [[Para(_runs(empty))]]
        tops = [b for part in (agenda, actions, recommendations, resolutions) for b in part[:1]]
        entries: list[tuple[int, Runs]] = [
            (0, (Run(h.text, link=h.anchor),))
            for h in [*tops, items_heading]
            if isinstance(h, Heading)
        ]
        entries += [
            (1, (Run(s[0].text, link=s[0].anchor),)) for s in sections if isinstance(s[0], Heading)
        ]
        blocks += [contents, Bullets(tuple(entries))]
        blocks += [*agenda, *actions, *recommendations, *resolutions, items_heading]
        for section in sections:
            blocks += section
        return blocks

    def _summary(self, title: str, got: _Gathered, generated_at: datetime) -> Table:
        rows: list[tuple[str, str]] = []
        if got.plan:
            plan = got.plan
            rows.append(("Committee", plan.committee))
            how = "date given" if plan.given else "from the council's site"
            rows.append(("Meeting", f"{plan.date} ({how})"))
            rows.append(("Last meeting", plan.last or "none stored"))
            rows.append(("Covers", "actions not done, recommendations not achieved, "
                         "and the resolutions and items of the last meeting"))  # fmt: skip
        else:
            dates = sorted(i.date for i in got.sections if i.date)
            span = f"{dates[0]} to {dates[-1]}" if dates else "no dated meetings"
            rows.append(("Committee", title))
            rows.append(("Meetings", span))
        rows.append(("Scope", self.scope.describe()))
        rows.append(("Agenda items", str(len(got.sections))))
        if not self.scope.with_procedural:
            rows.append(("Left out", "procedural items (apologies, declarations, minutes, dates…)"))
        rows.append(("Generated", generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()))
        return Table(
            ("", ""),
            tuple((_runs(Run(k, strong=True)), _runs(v)) for k, v in rows),
            (20, 80),
            "summary",
        )

    def _actions(self, got: _Gathered) -> list[Block]:
        title = "Actions not done" if got.plan else "Outstanding and overdue actions"
        blocks: list[Block] = [self.heading(2, title)]
        rows = []
        for item, action in _actions(got.items):
            overdue = is_overdue(action.due, action.done, self.today)
            state = Run("Overdue", strong=True) if overdue else Run("Open")
            rows.append(
                (
                    _runs(action.text),
                    _runs(action.due or "—"),
                    (state,),
                    _runs(action.due_to or "—"),
                    _runs(item.short_source()),
                )
            )
        if not rows:
            return [*blocks, Para(_runs("No outstanding actions in this scope."))]
        header = ("Action", "Due", "State", "Due to", "Source")
        return [*blocks, Table(header, tuple(rows), (46, 9, 8, 15, 22), "actions")]

    def _recommendations(self, got: _Gathered) -> list[Block]:
        title = "Recommendations not achieved" if got.plan else "Recommendations"
        blocks: list[Block] = [self.heading(2, title)]
        rows = []
        for item in got.items:
            entries: list[tuple[str | None, str, queries.Tracking]] = [
                (f"Rec {r.ref}" if r.ref else "Rec", r.text, r.tracking)
                for r in item.recommendations
            ]
            entries += [
                (f"({r.label})" if r.label else None, r.text, r.tracking)
                for r in item.resolutions
                if r.kind == "recommended"
            ]
            for ref, words, kept in entries:
                if got.plan and kept.status in SETTLED_STATUSES:
                    continue
                rows.append(
                    (
                        _runs(words),
                        _runs(kept.status or "Not tracked"),
                        _runs(kept.lead or "—"),
                        _runs(kept.response_date or "—"),
                        _runs(kept.action_taken or "—"),
                        _runs(item.short_source(ref)),
                    )
                )
        if not rows:
            return [*blocks, Para(_runs("No recommendations in this scope."))]
        header = ("Recommendation", "Status", "Lead", "Exec. response", "Action taken", "Source")
        return [*blocks, Table(header, tuple(rows), (32, 10, 13, 10, 15, 20), "recommendations")]

    def _resolutions(self, got: _Gathered, shown: set[int]) -> list[Block]:
        title = "Resolutions since the last meeting" if got.plan else "Resolutions"
        blocks: list[Block] = [self.heading(2, title)]
        rows = []
        for item in got.items:
            if item.id not in shown:
                continue
            for res in item.resolutions:
                if res.kind == "recommended":
                    continue  # listed with the recommendations
                if res.kind == "procedural" and not self.scope.with_procedural:
                    continue
                label = f"({res.label})" if res.label else None
                rows.append((_runs(res.text), _runs(res.kind), _runs(item.short_source(label))))
        if not rows:
            return [*blocks, Para(_runs("No resolutions in this scope."))]
        return [
            *blocks,
            Table(("Resolution", "Kind", "Source"), tuple(rows), (62, 10, 28), "resolutions"),
        ]

    def _agenda(self, got: _Gathered) -> list[Block]:
        assert got.plan is not None
        blocks: list[Block] = [self.heading(2, f"On the agenda for {got.plan.date}")]
        if not got.agenda:
            return [*blocks, Para(_runs("The agenda is not published (or not synced) yet."))]
        entries = [(0, _runs(f"{i.number} {i.title}" if i.number else i.title)) for i in got.agenda]
        return [*blocks, Bullets(tuple(entries))]

    def _item(self, item: _Item) -> list[Block]:
        blocks: list[Block] = [self.heading(3, item.heading)]
        if item.text.strip():
            blocks.append(Para(_runs(extract(item.text)), quote=True))
        resolutions = [
            r for r in item.resolutions if r.kind != "procedural" or self.scope.with_procedural
        ]
        if resolutions:
            blocks.append(Para((Run("Resolutions", strong=True),)))
            entries = []
            for res in resolutions:
                tag = f"({res.label}) " if res.label else ""
                tracked = f"; tracking: {res.status}" if res.status else ""
                entries.append(
                    (0, _runs(f"{tag}{res.text} ", Run(text(f"{res.kind}{tracked}"), emph=True)))
                )
            blocks.append(Bullets(tuple(entries)))
        blocks += _notes_part(item.notes)
        blocks.append(Para(_runs(f"Source: {item.source}")))
        return blocks


_LABEL_LINE = re.compile(
    r"^\s*(?:Minutes|Decisions?|Agenda item|Supporting documents)\s*:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def extract(text_: str, limit: int = EXTRACT_CHARS) -> str:
    """The item's own opening sentences, up to about ``limit`` characters (page labels such
    as a line reading "Minutes:" left out)."""
    flat = " ".join(_LABEL_LINE.sub("", text_).split())
    taken = ""
    for sentence in _SENTENCE.split(flat):
        if taken and len(taken) + len(sentence) > limit:
            break
        taken = f"{taken} {sentence}".strip()
    return taken if len(taken) <= limit * 2 else taken[:limit].rsplit(" ", 1)[0] + " …"


def _notes_part(notes: list[Any]) -> list[Block]:
    from scrutiny_tui.services.notes import authorship

    if not notes:
        return []
    blocks: list[Block] = [Para((Run("My concerns and questions", strong=True),))]
    grouped: dict[str, list[Any]] = defaultdict(list)
    for note in notes:
        grouped[note.priority].append(note)
    entries: list[tuple[int, Runs]] = []
    for priority in NOTE_PRIORITIES:
        if not grouped.get(priority):
            continue
        entries.append((0, _runs(f"{priority.capitalize()} priority")))
        for note in grouped[priority]:
            state = f"{note.kind}, {note.status}"
            if who := authorship(note):  # another member's team note, or one I share
                state += f", {who}"
            if note.anchor_state == "detached":
                state += ", detached: its words are no longer in the minutes"
            tags = " " + " ".join(f"#{t}" for t in note.tags) if note.tags else ""
            entries.append((1, _runs(f"{note.body} ", Run(text(f"({state})"), emph=True), tags)))
            if note.quote and note.target_kind != "item":
                entries.append((2, _runs(f"on: “{note.quote[:300]}”")))
    blocks.append(Bullets(tuple(entries)))
    questions = [n for n in notes if n.kind == "question" and n.status == "open"]
    if questions:
        blocks.append(Para((Run("Questions to ask", strong=True),)))
        blocks.append(Bullets(tuple((0, _runs(q.body)) for q in questions), ordered=True))
    return blocks


# ---- files --------------------------------------------------------------------------


def default_pack_path(export_dir: Path, scope: BriefingScope, now: datetime) -> Path:
    name = scope.committee or (f"topic-{scope.search}" if scope.search else "all-committees")
    if scope.next_meeting:
        name = f"{scope.committee or 'followed'}-next-meeting"
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "pack"
    return Path(export_dir) / f"briefing-{slug}-{now:%Y-%m-%d}.md"


def resolve_pack_path(out: Path | None, export_dir: Path, default: Path) -> Path:
    """Where to write: the default, an absolute path as given, or a relative one inside the
    export folder (which it may not climb out of)."""
    if out is None:
        return default
    out = out.expanduser()
    if out.is_absolute():
        return out
    base = Path(export_dir).resolve()
    target = (base / out).resolve()
    if not target.is_relative_to(base):
        raise BriefingError(f"{out} would be outside the export folder {base}; give a full path")
    return target


def copies_of(path: Path, *, html: bool = False, docx: bool = False) -> list[Path]:
    """The files a pack is written as: the Markdown, and the copies asked for beside it."""
    path = Path(path).expanduser()
    found = [path]
    for wanted, suffix in ((html, ".html"), (docx, ".docx")):
        if not wanted:
            continue
        copy = path.with_suffix(suffix)
        if copy == path:
            raise BriefingError(
                f"the pack and its {suffix} copy would both be {inline_name(str(path))}: "
                f"give the pack a .md name (the {suffix} copy is written beside it)"
            )
        found.append(copy)
    return found


def write_briefing(
    briefing: Briefing, path: Path, *, force: bool, html: bool, docx: bool = False
) -> Path:
    """Write the pack (and HTML and Word copies beside it if asked), readable by the user
    only. Each file is written whole or not at all (see ``safe_files``); every name is
    checked before any is written."""
    from scrutiny_tui.services.briefing_formats import render_docx, render_html

    targets = copies_of(path, html=html, docx=docx)
    try:
        for target in targets:
            check_target(target, replace=force)
        for target in targets:
            content: str | bytes = briefing.markdown
            if target.suffix == ".html" and target != targets[0]:
                content = render_html(briefing)
            elif target.suffix == ".docx" and target != targets[0]:
                content = render_docx(briefing)
            write_private(target, content, replace=force)
    except FileWriteError as exc:
        raise BriefingError(str(exc)) from exc
    return targets[0]


def render_html(briefing: Briefing) -> str:
    """The pack as a printable HTML page (see ``briefing_formats``)."""
    from scrutiny_tui.services.briefing_formats import render_html as render

    return render(briefing)
