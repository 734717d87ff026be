"""Decisions: the words that open them ("RESOLVED –", "Resolved:-", "AGREED that",
"RECOMMENDED – T H A T", "The Committee resolved:-", "Decisions:") and what kind each is."""

from __future__ import annotations

import re

from scrutiny_tui.parser.lowered import lower_twin, lowered
from scrutiny_tui.parser.model import ResolutionKind

_BODY = (
    r"(?:Committee|Sub-Committee|Panel|Board|Cabinet|Council|Commission|Forum|Executive|"
    # a fire, police or combined authority's minutes: "The Authority agreed …"
    r"Authority|Assembly|Group|Scrutiny\s+\w+|Members"
    # a board or scrutiny committee by its initials: "The IJB noted …", "The JHOSC agreed …"
    # (three letters at least: "SB agreed" is an officer's initials, not a board)
    r"|(?:[A-Z][A-Z&]{1,4}B|[A-Z][A-Z&]{0,4}SC)(?=[\s:])"
    # "The council agreed …": a parish's minutes often write their own body in lower case
    r"|(?<=[Tt]he\s)(?:council|committee|panel|board|group))"
)
BODY_WORDS = _BODY  # the word that names a deciding body, for other rules' patterns
_SPACED_THAT = r"T\s+H\s+A\s+T"
# The opening words, optionally after a paragraph number ("5.3 RESOLVED:").
TRIGGER = re.compile(
    # (minutes printed in two languages give the word in the other first: "PENDERFYNWYD /
    # RESOLVED –")
    r"^(?:[A-ZÀ-ÞŴŶ][A-ZÀ-ÞŴŶ'’ -]{2,40}\s?/\s?)?"
    r"(?P<number>\d+(?:\.\d+)+\.?\s+|\d+\.\s+)?(?:(?:UNANIMOUSLY|Unanimously|It\s+was)\s+)?"
    r"(?P<word>R\s?E\s?S\s?O\s?L\s?V\s?E\s?D|Resolved|AGREED|Agreed|R\s?E\s?C\s?O\s?M\s?M\s?E\s?N\s?D\s?E\s?D"
    r"|Recommended|DECISIONS?|Decisions?|DECIDED|Decided"
    # a forum's or partnership's record: "Outcome: Agreed (6 for, 0 against)."
    r"|OUTCOMES?(?=\s*:)|Outcomes?(?=\s*:)"
    rf"|(?:The|That\s+the)\s+(?:[\w()&,'’-]+\s+){{0,6}}?{_BODY}\s+(?:has\s+)?(?:RESOLVED|resolved|AGREED|agreed|DECIDED|decided)"
    r")\b(?P<tail>[^\n]*)",
)
_LEAD_PUNCTUATION = re.compile(r"^\s*(?:[:–—\-]+\s*)*(?:-\s*)?")
_THAT_ONLY = re.compile(rf"^(?:that|{_SPACED_THAT})\s*[:,–—-]?\s*$", re.IGNORECASE)
_LEAD_IN = re.compile(
    r":-?\s*$|\b(?:that|to|as\s+follows|the\s+following)\s*[:,–—-]*\s*$", re.IGNORECASE
)

# Sections that end a decision ("Reason for Decisions:", "Supporting documents:")
DECISION_END = re.compile(
    r"^(?:Reasons?\s+for\s+(?:the\s+)?(?:Decisions?|Recommendations?)|Alternative\s+options|"
    r"Supporting\s+documents|Background\s+papers|Declarations?\s+of\s+interest|Minutes:|"
    r"The\s+meeting\s+(?:ended|closed|finished)"
    # "* Press and public were disconnected from the meeting at 8.47 pm.": a note of who
    # left or came back, not a clause of the decision above it
    r"|(?:The\s+)?(?:Press|Public|Members\s+of\s+the\s+(?:press|public))\b[\w\s]{0,20}?\s"
    r"(?:were|was)\s+(?:disconnected|excluded|readmitted|re-admitted|admitted|reconnected"
    r"|asked\s+to\s+leave))",
    re.IGNORECASE,
)

