"""Requested actions: reports, updates and meetings the minutes ask for, with when and to whom.

"requested that a report ... be provided to the meeting of the Care Services PDS Committee on
10th January 2016" → due 2016-01-10, body "Care Services PDS Committee";
"... being reported to Cabinet in December 2017" → due 2017-12, body "Cabinet".
"""

from __future__ import annotations

import re
from bisect import bisect_left

from scrutiny_tui.parser.dates import find_due
from scrutiny_tui.parser.lowered import is_word_character, lower_twin, lowered

_PROVIDED = (
    r"(?:\w+ly\s+)?(?:provided|brought|submitted|presented|reported|"
    r"circulated|supplied|specified|invited|arranged|scheduled|added|included|shared|sent|"
    r"given|made\s+available|requested|considered\s+at|returned|re-?presented|produced|"
    r"prepared)"
)
_TO_DO = r"\s+(?:receive|report|return|provide|bring|circulate|present|submit|be\s+invited)\b"
# The forms of a request's cue, in the order they are tried, each opening with its own word
_CUE_FORMS = (
    r"request(?:s|ed)?\s+(?:that|a|an|further|more|the|for)",
    r"request(?:s|ed)?\s+(?:\w+\s+){1,3}?(?:reports|updates|briefings)\b",
    r"asked\s+(?:that|for|to)",
    # "… be refreshed and presented to the IJB in September 2027"
    *(rf"{verb}\s+(?:\w+ed\s+and\s+)?{_PROVIDED}" for verb in ("be", "being", "is", "are")),
    r"report(?:s|ed)?\s+back",
    r"come\s+back\s+to",
    r"return\s+to\s+(?:the|a)\b",
    *(rf"{verb}{_TO_DO}" for verb in ("would", "will", "to")),
    r"to\s+a\s+future\s+meeting",
    r"added\s+to\s+the\s+work\s+programme",
    r"included\s+in\s+the\s+work\s+programme",
    # "ACTION: Priya to send the repairs figures to the panel by 14 May", "ACTION: MH to
    # invite the Head of Repairs to the June meeting": a line the notes mark as asking
    r"action\s*:",
)


