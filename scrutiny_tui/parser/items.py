"""One agenda item's content: its sections, decisions, recommendations, attendees, points and
requested actions, each with the span of the words it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scrutiny_tui.parser import actions as action_rules
from scrutiny_tui.parser import motions
from scrutiny_tui.parser.blocks import LIST_LABEL, Block, squash
from scrutiny_tui.parser.decisions import (
    BODY_DECIDES,
    BODY_WORDS,
    DECISION_END,
    MINUTES_APPROVED,
    classify,
    is_lead_in,
    trigger_tail,
)
from scrutiny_tui.parser.headings import SECTION_LABEL
from scrutiny_tui.parser.lowered import lower_twin, lowered
from scrutiny_tui.parser.model import Action, Person, Point, Recommendation, Resolution, Span
from scrutiny_tui.parser.people import looks_like_name, people_from_list, person_from_entry

RECOMMENDATION = re.compile(
    r"^Recommendation\s+(?P<ref>\d+(?:\.\d+)*[a-z]?|[A-Z]\b)\s*(?:[-–—:.)]|\s)\s*(?P<text>.*)$",
    re.IGNORECASE | re.DOTALL,
)
REPORT_REF = re.compile(
    r"\bReports?\s+(?:No\.?\s*|Number\s+|Ref(?:erence)?\.?\s*:?\s*)?"
    r"(?P<ref>[A-Z]{1,6}[/-]?\s?\d{2,}(?:[/.-]\d+)*[A-Z]?)\b"
)
_ATTENDANCE_LEAD = re.compile(
    r"\b(?=[iwap])(?:in\s+attendance|were\s+present|was\s+present|attended\s+(?:the\s+meeting|for\s+this\s+item)"
    r"|present\s+for\s+(?:this|the)\s+item)\b",
    re.IGNORECASE,
)
_ATTENDANCE_LEAD_LOWER = lower_twin(_ATTENDANCE_LEAD)
_STOP_SECTIONS = re.compile(
    r"^(?:Supporting\s+documents|Background\s+papers)\s*:?\s*$", re.IGNORECASE
)


@dataclass(slots=True)
class ItemContent:
    text: str = ""
    report_refs: list[str] = field(default_factory=list)
    attendees: list[Person] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_item(
    blocks: list[Block],
    title: str = "",
    meeting_date: str | None = None,
    lower: str | None = None,
    *,
    cut_off: bool = False,
) -> ItemContent:
    """``lower``, when given, is the whole document lower-cased by ``lowered_document``: the
    blocks' offsets cut their lower-cased words from it. ``cut_off``: the text ends inside
    this item, mid-sentence (an excerpt cut short), so a decision opened in its last blocks
    may have lost its words."""
    content = ItemContent()
    blocks, after_documents = _until_supporting_documents(blocks)
    for block in after_documents:
        if _opens_decision(block) is not None:
            content.warnings.append(
                f"item “{_excerpt(title)}”: a decision after “Supporting documents” was not "
                f"read: “{_excerpt(block.text)}”"
            )
    used: set[int] = set()  # indexes of blocks that are not discussion points
    _decisions(blocks, content, used, cut_off=cut_off)
    _attendees(blocks, content, used)
    for block in blocks:
        recommendation = RECOMMENDATION.match(block.text)
        if recommendation:
            content.recommendations.append(
                Recommendation(
                    recommendation["ref"], squash(recommendation["text"]), _span(block), block.raw
                )
            )
    content.report_refs = _report_refs(title, blocks)
    content.points = [
        Point(block.text, _span(block), block.raw)
        for index, block in enumerate(blocks)
        if index not in used and not _is_label(block) and not block.text.endswith(":")
    ]
    _listed_recommendations(blocks, content)
    content.actions = _actions(blocks, content.resolutions, meeting_date, lower)
    content.text = "\n".join(_display(block) for block in blocks)
    return content


def _until_supporting_documents(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """The item's blocks up to its list of supporting documents, and those after it."""
    for index, block in enumerate(blocks):
        if _STOP_SECTIONS.match(block.text):
            return blocks[:index], blocks[index + 1 :]
    return blocks, []


def _excerpt(words: str, width: int = 60) -> str:
    words = squash(words)
    return words if len(words) <= width else words[: width - 1].rstrip() + "…"


def _span(block: Block) -> Span:
    return Span(block.start, block.end)


def _display(block: Block) -> str:
    if block.is_bullet:
        return f"• {block.text}"
    if block.marker is not None:
        return f"{block.marker} {block.text}"
    return block.text


def _is_label(block: Block) -> bool:
    # a label's words end in its colon (the text is squashed: nothing follows it)
    return block.text.endswith(":") and bool(SECTION_LABEL.match(block.text))


# ---- decisions ---------------------------------------------------------------------


def _decisions(
    blocks: list[Block], content: ItemContent, used: set[int], *, cut_off: bool = False
) -> None:
    seen: set[bytes] = set()
    low, high = _decision_scope(blocks)
    index = low
    found_any = False
    unread: int | None = None  # the last block that opened a decision read as none
    last_keyword = -1  # the last block opened by the keyword itself ("RESOLVED", "Decision:")
    while index < high:
        block = blocks[index]
        if block.text[:8] == "DEFERRED" and not block.marker:
            # "DEFERRED for a site visit, to be held on …": a planning committee's outcome,
            # its word in capitals as a decision's keyword is
            found_any = True
            _add_resolution(content, seen, None, block.text, "", block)
            used.add(index)
            index += 1
            continue
        opened = _opens_decision(block) or _recommendations_decided(blocks, index, high)
        if opened is not None:
            found_any = True
            if _KEYWORD_FIRST.match(block.text):
                last_keyword = index
            trigger, words, words_start = opened
            used.add(index)
            before = len(content.resolutions)
            after = _read_decision(
                blocks[:high], index, trigger, words, words_start, content, used, seen
            )
            if len(content.resolutions) == before:
                unread = index
            index = after
            continue
        opens_motion = motions.opens_motion(block.text)
        if opens_motion and _paragraph_motions(block, content, seen):
            found_any = True
            used.add(index)
            index += 1
            continue
        if opens_motion and (
            not block.text.endswith(":")
            or _SUBSTANTIVE_CARRIED.search(block.text)
            or _PASSED_LEAD_IN.search(block.text)
            or _quoted_then_carried(blocks, index, high)
        ):
            taken = _motion(blocks, index, high, content, used, seen)
            if taken:
                found_any = True
                index += taken
                continue
            unread = index
        index += 1
    # "Reasons for Decision" / "1. To respond to …": why, not what was decided
    reasons = _reasons_given(blocks, low, high)
    if not found_any:
        _implicit_decisions(blocks[low:high], content, used, low, skip=reasons or None)
    else:
        # beside the decisions read, one stated without the keyword in a block of its own
        # ("(b) Budget monitoring / … The report was noted.", "Members noted the results."
        # before "The Panel agreed that …"); but before a keyword's decisions, the account
        # of the debate restates what they then record ("The Board requested that …")
        skip = set(used) | set(range(low, last_keyword + 1)) | reasons
        _implicit_decisions(blocks[low:high], content, used, low, skip=skip)
    if cut_off and unread is not None:
        _cut_off_decision(blocks, unread, high, content, used, seen)


_CUT_OFF_REACH = 4  # blocks: a decision opened this near the end lost its words to the cut


def _cut_off_decision(
    blocks: list[Block],
    opener: int,
    high: int,
    content: ItemContent,
    used: set[int],
    seen: set[bytes],
) -> None:
    """A decision the text's end cut short ("RESOLVED: That the Cabinet: A: Welcomes …",
    "Moved by … Seconded by … THAT Council reconv", "Resolution No: 76/05", "Ms A's
    nomination was seconded and, the vote being ta"): opened in the item's last
    blocks, nothing read from it, nothing decided after it. Its opening words record that
    a decision was made: one decision, its words those the text keeps."""
    if high - opener > _CUT_OFF_REACH or high != len(blocks):
        return
    start = blocks[opener].start
    if any(resolution.span.start >= start for resolution in content.resolutions):
        return
    holder = blocks[opener]
    words = [b.text for b in blocks[opener + 1 : high] if not motions.is_mover_line(b.text)]
    text = " ".join(words) if words else holder.text
    if motions.was_lost(holder.text) or motions.was_lost(text):
        return  # "The amendment was not seconded and the Chair moved to the": no decision
    _add_resolution(content, seen, None, text, "RESOLVED", holder)
    used.update(range(opener, high))


def _declared_carried(blocks: list[Block], cursor: int, high: int) -> int | None:
    """The block after a motion's words, before any other motion or decision, that records
    the vote on it carried ("… 21 Members voted For, 6 Members voted Against, the Mayor
    declared the motion carried."), an amendment's vote aside."""
    amending = False  # within an amendment moved to the motion, until its vote
    for after in range(cursor + 1, high):
        text = blocks[after].text
        carried = _DECLARED_CARRIED.search(text)
        if carried is not None and "amendment" not in text[: carried.end()].lower():
            return after  # ("The motion was put to the meeting and AGREED unanimously.")
        if motions.opens_motion(text) and _amending(blocks, after):
            amending = True  # the vote on the motion comes after the amendment's
            continue
        if amending and "amendment" in text.lower() and _VOTED.search(text):
            amending = False
            continue
        if amending:
            continue
        if motions.opens_motion(text) or _opens_decision(blocks[after]) is not None:
            return None
    return None


