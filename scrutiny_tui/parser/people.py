"""People named in minutes: "Councillor Judith Blake, Executive Member, Children and Families",
"Cllr A Smith (Chairman)", "Nigel Richardson, Director of Children's Services", and lists such
as "Councillors Brown (Chair), Patel and O'Neill"."""

from __future__ import annotations

import itertools
import re

from scrutiny_tui.parser.model import Person, Span

HONORIFICS = (
    r"County\s+(?:Councill?ors?|Cllrs?\.?)|Councill?ors?|Cllrs?\.?|Council\s*[Mm]embers?|"
    # Australian and New Zealand minutes: "Cr A Hale", "Crs Hale and Irwin"
    r"Crs?|"
    # Welsh minutes print both: "Y Cynghorydd / Councillor", "Cynghorwyr / Councillors"
    r"(?:Y\s+Cynghorydd|Cynghorwyr)\s*/\s*Councill?ors?|"
    # a district's member co-opted to a county's committee: "Borough Councillor A Hale"
    r"(?:Borough|District|City|Town|Parish)\s+Councill?ors?|"
    r"Aldermen|Alderman|Mr|Mrs|Ms|Miss|"
    # a US county's board: "Commissioner Dale Pruett", "Supervisor Ana Ruiz"
    r"Commissioners?|Supervisors?|"
    r"Mx|Dr|Professor|Prof\.?|Sir|Dame|Lord|Lady|Rev(?:erend|\.)?|Canon"
    # police officers attend panels and boards by rank
    r"|(?:Chief\s+|Detective\s+)?(?:Superintendent|Inspector)|Sergeant|PCSO|PC"
)
# (a list typed in haste glues the name to the honorific's stop or colon: "Councillors:L Hale")
_HONORIFIC = re.compile(
    rf"^(?P<honorific>{HONORIFICS})(?:\.?:?(?=[\s\u00a0])|[.:](?=(?-i:[A-Z])))\s*", re.IGNORECASE
)
# letters with their accents and macrons ("Máire", "Rāwiri", "Łucja"): the Latin-1 and
# Latin Extended-A letters (the latter's cases alternate, so both classes hold the range)
_UP = "A-ZÀ-ÖØ-ÞĀ-ž"
_LOW = "a-zß-öø-ÿĀ-ž"
_NAME_WORD = (
    # "J.Willox": an initial's stop with no space after it
    rf"(?:(?:[{_UP}]\.){{1,3}}[{_UP}][{_LOW}]+|(?:[{_UP}]\.){{2,3}}|[{_UP}][{_LOW}]*\.?|[{_UP}]\."
    rf"|[{_UP}][{_LOW}]*['’-][{_UP}]?[{_LOW}]+|Mc[{_UP}][{_LOW}]+|Mac[{_UP}][{_LOW}]+"
    rf"|[{_UP}]{{2,}})"
)
# "Lisa van der Berg", "Jan de Vries": lower-case particles between the names
_NAME_PARTICLE = r"(?:van|von|de|da|der|den|ter|le|la|du|del|di|bin|al)"
_NAME = re.compile(
    rf"^{_NAME_WORD}(?:[\s\u00a0]+(?:{_NAME_PARTICLE}[\s\u00a0]+){{0,2}}{_NAME_WORD}){{0,4}}$"
)
_ROLE_IN_BRACKETS = re.compile(
    r"^(?P<name>.+?)\s*\((?P<role>[^()]*(?:\([^()]*\)[^()]*)*)\)$", re.DOTALL
)
_NOT_NAMES = re.compile(
    r"^(?:The|This|That|It|Members?|Officers?|Chair(?:man)?|Vice|Director|Head|Chief|Executive|"
    r"Deputy|Assistant|Council|Committee|Board|Panel|Cabinet|Apologies|None|Also|Present|In|"
    r"For|Item|Report|Minutes|Children|Families|Services?|Health|Public|Adult|Care|Social|"
    r"Education|Housing|Finance|Policy|Partnership|Development|Support|Business|Strategic|"
    r"Corporate|Portfolio|Lead|Senior|Manager|Team|Scrutiny|Resources|Environment|Councillors|"
    r"Cllrs|Aldermen|Staff|Clerk|Town|Parish|District|County|City|"
    # a department after the post: "Mr C Devane, Senior Executive Officer, Property Management"
    r"Property|Planning|Legal|Democratic|Highways|Transport|Estates|Regeneration|Economic|"
    r"Human\s+Resources|Revenues|Procurement|Governance|Internal\s+Audit|Customer)\b"
)
_OFFICE_BEFORE_NAME = re.compile(
    r"^(?:The\s+)?(?:Right\s+Worshipful\s+)?(?:The\s+)?(?:(?:Lord|Deputy|Lady|Vice|Acting)\s+)?"
    r"(?:Mayor(?:\s+Pro\s+Tem(?:pore)?)?|Provost|Chair(?:man|person)?|Convener|Leader|Cathaoirleach)"
    r"\b\s*",
    re.IGNORECASE,
)
# "S", "N.J": initials with no name, as "Hale, S; Irwin, N.J" lists print them after the surname
_BARE_INITIALS = re.compile(r"^[A-Z]\.?(?:[A-Z]\.?){0,2}$")
_PLURALS = {
    "councillors",
    "councilors",
    "cllrs",
    "county councillors",
    "county councilors",
    "councilmembers",
    "council members",
}
# ", ", "; ", "and", "&", and "… (Clerk). Also: …" where a list of others follows
# (a line opening with a group's label, "Academy members:", starts a new entry, comma or not)
_SEPARATORS = re.compile(
    r"\s*(?:,|;|\ba\s*/\s*and\b|\band\b|&|\.\s+Also\s*:"
    r"|\n(?=[ \t]*[A-Z][a-z'’-]+(?:[ \t]+[a-z][\w'’-]*){1,3}[ \t]*:)"
    # "… and L Whitworth" / "Brackenfield Ward:   Councillors D Moorhouse": a ward's list
    r"|\n(?=[ \t]*(?:[A-Z][\w'’-]*[ \t]+){1,3}Ward[ \t]*:))\s*"
)
_SPACE = re.compile(r"[\s\u00a0]+")


