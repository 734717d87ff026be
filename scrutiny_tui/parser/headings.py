"""Where agenda items begin: ModernGov "Agenda item" pages, "Meeting: … (Item 41)" lines,
and numbered item headings ("41. Apologies for absence", "35/20 Budget", "*450 Call-in")."""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

from scrutiny_tui.parser.blocks import BULLET, Line
from scrutiny_tui.parser.chrome import is_chrome as _is_chrome
from scrutiny_tui.parser.decisions import TRIGGER, trigger_tail
from scrutiny_tui.parser.meeting import ATTENDANCE_LABEL, DATED_TITLE, DECISION_MAKER, meeting_line
from scrutiny_tui.parser.motions import MOTION_HEADING

AGENDA_ITEM = re.compile(r"^(?:.*[-–—:]\s*)?Agenda\s+item\s*$", re.IGNORECASE)
NUMBERED = re.compile(
    r"^(?:#{1,6}\s*)?(?:Item\s+)?(?P<number>\*?\d{1,6}[a-z]?(?:/\d{2,4})?)"
    r"(?:\.|:|\s+[-–—]|\))?[\s\u00a0]+(?P<title>\S.*)$",
    re.IGNORECASE,
)
# "Title pdf icon PDF 135 KB", or cut short where a page or an excerpt ends ("… PDF 127 K")
_FILE_SIZE = re.compile(
    r"\s+(?:(?:pdf|docx?|xlsx?)\s+icon\s+)?(?:PDF|DOCX?|XLSX?|HTML?)\s+\d+(?:\.\d+)?\s*[KMG]B?\s*$"
    r"|\s+(?:pdf|docx?|xlsx?)\s+icon\s*$",
    re.IGNORECASE,
)
_FILE_SIZE_ANYWHERE = re.compile(
    r"\s+(?:(?:pdf|docx?|xlsx?)\s+icon\s+)?(?:PDF|DOCX?|XLSX?|HTML?)\s+\d+(?:\.\d+)?\s*[KMG]B\b",
    re.IGNORECASE,
)
_ITEM_IN_TITLE = re.compile(
    r"\s*[(\[](?:Agenda\s+)?Item\s+(?P<number>[\w/.*]+)[)\]]\s*$", re.IGNORECASE
)


def _without_agenda_ref(title: str) -> str:
    """ "PERFORMANCE OVERVIEW [Item 5]": the minute's title without the agenda's number."""
    if title[-1:] not in ")]":
        return title
    return _ITEM_IN_TITLE.sub("", title) or title


