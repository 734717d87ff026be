"""``parse_text``: minutes text in, a :class:`ParsedDocument` out. Pure: no I/O."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import Any

import yaml

from scrutiny_tui.parser.action_log import read_action_logs
from scrutiny_tui.parser.actions import sentences
from scrutiny_tui.parser.attendance_table import COLUMN_GAP, read_status_table, row_person
from scrutiny_tui.parser.blocks import LIST_LABEL, Block, Line, blocks_of, split_lines, squash
from scrutiny_tui.parser.chrome import is_browser_print, is_chrome
from scrutiny_tui.parser.contents_table import ContentsRow, may_hold_contents, read_contents
from scrutiny_tui.parser.dates import dates_in, find_date
from scrutiny_tui.parser.decisions import DECISION_END, TRIGGER, trigger_match
from scrutiny_tui.parser.flattened import split_flattened
from scrutiny_tui.parser.headings import (
    AGENDA_ITEM,
    SECTION_LABEL,
    Heading,
    find_headings,
    split_title,
    unplaced_item_numbers,
    unreached_listed,
)
from scrutiny_tui.parser.items import read_item
from scrutiny_tui.parser.lowered import is_word_character, lower_twin, lowered_document
from scrutiny_tui.parser.markup import may_hold_markup, without_inline_markup
from scrutiny_tui.parser.meeting import (
    APOLOGIES_FROM,
    ATTENDANCE_LABEL,
    DATED_TITLE,
    DECISION_MAKER,
    MEETING_LINE,
    SENT_APOLOGIES,
    SUBSTITUTE_FOR,
    attendance_kind,
    body_from_decisions,
    body_from_own_minutes,
    body_line,
    heading_facts,
    inline_attendance,
    meeting_line,
    without_record_words,
)
from scrutiny_tui.parser.model import Item, Meeting, ParsedDocument, Person, Resolution, Span
from scrutiny_tui.parser.motions import MOTION_HEADING, OUTCOME_LINE, is_mover_line
from scrutiny_tui.parser.people import (
    DASH_ROLE,
    HONORIFICS,
    looks_like_name,
    people_from_list,
    person_from_entry,
)
from scrutiny_tui.parser.response_table import (
    may_hold_dash_responses,
    read_dash_responses,
    read_responses,
)

_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
# libyaml's safe loader where it is built in: front matter on every file of an archive adds up.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_HONORIFIC_START = re.compile(rf"^(?:{HONORIFICS})\b", re.IGNORECASE)
# "Minutes of a meeting of the ... Overview and Scrutiny" with "Committee held on ..." below
_WRAPPED_HEADING = re.compile(r"^(?:Minutes|Notes)\s+of\b(?!.*\bheld\s+on\b.*\d{4})", re.IGNORECASE)
_META_KEYS = {
    "council": "council",
    "body": "body",
    "committee": "body",
    "date": "date",
    "title": "title",
}


def parse_text(
    text: str,
    *,
    source: str = "",
    sha256: str = "",
    format: str = "text",
    metadata: dict[str, Any] | None = None,
) -> ParsedDocument:
    """Read minutes: meeting facts, agenda items and everything decided or asked for in them.

    Facts are taken from the text where it states them, then from YAML front matter, then
    from ``metadata`` (a sidecar file or the page's own headings); otherwise left null.
    """
    given = text
    if may_hold_markup(text, format):
        # Markdown's "**RESOLVED**" and "[title](address)" read as their words (the marks
        # blanked to spaces: every offset holds for the text as given)
        text = without_inline_markup(text)
    body_start, front = _front_matter(text)
    lower = lowered_document(text)  # lower-cased once, its slices read by each item
    own_lines = split_lines(text, body_start)
    cut = split_flattened(own_lines)
    lines = _without_action_column(cut)
    blank = sum(1 for line in lines if line.blank)
    dense = blank < 0.15 * max(1, len(lines) - blank)
    # whether the text stops mid-sentence, before its running lines are known (an excerpt's
    # list of business may name items past its end)
    stops_short = _ends_mid_sentence(_without_page_furniture(lines, frozenset()))
    headings = find_headings(lines, dense, cut_short=stops_short, flattened=cut is not own_lines)
    document = ParsedDocument(text=given, source=source, sha256=sha256, format=format)  # type: ignore[arg-type]
    fallback = not headings
    if fallback:
        headings = _single_item_heading(lines)
    preamble_end = headings[0].line if headings else len(lines)
    # with no headings to go by, attendance lists may be anywhere among the first lines
    attendance_end = len(lines) if fallback else preamble_end
    meeting = document.meeting
    preamble = lines[:preamble_end]
    if fallback and headings:
        # with no headings, the meeting's own heading is among the first lines (not the title)
        worded = [i for i, line in enumerate(lines) if not line.blank][:12]
        preamble = [lines[i] for i in worded if i != headings[0].title_line]
    _meeting_facts(preamble, meeting, preamble=True)
    _meeting_facts([lines[h.line] for h in headings] + _page_lines(lines, headings), meeting)
    _meeting_facts(
        [
            line
            for line in lines
            if line.text[:1] in "MmDd"
            and (meeting_line(line.text) or DECISION_MAKER.match(line.text))
        ],
        meeting,
    )
    _attendance(text, lines[:attendance_end], dense, meeting)
    for kind, person in read_status_table(lines[:attendance_end]):
        _add_new(getattr(meeting, kind), [person])
    _inline_attendance(lines[: attendance_end + 1], meeting)
    if preamble_end > 0:
        _attendance_in(text, lines[0].start, lines[preamble_end - 1].end, meeting, lower)
    if meeting.date is None:
        meeting.date = _heading_date(lines[: preamble_end if not fallback else 12])
    _fill_from(meeting, front)
    _fill_from(meeting, metadata or {})
    if meeting.body is None:
        meeting.body = body_from_own_minutes(text) or body_from_decisions(text)
    makers = {
        maker["maker"].strip().lower()
        for line in lines
        if line.text[:1] in "Dd" and (maker := DECISION_MAKER.match(line.text))
    }
    if len(makers) > 1:
        # a website's list of decisions by several makers records no one meeting
        meeting.body = meeting.date = None
    running = _running_lines(lines, headings)
    cut_short = _ends_mid_sentence(_without_page_furniture(lines, running))
    for position, heading in enumerate(headings):
        end = headings[position + 1].line if position + 1 < len(headings) else len(lines)
        item = _item(
            text,
            lines,
            heading,
            end,
            dense,
            document.warnings,
            meeting_date=meeting.date,
            lower=lower,
            cut_off=position == len(headings) - 1 and cut_short,
            running=running,
            closing=position == len(headings) - 1,
        )
        document.items.append(item)
        _attendance_in(text, item.span.start, item.span.end, meeting, lower)
        if _ATTENDANCE_TITLE.search(item.title) and position < 3:
            # an item titled "Present" or "Roll Call and Apologies": lists inside
            item_lines = lines[heading.title_line + 1 : end] if heading.title_line >= 0 else []
            inline = _inline_list(text, lines, heading)
            if inline is not None:
                item_lines.insert(0, inline)
            _attendance(text, item_lines, dense, meeting, heading_kind=_title_kind(item.title))
    if cut_short:
        # the business the text's list names after where it stops: items, with no minutes here
        end_of_text = len(text)
        document.items += [
            Item(number=None, title=squash(title), span=Span(end_of_text, end_of_text))
            for title in unreached_listed(lines, headings)
        ]
    _date_next_meeting(text, document.items, meeting.date, lower)
    _fill_item_number(document.items, {**(metadata or {}), **front})
    if "|" in text or "\t" in text:
        # tables flattened with pipes or tabs: an action log
        _place_logged_actions(document.items, lines, headings, meeting.date)
    if "|" in text:  # the council's responses, flattened with pipes
        _place_responses(document.items, lines, headings, read_responses(lines))
    if may_hold_contents(
        text, lower
    ):  # a contents table's column of decisions ("No Item Decisions")
        _place_contents_decisions(document.items, headings, read_contents(lines))
    if may_hold_dash_responses(text, lower):  # the responses written as lines of dashed parts
        _place_responses(document.items, lines, headings, read_dash_responses(lines))
    _members_only(meeting)
    _without_repeats(meeting)
    if not fallback:
        document.warnings += _unplaced(text, lines, headings)
    if _plans_decisions(lines) and not _decided(meeting, document.items):
        # a notice of decisions still to be taken: no meeting, no business of one
        document.warnings.append(
            "not minutes: this reads as a forward plan (decisions still to be taken), "
            "not a record of a meeting"
        )
        document.items = []
        meeting.date = meeting.body = None
        # (what was said about the numbered sections as items is beside the point)
        document.warnings = [w for w in document.warnings if not w.startswith("line ")]
    elif not document.items:
        document.warnings.append("no agenda items found")
    elif _reads_as_agenda(document.items):
        document.warnings.append(
            "not minutes: this reads as an agenda (items to receive or approve, no decisions)"
        )
        for item in document.items:
            item.actions = []  # what an agenda proposes to ask for has not been asked yet
    elif not _records_a_meeting(lines, meeting, document.items) and (
        sections := _report_sections(lines)
    ):
        document.warnings.append(
            "not minutes: this reads as an officer's report ("
            + ", ".join(_SECTION_NAMES[name] for name in sections[:3])
            + "), not a record of a meeting"
        )
        for item in document.items:
            # a report's recommendations are what it asks for, not what anyone decided
            item.resolutions = []
            item.actions = []
    if meeting.date is None:
        document.warnings.append("meeting date not stated")
    if text is not given:
        _sources_as_given(document, given)
    return document


def _sources_as_given(document: ParsedDocument, given: str) -> None:
    """Each record's source as the document gives it ("**RESOLVED** – …"), where the parser
    read the words with Markdown's marks blanked (the same offsets)."""
    meeting = document.meeting
    people = [*meeting.present, *meeting.apologies, *meeting.substitutes, *meeting.attending]
    records: list[Any] = list(people)
    for item in document.items:
        records += [
            *item.attendees,
            *item.points,
            *item.recommendations,
            *item.resolutions,
            *item.actions,
        ]
    for record in records:
        span = record.span
        if span is not None and record.source:
            record.source = given[span.start : span.end]


# "Date of next meeting: Tuesday 12 January 2027", "The next meeting of the Committee will be
# held on Tuesday 14 April 2026": the date the minutes give for the body's next meeting
_NEXT_MEETING_ON = re.compile(
    r"(?:date\s+of\s+(?:the\s+)?next\s+meeting[ \t]*[:\u2013\u2014-]?"
    # (no "\b" before "next": a pattern whose branches all open on a letter lets the regex
    # engine skip to those letters, about four times quicker; the boundary is tested after)
    r"|next\s+meeting\s+(?:of\s+the\s+[\w ]{2,60}?\s+)?"
    r"(?:will|would|is\s+to|is\s+scheduled\s+to)\s+(?:be\s+held|take\s+place)"
    # (the date on the same line or the next, not across a blank line)
    r"(?:\s+on)?)[ \t]*(?:\r?\n[ \t]*)?(?P<when>[^\n]{6,60})",
    re.IGNORECASE,
)
_NEXT_MEETING_ON_LOWER = lower_twin(_NEXT_MEETING_ON)


def _date_next_meeting(
    text: str, items: list[Item], meeting_date: str | None, lower: str | None
) -> None:
    """A request "to the next meeting" is due on the date the minutes give for it."""
    if meeting_date is None or not any(
        "next meeting" in action.text.lower() for item in items for action in item.actions
    ):
        return  # (most minutes ask for nothing at their next meeting: the text is not read)
    # (the first that gives a date: "DATE OF NEXT MEETING" may head "The next meeting … will
    # be held on Thursday 9 September 2027", which the second match reads)
    pattern = _NEXT_MEETING_ON if lower is None else _NEXT_MEETING_ON_LOWER
    searched = text if lower is None else lower
    when = None
    stated = pattern.search(searched)
    while stated is not None and when is None:
        start = stated.start()
        if start and searched[start] in "Nn" and is_word_character(searched[start - 1]):
            stated = pattern.search(searched, start + 1)  # "…next meeting" inside a word
            continue
        when = find_date(text[stated.start("when") : stated.end("when")])
        stated = pattern.search(searched, stated.end()) if when is None else None
    if when is None or len(when) != 10 or when <= meeting_date:
        return
    for item in items:
        for action in item.actions:
            if (
                action.due is None
                and "next meeting" in action.text.lower()
                and _TO_NEXT_MEETING.search(action.text)
            ):
                action.due = when


# "Min Ref<TAB>Minute<TAB>Action": a Word table's header, its columns kept apart by tabs
_TABBED_HEADER = re.compile(
    r"^[^\t]{1,30}\t[^\t]{1,30}\t[ \t]*(?:Actions?(?:\s+by)?|Lead|Owner|By\s+whom|Who|Responsible)"
    r"[ \t]*$",
    re.IGNORECASE,
)


def _without_action_column(lines: list[Line]) -> list[Line]:
    """Lines of a minutes table whose last column names who acts ("Clerk"), without that
    cell: its words are not the minute's (each line keeps its start, so spans stay exact)."""
    header = next(
        (i for i, line in enumerate(lines) if "\t" in line.raw and _TABBED_HEADER.match(line.raw)),
        None,
    )
    if header is None:
        return lines
    kept = lines[: header + 1]
    for line in lines[header + 1 :]:
        raw = line.raw
        if raw.count("\t") >= 2:
            raw = raw[: raw.rindex("\t")]
        kept.append(line if raw == line.raw else Line(line.start, raw))
    return kept


def _place_logged_actions(
    items: list[Item], lines: list[Line], headings: list[Heading], meeting_date: str | None
) -> None:
    """Each row of an action log given to the item it names ("(item 4)", "(AOB)"), else to
    the item the table stands in; the rows replace what was read from the table as prose."""
    rows = read_action_logs(lines, meeting_date)
    if not rows or not items or len(items) != len(headings):
        return
    starts = [heading.line for heading in headings]
    by_number = {item.number.rstrip("."): item for item in items if item.number}
    table_spans = {(logged.table.start, logged.table.end) for _, logged in rows}
    for item in items:
        item.actions = [
            action
            for action in item.actions
            if not any(start <= action.span.start < end for start, end in table_spans)
        ]
        # "Recommendations 1 to 5 to be submitted …" in a row: the item's, read there
        item.recommendations = [
            recommendation
            for recommendation in item.recommendations
            if not any(start <= recommendation.span.start < end for start, end in table_spans)
        ]
    for index, logged in rows:
        target = _item_holding(items, starts, index)
        if logged.item_number and logged.item_number.rstrip(".") in by_number:
            target = by_number[logged.item_number.rstrip(".")]
        elif logged.item_title and logged.item_title.rstrip(".") in by_number:
            target = by_number[logged.item_title.rstrip(".")]  # "(CSC.32)": the item's own code
        elif logged.item_title and (titled := _item_titled(items, logged.item_title)):
            target = titled
        elif logged.other_business:
            target = next((item for item in items if _OTHER_BUSINESS.match(item.title)), target)
        due = logged.action.due
        if due is not None and any(action.due == due for action in target.actions):
            continue  # the minutes asked for it already; the log repeats it
        target.actions.append(logged.action)


def _item_titled(items: list[Item], words: str) -> Item | None:
    """The one item whose title holds every word of ``words`` ("Budget Monitoring")."""
    wanted = {word for word in re.findall(r"[a-z0-9]+", words.lower()) if len(word) > 2}
    if not wanted:
        return None
    found = [item for item in items if wanted <= set(re.findall(r"[a-z0-9]+", item.title.lower()))]
    return found[0] if len(found) == 1 else None


def _place_responses(
    items: list[Item],
    lines: list[Line],
    headings: list[Heading],
    rows: list[tuple[int, Resolution]],
) -> None:
    """Each row of a table of the council's responses ("Application | … | Comments") is a
    decision of the item the table stands in."""
    if not rows or not items or len(items) != len(headings):
        return
    starts = [heading.line for heading in headings]
    for index, resolution in rows:
        holder = _item_holding(items, starts, index)
        if not any(r.span.start == resolution.span.start for r in holder.resolutions):
            holder.resolutions.append(resolution)
            # in the order of the minutes (a stable sort: clauses of one block keep theirs)
            holder.resolutions.sort(key=lambda r: r.span.start)


def _place_contents_decisions(
    items: list[Item], headings: list[Heading], rows: list[ContentsRow]
) -> None:
    """Where a contents table's rows are the items (the minutes themselves are not in the
    text), each row's decision cell is a decision of its item, and the cell no part of the
    item's title."""
    if not rows or len(items) != len(headings):
        return
    row_lines = {row.line for row in rows}
    starts = [heading.line for heading in headings]
    for row in rows:
        position = bisect_right(starts, row.line) - 1  # the item whose heading is at or above
        if position < 0 or headings[position].line not in row_lines:
            continue
        holder, heading = items[position], headings[position]
        if row.line == heading.line and row.title and holder.title.startswith(row.title):
            holder.title = row.title
        decision = row.decision
        if decision is None:
            continue
        overlapping = [
            r
            for r in holder.resolutions
            if r.span.start < decision.span.end and decision.span.start < r.span.end
        ]
        for resolution in overlapping:
            holder.resolutions.remove(resolution)  # a phrase of the cell read on its own
        holder.resolutions.append(decision)
        holder.resolutions.sort(key=lambda r: r.span.start)


def _item_holding(items: list[Item], starts: list[int], index: int) -> Item:
    """The item whose heading comes last at or before line ``index`` (else the first)."""
    return items[max(bisect_right(starts, index) - 1, 0)]


_OTHER_BUSINESS = re.compile(r"^(?:Any\s+other\s+(?:urgent\s+)?business|A\.?O\.?B)", re.I)


def _inline_list(text: str, lines: list[Line], heading: Heading) -> Line | None:
    """The names on an attendance item's own title line ("1. Members Present: Councillors A
    Hale B Irwin"), when what follows the title is a list and not a sentence."""
    if heading.body_start is None or heading.title_line < 0:
        return None
    rest = text[heading.body_start : lines[heading.title_line].end]
    if _LOWER_WORD.search(rest):
        return None  # "Apologies: Cllr A Hale sent his apologies.": a sentence, read as one
    return Line(heading.body_start, rest)


# a word in lower case that is not part of a list of names ("and", "van", "de")
_LOWER_WORD = re.compile(r"\b(?!(?:and|van|von|de|da|der|le|la|du|del)\b)[a-z]{2,}")


_MAX_WARNINGS = 10  # of one kind: a document that breaks the rules everywhere says so once


def _unplaced(text: str, lines: list[Line], headings: list[Heading]) -> list[str]:
    """What no item holds, or an item holds that reads as another item's heading: said, as
    nothing the minutes record may vanish without a word."""
    found = [
        f"line {_line_number(text, lines[index])}: a decision before the first item was not "
        f"read as any item's: “{_excerpt(lines[index].text)}”"
        for index in range(headings[0].line if headings else 0)
        if TRIGGER.match(lines[index].text) and not is_chrome(lines[index].text)
    ]
    found += [
        f"line {_line_number(text, lines[index])}: “{_excerpt(lines[index].text)}” reads as "
        f"the heading of item {number}, but was read as part of item {within}"
        for index, number, within in unplaced_item_numbers(lines, headings)
    ]
    if len(found) > _MAX_WARNINGS:
        found[_MAX_WARNINGS:] = [f"… and {len(found) - _MAX_WARNINGS} more like these"]
    return found


def _line_number(text: str, line: Line) -> int:
    return text.count("\n", 0, line.start) + 1


def _excerpt(words: str, width: int = 70) -> str:
    words = squash(words)
    return words if len(words) <= width else words[: width - 1].rstrip() + "…"


def parse_item(
    text: str, *, title: str = "", number: str | None = None, meeting_date: str | None = None
) -> Item:
    """Read one agenda item's minutes whose number and title are known from elsewhere (a
    ModernGov web service response): its decisions, recommendations, attendees and actions.

    ``meeting_date`` (ISO) lets report-backs such as "to the April meeting" be dated.
    Spans index into ``text``.
    """
    lines = split_lines(text)
    blank = sum(1 for line in lines if line.blank)
    dense = blank < 0.15 * max(1, len(lines) - blank)
    heading = Heading(-1, -1, number, title)
    return _item(text, lines, heading, len(lines), dense, [], meeting_date=meeting_date)


_AGENDA_PURPOSE = re.compile(
    r"^(?:To\s+(?:receive|approve|consider|note|agree|elect|confirm|read|appoint|review)\b|"
    r"(?:Members|The\s+[\w&’' ]{1,60}?)\s+(?:is|are)\s+(?:asked|recommended|invited)\s+to\b|"
    r"Members\s+are\s+reminded\b|For\s+(?:decision|information|noting)\b)",
    re.IGNORECASE,
)


_MINUTES_PROSE = re.compile(
    r"\b(?:were|was)\s+(?:\w+ly\s+)?(?:received|noted|made|declared|raised|"
    r"asked|advised|informed|explained|presented|introduced|led|confirmed|agreed|discussed)\b"
    r"|\b(?:declared|responded|thanked|explained)\b|\bThere\s+(?:were|was)\s+no\b|^Minutes\s*:",
    re.IGNORECASE | re.MULTILINE,
)


# A forward plan's title: "Forward Plan", "Notice of Key Decisions", "Key Decisions to be taken"
_FORWARD_PLAN = re.compile(
    r"^(?:(?:the\s+)?(?:cabinet|executive|council)(?:'s)?\s+)?(?:forward\s+plan"
    r"|notice\s+of\s+(?:forthcoming\s+)?(?:key\s+)?decisions|(?:forthcoming\s+)?key\s+decisions"
    r"\s+(?:to\s+be\s+(?:taken|made)|notice))\b",
    re.IGNORECASE,
)
_TITLE_LINES = 12  # lines with words at a document's head, where its title stands


def _plans_decisions(lines: list[Line]) -> bool:
    """The document's title names a forward plan or a notice of key decisions."""
    head = [line.text for line in lines if line.text][:_TITLE_LINES]
    return any(_FORWARD_PLAN.match(text) for text in head)


def _decided(meeting: Meeting, items: list[Item]) -> bool:
    """Anyone recorded as attending, or a decision read: a meeting took place."""
    return bool(meeting.present or meeting.apologies or any(i.resolutions for i in items))


def _reads_as_agenda(items: list[Item]) -> bool:
    """No item records a decision, and most say what the meeting is *to* do: an agenda front
    sheet, not minutes. Its items are kept (they are the meeting's business) with a warning."""
    if any(item.resolutions for item in items) or len(items) < 2:
        return False
    if any(_MINUTES_PROSE.search(item.text) for item in items):
        return False  # "Apologies were received from …": someone recorded what happened
    purposeful = sum(
        1
        for item in items
        if any(_AGENDA_PURPOSE.match(line) for line in item.text.split("\n")[:3])
    )
    return purposeful * 2 >= len(items)


# The sections every officer's report has and minutes do not, by what they are called
_REPORT_SECTIONS = {
    "purpose": r"(?:the\s+)?purpose\s+of\s+(?:the\s+|this\s+)?report|report\s+purpose",
    "recommendations": r"recommendations?(?:\s+for\s+decision)?",
    "implications": r"(?:financial|legal|resource|staffing|equalit(?:y|ies)|climate|"
    r"environmental|risk|human\s+resources?)(?:\s+(?:and\s+\w+\s+)?(?:implications|"
    r"considerations|impact(?:\s+assessment)?))",
    "background": r"background(?:\s+(?:information|and\s+context))?",
    "options": r"(?:alternative\s+)?options(?:\s+considered)?",
    "author": r"report\s+(?:author|of|to|by)|contact\s+officer|lead\s+officer|wards?\s+affected"
    r"|key\s+decision",
}
_SECTION_NAMES = {
    "purpose": "purpose of report",
    "recommendations": "recommendations",
    "implications": "implications",
    "background": "background",
    "options": "options considered",
    "author": "report to and of",
}
_REPORT_SECTION = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})?\.?\s+)?(?:"
    + "|".join(f"(?P<{name}>{words})" for name, words in _REPORT_SECTIONS.items())
    + r")\s*(?::.*)?$",
    re.IGNORECASE,
)
_REPORT_AT_LEAST = 3  # distinct sections: one "Recommendations" heading is in many minutes
# What only a record of a meeting has: a decision's keyword or label, or who attended
_MEETING_RECORD = re.compile(r"^(?:Decisions?|Minutes)\s*:", re.IGNORECASE)


