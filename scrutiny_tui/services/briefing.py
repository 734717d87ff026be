"""Briefing packs: a Markdown document a member takes into the next meeting.

For a scope (committee, date range, topic search, tags, chosen items) the pack holds, in
order: a title block, contents, outstanding and overdue actions, the resolutions and
recommendations with their tracking status, then each agenda item with a short extract (its
own opening sentences, never generated wording), its resolutions, the member's concerns by
priority, their own questions, and where it came from.

Every string from minutes or notes goes through :func:`inline`, which escapes what Markdown
would read as structure, so a line starting with ``#``, a ``|`` in a table cell or a
``<script>`` stays text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from scrutiny_tui.safe_files import FileWriteError, check_target, write_private
from scrutiny_tui.safe_text import inline as inline_name
from scrutiny_tui.safe_text import visible_controls
from scrutiny_tui.services.browse import MeetingFilter, where_from
from scrutiny_tui.services.tracker import is_overdue
from scrutiny_tui.store import briefing as queries
from scrutiny_tui.store.db import Store
from scrutiny_tui.vocabulary import NOTE_PRIORITIES

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!])")
_LINE_START = re.compile(r"^(\s*)(\d+)?([#>+\-=.)])")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘“\"(])")
EXTRACT_CHARS = 400


class BriefingError(Exception):
    """The pack cannot be written where asked; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class BriefingScope:
    """What the pack covers. Every field empty: the whole store."""

    committee: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    search: str | None = None  # a topic: items with a search hit
    tags: tuple[str, ...] = ()  # items carrying a note with one of these tags
    item_ids: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and not _DATE.match(value):
                raise ValueError(f"{name} must be a date as YYYY-MM-DD, not {value!r}")
            object.__setattr__(self, name, value or None)
        object.__setattr__(self, "committee", (self.committee or "").strip() or None)
        object.__setattr__(self, "search", (self.search or "").strip() or None)
        object.__setattr__(self, "tags", tuple(t for t in self.tags if t))
        object.__setattr__(self, "item_ids", tuple(int(i) for i in self.item_ids))

    def describe(self) -> str:
        parts = []
        if self.committee:
            parts.append(f"committee matching “{self.committee}”")
        if self.since or self.until:
            parts.append(f"meetings {self.since or 'any date'} to {self.until or 'any date'}")
        if self.search:
            parts.append(f"items mentioning “{self.search}”")
        if self.tags:
            parts.append("notes tagged " + ", ".join(f"#{t}" for t in self.tags))
        if self.item_ids:
            parts.append(f"{len(self.item_ids)} chosen items")
        return "; ".join(parts) or "everything in the store"


@dataclass(frozen=True, slots=True)
class Briefing:
    title: str
    markdown: str
    item_count: int

    def __str__(self) -> str:
        return self.markdown


# ---- escaping -----------------------------------------------------------------------


def inline(value: str | None) -> str:
    """Text from minutes or notes as one line of literal Markdown text."""
    flat = " ".join(visible_controls(value or "").split())
    escaped = _INLINE_SPECIAL.sub(r"\\\1", flat)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    """A leading "#", ">", "-", "+", "=" or "12." / "12)" would open a block: escape its mark
    (a backslash before a digit is not an escape, so "12." becomes "12\\.")."""
    lead, digits, mark = match[1], match[2] or "", match[3]
    if not digits and mark in ".)":
        return match[0]
    return f"{lead}{digits}\\{mark}"


def _anchor(text: str) -> str:
    """The id markdown-it's anchors plugin or GitHub would give a heading (for contents)."""
    return re.sub(r"[^\w\- ]", "", text.lower()).strip().replace(" ", "-")


# ---- gathering ----------------------------------------------------------------------