_VOTED = re.compile(r"\b(?:lost|LOST|carried|CARRIED|fell|defeated|agreed|AGREED)\b")


def _quoted_then_carried(blocks: list[Block], index: int, high: int) -> bool:
    """ "The following Notice of Motion was proposed by A and seconded by B:" over the
    motion's quoted words, the debate and "The Mayor declared the motion carried."."""
    return (
        index + 1 < high
        and motions.DECISION_WORDS.match(blocks[index + 1].text) is not None
        and not _amending(blocks, index)
        and _declared_carried(blocks, index + 1, high) is not None
    )


def _amending(blocks: list[Block], index: int) -> bool:
    """Whether the motion opened at ``blocks[index]`` is an amendment ("AMENDMENT" over
    "Proposed by …", or "An amendment was moved by …")."""
    previous = blocks[index - 1].text if index > 0 else ""
    return "amendment" in blocks[index].text.lower() or previous.upper() == "AMENDMENT"


def _lost_after(blocks: list[Block], cursor: int, high: int) -> bool:
    """ "Lost" or "Motion Defeated" on its own after a motion's words (and the clauses they
    lead in to), before another motion or decision opens."""
    for after in range(cursor, min(cursor + 8, high)):
        text = blocks[after].text
        if (_LOST_LINE.match(text) and len(text.split()) <= 8) or _PUT_AND_LOST.match(text):
            return True
        if motions.opens_motion(text) or _opens_decision(blocks[after]) is not None:
            return False
    return False


_LOST_LINE = re.compile(r"^(?:(?:The\s+)?Motion\s+)?(?:Lost|LOST|lost|Defeated|DEFEATED)\b", re.I)
# "The amendment was put to the meeting and declared lost, 9 Members voting For …"
_PUT_AND_LOST = re.compile(
    r"^The\s+(?:amendment|motion|proposal)\s+was\s+(?:then\s+)?put\b[^.]{0,60}?\b"
    r"(?:declared\s+)?(?:lost|LOST|defeated|fell)\b"
)


def _carried_after(blocks: list[Block], cursor: int, high: int) -> bool:
    """ "Carried." or "Motion Carried Unanimously" right after a motion's words, perhaps
    after the list they end with ("… to consider the following: / 1. … / Motion Carried")."""
    if any(
        _CARRIED_LINE.search(blocks[after].raw)
        for after in range(cursor + 1, min(cursor + 4, high))
    ) or bool(_CARRIED_WORD.search(blocks[cursor].text)):
        return True
    # "… subject to the following conditions:" / "1. …" … "4. …" / "CARRIED 4/3": after a
    # longer list of the motion's clauses
    after = cursor + 1
    while after < high and blocks[after].is_labelled and after - cursor <= _CLAUSES_AT_MOST:
        after += 1
    return any(
        _CARRIED_LINE.search(blocks[other].raw)
        for other in range(max(cursor + 4, after - 1), min(after + 1, high))
    )


_CLAUSES_AT_MOST = 20


# "… Seconded: Cr Irwin That Council:": a motion's words that lead in to its clauses
_MOTION_LEAD_IN = re.compile(r"\b(?:That|THAT|that)\b[^.:]{0,80}:-?\s*$")
_CARRIED_LINE = re.compile(
    r"(?m)^[ \t\u00a0]*(?:Motion[ \t]+(?:[Cc]arried|CARRIED)|Carried|CARRIED)\b"
)
# "… the Mayor declared the motion carried": a recorded vote closing the debate on a motion
_DECLARED_CARRIED = re.compile(
    r"\b(?:declared|was)\s+(?:the\s+(?:motion|proposal)\s+)?(?:duly\s+)?(?:carried|CARRIED)\b"
    # "The motion was put to the meeting and AGREED unanimously."
    r"|\bwas\s+(?:then\s+)?put\s+(?:to\s+(?:the|a)\s+(?:meeting|vote)\s+)?and\s+(?:was\s+)?"
    r"(?:duly\s+|unanimously\s+)?(?:carried|CARRIED|agreed|AGREED)\b"
)
_CARRIED_WORD = re.compile(r"\b(?:Carried|CARRIED)\b")
_ON_A_MOTION = re.compile(r"\bon\s+a\s+motion\b", re.IGNORECASE)
_THAT_REST = re.compile(r"\b(?:that|THAT)\b\s+(?P<rest>\S.*)$")


# "On the proposal of Cllr A, seconded by Cllr B, …", "Proposed by A, seconded by B, …"
_PROPOSAL_LEAD = re.compile(
    r"^(?:On\s+the\s+(?:proposal|proposition|motion)\s+of|(?:It\s+was\s+)?(?:Proposed|Moved)"
    r"\s+by)\s+[^,]{2,80},\s*(?:and\s+)?seconded\s+by\s+[^,]{2,80},\s+(?P<rest>\S.+)$",
    re.IGNORECASE,
)
# "… as set out in the report was approved.": the passive decision a proposal led to
_PASSIVE_DECIDED_END = re.compile(
    r"\b(?:was|were)\s+(?:duly\s+|unanimously\s+)?(?:approved|adopted|agreed|accepted|endorsed)"
    r"[^.;]{0,60}\.?$"
)


def _decides_alone(words: str) -> bool:
    """Whether ``words`` decide of themselves: a body's decision, the minutes approved, or
    a thing approved in the passive."""
    return bool(
        BODY_DECIDES.match(words)
        or MINUTES_APPROVED.match(words)
        or _PASSIVE_WHOLE.match(words)
        or _PASSIVE_DECIDED_END.search(words)
        or _MEMBERS_DECIDE.match(words)
    )


# "… seconded by Cllr B, the Members approved the disposal …"
_MEMBERS_DECIDE = re.compile(
    r"(?:the\s+)?(?:Members|Councillors)\s+(?:approved|agreed|adopted|noted)\b", re.IGNORECASE
)


def _from_mover(words: str) -> str:
    """``words`` from the sentence that names the motion's mover (all of them if none does)."""
    mover = motions.MOTION.search(words)
    if mover is None:
        return words
    start = 0
    for sentence_start, sentence_end in action_rules.sentences(words):
        if sentence_start <= mover.start() < sentence_end:
            start = sentence_start
            break
    return words[start:]


_CARRIED_OR_LOST = re.compile(r"^(?:Motion\s+)?(?:Carried|CARRIED|Lost|LOST|Defeated)\b")


def _decision_scope(blocks: list[Block]) -> tuple[int, int]:
    """Where an item's decisions are read: after its "Minutes:" label (the text before it is
    the agenda's), and only under "Decision:" when the page prints the decisions there and
    the minutes again below."""
    decision = next((i for i, b in enumerate(blocks) if _DECISION_LABEL.match(b.text)), None)
    minutes = next((i for i, b in enumerate(blocks) if _MINUTES_LABEL.match(b.text)), None)
    if decision is not None and minutes is not None and minutes > decision:
        return decision, minutes
    if minutes is not None:
        return minutes + 1, len(blocks)
    if decision is not None:
        return decision, len(blocks)
    return 0, len(blocks)


_DECISION_LABEL = re.compile(r"^Decisions?\s*:?\s*$", re.IGNORECASE)
_MINUTES_LABEL = re.compile(r"^Minutes\s*:\s*$", re.IGNORECASE)