# A decision stated without the word: "The Panel notes the update and endorses ..."
BODY_DECIDES = re.compile(
    # "After discussion, the IJB noted the report."
    r"^(?:(?:After|Following)\s+(?:some\s+|further\s+|a\s+)?(?:discussion|debate|questions)"
    r"[^,.;]{0,40},\s+)?"
    rf"(?:[Tt]he\s+)?(?:[\w()&,'’-]+\s+){{0,6}}?{_BODY}\s+(?:(?:has|have|then|also|further|unanimously)\s+)?"
    r"(?i:notes|endorses|agrees|approves|recommends|resolves|requests|welcomes|supports|accepts|"
    # "The Committee approve …": a body taken as its members, as some councils write it
    r"note|endorse|agree|approve|recommend|resolve|request|welcome|support|accept|"
    r"asks|noted|endorsed|agreed|approved|resolved|requested|accepted|confirmed|decided|adopted|"
    r"ratified|received\s+and\s+(?:noted|filed)"
    # a health board's assurance: "The Board took assurance from the report."
    r"|took\s+assurance|takes\s+assurance)\b"
    # "… Standing Order 3L was adopted by members", "The scheme was approved by the Committee":
    # the body's decision in the passive, named after the verb
    # (a space, not a word boundary, before the verb: a cheaper test at each character)
    r"|^[^.;]{0,160}?[ \t](?:was|were)\s+(?:unanimously\s+)?(?:adopted|approved|agreed|endorsed|"
    r"accepted|ratified)\s+by\s+(?:the\s+|all\s+)?(?:[A-Z][\w&'’-]*\s+){0,4}?"
    rf"(?:{_BODY}|members|councillors)\b"
    # not an earlier body's decision recounted: "… was approved by Cabinet in March 2023"
    r"(?!,?\s+(?:at|in|on|last|previously|earlier)\b)"
)
# "The minutes of the meeting held on 1 February 2019 were approved as a correct record."
MINUTES_APPROVED = re.compile(
    # (a task group's or a forum's record of its meetings may be its "notes")
    r"^(?:The\s+)?(?:(?:draft|exempt|unrestricted|decisions\s+and)\s+)?(?:minutes?|notes)\b"
    # "The minutes of this meeting were confirmed at the meeting held on …": a later one's
    r"(?!\s+of\s+this\s+meeting\s+(?:were|was)\s+(?:\w+\s+){1,3}?at\b)[^.]{0,160}?\s+"
    r"(?:were|was)\s+(?:\w+ly\s+)?(?:\w+\s+and\s+)?"
    r"(?:approved|agreed|confirmed|signed|accepted|adopted|taken\s+as\s+read)\b"
    # a Scottish council's minute: "There were submitted and approved as correct records the
    # Minutes of the Meetings of …"
    r"|^There\s+(?:was|were)\s+submitted\s+and\s+(?:approved|confirmed)\b",
    re.IGNORECASE,
)


# the word in lower or title case, then a word that does not open a decision's words
_PROSE_AFTER = re.compile(
    r"^[ \t]+(?!(?:that|to|unanimously|by|as|accordingly|subject|without|nem|and|the|with|on|in"
    r"|for|not)\b)[a-z]+\b"
)


# "DECISIONS TO BE TAKEN …": the noun heading more words in capitals, with no colon
_CAPS_HEADING_AFTER = re.compile(r"^[ \t]+(?:[A-Z][A-Z'’-]*[ \t]+){1,}[A-Z][A-Z'’-]*[ \t]*$")
# "Decision Maker:", "Decision status:": a word after "Decision", then the field's colon
_FIELD_AFTER = re.compile(r"^[ \t]+[A-Za-z]+[ \t]*:")
# The letters TRIGGER's words open with (it is case-sensitive), if no paragraph number does
_TRIGGER_FIRST = "UIRADTO"
_BODY_VERBS = ("RESOLVED", "resolved", "AGREED", "agreed", "DECIDED", "decided")