# "PCC Link Officer", "Acting Town Clerk": a post, the role of the name before it
_POST_AT_END = re.compile(
    r"\b(?:Officer|Clerk|Chaplain|Manager|Director|Secretary|Practitioner|Representative"
    r"|Adviser|Advisor|Auditor)$"
)


# "Stainby Town Council", "NHS Locharden": whom a member represents, not a person
_ORGANISATION = re.compile(
    r"^(?:NHS|HM)\b|\b(?:Council|Authority|Trust|Board|Association|Commission|Partnership"
    # a post's department or title wrapped from the piece before it: "Head of Legal and
    # Regulatory Services", "… and Monitoring Officer"
    r"|Services|Department|Directorate|Officer|Manager"
    # a firm: "Glenn Hardacre, Hardacre Asset Consulting"
    r"|Consulting|Consultants|Consultancy|Ltd|Limited|LLP|PLC|Associates|Partners)$"
)


def looks_like_name(words: str) -> bool:
    words = words.strip()
    return (
        bool(_NAME.match(words))
        and not _NOT_NAMES.match(words)
        and len(words) <= 60
        and not _ORGANISATION.search(words)
    )


_INITIALS_TAG = re.compile(r"\s*\([A-Z]{2,4}\)(?=\s*(?:,|[–—-]|$))")


def person_from_entry(entry: str, offset: int) -> Person | None:
    """One person from a list entry that names one person ("Name, Role" or "Name (Role)")."""
    # "Hannah Greet (HG), Head of Climate Change": the initials the notes go on to use
    cleaned = _INITIALS_TAG.sub("", entry.strip().rstrip(";.,"), count=1)
    if not cleaned:
        return None
    lead = len(entry) - len(entry.lstrip())
    honorific, rest = _split_honorific(cleaned)
    name, role = _split_role(rest)
    if not (honorific or looks_like_name(name)) or not name or len(name.split()) > 6:
        return None
    start = offset + lead
    return Person(
        name=_squash(name),
        honorific=_normal_honorific(honorific),
        role=_squash(role) if role else None,
        span=Span(start, start + len(cleaned)),
        source=cleaned,
    )


