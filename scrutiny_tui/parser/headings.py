"""Where agenda items begin: ModernGov "Agenda item" pages, "Meeting: … (Item 41)" lines,
and numbered item headings ("41. Apologies for absence", "35/20 Budget", "*450 Call-in")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrutiny_tui.parser.blocks import Line
from scrutiny_tui.parser.decisions import TRIGGER
from scrutiny_tui.parser.meeting import MEETING_LINE

AGENDA_ITEM = re.compile(r"^(?:.*[-–—:]\s*)?Agenda\s+item\s*$", re.IGNORECASE)
NUMBERED = re.compile(
    r"^(?:#{1,6}\s*)?(?:Item\s+)?(?P<number>\*?\d{1,4}[a-z]?(?:/\d{2,4})?)"
    r"(?:\.|:|\s+[-–—]|\))?[\s\u00a0]+(?P<title>\S.*)$",
    re.IGNORECASE,
)
_FILE_SIZE = re.compile(r"\s+(?:PDF|DOCX?|XLSX?|HTML?)\s+\d+(?:\.\d+)?\s*[KMG]B\s*$", re.IGNORECASE)
_ITEM_IN_TITLE = re.compile(r"\s*\((?:Agenda\s+)?Item\s+(?P<number>[\w/.*]+)\)\s*$", re.IGNORECASE)
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


def split_title(text: str) -> tuple[str | None, str]:
    """(number, title) from a title line: "63 Title PDF 85 KB", "Title (Agenda Item 4)"."""
    text = _FILE_SIZE.sub("", text).strip()
    number = None
    in_title = _ITEM_IN_TITLE.search(text)
    if in_title:
        number, text = in_title["number"], text[: in_title.start()].strip()
    numbered = NUMBERED.match(text)
    if numbered and _title_ok(numbered["title"]):
        return numbered["number"], numbered["title"].strip().rstrip(":")
    return number, text.lstrip("# ").rstrip(":").strip()


def find_headings(lines: list[Line], dense: bool) -> list[Heading]:
    if any(AGENDA_ITEM.match(line.text) for line in lines):
        return _page_headings(lines, AGENDA_ITEM)
    if any(_meeting_item(line) for line in lines):
        return _page_headings(lines, None)
    return _numbered_headings(lines, dense)


def _meeting_item(line: Line) -> str | None:
    match = MEETING_LINE.match(line.text)
    return match["item"] if match and match["item"] else None


def _page_headings(lines: list[Line], marker: re.Pattern[str] | None) -> list[Heading]:
    """One item per "Agenda item" line (or per "Meeting: … (Item N)" line): the next line
    that is not blank and not a "Meeting:" line holds its title."""
    headings: list[Heading] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        opens = marker.match(line.text) if marker else _meeting_item(line)
        if not opens or line.blank:
            index += 1
            continue
        number = _meeting_item(line)
        title_index = index + 1
        while title_index < len(lines) and (
            lines[title_index].blank
            or MEETING_LINE.match(lines[title_index].text)
            or AGENDA_ITEM.match(lines[title_index].text)
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


def _numbered_headings(lines: list[Line], dense: bool) -> list[Heading]:
    headings: list[Heading] = []
    last_key: int | None = None
    for index, line in enumerate(lines):
        match = NUMBERED.match(line.text)
        if not match or not _title_ok(_FILE_SIZE.sub("", match["title"])):
            continue
        key = number_key(match["number"])
        if last_key is not None and key <= last_key:
            continue
        if not (_stands_apart(lines, index, dense) or _FILE_SIZE.search(line.text)):
            continue
        number, title = split_title(line.text)
        headings.append(Heading(index, index, number, title))
        last_key = key
    return headings


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


def number_key(number: str) -> int:
    digits = re.match(r"\*?(\d+)", number)
    return int(digits.group(1)) if digits else 0


_NOT_TITLE = re.compile(r"^(?:That|the|a|an|and|or|to|of|in|on|per|pm|am|p\.m|a\.m)\b")


def _title_ok(title: str) -> bool:
    title = title.strip()
    if not title or len(title) > 150 or len(title.split()) > 18:
        return False
    if not (title[0].isupper() or title[0].isdigit() or title[0] in "'\"‘“("):
        return False
    if title.endswith((".", ",", ";")) and not title.endswith("etc."):
        return False
    return not (_NOT_TITLE.match(title) or TRIGGER.match(title))