def _motion(
    blocks: list[Block],
    index: int,
    high: int,
    content: ItemContent,
    used: set[int],
    seen: set[bytes],
) -> int:
    """Read a motion opened at ``blocks[index]``; the number of blocks it took (0: none)."""
    group = [index]
    cursor = index + 1
    # "Council resolution" / "Councillors Hale / Irwin" / "Moved by: …" / "Seconded by: …"
    while (
        cursor < high
        and cursor - index < 6
        and (
            motions.is_mover_line(blocks[cursor].text)
            or motions.MOTION.search(blocks[cursor].text)
            or motions.OUTCOME_LINE.match(blocks[cursor].text)
        )
        and not motions.DECISION_WORDS.match(blocks[cursor].text)
        # "On the proposal of A, seconded by B, the minutes … were adopted." twice: two
        # motions whole, each with its decision
        and not (
            _PROPOSAL_LEAD.match(blocks[cursor].text) and _PROPOSAL_LEAD.match(blocks[index].text)
        )
        # "RESOLVED –" over clauses after the vote: the decision the motion led to, read as one
        and not (_KEYWORD_FIRST.match(blocks[cursor].text) and _opens_decision(blocks[cursor]))
    ):
        group.append(cursor)
        cursor += 1
    if cursor < high and _opens_decision(blocks[cursor]) is not None:
        for taken in group:
            used.add(taken)
        return len(group)  # "… seconded by … and" / "RESOLVED: that …": the RESOLVED counts
    words = _after_lost_motion(" ".join(blocks[i].text for i in group))
    if not (
        motions.SECONDED.search(words)
        or motions.MOTION_HEADING.match(blocks[index].text)
        or _ON_A_MOTION.search(words)
    ):
        return 0  # "proposed by the Council" in a sentence is not a motion
    tail_blocks: list[int] = []
    passed = motions.outcome(words)
    text = ""
    if passed and len(passed[1].split()) >= 3 and passed[0].lower() != "carried":
        text = passed[1]
    else:
        # the motion's own words are in the sentence naming its mover, not in the discussion
        # before it ("Ms Pike asked that … . Cllr A moved, seconded by B, to approve …")
        own = _from_mover(words)
        that = _THAT_REST.search(own)
        led = _PROPOSAL_LEAD.match(own)
        if led is not None and _decides_alone(led["rest"]):
            # "On the proposal of Cllr A, seconded by Cllr B, the minutes … were adopted."
            text = led["rest"]
        elif that and len(that["rest"].split()) >= 3:
            text = that["rest"]
        elif (
            cursor < high
            and motions.DECISION_WORDS.match(blocks[cursor].text)
            and _amending(blocks, index)
            and _lost_after(blocks, cursor + 1, high)
        ):
            # "AMENDMENT / Proposed by A / Seconded by B / That the words … / … The
            # amendment was put to the meeting and declared lost"
            for taken in [*group, cursor]:
                used.add(taken)
            return cursor + 1 - index
        elif (
            cursor < high
            and motions.DECISION_WORDS.match(blocks[cursor].text)
            and (
                passed
                or motions.MOTION_HEADING.match(blocks[index].text)
                or _carried_after(blocks, cursor, high)
                or _declared_carried(blocks, cursor, high) is not None
            )
        ):
            lead_in = blocks[cursor].text
            if (
                cursor + 1 < high
                and blocks[cursor + 1].is_labelled  # "a)", "1.": clauses, not a list of things
                and (lead := _MOTION_LEAD_IN.search(lead_in)) is not None
                and is_lead_in(lead.group(0))
            ):
                # "That Council:" in a paragraph of its own, then "a) receives …", "b) …"
                for taken in [*group, cursor]:
                    used.add(taken)
                if _lost_after(blocks, cursor + 1, high):
                    return cursor + 1 - index
                after = _entries(
                    blocks,
                    cursor + 1,
                    "RESOLVED",
                    content,
                    used,
                    seen,
                    only_after_lead_in=False,
                    lead_in=lead_in,
                )
                return after - index
            tail_blocks.append(cursor)
            text = blocks[cursor].text
            # "Carried." / "Motion Carried Unanimously" after the motion's words
            after = cursor + 1
            if (
                after < high
                and len(blocks[after].text.split()) <= 8
                and _CARRIED_OR_LOST.match(blocks[after].text)
            ):
                tail_blocks.append(after)
        elif then := motions.PROPOSED_THEN.search(words) or motions.SECONDED_THEN.search(words):
            text = then["rest"]
        elif passed:
            text = own
        elif (
            cursor < high
            and blocks[cursor].marker is not None
            and (lead := _MOTION_LEAD_IN.search(words)) is not None
            and is_lead_in(lead.group(0))
            and _carried_after(blocks, cursor, high)
        ):
            # "That Council: / 1. Receive … / 2. Approve … / Carried": each clause decides
            after = _entries(
                blocks, cursor, "RESOLVED", content, used, seen, only_after_lead_in=False
            )
            for taken in group:
                used.add(taken)
            return after - index
        elif _carried_after(blocks, group[-1], high):
            # "Motion by A, seconded by B, to award … / Roll Call / Ayes: … / Motion carried 4-1."
            text = own
        elif _NUMBERED_RESOLUTION.match(words):
            # "Resolution 449/2026 Moved: Cr A Seconded: Cr B Council adjourn …": a number
            # from the council's register of resolutions is given to what was resolved,
            # unless the record then says the motion was lost
            if _ENDS_LOST.search(words) or _lost_after(blocks, cursor, high):
                for taken in group:
                    used.add(taken)
                return len(group)
            if (
                cursor < high
                and blocks[cursor].marker is not None
                and (lead := _MOTION_LEAD_IN.search(words)) is not None
                and is_lead_in(lead.group(0))
            ):
                # "Resolution 21/2026 … That Council: / 1. Receive … / 2. Approve …"
                after = _entries(
                    blocks, cursor, "RESOLVED", content, used, seen, only_after_lead_in=False
                )
                for taken in group:
                    used.add(taken)
                return after - index
            text = words
    if not text:
        return 0
    closing = " ".join(blocks[i].text for i in tail_blocks[-1:]) if tail_blocks else ""
    carried = _SUBSTANTIVE_CARRIED.search(words)
    if carried and (moved := _THAT_REST.search(words[: carried.start()])) is not None:
        # "… that X. It was then moved, by way of amendment, … LOST. The substantive motion
        # was then put and CARRIED": the decision is the motion as first moved
        text = _AMENDMENT_MOVED.split(moved["rest"], maxsplit=1)[0]
    elif motions.was_lost(words) or motions.was_lost(closing):
        for taken in group + tail_blocks:
            used.add(taken)
        _decided_after_loss(words, blocks[group[-1]], content, seen)
        return len(group) + len(tail_blocks)
    # the span is the block holding the decision's words: exact source, as for every record
    holder = blocks[tail_blocks[0]] if tail_blocks else blocks[group[-1]]
    words_decided = motions.decision_words(text.strip("“”\"' "))
    _add_resolution(content, seen, None, words_decided.strip("“”\"' "), "RESOLVED", holder)
    for taken in group + tail_blocks:
        used.add(taken)
    return len(group) + len(tail_blocks)


# "Resolution 449/2026", "RESOLUTION 2026/449": a numbered entry in the register of resolutions
_NUMBERED_RESOLUTION = re.compile(r"^(?:Resolution|RESOLUTION)\s+(?:No\.?\s*)?\d{1,5}/\d{2,5}\b")
# "… That the fee be waived. Lost": the record of the vote closing the motion's paragraph
_ENDS_LOST = re.compile(
    r"(?:^|[.;]\s+)(?:(?i:the\s+)?(?i:motion)\s+)?(?:Lost|LOST|Defeated|DEFEATED)\.?$"
)


_REASONS = re.compile(
    r"^(?:Reasons?\s+for\s+(?:the\s+)?(?:Decisions?|Recommendations?)|Alternative\s+options)",
    re.IGNORECASE,
)


def _reasons_given(blocks: list[Block], low: int, high: int) -> set[int]:
    """The blocks of a decision's reasons and the options it rejected, from their heading
    to the next decision (or the item's end)."""
    found: set[int] = set()
    inside = False
    for index in range(low, high):
        block = blocks[index]
        if _REASONS.match(block.text):
            inside = True
        elif inside and (_opens_decision(block) is not None or motions.opens_motion(block.text)):
            inside = False
        if inside:
            found.add(index)
    return found


def _decided_after_loss(words: str, holder: Block, content: ItemContent, seen: set[bytes]) -> None:
    """What the meeting then decided, in the paragraph that records a motion lost ("… so
    the motion fell. Members agreed that the CC would not object but …")."""
    lost = motions.LOST.search(words)
    if lost is None:
        return
    after = words[lost.end() :]
    for start, end in action_rules.sentences(after):
        sentence = after[start:end].strip()
        if (
            BODY_DECIDES.match(sentence)
            or _IT_WAS_AGREED.match(sentence)
            or _STAFF_DIRECTED.match(sentence)
        ):
            _add_resolution(content, seen, None, sentence, "", holder)


def _paragraph_motions(block: Block, content: ItemContent, seen: set[bytes]) -> bool:
    """A paragraph recording several motions one after another ("It was moved by A,
    seconded by B, to … Carried. It was moved by C, seconded by D, to … Carried."): one
    decision for each motion whose record says it passed, none for one lost or left
    undecided. False, and nothing read, for a paragraph holding fewer than two passed."""
    text = block.text
    if len(text) < 120:
        return False  # (the caller has seen a motion open in it)
    spans = action_rules.sentences(text)
    # a sentence naming its mover opens a motion ("Seconded by Cllr B." goes on one)
    starts: list[int] = []
    for start, end in spans:
        mover = _MOVER.search(text, start, end)
        if mover is None or not motions.MOTION.search(text, start, end):
            continue
        # '"CARRIED" Resolution #C-12 Moved by …' where the stop was lost: the earlier
        # motion's outcome is not the next one's
        closed = [m.end() for m in _MOTION_CLOSED.finditer(text, start, mover.start())]
        starts.append(closed[-1] if closed else start)
    if len(starts) < 2 or _SUBSTANTIVE_CARRIED.search(text):
        return False
    segments = [
        text[start : (starts[n + 1] if n + 1 < len(starts) else len(text))]
        for n, start in enumerate(starts)
    ]
    carried = [bool(_MOTION_PASSED.search(segment)) for segment in segments]
    for n, segment in enumerate(segments):
        pending = [m for m in range(n) if not carried[m]]
        if pending and _AS_AMENDED_PASSED.search(segment):
            # the motion left pending while an amendment to it was moved passes when "the
            # motion, as amended" does
            carried[pending[-1]] = True
    passed = [
        segment
        for n, segment in enumerate(segments)
        if carried[n] and not motions.was_lost(segment)
    ]
    lost = [segment for segment in segments if motions.was_lost(segment)]
    if len(passed) < 2 and not (passed and lost):
        return False
    for segment in segments:
        if segment in passed:
            _add_resolution(content, seen, None, _motion_words(segment), "RESOLVED", block)
        elif segment in lost:
            # "Motion failed 2-3. Staff was directed to bring back a speed study …"
            _decided_after_loss(segment, block, content, seen)
    return True