def _by_first_letter(forms: tuple[str, ...]) -> str:
    """The forms as one alternation, those opening on the same letter grouped under it in
    their order: at each place the engine tries one group, not every form in turn (the same
    matches, about a quarter quicker), and the form it takes there is the one the plain
    alternation takes, since only forms opening on that letter can match."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[0], []).append(form[1:])
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items())


_CUE_ALTERNATION = _by_first_letter(_CUE_FORMS)
# Each pattern opens with a lookahead on the first letters its words can start with: the
# regex engine then skips most positions at once (about 1.7x quicker on long minutes).
_CUE = re.compile(r"\b(?=[rabiwtc])(?:" + _CUE_ALTERNATION + ")", re.IGNORECASE)
# For lower-cased text, the forms bare: a pattern whose every branch opens with a letter lets
# the engine skip straight to those letters, quicker still (see _cue_starts)
_CUE_FORMS_LOWER = re.compile(_CUE_ALTERNATION)
_ABOUT = re.compile(
    r"\b(?=[abcdfimnoprsuvw])"
    r"(?:report|update|briefing|paper|presentation|information|details|meeting|review|"
    r"item|clarification|data|figures|breakdown|measures|plan|response|note|session|visit|"
    r"results|outcome|outturn|respond|"
    # "The following items were requested for the March agenda:"
    r"progress|work\s+programme|attend|agenda:)",
    re.IGNORECASE,
)
_BODY_NAME = (
    r"(?:[A-Z][\w&'’,-]*(?:\s+|,\s+)(?:(?:and|of|for|the)\s+)?){0,10}"
    r"(?:Committees?|Sub-Committees?|Board|Panel|Cabinet|Council|Commission|Forum|Executive|"
    r"Group|Scrutiny)"
)
_TO_BODY = re.compile(
    rf"\b(?:(?:joint\s+|next\s+|future\s+|special\s+)?meeting\s+of\s+(?:the\s+)?|"
    rf"(?:reported|report|submitted|presented|brought|referred|provided|circulated|returned|back)"
    rf"\s+(?:back\s+)?to\s+(?:the\s+|a\s+)?(?:(?:joint|next|future)\s+meeting\s+of\s+(?:the\s+)?)?)"
    rf"(?P<body>{_BODY_NAME})\b"
)
# The word that ends every body's name (case-sensitive, as the patterns are)
_BODY_WORD = re.compile(
    "Committee|Board|Panel|Cabinet|Council|Commission|Forum|Executive|Group|Scrutiny"
)
# Failing those: the body named after "to" ("... to report progress to the Committee in ...")
_TO_ANY_BODY = re.compile(rf"\bto\s+(?:the\s+|this\s+)?(?P<body>{_BODY_NAME})\b")
# The gap between sentences is group 1; the pattern opens on the stop before it (rather than
# looking behind for it) so that the regex engine can skip ahead to the next stop.
# (a clause lettered inline, "…; and b) agreed that …", is a sentence of its own)
_SENTENCE_END = re.compile(
    r"[.;!?]([\s\u00a0]+)(?=[A-Z‘“\"'(]|(?:and\s+|or\s+)?(?:[a-h]|i{1,3}|iv|v)\)\s)"
)
_ABBREVIATION = re.compile(
    r"\b(?:Cllr|Mr|Mrs|Ms|Dr|No|Nos|para|Prof|St|e\.g|i\.e|cf|approx)\.$|(?<![\w.])[A-Z]\.$",
    re.IGNORECASE,
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        gap, after = match.span(1)
        # only the last few characters can hold an abbreviation (ending in the stop, a full
        # stop): no copy of the sentence
        if text[gap - 1] == "." and _ABBREVIATION.search(text, max(start, gap - 8), gap):
            continue
        spans.append((start, gap))
        start = after
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


# Rarer cues, tried only where their words appear: "to be looked at again in May",
# "agreed to hold the decision over until July 4"
_LATER_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "until",
        re.compile(r"\b(?:delay|defer)\w*\s+(?:\w+\s+){0,6}?until\b", re.IGNORECASE),
    ),
    (
        # "… be deferred to the meeting on 10 March 2026", "agreed to defer the motion to the
        # December meeting": the item comes back then
        "defer",
        re.compile(
            r"\bdefer(?:red)?\s+(?:(?:the|this|that)\s+(?:\w+\s+){0,2}?)?to\s+(?:the|a)\s+"
            r"(?:\w+\s+){0,2}?meeting\b",
            re.IGNORECASE,
        ),
    ),
    (
        # "… a draft of the report for the group to consider at its meeting on 9 March"
        "consider",
        re.compile(
            r"\bconsider\s+(?:it\s+|them\s+)?at\s+(?:its|their|the|a)\s+(?:\w+\s+){0,2}?meeting\b",
            re.IGNORECASE,
        ),
    ),
    # "That the Director submit a report on … to the meeting on 5 March", "… and reports to
    # the March meeting", "add a report from the Board on dentistry to the April meeting": the
    # request in the active voice
    (
        "submit",
        re.compile(
            r"\bsubmits?\s+(?:a|an)\s+(?:\w+\s+){0,3}?(?:report|update|briefing)",
            re.IGNORECASE,
        ),
    ),
    (
        # "… approved, subject to the addition of a report on agency staff to the meeting on
        # 20 April 2027"
        "addition",
        re.compile(
            r"\baddition\s+of\s+(?:a|an)\s+(?:\w+\s+){0,3}?(?:report|item|update|briefing)\b",
            re.IGNORECASE,
        ),
    ),
    (
        # "… brings a report on the review to the Select Committee in June 2027", "… obtain
        # quotations and bring them to the meeting on 8 February"
        "bring",
        re.compile(
            r"\bbrings?\s+(?:\w+\s+){0,16}?to\s+(?:the|a|its|their|this)\s+(?:[\w-]+\s+){0,4}?"
            r"(?:meeting|committee|board|panel|council|cabinet)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "reports ",
        re.compile(
            r"\breports\s+(?:back\s+)?to\s+(?:the|a|this)\s+(?:\w+\s+){0,3}?meeting", re.IGNORECASE
        ),
    ),
    (
        "add ",
        re.compile(
            r"\badd\s+(?:a|an)\s+(?:further\s+|progress\s+)?(?:report|update|briefing|item)",
            re.IGNORECASE,
        ),
    ),
    ("to be ", re.compile(r"\bto\s+be\s+(?:reviewed|revisited|considered|discussed|brought)\b")),
    # "That the Head of Housing report progress …", "… report to Council in six months' time"
    # "… and report the results to the April meeting", "That the Treasurer report the
    # provisional outturn for the year to the Authority by 30 June 2026"
    (
        "report",
        re.compile(
            r"\breport\s+(?:back\s+)?(?:progress\s+|(?:the|its|their)\s+[^.;]{1,120}?\s"
            r"|(?:them|it|these)\s+)?(?:back\s+)?(?:to|on|by)\s",
            re.IGNORECASE,
        ),
    ),
    # "to add the Nature Recovery Strategy to the agenda for the meeting on 11 March 2027",
    # "The following items were requested for the March agenda:"
    (
        "agenda",
        re.compile(
            r"\badd\s+(?:[\w'’-]+\s+){1,9}?to\s+the\s+agenda\s+(?:for|of)\b"
            r"|\bfor\s+the\s+(?:January|February|March|April|May|June|July|August|September"
            r"|October|November|December)\s+agenda\b",
            re.IGNORECASE,
        ),
    ),
    # "RESOLVED: that the Clerk bring a revised draft budget … to the January meeting"
    (
        "bring",
        re.compile(
            r"\bbring\s+(?:[\w'’/-]+\s+){1,14}?to\s+(?:the|a|its|their)\s+(?:[\w'’]+\s+){0,3}?"
            r"(?:meeting|committee|council|board|panel|cabinet|forum|group)\b",
            re.IGNORECASE,
        ),
    ),
    # "to move the item on school travel plans to the May meeting"
    *(
        (
            verb,
            re.compile(
                rf"\b{verb}\s+(?:[\w'’-]+\s+){{1,9}}?to\s+the\s+(?:\w+\s+)?meeting\b",
                re.IGNORECASE,
            ),
        )
        for verb in ("move", "defer")
    ),
    # "To ask the Head of Service to circulate …", "to ask the ICB for a written update on
    # the consultation by 30 April 2027"
    (
        "ask",
        re.compile(
            r"\bask(?:s|ed)?\s+the\s+(?:[\w,]+\s+){1,8}?to\s+[a-z]"
            r"|\bask\s+(?:the\s+)?(?:[\w,]+\s+){1,6}?for\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
            r"(?:report|update|briefing|paper|response|note)\b",
            re.IGNORECASE,
        ),
    ),
    # "… prepare a draft response for approval at the March meeting" (not "forwarded to
    # Cabinet for consideration at its meeting on …": another's)
    (
        "approval at",
        re.compile(r"\bfor\s+approval\s+at\s+(?:the|a)\s+(?:\w+\s+){0,2}?meeting\b", re.IGNORECASE),
    ),
    # "Receive a further report on costs … at the June meeting"
    (
        "eceive",
        re.compile(
            r"\breceive\s+(?:a|an)\s+(?:further\s+|progress\s+|full\s+|detailed\s+)?"
            r"(?:report|update|briefing)",
            re.IGNORECASE,
        ),
    ),
)
# the word after "report " that makes it a request: "report back", "report the results to"
_REPORT_NEXT = (
    ["back"],
    ["progress"],
    ["to"],
    ["on"],
    ["the"],
    ["its"],
    ["their"],
    # "collect the quotations and report them to the Council in March 2027"
    ["them"],
    ["it"],
    ["these"],
)
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|this|his|her|its|their|that)\s+$", re.IGNORECASE)
# The cues by the word looked for: hints that share a word ("report" and "reports ", "add "
# and "addition") or are the same ("bring", "defer") are found by one scan of the text
_HINT_WORD = {"reports ": "report", "add ": "add", "addition": "add"}
_LATER_CUES_BY_WORD: tuple[tuple[str, tuple[tuple[str, re.Pattern[str]], ...]], ...] = tuple(
    (word, tuple(cue for cue in _LATER_CUES if _HINT_WORD.get(cue[0], cue[0]) == word))
    for word in dict.fromkeys(_HINT_WORD.get(hint, hint) for hint, _ in _LATER_CUES)
)


def cue_words(lower: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Every place in ``lower[start:end]`` where a rarer cue's word appears, as (offset in
    ``lower``, the word's index in ``_LATER_CUES_BY_WORD``), in order. A caller reading many
    paragraphs finds the words once over all of them (one ``str.find`` per word rather than
    one per word per paragraph) and gives each paragraph its share (:func:`words_within`)."""
    if end is None:
        end = len(lower)
    places: list[tuple[int, int]] = []
    for index, (word, _) in enumerate(_LATER_CUES_BY_WORD):
        position = lower.find(word, start, end)
        while position != -1:
            places.append((position, index))
            position = lower.find(word, position + 1, end)
    places.sort()
    return places