def _report_sections(lines: list[Line]) -> list[str]:
    """The officer's report sections the text is laid out in, if it has enough of them."""
    found: list[str] = []
    for line in lines:
        if len(line.text) > 90:
            continue
        section = _REPORT_SECTION.match(line.text)
        if section and section.lastgroup and section.lastgroup not in found:
            found.append(section.lastgroup)
    return found if len(found) >= _REPORT_AT_LEAST else []


def _records_a_meeting(lines: list[Line], meeting: Meeting, items: list[Item]) -> bool:
    """Whether the text shows anything of a meeting that took place: who attended, a
    decision's keyword or label, or prose reporting what was done. A report wrongly kept
    as minutes costs a warning less; minutes taken for a report would lose their decisions."""
    if meeting.present or meeting.apologies:
        return True
    if any(_MINUTES_PROSE.search(item.text) for item in items):
        return True
    return any(TRIGGER.match(line.text) or _MEETING_RECORD.match(line.text) for line in lines)


def _front_matter(text: str) -> tuple[int, dict[str, Any]]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return 0, {}
    try:
        loaded = yaml.load(match["yaml"], Loader=_YAML_LOADER)
    except yaml.YAMLError:
        return 0, {}
    return (match.end(), loaded) if isinstance(loaded, dict) else (0, {})