_RELATIVE_CLAUSE = re.compile(r"^(?:for\s+whom|who|whom|whose)\b", re.IGNORECASE)
_RELATIVE_CLAUSE_IN = re.compile(r",?\s*\bfor\s+whom\s+[^,;.]*", re.IGNORECASE)
_NAME_IN_BRACKETS = re.compile(
    r"^\((?P<name>(?:Councill?or|Cllr|Cr)\.?\s+[^()]{2,60})\)(?:\s+in\s+the\s+Chair)?\s*$",
    re.IGNORECASE,
)
_FOR_ITEMS = re.compile(
    r"\s*\((?:for|during|at)\s+(?:agenda\s+)?(?:items?|minutes?)\s+[\w.,/&\s-]{1,30}?(?:\s+only)?\)"
    r"|\s*\((?:agenda\s+)?(?:items?|minutes?)\s+[\w.,/&\s-]{1,30}?\s+only\)",
    re.IGNORECASE,
)
# a name, then the body its holder comes from: "… of Southmere County Council"
_OF_BODY = re.compile(
    r"\s+of\s+(?=(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,5}\s+"
    r"(?:Council|Board|Trust|Authority|Partnership|Service|Group)\b)"
)


def people_from_list(text: str, offset: int) -> list[Person]:
    """Everyone named in a run-on list: "Councillors A (Chair), B and C; Mr D (co-opted)".

    Pieces between commas/"and" that do not look like a name are taken as the previous
    person's role ("Executive Member, Children and Families").
    """
    people: list[Person] = []
    shared_honorific: str | None = None
    role_before = False  # the piece before was the last person's role
    # "…, for whom Councillor B attended as substitute, …": said of the one before, blanked
    # (spaces keep every offset where it was)
    text = _RELATIVE_CLAUSE_IN.sub(lambda match: " " * len(match.group(0)), text)
    # "… Property Management (for Item 3)": when they attended, not who they are
    text = _FOR_ITEMS.sub(lambda match: " " * len(match.group(0)), text)
    pieces = list(_pieces(text))
    given_after = _given_names(pieces)
    for position, (piece_start, piece) in enumerate(pieces):
        if position in given_after:
            continue  # "Murphy, Marie" in a "Surname, Initial" list: her forename
        if piece.lower() == "from":
            continue  # "…, and from Councillor B": the list's word, the name in the next piece
        if piece[:4].lower() == "from" and piece[4:5].isspace():
            # "… received from A and from B" (the page's line may break after "from")
            lead = len(piece) - len(piece[4:].lstrip())
            piece_start += lead
            piece = piece[lead:]
        label = _GROUP_LABEL.match(piece)
        if label:
            # "Independent Co-opted Members: Mrs A Hale": the group's label, then a name
            piece_start += label.end()
            piece = piece[label.end() :]
            if not piece:
                continue
        titled = _OFFICE_BEFORE_NAME.match(piece)
        if titled and not _HONORIFIC.match(piece):
            # "The Lord Mayor, Councillor Jo Hale", "Mayor Irwin", "Deputy Mayor Kerr"
            piece_start += titled.end()
            piece = piece[titled.end() :]
            if not piece:
                continue
            bracketed = _NAME_IN_BRACKETS.match(piece)
            if bracketed is not None:
                # "The Mayor (Councillor Grace Ofori) in the Chair": the holder in brackets
                piece_start += bracketed.start("name")
                piece = bracketed["name"]
        if role_before and people and _role_goes_on(text, pieces, position):
            # "…, Cabinet Member for Culture and Recreation, and …": the role's own "and"
            _extend_role(people[-1], text, offset, offset + piece_start + len(piece))
            continue
        role_before = False
        if _RELATIVE_CLAUSE.match(piece):
            continue  # "for whom Councillor B attended as substitute": said of the one before
        honorific, rest = _split_honorific(piece)
        if honorific and _squash(honorific).lower().rstrip(".") in _PLURALS:
            shared_honorific = _squash(honorific).rstrip(".")[:-1]
        name, role = _split_role(rest)
        body = _OF_BODY.search(name)
        if body is not None and not role:
            # "Councillor Gideon Fairlie of Southmere County Council": whom they represent
            name, role = name[: body.start()], name[body.end() :]
        start = offset + piece_start
        if (
            honorific
            or (
                looks_like_name(name)
                and not _BARE_INITIALS.match(name)
                and not _POST_AT_END.search(name)
            )
        ) and name:
            people.append(
                Person(
                    name=_squash(name),
                    honorific=_normal_honorific(honorific or shared_honorific),
                    role=_squash(role) if role else None,
                    span=Span(start, start + len(piece)),
                    source=piece,
                )
            )
        elif people:
            _extend_role(people[-1], text, offset, start + len(piece))
            role_before = True
    return people