@dataclass
class _Item:
    id: int
    uid: str
    number: str | None
    title: str
    text: str
    committee: str | None
    date: str | None
    path: str
    resolutions: list[queries.PackResolution] = field(default_factory=list)
    recommendations: list[queries.PackRecommendation] = field(default_factory=list)
    actions: list[queries.PackAction] = field(default_factory=list)
    notes: list[Any] = field(default_factory=list)

    @property
    def heading(self) -> str:
        number = f"{self.number} " if self.number else ""
        committee = self.committee or "Committee not stated"
        return f"{self.date or 'Undated'} · {committee} · {number}{self.title}"

    @property
    def source(self) -> str:
        where = f"agenda item {self.number}" if self.number else "agenda item"
        return f"{where_from(self.path)}, {where}"


def _scoped_item_ids(store: Store, scope: BriefingScope) -> set[int] | None:
    """Item ids the topic, tag and chosen-item parts of the scope allow (None: any)."""
    allowed: set[int] | None = None

    def narrow(ids: set[int]) -> None:
        nonlocal allowed
        allowed = ids if allowed is None else allowed & ids

    if scope.item_ids:
        narrow(set(scope.item_ids))
    if scope.search:
        from scrutiny_tui.services.search import search

        narrow({h.item_id for h in search(store, scope.search, limit=2000).hits if h.item_id})
    if scope.tags:
        from scrutiny_tui.services.notes import list_notes

        tagged: set[int] = set()
        for tag in scope.tags:
            tagged |= {n.item_id for n in list_notes(store, tag=tag) if n.item_id is not None}
        narrow(tagged)
    return allowed


def _items(store: Store, scope: BriefingScope) -> list[_Item]:
    allowed = _scoped_item_ids(store, scope)
    if allowed is not None and not allowed:
        return []
    flt = MeetingFilter(committee=scope.committee or "", date_from=scope.since, date_to=scope.until)
    with store.read() as conn:
        found = queries.items_in_scope(conn, flt, allowed)
        ids = [item.id for item in found]
        resolutions = queries.resolutions_of_items(conn, ids)
        recommendations = queries.recommendations_of_items(conn, ids)
        actions = queries.actions_of_items(conn, ids)
    items = {
        i.id: _Item(i.id, i.uid, i.number, i.title, i.text, i.committee, i.date, i.path)
        for i in found
    }
    for resolution in resolutions:
        items[resolution.item_id].resolutions.append(resolution)
    for recommendation in recommendations:
        items[recommendation.item_id].recommendations.append(recommendation)
    for action in actions:
        items[action.item_id].actions.append(action)
    return list(items.values())


def _attach_notes(store: Store, items: list[_Item]) -> None:
    from scrutiny_tui.services.notes import list_notes

    by_id = {item.id: item for item in items}
    for note in list_notes(store):
        if note.item_id in by_id:
            by_id[note.item_id].notes.append(note)


# ---- writing the Markdown -----------------------------------------------------------


def build_briefing(
    store: Store, scope: BriefingScope, *, today: date, generated_at: datetime
) -> Briefing:
    """The pack for ``scope`` (see the module docstring)."""
    items = _items(store, scope)
    _attach_notes(store, items)
    committees = {i.committee for i in items}
    only = next(iter(committees)) if len(committees) == 1 else None
    title = only or scope.committee or "All committees"
    lines = _title_block(title, scope, items, generated_at)
    lines += _contents(items)
    lines += _actions_section(items, today)
    lines += _decisions_section(items)
    lines += ["## Agenda items", ""]
    for item in items:
        lines += _item_section(item)
    if not items:
        lines += ["Nothing in this scope.", ""]
    return Briefing(title, "\n".join(lines).rstrip() + "\n", len(items))


def _title_block(
    title: str, scope: BriefingScope, items: list[_Item], generated_at: datetime
) -> list[str]:
    dates = sorted(i.date for i in items if i.date)
    span = f"{dates[0]} to {dates[-1]}" if dates else "no dated meetings"
    return [
        f"# Briefing pack: {inline(title)}",
        "",
        "| | |",
        "|---|---|",
        f"| Committee | {inline(title)} |",
        f"| Meetings | {inline(span)} |",
        f"| Scope | {inline(scope.describe())} |",
        f"| Agenda items | {len(items)} |",
        f"| Generated | {generated_at.strftime('%Y-%m-%d %H:%M %Z').strip()} |",
        "",
    ]


