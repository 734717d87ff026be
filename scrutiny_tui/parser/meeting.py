"""Meeting-level facts stated in the text: council, committee, date, and the attendance lists."""

from __future__ import annotations

import re
from typing import Any

from scrutiny_tui.parser.dates import find_date

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_BODY_WORDS = (
    r"(?i:Committee|Sub-Committee|Board|Panel|Cabinet|Council|Commission|Forum|Executive|"
    r"Group|Scrutiny|Assembly|Authority)"
)
# "Housing Scrutiny Panel - Monday, 3rd February, 2020 6.00 pm"
BODY_DASH_DATE = re.compile(
    rf"^(?P<body>[^\n]{{0,120}}?{_BODY_WORDS}[^\n]{{0,40}}?)\s*[-–—]\s*(?P<date>{_WEEKDAY}?,?\s*"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4})(?P<rest>.*)$"
)
# "Meeting: 12/03/2019 - Scrutiny Board (Environment) (Item 41)"
MEETING_LINE = re.compile(
    r"^(?:Meeting|Made\s+at\s+meeting|Decided\s+at\s+meeting):\s*(?P<date>[^-–—]+?)\s*[-–—]\s*"
    r"(?P<body>.+?)(?:\s*\(Item\s+(?P<item>[\w/.*]+)\))?$",
    re.IGNORECASE,
)
_MEETING_LINE_FIRST = "MmDd"  # the pattern's first letter, case-blind


def meeting_line(text: str) -> re.Match[str] | None:
    """``MEETING_LINE.match(text)``, the first letter tried before the pattern: it is asked
    of every line, several times, and few lines are "Meeting:" lines."""
    if text[:1] not in _MEETING_LINE_FIRST:
        return None
    return MEETING_LINE.match(text)


# "Decision Maker: Cabinet Member for Highways" on the page of a decision taken outside a meeting
DECISION_MAKER = re.compile(
    # (not a listing's filter: "Decision maker: All decision makers")
    r"^Decision\s+maker\s*:\s*(?!All\b)(?P<maker>\S.*)$",
    re.IGNORECASE,
)
# A decision page's "12/05/2025 - Parks Strategy - Revised Consultation Plan"
DATED_TITLE = re.compile(r"^(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*[-–—]\s*(?P<title>.+)$")
# the word a body's own name ends in ("… Scrutiny Committee"); a council's is read as a council
_BODY_ENDS = (
    r"(?:Committee|Sub-Committee|Panel|Board|Cabinet|Commission|Forum|Executive|Authority"
    r"|Assembly|Group)"
)
_UNNAMED_COUNCIL = re.compile(
    r"^(?:(?:Parish|Town|Community|City|County|District|Borough|Full)\s+)?Council$", re.I
)
_BODY_AT_END = re.compile(rf"(?:{_BODY_ENDS}|Council)$", re.IGNORECASE)
# "MINUTES of a meeting of the Children's Services Scrutiny Committee held on 8 May 2019 at ...",
# and in Scotland "MINUTE of MEETING of the … held …" (the Scottish councils' word for a
# meeting's record is "Minute": "Minute of Previous Meeting", "Minute of the Meeting held on …")
MINUTES_OF = re.compile(
    # (a task group's record of a meeting may be its "notes")
    r"^(?:Draft\s+)?(?:Minutes?|Notes)\s+of\s+(?:(?:the\s+)?proceedings\s+of\s+)?(?:the\s+|a\s+|an\s+)?"
    r"(?:(?P<before>(?:[\w'&-]+\s+){0,5}?)meeting\s+(?:of\s+(?:the\s+)?(?P<body>.+?)\s+)?"
    # "MINUTES of the OVERVIEW AND SCRUTINY COMMITTEE held on …": the body, no "meeting"
    rf"|(?P<named>(?:[\w'&(),-]+\s+){{0,8}}?{_BODY_ENDS})\s+(?=held\b))"
    r"(?:held\b(?:[^.]{0,40}?\b(?:on|at|in)\b)?(?P<rest>.*)$|$)",
    re.IGNORECASE,
)
COUNCIL_LINE = re.compile(
    r"^(?:(?:London|Royal|Metropolitan)\s+Borough\s+of\s+[A-Z][\w' -]+|City\s+of\s+[A-Z][\w' -]+"
    r"|(?:The\s+)?(?:Township|Town|Municipality|Village|County|District)\s+of\s+[A-Z][\w' -]+"
    r"(?:\s+Council)?|[A-Z][\w'.& -]{1,60}?\s+(?:County|City|Borough|District|Metropolitan"
    r"(?:\s+Borough)?|Town|Parish|Combined)\s+Council|[A-Z][\w'& -]{1,40}\s+Council"
    # a mayoral combined authority or a national park authority: a body with committees
    # of its own, as a council is
    r"|[A-Z][\w'& -]{1,40}\s+(?:Combined|National\s+Park)\s+Authority)$",
    re.IGNORECASE,
)
# "OVERVIEW AND SCRUTINY COMMITTEE" on a line of its own at the head of the minutes
BODY_LINE = re.compile(
    r"^(?:[A-Z][\w'’&(),-]*\s+(?:(?:and|of|for|the|&)\s+)?){0,8}"
    r"(?i:Committee|Sub-Committee|Panel|Board|Commission|Forum|Cabinet|Executive|Authority"
    # "CLIMATE EMERGENCY MEMBER WORKING GROUP", "Town Centre Task and Finish Group"
    r"|Group)$"
)
_SMALL_WORDS = {"and", "of", "for", "the", "on", "in"}
_NOT_COUNCIL = re.compile(
    r"\b(?:meeting|minutes|held|report|agenda)\b"
    # "ASHVALE BOROUGH COUNCIL AND BRINDLE DISTRICT COUNCIL": two councils' joint body's page
    r"|\bcouncil\s+(?:and|&)\s.*\bcouncil$",
    re.IGNORECASE,
)