def _fill_from(meeting: Meeting, facts: dict[str, Any]) -> None:
    for key, field_name in _META_KEYS.items():
        value = facts.get(key)
        if value is None or getattr(meeting, field_name) is not None:
            continue
        text = str(value).strip()
        if field_name == "date":
            text = find_date(text) or ""
        if text:
            setattr(meeting, field_name, text)


def _fill_item_number(items: list[Item], facts: dict[str, Any]) -> None:
    """A page about one item may state its number only in its metadata."""
    number = facts.get("item_number") or facts.get("item")
    if len(items) == 1 and items[0].number is None and number is not None:
        items[0].number = str(number).strip() or None


def _single_item_heading(lines: list[Line]) -> list[Heading]:
    """Minutes of one item with no heading we know (a ModernGov item or decision page, an
    excerpt): one item, titled by its first line that reads as a title, if any does."""
    content = [i for i, line in enumerate(lines) if not line.blank and not is_chrome(line.text)]
    if not content or not _reads_as_minutes(lines):
        return []
    # the meeting's own heading and its attendance lines do not title its business
    titles = [i for i in content[:12] if not _heads_the_meeting(lines[i].text)]
    for index in titles[:2]:
        title = lines[index].text
        if _reads_as_title(title):
            return [Heading(index, index, None, split_title(title)[1])]
    first = content[0]
    return [Heading(first, first - 1, None, "")]


_COUNCIL_WORDS = re.compile(
    r"\b(?:Council(?:lors?)?|Cllrs?|Committee|Panel|Board|Cabinet|Commission|Members?|Chair(?:man)?|"
    r"Mayor|Portfolio\s+Holder|Scrutiny|minutes|meeting|report)\b",
    re.IGNORECASE,
)


_ATTENDANCE_WORDS = re.compile(r"\b(?:present|in\s+attendance|apologies)\b", re.IGNORECASE)


def _heads_the_meeting(text: str) -> bool:
    """ "Minutes - Full Council - 5th May 2020", "Present: …", "Presiding J Hale", "The Clerk
    was present": a line of the meeting's heading or attendance, not an item's title."""
    return bool(
        heading_facts(text)
        or (find_date(text) and re.search(r"\bminutes\b", text, re.IGNORECASE))
        or ATTENDANCE_LABEL.match(text)
        or _ATTENDANCE_WORDS.search(text)
    )


def _reads_as_minutes(lines: list[Line]) -> bool:
    """Some sign that a text with no headings records a meeting: a decision, a label, an
    attendance list, or the words of council business. A shopping list has none."""
    words = 0
    for line in lines:
        text = line.text
        if not text:
            continue
        if (
            SECTION_LABEL.match(text)
            or TRIGGER.match(text)
            or ATTENDANCE_LABEL.match(text)
            or MEETING_LINE.match(text)
            or DATED_TITLE.match(text)
            or is_chrome(text)
        ):
            return True
        words += len(_COUNCIL_WORDS.findall(text))
        if words >= 2:
            return True
    return False


def _reads_as_title(text: str) -> bool:
    """A short line that does not end a sentence and is not a decision or a label."""
    words = text.split()
    return (
        0 < len(words) <= 20
        and not text.endswith((".", ":", ";", ","))
        and text[0] not in "[(·•-"
        and not SECTION_LABEL.match(text)
        and not TRIGGER.match(text)
        and not MEETING_LINE.match(text)
        and not DATED_TITLE.match(text)
    )


_WEEKDAY_BEFORE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*(?:the\s+)?$", re.IGNORECASE
)
_OTHER_MEETING = re.compile(
    r"\b(?:minutes\s+of\s+the\s+(?:last\s+|previous\s+)?meeting|previous\s+meeting|next\s+meeting|"
    r"future\s+meeting|to\s+(?:confirm|approve)\b)",
    re.IGNORECASE,
)
_MEETING_WORDS = re.compile(r"\b(?:held|meeting|minutes|met)\b", re.IGNORECASE)


_HEAD_WORDS = 30  # words: the head of a flattened page's first line, where its heading is


def _heading_date(lines: list[Line]) -> str | None:
    """The meeting's date from the lines above its first item: the date a line says the
    meeting was held on, else one a weekday names, else the first date there."""
    best: tuple[int, int, str] | None = None
    opening = True  # no line with words yet: a flattened page's heading opens its first line
    for position, line in enumerate(lines):
        if line.blank or line.text.lower().startswith(("contact", "venue", "moved from")):
            continue
        text = line.text
        if opening and len(text) >= _FLATTENED and not is_chrome(text):
            # "… 12/14/1985 Adjourned Meeting DECEMBER 14, 1985 … The City Council met …":
            # the page's heading is the head of its one long line, the minutes run on after
            text = " ".join(text.split()[:_HEAD_WORDS])
        opening = opening and is_chrome(text)
        if _OTHER_MEETING.search(text) or (len(text.split()) > 30 and text.endswith(".")):
            continue  # "the minutes of the meeting held on …", a paragraph of the minutes
        for start, iso in dates_in(text):
            rank = 2
            if _WEEKDAY_BEFORE.search(text[:start]):
                rank = 0
            elif _MEETING_WORDS.search(text[:start]):
                rank = 1
            if best is None or (rank, position) < best[:2]:
                best = (rank, position, iso)
    return best[2] if best else None


def _page_lines(lines: list[Line], headings: list[Heading]) -> list[Line]:
    """Lines between an "Agenda item" marker and its title ("Meeting: …")."""
    return [
        line for h in headings if h.title_line > h.line for line in lines[h.line : h.title_line]
    ]


_LOGO = re.compile(r"\s+logo$", re.IGNORECASE)  # "Northfield Borough Council logo"
# A line that is only a date, perhaps with its weekday and time
_DATE_ONLY = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+"
    r"\d{4}(?:,?\s+(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?))?$",
    re.IGNORECASE,
)
# A heading line naming the body that met: short, capitalised, no sentence
_NAMES_A_BODY = re.compile(r"^[A-Z][\w&'’,() -]{2,100}(?<![.:;,])$")


# "RAVENSBY DISTRICT COUNCIL MINUTES of a meeting of the … held … PRESENT: …": a page's
# heading run together with what follows it, as a PDF viewer flattens it
_MINUTES_WORD = re.compile(r"\bMINUTES?\s+of\b", re.IGNORECASE)
_HEADING_ENDS = re.compile(r"\s(?:PRESENT|Present|APOLOGIES|Apologies)\b\s*:?")


def _flattened_heading_facts(text: str) -> dict[str, Any]:
    """Council, body and date from the head of a flattened page's first line."""
    minutes = _MINUTES_WORD.search(text, 0, 300)
    if minutes is None:
        return {}
    heading = text[minutes.start() : minutes.start() + 400]
    ends = _HEADING_ENDS.search(heading)
    facts = heading_facts(heading[: ends.start()] if ends else heading)
    if minutes.start() > 0:
        facts = {**heading_facts(text[: minutes.start()].strip()), **facts}
    return facts


