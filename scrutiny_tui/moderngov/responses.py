"""ModernGov responses to dataclasses: the web service's XML and the HTML pages used when the
service is switched off. No network here: bytes or text in, :mod:`model` dataclasses out.

XML is read with defusedxml, so a hostile response cannot expand entities or fetch a DTD.
What sites really send: a single child is not wrapped in a list, titles are sometimes
entity-escaped twice (``Chair&amp;#39;s``), booleans are ``True``/``False``, numbers may be
padded with spaces, dates are ``dd/mm/yyyy``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urljoin, urlsplit
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from selectolax.lexbor import LexborHTMLParser, LexborNode

from scrutiny_tui.moderngov.errors import MalformedResponse
from scrutiny_tui.moderngov.model import (
    Attendee,
    Committee,
    LinkedDoc,
    Meeting,
    MeetingSummary,
    MinutesItem,
)

_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
_SPACES = re.compile(r"\s+")

# ---- small readers -------------------------------------------------------------------


def iso_date(value: str | None) -> str | None:
    """``dd/mm/yyyy`` (as ModernGov writes dates) to ``YYYY-MM-DD``; None if not a date."""
    match = _DMY.match(value or "")
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def clean_title(value: str | None) -> str:
    """A title with the second round of entity escaping undone and spaces collapsed."""
    text = value or ""
    for _ in range(2):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return _SPACES.sub(" ", text).strip()


def _text(parent: Element, tag: str) -> str | None:
    node = parent.find(tag)
    if node is None or node.text is None:
        return None
    value = node.text.strip()
    return value or None


def _raw(parent: Element, tag: str) -> str | None:
    """An element's text as sent (HTML bodies keep their own whitespace)."""
    node = parent.find(tag)
    if node is None or node.text is None or not node.text.strip():
        return None
    return node.text


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


def _bool(value: str | None) -> bool:
    return (value or "").strip().lower() in {"true", "1", "yes"}


def _parse(data: bytes | str, operation: str) -> Element:
    try:
        root: Element = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise MalformedResponse(f"{operation}: refused unsafe XML ({type(exc).__name__})") from exc
    except ParseError as exc:
        raise MalformedResponse(f"{operation}: malformed XML ({exc})") from exc
    return root


def _expect(root: Element, tag: str, operation: str) -> None:
    if root.tag.lower() != tag:
        raise MalformedResponse(f"{operation}: expected <{tag}>, got <{root.tag}>")


def _children(parent: Element, wrapper: str, tag: str) -> Iterator[Element]:
    """The ``tag`` children inside ``wrapper``, or directly under ``parent`` when a site
    leaves a lone child unwrapped."""
    found = False
    for box in parent.findall(wrapper):
        for child in box.findall(tag):
            found = True
            yield child
    if not found:
        yield from parent.findall(tag)


# ---- the web service -----------------------------------------------------------------


def parse_committees(data: bytes | str) -> list[Committee]:
    """GetCommittees: every committee the site lists (deleted and expired ones flagged)."""
    root = _parse(data, "GetCommittees")
    _expect(root, "committees", "GetCommittees")
    found = []
    for node in root.iter("committee"):
        committee_id = _int(_text(node, "committeeid"))
        title = clean_title(_text(node, "committeetitle"))
        if committee_id is None or not title:
            continue
        found.append(
            Committee(
                id=committee_id,
                title=title,
                deleted=_bool(_text(node, "committeedeleted")),
                expired=_bool(_text(node, "committeeexpired")),
                category=clean_title(_text(node, "committeecategory")) or None,
            )
        )
    return found


def parse_meetings(data: bytes | str) -> list[MeetingSummary]:
    """GetMeetings: the meetings of each committee in the response, in the site's order."""
    root = _parse(data, "GetMeetings")
    _expect(root, "getmeetings", "GetMeetings")
    found = []
    for committee in root.iter("committee"):
        committee_id = _int(_text(committee, "committeeid")) or 0
        title = clean_title(_text(committee, "committeetitle"))
        for node in _children(committee, "committeemeetings", "meeting"):
            meeting_id = _int(_text(node, "meetingid"))
            if meeting_id is None:
                continue
            found.append(
                MeetingSummary(
                    id=meeting_id,
                    committee_id=committee_id,
                    committee_title=title,
                    date=iso_date(_text(node, "meetingdate")),
                    status=_text(node, "meetingstatus"),
                    time=_text(node, "meetingtime"),
                )
            )
    return found


def _linked_docs(parent: Element) -> tuple[LinkedDoc, ...]:
    docs = []
    for node in _children(parent, "linkeddocuments", "linkeddoc"):
        url = _text(node, "url")
        if not url:
            continue
        docs.append(
            LinkedDoc(
                id=_int(_text(node, "attachmentid")),
                title=clean_title(_text(node, "title")),
                url=url,
                publication_date=iso_date(_text(node, "publicationdate")),
                owner_title=clean_title(_text(node, "ownertitle")) or None,
                restricted=_bool(_text(node, "isrestricted")),
            )
        )
    return tuple(docs)


