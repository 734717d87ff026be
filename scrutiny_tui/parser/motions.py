"""Decisions recorded as motions: "It was proposed by Councillor A, seconded by Councillor B,
and RESOLVED", "Moved Cr Hale, seconded Deputy Mayor Irwin and resolved", "Proposed by
Councillor X / Seconded by Councillor Y / AND AGREED", "Moved by: … Seconded by: … THAT …
Motion Carried", "Hale moved, Irwin seconded, adoption of the agenda", "On a motion from
…, seconded by … it was unanimously AGREED that …", "RESOLVED (Hale/Irwin)".

A motion that was lost, withdrawn or defeated is not a decision.
"""

from __future__ import annotations

import re

# The mover: "proposed by", "moved by", "Moved Cr X", "X moved", "on a motion from",
# "Proposed (JH) & Seconded (SI)", "X was duly proposed and seconded", "Council resolution",
# "Resolution 12/2025".
MOTION = re.compile(
    r"\b(?:(?:it\s+was\s+)?(?:duly\s+)?(?:proposed|moved)"
    r"(?:\s+by\b|\s*:|\s*\(|\s+(?:Cr|Cllr|Councillor)\b|\s+and\s+seconded\b"
    # "Proposed I Forsyth, seconded G Lennox": a community council's members by name
    r"|\s+(?:[A-Z]\.?\s+){0,2}[A-Z][\w'’-]+,\s+seconded\b)"
    r"|\w+\s+(?:moved|proposed),\s+\w+\s+seconded"
    r"|\w+\s+(?:moved|proposed)\s[^.]{5,200}?,\s+(?:(?:Cllr|Councillor|Cr)\.?\s+)?[A-Z][\w'’-]*\s+seconded\b"
    r"|on\s+a\s+motion\s+(?:from|by)\b"
    r"|seconded\s+by\b|seconded\s*:|\bSeconded\s+\("
    r")",
    re.IGNORECASE,
)
# A heading that opens a motion block on its own line: "Council resolution", "Resolution",
# "Procedural Motion", "Resolution 12/2025", "Motion No. C250101-2",
# "Resolution Record No: TC/41/19".
MOTION_HEADING = re.compile(
    # ("COUNCIL RESOLUTION 2027/48", "Council Resolution No. 45": numbered from the register)
    r"^(?:(?:Council|Committee|Board)\s+resolution(?:\s+(?:No\.?\s*)?[\w/#-]*\d[\w/#-]*)?"
    r"|Resolution(?:\s+Record)?(?:\s+(?:No\.?|Number)?\s*:?\s*[\w/#-]+)?|"
    r"Procedural\s+Motion|Motion(?:\s+No\.?\s*[\w/#-]+)?)$",
    re.IGNORECASE,
)
# Where the motion's own words say it passed, and what follows: "… and RESOLVED that …",
# "… it was unanimously AGREED that …", "CARRIED", "Unanimously agreed".
OUTCOME = re.compile(
    r"(?:\b(?i:and|it\s+was)\s+|[,.;]\s*(?:(?i:the\s+)?(?i:motion)\s+(?:was\s+)?)?|^)"
    r"(?:(?i:unanimously|duly)\s+)?"
    r"(?P<word>RESOLVED|Resolved|resolved|AGREED|Agreed|agreed|CARRIED|Carried|carried|elected"
    # "…, seconded G Lennox, approved unanimously: to pay …"
    r"|(?:approved|APPROVED)(?=\s+unanimously|\s+nem|\s*[:.]))\b"
    r"(?P<rest>.*)$",
    re.DOTALL,
)
# A seconder named: "seconded by Councillor Y", "Seconded (SB)", "Seconded: Cr Y", "X moved,
# Y seconded", "(Hale/Irwin)" - not "each name needs a proposer and seconder"
SECONDED = re.compile(
    r"\b(?i:seconded)\s*(?:\bby\b\s*:?\s*)?(?:[A-Z(]|(?i:the\s+(?:mayor|chair|deputy|vice|leader)))"
    r"|\b(?i:seconded)\s*:"
    r"|\b[A-Z][\w'’-]+\s+(?i:seconded)\b"
    r"|\b\w+\s*/\s*\w+\)?$"
)
LOST = re.compile(
    r"\b(?:was\s+|were\s+|declared\s+)?(?:LOST|lost|fell|defeated|DEFEATED|withdrawn|WITHDRAWN)\b|"
    r"\bwas\s+(?:Lost|Defeated|Withdrawn)\b|"
    r"\bnot\s+(?:carried|seconded|agreed|proposed|moved)\b|\b(?i:motion)\s+failed\b",
)
# The words of the decision that a motion block leads to.
DECISION_WORDS = re.compile(
    r"^[“\"‘']?(?:That|THAT|Be\s+it\s+resolved|To\s+[a-z]+|Council\s+(?:adjourn|approve|note|agree)s?)\b"
)
_MOVER_ONLY = re.compile(
    r"^(?:(?:Moved|Proposed|Seconded)(?:\s+by)?\s*:?\s*(?:Cr|Cllr|Councillor|Mayor|Deputy\s+Mayor)?"
    r"[\s\w.'’()-]*|Councillors?\s+[\w'’-]+\s*/\s*[\w'’-]+|(?:Cr|Cllr)s?\.?\s+[\w'’-]+\s*/\s*[\w'’-]+)$",
    re.IGNORECASE,
)


# "AND AGREED", "CARRIED: 7 for 1 against", "Motion Carried Unanimously"
OUTCOME_LINE = re.compile(
    r"^(?:and\s+)?(?:it\s+was\s+)?(?:(?:unanimously|duly)\s+)?(?:motion\s+)?"
    r"(?:RESOLVED|AGREED|CARRIED|Carried|Agreed|Resolved|carried)\b[^a-z]{0,60}"
    r"(?:unanimously|by\s+all\s+members\s+present|[\s,.])*$",
    re.IGNORECASE,
)
# "Hale moved, Irwin seconded, adoption of the agenda as circulated."
SECONDED_THEN = re.compile(r"\b(?i:seconded),\s+(?P<rest>[a-z][^.]{10,})")
# "Cllr A proposed that the bench be bought, Cllr B seconded": the motion between the two
PROPOSED_THEN = re.compile(
    r"\b(?i:proposed|moved)\s+(?:(?i:that)\s+)?"
    # not "Proposed Cllr Rudge, seconded Cllr Dunn": who moved it, not what
    r"(?!(?:Cllr|Councillor|Cr|Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?,)"
    r"(?P<rest>[^.]{10,}?),\s+"
    r"(?:(?:Cllr|Councillor|Cr)\.?\s+)?[A-Z][\w'’-]*\s+(?i:seconded)\b"
)
# What the record of a motion adds around its words: "It was moved by A, seconded by B, to
# …", "…, seconded by Cllr B", "… . Carried unanimously.", "… . All in favour."
_MOVER_LEAD = re.compile(
    # "Commissioner Okafor moved, seconded by Commissioner Pruett, to adopt …" too
    r"^(?:(?:Cllr|Councillor|Councilmember|Commissioner|Cr)\.?\s+[\w'’-]+\s+)?"
    r"(?:it\s+was\s+)?(?:duly\s+)?(?:moved|proposed|motion)(?:\s+by\s+[^,.;]{2,60})?,\s*"
    r"(?:and\s+)?seconded\s+by\s+[^,.;]{2,60},\s*(?:and\s+\w+\s+)?(?=to\s|that\s)",
    re.IGNORECASE,
)
_SECONDER_TAIL = re.compile(
    r",?\s+(?:and\s+)?(?i:seconded)\s+(?i:by)\s+[^.,;]{2,60}[.,;]?\s*$"
    r"|,\s+(?:(?:Cllr|Councillor|Cr)\.?\s+)?[A-Z][\w'’-]*\s+(?i:seconded)\b[^.]{0,60}[.]?\s*$"
)
_OUTCOME_TAIL = re.compile(
    r"(?<=[.;,])\s*(?:(?:the\s+)?motion\s+(?:was\s+)?)?(?:(?:unanimously|duly)\s+)?"
    r"(?:carried|agreed|resolved|approved|all\s+(?:were\s+)?in\s+favou?r"
    r"|unanimous(?:ly)?(?:\s+(?:approval|agreement|support|decision))?)"
    r"(?:\s+(?:unanimously|by\s+[\w\s-]{0,30}?|nem\.?\s*con\.?))?"
    # "Motion carried 5-0 (Pritchard absent).": the count and who was away
    r"(?:\s+\d{1,3}\s*[-–]\s*\d{1,3})?(?:\s*\([^()]{0,60}\))?[\s.!]*$",
    re.IGNORECASE,
)


def decision_words(text: str) -> str:
    """A motion's words without the record of who moved it and how the vote went."""
    trimmed = _MOVER_LEAD.sub("", text, count=1)
    while True:
        shorter = _OUTCOME_TAIL.sub("", trimmed, count=1)
        shorter = _SECONDER_TAIL.sub("", shorter, count=1)
        if shorter == trimmed:
            break
        trimmed = shorter
    trimmed = trimmed.rstrip(" ,;")
    # a record cut down to a word or two was the record, not the motion's words
    return trimmed if len(trimmed.split()) >= 3 else text


# a cheap test first: the words looked for in the lower-cased text (substring tests are
# several times quicker than a pattern, and a case-blind one slower still): most blocks are
# discussion
_HINTS = ("proposed", "moved", "seconded", "motion")
_HEADING_HINTS = ("resolution", "council resolution", "committee resolution", "board resolution")


def opens_motion(text: str) -> bool:
    lowered = text.lower()
    if not any(hint in lowered for hint in _HINTS) and not lowered.startswith(_HEADING_HINTS):
        return False
    return bool(MOTION.search(text) or MOTION_HEADING.match(text))


def is_mover_line(text: str) -> bool:
    """ "Moved by: Councillor J. Hale", "Councillors Hale / Irwin": who, not what."""
    return bool(_MOVER_ONLY.match(text)) and len(text.split()) <= 10


def outcome(text: str) -> tuple[str, str] | None:
    """(outcome word, the decision's words after it) when ``text`` says the motion passed."""
    # the pattern's "rest" runs to the end, so the first word that says it passed is the
    # only match there can be
    passed = OUTCOME.search(text)
    if passed is None:
        return None
    rest = re.sub(
        r"^[\s:,–—-]*(?:(?:unanimously|nem\.?\s*con\.?)[\s:,–—-]*)?(?:that\s*[:,–—-]?\s*)?",
        "",
        passed["rest"],
        flags=re.IGNORECASE,
    )
    return passed["word"], rest.strip()


def was_lost(text: str) -> bool:
    return bool(LOST.search(text))