def _motion_words(segment: str) -> str:
    """What a motion in a paragraph decided: the words after "resolved", or after "that",
    or its first sentence less the record of who moved it ("Moved by Cr. Hale, seconded
    by Cr. Irwin. THAT the report be adopted. CARRIED" gives "the report be adopted.")."""
    opening = _MOVED_FROM.search(segment)
    text = segment[opening.start() :] if opening is not None else segment
    spans = action_rules.sentences(text)
    first = text[spans[0][0] : spans[0][1]].strip() if spans else text
    outcome = motions.outcome(first)
    if outcome and outcome[0].lower() != "carried" and len(outcome[1].split()) >= 3:
        return outcome[1]  # "… and resolved to renew the contract"
    if _TO_CLAUSE.search(first) and not _THAT_WORDS.search(first):
        # "…, seconded by B, to approve the sum. Ms Pike asked that …": its own words, not
        # a later sentence's "that"
        return motions.decision_words(first)
    that = _THAT_WORDS.search(text)
    if that is not None:
        rest = text[that.start() :]
        clause = action_rules.sentences(rest)
        return rest[: clause[0][1]] if clause else rest
    return motions.decision_words(first)


_THAT_WORDS = re.compile(r"\b(?:that|THAT|That)\s+(?P<rest>\S.*)$", re.DOTALL)
_TO_CLAUSE = re.compile(r"(?:,|\b(?:moved|proposed))\s+to\s+[a-z]{3,}")
_MOTION_CLOSED = re.compile(r"\b(?:CARRIED|Carried|carried|LOST|Lost|lost)\b[\"”.]*")
_MOVED_FROM = re.compile(r"\b(?i:it\s+was\s+)?(?i:duly\s+)?(?i:moved|proposed)\b")
_MOVER = re.compile(r"\b(?i:moved|proposed)\b|\b(?i:on\s+a\s+motion)\b")


# the record of a motion that passed: "… and RESOLVED to …", "Carried.", "unanimously agreed"
_MOTION_PASSED = re.compile(r"\b(?:RESOLVED|[Rr]esolved|AGREED|[Aa]greed|CARRIED|[Cc]arried)\b")


# "… called for a vote on the motion, as amended. Carried unanimously."
_AS_AMENDED_PASSED = re.compile(
    r"\b(?i:motion),?\s+(?i:as\s+amended)\b[^.]{0,80}[.,]?\s*(?:\w+\s+){0,2}?"
    r"(?:CARRIED|[Cc]arried|AGREED|[Aa]greed|APPROVED|[Aa]pproved)\b"
)


# "On the proposal of Cllr A, seconded by Cllr B, it was RESOLVED:" over the quoted words
_PASSED_LEAD_IN = re.compile(r"\b(?:RESOLVED|Resolved|resolved|AGREED|Agreed|agreed)\s*:-?$")
_SUBSTANTIVE_CARRIED = re.compile(
    r"\b(?:substantive|original)\s+motion\s+(?:was\s+)?(?:then\s+)?(?:put\s+(?:to\s+the\s+vote\s+)?"
    r"and\s+)?(?:was\s+)?(?:declared\s+)?(?:CARRIED|carried|Carried)\b"
)
_AMENDMENT_MOVED = re.compile(
    r"[.\"”]\s+It\s+was\s+then\s+moved|\s+by\s+way\s+of\s+(?:an\s+)?amendment|\s+as\s+an\s+amendment"
)
# A decision opened by its keyword or label, not by a sentence naming the body that decided
_KEYWORD_FIRST = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:UNANIMOUSLY|Unanimously|It\s+was)\s+)?"
    r"(?:R\s?E\s?S\s?O\s?L\s?V\s?E\s?D|Resolved|AGREED|Agreed|RECOMMENDED|Recommended|DECISIONS?"
    r"|Decisions?|DECIDED|Decided|Minutes|OUTCOMES?|Outcomes?)\b"
)


def _after_lost_motion(words: str) -> str:
    """The motion a paragraph ends with, where one it opened with was lost ("A proposal by
    A, seconded by B, to defer the works was not carried. Proposed by C, seconded by D and
    RESOLVED to accept the quotation.")."""
    spans = action_rules.sentences(words)
    for start, _ in spans[1:]:
        opens = motions.MOTION.search(words[start : start + 60]) is not None
        if opens and motions.was_lost(words[:start]):
            return words[start:]
    return words


# "Decision:" alone in its block; read over the raw words (whitespace is what squashing would
# fold, so the pattern's \s* absorbs it) to save squashing every block that is asked
_DECISION_ALONE = re.compile(r"^\s*Decisions?\s*:\s*$", re.IGNORECASE)
# "Recommendations:" / "The Select Committee:" / "1. Notes …": a scrutiny body's decisions
# are its recommendations
_RECOMMENDATIONS_ALONE = re.compile(r"^Recommendations?\s*:?$", re.IGNORECASE)
# "The Select Committee", "The IJB": a body named at a line's start, before its colon
_BODY_NAMED = rf"^(?:The\s+)?(?:[\w()&,'’-]+\s+){{0,6}}?{BODY_WORDS}\s*:"
_BODY_LEAD = re.compile(_BODY_NAMED + r"-?$")


def _recommendations_decided(
    blocks: list[Block], index: int, high: int
) -> tuple[str, str, int] | None:
    """The trigger of a "Recommendations:" heading over the body's own numbered list."""
    block = blocks[index]
    if (
        index + 1 < high
        and _RECOMMENDATIONS_ALONE.match(block.text)
        and _BODY_LEAD.match(blocks[index + 1].text)
    ):
        return "RECOMMENDED", "", block.start + len(block.raw)
    return None


# "Minutes: RESOLVED …" in a flattened row, perhaps after the page's "Additional documents:"
_INLINE_LABEL_START = re.compile(
    r"^(?:Additional\s+documents\s*:\s*)?(?:Minutes|Decisions?)\s*:\s*", re.IGNORECASE
)


def _opens_decision(block: Block) -> tuple[str, str, int] | None:
    """(trigger, words after it, raw offset of those words) for a block opening a decision."""
    raw = block.raw.lstrip(" \t\u00a0\ufeff")
    lead = len(block.raw) - len(raw)
    if block.marker is not None and block.label is not None:
        # "1. RESOLVED that ..." or a paragraph number; "a) Resolved (unanimously): …", a
        # lettered part of the item opening with the keyword
        stripped = raw[len(block.marker) :]
        inner = stripped.lstrip(" \t\u00a0")
        if block.label.isdigit() or _KEYWORD_FIRST.match(inner):
            lead += len(block.marker) + len(stripped) - len(inner)
            raw = inner
    if _DECISION_ALONE.match(raw):
        return "DECISION", "", block.start + len(block.raw)
    inline = _INLINE_LABEL_START.match(raw)
    if inline and trigger_tail(raw[inline.end() :]) is not None:
        lead += inline.end()  # "Minutes: RESOLVED that …" in a flattened table row
        raw = raw[inline.end() :]
    opened = trigger_tail(raw)
    if opened is None:
        if ":" not in raw or ("inutes" not in raw and "ecision" not in raw):
            return None  # a label's colon and words: most blocks lack them
        return _opens_after_label(block, raw, lead)
    trigger, words, offset = opened
    return trigger, words, block.start + lead + offset


# "Minutes:" or "Decision:" inside a flattened row, after the agenda's words ("… Additional
# documents: Minutes: RESOLVED:", "Contact: … Tel: 01234 567890 Decision: That …"): after
# a field or a sentence has ended, not inside a title ("Call-in of Cabinet Decision: …")
# (the pattern opens on the label's words, which the regex engine finds quickly; what comes
# before the label is checked after)
_MID_LABEL = re.compile(r"(?:Minutes|Decisions?)[ \t\u00a0]*:[ \t\u00a0\n]*\S")
_BEFORE_LABEL = re.compile(r"[:.|)0-9][ \t\u00a0|]+\Z")
_THAT = re.compile(r"Decisions?[ \t\u00a0]*:[ \t\u00a0\n]*(?:That|THAT)\b")


def _opens_after_label(block: Block, raw: str, lead: int) -> tuple[str, str, int] | None:
    """The decision a label in the middle of the block opens, if one does: the words before
    it are the agenda's (its title, report, contact), those after it what was decided."""
    start = -1
    for label in _MID_LABEL.finditer(raw):
        at = label.start()
        if at and _BEFORE_LABEL.search(raw, max(0, at - 8), at):
            start = at  # the last label: the agenda's words are all before it
    if start < 0:
        return None
    rest = raw[start:]
    inline = _INLINE_LABEL_START.match(rest)
    if inline is None:
        return None
    opened = trigger_tail(rest[inline.end() :])
    if opened is not None:  # "Minutes: RESOLVED that …", "Decision: AGREED …"
        trigger, words, offset = opened
        return trigger, words, block.start + lead + start + inline.end() + offset
    if _THAT.match(rest):  # "Decision: That the update be noted.", read as at a line's start
        opened = trigger_tail(rest)
        if opened is not None:
            trigger, words, offset = opened
            return trigger, words, block.start + lead + start + offset
    return None