def trigger_match(text: str) -> re.Match[str] | None:
    """``TRIGGER.match(text)``, its first character tried first: asked of every line and
    block, and most open with none of those letters or a digit."""
    first = text[:1]
    if first not in _TRIGGER_FIRST and not first.isdecimal():
        if not (first.isupper() and "/" in text[:45]):
            return None  # (a word in another language before a "/" may precede it)
        return TRIGGER.match(text)
    if first == "T" and not any(verb in text for verb in _BODY_VERBS):
        return None  # only "The Committee resolved …" opens with a "T": not without the verb
    return TRIGGER.match(text)


def trigger_tail(line: str) -> tuple[str, str, int] | None:
    """(trigger word, decision words after it, offset of those words) if ``line`` opens a
    decision; the words may be empty ("RESOLVED –" alone on its line)."""
    match = trigger_match(line)
    if match is None:
        return None
    tail = match["tail"]
    if tail and tail[0].isalnum():
        return None
    if match["word"][:1] == "D" and _FIELD_AFTER.match(tail):
        return None  # "Decision Maker: Cabinet", "Decision status: …": a page's field
    if match["word"][:1] == "D" and _CAPS_HEADING_AFTER.match(tail):
        return None  # "DECISIONS TO BE TAKEN IN PRIVATE": a heading in capitals
    if not match["word"].isupper() and _PROSE_AFTER.match(tail):
        # "Decisions taken outside the meeting cycle", "Decision published: 31/03/2020",
        # "Resolved issues were …": a title or a page's field, not a decision
        return None
    lead = _LEAD_PUNCTUATION.match(tail)
    skip = lead.end() if lead else 0
    return _word(match["word"]), tail[skip:], match.start("tail") + skip


def _word(word: str) -> str:
    squashed = re.sub(r"\s+", "", word).upper()
    for key in ("RESOLVED", "AGREED", "RECOMMENDED", "DECISION", "DECIDED"):
        if key in squashed:
            return key
    return "RESOLVED"


# "RESOLVED: that the Committee" with its clauses to follow
_THAT_BODY_ONLY = re.compile(rf"^that\s+(?:the\s+)?(?:[\w()&,'’-]+\s+){{0,6}}?{_BODY}\s*$", re.I)


def is_lead_in(words: str) -> bool:
    """Words that introduce a list rather than decide anything: "That", "The Board:",
    "that the Committee", "RESOLVED that the Executive be recommended to:"."""
    stripped = words.strip()
    return (
        not stripped
        or bool(_THAT_ONLY.match(stripped))
        or bool(_LEAD_IN.search(stripped))
        or bool(_THAT_BODY_ONLY.match(stripped))
    )


_BE_VERB = re.compile(
    # "were submitted and approved", "be received and noted": the verb after the "and" decides
    r"\b(?:be|being|is|are|was|were|been|hereby)\s+(?:\w+ly\s+)?(?:[a-z]+ed\s+and\s+)?"
    r"(?P<verb>noted|received|approved|endorsed|adopted|"
    r"accepted|confirmed|signed|ratified|agreed|recommended|requested|asked|invited|delegated|"
    r"authorised|deferred|postponed|withdrawn|provided|submitted|brought|presented|circulated|"
    r"reported|arranged|supplied|sent|scheduled|added|included)\b",
    re.IGNORECASE,
)
_VERB_KIND: dict[str, ResolutionKind] = {
    "noted": "noted",
    "received": "noted",
    "approved": "approved",
    "endorsed": "approved",
    "adopted": "approved",
    "accepted": "approved",
    "confirmed": "approved",
    "signed": "approved",
    "ratified": "approved",
    "agreed": "agreed",
    "recommended": "recommended",
    "requested": "requested",
    "asked": "requested",
    "invited": "requested",
    "delegated": "delegated",
    "authorised": "delegated",
    "deferred": "deferred",
    "postponed": "deferred",
    "withdrawn": "deferred",
    **dict.fromkeys(
        ("provided", "submitted", "brought", "presented", "circulated", "reported", "arranged"),
        "requested",
    ),
    **dict.fromkeys(("supplied", "sent", "scheduled", "added", "included"), "requested"),
}
_ANY_VERB: list[tuple[re.Pattern[str], ResolutionKind]] = [
    (re.compile(r"\bdefer(?:s|red)?\b|\bpostpone", re.IGNORECASE), "deferred"),
    (re.compile(r"\bdelegat(?:e|es|ed|ion)\b", re.IGNORECASE), "delegated"),
    (re.compile(r"\brecommend(?:s|ed)?\b", re.IGNORECASE), "recommended"),
    (re.compile(r"\brequest(?:s|ed)?\b|\basks?\b", re.IGNORECASE), "requested"),
    (
        re.compile(
            r"\bapprov(?:e|es|ed|al)\b|\bendors(?:e|es|ed)\b|\bsupport(?:s|ed)\b|\bto\s+support\b"
            # "To confirm the minutes of …", "That Council confirms the minutes …", "taken as
            # read and signed as correct", "the minutes were adopted"
            r"|\bconfirm(?:s|ed)?\s+(?:the\s+)?minutes\b|\bminutes\b.{0,200}?\b(?:confirm(?:s|ed)?"
            r"|signed|adopt(?:s|ed)?)\b",
            re.IGNORECASE,
        ),
        "approved",
    ),
    (re.compile(r"\bagree(?:s|d)?\b", re.IGNORECASE), "agreed"),
    (re.compile(r"\bnot(?:e|es|ed)\b|\backnowledg|\bwelcom", re.IGNORECASE), "noted"),
    # "Cllr Hale be elected as the Chair", "was duly elected", "be appointed Vice-Chairman",
    # "Cllr Mann elected as vice-chair": the meeting agreed who holds an office (not
    # "Elected Members", "Appointed Members")
    (
        re.compile(
            r"\b(?:be|was|were|been|duly)\s+(?:duly\s+)?(?:elected|appointed|co-opted)\b"
            r"|\b(?:elected|appointed)\s+as\b",
            re.IGNORECASE,
        ),
        "agreed",
    ),
]
_TRIGGER_KIND: dict[str, ResolutionKind] = {"AGREED": "agreed", "RECOMMENDED": "recommended"}


# Decisions about the meeting itself, not the business before it
_PROCEDURAL = re.compile(
    r"\b(?:extend(?:ed)?\s+(?:the\s+)?(?:meeting|duration)|meeting\s+(?:be\s+)?extended|"
    r"(?:be\s+)?adjourn(?:ed)?\b|suspen(?:d|ded|sion\s+of)\s+(?:the\s+)?standing\s+orders?|"
    r"standing\s+orders?\s+be\s+suspended|exclu(?:de|ded|sion\s+of)\s+(?:the\s+)?(?:press|public)|"
    r"(?:press\s+and\s+)?public\s+be\s+excluded|called\s+to\s+order|go\s+in(?:to)?\s+closed\s+session|"
    r"move\s+(?:in)?to\s+(?:closed|open)\s+session|reconvene)",
    re.IGNORECASE,
)


def classify(text: str, trigger: str | None = None) -> ResolutionKind:
    """What a decision does: "RECOMMENDED" decisions are recommendations; otherwise the main
    verb decides ("be noted" → noted, "be delegated to the Director" → delegated), else the
    opening word (AGREED), else any telling verb, else "other"."""
    lower = lowered(text)
    if lower is None:
        procedural, be_verb, any_verb, searched = _PROCEDURAL, _BE_VERB, _ANY_VERB, text
    else:  # the same matches, found sooner (see parser.lowered)
        procedural, be_verb, any_verb = _PROCEDURAL_LOWER, _BE_VERB_LOWER, _ANY_VERB_LOWER
        searched = lower
    if procedural.search(searched):
        return "procedural"
    if trigger == "RECOMMENDED":
        return "recommended"
    passive = be_verb.search(searched)
    if passive:
        return _VERB_KIND[passive["verb"].lower()]
    if trigger in _TRIGGER_KIND:
        return _TRIGGER_KIND[trigger]
    for pattern, kind in any_verb:
        if pattern.search(searched):
            return kind
    return "other"


_PROCEDURAL_LOWER = lower_twin(_PROCEDURAL)
_BE_VERB_LOWER = lower_twin(_BE_VERB)
_ANY_VERB_LOWER = [(lower_twin(pattern), kind) for pattern, kind in _ANY_VERB]