def _contents(items: list[_Item]) -> list[str]:
    lines = [
        "## Contents",
        "",
        "- [Outstanding and overdue actions](#outstanding-and-overdue-actions)",
        "- [Resolutions and recommendations](#resolutions-and-recommendations)",
        "- [Agenda items](#agenda-items)",
    ]
    lines += [f"  - [{inline(i.heading)}](#{_anchor(inline(i.heading))})" for i in items]
    return [*lines, ""]


def _actions_section(items: list[_Item], today: date) -> list[str]:
    rows = []
    for item in items:
        for action in item.actions:
            if action.done:
                continue
            state = "**Overdue**" if is_overdue(action.due, action.done, today) else "Open"
            asked = f"{item.committee or 'Committee not stated'}, {item.date or 'undated'}"
            rows.append((action.due or "", state, action.text, action.due_to, asked, item.source))
    rows.sort(key=lambda r: (r[0] == "", r[0]))
    lines = ["## Outstanding and overdue actions", ""]
    if not rows:
        return [*lines, "No outstanding actions in this scope.", ""]
    lines += ["| Due | State | Action | Due to | Asked by | Source |", "|---|---|---|---|---|---|"]
    for due, state, text_, due_to, asked, source in rows:
        cells = [inline(due) or "—", state, inline(text_), inline(due_to) or "—"]
        lines.append("| " + " | ".join([*cells, inline(asked), inline(source)]) + " |")
    return [*lines, ""]


def _decisions_section(items: list[_Item]) -> list[str]:
    lines = ["## Resolutions and recommendations", ""]
    rows = []
    for item in items:
        for res in item.resolutions:
            ref = f"Res {res.label}" if res.label else "Res"
            rows.append((ref, res.kind, res.text, res.status, item))
        for rec in item.recommendations:
            ref = f"Rec {rec.ref}" if rec.ref else "Rec"
            rows.append((ref, "recommendation", rec.text, rec.status, item))
    if not rows:
        return [*lines, "No resolutions or recommendations in this scope.", ""]
    lines += ["| Ref | Kind | Text | Tracking status | Meeting |", "|---|---|---|---|---|"]
    for ref, kind, text_, status, item in rows:
        meeting = f"{item.date or 'undated'}, {item.title}"
        cells = [inline(ref), inline(kind), inline(text_), inline(status or "Not tracked")]
        lines.append("| " + " | ".join([*cells, inline(meeting)]) + " |")
    return [*lines, ""]