def _read_decision(
    blocks: list[Block],
    index: int,
    trigger: str,
    words: str,
    words_start: int,
    content: ItemContent,
    used: set[int],
    seen: set[bytes],
) -> int:
    """Read the decision opened at ``blocks[index]``; return the index after it."""
    block = blocks[index]
    tail = block.raw[words_start - block.start :]
    if trigger == "DECISION" and _NOT_A_DECISION.match(squash(tail)):
        return index + 1  # "Decision: Cllr Hale declared an interest …", as on a line below
    if squash(tail) and not is_lead_in(squash(tail)):
        clauses: list[tuple[str | None, str]] = [
            *(_inline_clauses(squash(tail)) or _body_clauses(squash(tail)))
        ]
        if clauses:
            # "RESOLVED – that (A) the plan be approved and (B) the survey be published."
            for label, clause in clauses:
                _add_resolution(content, seen, label, clause, trigger, block)
        else:
            _add_resolution(content, seen, None, squash(tail), trigger, block)
        index += 1
        return _entries(blocks, index, trigger, content, used, seen, only_after_lead_in=True)
    if _CONDITIONS_FOLLOW.search(squash(tail)):
        # "… has decided to grant the application subject to … the following conditions:":
        # one decision, its conditions the terms of it
        _add_resolution(content, seen, None, squash(tail).rstrip(":-– "), trigger, block)
        after = index + 1
        while after < len(blocks) and blocks[after].is_labelled:
            used.add(after)
            after += 1
        return after
    before = len(content.resolutions)
    after = _entries(
        blocks,
        index + 1,
        trigger,
        content,
        used,
        seen,
        only_after_lead_in=False,
        lead_in=squash(tail),
    )
    # (a list of names after the words is who was heard, not a decision: the words are not one)
    named = any(block.marker and _names_only(block.text) for block in blocks[index + 1 : after])
    if len(content.resolutions) == before and not named and len(squash(tail).split()) >= 6:
        # "RESOLVED that the minutes … be confirmed subject to the following:" with nothing
        # following that we can read: the words themselves are the decision
        _add_resolution(content, seen, None, squash(tail).rstrip(":-– "), trigger, block)
    return after


# a decision's lead-in to the conditions it is made on ("subject to the following
# additional conditions:", "with the conditions below:")
_CONDITIONS_FOLLOW = re.compile(
    r"\b(?:subject\s+to|with|on)\b[^:]{0,200}\bconditions?\s*(?:set\s+out\s+)?(?:below|as\s+follows)?\s*:-?\s*$"
    # "… be referred back to Cabinet for reconsideration, for the following reasons:": the
    # decision whole, its reasons listed under it
    r"|\S[^:]{20,200}\b(?:for|on)\s+the\s+following\s+(?:reasons?|grounds?)\s*:-?\s*$",
    re.IGNORECASE,
)
# "(a) …", "(ii) …", or "1. That …" (a number with a stop opens a clause only before "That")
_INLINE_CLAUSE = re.compile(
    r"(?:^|(?<=\s))(?:\((?P<label>[A-Za-z]|[ivx]{1,4}|\d{1,2})\)\s+"
    r"|(?P<numbered>\d{1,2})[.)]\s+(?=[Tt][Hh][Aa][Tt]\b)"
    # "The IJB: a) noted …; b) approved …; and c) agreed …"
    r"|(?P<bare>[a-z]|[ivx]{1,4})\)\s+)"
)


def _inline_clauses(words: str) -> list[tuple[str, str]]:
    """Labelled clauses run together on the decision's own line, if it has two or more that
    are labelled in order ((A), (B) … or (1), (2) … or (i), (ii) …)."""
    marks = list(_INLINE_CLAUSE.finditer(words))
    if len(marks) < 2:
        return []
    labels = [mark["label"] or mark["numbered"] or mark["bare"] for mark in marks]
    first = labels[0].lower()
    if first not in {"a", "1", "i"} or labels[1].lower() not in {"b", "2", "ii"}:
        return []
    clauses = []
    for position, mark in enumerate(marks):
        end = marks[position + 1].start() if position + 1 < len(marks) else len(words)
        clause = _clause(words[mark.end() : end].strip())
        if clause:
            clauses.append((labels[position], clause))
    return clauses


def _entries(
    blocks: list[Block],
    index: int,
    trigger: str,
    content: ItemContent,
    used: set[int],
    seen: set[bytes],
    *,
    only_after_lead_in: bool,
    lead_in: str = "",
) -> int:
    """The lettered/numbered/bulleted clauses of a decision (after "RESOLVED – That");
    ``lead_in`` is the words that introduced them ("That the following be noted:-")."""
    taken = 0
    style: str | None = None
    previous_label: str | None = None
    while index < len(blocks):
        block = blocks[index]
        if _ends_decision(block) or (only_after_lead_in and not block.marker):
            break
        if block.marker is not None:
            if not block.after_blank and taken == 0 and only_after_lead_in:
                break
            if only_after_lead_in and taken == 0 and _part_heading(block):
                break  # "(b) Fire and rescue precept": the item's next part, not a clause
            if motions.MOTION.search(block.text) and motions.SECONDED.search(block.text):
                break  # "(b) It was moved by …, seconded by …": the next motion, not a clause
            label = block.label
            entry_style = _entry_style(label, previous_label)
            style = style or entry_style
            if entry_style == style and _names_only(block.text):
                pass  # "received deputations from the following people: / - A Hale - B Irwin"
            elif entry_style == style:
                _add_resolution(
                    content, seen, label, _clause(block.text), trigger, block, lead_in=lead_in
                )
                previous_label = label
            # else "(i)", "(ii)" inside clause 2: part of it, not decisions of their own
        elif taken == 0 and block.text.endswith(":"):
            pass  # "The Scrutiny Board (Children and Families):"
        elif taken == 0:
            if _NOT_A_DECISION.match(block.text):
                return index
            clauses: list[tuple[str | None, str]] = [*_body_clauses(block.text)]
            if not clauses and lead_in:
                # "RESOLVED that:" over clauses a line each, their numbers lost
                clauses = [(None, clause) for clause in _line_clauses(block)]
            for label, clause in clauses or [(None, block.text)]:
                _add_resolution(content, seen, label, clause, trigger, block)
            used.add(index)
            return index + 1
        else:
            break
        used.add(index)
        taken += 1
        index += 1
    return index


# "The IJB: a) noted …; b) approved …": the body, then its decisions lettered inline
_BODY_COLON = re.compile(_BODY_NAMED + r"\s*(?=\S)")


def _line_clauses(block: Block) -> list[str]:
    """The clauses of a block whose every clause starts a line of its own, ending with a
    stop before the next ("The report be noted." / "That a further report be brought …"):
    a lettered list whose letters were lost. Nothing for a paragraph of running prose."""
    text = block.text
    starts = {squash(line)[:20] for line in block.raw.split("\n") if line.strip()}
    clauses: list[str] = []
    for start, end in action_rules.sentences(text):
        sentence = text[start:end]
        opens_line = any(prefix.startswith(sentence[:20]) for prefix in starts)
        if (opens_line and sentence[:1].isupper()) or not clauses:
            clauses.append(sentence)
        else:
            clauses[-1] = f"{clauses[-1]} {sentence}"
    return clauses if len(clauses) >= 2 else []


# a lettered part's heading: a few words with no stop, no verb's clause after them
_SUB_HEADING = re.compile(r"^(?!(?:That|To|The|This|It)\b)[A-Z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,6}$")


def _part_heading(block: Block) -> bool:
    """ "(b) Fire and rescue precept", or "(b) Taliadau / Payments" over the part's text: the
    heading of the item's next part."""
    if _SUB_HEADING.match(block.text):
        return True
    first, _, rest = block.raw.strip().partition("\n")
    label = LIST_LABEL.match(first)
    heading = first[label.end() :] if label else first
    return bool(rest.strip()) and bool(_SUB_HEADING.match(heading.strip()))


def _body_clauses(text: str) -> list[tuple[str | None, str]]:
    """Each decision of a body's list run into one paragraph, if it is one: lettered ("The
    IJB: a) noted …; b) approved …") or each clause a verb of its own after a semicolon
    ("The Board: noted …; took assurance from …; and agreed that …")."""
    lead = _BODY_COLON.match(text)
    if lead is None:
        return []
    words = text[lead.end() :]
    lettered: list[tuple[str | None, str]] = [*_inline_clauses(words)]
    if lettered or not _CLAUSE_VERB.match(words):
        return lettered
    # "noted …; took assurance …; and agreed …": one decision a verb ("The Board: noted
    # the report." alone is one)
    parts = _VERB_CLAUSE_BREAK.split(words)
    return [(None, _clause(part.strip())) for part in parts if part.strip()]