def _meeting_facts(lines: list[Line], meeting: Meeting, *, preamble: bool = False) -> None:
    previous: str | None = None  # the last line with words, page chrome aside
    for index, line in enumerate(lines):
        if line.blank or AGENDA_ITEM.match(line.text):
            continue
        text = _LOGO.sub("", line.text)
        if is_browser_print(text):
            continue  # "20/11/2026, 10:14 Decisions - Cabinet …": when the page was printed
        facts = heading_facts(text)
        if preamble and not facts and previous and _DATE_ONLY.match(text) and find_date(text):
            # "Westvale Police and Crime Panel" / "Monday, 3rd March, 2025 2.00 pm"
            named = heading_facts(previous) or (
                {"body": without_record_words(previous)} if _NAMES_A_BODY.match(previous) else {}
            )
            if named:  # not a row of a table of contents: "… meeting held / Monday 19 October"
                facts = {**named, "date": find_date(text)}
        if not is_chrome(text):
            previous = text
        if preamble and _WRAPPED_HEADING.match(line.text) and index + 1 < len(lines):
            # a heading the printer wrapped over two lines or three, its date on the last
            joined = f"{line.text} {lines[index + 1].text}"
            wrapped = heading_facts(joined)
            if not wrapped.get("date") and index + 2 < len(lines) and not lines[index + 2].blank:
                wrapped = heading_facts(f"{joined} {lines[index + 2].text}") or wrapped
            facts = wrapped or facts
        if preamble and not facts and (body := body_line(line.text)):
            facts = {"body": body}
        if preamble and not facts and len(text) >= _FLATTENED:
            facts = _flattened_heading_facts(text)
        for key in ("council", "body", "date"):
            if facts.get(key) and getattr(meeting, key) is None:
                setattr(meeting, key, facts[key])


def _item(
    text: str,
    lines: list[Line],
    heading: Heading,
    end: int,
    dense: bool,
    warnings: list[str],
    *,
    meeting_date: str | None = None,
    lower: str | None = None,
    cut_off: bool = False,
    running: frozenset[str] = frozenset(),
    closing: bool = False,
) -> Item:
    body_lines: list[Line] = []
    after_furniture = False
    for line in lines[heading.title_line + 1 : end]:
        if closing and line.text[:4] in _CLOSED_STARTS and _MEETING_CLOSED.match(line.text):
            # "The meeting closed at 9.02pm.": what follows (signatures, an annex of
            # actions, read on its own) is not the last item's minutes
            body_lines.append(line)
            break
        if _page_furniture(line, running):
            after_furniture = True
            continue
        if after_furniture and not line.blank:
            after_furniture = False
            before_break = next((kept.text for kept in reversed(body_lines) if not kept.blank), "")
            if line.text[:1].islower() or (before_break and not _STOPPED.search(before_break)):
                # ("… and the streets around" / "Brookside Primary School, by 2028;")
                # a sentence the page broke off goes on after the page's foot and head
                while body_lines and body_lines[-1].blank:
                    body_lines.pop()
        body_lines.append(line)
    if heading.body_start is not None and heading.title_line >= 0:
        title_line = lines[heading.title_line]
        body_lines.insert(0, Line(heading.body_start, text[heading.body_start : title_line.end]))
    page_lines = [line for line in body_lines if meeting_line(line.text)]
    number = heading.number or next(
        (facts["item"] for line in page_lines if (facts := heading_facts(line.text)).get("item")),
        None,
    )
    body_lines = [line for line in body_lines if line not in page_lines]
    blocks = blocks_of(text, body_lines, dense=dense, alone=_stands_alone, opens=_opens_block)
    content = read_item(blocks, heading.title, meeting_date, lower, cut_off=cut_off)
    first_line = max(heading.line, 0)
    # lines run forward, so the last line with words ends the item
    last = next((line.content_end for line in reversed(lines[first_line:end]) if not line.blank), 0)
    start = lines[first_line].content_start if lines else 0
    warnings += content.warnings
    return Item(
        number=number,
        title=_TITLE_UNDERLINE.sub("", squash(heading.title)) or squash(heading.title),
        span=Span(start, max(start, last)),
        text=content.text,
        report_refs=content.report_refs,
        attendees=content.attendees,
        points=content.points,
        recommendations=content.recommendations,
        resolutions=content.resolutions,
        actions=content.actions,
    )


# What ends a text that was not cut short: a sentence's stop (perhaps in quotes or
# brackets), a table's last cell, or a time ("The meeting closed at 9.02pm")
_FINISHED = re.compile(r"(?:[.!?:;|)\]\"”’'*_=…-]|\b(?:[ap]\.?m|noon|[Cc]lose[d]?))\W*\Z")


# "Page 2", "Page 2 of 16": a printed page's number on a line of its own
_PAGE_NUMBER = re.compile(r"^Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?$", re.IGNORECASE)
_PAGE_WORDS = ("Page", "page", "PAGE")
_PAGE_NUMBER_AT_END = re.compile(r"\s+Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*$", re.IGNORECASE)
_FORM_FIELD = re.compile(r"…{2,}|\.{4,}|_{4,}")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _running_lines(lines: list[Line], headings: list[Heading]) -> frozenset[str]:
    """A printed page's running head or foot ("Overview and Scrutiny Committee – 15 January
    2026"): a short line standing alone that the text repeats word for word, twice with a
    year in it or three times without. Labels, decisions' keywords and headings repeat too
    and are kept."""
    heading_lines = {h.title_line for h in headings} | {h.line for h in headings}
    # (counted in C: most lines are unique, and a text of any length is read once)
    # a foot that numbers its page ("Council – 9 November 2026   Page 2 of 4") repeats
    # without the number
    counts = Counter(_unpaged(line.text) for line in lines if 4 <= len(line.text) <= 100)
    counts -= Counter(
        _unpaged(lines[index].text) for index in heading_lines if 0 <= index < len(lines)
    )
    return frozenset(
        text
        for text, count in counts.items()
        if count >= (2 if _YEAR.search(text) else 3)
        # a running head ends with no stop and opens with no label: a decision printed
        # twice ("(1) That the budget for 2026/27 be approved.") is no page's furniture
        and not text.endswith((":", ".", ";"))
        and text[:1] != "("
        and not TRIGGER.match(text)
        and not SECTION_LABEL.match(text)
        and not DECISION_END.match(text)  # "Reasons for Decision" heads every decision's reasons
        and not is_mover_line(text)  # "Moved: Cr Hale" moves many motions
        and not OUTCOME_LINE.match(text)  # "AND AGREED" closes many
        # a clause of a recommendation the resolution then repeats word for word ("1.  receive
        # the quarterly report for 2026/27; and"): a list's entry, or a line that goes on
        and LIST_LABEL.match(text) is None
        and not _GOES_ON.search(text)
        and len(text.split()) >= 2
    )


_GOES_ON = re.compile(r"(?:,|\b(?:and|or|the|of|to|for|from|with|at|in|on))$")


def _unpaged(text: str) -> str:
    """A line without the page number printed at its end, if it has one."""
    if not text[-1:].isdigit() or "age" not in text[-16:]:
        return text  # most lines: no number at the end, or no "Page" near it
    return _PAGE_NUMBER_AT_END.sub("", text)


# "Chair's Announcements ------": the rule a typist set under or after a heading
_TITLE_UNDERLINE = re.compile(r"\s*[-=_~]{3,}$")
# "to the next meeting", "at its next meeting": what comes back then (not "before the
# Committee's next meeting", when something else happens first)
_TO_NEXT_MEETING = re.compile(
    r"\b(?:to|at|for|until)\s+(?:the|its|their|this)\s+(?:[\w'’]+\s+){0,2}?next\s+meeting",
    re.IGNORECASE,
)
_PRINT_FIRST = frozenset("0123456789hw")  # what a browser's page head or foot opens with
_STOPPED = re.compile(r"[.;:!?)”\"']$")  # a line that ends a sentence, clause or list entry
_RULE_LINE = re.compile(r"^[-=_–—~*]{5,}$")
_RULE_FIRST = frozenset("-=_–—~*")
_FIELD_MARKS = ("....", "…", "____")  # one is in every form field (a cheap test first)
_DASHED_NUMBER = re.compile(r"^[-–—]\s*\d{1,4}\s*[-–—]$")
_MEETING_CLOSED = re.compile(
    r"^(?:The\s+)?(?:meeting|Chair\s+closed\s+the\s+meeting)\s*(?:closed|ended|finished|"
    r"concluded|terminated|was\s+closed|at)\b[^.]{0,40}?\d",
    re.IGNORECASE,
)
_CLOSED_STARTS = ("The ", "the ", "Meet", "meet", "THE ", "MEET")


