"""Flattened text: a whole page or table that reached us as one very long line.

Text taken from a PDF or an HTML table often loses its line breaks, so the item headings
sit in the flow of the words ("... a true record 12 MATTERS ARISING There were ..."). When
a line is far longer than any paragraph, it is cut into candidate lines where the
document's own numbering continues (12, 13, 14 or 1.1, 1.2, 2.1), so that the heading
detection can read them as it reads ordinary text. Ordinary minutes pass through untouched:
a line within the length costs one look at its length, a long paragraph one scan for
numbers (numbers in running prose seldom follow one another three times over).
"""

from __future__ import annotations

import re

from scrutiny_tui.parser.blocks import Line

# far longer than a paragraph of minutes: a page or a table run together
LONG_LINE = 1000

# A number that may head an item, in the flow: "12" / "12." / "1.2" after a space (or
# "Item 1.2"), followed by a capitalised word. No look-behind and no nested repetition: the
# scan only stops at digits, and a megabyte-long line is read in linear time.
_NUMBERED = re.compile(r"(?P<major>\d{1,4})(?:\.(?P<minor>\d{1,2}))?\.?[ \t\u00a0]+[A-Z]")
# what goes before a year in a date: "March 9, 2027", "31 December 2028"
_YEAR_OF_DATE = re.compile(
    r"(?:\d,|\b(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December))\s$"
)
_BEFORE_NUMBER = frozenset(' \t\u00a0"”’.:;)')
# numbers in running text that happen to follow one another ("page 1 ... 2 Councillors")
# rarely run to three; a document's own item numbers do
_CHAIN = 3
# a decision keyword that opens the text under an upper-case heading ("RESOLVED: That")
_KEYWORD = re.compile(r"(?:RESOLVED|AGREED|DECIDED|RECOMMENDED|DECISION|NOTED)\b[:\s–-]*$")


def split_flattened(lines: list[Line]) -> list[Line]:
    """``lines`` with every very long line cut where a numbered heading continues a sequence."""
    out: list[Line] | None = None
    for index, line in enumerate(lines):
        if len(line.raw) <= LONG_LINE:
            if out is not None:
                out.append(line)
            continue
        numbered = _heading_cuts(line.raw)
        cuts = (
            (_with_title_ends(line.raw, numbered) if numbered else _topic_cuts(line.raw))
            + _page_furniture_cuts(line.raw)
            + _attendance_cuts(line.raw)
        )
        if not cuts:
            if out is not None:
                out.append(line)
            continue
        if out is None:
            out = lines[:index]
        previous = 0
        for cut in sorted(set(cuts)):
            if cut > previous:
                out.append(Line(line.start + previous, line.raw[previous:cut].rstrip()))
            previous = cut
        out.append(Line(line.start + previous, line.raw[previous:]))
    return lines if out is None else out


# "… Overview and Scrutiny Committee 14 January 2026 Page 2 of 5 in the spring …": where a
# printed page broke, its running head and number in the flow of the words
_PAGE_OF = re.compile(r"\bPage\s+\d{1,4}(?P<of>\s+of\s+\d{1,4})?\b")
_HEAD_WORDS = 12  # a running head is a line's worth of words at most


def _page_furniture_cuts(raw: str) -> list[int]:
    """Cuts around each "Page N of M" and the running head printed before it (the words the
    page breaks share), so that both stand as lines of their own and are read as furniture."""
    pages = list(_PAGE_OF.finditer(raw))
    if len(pages) < 2:
        return []
    befores = [
        raw[max(0, page.start() - 200) : page.start()].split()[-_HEAD_WORDS:] for page in pages
    ]
    shared = 0  # words at the end of every page break's preceding text
    while (
        shared < min(len(words) for words in befores)
        and len({" ".join(words[len(words) - shared - 1 :]) for words in befores}) == 1
    ):
        shared += 1
    if shared < 3 and not all(page["of"] for page in pages):
        # "Page 2" alone might be the text's own words ("see page 2"): only with the
        # running head's words before each is it the page's foot
        return []
    cuts: list[int] = []
    for page in pages:
        start = page.start()
        if shared >= 3:
            head = " ".join(raw[max(0, start - 200) : start].split()[-shared:])
            found = raw.rfind(head.split()[0], max(0, start - 200), start)
            if found >= 0:
                cuts.append(found)
        # ("Minutes March 9, 2027 Page 2" stays one line, a foot by its page number)
        cuts += [start, page.end()] if page["of"] else [page.end()]
    return cuts


# An unnumbered heading in capitals between two sentences: "… by voice vote. HIGHWAYS It
# was moved …". One or a few words in capitals after a sentence's end, then a capitalised
# word of the next sentence. (Initials end in a stop too, so the word before the stop must
# be a word: "J. SMITH Presiding" is a name.)
_TOPIC = re.compile(
    # (the sentence's last letter and stop matched, not looked behind for: quicker to scan)
    r"[a-z0-9)][.!?][\"”’)]?\s+"
    r"(?P<head>[A-Z][A-Z&'’/-]+(?:[ ](?:[A-Z][A-Z&'’/-]*|&|[-–]))*?)"
    # the next sentence's first word, a list's first letter ("A. Approval of …") or a
    # number opening a title ("2027 Chip Seal Programme")
    r"(?=[ ](?:[A-Z][a-z]|[A-Z]\.[ ][A-Z]|\d{1,4}[ ][A-Z][a-z]))"
)
_TOPIC_WORDS = 6
# the record's own words in capitals, never a topic: "… was read. MOVED By A, …"
_RECORD_WORDS = frozenset(
    [
        "RESOLVED",
        "AGREED",
        "DECIDED",
        "RECOMMENDED",
        "DECISION",
        "NOTED",
        "MOVED",
        "SECONDED",
        "CARRIED",
        "LOST",
        "THAT",
        "MOTION",
        "APPROVED",
        "ADOPTED",
        "PRESENT",
        "ABSENT",
    ]
)
# topics that recur make a scheme; one capitalised word between sentences may be anything
_TOPICS_AT_LEAST = 2


def _topic_cuts(raw: str) -> list[int]:
    """Cuts around each heading in capitals that stands between two sentences, where the
    line holds two such at least and no numbered headings: a flattened page whose
    business goes by topic ("… was carried. POLICE It was moved …")."""
    heads = [
        match.span("head")
        for match in _TOPIC.finditer(raw)
        if len(match["head"].split()) <= _TOPIC_WORDS
        and not set(match["head"].split()) & _RECORD_WORDS
        and sum(1 for c in match["head"] if c.isupper()) >= 3
    ]
    if len(heads) < _TOPICS_AT_LEAST:
        return []
    return [cut for span in heads for cut in span]


# "… to order at 9:00 a.m. Commissioners present: Chair A, … . Staff present: …": the
# attendance lists in the flow, each cut to a line of its own as minutes print them
_ATTENDANCE_IN_FLOW = re.compile(
    r"(?<=[a-z0-9)][.] )(?:[A-Z][a-z]+\s+){0,2}(?:[Pp]resent|[Aa]bsent|Apologies)\s*:"
)


def _attendance_cuts(raw: str) -> list[int]:
    """Cuts before each attendance list after a sentence's end, and after the list's stop."""
    head = raw[:5000]
    if "resent" not in head and "bsent" not in head and "pologies" not in head:
        return []  # (a quick look for the labels' words first)
    cuts: list[int] = []
    for label in _ATTENDANCE_IN_FLOW.finditer(head):
        cuts.append(label.start())
        stop = raw.find(". ", label.end())
        if stop > 0:
            cuts.append(stop + 2)
    return cuts


def _with_title_ends(raw: str, cuts: list[int]) -> list[int]:
    """``cuts`` and, after each, where an upper-case heading gives way to its text
    ("12 MATTERS ARISING There were none"): the heading then stands on its own line."""
    out: list[int] = []
    for cut in cuts:
        out.append(cut)
        end = _upper_title_end(raw, cut)
        if end is not None:
            out.append(end)
    return out


def _upper_title_end(raw: str, cut: int) -> int | None:
    """The end of an upper-case title after the number at ``cut`` (four capitals at least),
    at the first word in lower case or at a decision keyword."""
    words = raw[cut : cut + 400].split(" ")
    position = cut + len(words[0]) + 1  # past the number
    letters = 0
    for index, word in enumerate(words[1:-1], start=1):
        if not word:
            position += 1
            continue
        if any(c.islower() for c in word) or _KEYWORD.match(word):
            break
        if word in ("A", "I") and any(c.islower() for c in words[index + 1][:1]):
            break  # "CORRESPONDENCE A letter from …": the text's first word
        letters += sum(1 for c in word if c.isupper())
        position += len(word) + 1
    else:
        return None
    return position if letters >= 4 else None


def _heading_cuts(raw: str) -> list[int]:
    """Where numbered headings start in one long line: the longest run of numbers that each
    continue the one before (12 → 13, 1.2 → 1.3 or 2.1), each looking like a heading."""
    candidates: list[tuple[int, tuple[int, int]]] = []
    for match in _NUMBERED.finditer(raw):
        start = match.start()  # "Item 1.2": the number heads the line, "Item" stays behind
        if start and raw[start - 1] not in _BEFORE_NUMBER:
            continue
        minor = match.group("minor")
        number = (int(match.group("major")), int(minor) if minor else -1)
        if minor is None and _YEAR_OF_DATE.search(raw, max(0, start - 12), start):
            continue  # "… March 9, 2027 Page 1 …", "… to 31 December 2028 E. …": a date's year
        candidates.append((start, number))
    if len(candidates) < 2:
        return []
    # longest chain of successors, in order: best chain ending at each number seen so far
    best: dict[tuple[int, int], tuple[int, int]] = {}  # number -> (length, candidate index)
    best_major: dict[int, tuple[int, int]] = {}  # for "2.1" after any "1.x"
    previous: list[int] = [-1] * len(candidates)
    length: list[int] = [1] * len(candidates)
    for index, (_, (major, minor)) in enumerate(candidates):
        before_it: tuple[int, int] | None = None
        if minor < 0:
            before_it = best.get((major - 1, -1))
        elif minor > 1:
            before_it = best.get((major, minor - 1))
        else:
            before_it = best_major.get(major - 1)
        if before_it is not None:
            length[index] = before_it[0] + 1
            previous[index] = before_it[1]
        entry = (length[index], index)
        if entry[0] >= best.get((major, minor), (0, -1))[0]:
            best[(major, minor)] = entry
        if minor >= 0 and entry[0] >= best_major.get(major, (0, -1))[0]:
            best_major[major] = entry
    end = max(range(len(candidates)), key=lambda i: length[i])
    if length[end] < _CHAIN:
        return []
    chain: list[int] = []
    while end >= 0:
        chain.append(candidates[end][0])
        end = previous[end]
    return sorted(chain)
