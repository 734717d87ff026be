"""Page chrome: the words a committee website or a PDF viewer prints around the minutes.

ModernGov pages (used by most UK councils) open with "Agenda and minutes", "Venue: …",
"Contact: …", "Items" and "No. Item"; single-item pages with "Issue - meetings" or "Agenda
item"; printed minutes carry running heads and page numbers. None of it is ever an agenda
item's title, a committee or a person.
"""

from __future__ import annotations

import re

PAGE_CHROME = re.compile(
    r"^(?:Issue\s*-\s*(?:meetings|decisions)|Agenda\s+item|Council\s+meetings|"
    r"Decisions(?:\s+published)?|Decision\s+details|Agenda(?:,\s*decisions)?\s+and\s+(?:draft\s+)?minutes|"
    r"Agendas?,\s+reports\s+and\s+minutes|Items|(?:Note\s+)?No\.?\s*\|?\s*Item(?:\s*\|)*|Media|"
    r"Meeting\s+documents|Skip\s+to\s+(?:main\s+)?content|Loading\.*|Venue\s*:.*|Contact\s*:.*|"
    r"Link\s*:.*|Related\s+Documents\s*:?|Earlier\s*-\s*Later|Additional\s+documents\s*:?|"
    r"Supporting\s+documents\s*:?|View\s+directions|How\s+can\s+we\s+help\s+you.*|Modern\.gov\b.*|"
    r"Print\s+this\s+page|Home|Committee\s+Minutes|Open\s+Minutes|Minutes|Draft|Minute\s+No\.?|"
    r"(?:Page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?|Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|"
    r"agenda\s+for\s+these\s+minutes|Use\s+the\s+below\s+search\s+options.*|"
    r"Alternatively\s+you\s+can\s+visit.*|"
    # a document-sharing site's viewer: "Total Page:9", "File Type:pdf, Size:640Kb"
    r"Total\s+Pages?\s*:\s*\d+|File\s+Type\s*:.*|Load\s+more|"
    # a page printed from a web browser (below)
    r"(?:https?://|www\.)\S+(?:\s+\d{1,3}/\d{1,3})?|"
    r"\d{1,2}/\d{1,2}/\d{2,4},\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?\s+\S.*|"
    # the file's own name, as the viewer heads the page with it
    r"[^\s/]\S*(?:\s+\S+){0,12}\.(?:pdf|docx?|html?)|[|\s-]+)$",
    re.IGNORECASE,
)


def is_chrome(text: str) -> bool:
    """True for a line (whitespace collapsed) that is page furniture, not minutes."""
    return bool(PAGE_CHROME.match(text))


# What a web browser prints at each page's foot and head: the address and the page count
# ("https://democracy.example.gov.uk/… 2/5"), the date, time and page's title ("20/11/2026,
# 10:14 Decisions - Cabinet …"). A page break there may cut a sentence in two.
_BROWSER_PRINT = re.compile(
    r"^(?:(?:https?://|www\.)\S+\s+\d{1,3}/\d{1,3}"
    r"|\d{1,2}/\d{1,2}/\d{2,4},\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?\s+\S.*)$"
)


def is_browser_print(text: str) -> bool:
    """True for a browser's page foot or head (whitespace collapsed)."""
    if text[:1].isdigit():
        # "20/11/2026, 10:14 …": the date's comma and the time's colon come first
        return "," in text[6:12] and ":" in text[9:18] and bool(_BROWSER_PRINT.match(text))
    return text[:4] in ("http", "www.") and bool(_BROWSER_PRINT.match(text))