def _page_furniture(line: Line, running: frozenset[str]) -> bool:
    """A line a printed page adds around the minutes, inside an item's text: a running head
    or foot, a page's number, a browser's page head or foot, a rule, a form field."""
    text = line.text
    return bool(
        _unpaged(text) in running
        or (text[:4] in _PAGE_WORDS and _PAGE_NUMBER.match(text))
        or (text[:1] in _PRINT_FIRST and is_browser_print(text))
        # a rule under the running head; "Chair's initials ………" at the page's foot
        or (text[:1] in _RULE_FIRST and _RULE_LINE.match(text))
        # "- 2 -", or a page's number alone at the right margin
        or (
            text[:1] in "-–—0123456789"
            and (
                _DASHED_NUMBER.match(text)
                or (text.isdigit() and len(line.raw) - len(line.raw.lstrip()) >= 20)
            )
        )
        or (
            len(text) < 60
            # (one of _FIELD_MARKS, tested inline: this is asked of every line of the text)
            and ("...." in text or "…" in text or "____" in text)
            and _FORM_FIELD.search(text)
        )
    )


def _without_page_furniture(lines: list[Line], running: frozenset[str]) -> str:
    """The text's last words, past the running lines and page numbers printed after them."""
    for line in reversed(lines):
        text = line.text
        if text and not (
            _unpaged(text) in running
            or _PAGE_NUMBER.match(text)
            or is_chrome(text)
            or _FORM_FIELD.search(text)  # "Signed ………… Mayor", "Date ____": to be filled in
        ):
            # "Mayor's initials ……  Page 4 of 4": the page's number printed after the words
            return _PAGE_NUMBER_AT_END.sub("", line.raw)
    return ""


def _ends_mid_sentence(text: str) -> bool:
    """The text stops mid-sentence or mid-word: an excerpt cut short."""
    tail = text[-80:].rstrip()
    return bool(tail) and _FINISHED.search(tail) is None


def _stands_alone(line: Line) -> bool:
    text = line.text  # squashed: a section label's colon ends it
    return (text.endswith(":") and bool(SECTION_LABEL.match(text))) or bool(meeting_line(text))


# "5.3 The Committee noted …": Word minutes number an item's paragraphs and leave no blank
# line between them
_NUMBERED_PARAGRAPH = re.compile(r"^\d{1,3}\.\d{1,3}\.?\s+[A-Z]")


def _opens_block(line: Line) -> bool:
    first = line.text[:1]
    if not first or first.islower():
        return False  # a wrapped line's continuation: none of the openers starts in lower case
    return (
        bool(trigger_match(line.text))
        or bool(_NUMBERED_PARAGRAPH.match(line.text))
        or bool(ATTENDANCE_LABEL.match(line.text))
        or bool(MOTION_HEADING.match(line.text))
        or bool(_MOVER_LINE.match(line.text))
        or (len(line.text) <= 24 and bool(_OFFICE_HEADING.match(line.text)))
        # "Reasons for the decision: …" on the line after a decision's last clause
        or (first == "R" and bool(DECISION_END.match(line.text)))
    )


# A line naming only an office or a group of members ("Mayor", "Deputy Mayor", "Councillors",
# "CATHAOIRLEACH"): a sub-heading of those present, not a person and not a list's end
_OFFICE_HEADING = re.compile(
    r"^(?:(?:The|Deputy|Vice|Lord|Acting)\s+)?(?:Mayor|Chair(?:man|person|woman)?|Cathaoirleach"
    r"|Convener|Provost|Councillors|Aldermen|Elected\s+Members)\s*:?$"
    # a members' group under "PRESENT": "Members appointed by the constituent councils:",
    # "Secretary of State Members:", "Ashgrove Ward:"
    r"|^(?:[A-Z][\w'’-]*\s+){0,3}Members\b[^:.]{0,60}:$|^(?:[A-Z][\w'’-]*\s+){1,3}Ward\s*:$",
    re.IGNORECASE,
)


# "Proposed by Councillor X", "Seconded by …", "Moved: Cr …": a motion's lines start blocks
_MOVER_LINE = re.compile(
    r"^(?:(?:It\s+was\s+)?(?:Proposed|Moved|Seconded)(?:\s+by)?\s*[:(]?|PROPOSED\b)", re.I
)


# ---- attendance ------------------------------------------------------------------------


_ATTENDANCE_TITLE = re.compile(
    r"^(?:\d+\.?\s+)?(?:Present|Attendance|Members\s+present|Apologies\b|Calling\s+of\s+the\s+Roll|Roll\s+Call|Sederunt)",
    re.IGNORECASE,
)


def _title_kind(title: str) -> str | None:
    """An item titled "Present" lists those present; one titled "Apologies", those absent."""
    lowered = title.lower()
    if lowered.startswith(("present", "members present", "attendance")):
        return "present"
    if lowered.startswith("apologies") and "declaration" not in lowered:
        return "apologies"
    return None


def _attendance(
    text: str,
    lines: list[Line],
    dense: bool,
    meeting: Meeting,
    *,
    heading_kind: str | None = None,
) -> None:
    """ "Present:", "Apologies:", "Substitutes:" lists before the first item (or in an item
    about attendance, whose title says which list its first lines are)."""
    blocks = blocks_of(text, lines, dense=dense, opens=_opens_block)
    kind: str | None = heading_kind
    if (
        heading_kind is not None
        and blocks
        and not (
            _HONORIFIC_START.match(blocks[0].text)
            or re.match(r"^(?:were\s+)?received\b", blocks[0].text)
        )
    ):
        kind = None  # prose ("Apologies were received from …"): read sentence by sentence
    if kind is not None and blocks:
        first = blocks[0]
        received = re.match(
            r"^\s*(?:were\s+received\s+from|received\s+from)\s*:?\s*", first.raw, re.I
        )
        if received and heading_kind == "apologies":
            after = received.end()
            _add_people(meeting, "apologies", first.raw[after:], first.start + after)
            blocks = blocks[1:]
    for block in blocks:
        if is_chrome(block.text):
            continue  # "Minute No." over the items' column: the page's, not a name
        label = ATTENDANCE_LABEL.match(block.raw.lstrip(" \t\u00a0"))
        line_above = max(0, text.rfind("\n", 0, max(0, block.start - 1)) + 1)
        if (
            label
            and label["label"].lower() == "present"
            and _LABEL_WORD_ABOVE.match(text, line_above, block.start)
        ):
            # "Staff Robin Dunn, Chief Administrative Officer; …" over "Present: Mark
            # DesLauriers, …": a table's label "Staff Present" wrapped in its narrow column;
            # those read from the line above as members are staff too
            kind = "attending"
            staff = [
                p for p in meeting.present if p.span and line_above <= p.span.start < block.start
            ]
            meeting.present = [p for p in meeting.present if p not in staff]
            meeting.attending.extend(staff)
            lead = len(block.raw) - len(block.raw.lstrip(" \t\u00a0")) + label.end()
            _add_people(meeting, kind, block.raw[lead:], block.start + lead)
            continue
        if label:
            if label["label"].lower().startswith("co-opted") and not (
                meeting.present or meeting.apologies
            ):
                # "Co-opted Members:" under an agenda's "Membership:": who sits on the
                # committee, not who attended (after "Present:" they are among those present)
                kind = None
                continue
            kind = attendance_kind(
                label["label"], body_is_council=(meeting.body or "") in {"Council", "Full Council"}
            )
            lead = len(block.raw) - len(block.raw.lstrip(" \t\u00a0")) + label.end()
            listed = block.raw[lead:]
            # (a note in brackets is no prose: "Galbraith (not present for Article 13),")
            sentence = _SENTENCE_LINE.search(_BRACKETS.sub(_blanked, listed))
            if sentence:  # the list ends where a line of prose begins
                listed = listed[: sentence.start()]
            also = _ALSO_PRESENT.search(listed)
            if also and kind == "present":
                # "Present: … and Marcus Tolley. Also present: Councillor Rhian Cole (…)"
                _add_people(
                    meeting, "attending", listed[also.end() :], block.start + lead + also.end()
                )
                listed = listed[: also.start() + 1]
            _add_people(meeting, kind, listed, block.start + lead)
            if sentence:
                kind = None
        elif (
            kind is None
            and not meeting.present
            and _MEMBERS_LIST.match(block.text)
            and not heading_facts(block.text)
        ):
            # "Cllrs A Hale, B Irwin, …" heading the minutes with no "Present:" label
            _add_people(meeting, "present", block.raw, block.start)
        elif kind is not None and _OFFICE_HEADING.match(block.text):
            kind = "present"  # the members' list goes on under an office or group heading
        elif kind is not None and _SENTENCE_WORDS.search(block.text):
            kind = None  # "District Cllrs Hale and Irwin were present": a sentence ends the list
        elif kind is not None and not heading_facts(block.text):
            before = len(meeting.present) + len(meeting.apologies) + len(meeting.substitutes)
            _add_people(meeting, kind, _entry_text(block), _entry_start(block))
            if before == len(meeting.present) + len(meeting.apologies) + len(meeting.substitutes):
                kind = None