def _item_number(node: Element) -> str | None:
    shown = _text(node, "fulldisplaynumberformat")
    if shown:
        return shown.rstrip(".").strip() or None
    number = _text(node, "minutesitemnumber") or _text(node, "agendaitemnumber")
    sub = _text(node, "minutesitemsubnumber") or _text(node, "agendaitemsubnumber")
    if number and sub:
        return f"{number}{sub}" if sub.isalpha() else f"{number}.{sub}"
    return number


def _agenda_item(node: Element) -> MinutesItem:
    restricted = _bool(_text(node, "isrestricted"))
    return MinutesItem(
        id=_int(_text(node, "agendaitemid")),
        number=_item_number(node),
        title=clean_title(_text(node, "agendaitemtitle")) or "(untitled item)",
        minutes_html=None if restricted else _raw(node, "minutesnonemptyhtmlbody"),
        agenda_html=None if restricted else _raw(node, "agendatext"),
        restricted=restricted,
        documents=_linked_docs(node),
    )


def _attendee(node: Element) -> Attendee | None:
    name = clean_title(node.get("name") or _text(node, "name"))
    if not name:
        return None
    return Attendee(
        name=name,
        role=clean_title(node.get("roledescription")) or None,
        attendance=(node.get("attendance") or "").strip() or None,
        member_id=_int(node.get("memberid")),
        party=(node.get("politicalparty") or "").strip() or None,
    )


def parse_meeting(data: bytes | str) -> Meeting:
    """GetMeeting: the meeting, its agenda items with their minutes, attendees and documents."""
    root = _parse(data, "GetMeeting")
    _expect(root, "meeting", "GetMeeting")
    meeting_id = _int(_text(root, "meetingid"))
    if meeting_id is None:
        raise MalformedResponse("GetMeeting: no <meetingid> (no such meeting?)")
    attendees = [_attendee(node) for node in _children(root, "attendees", "attendee")]
    return Meeting(
        id=meeting_id,
        date=iso_date(_text(root, "meetingdate")),
        status=_text(root, "meetingstatus"),
        location=clean_title(_text(root, "meetinglocation")) or None,
        minutes_published=_bool(_text(root, "minutepublished")),
        committee_title=clean_title(_text(root, "committeetitle")) or None,
        items=tuple(_agenda_item(n) for n in _children(root, "agendaitems", "agendaitem")),
        attendees=tuple(a for a in attendees if a is not None),
        documents=_linked_docs(root),
    )


# ---- the pages, when the web service is switched off ---------------------------------

_MGID = re.compile(r"(?:^|[?&])(?:ID|CId|CommitteeId)=(\d+)", re.IGNORECASE)
_WRITTEN_DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?[\s-]+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
    r"[,\s-]+(\d{4})\b",
    re.IGNORECASE,
)
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: n for n, m in enumerate(_MONTH_NAMES, 1)}
_MINUTES_LABEL = re.compile(r"^\s*minutes\s*:?\s*$", re.IGNORECASE)
_ITEM_NUMBER = re.compile(r"^\s*(\d+[a-z]?(?:\.\d+)*)\.?\s*$", re.IGNORECASE)


def written_date(text: str) -> str | None:
    """``10th February, 2026`` or ``10-Feb-2026`` to ISO; None if there is none."""
    match = _WRITTEN_DATE.search(text)
    if not match:
        return None
    day, month, year = int(match[1]), _MONTHS[match[2][:3].lower()], int(match[3])
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None


def _query(url: str) -> dict[str, str]:
    return {k.lower(): v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def looks_like_moderngov_page(page: str) -> bool:
    """Whether an HTML page is one of a ModernGov site's own."""
    lowered = page.lower()
    markers = (
        "mgwebservice",
        "modern.gov",
        "moderngov",
        "mgbreadcrumbs",
        "ielistdocuments",
        "mglistcommittees",
        "mgcommitteedetails",
        "ielistmeetings",
        "mgmain",
    )
    return any(marker in lowered for marker in markers)


def parse_committee_list_page(page: str) -> list[Committee]:
    """mgListCommittees.aspx: committees from their links."""
    tree = LexborHTMLParser(page)
    found: dict[int, Committee] = {}
    for link in tree.css("a[href]"):
        href = link.attributes.get("href") or ""
        if not re.search(r"mgCommitteeDetails\.aspx|ieListMeetings\.aspx", href, re.I):
            continue
        query = _query(href)
        committee_id = _int(query.get("id") or query.get("cid") or query.get("committeeid"))
        title = clean_title(link.text(deep=True))
        if committee_id is not None and title and committee_id not in found:
            found[committee_id] = Committee(id=committee_id, title=title)
    return list(found.values())


def parse_meeting_list_page(
    page: str, committee_id: int, committee_title: str
) -> list[MeetingSummary]:
    """ieListMeetings.aspx: the meetings of one committee, from their ieListDocuments links."""
    tree = LexborHTMLParser(page)
    found: dict[int, MeetingSummary] = {}
    for link in tree.css("a[href]"):
        href = link.attributes.get("href") or ""
        if "ielistdocuments.aspx" not in href.lower():
            continue
        meeting_id = _int(_query(href).get("mid"))
        if meeting_id is None or meeting_id in found:
            continue
        text = link.text(deep=True)
        status = "Cancelled" if "cancelled" in text.lower() else None
        found[meeting_id] = MeetingSummary(
            meeting_id, committee_id, committee_title, written_date(text), status
        )
    return list(found.values())


def _item_rows(tree: LexborHTMLParser) -> Iterator[LexborNode]:
    for table in tree.css("table.mgItemTable"):
        for row in table.css("tr"):
            if row.css_first("p.mgAiTitleTxt") is not None:
                yield row


def _minutes_after(label: LexborNode) -> list[str]:
    """The HTML after a "Minutes:" label up to the next sub-item label."""
    parts: list[str] = []
    node = label.next
    while node is not None:
        if node.tag == "p" and "mgSubItemTitleTxt" in (node.attributes.get("class") or ""):
            break
        if node.tag not in {"-text", "-comment"}:
            parts.append(node.html or "")
        node = node.next
    if not parts and label.parent is not None and label.parent.next is not None:
        sibling: LexborNode | None = label.parent.next  # label and text in separate wrappers
        while sibling is not None and sibling.tag in {"-text", "-comment"}:
            sibling = sibling.next
        if sibling is not None and sibling.css_first("p.mgSubItemTitleTxt") is None:
            parts.append(sibling.html or "")
    return parts


def _page_item(row: LexborNode, base_url: str) -> MinutesItem:
    number = None
    title = ""
    item_id = None
    for node in row.css("p.mgAiTitleTxt"):
        text = clean_title(node.text(deep=True))
        match = _ITEM_NUMBER.match(text)
        if match and number is None:
            number = match[1]
        elif text and not title:
            title = text
            link = node.css_first("a[href]")
            if link is not None:
                item_id = _int(_query(link.attributes.get("href") or "").get("id"))
    title_match = re.match(r"^(\d+[a-z]?)\.?\s+(.+)$", title)
    if number is None and title_match:
        number, title = title_match[1], title_match[2]
    minutes: list[str] = []
    for label in row.css("p.mgSubItemTitleTxt"):
        if _MINUTES_LABEL.match(label.text(deep=True)):
            minutes += _minutes_after(label)
    restricted = row.css_first(".mgRestrictedTxt, .mgExemptTxt") is not None
    docs = []
    for link in row.css("a[href]"):
        href = link.attributes.get("href") or ""
        if "mgconvert2pdf" in href.lower() or "/documents/" in href.lower():
            docs.append(LinkedDoc(None, clean_title(link.text(deep=True)), urljoin(base_url, href)))
    html_minutes = "\n".join(minutes).strip()
    return MinutesItem(
        id=item_id,
        number=number,
        title=title or "(untitled item)",
        minutes_html=None if restricted else (html_minutes or None),
        restricted=restricted,
        documents=tuple(docs),
    )


def parse_meeting_page(page: str, meeting_id: int, base_url: str) -> Meeting:
    """ieListDocuments.aspx: one meeting's items, their "Minutes:" text and its documents."""
    tree = LexborHTMLParser(page)
    if not looks_like_moderngov_page(page) and not tree.css("table.mgItemTable"):
        raise MalformedResponse("ieListDocuments.aspx: not a ModernGov meeting page")
    heading_text, committee = "", None
    subtitle = tree.css_first(".mgSubTitleTxt")
    title = tree.css_first("title")
    if subtitle is not None:
        heading_text = subtitle.text(deep=True)
        committee = clean_title(re.split(r"\s+-\s+", heading_text)[0]) or None
    elif title is not None:
        heading_text = title.text(deep=True)
        match = re.match(r"^\s*(?:Agenda|Minutes)[^,]*?\bfor\s+(.+?)\s+on\s+", heading_text)
        committee = clean_title(match[1]) if match else None
    items = tuple(_page_item(row, base_url) for row in _item_rows(tree))
    docs = []
    for link in tree.css("a[href]"):
        text = clean_title(link.text(deep=True))
        if text.lower().startswith("printed minutes"):
            docs.append(LinkedDoc(None, text, urljoin(base_url, link.attributes.get("href") or "")))
    status = "Cancelled" if "cancelled" in heading_text.lower() else None
    return Meeting(
        id=meeting_id,
        date=written_date(heading_text) or written_date(tree.body.text() if tree.body else ""),
        status=status,
        committee_title=committee,
        minutes_published=any(item.minutes_html for item in items) or bool(docs),
        items=items,
        documents=tuple(docs),
    )