# "Full Council", "City Council": the meeting of a council whose name is given elsewhere
_COUNCIL_AS_BODY = re.compile(
    r"^(?:the\s+)?(?:Full|City|Town|Ordinary|Special|Extraordinary)\s+Council$", re.IGNORECASE
)


_MINUTES_DASH = re.compile(
    r"^(?:Draft\s+)?(?:Minutes|Decision\s+Notice|Record\s+of\s+Decisions?)\s*[-–—:]\s*",
    re.IGNORECASE,
)
# "Audit Panel Meeting Minutes", "NHS Barsay Board – Minute": the record's name after the body's
_MINUTES_TAIL = re.compile(
    r"\s+(?:(?:Meeting|Notes)\s+)?Minutes$|\s*[-–—]\s*(?:Draft\s+|Approved\s+)?(?:Minutes?|Notes)$",
    re.IGNORECASE,
)


# "Minutes of the meeting held on 3 May were agreed.": the line's first sentence records a
# decision (a flattened page runs on into later sentences that do not count)
_RECORDS_A_DECISION = re.compile(r"^[^.]*?\b(?:were|was|be)\s+(?:\w+\s+)?\w+ed\b[^.]*(?:\.|$)")


# "the Full Brandon Town Council": the full council of the town named
_FULL = re.compile(r"^(?:the\s+)?Full\s+(?=\S+\s+\S)", re.IGNORECASE)


def without_record_words(body: str) -> str:
    """ "Audit Panel Meeting Minutes" → "Audit Panel": the panel met; the rest names the
    record."""
    return _MINUTES_TAIL.sub("", body) or body


def _council_or_body(name: str, date: str | None = None, *, met: bool = False) -> dict[str, Any]:
    """A council's name: the council a page belongs to, or, where a heading says it ``met``
    ("Minutes of a meeting of Ashcombe Parish Council held …", "Ashcombe Parish Council -
    Thursday, 3 July 2025"), also the body that met: the Council (its full meeting)."""
    if _COUNCIL_AS_BODY.match(name):
        return _facts(body=_council_name(name), date=date)
    if not met:
        return _facts(council=_council_name(name), date=date)
    full = _FULL.match(name)
    return _facts(
        council=_council_name(name[full.end() :] if full else name),
        body="Full Council" if full else "Council",
        date=date,
    )