_BRACKETS = re.compile(r"\([^()\n]*\)")


def _blanked(match: re.Match[str]) -> str:
    return " " * len(match.group(0))  # (the same length: offsets hold)


_ALSO_PRESENT = re.compile(r"\.\s+Also\s+(?:present|in\s+attendance|attending)\s*:\s*", re.I)
# the first word of a label a narrow column wrapped ("Staff" over "Present:"), then names
_LABEL_WORD_ABOVE = re.compile(r"(?:Staff|Officers|Officials|Council\s+Staff)\s+[A-Z]")
_FLATTENED = 200  # characters: a line this long holds what a page printed on several


def _inline_attendance(lines: list[Line], meeting: Meeting) -> None:
    """Attendance lists inside flattened lines ("… PRESENT: Cllr A Hale Cllr B Irwin
    APOLOGIES: Cllr C Kerr …"); a name the lists above give is not added twice."""
    for line in lines:
        if len(line.text) < _FLATTENED:
            continue
        for kind, start, end in inline_attendance(line.raw):
            people = [
                person
                for person in people_from_list(line.raw[start:end], line.start + start)
                if len(person.name.split()) <= 5
            ]
            # a name the lines above gave is not added twice; two Ryans in the list stay two
            known = {person.name for person in getattr(meeting, kind)}
            getattr(meeting, kind).extend(p for p in people if p.name not in known)


# words of a sentence about attendance, not of a list of names
_SENTENCE_WORDS = re.compile(
    r"\b(?:were|was|is|are|had|has|have|participated|attended|reported|present|joined|left|presided)\b"
)
_SENTENCE_LINE = re.compile(rf"\n(?=[^\n]*{_SENTENCE_WORDS.pattern})")
_MEMBERS_LIST = re.compile(
    r"^(?:(?:Councillor|Cllr\.?)\s+[A-Z][\w'’. -]{0,40}?\s*"
    r"(?:\(?in\s+the\s+Chair\)?|\((?:Chair(?:man|person|woman)?|Mayor|Convener)\))[;,.]?\s*)?"
    r"(?:Councillors|Cllrs\.?|Aldermen)\s+[A-Z][^.]{0,600}?(?:,|\band\b)",
    re.IGNORECASE,
)


# An officer's post after a name in a members' list: "Mr J Hale (Clerk)", "Rev S Irwin,
# Mayor's Chaplain"
_OFFICER_ROLE = re.compile(
    # (a community council's Secretary and Treasurer are members holding office; a minute
    # or committee secretary takes the minutes)
    r"\b(?:Clerk|Officer|Chaplain|(?:Minutes?|Committee|Democratic)\s+Secretary|Manager"
    # (a health board's non-executive director is a member of a joint board)
    r"|(?<!Non-Executive\s)(?<!Non-executive\s)Director"
    r"|Chief\s+Executive|Solicitor|Administrator)\b",
    re.IGNORECASE,
)


_PARTNER_BODY = re.compile(
    r"\b(?:NHS|Trust|Integrated\s+Care|ICB|CCG|Healthwatch|Police|Fire\s+and\s+Rescue|University"
    r"|College|Housing\s+Association)\b"
)


def _members_only(meeting: Meeting) -> None:
    """The members' lists hold members: an officer named there by post ("Mr J Hale (Clerk)")
    attended, and a County Councillor among members named otherwise (a town or community
    council's "Cllr"s) is a guest from the county: attending if present, not a member's
    apology if absent."""
    for kind in ("present", "apologies"):
        people: list[Person] = getattr(meeting, kind)
        own = {p.honorific for p in people if p.honorific != "County Councillor"}
        guests = [
            p
            for p in people
            # "Mr J Hale (Clerk)" among the members attended; "J Hale – Director of Public
            # Health" in a board's list of members is a member who holds that post
            if (
                p.role
                and _OFFICER_ROLE.search(p.role)
                and not DASH_ROLE.search(p.source)
                and not COLUMN_GAP.search(p.source)
                # "Claire Tobin (Chief Executive, Rivermoor NHS Trust)": a partner body's
                # officer, the body named after the post, sits on a partnership board as a
                # member ("Police Liaison Officer" is the council's own post)
                and not _PARTNER_BODY.search(p.role.partition(",")[2])
            )
            or (p.honorific == "County Councillor" and own - {None})
        ]
        if not guests:
            continue
        setattr(meeting, kind, [p for p in people if p not in guests])
        if kind == "present":
            meeting.attending.extend(guests)


def _without_repeats(meeting: Meeting) -> None:
    """A member named twice in one list ("Apologies: Councillor Hassan Mirza" at the head,
    "apologies were received from Councillor Mirza" under item 1) is listed once: a surname
    alone where the list has a full name with it. The same name twice may be two members
    ("D Mackay" and "D Mackay"), as surnames alone that repeat ("Ryan, A; Ryan, J") are."""
    for kind in ("present", "apologies", "attending", "substitutes"):
        # the same words read twice (the head's list, then an item titled "Attendance"
        # that holds it) name one person
        listed: list[Person] = getattr(meeting, kind)
        seen: set[tuple[str, int | None]] = set()
        once = []
        for person in listed:
            where = (person.name, person.span.start if person.span else None)
            if where not in seen:
                seen.add(where)
                once.append(person)
        setattr(meeting, kind, once)
    for kind in ("present", "apologies"):
        people: list[Person] = getattr(meeting, kind)
        surnames = {p.name.split()[-1].lower() for p in people if len(p.name.split()) >= 2}
        if surnames:
            kept = [p for p in people if len(p.name.split()) >= 2 or p.name.lower() not in surnames]
            setattr(meeting, kind, kept)


def _add_people(meeting: Meeting, kind: str, raw: str, offset: int) -> None:
    """One person a line when every line opens with a name; else one run-on, wrapped list."""
    lines = _wrapped_entries(raw.split("\n"))
    one_a_line = len(lines) >= 3 and raw.count(",") <= len(lines) // 2
    # "Name – who they are" on every line: one person a line, however many commas
    filled = [line.strip() for line in lines if line.strip()]
    dashed = len(lines) >= 2 and all(DASH_ROLE.search(line) for line in filled)
    dash = DASH_ROLE.search(raw) if len(lines) == 1 else None
    if (
        dash is not None
        and ";" not in raw
        and "," not in raw[: dash.start()]
        # (not "Councillors – J Archibald, A Bennington, …": a group's label over its list)
        and raw[dash.end() :].count(",") <= 2
    ):
        # "Councillor Lorna Egerton – Executive Member for Communities and Culture": one
        # person, whose role may hold an "and" (or commas: "– Chair, Healthwatch Rivermoor")
        one = person_from_entry(raw, offset)
        if one is not None:
            getattr(meeting, kind).append(one)
            return
    if _in_columns(filled):
        # "Catriona MacLeod        Chair" / "Neil Brodie        Director of Finance": a
        # table of names and posts, its columns set apart by spaces
        posts = _posts(filled)
        position = 0
        for line in lines:
            one = _column_person(line, offset + position, posts)
            if one is not None:
                getattr(meeting, kind).append(one)
            position += len(line) + 1
        return
    if len(lines) == 1 or not (
        all(_HONORIFIC_START.match(line.strip()) for line in lines)
        or one_a_line
        or dashed
        or _named_lines(filled)
    ):
        getattr(meeting, kind).extend(people_from_list(raw, offset))
        return
    # one person a line ("Mayor Jo Hale" / "Deputy Mayor" / "Sam Irwin"): a line that
    # only names an office or a group is a heading of the list, not a person
    position = 0
    for line in lines:
        # "Joanne Hale – Director of Public Health, Wyndbrook Council": one person, who they
        # are after the dash (its commas are the role's)
        stripped = line.strip()
        one = (
            person_from_entry(line, offset + position)
            # "Mr Desmond Ruddle, Healthwatch Wyvernshire": one person, whom they represent
            if DASH_ROLE.search(stripped) or _ONE_NAME_THEN_WHO.match(stripped)
            else None
        )
        if one is not None:
            getattr(meeting, kind).append(one)
        else:
            getattr(meeting, kind).extend(people_from_list(line, offset + position))
        position += len(line) + 1