# the verb a body's clause opens with, in the past or present: "noted", "approves"
_CLAUSE_VERB = re.compile(
    r"(?:noted|notes|approved|approves|agreed|agrees|endorsed|endorses|took|takes|requested|"
    r"requests|accepted|accepts|supported|supports|welcomed|welcomes|recommended|recommends|"
    r"asked|asks|confirmed|confirms|considered|considers|delegated|delegates|ratified|"
    r"ratifies|instructed|instructs)\b"
)
_VERB_CLAUSE_BREAK = re.compile(r";\s+(?:and\s+)?(?=" + _CLAUSE_VERB.pattern + r")")


_NAME_SEPARATOR = re.compile(r"\s+[-–—]\s+|\s*[,;]\s*|\s+and\s+")


def _names_only(text: str) -> bool:
    """An entry that only names people ("Jo Hale - Sam Irwin"): who, not what was decided."""
    words = text.strip(" |.;")
    if any(word[:1].islower() and word not in ("and", "–") for word in words.split()):
        return False  # words of a clause, not only names (the common case, found cheaply)
    parts = [part for part in _NAME_SEPARATOR.split(words) if part]
    return bool(parts) and all(
        2 <= len(part.split()) <= 4 and looks_like_name(part) and part[:1].isupper()
        for part in parts
    )


# What a "Decision:" label may head that is no decision: "There were no declarations."
_NOT_A_DECISION = re.compile(
    r"^(?:There\s+(?:were|was)\s+no|No\s+(?:apologies|declarations|items|matters)|None\b|Nil\b|"
    r"Apologies\s+(?:for\s+absence\s+)?(?:were|was)|The\s+purpose\s+of"
    # "Cllr Hale declared an interest as …": a member's declaration, recorded
    r"|(?:Cllr|Councillor|Alderman|Mr|Mrs|Ms|Dr)\.?\s+[^.]{1,60}?\bdeclared\b)",
    re.IGNORECASE,
)


_ROMAN = re.compile(r"[ivxlc]+", re.IGNORECASE)


def _entry_style(label: str | None, previous: str | None) -> str:
    """ "digit", "letter", "roman" or "bullet": (h) then (i) is a letter, (i) alone a numeral."""
    if label is None:
        return "bullet"
    if label.isdigit():
        return "digit"
    roman = _ROMAN.fullmatch(label) is not None
    follows = (
        previous is not None
        and len(previous) == 1
        and len(label) == 1
        and ord(label.lower()) == ord(previous.lower()) + 1
    )
    return "roman" if roman and not follows and label.lower() not in {"c", "l"} else "letter"


def _ends_decision(block: Block) -> bool:
    return (
        bool(DECISION_END.match(block.text))
        or _opens_decision(block) is not None
        or bool(_STOP_SECTIONS.match(block.text))
    )


def _clause(text: str) -> str:
    """A clause without the "; and" that joins it to the next one (or a table's "|")."""
    clause = text.rstrip(" ;,|")
    for joiner in (" and", " or"):
        if clause.lower().endswith(joiner):
            clause = clause[: -len(joiner)].rstrip(" ;,")
    return clause or text


# Every ASCII character but the lower-case letters and digits: what a key leaves out
_NOT_KEY_BYTES = bytes(
    code for code in range(128) if not (chr(code).isdigit() or chr(code).islower())
)


def _key(text: str) -> bytes:
    """The letters a-z and digits of the lower-cased ``text``, all else left out: the same
    record worded with other spacing or punctuation has the same key. (Three calls in C:
    a pattern substituting for every other character took a tenth of the actions' time.)"""
    return text.lower().encode("ascii", "ignore").translate(None, _NOT_KEY_BYTES)


# "Approved subject to the conditions in the report.": a planning committee's outcome, the
# same words for each application it approves (not one decision printed twice)
_PLANNING_OUTCOME = re.compile(
    r"^(?:Approved|Refused|Granted|Permitted|Deferred|Permission\s+(?:granted|refused))\b"
    r"[^.;]{0,80}\.?$",
    re.IGNORECASE,
)


def _add_resolution(
    content: ItemContent,
    seen: set[bytes],
    label: str | None,
    text: str,
    trigger: str,
    block: Block,
    *,
    lead_in: str = "",
) -> None:
    if text[:1] == "(":
        text = _VOTE_NOTE.sub("", text) or text  # "(unanimously): to accept …"
    key = _key(text)
    if not key:
        return
    if key in seen and not _PLANNING_OUTCOME.match(text):
        content.warnings.append(f"decision given twice, kept once: {text[:60]}")
        return
    seen.add(key)
    kind = classify(text, trigger)
    if kind == "other" and lead_in:
        kind = classify(lead_in, trigger)  # "the following be noted:- (a) the survey"
    content.resolutions.append(Resolution(label, _clause(text), kind, _span(block), block.raw))


def _implicit_decisions(
    blocks: list[Block],
    content: ItemContent,
    used: set[int],
    offset: int = 0,
    *,
    skip: set[int] | None = None,
) -> None:
    """Decisions stated without the word: a lettered list of "That …" clauses, "That the
    update be noted.", "The Panel notes …", "Council noted …", "The Committee
    confirmed the minutes …", "The minutes … were approved", "X was duly elected",
    "… RESOLVED and noted."."""
    seen: set[bytes] = set()
    clauses_until = -1  # the clauses a keyword-less lead-in introduced were read with it
    skipped = set(skip) if skip else set()
    for index, block in enumerate(blocks):
        if index < clauses_until:
            continue
        if index + offset in skipped and not _after_a_vote(blocks, index, used, offset):
            if index + offset not in used:
                _votes_carried(block, content, seen, used, index + offset)
            continue
        text = block.text
        if text[:1].isdigit():  # "5.3 The Committee noted …": the paragraph's number off
            text = _PARAGRAPH_NUMBER.sub("", text)
        if (
            not block.marker
            and (_LEAD_IN_CLAUSES.match(text) or _RESOLVED_LEADS_IN.search(text))
            and index + 1 < len(blocks)
            and blocks[index + 1].is_labelled
        ):
            # "That the following be noted:- / (a) … / (b) …": each clause decides, the
            # lead-in does not
            clauses_until = _entries(
                blocks, index + 1, "", content, used, seen, only_after_lead_in=False, lead_in=text
            )
            used.add(index + offset)
            for taken in range(index + 1, clauses_until):
                used.add(taken + offset)
            continue
        # "(a) That …", or a clause whose "That" the lead-in above it holds: "1) the minutes
        # … be noted;"
        that_clause = block.is_labelled and (text.lower().startswith("that ") or _be_clause(text))
        if skip is not None and _NOTED_THAT.match(text):
            continue  # beside the keyword's decisions, "Members noted that …" is what they heard
        if _NOTED_ALONE.match(text):
            # "NOTED" on its own line under the item's discussion: its outcome
            _add_resolution(content, seen, None, text, "", block)
            used.add(index + offset)
            continue
        if not block.marker and (lettered := _body_clauses(text)):
            for letter, clause in lettered:
                _add_resolution(content, seen, letter, clause, "", block)
            used.add(index + offset)
            continue
        body_decides = not block.marker and (
            BODY_DECIDES.match(text)
            or MINUTES_APPROVED.match(text)
            or _THAT_BE.match(text)
            or _PASSIVE_WHOLE.match(text)
            or _ELECTED.search(text)
            or _DEFERRED.match(text)
            or _STAFF_DIRECTED.match(text)
            or _MEMBERS_VOTED.match(text)
            or _THIS_WAS.match(text)
            or _PROPOSAL_CARRIED.match(text)
        )
        keyword_inside = _RESOLVED_AT_END.search(text)
        if (
            keyword_inside
            and not keyword_inside.group(0).rstrip().endswith((".", "noted"))
            and len(text[keyword_inside.end() :].split()) >= 3
        ):
            keyword_inside = None  # "… RESOLVED that (a) …": the sentences below read it
        noted_at_end = keyword_inside or _IT_WAS_AGREED.search(text)
        # "- Kilmardie Bowling Club: £2,400 towards a new mower. Approved.": a listed
        # application and the meeting's answer to it
        entry_approved = block.marker is not None and _ENTRY_APPROVED.search(text) is not None
        if that_clause or body_decides or noted_at_end or entry_approved:
            label = block.label if that_clause else None
            _add_resolution(content, seen, label, text, "", block)
            used.add(index + offset)
            continue
        # "… needs checking. Approval deferred to the next meeting.": a decision closing a
        # paragraph of discussion (or a lettered part of the item: "(b) Budget monitoring /
        # The RFO presented … The report was noted."), in a sentence of its own
        for start, end in action_rules.sentences(text)[1:]:
            sentence = text[start:end]
            opened = trigger_tail(sentence) if _KEYWORD_FIRST.match(sentence) else None
            if opened is not None and len(opened[1].split()) >= 3:
                # "… received 412 responses. Resolved (unanimously): that the group …", its
                # clauses "(a) …, (b) …" split as on a line of its own
                inline: list[tuple[str | None, str]] = [*_inline_clauses(opened[1])]
                for mark, clause in inline or [(None, opened[1])]:
                    _add_resolution(content, seen, mark, clause, opened[0], block)
                used.add(index + offset)
            elif _THIS_WAS.match(sentence) and (proposed := _PROPOSED_THAT.search(text, 0, start)):
                # "The Mayor proposed that Council write to the club. This was agreed."
                _add_resolution(content, seen, None, proposed["words"], "", block)
                used.add(index + offset)
            elif (
                BODY_DECIDES.match(sentence)
                or MINUTES_APPROVED.match(sentence)
                or _PASSIVE_WHOLE.match(sentence)
                or _DEFERRED.match(sentence)
                or _STAFF_DIRECTED.match(sentence)
                or _MEMBERS_VOTED.match(sentence)
                or _PROPOSAL_CARRIED.match(sentence)
            ):
                _add_resolution(content, seen, None, sentence, "", block)
                used.add(index + offset)