_ENDS_SENTENCE = re.compile(r"[.;:!?]['’”\")]*$")
SECTION_LABEL = re.compile(
    r"^(?:Minutes|Decisions?|Purpose\s+of\s+(?:the\s+)?report|Supporting\s+documents|"
    r"Background\s+papers|Reasons?\s+for\s+(?:the\s+)?(?:decisions?|recommendations?)|"
    r"Alternative\s+options(?:\s+considered)?(?:\s+and\s+rejected)?|Summary|Recommendations?)"
    r"\s*:\s*$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Heading:
    line: int  # index of the first line of the heading
    title_line: int  # index of the line holding the title
    number: str | None
    title: str
    body_start: int | None = None  # where the item's text starts on the title line, if it does


# "Parks Strategy (Lead Member: Councillor Hale)": who, not what
_WHO_IN_BRACKETS = re.compile(
    r"\s*\((?:[\w'’ ]{2,40}):\s*[^()]{2,80}\)\s*$"
    r"|\s*\(Pages?\s+\d+(?:\s*(?:-|–|to)\s*\d+)?\)\s*$",  # "(Pages 5 - 14)" in an agenda
    re.IGNORECASE,
)


_TITLE_LABEL = re.compile(r"^(?:Subject|Title|Topic|Report\s+title)\s*:\s*", re.IGNORECASE)


def split_title(text: str) -> tuple[str | None, str]:
    """(number, title) from a title line: "63 Title PDF 85 KB", "Title (Agenda Item 4)"."""
    text = _FILE_SIZE.sub("", text).strip()
    text = _WHO_IN_BRACKETS.sub("", text) or text
    text = _TITLE_LABEL.sub("", text) or text  # "Subject: Budget 2026/27"
    number = None
    in_title = _ITEM_IN_TITLE.search(text)
    if in_title:
        number, text = in_title["number"], text[: in_title.start()].strip()
    numbered = NUMBERED.match(text)
    if numbered and _title_ok(numbered["title"]):
        return numbered["number"], numbered["title"].strip().rstrip(":")
    return number, text.lstrip("# ").rstrip(":").strip()


def _agenda_item(text: str) -> bool:
    """``AGENDA_ITEM.match(text)``, skipping the pattern (whose ".*" reads the whole line)
    where the words plainly do not end in "item"; a tail outside ASCII is left to it."""
    tail = text.rstrip()[-4:]
    if tail.isascii() and tail.lower() != "item":
        return False
    return AGENDA_ITEM.match(text) is not None


def find_headings(
    lines: list[Line], dense: bool, *, cut_short: bool = False, flattened: bool = False
) -> list[Heading]:
    """The document's item headings, found by its own scheme. ``cut_short``: the text stops
    mid-sentence (an excerpt), so a list of the business may run past its last heading.
    ``flattened``: some of ``lines`` were cut from one far longer (a table run together)."""
    listed = _decisions_listed(lines)
    if len(listed) >= 2 or any(heading.number for heading in listed):
        return listed  # (one decision, with the list's own reference, is a list of one)
    if any(_agenda_item(line.text) for line in lines):
        return _page_headings(lines, agenda_items=True)
    meeting_items = [i for i, line in enumerate(lines) if _meeting_item(line)]
    if meeting_items:
        if len(meeting_items) == 1:
            # one "Meeting: … (Item 14)" line over a whole meeting's numbered items (a page
            # stitched from another): the numbering, if it is plainly a meeting's, decides
            numbered = _numbered_headings(lines, dense)
            if len(numbered) >= 3 and numbered[0].line > meeting_items[0]:
                return _untitled_first(lines, numbered)
        return _page_headings(lines, agenda_items=False)
    if decision := _decision_page(lines):
        return decision
    if len(referenced := _referenced_headings(lines)) >= 2:
        return referenced
    numbered = _numbered_headings(lines, dense)
    standalone = _standalone_titles(lines) if _numbering_confined(numbered, lines) else []
    if len(standalone) >= _STANDALONE_AT_LEAST and _numbering_within_one(numbered, standalone):
        # minutes whose numbering was lost (a Word document's automatic numbers), but for
        # a numbered list inside one item: the titles standing alone are the items
        return standalone
    if len(numbered) >= 2:
        return _untitled_first(lines, numbered + _closing_headings(lines, numbered[-1]))
    if not numbered and len(marked := _marked_headings(lines)) >= 2:
        return marked
    if not numbered:
        listed, unreached = _listed_headings(lines, cut_short=cut_short)
        if len(listed) >= _LISTED_AT_LEAST or unreached:
            return listed
    labelled = _labelled_headings(lines, loose_allowed=not numbered)
    found = _untitled_first(lines, labelled or numbered)
    if found or flattened:
        # (a table's columns run together give its numbered rows prose of their own words)
        return found
    return _paragraph_groups(lines)


# "2.1 The Chief Executive advised …", "2.2 Submitted letter …": a paragraph numbered by its
# item and its place in it
_ITEM_PARAGRAPH = re.compile(r"^(?P<item>\d{1,3})\.(?P<paragraph>\d{1,2})\s+\S")
_GROUPED_AT_LEAST = 3  # paragraphs, over two items at least


def _paragraph_groups(lines: list[Line]) -> list[Heading]:
    """Minutes whose headings were lost but whose paragraphs are numbered by item (1.1, 2.1,
    2.2, 3.1): an untitled item for each item number, where the numbers run in order."""
    firsts: list[Heading] = []
    last: tuple[int, int] | None = None
    count = 0
    for index, line in enumerate(lines):
        numbered = _ITEM_PARAGRAPH.match(line.text)
        if numbered is None:
            continue
        number = (int(numbered["item"]), int(numbered["paragraph"]))
        if last is None or number[0] == last[0] + 1:
            if number[1] != 1:
                return []
            firsts.append(Heading(index, index - 1, None, ""))
        elif number != (last[0], last[1] + 1):
            return []  # numbers out of order: not the scheme
        last = number
        count += 1
    return firsts if len(firsts) >= 2 and count >= _GROUPED_AT_LEAST else []


# ---- items whose numbers were lost: titles standing alone between blank lines ----------

_STANDALONE_AT_LEAST = 4
_STANDALONE_WORDS = 14
_RUNNING_FOOT = re.compile(r"\bPage\s+\d{1,4}\b|\s[-–—]\s\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
# a person's line in an attendance table: "Councillor A Hale (Chair)", "Marcus Fenn  Director"
_PERSON_LINE = re.compile(r"^(?:Councill?or|Cllr|Cr|Mr|Mrs|Ms|Miss|Dr|Professor)\.?\s+[A-Z]")


def _standalone_titles(lines: list[Line]) -> list[Heading]:
    """Each title that stands alone as a paragraph (a blank line above and below, no stop)
    with the minutes' prose under it, after the attendance lists: the headings of minutes
    whose numbering was lost."""
    start = next((i + 1 for i, line in enumerate(lines) if _PRESENT.match(line.text)), None)
    if start is None:
        return []
    headings: list[Heading] = []
    for index in range(start, len(lines) - 2):
        line = lines[index]
        if line.blank or not lines[index - 1].blank or not lines[index + 1].blank:
            continue
        text = line.text
        if (
            "\t" in line.raw
            or len(text.split()) > _STANDALONE_WORDS
            or not (_title_alone(text) or text == "Minutes")
            or _PERSON_LINE.match(text)
            or _RUNNING_FOOT.search(text)
        ):
            continue
        following = next((other for other in lines[index + 2 :] if not other.blank), None)
        if following is None or not _prose_under(following.text):
            continue
        headings.append(Heading(index, index, None, text))
    return headings


def _prose_under(text: str) -> bool:
    """The minutes' words under a title: a sentence ("None." too) or a decision, not
    another title or a table's row."""
    return (
        (
            text[:1].isupper()
            # "None.", a sentence; "Cllr Strachan reported:", a report's lead-in
            and (len(text.split()) >= 6 or text.endswith((".", "!", "?", ":")))
            and not (text.endswith(":") and len(text.split()) < 2)
        )
        or TRIGGER.match(text) is not None
        # "1. Ardlorn Council re …", "- 9 crimes recorded …": the item's list
        or bool(list_start(text))
        or BULLET_START.match(text) is not None
        or _LIST_NUMBER.match(text) is not None
    )


_LIST_NUMBER = re.compile(r"\d{1,2}[.)]\s")


def _numbering_confined(numbered: list[Heading], lines: list[Line]) -> bool:
    """A few numbers close together (a list in one item's minutes, perhaps): worth asking
    whether titles standing alone are the document's items (a cheap test first)."""
    return 0 < len(numbered) <= 8 and numbered[-1].line - numbered[0].line < len(lines) // 4


def _numbering_within_one(numbered: list[Heading], standalone: list[Heading]) -> bool:
    """Numbers that all stand between the same two titles: a numbered list inside one
    item's minutes, not the document's own scheme."""
    lines = [heading.line for heading in numbered]
    sections = {sum(1 for title in standalone if title.line < line) for line in lines}
    return len(sections) == 1 and min(lines) > standalone[0].line


# A decision notice's blocks: "Decision reference: EX/26/061" over "Title: …", each decision
# an item numbered by its reference
_REFERENCE_LINE = re.compile(
    r"^(?:Decision\s+)?(?:Ref(?:erence)?\.?(?:\s+No\.?)?|No\.?|Number)\s*:\s*"
    r"(?P<number>[A-Z0-9][\w/.-]{1,24})$",
    re.IGNORECASE,
)
_TITLE_FIELD = re.compile(r"^(?:Title|Subject|Decision\s+title)\s*:\s*(?P<title>\S.*)$", re.I)
_FIELD = re.compile(r"^[A-Z][\w ()/-]{1,40}:")


def _referenced_headings(lines: list[Line]) -> list[Heading]:
    """The decisions of a notice, each headed by its reference and titled by its field."""
    found: list[Heading] = []
    for index, line in enumerate(lines):
        if line.text[:1] not in "DdRrNn" or ":" not in line.text[:30]:
            continue
        reference = _REFERENCE_LINE.match(line.text)
        if reference is None:
            continue
        title_index = next(
            (i for i in range(index + 1, min(index + 4, len(lines))) if not lines[i].blank), None
        )
        titled = _TITLE_FIELD.match(lines[title_index].text) if title_index is not None else None
        if titled is None or title_index is None:
            continue
        title = titled["title"]
        following = lines[title_index + 1] if title_index + 1 < len(lines) else None
        if following is not None and following.text and not _FIELD.match(following.text):
            title = f"{title} {following.text}"  # a title wrapped to the next line
        found.append(Heading(index, title_index, reference["number"], title))
    return found


def _decisions_listed(lines: list[Line]) -> list[Heading]:
    """A website's list of decisions: each titled by the line above its "Decision Maker:"
    field (the meeting it was taken at, if any, is a field below)."""
    found: list[Heading] = []
    for index, line in enumerate(lines):
        if line.text[:1] not in "Dd" or DECISION_MAKER.match(line.text) is None:
            continue
        above = next(
            (i for i in range(index - 1, max(index - 4, -1), -1) if not lines[i].blank), None
        )
        if above is None or _is_chrome(lines[above].text):
            continue
        published = _PUBLISHED_DECISION.match(lines[above].text)
        if published is not None:
            found.append(Heading(above, above, published["ref"], published["title"]))
        elif ":" not in lines[above].text:
            found.append(Heading(above, above, None, lines[above].text))
    return found


# a ModernGov list of decisions published: "10/03/2026 - Library Opening Hours ref: 412
# Recommendations Approved" (the date it was made, its title, its reference, its status)
_PUBLISHED_DECISION = re.compile(
    r"^\d{1,2}/\d{1,2}/\d{4}\s*[-–]\s*(?P<title>\S.*?)\s+ref:\s*(?P<ref>\d{1,6})\b"
)


# A committee website's page of one decision taken outside a meeting (a Cabinet Member's or
# an officer's): "Issue - decisions" / "Decision details" / its title / "Decision Maker: …"
_DECISION_DETAILS = re.compile(r"^(?:Decision\s+details|Issue\s*-\s*decisions)$", re.IGNORECASE)


def _decision_page(lines: list[Line]) -> list[Heading]:
    """The one item of a decision page: titled by the line under "Decision details" (else
    under "Issue - decisions"), where the page names its decision maker."""
    if not any(line.text[:1] in "Dd" and DECISION_MAKER.match(line.text) for line in lines):
        return []
    marks = [i for i, line in enumerate(lines) if _DECISION_DETAILS.match(line.text)]
    if not marks:
        return []
    details = [i for i in marks if lines[i].text.lower().startswith("decision")]
    start = (details or marks)[0] + 1
    title_index = next((i for i in range(start, len(lines)) if not lines[i].blank), None)
    if title_index is None or DECISION_MAKER.match(lines[title_index].text):
        return []
    title = lines[title_index].text
    dated = DATED_TITLE.match(title)
    return [Heading(title_index, title_index, None, dated["title"] if dated else title)]


# The business that closes a meeting, often left unnumbered after the numbered items
_CLOSING_TITLE = re.compile(
    r"^(?:Any\s+other\s+(?:urgent\s+)?business|A\.?O\.?B\.?|Urgent\s+business"
    r"|(?:Date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?)?next\s+meeting"
    r"|Exclusion\s+of\s+(?:the\s+)?press\s+and\s+public|Close\s+of\s+(?:the\s+)?meeting)"
    r"\s*:?$",
    re.IGNORECASE,
)


def _closing_headings(lines: list[Line], last: Heading) -> list[Heading]:
    """ "Any other business" on a line of its own after the last numbered item: an item of
    its own, as the business a meeting ends with is, numbered or not."""
    found: list[Heading] = []
    for index in range(max(last.title_line, last.line) + 1, len(lines)):
        text = lines[index].text
        if (
            _CLOSING_TITLE.match(text)
            and (index == 0 or lines[index - 1].blank)
            and index + 1 < len(lines)
        ):
            found.append(Heading(index, index, None, text.rstrip(" :")))
    return found


def _untitled_first(lines: list[Line], headings: list[Heading]) -> list[Heading]:
    """Minutes between a ModernGov list's "No. Item" header and its first heading: an item
    whose title the page left blank (its agenda text and minutes only)."""
    if not headings:
        return headings
    first = headings[0].line
    header = next((i for i in range(first) if _LIST_HEADER.match(lines[i].text)), None)
    if header is None or _lists_contents(lines[header + 1 : first], headings):
        return headings
    # paragraphs of minutes, not a note pointing to the agenda ("… at the following link:-")
    paragraphs = [
        i
        for i in range(header + 1, first)
        if len(lines[i].text.split()) >= 5 and not _is_chrome(lines[i].text)
    ]
    if len(paragraphs) < 2:
        return headings
    return [Heading(paragraphs[0], paragraphs[0] - 1, None, ""), *headings]


def _lists_contents(lines: list[Line], headings: list[Heading]) -> bool:
    """Rows opening with the first two headings' numbers: a table of contents ("No  Item
    Summary of Decisions") printed before the minutes, not an item's minutes."""
    numbers = [heading.number for heading in headings[:2] if heading.number]
    if len(numbers) < 2:
        return False
    openings = {line.text.split(maxsplit=1)[0].rstrip(".") for line in lines if line.text}
    return all(number.rstrip(".") in openings for number in numbers)


# ---- items with no numbers, marked as headings: "## Parks Strategy" ---------------------
#
# Minutes kept as Markdown mark their headings with "#": the meeting's title at one level,
# its items at the level below. The level used most often (the shallower of two used as
# often) is the items'; a heading at another level, or a meeting's dated title, is not.

_MARKED = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<title>\S.*?)(?:[ \t]+#+)?[ \t]*$")


def _marked_headings(lines: list[Line]) -> list[Heading]:
    marked = [
        (index, match)
        for index, line in enumerate(lines)
        if line.raw[:1] == "#" and (match := _MARKED.match(line.text)) is not None
    ]
    if len(marked) < 2:
        return []
    counts: dict[int, int] = {}
    for _, match in marked:
        counts[len(match["level"])] = counts.get(len(match["level"]), 0) + 1
    level = max(counts, key=lambda depth: (counts[depth], -depth))
    return [
        Heading(index, index, None, match["title"])
        for index, match in marked
        if len(match["level"]) == level and not meeting_line(match["title"])
    ]


# ---- items with no numbers, named first in a list of the business ----------------------
#
# Minutes that number nothing often list the business first, a bullet to each item, and
# then head each part of the minutes with the same words on a line of their own. The list
# is the document's own scheme: a line counts as a heading only where it repeats an entry,
# in the list's order, so a sentence or a bullet of the minutes never opens an item.

_LISTED_AT_LEAST = 3  # entries found again as headings, and in the list at least
_LISTED_TITLE_WORDS = 12


def _listed_key(text: str) -> str:
    return text.casefold().rstrip(" .:")


def _listed_runs(lines: list[Line]) -> list[tuple[int, list[tuple[str, str]]]]:
    """(the line after the run, its entries as (key, title)) for each run of bulleted
    title-like lines."""
    runs: list[tuple[int, list[tuple[str, str]]]] = []
    entries: list[tuple[str, str]] = []
    for index, line in enumerate([*lines, Line(0, "")]):
        bullet = BULLET.match(line.raw.lstrip(" \t\u00a0"))
        title = line.raw.lstrip(" \t\u00a0")[bullet.end() :].strip() if bullet else ""
        if bullet and _title_ok(title) and len(title.split()) <= _LISTED_TITLE_WORDS:
            entries.append((_listed_key(title), title.rstrip(" :")))
            continue
        if line.blank and entries:
            continue  # a list may leave a blank line between its entries
        if len(entries) >= _LISTED_AT_LEAST:
            runs.append((index, entries))
        entries = []
    return runs


def _listed_headings(lines: list[Line], *, cut_short: bool) -> tuple[list[Heading], list[str]]:
    """Headings where the lines after a list of the business repeat its entries in order,
    and the titles of the entries after the last of them where the text is cut short before
    reaching them (an excerpt that stops inside the first items: the list still names the
    rest, as a reader counts them)."""
    best: list[Heading] = []
    unreached: list[str] = []
    for after, entries in _listed_runs(lines):
        keys = [key for key, _ in entries]
        headings: list[Heading] = []
        expected = 0  # the entry looked for next; one may be passed over, never gone back to
        for index in range(after, len(lines)):
            key = _listed_key(lines[index].text)
            if not key or key not in keys[expected:]:
                continue
            expected = keys.index(key, expected) + 1
            headings.append(Heading(index, index, None, lines[index].text.rstrip(" :")))
            if expected == len(entries):
                break
        # found in the list's order with none passed over: the text stops before the rest
        in_order = cut_short and expected == len(headings) > 0
        if len(headings) > len(best) and (2 * len(headings) >= len(entries) or in_order):
            best = headings
            unreached = [title for _, title in entries[expected:]] if in_order else []
    return best, unreached


def unreached_listed(lines: list[Line], headings: list[Heading]) -> list[str]:
    """The business a cut-short text's list names after its last heading (see
    ``_listed_headings``); empty unless those headings are the list's."""
    if not headings or any(heading.number for heading in headings):
        return []
    listed, unreached = _listed_headings(lines, cut_short=True)
    if [heading.line for heading in listed] != [heading.line for heading in headings]:
        return []
    return unreached


# ---- items with no numbers: ModernGov lists and flattened tables -------------------------
#
# A ModernGov "Agenda and minutes" page gives each item a title, perhaps agenda text, then
# one "Minutes:" (or "Decision:") label and the minutes. Where the numbers are missing (or
# the page was flattened from a table, each row ending in "|"), items are told apart by
# that rhythm: a title-like line after the previous item's minutes have begun, a row that
# starts after a row ended, or a second label where an item already has one.

_LABEL_START = re.compile(r"^(?:Minutes|Decisions?)\s*:", re.IGNORECASE)
# ModernGov's labels as the page prints them ("Minutes:"), not words of a title in capitals
# ("CALL-IN OF CABINET DECISION: DISPOSAL OF …")
_INLINE_LABEL = re.compile(
    r"\s(?:Additional\s+documents\s*:|Minutes\s*:|Decisions?\s*:|Supporting\s+documents\s*:)"
)
_AGENDA_TEXT = re.compile(
    r"\s(?:To\s+[a-z]|Of\s+the\s+meeting\b|Members\s+(?:are|of|will)\b|The\s+[\w&’']+\s"
    r"|Report\s+of\b|Contact\s*:|This\s|\[)"
)
_PRESENT = re.compile(r"^(?:Members\s+)?Present\b", re.IGNORECASE)
_DATED = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b"
)
_ITEM_LABEL = re.compile(r"\s(?:Minutes|Decisions?)\s*:")
_ATTENDANCE_IN_FLOW = re.compile(r"\b(?:[Pp]resent\s+were|[Mm]embers\s+present|Present\s*:)")
_LIST_HEADER = re.compile(r"^(?:Note\s+)?No\.?\s*\|?\s*Item\b", re.IGNORECASE)


def _labelled_headings(lines: list[Line], *, loose_allowed: bool = True) -> list[Heading]:
    labels = sum(
        1 for line in lines if _LABEL_START.match(line.text) or _ITEM_LABEL.search(line.text)
    )
    rows = sum(1 for line in lines if line.text.endswith("|") and line.text != "|")
    listed = any(_LIST_HEADER.match(line.text) for line in lines)
    # with no labels, rows or "No. Item" header to go by, a list of titles must be clear
    loose = labels < 2 and rows < 2 and not listed
    if loose and not loose_allowed:
        return []
    start = next((i + 1 for i, line in enumerate(lines) if _LIST_HEADER.match(line.text)), 0)
    if loose or (not listed and labels < 2):
        # the items come after the attendance lists at the head of the minutes (a list
        # wrapped by the printer goes on to the paragraph's end)
        start = next((i + 1 for i, line in enumerate(lines) if _PRESENT.match(line.text)), 0)
        while (
            0 < start < len(lines)
            and not lines[start].blank
            and not _ENDS_SENTENCE.search(lines[start - 1].text)
        ):
            start += 1
        start = _past_attendance(lines, start) if start else 0
    headings: list[Heading] = []
    table = rows >= 2
    labelled = True  # the item before the first has "ended": the first title opens one
    row_ended = True
    sentence_ended = True
    item_labels: set[str] = set()  # the labels the item being read has ("minutes", "decision")
    for index in range(start, len(lines)):
        line = lines[index]
        text = line.text
        if line.blank or text in ("|", "||") or re.fullmatch(r"[-|: ]+", text):
            continue
        if _is_chrome(text) and not _LABEL_START.match(text):
            continue  # "Link: meeting audio" over the first row: neither a row nor its end
        opened: Heading | None = None
        label_start = _LABEL_START.match(text)
        if label_start:
            kind = label_start.group(0)[:3].lower()
            # a row that starts with its label after a row ended, or a second "Minutes:"
            # where the item already has its own: a row whose title the page lost
            if labelled and (row_ended or not headings or kind in item_labels):
                opened = Heading(index, index - 1, None, "")
                item_labels = set()
            item_labels.add(kind)
            labelled = True
        elif row_ended or labelled or (labels < 2 and sentence_ended):
            opened = _row_heading(lines, index)
            if opened is None and table and row_ended:
                opened = Heading(index, index - 1, None, "")
            inline = _ITEM_LABEL.search(text)
            inline_kind = inline.group(0).strip()[:3].lower() if inline else None
            if opened is None and inline is not None and inline_kind in item_labels:
                # "To receive … Minutes: RESOLVED …" after an item that has its minutes: a
                # row whose title the page lost, its agenda text kept
                opened = Heading(index, index, None, "", line.start + inline.start() + 1)
            if opened is not None:
                labelled = inline is not None
                item_labels = {inline_kind} if inline_kind else set()
        if opened is not None:
            headings.append(opened)
        row_ended = text.endswith("|")
        # a line that ends a sentence, says "Nil", or is a dated running head: what follows
        # may be a title
        sentence_ended = bool(
            re.search(r"[.;:!?|]['’”\")]*$|:-$", text)
            or _NIL.match(text)
            or _DATED.search(text)
            or len(text.split()) >= 20  # a paragraph, whether or not it ends with a stop
        )
    at_least = 3
    if loose and headings and _holds_attendance(lines, headings):
        # a flattened page's first line, its title the meeting's own and its text the
        # attendance ("… BUDGET SESSION The Council met … Council members present were …"):
        # the head of the minutes, not an item (what it heads counts for one)
        headings = headings[1:]
        at_least = 2
    if loose and len(headings) < at_least:
        return []
    return headings


def _holds_attendance(lines: list[Line], headings: list[Heading]) -> bool:
    """Whether the first heading's text gives the attendance: the minutes' own head."""
    end = headings[1].line if len(headings) > 1 else len(lines)
    for line in lines[headings[0].line : end]:
        label = ATTENDANCE_LABEL.match(line.text)
        if _ATTENDANCE_IN_FLOW.search(line.text) or (
            label is not None and "present" in label["label"].lower()
        ):
            return True
    return False


def _past_attendance(lines: list[Line], start: int) -> int:
    """Past the lists that follow "Present:" ("In attendance: …", "Apologies: …"), each a
    paragraph opened by its label (a list the printer wrapped goes on to its blank line)."""
    while True:
        following = start
        while following < len(lines) and lines[following].blank:
            following += 1
        if following >= len(lines) or not ATTENDANCE_LABEL.match(lines[following].text):
            return start
        start = following + 1
        while start < len(lines) and not lines[start].blank:
            start += 1


def _row_heading(lines: list[Line], index: int) -> Heading | None:
    """An item opening at ``lines[index]``: a title alone on its line with text after it,
    or a flattened row "Title To receive … Minutes: …"."""
    line = lines[index]
    text = line.text.rstrip(" |")
    following = next((other for other in lines[index + 1 :] if not other.blank), None)
    if (
        _title_alone(text)
        and following is not None
        and not _title_alone(following.text)
        and not following.text[0].islower()
    ):
        return Heading(index, index, None, split_title(text)[1])
    row_title = _row_title(text, agenda_alone=True)
    if row_title is None:
        return None  # a line of the minutes, not a row "Title To receive … Minutes: …"
    title = _WHO_IN_BRACKETS.sub("", row_title) or row_title
    if not title or not _title_alone(title) or title == text or _NUMBER_ONLY.match(title):
        return None  # ("2.1 The Chief Executive reported …": a paragraph's number, no title)
    label = _ITEM_LABEL.search(line.raw)
    if label:
        # the agenda's words before "Minutes:" are not the minutes: the item's text starts there
        body_start: int | None = line.start + label.start() + 1
    else:
        offset = line.raw.find(text[len(title) :].strip()[:15]) if len(text) > len(title) else -1
        body_start = line.start + offset if offset > 0 else None
    return Heading(index, index, None, title, body_start)


_NUMBER_ONLY = re.compile(r"^[\d.]+$")
# "In force from: 01/05/2025", "Published: 02/05/2025": a field, not a title
_FIELD_LINE = re.compile(r"^[A-Z][\w ]{2,30}:\s*\d|^\d{1,2}/\d{1,2}/\d{4}\s*[-–—]")
_ENDS_MID_SENTENCE = re.compile(
    r"\b(?:the|a|an|of|and|or|to|for|with|by|that|were|was|is|are|be|in|on|at|as|from|which|"
    r"who|would|will|had|has|have|their|its|this|these)$",
    re.IGNORECASE,
)


def _title_alone(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 20
        and text.count(",") < 3  # "Mayor Hale, Deputy Mayor Irwin, Councillors Kerr, …"
        and not _ENDS_MID_SENTENCE.search(text)
        and not text.rstrip(" -–—").endswith((".", ":", ";", ",", "|", "?"))
        and (text[0].isupper() or text[0].isdigit())
        and not _NIL.match(text)
        and not SECTION_LABEL.match(text)
        and trigger_tail(text) is None
        and not re.match(r"^(?:That|To|There|It|In|The\s+\w+\s+(?:was|were|had|noted))\b", text)
        and not list_start(text)
        and not _is_chrome(text)
        and not (ATTENDANCE_LABEL.match(text) and not re.match(r"(?i)apolog|substitut", text))
        # "Apologies: K Dalgleish, T Ballantyne": the list itself, not a heading
        and not re.match(r"(?i)apologies(?:\s+for\s+absence)?\s*:\s*\S", text)
        and not MOTION_HEADING.match(text)
        and not _FIELD_LINE.match(text)
        and not re.match(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", text)
        # "Board of Commissioners Minutes March 9, 2027 Page 1": a page's foot
        and not _PAGE_AT_END.search(text)
    )


_PAGE_AT_END = re.compile(r"\bPage\s+\d{1,4}$")


def _meeting_item(line: Line) -> str | None:
    match = meeting_line(line.text)
    return match["item"] if match and match["item"] else None


def _page_headings(lines: list[Line], *, agenda_items: bool) -> list[Heading]:
    """One item per "Agenda item" line (or per "Meeting: … (Item N)" line): the next line
    that is not blank and not a "Meeting:" line holds its title."""
    headings: list[Heading] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        opens = _agenda_item(line.text) if agenda_items else _meeting_item(line)
        if not opens or line.blank:
            index += 1
            continue
        number = _meeting_item(line)
        title_index = index + 1
        while title_index < len(lines) and (
            lines[title_index].blank
            or meeting_line(lines[title_index].text)
            or _agenda_item(lines[title_index].text)
        ):
            number = number or _meeting_item(lines[title_index])
            title_index += 1
        if title_index >= len(lines):
            break
        stated, title = split_title(lines[title_index].text)
        if headings and headings[-1].title_line >= index:
            index += 1
            continue
        headings.append(Heading(index, title_index, stated or number, title))
        index = title_index + 1
    return headings


# ---- the document's own numbering scheme ------------------------------------------------
#
# Councils number agenda items in many ways: "12.", "12", "35/20", "Minute 45/23", "*450",
# "C/152", "AM119", "F01:04/24", alone on a line above the title or at the start of it.
# Every line that could open an item is a candidate; candidates are grouped by the shape of
# their number ("99/99", "C/999", "9."), and the shape whose candidates form the best
# increasing, nearly consecutive sequence is taken as the document's scheme. Numbered
# paragraphs, resolution clauses and quoted minute numbers inside an item then fall out:
# they have another shape, or they break the sequence.

_PREFIX = r"(?i:(?:agenda\s+)?item\s+(?:no\.?\s*)?|minute\s+(?:no\.?\s*)?|min\.?\s+(?:no\.?\s*)?)?"
_NUMBER = (
    r"(?P<number>\d{2}/\d{2}/\d{2,3}(?![/\d])"  # 16/05/05: year, month, minute
    r"|\*?\d{1,6}[a-z]?(?:/\d{2,4})?"  # 12  12a  *450  35/20  107/2020
    r"|[A-Z]{1,3}\d{0,3}:\d{2}/\d{2}"  # F01:04/24
    r"|[A-Z]{1,4}/\d{1,4}(?:/\d{2,4})?"  # C/152  CAB/25/61  PCP/23/45
    r"|[A-Z]{2,3}\d{3,5}"  # AM119
    r"|[A-Z]{2,4}[ .]\d{1,4}(?![\d/])"  # HWB 23  HWB.23
    r"|[A-Z][A-Z&]{1,5}\s?\d{2}/\d{2}-\d{1,4}"  # O&SC 24/25-41: body, municipal year, minute
    r"|[A-Z]{2,3}\d{1,2}(?![\d/])"  # EC1, EC12: a meeting's own letters and the minute
    r"|[IVX]{1,5}(?=\.))"  # I.  II.  IX.: numerals, with their stop
)
_ROMAN_NUMBER = re.compile(r"[IVX]{1,5}")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman_value(numeral: str) -> int:
    total = 0
    for position, letter in enumerate(numeral):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[numeral[position + 1]] if position + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


NUMBER_ALONE = re.compile(rf"^(?:#{{1,6}}\s*)?{_PREFIX}{_NUMBER}(?P<punct>[.:)]?)$")
NUMBER_THEN_TITLE = re.compile(
    rf"^(?:#{{1,6}}\s*)?{_PREFIX}{_NUMBER}(?P<punct>[.:)]|\s*[-–—])?(?:[\s\u00a0]*\|)?[\s\u00a0]+(?P<title>\S.*)$"
)
# (a stop before a lettered part, "Planning. (a) The Council considered …", ends the title too)
_TITLE_STOP = re.compile(
    r"[:;]\s+(?=\S)|\s[-–—]\s+(?=[A-Z])|(?<=[a-z0-9)])\.\s+(?=[A-Z]|\([a-z]\)\s)"
)
_SENTENCE_OPENERS = frozenset(
    [
        "The",
        "It",
        "A",
        "An",
        "Cllr",
        "Cllrs",
        "Councillor",
        "Councillors",
        "Members",
        "Apologies",
        "Resolved",
        "RESOLVED",
        "There",
        "This",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "He",
        "She",
        "They",
        "Following",
        "Proposed",
        "Moved",
    ]
)
_NIL = re.compile(r"^(?:nil|none|n/?a|no\s+items?|not\s+applicable)\.?$", re.IGNORECASE)


@dataclass(slots=True)
class _Candidate:
    line: int
    title_line: int
    number: str
    title: str
    shape: str
    key: tuple[int, ...]
    quality: float
    body_start: int | None = None
    weak: bool = False  # an agenda-style title ("To declare …") that a list clause also has


def _shape(number: str, punct: str, prefixed: bool) -> str:
    # "*233" marks a key decision or call-in: the same scheme as "232"; "IV." as "II."
    # After "Agenda Item", the word marks the scheme: a typist's "Item 5:" and "ITEM 6 –"
    # are one scheme
    if prefixed:
        punct = ""
    if _ROMAN_NUMBER.fullmatch(number):
        return ("P" if prefixed else "") + "R" + punct
    return ("P" if prefixed else "") + re.sub(r"\d+", "9", number.lstrip("*")) + punct


def _key(number: str) -> tuple[int, ...]:
    if _ROMAN_NUMBER.fullmatch(number):
        return (_roman_value(number),)
    return tuple(int(group) for group in re.findall(r"\d+", number)) or (0,)


def _candidates(lines: list[Line], dense: bool) -> list[_Candidate]:
    found: list[_Candidate] = []
    for index, line in enumerate(lines):
        text = line.text
        if not text or not (text[0].isalnum() or text[0] in "*#"):
            continue
        alone = NUMBER_ALONE.match(text)
        if alone:
            candidate = _alone_candidate(lines, index, alone)
            if candidate:
                found.append(candidate)
            continue
        numbered = NUMBER_THEN_TITLE.match(text)
        if numbered:
            candidate = _inline_candidate(lines, index, numbered, dense)
            if candidate:
                found.append(candidate)
    return found


def _alone_candidate(lines: list[Line], index: int, match: re.Match[str]) -> _Candidate | None:
    """A number on a line of its own, its title on the next line that is not blank."""
    title_index = index + 1
    while title_index < len(lines) and lines[title_index].blank:
        title_index += 1
    if title_index >= len(lines) or title_index - index > 4:
        return None
    title_text = lines[title_index].text
    if NUMBER_ALONE.match(title_text):
        return None
    if list_start(title_text) or BULLET_START.match(title_text):
        # "1." above "• Moved by: …": an item the minutes give no title
        number = match["number"]
        return _Candidate(
            index, index, number, "", _shape(number, match["punct"], False), _key(number), 0.9
        )
    title = split_title(title_text)[1]
    if not title or len(title) > 250 or _NIL.match(title) or trigger_tail(title) is not None:
        return None
    if _wrapped_on(lines, title_index):
        title = f"{title} {lines[title_index + 1].text}"  # a long title wrapped to the next line
    quality = 1.3
    if _FILE_SIZE.search(title_text):
        quality += 0.5
    if _label_follows(lines, title_index):
        quality += 0.5
    number = match["number"]
    prefixed = bool(re.match(r"^\W*[A-Za-z]", match.group(0))) and not number[0].isalpha()
    return _Candidate(
        index,
        title_index,
        number,
        title,
        _shape(number, match["punct"], prefixed),
        _key(number),
        quality,
    )


def _wrapped_on(lines: list[Line], index: int) -> bool:
    """A title line that reached the page's width and goes on in a few words on the next line
    ("… – Leisure Centres" / "Management Contract Review"), not a label or sentence."""
    text = lines[index].text
    if len(text) < 60 or text.endswith((".", ":", ";", ",")) or index + 1 >= len(lines):
        return False
    following = lines[index + 1].text
    return (
        bool(following)
        and len(following.split()) <= 8
        and ":" not in following
        and not following.endswith(".")
        and NUMBER_ALONE.match(following) is None
        and NUMBER_THEN_TITLE.match(following) is None
        and trigger_tail(following) is None
    )


# A title that is only a member of the public's name: business is titled by its subject,
# so a numbered "Mr. Sam Irwin" is an entry in a list of speakers or questioners
_PERSON_ONLY = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:[A-Z][\w'’-]*\.?\s*){1,3}$")


def _inline_candidate(
    lines: list[Line], index: int, match: re.Match[str], dense: bool
) -> _Candidate | None:
    """A number and its title on one line, the item's text perhaps following on it."""
    raw_title = _FILE_SIZE.sub("", match["title"]).strip().rstrip(" |")
    table_row = _table_cut(raw_title)
    if table_row is not None:
        # "1 | APOLOGIES FOR ABSENCE To receive … Minutes: …": the row's title only
        title, rest = table_row
    else:
        title, rest = _title_and_rest(raw_title)
    title = _without_agenda_ref(_WHO_IN_BRACKETS.sub("", title) or title)
    if _PERSON_ONLY.match(title):
        return None  # "1. Mr. Sam Irwin – spoke about …": a list of speakers, not business
    distinctive = bool(re.search(r"[A-Za-z/:]", match["number"].lstrip("*")))
    agenda_style = bool(re.match(r"^To\s+[A-Za-z]", title)) and len(title.split()) <= 25
    weak = False
    if (distinctive or agenda_style) and not _title_ok(title) and title[:1].isupper():
        # "F01:02/25 Receive apologies …", "4 To declare any interests."
        if len(title.split()) > 40:
            return None
        title = title.rstrip(" .")
        weak = not distinctive
    elif not _title_ok(title):
        return None
    line = lines[index]
    quality = 1.0
    if _FILE_SIZE.search(line.text) or title.isupper():
        quality += 0.5
    if _label_follows(lines, index):
        quality += 0.5
    if not rest and not _stands_apart(lines, index, dense):
        quality -= 0.6
    if rest:
        quality -= 0.2
    if weak:
        quality -= 0.3
    title = _caps_continued(lines, index, title)
    following = lines[index + 1] if index + 1 < len(lines) else None
    if (
        not rest
        and not title.isupper()  # (a title in capitals has gone on already, if it does)
        and following is not None
        and not following.text.startswith("(")  # "(Key decision – FP/2026/114)": a note
        and _hangs_under(lines[index], title, following)
        and len(following.text.split()) <= 14
        and not following.text.endswith(".")
    ):
        # "PFCP/34   His Majesty's Inspectorate …:" over "          Wyvernshire … Response"
        title = f"{title} {following.text}"
    heading_line = index
    if _sentence_start(title) == 0:
        # "4 The minutes of … were approved:-": the paragraph's first sentence, not a title;
        # the item's title, if any, is the margin heading above it
        rest = f"{title} {rest}".strip()
        margin = _margin_heading(lines, index)
        heading_line = index if margin is None else margin
        title = "" if margin is None else lines[margin].text.rstrip(".")
    body_start = None
    if rest:
        position = line.raw.find(rest[:20])
        body_start = line.start + position if position >= 0 else None
    number = match["number"]
    prefixed = bool(re.match(r"^\W*[A-Za-z]", match.group(0))) and not number[0].isalpha()
    punct = (match["punct"] or "").strip(" -–—") or ("-" if match["punct"] else "")
    return _Candidate(
        heading_line,
        index,
        number,
        title.rstrip(":").strip(),
        _shape(number, punct, prefixed),
        _key(number),
        quality,
        body_start,
        weak,
    )


def _row_title(text: str, *, agenda_alone: bool) -> str | None:
    """The title heading a flattened row "Title To receive … Minutes: …": the words before
    an inline label or file size, then before the agenda's own words. None for a row with no
    label or file size (unless ``agenda_alone``, when agenda words alone will do)."""
    cuts = [m.start() for m in (_INLINE_LABEL.search(text), _FILE_SIZE_ANYWHERE.search(text)) if m]
    head = text[: min(cuts)] if cuts else text
    agenda = _AGENDA_TEXT.search(head)
    if not cuts and not (agenda_alone and agenda):
        return None
    title = head[: agenda.start()] if agenda else head
    return _FILE_SIZE_ANYWHERE.sub("", title).strip(" :|") or None


def _table_cut(text: str) -> tuple[str, str] | None:
    """(title, rest) of a flattened row holding a label or a file size after its title."""
    title = _row_title(text, agenda_alone=False)
    if title is None:
        return None
    return title, text[len(title) :].strip()


def _caps_continued(lines: list[Line], index: int, title: str) -> str:
    """A heading in capitals wrapped over lines: "1. OPENING" / "MEETING"."""
    if not title.isupper():
        return title
    for following_line in lines[index + 1 : index + 4]:
        following = _without_agenda_ref(following_line.text)
        if not (
            following.isupper()
            and len(following.split()) <= 14
            and not re.search(r"[.:;]$", following)
            and not NUMBER_THEN_TITLE.match(following)
            and not NUMBER_ALONE.match(following)
            and not TRIGGER.match(following)
        ):
            break
        title = f"{title} {following}"
    return title


# "Members Present Councillors: A Hale B Irwin", "Apologies Councillors Hale,": an
# attendance title, then its list of names on the same line, opened by a plural honorific
_ATTENDANCE_THEN_NAMES = re.compile(
    r"^(?P<title>(?:Members\s+)?Present|Apologies(?:\s+for\s+Absence)?|(?:In\s+)?Attendance)"
    r"\s*[:–—-]?\s+(?P<rest>(?:Councill?ors|Cllrs\.?)\b.*)$",
    re.IGNORECASE,
)


def _title_and_rest(text: str) -> tuple[str, str]:
    """Split "Apologies: Cllr A sent apologies." into the title and the item's first words;
    a sentence run on after the title ("Matters Arising The Clerk reported that …") is the
    item's, and a heading that is all sentence ("4 The minutes of … were approved:-") has
    no title on its line."""
    title, rest = _split_title_line(text)
    start = _sentence_start(title)
    if not start:
        return title, rest  # (all sentence: the caller looks for the title elsewhere)
    return title[:start].rstrip(" :–—-"), f"{title[start:]} {rest}".strip()


# A finite verb in the past, or "was"/"has", with the sentence going on in lower case after
_VERB = re.compile(r"^(?:was|were|had|has|have|[a-z]{3,}ed)$")
_ARTICLE = frozenset(["The", "A", "An"])
# a verb that plainly tells what happened: "were submitted", "referred to", "reported that"
_PLAIN_VERB = re.compile(
    r"^(?:(?:was|were|had|has|have)\s|[a-z]+ed\s+(?:to|that|the|a|an|his|her|their)$)"
)
_HONORIFIC_WORD = re.compile(r"^(?:Councill?ors?|Cllrs?\.?|Mr|Mrs|Ms|Miss|Dr|[A-Z]\.?)$")


def _sentence_start(title: str) -> int | None:
    """Where a sentence begins inside a title line: its subject ("The Chairman", "Apologies
    for absence", "Councillor A Hale") before a verb that goes on in lower case; None if
    there is none. A subject with no article must be written in sentence case, so that
    "Items referred from Cabinet" or "Questions submitted by Members" stay titles."""
    words = list(re.finditer(r"\S+", title))
    texts = [w.group(0) for w in words]
    for v in range(1, min(len(texts) - 1, 16)):
        if not _VERB.match(texts[v]) or not texts[v + 1][:1].islower():
            continue
        if title[: words[v].start()].count("(") > title[: words[v].start()].count(")"):
            continue  # "(minimum of three required but …)": a note in brackets, not a sentence
        # the nearest word in capitals before the verb opens the subject
        k = next((i for i in range(v - 1, max(-1, v - 9), -1) if texts[i][:1].isupper()), None)
        if k is None:
            return None
        start = k
        # "The Lord Provost", "Councillor A Hale": back over the name to its article or title
        back = start
        while back > 0 and texts[back - 1][:1].isupper() and back > k - 3:
            back -= 1
            if texts[back] in _ARTICLE or _HONORIFIC_WORD.match(texts[back]):
                start = back
        if _HONORIFIC_WORD.match(texts[start]) and not texts[start + 1][:1].isupper():
            return None  # "Co-option of Councillors required …": no one named
        if texts[start] not in _ARTICLE and not _HONORIFIC_WORD.match(texts[start]):
            between = texts[start + 1 : v]
            if start == 0 or not between or not all(t.isalpha() and t.islower() for t in between):
                return None  # "Items referred from Cabinet": a title, not a sentence
        if len(texts) - start < 5:
            return None
        if start == 0 and (
            texts[0] not in _ARTICLE or v > 8 or not _PLAIN_VERB.match(f"{texts[v]} {texts[v + 1]}")
        ):
            continue  # "The Mayor's Appeal launched in May": a title may open with "The"
        return words[start].start()
    return None


def _runs_as_prose(words: str) -> bool:
    """Words of a sentence running on ("Cllr Hale declared a personal interest in"), half of
    them in lower case, not a title's ("Estate Agent Sales Board")."""
    split = words.split()
    return len(split) >= 6 and 2 * sum(1 for word in split if word[:1].islower()) >= len(split)


def _title_cased(words: str) -> bool:
    """Most words capitalised, as a title is set (small words aside)."""
    split = words.split()
    return 10 * sum(1 for word in split if word[:1].isupper()) >= 6 * len(split)


def _split_title_line(text: str) -> tuple[str, str]:
    listed = _ATTENDANCE_THEN_NAMES.match(text)
    if listed:
        return listed["title"], listed["rest"]
    for stop in _TITLE_STOP.finditer(text):
        title, rest = text[: stop.start()].strip(), text[stop.end() :].strip()
        if stop.group(0).startswith(".") and re.search(r"\b(?:Mr|Mrs|Ms|Dr|St|Cllr|No)$", title):
            continue  # "1. Mr. Sam Irwin – …": an abbreviation, not a sentence's end
        if not title or len(title.split()) > 18:
            break
        # "Policy - Call-in" is one title; "Apologies: Cllr A sent his apologies." is not
        sentence = (
            rest.endswith((".", "!", "?", ".)"))
            # (a long title's second part is set in title case: "Learning Estate – Proposed
            # Statutory Consultation on a Shared Campus for Harlaw and Eastfield Schools")
            or (len(rest.split()) > 12 and not _title_cased(rest))
            or _runs_as_prose(rest)  # a printer's line cut mid-sentence
        )
        if stop.group(0).startswith(".") or (sentence and len(rest.split()) >= 3):
            return title, rest
    words = text.split()
    if len(words) > 14:
        for position in range(2, 14):
            if words[position] in ("Proposed", "Moved") and words[position + 1] not in (
                "by",
                "by:",
            ):
                continue  # "… – Proposed Statutory Consultation": a title's word, no mover
            if words[position] in _SENTENCE_OPENERS and not words[position - 1].endswith(
                ("of", "and", "the", "for", "to")
            ):
                title = " ".join(words[:position])
                return title, text[len(title) :].strip()
    return text, ""


def _label_follows(lines: list[Line], index: int) -> bool:
    """A "Minutes:" or "Decision:" label (or a decision) within the next few lines."""
    seen = 0
    for line in lines[index + 1 :]:
        if line.blank:
            continue
        if SECTION_LABEL.match(line.text):
            return True
        seen += 1
        if seen >= 4:
            return False
    return False


def _best_scheme(candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates of the shape whose best increasing chain scores highest."""
    by_shape: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        by_shape.setdefault(candidate.shape, []).append(candidate)
    best_chain: list[_Candidate] = []
    best_score = 0.0
    for group in by_shape.values():
        _strip_common_suffix(group)
        chain, score = _chain(group)
        if score > best_score:
            best_chain, best_score = chain, score
    if len(best_chain) == 1 and best_chain[0].quality < 1.5:
        return []
    weak = sum(1 for c in best_chain if c.weak)
    if weak and len(best_chain) - weak < 2 and len(best_chain) < 4:
        return []  # "2. To review …", "3. To agree …": clauses of a recommendation, not items
    return best_chain


def _strip_common_suffix(group: list[_Candidate]) -> None:
    """ "AM119", "AM219", "AM319": item 1, 2, 3 of the year 19."""
    firsts = [str(c.key[0]) for c in group]
    if len(group) >= 2 and all(len(f) >= 3 for f in firsts) and len({f[-2:] for f in firsts}) == 1:
        for candidate in group:
            candidate.key = (int(str(candidate.key[0])[:-2]), *candidate.key[1:])


_WINDOW = 300  # earlier candidates a candidate may follow: bounds the work on long documents


def _chain(group: list[_Candidate]) -> tuple[list[_Candidate], float]:
    score = [c.quality for c in group]
    previous: list[int | None] = [None] * len(group)
    for i, candidate in enumerate(group):
        for j in range(max(0, i - _WINDOW), i):
            before = group[j]
            if before.title_line >= candidate.line or not before.key < candidate.key:
                continue
            step = candidate.key[0] - before.key[0]
            if step == 0 and len(candidate.key) > 1:
                step = _minute_step(before.key, candidate.key)
            penalty = 0.0 if step == 1 else 0.6 if step == 0 else min(0.25 * (step - 1), 2.0)
            if score[j] - penalty + candidate.quality > score[i]:
                score[i] = score[j] - penalty + candidate.quality
                previous[i] = j
    if not group:
        return [], 0.0
    last = max(range(len(group)), key=lambda k: score[k])
    chain: list[_Candidate] = []
    cursor: int | None = last
    while cursor is not None:
        chain.append(group[cursor])
        cursor = previous[cursor]
    return chain[::-1], score[last]


def _minute_step(before: tuple[int, ...], after: tuple[int, ...]) -> int:
    """How far a number whose first part stayed moved on: the minute of "25/142" after
    "25/141" (year, minute); of "16/05/05" after "16/05/04" (year, month, minute) within a
    month, past which the minute counts again from 1."""
    if len(after) == 2 or len(before) == 2:
        return after[-1] - before[-1]
    if before[1] != after[1]:
        return 1 if after[2] <= 1 else after[2]
    return after[2] - before[2]


def _numbered_headings(lines: list[Line], dense: bool) -> list[Heading]:
    candidates = _without_contents(lines, _candidates(lines, dense))
    scheme = _best_scheme(candidates)
    if len(scheme) < 2 and len(dotted := _dotted_scheme(lines)) >= _DOTTED_AT_LEAST:
        # "1.1 Vote of Sympathy", "2.1 Minutes of …": items numbered within the agenda's
        # sections, with no heading of the section's own
        return [Heading(c.line, c.title_line, c.number, c.title, c.body_start) for c in dotted]
    chain = _fill_gaps(lines, scheme, dense)
    chain = _section_items(lines, chain, candidates)
    return [Heading(c.line, c.title_line, c.number, c.title, c.body_start) for c in chain]


# A section of the agenda, not an item: "7 Reports" (or an unnumbered "Reports - Policy and
# Strategy") over "7.1 Quarterly Budget Review" / "7.2 …", each a heading alone on its line
# with its own minutes below. There the "7.1" headings are the items. A heading with words
# of its own before its "6.1 …" paragraphs ("Matters arising … 6.1 Translation service - the
# service is …") keeps them as its own.
_DOTTED = re.compile(
    r"^(?:Item\s+)?(?P<number>\d{1,3}\.\d{1,2})\.?(?:[\s\u00a0]+(?P<title>\S.*))?$", re.I
)


_BACK_REFERENCE = re.compile(r"^(?:Minutes?|Min\.?|Item)\s+(?:No\.?\s*)?\d", re.IGNORECASE)


def _dotted_candidates(lines: list[Line]) -> list[_Candidate]:
    """ "7.1 Quarterly Budget Review" alone on its line, or "7.1" above its title."""
    found: list[_Candidate] = []
    for index, line in enumerate(lines):
        text = line.text
        if not (text[:1].isdigit() and "." in text[:4]) and text[:5].lower() != "item ":
            continue
        match = _DOTTED.match(text)
        if match is None:
            continue
        title_index = index
        title = match["title"]
        if title is None:
            title_index = next(
                (i for i in range(index + 1, min(index + 4, len(lines))) if not lines[i].blank),
                -1,
            )
            if title_index < 0:
                continue
            title = lines[title_index].text
        following = lines[title_index + 1] if title_index + 1 < len(lines) else None
        hanging = following is not None and (
            _hangs_under(lines[title_index], title, following)
            or _ends_title(lines, title_index + 1)
        )
        if (
            following is not None
            and not following.blank
            and (hanging or re.search(r"[,&–-]$|\b(?:and|of|the|for|to)$", title))
            and len(following.text.split()) <= (14 if hanging else 8)
        ):
            title = f"{title} {following.text}"  # a title the printer wrapped
        title = _FILE_SIZE.sub("", title).strip()
        if (
            not _title_ok(title)
            or _title_and_rest(title)[1]
            or (_runs_on(lines, title_index) and not hanging)
            or _stopped_sentence(title)
        ):
            # "6.1 Translation service - the service is …", or a long line going on in the
            # next ("1.1 Apologies for absence were received from …" cut by the printer):
            # a paragraph
            continue
        if _BACK_REFERENCE.match(title):
            continue  # "4.1 Minute 6 - Annual Report": a matter arising from earlier minutes
        number = match["number"]
        found.append(_Candidate(index, title_index, number, title, "9.9", _key(number), 1.0))
    return found


def _ends_title(lines: list[Line], index: int) -> bool:
    """A title's last words on a line of their own, a blank line after them: "Infection
    Report" under "Item 3.1 … / Healthcare Associated" (a paragraph runs on, or stops)."""
    text = lines[index].text
    return (
        # "… Consultation" / "on the Remote and Rural Workforce Framework"
        (
            text[:1].isupper()
            or (text[:1].islower() and not _ENDS_SENTENCE.search(lines[index - 1].text))
        )
        and len(text.split()) <= 14
        and not re.search(r"[.:;,]$", text)
        and (index + 1 >= len(lines) or lines[index + 1].blank)
        and _DOTTED.match(text) is None
        and trigger_tail(text) is None
    )


def _hangs_under(line: Line, title: str, following: Line) -> bool:
    """ "Item 3.1    Infection Control / Healthcare Associated" over "            Infection
    Report": the next line set in under the title's first letter goes on with the title (a
    paragraph's next line starts at the margin)."""
    column = line.raw.find(title[:12])
    if column < 4 or following.blank or line.raw[:column].strip() == "":
        return False
    indent = len(following.raw) - len(following.raw.lstrip(" \t\u00a0"))
    return indent == column and "\t" not in following.raw[:indent]


# A printed volume's index or table of contents: its rows name the minutes and the pages
# they are on ("1. North Area Planning / North Area Planning Committee 1 - 5 of 12th May, 2027")
_CONTENTS_HEADER = re.compile(
    r"^(?:(?:Table\s+of\s+)?Contents|Index(?:\s+(?:for|to|of)\b.*)?|Page\s+Nos?\.?)$", re.I
)
_PAGE_REFERENCE = re.compile(
    r"\s\d{1,3}\s*[-–]\s*\d{1,3}(?:\s|$)(?!\s*[ap]\.?m)|\s\d{1,3}\s+of\s+\d{1,2}(?:st|nd|rd|th)?\s"
    r"|\s\d{1,3}$"
)
_CONTENTS_REACH = 60  # lines after the index's heading its rows may run to


def _without_contents(lines: list[Line], candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates, less the rows of an index that give the pages the minutes are on."""
    headers = [i for i, line in enumerate(lines) if _CONTENTS_HEADER.match(line.text)]
    if not headers:
        return candidates
    kept: list[_Candidate] = []
    for candidate in candidates:
        in_reach = any(0 < candidate.line - header <= _CONTENTS_REACH for header in headers)
        if in_reach and _gives_pages(lines, candidate.title_line):
            continue
        kept.append(candidate)
    return kept


def _gives_pages(lines: list[Line], index: int) -> bool:
    """A contents row: its line, or the line under it, names pages."""
    row = [lines[index].text]
    following = next((line for line in lines[index + 1 : index + 3] if not line.blank), None)
    if following is not None and not NUMBER_THEN_TITLE.match(following.text):
        row.append(following.text)
    return any(_PAGE_REFERENCE.search(text) for text in row)


_DOTTED_AT_LEAST = 3  # headings, in two sections at least


def _dotted_scheme(lines: list[Line]) -> list[_Candidate]:
    """The "N.M Title" headings in increasing order (N.M+1 or N+1.1 after N.M), where they
    span two sections at least: the document's own numbering of its items."""
    chain, _ = _chain(_dotted_candidates(lines))
    if len({candidate.key[0] for candidate in chain}) < 2:
        return []
    return chain


def _stopped_sentence(title: str) -> bool:
    """ "2.2 The Committee noted the presentation.": a short paragraph, its verb and its stop."""
    words = title.split()
    return title.endswith(".") and any(_VERB.match(word) for word in words[1:])


def _runs_on(lines: list[Line], index: int) -> bool:
    """A line as long as a printed line whose words go on in the next line: a paragraph."""
    if len(lines[index].text) < 60 or index + 1 >= len(lines):
        return False
    following = lines[index + 1].text
    return bool(following) and not following[:1].isdigit() and _DOTTED.match(following) is None


# "5a. Schools Block funding formula": an entry lettered under its section's number
_LETTERED = re.compile(r"^(?P<major>\d{1,3})(?P<letter>[a-h])[.)]?[ \t\u00a0]+(?P<title>[A-Z].*)$")


def _lettered_candidates(lines: list[Line]) -> list[_Candidate]:
    """ "5a. Title" headings, keyed (5, 1), (5, 2) … as "5.1", "5.2" are."""
    found: list[_Candidate] = []
    for index, line in enumerate(lines):
        text = line.text
        if not text[:1].isdigit():
            continue
        match = _LETTERED.match(text)
        if match is None or not _title_ok(match["title"]) or _title_and_rest(match["title"])[1]:
            continue
        number = f"{match['major']}{match['letter']}"
        key = (int(match["major"]), ord(match["letter"]) - ord("a") + 1)
        found.append(_Candidate(index, index, number, match["title"], "9a", key, 1.0))
    return found


def _section_items(
    lines: list[Line], chain: list[_Candidate], candidates: list[_Candidate]
) -> list[_Candidate]:
    if not chain or not all(_PLAIN_NUMBER.fullmatch(c.number) for c in chain):
        return chain
    subs: dict[int, list[_Candidate]] = {}
    for candidate in _dotted_candidates(lines) + _lettered_candidates(lines):
        subs.setdefault(candidate.key[0], []).append(candidate)
    if not subs:
        return chain
    result: list[_Candidate] = []
    tops = {c.key[0]: c for c in chain}
    for position, heading in enumerate(chain):
        end = chain[position + 1].line if position + 1 < len(chain) else len(lines)
        own = _increasing([c for c in subs.get(heading.key[0], []) if heading.line < c.line < end])
        if own and _bare_until(lines, heading.title_line + 1, own[0].line):
            # "7 Reports" above its "7.1", "7.2": the section's items, the first holding the
            # section's heading (which is no part of the item before)
            result += [dataclasses.replace(own[0], line=heading.line), *own[1:]]
        else:
            result.append(heading)
        # the next section's number missing from the chain ("Reports - Policy" unnumbered)
        following = heading.key[0] + 1
        if following not in tops:
            result += _increasing(
                [c for c in subs.get(following, []) if heading.title_line < c.line < end]
            )
    return result


def _increasing(group: list[_Candidate]) -> list[_Candidate]:
    """The sub-headings N.1, N.2, … in order from N.1 (one the page garbled may be missing)."""
    group = sorted(group, key=lambda c: c.line)
    taken: list[_Candidate] = []
    for candidate in group:
        if len(candidate.key) < 2:
            continue
        if (not taken and candidate.key[1] == 1) or (taken and candidate.key[1] > taken[-1].key[1]):
            taken.append(candidate)
    return taken


def _bare_until(lines: list[Line], start: int, stop: int) -> bool:
    """Nothing but blank lines and page chrome (a running head) in ``lines[start:stop]``."""
    return all(
        line.blank or _is_chrome(line.text) or _RUNNING_HEAD.search(line.text)
        for line in lines[start:stop]
    )


_RUNNING_HEAD = re.compile(r"\b(?:Minutes|Agenda)\s*$|^\S.{0,80}\s[-–—]\s.*\d{4}\b.*$")


# ---- item headings the scheme misses -------------------------------------------------
#
# The scheme is one shape of number, so an item heading written unlike its neighbours
# ("2 Budget." among "1." and "3.", "[2]", "2. budget") is not in it, and its words would be
# read as part of the item before. Where the sequence skips a number, the lines between
# are searched for that number written any way a heading is, under a looser test of its
# title: the neighbours on both sides vouch for it. Before the first heading and after the
# last there is one neighbour only, so there the title must pass the scheme's own test, or
# the number be written in the scheme's shape.

_ANY_NUMBERED = re.compile(
    r"^(?:#{1,6}\s*)?\[?\s*(?i:(?:agenda\s+)?item\s+(?:no\.?\s*)?|minute\s+(?:no\.?\s*)?)?"
    r"(?P<number>\*?\d{1,6}[a-z]?(?:/\d{2,4})?)\s*\]?(?P<punct>[.:)\]]|\s*[-–—])?\]?"
    r"(?:[\s\u00a0]+(?P<title>\S.*))?$"
)
_PLAIN_NUMBER = re.compile(r"\*?\d{1,6}(?:/\d{2,4})?")
_MAX_GAP = 20  # numbers a sequence may skip and still be looked for: past it, a jump


def _loose_title_ok(title: str) -> bool:
    """A title in lower case, in brackets or ending with a stop: a heading's words still."""
    words = title.split()
    if not words or len(title) > 250 or len(words) > 30:
        return False
    if not (title[0].isalnum() or title[0] in "'\"‘“([£$"):
        return False
    if title.endswith((",", ";")) or re.search(r"[.;:!?]\s", title):
        return False  # a sentence and more, or a clause of a list
    if title.endswith(".") and len(words) > 12:
        return False
    return not (_NOT_TITLE.match(title) or trigger_tail(title) is not None or _NIL.match(title))


def _any_numbered(
    lines: list[Line], index: int, dense: bool, strict: str | None, untitled: str | None = None
) -> _Candidate | None:
    """The line at ``index`` as an item heading numbered any way. ``strict``: the scheme's
    shape, which the number must have unless the title passes the scheme's own test.
    ``untitled``: the scheme's shape, a number of which may open an item with no title, its
    minutes on the number's line ("2 The Director intimated that …")."""
    line = lines[index]
    match = _ANY_NUMBERED.match(line.text)
    if match is None:
        return None
    number = match["number"]
    punct = (match["punct"] or "").strip(" -–—]") or ("-" if match["punct"] else "")
    shape = _shape(number, punct, prefixed=False)
    title_index, raw_title = index, match["title"]
    if raw_title is None:  # the number alone: its title on the next line with words
        following = range(index + 1, min(index + 5, len(lines)))
        title_index = next((i for i in following if not lines[i].blank), -1)
        if title_index < 0:
            return None
        raw_title = lines[title_index].text
    # a number alone has its title right below it: only the line above must be clear
    if not _stands_apart(lines, index, dense or title_index != index):
        return None
    raw_title = _FILE_SIZE.sub("", raw_title).strip().rstrip(" |")
    title, rest = _title_and_rest(raw_title) if title_index == index else (raw_title, "")
    title = _without_agenda_ref(_WHO_IN_BRACKETS.sub("", title) or title)
    if not _loose_title_ok(title):
        words = raw_title if title_index == index else None
        return _untitled(lines, index, number, shape, words, untitled)
    if strict is not None and shape != strict and not _title_ok(title):
        return None
    body_start = None
    if rest:
        position = line.raw.find(rest[:20])
        body_start = line.start + position if position >= 0 else None
    title = title.rstrip(":").strip()
    return _Candidate(index, title_index, number, title, shape, _key(number), 0.0, body_start)


# "The report was noted.", "Members agreed.": the last words of the item before, not a
# margin heading ("Minutes approved.", "Emergency motion dealt with.")
_MARGIN_NOT_HEADING = re.compile(
    r"^(?:The|It|This|They|He|She|Members|Councill?ors?|Cllrs?|There)\b"
    r"|\b(?:was|were|is|are|has|have|had|will|would|be)\b"
)


def _untitled(
    lines: list[Line], index: int, number: str, shape: str, words: str | None, untitled: str | None
) -> _Candidate | None:
    """A number in the scheme's shape opening a paragraph of minutes: an item whose title
    is the paragraph of its own just above ("Minutes approved." / "3 The minutes of …"),
    or that has none."""
    if untitled is None or shape != untitled or words is None:
        return None
    words = words.lstrip("| ")
    if not words[:1].isupper() or len(words.split()) < 4:
        return None
    line = lines[index]
    position = line.raw.find(words[:20])
    body_start = line.start + position if position >= 0 else None
    above = _margin_heading(lines, index)
    if above is not None:
        # the heading runs from the title to the number; the minutes follow the number
        title = lines[above].text.rstrip(".")
        return _Candidate(above, index, number, title, shape, _key(number), 0.0, body_start)
    return _Candidate(index, index, number, "", shape, _key(number), 0.0, body_start)


def _margin_heading(lines: list[Line], index: int) -> int | None:
    """The line of a margin heading ("Minutes approved.") standing alone as a paragraph just
    above the numbered paragraph at ``index``, if there is one."""
    above = index - 1
    if above < 2 or not lines[above].blank:
        return None
    above -= 1
    title = lines[above].text.rstrip(".")
    if (
        lines[above - 1].blank
        and len(title.split()) <= 8
        and lines[above].text.endswith(".")
        and _title_ok(title)
        and not ATTENDANCE_LABEL.match(title)
        and not _MARGIN_NOT_HEADING.search(title)
    ):
        return above
    return None


def _numbered_between(
    lines: list[Line],
    low: int,
    high: int,
    dense: bool,
    strict: str | None,
    untitled: str | None = None,
) -> list[_Candidate]:
    """Lines in ``lines[low:high]`` that read as item headings numbered any way."""
    found = []
    for index in range(max(low, 0), min(high, len(lines))):
        text = lines[index].text
        if text and (text[0].isdigit() or text[0] in "[*#iIMm"):
            candidate = _any_numbered(lines, index, dense, strict, untitled)
            if candidate is not None:
                found.append(candidate)
    return found


def _sequence_keys(before: _Candidate, after: _Candidate | None) -> range:
    """The first parts of the numbers the sequence skips between two headings."""
    if not _PLAIN_NUMBER.fullmatch(before.number):
        return range(0)
    if after is None:
        return range(before.key[0] + 1, before.key[0] + 1 + _MAX_GAP)
    if not _PLAIN_NUMBER.fullmatch(after.number) or before.key[1:] != after.key[1:]:
        return range(0)
    skipped = range(before.key[0] + 1, after.key[0])
    return skipped if len(skipped) <= _MAX_GAP else range(0)


def _pick(
    found: list[_Candidate], wanted: range, suffix: tuple[int, ...], *, last: bool
) -> list[_Candidate]:
    """One heading for each number of ``wanted`` in turn, in line order; the last line of
    each number where the neighbour is after them (the item's own text comes first)."""
    picked: list[_Candidate] = []
    numbers = list(wanted)
    bound = None  # line before (or after) which the next pick must fall
    for number in reversed(numbers) if last else numbers:
        matching = [
            c
            for c in found
            if c.key == (number, *suffix)
            and (bound is None or (c.title_line < bound if last else c.line > bound))
        ]
        if not matching:
            if last:
                continue
            break  # after the last heading, the sequence goes on only while it is unbroken
        choice = matching[-1] if last else matching[0]
        picked.append(choice)
        bound = choice.line if last else choice.title_line
    return picked[::-1] if last else picked


def _fill_gaps(lines: list[Line], chain: list[_Candidate], dense: bool) -> list[_Candidate]:
    if not chain:
        return chain
    strict = chain[0].shape
    filled: list[_Candidate] = []
    first = chain[0]
    if _PLAIN_NUMBER.fullmatch(first.number) and first.key[0] > 1:
        # "1. apologies" above a first heading numbered 2
        earlier = _numbered_between(lines, 0, first.line, dense, strict, strict)
        filled += _pick(earlier, range(first.key[0] - 1, first.key[0]), first.key[1:], last=True)
    for before, after in itertools.pairwise(chain):
        filled.append(before)
        skipped = _sequence_keys(before, after)
        if skipped:
            between = _numbered_between(
                lines, before.title_line + 1, after.line, dense, None, strict
            )
            filled += _pick(between, skipped, before.key[1:], last=True)
    last = chain[-1]
    filled.append(last)
    following = _sequence_keys(last, None)
    if following:
        later = _numbered_between(lines, last.title_line + 1, len(lines), dense, strict)
        filled += _pick(later, following, last.key[1:], last=False)
    return filled


def unplaced_item_numbers(lines: list[Line], headings: list[Heading]) -> list[tuple[int, str, str]]:
    """Lines numbered as an item the sequence skips, left inside the item before:
    (line index, the number it seems to be, the number of the item it was read in)."""
    found: list[tuple[int, str, str]] = []
    numbered = [h for h in headings if h.number and _PLAIN_NUMBER.fullmatch(h.number)]
    for before, after in itertools.pairwise(numbered):
        assert before.number is not None and after.number is not None
        low, high = _key(before.number), _key(after.number)
        if low[1:] != high[1:] or not 1 < high[0] - low[0] <= _MAX_GAP + 1:
            continue
        for index in range(before.title_line + 1, after.line):
            match = _ANY_NUMBERED.match(lines[index].text)
            if match is None:
                continue
            key = _key(match["number"])
            if low[0] < key[0] < high[0] and key[1:] == low[1:]:
                found.append((index, match["number"].lstrip("*"), before.number))
    return found


def _stands_apart(lines: list[Line], index: int, dense: bool) -> bool:
    """A heading has a blank line or the end of a sentence before it, and a blank line or a
    section label ("Minutes:") after it; dense text has no blank lines to go by."""
    before = lines[index - 1] if index > 0 else None
    after = lines[index + 1] if index + 1 < len(lines) else None
    open_before = before is None or before.blank or bool(_ENDS_SENTENCE.search(before.text))
    if dense:
        return open_before
    clear_after = (
        after is None
        or after.blank
        or bool(SECTION_LABEL.match(after.text))
        or bool(TRIGGER.match(after.text))
    )
    return open_before and clear_after


BULLET_START = re.compile(r"^[·•▪◦●‣∙]")


def list_start(text: str) -> bool:
    return bool(re.match(r"^(?:\(?[a-z]{1,4}\)|[·•▪◦●‣∙*–—-]\s)", text))


_NOT_TITLE = re.compile(r"^(?:That|the|a|an|and|or|to|of|in|on|per|pm|am|p\.m|a\.m)\b")


def _title_ok(title: str) -> bool:
    title = title.strip()
    # a heading in capitals may run long: "MEMBERS' INTERESTS AND CHANGES TO THE REGISTER …"
    limit = 30 if re.sub(r"\([^)]*\)?$", "", title).isupper() else 18
    # a title in two languages, "Aithisg Bhliadhnail / Annual Report": each as long as one
    longest = (
        max(len(side.split()) for side in title.split(" / "))
        if " / " in title
        else len(title.split())
    )
    if not title or len(title) > 250 or longest > limit:
        return False
    if not (title[0].isupper() or title[0].isdigit() or title[0] in "'\"‘“("):
        return False
    if title.endswith((",", ";")):
        return False
    if title.endswith(".") and not title.endswith("etc."):
        # "Matters arising." is a heading; a longer sentence is not
        words = title.split()
        if len(words) > 8 or re.search(r"[.;:!?]\s", title) or _NOT_TITLE.match(title):
            return False
    # "Decisions taken outside the meeting cycle" is a title; "RESOLVED – that …" is not
    return not (_NOT_TITLE.match(title) or trigger_tail(title) is not None)
