"""People: the members and officers named in the minutes and in synced attendance, per
council, with the meetings they attended, the apologies they gave, the roles they held, the
asks that name them and the interests they declared.

Minutes write one person many ways ("Councillor Judith Blake", "Cllr J Blake", "Blake").
:func:`match_names` decides, within one council, which written names are one person: a pure
function of the names, so it is tested on short made-up ones. Names never join across
councils. The member can merge two entries or split one; those choices are stored by
council and name as matched (:attr:`NameParts.key`), never by row id, so they outlive a
re-ingest or a sync, and are applied on every read in the order they were made.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from scrutiny_tui.parser.people import HONORIFICS
from scrutiny_tui.safe_text import one_line
from scrutiny_tui.store import people as queries
from scrutiny_tui.store.db import Connection, Store
from scrutiny_tui.store.values import now_utc
from scrutiny_tui.vocabulary import NO_COUNCIL

__all__ = [
    "Ask",
    "Declaration",
    "MeetingLine",
    "NameParts",
    "PeopleError",
    "PeoplePage",
    "PersonDetail",
    "PersonEntry",
    "PersonRef",
    "RoleHeld",
    "apply_choices",
    "clean_role",
    "everyone",
    "find_people",
    "match_names",
    "mention_pattern",
    "merge_entries",
    "one_person",
    "parse_name",
    "people",
    "person_detail",
    "select",
    "split_entry",
]

#: Honours kept with a name but not matched on ("Judith Blake OBE" is Judith Blake).
HONOURS = frozenset(
    {"obe", "mbe", "cbe", "kbe", "dbe", "bem", "cvo", "lvo", "jp", "dl", "kc", "qc", "mp",
     "mep", "msp", "frcp", "frcs", "phd", "rn"}
)  # fmt: skip
_PARTICLES = frozenset(
    {"van", "von", "de", "da", "der", "den", "le", "la", "du", "del", "bin", "al"}
)
_MALE = frozenset({"mr", "sir", "lord"})
_FEMALE = frozenset({"mrs", "ms", "miss", "dame", "lady"})
_LEADING_HONORIFIC = re.compile(rf"^(?:{HONORIFICS})\.?:?\s+", re.IGNORECASE)
_ROLE_HOLDER = re.compile(
    r"\b(?:Director|Head|Chief|Manager|Officer|Cabinet\s+Member|Executive\s+Member|"
    r"Portfolio\s+Holder|Lead\s+Member|Leader|Commissioner|Mayor|Solicitor|Treasurer|"
    r"Clerk|Superintendent|Inspector)\b",
    re.IGNORECASE,
)
_GENERIC_ROLE = re.compile(
    r"^(?:(?:Vice|Deputy)[\s-]*)?Chair(?:man|woman|person)?(?:\s+(?:of\s+the|for\s+the)\s+"
    r"(?:meeting|Committee|Board|Panel))?$",
    re.IGNORECASE,
)
_NOT_A_ROLE = re.compile(
    r"^(?:due\s+to|owing\s+to|because|on\s+(?:holiday|leave|annual)|who\b|for\s+(?:lateness|"
    r"absence|the\s+(?:first|second|start|end|late))|substitut|sent\b|absent|left\b|arrived\b|"
    r"attended\b|as\s+a\s+substitute|in\s+place\s+of|replacing|present\b|none\b|apologies)",
    re.IGNORECASE,
)
# where a role recorded beside a name runs on into the minutes: a full stop, or a sentence
# starting without one ("Consultant in Public Health The Committee heard …")
_ROLE_CUT = re.compile(
    r"(?<=[a-z)])\.(?:\s|$)"
    r"|(?<!\bof)(?<!\bfor)(?<!\band)(?<!\bto)\s(?=(?:The|It|This|There|He|She|They)\s\w)"
)
_DECLARING = re.compile(r"declar|interest|disclos", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])|\n+")
ROLE_WINDOW = timedelta(days=92)  # asks naming a role count this long either side of holding it
MAX_WORDS = 400


class PeopleError(ValueError):
    """A person cannot be found or the change cannot be made; the message says why."""


# ---- names ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameParts:
    """A written name as matching sees it (made by :func:`parse_name`)."""

    written: str  # the name as the minutes give it, honours included
    honorific: str | None
    given: tuple[str, ...]  # lower case; a one-letter entry is an initial
    surname: str  # lower case ("" when none could be read)
    honours: tuple[str, ...]
    gender: str | None  # "m" or "f" when the honorific says, else None
    key: str  # the name as matched and as merge and split choices store it
    level: int  # 3: a given name; 2: initials only; 1: a surname alone

    @property
    def shown(self) -> str:
        return f"{self.honorific} {self.written}" if self.honorific else self.written


@lru_cache(maxsize=65536)
def parse_name(name: str, honorific: str | None = None) -> NameParts:
    """Split a written name into given names or initials, surname and honours; honorifics
    ("Cllr", "Mrs") are taken off for matching, and say the person's sex where they do."""
    written = one_line(name).replace("’", "'")
    rest = written
    titles = [honorific] if honorific else []
    while True:
        found = _LEADING_HONORIFIC.match(rest)
        if not found or found.end() >= len(rest):
            break
        titles.append(found.group().strip(" .:"))
        rest = rest[found.end() :]
    shown_name = rest.strip(" ,.;")
    tokens = shown_name.replace(",", " ").split()
    honours: list[str] = []
    while len(tokens) > 1 and tokens[-1].strip(".").casefold() in HONOURS:
        honours.insert(0, tokens.pop().strip("."))
    shouting = shown_name.isupper()
    words: list[str] = []
    for token in tokens:
        bare = token.strip(".")
        if not bare:
            continue
        if "." in token.rstrip(".") and all(len(p) == 1 for p in bare.split(".") if p):
            words += [p.casefold() for p in bare.split(".") if p]  # "J.R."
        elif not shouting and bare.isupper() and len(bare) <= 3 and bare.isalpha():
            words += [c.casefold() for c in bare]  # "JR"
        else:
            words.append(bare.casefold())
    surname_words: list[str] = []
    if words:
        surname_words.append(words.pop())
        while words and words[-1] in _PARTICLES:
            surname_words.insert(0, words.pop())
    genders = {_gender(t) for t in titles} - {None}
    surname = " ".join(surname_words)
    level = 3 if any(len(g) > 1 for g in words) else 2 if words else 1
    return NameParts(
        written=shown_name or written,
        honorific=_title(honorific or (titles[0] if titles else None)),
        given=tuple(words),
        surname=surname,
        honours=tuple(honours),
        gender=genders.pop() if len(genders) == 1 else None,
        key=" ".join((*words, surname)).strip() or written.casefold(),
        level=level,
    )


def _title(title: str | None) -> str | None:
    """A title as the People list shows it: "Cllr" and "Councillors" as "Councillor"."""
    if not title:
        return None
    word = " ".join(title.split()).rstrip(".:")
    lowered = word.casefold()
    if lowered in {"cllr", "cllrs", "councillors"}:
        return "Councillor"
    if lowered.startswith("county c"):
        return "County Councillor"
    return word[:1].upper() + word[1:]


def _gender(title: str | None) -> str | None:
    word = (title or "").casefold().rstrip(".")
    return "m" if word in _MALE else "f" if word in _FEMALE else None


def compatible(a: NameParts, b: NameParts) -> bool:
    """Whether nothing says these two written names are different people: the same surname,
    no clash of sex, and given names that agree as far as both go (an initial agrees with a
    name it begins)."""
    if a.surname != b.surname or not a.surname:
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    for x, y in zip(a.given, b.given, strict=False):
        if len(x) > 1 and len(y) > 1:
            if x != y:
                return False
        elif x[0] != y[0]:
            return False
    return True


def match_names(names: Sequence[NameParts]) -> list[list[int]]:
    """Which of one council's written names are one person: groups of indices into
    ``names``.

    The fullest names are placed first. Each name then joins the one group it is compatible
    with (its twin if the same name is already placed); a name compatible with several
    groups, or none, stands alone. So "J Blake" and "Blake" join "Judith Blake" only while
    she is the only Blake (with that initial) the council's records name, and "Judith Blake"
    and "John Blake" stay two people."""
    order = sorted(
        range(len(names)),
        key=lambda i: (
            -names[i].level,
            -len(names[i].given),
            names[i].gender is None,
            names[i].key,
            i,
        ),
    )
    groups: list[list[int]] = []
    by_surname: dict[str, list[int]] = defaultdict(list)  # groups, by surname
    by_initial: dict[tuple[str, str], list[int]] = defaultdict(list)  # and first initial
    by_key: dict[str, list[int]] = defaultdict(list)  # groups holding a name so matched

    def fits(i: int, g: int) -> bool:
        members = groups[g]
        if len(members) == 1:
            return compatible(names[i], names[members[0]])
        return all(compatible(names[i], names[j]) for j in members)

    for i in order:
        part = names[i]
        twins = [g for g in by_key.get(part.key, ()) if fits(i, g)]
        if part.surname and not twins:
            pool = (
                by_initial.get((part.surname, part.given[0][0]), [])
                if part.given
                else by_surname.get(part.surname, [])
            )
            for g in pool:
                if fits(i, g):
                    twins.append(g)
                    if len(twins) > 1:
                        break  # two people it could be: it stands alone
        if len(twins) == 1:
            groups[twins[0]].append(i)
            if twins[0] not in by_key[part.key]:
                by_key[part.key].append(twins[0])
            continue
        g = len(groups)
        groups.append([i])
        by_key[part.key].append(g)
        if part.surname:
            by_surname[part.surname].append(g)
            if part.given:
                by_initial[(part.surname, part.given[0][0])].append(g)
    return groups


def apply_choices(
    groups: Sequence[Sequence[int]],
    keys: Sequence[str],
    choices: Iterable[tuple[str, str, str | None]],
) -> list[list[int]]:
    """The member's choices, in order, over the groups :func:`match_names` made: ("merge",
    key, other key) joins the groups holding those names; ("split", key, None) parts the
    group holding the name into one group per name as matched. A choice naming a name no
    longer in the records does nothing."""
    result = [list(g) for g in groups]

    def holding(key: str | None) -> int | None:
        return next((n for n, g in enumerate(result) if any(keys[i] == key for i in g)), None)

    for action, name, other in choices:
        first = holding(name)
        if first is None:
            continue
        if action == "merge":
            second = holding(other)
            if second is None or second == first:
                continue
            result[first] = sorted(result[first] + result[second])
            del result[second]
        elif action == "split":
            parted: dict[str, list[int]] = {}
            for i in result.pop(first):
                parted.setdefault(keys[i], []).append(i)
            result.extend(parted.values())
    return result


# ---- roles and mentions -------------------------------------------------------------------


def clean_role(role: str | None) -> str | None:
    """The office in a role as recorded beside a name ("Chair", "Director of Children's
    Services"), or None when it is not one (a reason for apologies, a run-on sentence)."""
    text = _unbracket(one_line(role))
    if not text:
        return None
    text = _unbracket(_ROLE_CUT.split(text, maxsplit=1)[0])
    if not text or _NOT_A_ROLE.match(text) or len(text.split()) > 12 or len(text) > 90:
        return None
    return text


def _unbracket(text: str) -> str:
    """Without the punctuation around it, nor a bracket left open or never opened."""
    text = text.strip(" ,;:-–")
    while text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].strip(" ,;:-–")
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].strip(" ,;:-–")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip(" ,;:-–")
    return text


def is_generic_role(role: str) -> bool:
    """Chair or Vice-Chair: an office of one committee, shown with it, named by no ask."""
    return bool(_GENERIC_ROLE.match(role))


def role_phrases(role: str) -> list[str]:
    """How minutes name the holder of an office when asking for something: the role as
    recorded, and "Executive Member for X" for "Executive Member, X"."""
    phrases = [role]
    head, comma, tail = role.partition(",")
    if comma and _ROLE_HOLDER.search(head) and tail.strip():
        phrases.append(f"{head.strip()} for {tail.strip()}")
    return phrases


def _word(text: str) -> str:
    """A word of a name as a pattern: any apostrophe, a hyphen or a space alike."""
    pieces = re.split(r"['’]", text)
    return r"['’]".join(r"[\s-]+".join(map(re.escape, p.split())) for p in pieces)


def mention_pattern(person: Sequence[NameParts], rivals: Sequence[NameParts]) -> re.Pattern[str]:
    """Where a text names the person whose written names are ``person``, told apart from the
    council's other people of that surname (``rivals``): by a given name, by initials no
    rival shares, or (with no rival at all) by surname after a title ("Councillor Blake")."""
    alternatives: list[str] = []
    surname = next((p.surname for p in person if p.surname), "")
    if not surname:
        return re.compile(r"(?!x)x")
    last = _word(surname)
    for first in sorted({p.given[0] for p in person if p.given and len(p.given[0]) > 1}):
        alternatives.append(rf"{_word(first)}(?:\s+[A-Z][\w'’-]*\.?){{0,2}}\s+{last}")
    initials = {p.given[0][0] for p in person if p.given}
    for initial in sorted(initials):
        if not any(r.given and r.given[0][0] == initial for r in rivals):
            alternatives.append(rf"{initial}\.?(?:\s*[A-Z]\.?){{0,2}}\s+{last}")
    if not rivals:
        alternatives.append(rf"(?:{HONORIFICS})\.?\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?{last}")
    return re.compile(rf"(?<![\w'’-])(?:{'|'.join(alternatives)})(?![\w'’])", re.IGNORECASE)


# ---- what the screen and the command show ----------------------------------------------


@dataclass(frozen=True, slots=True)
class RoleHeld:
    role: str
    committee: str | None  # for a committee's own office (Chair, Vice-Chair)
    meetings: int
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """One person in one council as the People list shows them."""

    council: str | None
    key: str  # the name as matched: with the council, what merge and split refer to
    name: str  # as written in its fullest form, honours included
    honorific: str | None
    attended: int
    apologies: int
    roles: tuple[RoleHeld, ...]
    also_written: tuple[str, ...]  # the other ways the records write the name
    first: str | None  # the first and last dated meeting recorded
    last: str | None
    person_ids: tuple[int, ...] = field(repr=False, compare=False)
    keys: tuple[str, ...] = field(default=(), repr=False, compare=False)

    @property
    def rate(self) -> float | None:
        """Apologies as a share of the meetings they were expected at."""
        expected = self.attended + self.apologies
        return self.apologies / expected if expected else None

    @property
    def shown(self) -> str:
        return f"{self.honorific} {self.name}" if self.honorific else self.name

    @property
    def council_shown(self) -> str:
        return self.council or NO_COUNCIL


@dataclass(frozen=True, slots=True)
class MeetingLine:
    meeting_id: int
    date: str | None
    committee: str | None
    kinds: tuple[str, ...]  # present, apologies, substitute, attending, attendee
    role: str | None
    item_id: int | None  # what enter opens: the item attended, else the meeting's first
    items: tuple[str, ...]  # the items they attended ("7 Hospital Discharge")


@dataclass(frozen=True, slots=True)
class Ask:
    kind: str  # action | recommendation | resolution
    uid: str
    item_id: int
    text: str
    due: str | None
    due_to: str | None
    date: str | None
    committee: str | None
    item: str  # "7 Hospital Discharge"
    named_as: str  # the words that name the person or their office


@dataclass(frozen=True, slots=True)
class Declaration:
    item_id: int
    item_uid: str
    date: str | None
    committee: str | None
    item: str
    words: str  # the sentence recording it


@dataclass(frozen=True, slots=True)
class PersonDetail:
    entry: PersonEntry
    meetings: tuple[MeetingLine, ...]
    asks: tuple[Ask, ...]
    declarations: tuple[Declaration, ...]


@dataclass(frozen=True, slots=True)
class PersonRef:
    """One person of one council as matching found them, before anything is counted: what a
    list filters and pages over, and what :func:`entries` and :func:`person_detail` take."""

    council: str | None
    parts: tuple[NameParts, ...]  # every way the records write the name
    person_ids: tuple[int, ...]
    head: NameParts  # the fullest, most used written name: the one shown
    honorific: str | None  # the title used most often
    written: str  # all the names and the council, lower case, for a filter

    @property
    def key(self) -> str:
        return self.head.key

    @property
    def shown(self) -> str:
        return f"{self.honorific} {self.head.written}" if self.honorific else self.head.written


@dataclass(frozen=True, slots=True)
class PeoplePage:
    """The entries a list shows (in order, at most the limit asked) and how many matched."""

    entries: tuple[PersonEntry, ...]
    total: int


def _ref(council: str | None, parts: list[NameParts], rows: list[queries.NameRow]) -> PersonRef:
    if len(parts) == 1:  # most people: written one way
        part = parts[0]
        return PersonRef(
            council,
            (part,),
            (rows[0].person_id,),
            part,
            part.honorific,
            f"{part.shown} {council or NO_COUNCIL}".casefold(),
        )
    best = max(
        range(len(parts)),
        key=lambda i: (
            parts[i].level,
            len(parts[i].given),
            len(parts[i].honours),
            len("".join(parts[i].given)),  # "Patricia" over "Pat"
            rows[i].records,
            -i,
        ),
    )
    titles: Counter[str] = Counter()
    for part, row in zip(parts, rows, strict=True):
        if part.honorific:
            titles[part.honorific] += row.records
    shown = " ".join(dict.fromkeys(p.shown for p in parts))
    return PersonRef(
        council,
        tuple(parts),
        tuple(dict.fromkeys(r.person_id for r in rows)),
        parts[best],
        titles.most_common(1)[0][0] if titles else None,
        f"{shown} {council or NO_COUNCIL}".casefold(),
    )


def _refs(conn: Connection, councils: Sequence[str | None] | None) -> list[PersonRef]:
    """Each council's people, by council then surname: names read, matched, then the
    member's choices applied."""
    by_council: dict[str | None, list[queries.NameRow]] = defaultdict(list)
    for row in queries.names(conn, councils):
        by_council[row.council].append(row)
    choices: dict[str | None, list[tuple[str, str, str | None]]] = defaultdict(list)
    for choice in queries.choices(conn, list(by_council)):
        choices[choice.council].append((choice.action, choice.name, choice.other))
    found = []
    for council, rows in by_council.items():
        parts = [parse_name(r.name, r.honorific) for r in rows]
        grouped = apply_choices(match_names(parts), [p.key for p in parts], choices[council])
        found += [_ref(council, [parts[i] for i in g], [rows[i] for i in g]) for g in grouped]
    found.sort(
        key=lambda r: (r.council is None, (r.council or "").casefold(), r.head.surname, r.key)
    )
    return found


def _entries(conn: Connection, refs: Sequence[PersonRef]) -> list[PersonEntry]:
    """The entries of these people, in their order, with their figures and roles counted."""
    mapping = [(pid, r.council, n) for n, r in enumerate(refs) for pid in r.person_ids]
    figures = queries.figures(conn, mapping)
    roles: dict[int, list[queries.RoleRow]] = defaultdict(list)
    for row in queries.roles(conn, mapping):
        roles[row.entry].append(row)
    entries = []
    for n, ref in enumerate(refs):
        counted = figures.get(n, queries.Figures(0, 0, None, None))
        others = sorted({p.shown for p in ref.parts} - {ref.head.shown, ref.shown})
        entries.append(
            PersonEntry(
                council=ref.council,
                key=ref.key,
                name=ref.head.written,
                honorific=ref.honorific,
                attended=counted.attended,
                apologies=counted.apologies,
                roles=_roles_held(roles[n]),
                also_written=tuple(others),
                first=counted.first,
                last=counted.last,
                person_ids=tuple(sorted(ref.person_ids)),
                keys=tuple(dict.fromkeys(p.key for p in ref.parts)),
            )
        )
    return entries


def _roles_held(rows: Iterable[queries.RoleRow]) -> tuple[RoleHeld, ...]:
    merged: dict[tuple[str, str | None], list[queries.RoleRow]] = defaultdict(list)
    shown: dict[tuple[str, str | None], str] = {}
    for row in rows:
        role = clean_role(row.role)
        if role is None:
            continue
        committee = row.committee if is_generic_role(role) else None
        key = (role.casefold(), committee)
        merged[key].append(row)
        shown.setdefault(key, role)
    held = [
        RoleHeld(
            shown[key],
            key[1],
            sum(r.meetings for r in found),
            min((r.first for r in found if r.first), default=None),
            max((r.last for r in found if r.last), default=None),
        )
        for key, found in merged.items()
    ]
    held.sort(key=lambda r: (-r.meetings, r.role.casefold()))
    return tuple(held)


def _matching_councils(conn: Connection, council: str | None) -> list[str | None] | None:
    """The councils whose names hold ``council`` (any case); None for every council."""
    if council is None:
        return None
    wanted = council.casefold().strip()
    return [
        c
        for c in queries.councils(conn)
        if (c is None and wanted in NO_COUNCIL.casefold()) or (c and wanted in c.casefold())
    ]


def everyone(store: Store, council: str | None = None) -> list[PersonRef]:
    """Everyone the records name, per council (only councils whose name holds ``council``),
    by council then surname; nothing counted yet (see :func:`select`)."""
    with store.read() as conn:
        return _refs(conn, _matching_councils(conn, council))


def select(
    store: Store, refs: Sequence[PersonRef], words: str = "", limit: int | None = None
) -> PeoplePage:
    """Of ``refs``, those whose names (or a role recorded beside them) hold every word of
    ``words``, counted: at most ``limit`` entries, and how many matched."""
    wanted = words.casefold().split()
    with store.read() as conn:
        if wanted:
            councils = list(dict.fromkeys(r.council for r in refs))
            roled = queries.with_role(conn, words.strip(), councils)
            refs = [
                r
                for r in refs
                if all(w in r.written for w in wanted)
                or any((r.council, pid) in roled for pid in r.person_ids)
            ]
        shown = refs if limit is None else refs[:limit]
        return PeoplePage(tuple(_entries(conn, shown)), len(refs))


def people(
    store: Store, council: str | None = None, words: str = "", limit: int | None = None
) -> PeoplePage:
    """:func:`everyone`, then :func:`select`."""
    return select(store, everyone(store, council), words, limit)


def find_people(store: Store, name: str, council: str | None = None) -> list[PersonEntry]:
    """The entries a name typed by the member means: those written exactly so (any case,
    with or without a title), else those the name could be as matching reads it, else those
    whose written names hold every word of it."""
    typed = parse_name(name)
    refs = everyone(store, council)
    exact = [r for r in refs if any(p.key == typed.key for p in r.parts)]
    if not exact:  # "Cllr J Blake" for Judith Blake, as matching would join them
        exact = [r for r in refs if all(compatible(typed, p) for p in r.parts)]
    if not exact:
        words = name.casefold().split()
        exact = [r for r in refs if words and all(w in r.written for w in words)]
    with store.read() as conn:
        return _entries(conn, exact)


def one_person(store: Store, name: str, council: str | None = None) -> PersonEntry:
    """The one entry a name means, or a PeopleError saying why not."""
    found = find_people(store, name, council)
    if not found:
        where = f" in {council}" if council else ""
        raise PeopleError(f"no one called {name!r}{where} in the records")
    if len(found) > 1:
        listed = "; ".join(f"{e.shown} ({e.council_shown})" for e in found[:6])
        more = f" and {len(found) - 6} more" if len(found) > 6 else ""
        raise PeopleError(
            f"{name!r} could be {len(found)} people: {listed}{more}; "
            "give the full name, or --council"
        )
    return found[0]


# ---- one person ----------------------------------------------------------------------------


def person_detail(
    store: Store, entry: PersonEntry, refs: Sequence[PersonRef] | None = None
) -> PersonDetail:
    """The meetings, asks and declarations of one entry. ``refs``: the people as last read
    (for the council's other people of the same surname); read again if not given."""
    with store.read() as conn:
        if refs is None:
            refs = _refs(conn, [entry.council])
        mine = next((r for r in refs if r.council == entry.council and r.key == entry.key), None)
        parts = list(mine.parts) if mine else [parse_name(entry.name, entry.honorific)]
        surname = next((p.surname for p in parts if p.surname), "")
        rivals = [
            r.head
            for r in refs
            if r is not mine and r.council == entry.council and r.head.surname == surname
        ]
        meetings = _meetings(queries.attendance_of(conn, entry.person_ids, entry.council))
        pattern = mention_pattern(parts, rivals)
        offices = _offices(entry)
        stem = max(re.findall(r"\w+", surname), key=len, default="")
        words = [stem, *(phrase for phrase, _ in offices)] if stem else []
        named = queries.records_naming(conn, entry.council, _like_words(words))
        asks = _asks(named, pattern, offices)
        items = queries.declaration_items(conn, entry.council, _like_words([stem]))
        declarations = _declarations(items, pattern)
    return PersonDetail(entry, tuple(meetings), tuple(asks), tuple(declarations))


def _like_words(words: Iterable[str]) -> list[str]:
    """Words for the store's prefilter: each name word or office as written, deduplicated."""
    return [w for w in dict.fromkeys(w.strip() for w in words) if w][:MAX_WORDS]


def _meetings(lines: Sequence[queries.AttendanceLine]) -> list[MeetingLine]:
    by_meeting: dict[int, list[queries.AttendanceLine]] = {}
    for line in lines:
        by_meeting.setdefault(line.meeting_id, []).append(line)
    found = []
    for meeting_id, rows in by_meeting.items():
        whole = [r for r in rows if not r.at_item]
        at_items = [r for r in rows if r.at_item]
        kinds = tuple(dict.fromkeys(r.kind for r in (*whole, *at_items)))
        roles = [clean_role(r.role) for r in (*whole, *at_items)]
        opens = at_items[0].item_id if at_items else rows[0].item_id
        found.append(
            MeetingLine(
                meeting_id,
                rows[0].date,
                rows[0].committee,
                kinds,
                next((r for r in roles if r), None),
                opens,
                tuple(_item_label(r.item_number, r.item_title or "") for r in at_items),
            )
        )
    return found


def _item_label(number: str | None, title: str) -> str:
    return one_line(f"{number} {title}" if number else title)


def _offices(entry: PersonEntry) -> list[tuple[str, tuple[date, date] | None]]:
    """The offices an ask may name the person by, with when they held it (None: undated)."""
    offices: list[tuple[str, tuple[date, date] | None]] = []
    for held in entry.roles:
        if is_generic_role(held.role) or not _ROLE_HOLDER.search(held.role):
            continue
        span = None
        first, last = _day(held.first), _day(held.last)
        if first and last:
            span = (first - ROLE_WINDOW, last + ROLE_WINDOW)
        offices += [(phrase, span) for phrase in role_phrases(held.role)]
    return offices


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text and len(text) >= 10 else None
    except ValueError:
        return None


def _asks(
    records: Sequence[queries.NamedRecord],
    pattern: re.Pattern[str],
    offices: Sequence[tuple[str, tuple[date, date] | None]],
) -> list[Ask]:
    office_patterns = [
        (re.compile(rf"(?<!\w){_word(phrase)}(?!\w)", re.IGNORECASE), span)
        for phrase, span in offices
    ]
    found: list[Ask] = []
    seen: set[tuple[int, str]] = set()
    for record in records:
        words = f"{record.text}\n{record.due_to or ''}"
        named = pattern.search(words)
        named_as = named.group() if named else None
        if named_as is None:
            day = _day(record.date)
            for office, span in office_patterns:
                hit = office.search(words)
                if hit and (span is None or day is None or span[0] <= day <= span[1]):
                    named_as = hit.group()
                    break
        if named_as is None:
            continue
        same = (record.item_id, one_line(record.text).casefold().rstrip("."))
        if same in seen:  # an action read from a "requested" resolution: one ask
            continue
        seen.add(same)
        found.append(
            Ask(
                record.kind,
                record.uid,
                record.item_id,
                record.text,
                record.due,
                record.due_to,
                record.date,
                record.committee,
                _item_label(record.item_number, record.item_title),
                one_line(named_as),
            )
        )
    return found


def _declarations(items: Sequence[queries.ItemText], pattern: re.Pattern[str]) -> list[Declaration]:
    found = []
    for item in items:
        for sentence in _SENTENCE.split(item.text):
            if pattern.search(sentence) and _DECLARING.search(sentence):
                found.append(
                    Declaration(
                        item.item_id,
                        item.item_uid,
                        item.date,
                        item.committee,
                        _item_label(item.number, item.title),
                        one_line(sentence),
                    )
                )
    return found


# ---- the member's choices ------------------------------------------------------------------


def merge_entries(store: Store, first: PersonEntry, second: PersonEntry) -> None:
    """Record that two entries of one council are one person (kept across re-ingests)."""
    if first.council != second.council:
        raise PeopleError(
            f"{first.shown} ({first.council_shown}) and {second.shown} "
            f"({second.council_shown}) are in different councils: people are never merged "
            "across councils"
        )
    if first.key == second.key or set(first.keys) & set(second.keys):
        raise PeopleError(f"{first.shown} and {second.shown} are already one entry")
    with store.write() as conn:
        queries.add_choice(conn, first.council, "merge", first.key, second.key, now_utc())


def split_entry(store: Store, entry: PersonEntry) -> int:
    """Record that an entry's ways of writing the name are different people; returns how
    many entries it becomes."""
    ways = len(set(entry.keys))
    if ways < 2:
        raise PeopleError(
            f"{entry.shown} is written only one way in {entry.council_shown}: nothing to split"
        )
    with store.write() as conn:
        queries.add_choice(conn, entry.council, "split", entry.key, None, now_utc())
    return ways