# "For: 10, Against: 1, Abstain: 1": a vote's tally, as planning committees record it
_VOTE_TALLY = re.compile(r"^(?:For|In\s+favour)\s*[:–-]?\s*\d{1,3}\b", re.IGNORECASE)


def _after_a_vote(blocks: list[Block], index: int, used: set[int], offset: int) -> bool:
    """ "That the application be approved …" or "Deferred for a site visit." right after a
    proposal and its tally: the outcome of that vote, though a RESOLVED comes later in the
    item (a planning committee's minute of several applications)."""
    if index == 0 or index + offset in used or blocks[index].marker:
        return False
    text = blocks[index].text
    if not (_THAT_BE.match(text) or _DEFERRED.match(text)):
        return False
    before = blocks[index - 1].text
    return bool(_VOTE_TALLY.match(before)) or bool(
        motions.SECONDED.search(before) and len(before.split()) <= 20
    )


# "The substantive motion was CARRIED and it was RESOLVED that this Council:" over its clauses
_RESOLVED_LEADS_IN = re.compile(
    r"\b(?:RESOLVED|Resolved|resolved|AGREED|Agreed|agreed)\b(?:\s+that)?[^.;:]{0,60}:-?$"
)
_ENTRY_APPROVED = re.compile(r"[.;]\s+(?:Approved|Agreed|Granted|Supported|Noted)\.?$")
# "Cllr Hale – it was agreed that Cllr Hale would sign at the next meeting"
_IT_WAS_AGREED = re.compile(
    r"\b[Ii]t\s+was\s+(?:unanimously\s+)?(?:agreed|resolved|RESOLVED|AGREED)\b"
)
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+")
_DEFERRED = re.compile(
    r"^(?:(?:Approval|Decision|Consideration|Item)\s+)?(?:deferred|postponed)\b", re.I
)
# "Staff was directed to bring back a speed study …", "Council directed staff to …": what a
# US council or board tells its officers to do, recorded without a motion
_STAFF_DIRECTED = re.compile(
    r"^(?:(?:City\s+|County\s+)?Staff\s+(?:was\s+|were\s+)?directed"
    r"|(?:The\s+)?(?:Council|Board|Commission)\s+directed\s+(?:the\s+)?staff)\s+to\b",
    re.IGNORECASE,
)
# "Panel members voted to adopt recommendations R1 to R5 (6 for, 1 abstention).", "The
# Committee voted to …"
_MEMBERS_VOTED = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:[Mm]embers|[Cc]ouncill?ors|Panel|Committee|Board"
    r"|Council|Group)\s+voted\s+"
    r"(?:unanimously\s+)?(?:to|in\s+favour\s+of)\b"
)
# the proposal a following "This was agreed." carries: the sentence just before it
_PROPOSED_THAT = re.compile(
    r"\b(?:proposed|suggested|moved|recommended)\s+that\s+(?P<words>[^.;]{10,}?)[.;]?\s*$"
)
_THIS_WAS = re.compile(
    r"^(?:This|That)\s+was\s+(?:agreed|confirmed|approved|noted|carried)\.?$", re.I
)
# "That the update be noted." as the whole of a decision
_THAT_BE = re.compile(
    r"^That\s+(?!.*\b(?:asked|queried|explained|said|stated)\b).{3,400}?\b(?:be|is|are)\s+"
    r"(?:\w+ly\s+)?(?:noted|approved|agreed|endorsed|adopted|accepted|confirmed|received|"
    r"signed|supported|deferred|recommended|requested|delegated|authorised|appointed|elected)\b"
)
_BE_CLAUSE = re.compile(
    r"^(?:the|a|an|all|members')\s.{3,400}?\b(?P<be>be)\s+(?:\w+ly\s+)?(?:noted|approved|agreed|"
    r"endorsed|adopted|accepted|confirmed|received|signed|supported|deferred|recommended|"
    r"requested|delegated|authorised|appointed|elected|circulated|published|referred)\b"
)
# "The budget monitoring report was noted.": a paper before the meeting, noted or approved in
# a sentence of its own ("The suggestion was noted." is someone's point acknowledged)
_PASSIVE_WHOLE = re.compile(
    r"^(?:The|This|These|Both)\s+(?:[\w'’,&/()-]+\s+){0,10}?(?i:report|update|presentation|"
    r"information|accounts|statement|correspondence|letter|paper|review|response|briefing|"
    r"schedule|log|register|return|plan|programme|payment|invoice|recommendation)s?"
    # "The report on library opening hours was noted."
    r"(?:\s+(?:on|of|for|from|about|by|in)\s+[^.;,]{3,80}?)?"
    # "… in minute P/26/41 (the Town Council's response to the Local Plan, …) were adopted"
    r"(?:\s*\([^()]{3,240}\))?"
    # "The following correspondence, circulated with the agenda, was noted:"
    r"(?:,[^,.;]{3,60},)?\s+(?:was|were)\s+(?:duly\s+|unanimously\s+)?"
    r"(?:noted|received|approved|agreed|adopted|endorsed|accepted"
    # "The recommendation in minute P/26/44 was referred back to the Committee."
    r"|referred\s+back\s+to\s+[^.;]{3,80}?)"
    r"(?:\s+and\s+(?:noted|approved|agreed)|\s+as\s+(?:presented|circulated|submitted|read))?[.:]?$"
)


def _votes_carried(
    block: Block, content: ItemContent, seen: set[bytes], used: set[int], index: int
) -> None:
    """A vote carried in a paragraph of the debate ("On a show of hands the proposal to
    object was carried 6–3."): recorded wherever it stands, as no decision restates it."""
    if "carried" not in block.text:
        return
    for start, end in action_rules.sentences(block.text):
        sentence = block.text[start:end]
        if _PROPOSAL_CARRIED.match(sentence):
            _add_resolution(content, seen, None, sentence, "", block)
            used.add(index)


# "On a show of hands the proposal to object was carried 6–3.": a vote with no seconder
_PROPOSAL_CARRIED = re.compile(
    r"^(?:On\s+a\s+(?:show\s+of\s+hands|vote|division),?\s+)?(?:[Tt]he\s+)?(?:proposal|motion"
    r"|recommendation)\b[^.;]{0,120}?\bwas\s+(?:duly\s+|unanimously\s+)?"
    r"(?:carried|agreed|passed|adopted)\b"
)
_NOTED_ALONE = re.compile(r"^(?:NOTED|Noted)\.?$")
# "(unanimously):", "(5 for, 2 against):" after the keyword: how the vote went, not the words
_VOTE_NOTE = re.compile(
    r"^\s*\((?:unanimously|nem\.?\s*con\.?|\d+\s+(?:for|votes?)[^()]{0,40})\)\s*[:–—-]*\s*",
    re.IGNORECASE,
)
_NOTED_THAT = re.compile(r"^[^.;]{0,80}?\b(?:noted|notes)\s+that\b", re.IGNORECASE)
# "That the following be noted:-", "The Committee agreed the following:"
_LEAD_IN_CLAUSES = re.compile(
    rf"^(?:That\s+(?:the\s+)?following\b.{{0,80}}|(?:The\s+)?(?:[\w()&,'’-]+\s+){{0,6}}?"
    rf"{BODY_WORDS}\s+(?:\w+\s+){{0,3}}?(?:agreed|resolved|noted|decided|approved)\s+"
    r"(?:the\s+following|as\s+follows)\b.{0,40}):-?\s*$",
    re.IGNORECASE,
)
_MODAL = frozenset(["would", "will", "could", "should", "might", "may", "can", "to", "not"])


def _be_clause(text: str) -> bool:
    """ "the pond survey be approved": a decision's clause, not "… would be approved later"."""
    clause = _BE_CLAUSE.match(text)
    if clause is None:
        return False
    before = text[: clause.start("be")].split()
    return not before or before[-1].lower() not in _MODAL


_ELECTED = re.compile(
    r"\b(?:was|were)\s+(?:duly\s+)?(?:elected|appointed|co-opted)\b(?!\s+(?:at|in|on)\s+(?:the\s+)?"
    r"(?:last|previous|recent))"
)
_RESOLVED_AT_END = re.compile(r"(?:^|[.;]\s+)(?:RESOLVED|AGREED)(?:\s+and\s+noted)?\.?(?:\s|$)")


# ---- recommendations -------------------------------------------------------------------