def words_within(places: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The places of :func:`cue_words` whose word lies wholly in ``[start, end)``, counted
    from ``start``: what ``cue_words`` gives for that slice alone."""
    first = bisect_left(places, (start, -1))
    last = bisect_left(places, (end, -1), first)
    return [
        (position - start, index)
        for position, index in places[first:last]
        if position + len(_LATER_CUES_BY_WORD[index][0]) <= end
    ]


def _later_cues(
    text: str, lower: str | None = None, places: list[tuple[int, int]] | None = None
) -> list[int]:
    """Where the rarer cues start, in order, each tried only at the places its own word
    appears in the lower-cased text (``str.find`` finds those far more cheaply than each
    cue's own pattern scanning the whole text). ``lower`` is ``text.lower()`` when the
    caller has it; ``places``, :func:`cue_words` for the text when the caller has found
    them over a longer text."""
    if lower is None:
        lower = text.lower()
    if places is None:
        places = cue_words(lower)
    found: set[int] = set()
    # where each word may next be taken: its places do not overlap ("receiveceive" is one
    # "eceive"), as a scan of the text from its start would find them
    free_from = [0] * len(_LATER_CUES_BY_WORD)
    for position, index in places:
        if position < free_from[index]:
            continue
        word, cues = _LATER_CUES_BY_WORD[index]
        free_from[index] = position + len(word)
        for hint, pattern in cues:
            if hint != word and not lower.startswith(hint, position):
                continue
            if (
                hint == "report"
                and not (
                    lower[position + 6 : position + 7].isspace()  # the word, not "reported"
                    and lower[position + 7 : position + 16].split()[:1] in _REPORT_NEXT
                )
            ):
                continue  # "report back", "report progress", "report the … to" only
            window = pattern.search(text, max(0, position - 60), position + len(hint) + 200)
            start = -1 if window is None else window.start()
            if start >= 0 and not (
                hint == "report" and _NOUN_BEFORE.search(text, max(0, start - 8), start)
            ):
                found.add(start)  # not "the report to Cabinet": the noun, not a request
    return sorted(found)


# "Comments must be submitted by 21 February": a deadline for comments asks nothing back
_COMMENTS_DEADLINE = re.compile(
    r"\bcomments?\b[^.;]{0,80}\b(?:by|before|no\s+later\s+than|closes?|until)\b|\bfor\s+(?:public\s+)?"
    r"(?:comment|consultation|engagement)\b[^.;]{0,40}\b(?:until|from|between)\b"
    # "Further meetings are scheduled for 16 June and 22 September": dates for information
    r"|\b(?:further|future|next|other)\s+meetings?\s+(?:are|is|will\s+be|have\s+been|has\s+been)\s+"
    r"(?:scheduled|arranged|planned)\b"
    # "… respond to the consultation before it closes on 5 January": the consultation's end
    r"|\bconsultation\b[^.;]{0,120}\b(?:closes|closing|ends)\s+on\b",
    re.IGNORECASE,
)


def _cue_starts(lower: str) -> list[int]:
    """Where ``lower_twin(_CUE).finditer(lower)`` would find its matches, found sooner. A
    match of the bare forms that starts a word is the cue pattern's match there (the boundary
    holds, its lookahead's letters open every form); one inside a word ("into receive") is
    passed over and the search goes on from the next character, so no match of the cue
    pattern is missed and each is found as its own scan would find it."""
    starts: list[int] = []
    position = 0
    search = _CUE_FORMS_LOWER.search
    while (match := search(lower, position)) is not None:
        start = match.start()
        before = lower[start - 1] if start else ""
        if is_word_character(before):  # no boundary before it
            position = start + 1
            continue
        starts.append(start)
        position = match.end()
    return starts


_ABOUT_LOWER = lower_twin(_ABOUT)
# one is in every deadline (or schedule of meetings)
_DEADLINE_NOUNS = ("comment", "consultation", "engagement", "scheduled", "arranged", "planned")
_COMMENTS_DEADLINE_LOWER = lower_twin(_COMMENTS_DEADLINE)


def request_sentences(
    text: str, lower: str | None = None, places: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, int]]:
    """(start, end, where its first cue starts) of each sentence of ``text`` that asks for
    something: the cues are found once over the whole text, and only sentences holding one
    are read further. ``lower`` is ``lowered(text)`` and ``places`` the text's
    :func:`cue_words`, when the caller has them already."""
    if lower is None:
        lower = lowered(text)
    deadline: re.Pattern[str] | None
    if lower is None:
        cues = [match.start() for match in _CUE.finditer(text)]
        about, deadline, searched = _ABOUT, _COMMENTS_DEADLINE, text
    else:  # the same matches, found sooner (see parser.lowered)
        cues = _cue_starts(lower)
        about, deadline, searched = _ABOUT_LOWER, _COMMENTS_DEADLINE_LOWER, lower
    cues += _later_cues(text, lower, places)
    if not cues:
        return []
    if lower is not None and not any(noun in lower for noun in _DEADLINE_NOUNS):
        deadline = None  # no deadline for comments without one of its nouns
    cues.sort()  # so that each sentence finds its first cue by bisection
    found: list[tuple[int, int, int]] = []
    for start, end in sentences(text):
        first = bisect_left(cues, start)  # the first cue at or after the sentence's start
        if (
            first < len(cues)
            and cues[first] < end
            and about.search(searched, start, end)
            and not (deadline is not None and deadline.search(searched, start, end))
        ):
            found.append((start, end, cues[first]))
    return found


def due_and_body(request: str, meeting_date: str | None = None) -> tuple[str | None, str | None]:
    """When the request is due and to which body, from its words (whitespace squashed) from
    its cue on; ``meeting_date`` (ISO) dates "to the April meeting" and "in six months'
    time", and rules out dates before the meeting."""
    after = request
    if (step := _NEXT_STEP.search(after)) is not None:
        after = after[: step.start()]  # the request's own clause, not what happens next
    body_match = None
    if _BODY_WORD.search(after):  # most requests name no body: the costlier patterns skipped
        body_match = _TO_BODY.search(after) or _TO_ANY_BODY.search(after)
    body = _tidy_body(body_match["body"]) if body_match else None
    return find_due(after, meeting_date), body


# "… be shown to the Panel on Monday and then posted to tenants by 14 May": a
# later step's date is not when the request is due
_NEXT_STEP = re.compile(r",?\s(?:and\s+then|after\s+which|and\s+thereafter)\s", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0]+")


def _tidy_body(body: str) -> str:
    return _SPACES.sub(" ", body).strip(" ,")