def heading_facts(line: str) -> dict[str, Any]:
    """Council, body, date and item number stated by one line of a page or minutes heading."""
    if line[:1] == "#":
        line = line.lstrip("#").strip()  # a Markdown heading: "# Orchard Panel - 3 March 2025"
    meeting = meeting_line(line)
    if meeting:
        return _facts(body=meeting["body"], date=find_date(meeting["date"]), item=meeting["item"])
    maker = DECISION_MAKER.match(line)
    if maker:  # "Decision Maker: Cabinet Member for Highways": who decided, outside a meeting
        return _facts(body=maker["maker"].rstrip(" ."))
    dated_title = DATED_TITLE.match(line)
    if dated_title:
        return _facts(date=find_date(dated_title["date"]))
    dated = BODY_DASH_DATE.match(line)
    if dated and find_date(dated["date"]):
        body = _MINUTES_DASH.sub("", dated["body"].strip())  # "Minutes - Full Council - 5 May …"
        body = without_record_words(body)
        if COUNCIL_LINE.match(body) and not _NOT_COUNCIL.search(body):
            # "Westvale Council - Thursday, 6 March 2025": the council itself met
            return _council_or_body(body, find_date(dated["date"]), met=True)
        return _facts(body=body, date=find_date(dated["date"]))
    minutes = MINUTES_OF.match(line)
    if minutes and _RECORDS_A_DECISION.match(line):
        minutes = None  # "Minutes of the meeting held on 3 May were agreed.": another meeting
    if minutes:
        body = (minutes["body"] or minutes["named"] or "").strip()
        before = (minutes["before"] or "").strip()
        if not body and _BODY_AT_END.search(before):
            # "Minutes of the Parish Council Meeting held on …": the council, not named here
            if _UNNAMED_COUNCIL.match(before):
                return _facts(body="Council", date=find_date(minutes["rest"] or ""))
            body = before
        if body and COUNCIL_LINE.match(body) and not _NOT_COUNCIL.search(body):
            # "Minutes of a meeting of Ashcombe Parish Council held on …": the council met
            return _council_or_body(body, find_date(minutes["rest"] or ""), met=True)
        return _facts(body=_quiet(body), date=find_date(minutes["rest"] or ""))
    # "Glasgow City Council." heads some councils' minutes, stopped as a sentence is
    name = line[:-1] if line.endswith("l.") else line
    if len(name) <= 80 and COUNCIL_LINE.match(name) and not _NOT_COUNCIL.search(name):
        return _council_or_body(name)
    return {}


# "Council Meeting Minutes", "Minutes Ordinary Council Meeting", "Regular Council Meeting":
# a heading naming a meeting of the council itself
_COUNCIL_MEETING = re.compile(
    r"^(?:Minutes\s+(?:of\s+(?:the\s+)?)?)?(?:(?:Ordinary|Regular|Special|Extraordinary|"
    r"Annual|Monthly)\s+)?(?:(?:City|Town|County|Borough|District|Parish|Village)\s+)?"
    r"Council\s+Meeting(?:\s+Minutes)?$",
    re.IGNORECASE,
)


def body_line(line: str) -> str | None:
    """The committee a heading line names by itself ("OVERVIEW AND SCRUTINY COMMITTEE"), or
    the Council where the line names a meeting of the council ("Council Meeting Minutes")."""
    if line[:1] == "#":
        line = line.lstrip("#").strip()  # "# Health and Wellbeing Board": Markdown's heading
    if len(line) <= 60 and _COUNCIL_MEETING.match(line):
        return "Council"
    if len(line) > 80 or not BODY_LINE.match(line) or _NOT_COUNCIL.search(line):
        return None
    return _quiet(line)


def _quiet(name: str) -> str:
    """A body's name in title case where it is shouted ("THE COUNCIL" → "The Council")."""
    if not name.isupper():
        return name
    words = [
        word.lower() if word.lower() in _SMALL_WORDS else _capitalise(word) for word in name.split()
    ]
    return " ".join(words)