def _role_goes_on(text: str, pieces: list[tuple[int, str]], position: int) -> bool:
    """One word after "and" that follows a role: the role's last word, not a person."""
    start, piece = pieces[position]
    before_start, before = pieces[position - 1]
    between = text[before_start + len(before) : start]
    return " " not in piece.strip() and re.fullmatch(r"\s+and\s+", between) is not None


def _given_names(pieces: list[tuple[int, str]]) -> set[int]:
    """Where a list prints each member "Surname, Initial" ("Hale, S; Irwin, N.J"), the one
    word after a surname in place of its initials is a forename ("Murphy, Marie",
    "Lowry, Ml"): the positions of those words."""
    words = [piece.strip().rstrip(".") for _, piece in pieces]
    initials = sum(1 for word in words if _BARE_INITIALS.match(word))
    if initials < 3 or 3 * initials < len(words):
        return set()
    given: set[int] = set()
    expecting = False  # the piece before was a surname standing alone
    for position, word in enumerate(words):
        alone = bool(word) and " " not in word
        if expecting and alone and word[:1].isupper() and not _BARE_INITIALS.match(word):
            given.add(position)
        expecting = alone and not _BARE_INITIALS.match(word) and position not in given
    return given


def _extend_role(person: Person, text: str, offset: int, end: int) -> None:
    """The person's entry grows to ``end``; everything after the name becomes the role."""
    assert person.span is not None
    start = person.span.start
    source = text[start - offset : end - offset]
    # (the name as printed may break over a line: "G\nRennie")
    printed = re.search(r"\s+".join(map(re.escape, person.name.split())), source)
    name_end = printed.end() if printed is not None else 0
    role = source[name_end:].strip(" ,;:")
    person.span = Span(start, end)
    person.source = source
    person.role = _squash(role.strip("()")) or None


def _pieces(text: str) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    position = 0
    depth_free = _mask_brackets(text)
    for match in _SEPARATORS.finditer(depth_free):
        pieces.extend(_run_on(position, text[position : match.start()]))
        position = match.end()
    pieces.extend(_run_on(position, text[position:]))
    # ("Alun Haverfield*": a mark the list explains, such as attending remotely)
    return [
        (start + len(piece) - len(piece.lstrip()), piece.strip().rstrip(".*†"))
        for start, piece in pieces
        if piece.strip().rstrip(".*†")
    ]


# Lists printed without commas, as PDF columns flatten them: "Mr J Hale Mrs S Irwin Mr T
# Kerr", "Cllr J Hale (Mayor) Cllr S Irwin", "J Hale S Irwin T Kerr P Lowe"
_INNER_HONORIFIC = re.compile(
    r"(?<=\S)(?<!County)[\s\u00a0]+(?=(?:Mr|Mrs|Ms|Miss|Dr|Cllrs?|Councill?ors?|Rev|Revd|"
    r"County[\s\u00a0]+(?:Cllr|Councill?or))\.?:?[\s\u00a0])"
)
_HONORIFIC_BEFORE = re.compile(rf"(?:^|\s)(?:{HONORIFICS})\.?$", re.IGNORECASE)
_INITIALS_NAME = re.compile(r"(?:[A-Z]\.?\s+){1,3}(?:Mc|Mac|O['’])?[A-Z][a-z'’-]+(?:-[A-Z][a-z]+)?")
_INITIALS_RUN = re.compile(rf"^(?:{_INITIALS_NAME.pattern}\s*){{2,}}$")


def _run_on(start: int, piece: str) -> list[tuple[int, str]]:
    """One comma-free piece, split where it holds several people."""
    if len(piece.split()) <= 2:
        return [(start, piece)]
    masked = _mask_brackets(piece)  # "(substituted by Cllr Kerr)" is one person's note
    cuts = [
        m.end()
        for m in _INNER_HONORIFIC.finditer(masked)
        if not _HONORIFIC_BEFORE.search(masked, max(0, m.start() - 30), m.start())
    ]
    if cuts:
        bounds = [0, *cuts, len(piece)]
        return [
            part
            for a, b in itertools.pairwise(bounds)
            if piece[a:b].strip()
            for part in _initials_run(start + a, piece[a:b])
        ]
    return _initials_run(start, piece)