# a line that stops mid-phrase: the entry goes on in the next ("… for Environment and" /
# "Transport – for item 4")
_ENTRY_GOES_ON = re.compile(r"(?:\b(?:and|of|for|the|to|&)|[,–—-])\s*$")


def _wrapped_entries(lines: list[str]) -> list[str]:
    """The lines of a list, each entry the printer wrapped joined again (by its newline, so
    that offsets stay as they were): one person a line stays one person an entry."""
    if len(lines) < 3:
        return lines
    entries: list[str] = []
    for line in lines:
        stripped = line.strip()
        if (
            entries
            and stripped
            and entries[-1].strip()
            and (_ENTRY_GOES_ON.search(entries[-1]) or stripped[:1].islower())
            and not _HONORIFIC_START.match(stripped)
        ):
            entries[-1] = f"{entries[-1]}\n{line}"
        else:
            entries.append(line)
    return entries


def _in_columns(filled: list[str]) -> bool:
    """Two lines at least, each a name, a gap, then who the person is (a line or two may
    have lost its gap, as a long name leaves little room)."""
    posts = _posts(filled)
    parted = sum(
        1
        for line in filled
        if COLUMN_GAP.search(line) or any(line.endswith(f" {post}") for post in posts)
    )
    # (one row alone may be a list of one: "In Attendance" / "Shona Finlayson    Board Secretary")
    return bool(posts) and 3 * parted >= 2 * len(filled)


def _posts(filled: list[str]) -> set[str]:
    """The posts in the second column of the lines that are "Name<gap>Post" rows."""
    posts: set[str] = set()
    for line in filled:
        gap = COLUMN_GAP.search(line)
        if gap is None or gap.start() == 0:
            continue
        name, post = line[: gap.start()], line[gap.end() :]
        # "Councillor A Hale    Councillor B Irwin": names set out in columns, no posts
        if looks_like_name(_HONORIFIC_WORDS.sub("", name).strip()) and not (
            _HONORIFIC_WORDS.match(post)
        ):
            posts.add(" ".join(post.split()))
    return posts


_HONORIFIC_WORDS = re.compile(rf"^(?:{HONORIFICS})\.?\s+", re.IGNORECASE)


_SPACE = re.compile(" ")


def _column_person(line: str, offset: int, posts: set[str]) -> Person | None:
    """The person in a row "Name<gap>Post": the post is their role. A row that lost its gap
    is parted where a post the other rows hold ends it."""
    stripped = line.strip()
    gap = COLUMN_GAP.search(stripped)
    if gap is None:
        post = next((p for p in posts if stripped.endswith(f" {p}")), None)
        if post is None:
            return person_from_entry(line, offset) if stripped else None
        gap = _SPACE.search(stripped, len(stripped) - len(post) - 1)
    if gap is None:
        return None
    start = offset + len(line) - len(line.lstrip())
    span = Span(start, start + len(stripped))
    return row_person(stripped[: gap.start()], stripped[gap.end() :], stripped, span)


# "Councillor Fiona Strachan (Chair), Locharden Council": a line opening with a person's
# name, then who they are
_NAME_FIRST = (
    r"^(?:(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Sir|Dame)\.?\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}"
)
_NAME_THEN_WHO = re.compile(_NAME_FIRST + r"\s*[,(]")


_ONE_NAME_THEN_WHO = re.compile(_NAME_FIRST + r"(?:\s*\([A-Z]{2,4}\))?,[^,;&]*$")


def _named_lines(filled: list[str]) -> bool:
    """Each person on a line of their own, their role and body after the name, perhaps
    under group headings ("Voting members"): not one list wrapped over the lines."""
    named = [line for line in filled if _NAME_THEN_WHO.match(line)]
    return (
        len(named) >= 2
        and not any(line.endswith(",") for line in filled)
        and all(line in named or ("," not in line and len(line.split()) <= 4) for line in filled)
    )


def _entry_text(block: Block) -> str:
    return block.raw[_entry_start(block) - block.start :]


def _entry_start(block: Block) -> int:
    if block.marker is None:
        return block.start
    raw = block.raw
    position = len(raw) - len(raw.lstrip(" \t\u00a0")) + len(block.marker)
    while position < len(raw) and raw[position] in " \t\u00a0":
        position += 1
    return block.start + position


def _is_apologies(title: str) -> bool:
    return bool(re.match(r"^\s*Apolog", title, re.IGNORECASE))


def _attendance_in(
    text: str, start: int, end: int, meeting: Meeting, lower: str | None = None
) -> None:
    """Names in "Apologies for absence were received from Councillors A and B." and in
    "Councillor C attended as a substitute for Councillor A.", one paragraph and sentence at
    a time, anywhere in ``text[start:end]``; "These Members sent their apologies:"
    takes the names on the lines below. A name the attendance lists already
    give is not added twice. ``lower`` is the whole text lower-cased (lowered_document)."""
    lowered = text[start:end].lower() if lower is None else lower[start:end]
    if "apolog" not in lowered and "substitut" not in lowered:
        return  # most items name no one absent: skip the sentence-by-sentence reading
    for paragraph_start, paragraph_end in _paragraphs(text, start, end):
        paragraph = text[paragraph_start:paragraph_end]
        if "apolog" not in paragraph.lower() and "substitut" not in paragraph.lower():
            continue
        if _APOLOGIES_LIST_LEAD.search(paragraph):
            _names_below(text, paragraph_end, end, meeting)
            continue
        for sentence_start, sentence_end in sentences(paragraph):
            sentence = paragraph[sentence_start:sentence_end]
            offset = paragraph_start + sentence_start
            for kind, pattern in (
                ("apologies", APOLOGIES_FROM),
                ("apologies", SENT_APOLOGIES),
                ("substitutes", SUBSTITUTE_FOR),
            ):
                match = pattern.search(sentence)
                if match:
                    group = "names" if match["names"] is not None else "names2"
                    found = people_from_list(match[group], offset + match.start(group))
                    _add_new(getattr(meeting, kind), found)


# "These Members sent apologies:", "apologies … were received from:-"
_APOLOGIES_LIST_LEAD = re.compile(
    r"\b(?:sent\s+their\s+apologies|apologies[^.:]{0,60}?\b(?:from|of))\s*:-?\s*$", re.IGNORECASE
)


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``text[start:end]``: lines up to a blank line, a
    numbered paragraph's number ("1.2"), or a line ending in a colon (a lead-in to the
    lines below)."""
    found: list[tuple[int, int]] = []
    first: Line | None = None
    last: Line | None = None
    for line in split_lines(text, start, end):
        if line.blank:
            if first is not None and last is not None:
                found.append((first.content_start, last.content_end))
            first = last = None
            continue
        if first is not None and last is not None and _NUMBERED_PARAGRAPH.match(line.text):
            found.append((first.content_start, last.content_end))  # "1.2 …": a paragraph of its own
            first = last = None
        first = first or line
        last = line
        if line.text.endswith((":", ":-")):
            found.append((first.content_start, last.content_end))
            first = last = None
    if first is not None and last is not None:
        found.append((first.content_start, last.content_end))
    return found


def _names_below(text: str, start: int, end: int, meeting: Meeting) -> None:
    """The lines after an apologies lead-in that each name someone ("Cllr A – substituted by
    Cllr B", "Councillor C, for whom Councillor D was substitute;")."""
    for line in split_lines(text, start + 1, end):
        if line.blank:
            continue
        if not _HONORIFIC_START.match(line.text):
            break
        absent = re.split(r"\s+[-–—]\s+|,\s+for\s+whom\b|\s+\(substitut", line.raw, maxsplit=1)[0]
        _add_new(meeting.apologies, people_from_list(absent.rstrip(" ;,."), line.start))


def _add_new(people: list[Person], found: list[Person]) -> None:
    names = {person.name for person in people}
    for person in found:
        if person.name not in names:
            people.append(person)
            names.add(person.name)