def _capitalise(word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-"))


def _facts(**facts: str | None) -> dict[str, Any]:
    return {key: value.strip() for key, value in facts.items() if value}


def _council_name(line: str) -> str:
    """Title case for shouted names ("LONDON BOROUGH OF BROMLEY"), as written otherwise."""
    if line.isupper():
        return " ".join(
            word if word in {"OF"} else word.capitalize() for word in line.split()
        ).replace(" OF ", " of ")
    return line.strip()


ATTENDANCE_LABEL = re.compile(
    # (bilingual minutes give the label in the other language first: "YN BRESENNOL / PRESENT:")
    r"^(?:[A-ZÀ-ÞŴŶ][A-ZÀ-ÞŴŶ'’ ]{2,40}\s?/\s?)?(?P<label>(?:(?:(?:Non-)?Voting\s+Members|"
    r"(?:Executive|Cabinet|Board)\s+Members|Members|Councill?ors|Council\s*members|Other\s+Members"
    r"|Council\s+Employees|Officers|Officials|Staff|Members\s+of\s+the\s+Public"
    # a US board's members by their office: "Commissioners present:", "Trustees Present:"
    r"|Commissioners|Trustees|Supervisors|Aldermen|Selectmen)\s+)?Present"
    r"|(?:Council\s*members|Members|Councill?ors)\s+Absent"
    r"|In\s+attendance|Also\s+(?:present|in\s+attendance|attending)|Officials\s+in\s+attendance"
    r"|Attending|Officers(?:\s+(?:attending|in\s+attendance))?"
    r"|In\s+the\s+Chair|Presiding|Sederunt|Other\s+Members"
    r"|Attendees|Apologies(?:\s+for\s+absence)?|Substitutes?|Substitute\s+Members?|Observers?"
    # "Members:      Councillor M Ellwood (Chair)": a hearing's panel, by its label alone
    r"|Members(?=\s*:)|Co-opted(?:\s+Members?)?(?=\s*:)"
    # an Australian council's "Attendance" lists: "Councillors:  Cr A Hale (Mayor)"; a
    # panel's "Staff:" who attend
    r"|Councill?ors(?=\s*:)|Staff(?=\s*:)"
    r"|(?:Supporting|Attending|Other)\s+Officers)"
    # "In attendance (LA officers):": who they are, in brackets before the colon
    r"(?:[ \t]*\([^()\n]{1,40}\))?"
    r"(?:\s*[:–—-]+\s*|[ \t\u00a0]*(?:\r?\n\s*|$)"
    # a printed form's label column, the names beside it with no colon: "Presiding P McLean",
    # "Officers Present J A Hale (Chief Executive)"
    r"|[ \t\u00a0]+(?=(?:[A-Z]\.?[ \t\u00a0]){1,3}[A-Z][a-z]"
    r"|(?-i:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\b))",
    re.IGNORECASE,
)
_NAMES = r"(?P<names>.+?)\.?$"
# "That the apology received from Cr A Hale be accepted and leave granted": the names end
# where the decision about them begins
_NAMES_THEN_ACCEPTED = (
    r"(?P<names>.+?)(?:\s+(?:be|were|was|are|is)\s+(?:duly\s+)?"
    r"(?:accepted|noted|approved|received|recorded)\b.*)?\.?$"
)
APOLOGIES_FROM = re.compile(
    # (not "Apologies for lateness were received from …": a member who came, late)
    r"\bapolog(?:y|ies)(?:\s+for\s+(?:absence|non-attendance)(?:\s+at\s+the\s+meeting)?)?\s+"
    r"(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+)?(?:\w+\s+and\s+)?"
    r"(?:received|submitted|given|made|tendered|intimated|accepted|recorded|noted|reported)\s+"
    r"(?:and\s+\w+\s+)?(?:on\s+behalf\s+of|from|by|for)\s*:?\s*"
    + _NAMES_THEN_ACCEPTED
    + r"|\bthe\s+apologies\s+of\s+"
    + _NAMES_THEN_ACCEPTED.replace("names", "names2"),
    re.IGNORECASE | re.DOTALL,
)
# "Cllr. A Hale sent his apologies.", "Councillors Irwin and Kerr had sent their apologies."
SENT_APOLOGIES = re.compile(
    r"(?P<names>(?:Councillors?|Cllrs?\.?|Mr|Mrs|Ms|Miss|Dr)\s+[^.;:\n]{1,80}?)\s+(?:had\s+)?"
    r"(?:sent|gave|tendered|offered)\s+(?:his|her|their)?\s*apolog(?:y|ies)\b(?!\s+from)",
)
SUBSTITUTE_FOR = re.compile(
    r"(?P<names>(?:Councillor|Cllr\.?)\s+[^,;\n]{1,60}?)\s+(?:attended|was\s+present|substituted)\s+"
    r"(?:as\s+(?:a\s+)?substitute\s+)?for\b",
    re.IGNORECASE,
)


def attendance_kind(label: str, *, body_is_council: bool = False) -> str:
    """ "present", "apologies", "substitutes", or "attending" for officers, staff, the public
    and members who are not on the body ("Also present", "Other Members"), kept apart."""
    lowered = " ".join(label.lower().split())
    if lowered.endswith("members present") and not lowered.startswith("other"):
        return "present"  # "Executive Members present", "Non-voting members present"
    if lowered.startswith("apolog") or lowered.endswith(" absent"):
        return "apologies"  # "Councilmembers Absent: … (excused)": away, as a member
    if lowered.startswith("substitut"):
        return "substitutes"
    if lowered.startswith("other members") and body_is_council:
        return "present"  # at a meeting of the council itself its other members are members
    if lowered.startswith("co-opted"):
        return "present"  # the committee's co-opted members sit on it
    if lowered in {
        "present",
        "members",
        "members present",
        "voting members present",
        "non-voting members present",
        "councillors present",
        "attendees",
        "councilors present",
        "councilmembers present",
        "council members present",
        "in the chair",
        "presiding",
        "sederunt",
        "councillors",
        "councilors",
        "commissioners present",
        "trustees present",
        "supervisors present",
        "aldermen present",
        "selectmen present",
    }:
        return "present"
    return "attending"


# "to agree the minutes of the meeting of the Licensing Panel held on …", "minutes of the
# last meeting of Cabinet on …": minutes that confirm the body's own last
# meeting name the body that meets
_OWN_BODY = (
    rf"[A-Z][\w'’&-]*(?:[ \t]+(?:and|of|for|&|[A-Z][\w'’&-]*)){{0,8}}?[ \t]+{_BODY_WORDS}"
    r"|Cabinet|Executive"
)
_OWN_MINUTES = re.compile(
    r"\b(?i:minutes\s+of\s+the\s+(?:last\s+|previous\s+)?meeting\s+of\s+(?:the\s+)?)"
    rf"(?P<body>{_OWN_BODY})(?:[ \t]+meeting)?[ \t]+(?:held[ \t]+)?on\b"
    # "the minutes of the last Harbour Board meeting held on …", "the minutes of the 3rd June,
    # 2025 Harbour Board be approved": the body named before "meeting", or after the date
    r"|\b(?i:minutes\s+of\s+the\s+(?:last\s+|previous\s+)?)"
    r"(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+,?[ \t]+\d{4}[ \t]+)?"
    rf"(?P<named>{_OWN_BODY})[ \t]+(?:meeting[ \t]+held[ \t]+on\b|(?i:be|were|was)[ \t]+"
    r"(?i:approved|agreed|confirmed|signed|accepted))"
)
_GENERIC_BODY = re.compile(
    r"^(?:Committee|Sub-Committee|Board|Panel|Council|Commission|Forum|Group|Scrutiny|Assembly"
    r"|Authority)$",
    re.IGNORECASE,
)


def body_from_own_minutes(text: str) -> str | None:
    """The body whose earlier minutes the meeting confirms, when the text names just one
    ("the minutes of the meeting of the Harbour Board held on 3 June"); None when it names
    none, only a bare "Committee", or a council (a parish's own heading), or several."""
    found: set[str] = set()
    for match in _OWN_MINUTES.finditer(text):
        body = " ".join((match["body"] or match["named"]).split())
        if _GENERIC_BODY.match(body) or COUNCIL_LINE.match(body):
            continue
        found.add(body)
    return found.pop() if len(found) == 1 else None


# The body that decided, named where its decisions are recorded: a lead-in line of its own
# ("RESOLVED – / The Scrutiny Board (Children and Families): / a) noted …") or the opening
# of the minutes' account ("The Cabinet considered the report …").
def _named_body(group: str) -> str:
    return (
        rf"(?P<{group}>(?:[A-Z][\w'’&-]*[ \t]+(?:(?:and|of|for|&)[ \t]+)?){{0,8}}{_BODY_WORDS}"
        r"(?:[ \t]+\([A-Z][^()\n]{1,80}\))?)"
    )


_DECIDING_BODY = re.compile(
    rf"^[ \t]*The[ \t]+{_named_body('lead_in')}[ \t]*:[ \t]*$"
    rf"|(?:^|(?<=[.!?][ \t]))The[ \t]+{_named_body('actor')}[ \t]+(?:considered|received|"
    r"resolved|agreed|decided|noted|discussed|heard|debated|was[ \t]+(?:asked|informed|advised)"
    # "The Harbour Board is asked to note …": the body the agenda puts its business to
    r"|is[ \t]+(?:asked|invited|recommended)[ \t]+to)\b"
    # "Decision: That the Harbour Board formally receives and notes …": the body deciding
    rf"|(?:^|(?<=[.!?:][ \t]))That[ \t]+the[ \t]+{_named_body('that')}[ \t]+(?:formally[ \t]+)?"
    r"(?:receives|notes|agrees|approves|endorses|accepts|supports|welcomes|requests)\b"
    # "Council noted the report.", "Cabinet approves …": the full council or the cabinet,
    # named with no article as a body's own minutes name it
    r"|(?:^|(?<=[.!?][ \t]))(?P<bare>Council|Cabinet|Executive)[ \t]+(?:considered|received|"
    r"resolved|agreed|decided|noted|approved|approves|agrees|notes|resolves|endorsed|endorses"
    r"|had[ \t]+before[ \t]+it)\b"
    # "… the next item delegated to this Harbour and Coast Committee": the body speaking
    rf"|\bthis[ \t]+{_named_body('this')}",
    re.MULTILINE,
)


def body_from_decisions(text: str) -> str | None:
    """The body whose decisions the text records, when it names just one ("The Cabinet
    considered …"; "The Scrutiny Board (Children and Families):" over its resolutions);
    None when it names none, only a bare "Committee", a council, or several."""
    found: set[str] = set()
    for match in _DECIDING_BODY.finditer(text):
        if match["bare"]:
            found.add(match["bare"])
            continue
        named = match["lead_in"] or match["actor"] or match["that"] or match["this"] or ""
        # "Scrutiny & Overview Committee" and "Scrutiny and Overview Committee": one body
        body = " ".join(named.replace(" & ", " and ").split())
        if not body or _GENERIC_BODY.match(body) or COUNCIL_LINE.match(body):
            continue
        found.add(body)
    return found.pop() if len(found) == 1 else None


# Attendance labels inside a long flattened line (a PDF's or a web archive's text run
# together): "… HAVERFORDWEST PRESENT: Cllr A Hale (Mayor) Cllr B Irwin APOLOGIES: …",
# "… on 8th March, 2021 Present Cllr. A Hale, Chair. …", "Council members present were …"
INLINE_ATTENDANCE = re.compile(
    # ("Officers Present J Hale …": a label of its own at the line's start, read there)
    r"(?<=\S)(?<!Officers)(?<!Staff)(?<!Employees)(?<!Members)[ \t\u00a0]+"
    r"(?P<label>PRESENT|APOLOGIES|ALSO[ \t]+PRESENT|IN[ \t]+ATTENDANCE"
    r"|(?:Also[ \t]+)?Present(?:[ \t]+were)?|(?:Council[ \t]+)?[Mm]embers[ \t]+present[ \t]+were"
    r"|Apologies(?:[ \t]+for[ \t]+absence)?|Also[ \t]+in[ \t]+attendance|In[ \t]+attendance)"
    r"(?:[ \t]*:-?[ \t]*|[ \t]+(?=[A-Z]))"
)
_INLINE_END = re.compile(
    r"(?<![\s.][A-Z])(?<!Cllr)(?<!Mrs)(?<!Mr|Ms|Dr|St)\.[ \t]+"
    r"(?!(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Mayor|[A-Z]\.)[ \t.:])(?=[A-Z][a-z]+[ \t])"
    r"|[ \t](?:The|This|Prior|It|Resolution|Moved|MOVED|Minutes|MINUTES)\b"
    r"|[ \t]\d+(?:\.\d+)*[ \t]+(?=[A-Z])"
)


def inline_attendance(line: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each attendance list a flattened line holds after its label."""
    labels = list(INLINE_ATTENDANCE.finditer(line))
    found: list[tuple[str, int, int]] = []
    for position, label in enumerate(labels):
        stop = labels[position + 1].start() if position + 1 < len(labels) else len(line)
        end = _INLINE_END.search(line, label.end(), stop)
        kind = attendance_kind(" ".join(label["label"].split()).removesuffix(" were"))
        if kind == "attending" and label["label"].lower().split()[0] in {"members", "council"}:
            kind = "present"  # "Council members present were …"
        found.append((kind, label.end(), end.start() if end else stop))
    return found