# "That Council be recommended to:", "The Committee is asked to:-", "Full Council resolves to:"
_RECOMMENDS_LEAD = re.compile(
    r"\b(?:recommend(?:ed|s)?\s+to|(?:is|are)\s+(?:asked|recommended)\s+to|resolves?\s+to|"
    r"recommendations?\s*(?:are|is|were)?\s*(?:as\s+follows)?)(?:\s|[:–—-])*$",
    re.IGNORECASE,
)
# "recommendations (1 to 6)", "recommendations 2-4", "Recommendation 3"
_REFERRED = re.compile(
    r"\brecommendations?\s*\(?\s*(?P<r>R)?(?P<first>\d{1,2})(?:\s*(?:to|-|–)\s*R?(?P<last>\d{1,2}))?"
    # "recommendations 1, 2 and 4", "R3 and R5": the others listed after the first
    r"(?P<more>(?:\s*,\s*R?\d{1,2}\b|\s+(?:and|&)\s+R?\d{1,2}\b)*)\s*\)?"
    r"(?!\s*(?:%|per\s*cent|months?|years?|weeks?|days?))",
    re.IGNORECASE,
)


# "recommendations A11/26 and A12/26": a tracker's own codes, a letter, a number, the year
_CODED = re.compile(
    r"\brecommendations?\s+(?P<codes>[A-Z]{1,3}\d{1,3}/\d{2}"
    r"(?:(?:\s*,\s*|\s+(?:and|&)\s+)[A-Z]{1,3}\d{1,3}/\d{2})*)\b",
    re.IGNORECASE,
)
_CODE = re.compile(r"[A-Z]{1,3}\d{1,3}/\d{2}", re.IGNORECASE)


def _lead_in_from(text: str) -> int:
    """Where a search for a lead-in that ends ``text`` (squashed: single spaces) may start.
    The lead-in's words end in a letter, only dashes, colons and spaces follow them, and
    they are never 60 characters long: the words before need not be read (the search
    still sees the character before its start, for the lead-in's word boundary)."""
    return max(0, len(text.rstrip(" :–—-")) - 60)


def _listed_recommendations(blocks: list[Block], content: ItemContent) -> None:
    """Numbered recommendations under a lead-in, and those the minutes refer to by number."""
    refs = {r.ref for r in content.recommendations}
    hinted = [
        i
        for i, b in enumerate(blocks)
        if "ecommend" in b.text or "sked to" in b.text or "esolves to" in b.text
    ]
    for index in hinted:
        block = blocks[index]
        if not _RECOMMENDS_LEAD.search(block.text, _lead_in_from(block.text)):
            continue
        style: str | None = None
        first = index + 1
        if first < len(blocks) and _BODY_LEAD.match(blocks[first].text):
            first += 1  # "Recommendations:" / "The Select Committee:" / "1. …"
        for entry in blocks[first:]:
            if not entry.is_labelled or entry.label is None:
                break
            entry_style = _label_style(entry.label)
            if style is None:
                style = entry_style
            elif entry_style != style:
                continue  # "(i)", "(ii)" inside recommendation 2
            if entry.label in refs:
                break  # a second list numbered from 1 again is another matter
            refs.add(entry.label)
            content.recommendations.append(
                Recommendation(entry.label, _clause(entry.text), _span(entry), entry.raw)
            )
    for index in hinted:
        block = blocks[index]
        for coded in _CODED.finditer(block.text):
            for ref in _CODE.findall(coded["codes"]):
                if ref not in refs:
                    refs.add(ref)
                    content.recommendations.append(
                        Recommendation(ref, block.text, _span(block), block.raw)
                    )
        for match in _REFERRED.finditer(block.text):
            first = int(match["first"])
            last = int(match["last"]) if match["last"] else first
            if not 0 < first <= last <= first + 30:
                continue
            listed = [int(n) for n in re.findall(r"\d+", match["more"] or "")]
            prefix = match["r"] or ""  # "recommendations R1 to R6": a review's own refs
            for number in [*range(first, last + 1), *listed]:
                ref = f"{prefix}{number}"
                if ref not in refs:
                    refs.add(ref)
                    content.recommendations.append(
                        Recommendation(ref, block.text, _span(block), block.raw)
                    )


def _label_style(label: str) -> str:
    if label.isdigit():
        return "digit"
    if _ROMAN.fullmatch(label) and label.lower() not in {"c", "l"}:
        return "roman"
    return "letter"


# ---- people ------------------------------------------------------------------------


def _attendees(blocks: list[Block], content: ItemContent, used: set[int]) -> None:
    for index, block in enumerate(blocks):
        if block.marker:
            continue
        lower = lowered(block.text)
        hints = block.text.lower() if lower is None else lower
        if "attend" not in hints and "present" not in hints:
            continue
        if lower is None:  # read by the case-blind pattern itself (see parser.lowered)
            lead = _ATTENDANCE_LEAD.search(block.text)
        else:
            lead = _ATTENDANCE_LEAD_LOWER.search(lower)
        if not lead:
            continue
        head, colon, rest = block.raw.partition(":")
        if colon and squash(rest):
            offset = block.start + len(head) + 1
            content.attendees += people_from_list(rest, offset)
            used.add(index)
            continue
        if not block.text.endswith(":"):
            continue
        for follower in range(index + 1, len(blocks)):
            entry = blocks[follower]
            if not entry.is_bullet:
                break
            person = person_from_entry(_after_marker(entry), _after_marker_start(entry))
            if person is None:
                break
            content.attendees.append(person)
            used.add(follower)


def _after_marker(block: Block) -> str:
    return block.raw[_after_marker_start(block) - block.start :]


def _after_marker_start(block: Block) -> int:
    raw = block.raw
    position = len(raw) - len(raw.lstrip(" \t\u00a0"))
    position += len(block.marker or "")
    while position < len(raw) and raw[position] in " \t\u00a0":
        position += 1
    return block.start + position


# ---- references and actions ----------------------------------------------------------


def _report_refs(title: str, blocks: list[Block]) -> list[str]:
    refs: list[str] = []
    for text in [title, *(block.text for block in blocks)]:
        if "Report" not in text:
            continue  # the pattern's first word, in the case it is written: most blocks lack it
        for match in REPORT_REF.finditer(text):
            ref = _WHITESPACE.sub("", match["ref"])
            if ref not in refs and any(char.isdigit() for char in ref):
                refs.append(ref)
    return refs


def _actions(
    blocks: list[Block],
    resolutions: list[Resolution],
    meeting_date: str | None = None,
    lower: str | None = None,
) -> list[Action]:
    found: list[Action] = []
    keys: set[bytes] = set()  # the key of each request found, to tell repeats
    # the rarer cues' words, found once over the item's text rather than in each block
    places = (
        action_rules.cue_words(
            lower, min(block.start for block in blocks), max(block.end for block in blocks)
        )
        if lower is not None and blocks
        else None
    )
    for block in blocks:
        if block.text.endswith(":") and len(block.text) < 200:
            continue  # a lead-in; a paragraph of the debate may end "… as follows:"
        raw = block.raw
        block_lower = None if lower is None else lower[block.start : block.end]
        block_places = (
            None if places is None else action_rules.words_within(places, block.start, block.end)
        )
        # a block whose lines run over a page's foot and head: its words, read without them
        # (each request then points at the whole block)
        gapped = block.gapped
        if gapped:
            raw, block_lower, block_places = block.text, None, None
        for start, end, cue in action_rules.request_sentences(raw, block_lower, block_places):
            sentence = raw[start:end]
            words = squash(sentence)
            key = _key(words)
            if key in keys:
                continue  # the same request under "Decision:" and again under "Minutes:"
            keys.add(_key(sentence))
            # when and to whom, from the request's own words: its cue on
            due, body = action_rules.due_and_body(squash(raw[cue:end]), meeting_date)
            if gapped:
                span, source = Span(block.start, block.end), block.raw
            else:
                span, source = Span(block.start + start, block.start + end), sentence
            found.append(Action(_without_marker(words, block, start), due, body, span, source))
    return _without_restated(found)


def _without_restated(actions: list[Action]) -> list[Action]:
    """The requests, each once: a motion's words as moved ("Requests a report to the meeting
    on 31 August …") and the decision that restates them ("To request a report to the
    meeting on 31 August …") are one request, kept as decided (the later)."""
    kept: list[Action] = []
    for action in actions:
        words = _word_set(action.text) if action.due else set()
        kept = [
            earlier
            for earlier in kept
            if not (
                words
                and earlier.due == action.due
                and earlier.body == action.body
                and _overlap(_word_set(earlier.text), words) >= _RESTATED
            )
        ]
        kept.append(action)
    return kept


_RESTATED = 0.8  # the share of words two wordings of one request have in common
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _word_set(text: str) -> set[str]:
    """The words that say what a request is about: not its small words, nor its date."""
    return {word for word in re.findall(r"[a-z]{4,}", text.lower()) if word not in _MONTHS}


def _overlap(first: set[str], second: set[str]) -> float:
    return len(first & second) / max(1, min(len(first), len(second)))


_WHITESPACE = re.compile(r"\s+")


def _without_marker(words: str, block: Block, start: int) -> str:
    """The request's words without the list marker or "RESOLVED –" that opens its block."""
    if start == 0 and block.marker and words.startswith(block.marker):
        words = words[len(block.marker) :].strip()
    opened = trigger_tail(words) if start == 0 else None
    if opened is not None and opened[1].strip():
        words = words[opened[2] :].strip()
    return _clause(words.rstrip(" ;,"))