def _initials_run(start: int, piece: str) -> list[tuple[int, str]]:
    """ "P J Hale S Irwin T Kerr", "Mrs E A Hale P Irwin": names by their initials, run
    together as a PDF's columns print them, one piece each (an honorific stays with the
    first)."""
    honorific = _HONORIFIC.match(piece.lstrip())
    lead = len(piece) - len(piece.lstrip()) + (honorific.end() if honorific else 0)
    rest = piece[lead:]
    if len(rest.split()) < 4 or not _INITIALS_RUN.match(rest.strip()):
        return [(start, piece)]
    names = [(start + lead + m.start(), m.group(0)) for m in _INITIALS_NAME.finditer(rest)]
    if honorific and names:
        names[0] = (start, piece[: names[0][0] - start + len(names[0][1])])
    return names


def _mask_brackets(text: str) -> str:
    """The text with everything inside brackets blanked, so separators there are ignored."""
    out, depth = [], 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        out.append(char if depth == 0 or char in "()" else "x")
    return "".join(out)


def _split_honorific(text: str) -> tuple[str | None, str]:
    match = _HONORIFIC.match(text)
    if not match:
        return None, text
    rest = text[match.end() :]
    second = _HONORIFIC.match(rest)  # "Cllr Mrs J Hale": the councillor's own title too
    if second and second["honorific"].lower().rstrip(".") in {"mr", "mrs", "ms", "miss", "dr"}:
        rest = rest[second.end() :]
    return match["honorific"], rest


_GROUP_LABEL = re.compile(
    r"^(?:(?:[A-Z][\w'’-]*\s+){0,3}(?:Members?|Representatives?|Co-optees?|Observers?"
    r"|Substitutes?)"
    # a group named in sentence case: "Maintained primary headteachers:", "Academy members:"
    r"|[A-Z][a-z'’-]+(?:\s+[a-z][\w'’-]*){1,3}"
    # the ward its members represent: "Rydal Green Ward:"
    r"|(?:[A-Z][\w'’-]*\s+){1,3}Ward)\s*:\s*"
)
# "Jo Hale – Director of Public Health": who the person is, after a spaced dash
DASH_ROLE = re.compile(r"\s+[–—-]\s+")
_ROLE_AFTER_NAME = re.compile(
    r"\s(?:(?:due|owing)\s+to|because|who\s|on\s+(?:holiday|leave)|(?i:in\s+the\s+chair)\b|"
    r"(?:Co-opted|Independent|Lay|Parent|Church|Diocesan|Youth)\s+(?:Member|Representative|rep)|"
    r"Co-opted\b)",
)


def _split_role(text: str) -> tuple[str, str | None]:
    """("Sue Rumbold", "Chief Officer (Business Support)") from "Sue Rumbold, Chief Officer
    (Business Support)"; ("A Smith", "Chairman") from "A Smith (Chairman)"."""
    # "Jo Hale (Chair) – Ardley Borough Council": the name, then who the person is
    # a dash or comma in brackets separates nothing
    depth_free = _mask_brackets(text) if "(" in text else text
    dash = DASH_ROLE.search(depth_free)
    if dash is not None:
        name, role = _split_role(text[: dash.start()])
        after = text[dash.end() :].strip()
        return name, f"{role}, {after}" if role else (after or None)
    # "A Hale (Leader of the Council, in the Chair)": the comma inside is the role's
    comma = depth_free.find(",")
    if comma >= 0:
        return text[:comma].strip(), text[comma + 1 :].strip() or None
    bracketed = _ROLE_IN_BRACKETS.match(text.strip())
    if bracketed:
        return bracketed["name"].strip(), bracketed["role"].strip()
    # "J Hale due to illness", "S Irwin Co-opted Member": the name, then why/what
    tail = _ROLE_AFTER_NAME.search(text.strip())
    if tail and tail.start() > 0:
        return text.strip()[: tail.start()].strip(), text.strip()[tail.start() :].strip()
    return text.strip(), None


def _normal_honorific(honorific: str | None) -> str | None:
    if not honorific:
        return None
    word = _squash(honorific).rstrip(".")
    lowered = word.lower()
    if "/" in lowered:  # "Y Cynghorydd / Councillor": the English
        lowered = lowered.rsplit("/", 1)[1].strip()
        word = word.rsplit("/", 1)[1].strip()
    if lowered in {
        "cllr",
        "cllrs",
        "councillor",
        "councillors",
        "councilor",
        "councilors",
    } or lowered.replace(" ", "").startswith("councilmember"):
        return "Councillor"
    if lowered.startswith("county c"):
        return "County Councillor"
    return word[0].upper() + word[1:]


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