_LABEL_LINE = re.compile(
    r"^\s*(?:Minutes|Decisions?|Agenda item|Supporting documents)\s*:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def extract(text_: str, limit: int = EXTRACT_CHARS) -> str:
    """The item's own opening sentences, up to about ``limit`` characters (page labels such
    as a line reading "Minutes:" left out)."""
    flat = " ".join(_LABEL_LINE.sub("", text_).split())
    taken = ""
    for sentence in _SENTENCE.split(flat):
        if taken and len(taken) + len(sentence) > limit:
            break
        taken = f"{taken} {sentence}".strip()
    return taken if len(taken) <= limit * 2 else taken[:limit].rsplit(" ", 1)[0] + " …"


def _item_section(item: _Item) -> list[str]:
    lines = [f"### {inline(item.heading)}", ""]
    if item.text.strip():
        lines += [f"> {inline(extract(item.text))}", ""]
    if item.resolutions:
        lines += ["**Resolutions**", ""]
        for res in item.resolutions:
            tag = f"({inline(res.label)}) " if res.label else ""
            tracked = f"; tracking: {inline(res.status)}" if res.status else ""
            lines.append(f"- {tag}{inline(res.text)} *{inline(res.kind)}{tracked}*")
        lines.append("")
    lines += _notes_part(item.notes)
    lines += [f"Source: {inline(item.source)}", ""]
    return lines


def _notes_part(notes: list[Any]) -> list[str]:
    if not notes:
        return []
    lines = ["**My concerns and questions**", ""]
    grouped: dict[str, list[Any]] = defaultdict(list)
    for note in notes:
        grouped[note.priority].append(note)
    for priority in NOTE_PRIORITIES:
        if not grouped.get(priority):
            continue
        lines.append(f"- {priority.capitalize()} priority")
        for note in grouped[priority]:
            state = f"{note.kind}, {note.status}"
            if note.anchor_state == "detached":
                state += ", detached: its words are no longer in the minutes"
            tags = " " + " ".join(f"\\#{inline(t)}" for t in note.tags) if note.tags else ""
            lines.append(f"  - {inline(note.body)} *({inline(state)})*{tags}")
            if note.quote and note.target_kind != "item":
                lines.append(f"    - on: “{inline(note.quote[:300])}”")
    lines.append("")
    questions = [n for n in notes if n.kind == "question" and n.status == "open"]
    if questions:
        lines += ["**Questions to ask**", ""]
        lines += [f"{n}. {inline(q.body)}" for n, q in enumerate(questions, 1)]
        lines.append("")
    return lines


# ---- files --------------------------------------------------------------------------


def default_pack_path(export_dir: Path, scope: BriefingScope, now: datetime) -> Path:
    name = scope.committee or (f"topic-{scope.search}" if scope.search else "all-committees")
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "pack"
    return Path(export_dir) / f"briefing-{slug}-{now:%Y-%m-%d}.md"


def resolve_pack_path(out: Path | None, export_dir: Path, default: Path) -> Path:
    """Where to write: the default, an absolute path as given, or a relative one inside the
    export folder (which it may not climb out of)."""
    if out is None:
        return default
    out = out.expanduser()
    if out.is_absolute():
        return out
    base = Path(export_dir).resolve()
    target = (base / out).resolve()
    if not target.is_relative_to(base):
        raise BriefingError(f"{out} would be outside the export folder {base}; give a full path")
    return target


def write_briefing(briefing: Briefing, path: Path, *, force: bool, html: bool) -> Path:
    """Write the pack (and an HTML copy beside it if asked), readable by the user only.

    Each file is written whole or not at all (see ``safe_files``); both names are checked
    before either is written."""
    path = Path(path).expanduser()
    targets = [(path, briefing.markdown)]
    if html:
        copy = path.with_suffix(".html")
        if copy == path:
            raise BriefingError(
                f"the pack and its HTML copy would both be {inline_name(str(path))}: "
                "give the pack a .md name (the .html copy is written beside it)"
            )
        targets.append((copy, render_html(briefing)))
    try:
        for target, _ in targets:
            check_target(target, replace=force)
        for target, content in targets:
            write_private(target, content, replace=force)
    except FileWriteError as exc:
        raise BriefingError(str(exc)) from exc
    return path


PRINT_CSS = """
@page { size: A4; margin: 18mm; }
body { font-family: Georgia, 'Times New Roman', serif; font-size: 11pt; line-height: 1.4;
       max-width: 48em; margin: auto; color: #111; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; page-break-after: avoid; }
h2 { border-bottom: 1px solid #999; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 0.5em 0 1em; }
th, td { border: 1px solid #777; padding: 3px 5px; vertical-align: top; text-align: left; }
blockquote { border-left: 3px solid #bbb; margin-left: 0; padding-left: 0.8em; color: #333; }
tr, li { page-break-inside: avoid; }
"""


def render_html(briefing: Briefing) -> str:
    """The same pack as a printable HTML page; raw HTML in it is shown, never run."""
    from html import escape

    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(briefing.markdown)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(briefing.title)}</title>\n<style>{PRINT_CSS}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )
