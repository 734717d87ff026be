"""Option labels shared by more than one screen, kept out of the screens so that no screen
imports another for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from scrutiny_tui.ui.text import DIM, NO_COMMITTEE, NO_DATE, NO_ITEM, literal, one_line

if TYPE_CHECKING:  # the notes service loads when a screen first asks it for notes
    from scrutiny_tui.services.notes import NoteView


def lateness(days: int) -> str:
    """How late something is, in the unit a reader would use."""
    if days < 60:
        return f"{days} day{'' if days == 1 else 's'} late"
    if days < 730:
        return f"{days // 30} months late"
    return f"{days // 365} years late"


PRIORITY_STYLE = {"high": "bold red", "normal": "bold", "low": "dim"}


def note_prompt(note: NoteView) -> Text:
    """A note as an option: priority, kind and status, and whose it is on a team store;
    where it is; its words; its quote."""
    from scrutiny_tui.services.notes import authorship

    head = Text.assemble(
        literal(f"{note.priority.upper():<6} ", PRIORITY_STYLE.get(note.priority, "")),
        literal(f"{note.kind} · {note.status}", "bold"),
    )
    who = authorship(note)
    if who:
        head.append_text(literal(f"  · {who}", "italic" if note.mine else "bold"))
    if note.anchor_state == "detached":
        head.append("  · detached (its words are no longer in the minutes)", style="bold red")
    if note.conflict_of:
        head.append(
            f"  · conflict: an imported copy that differs from your note {note.conflict_of[:8]}"
            " (keep one: e edits this copy, d deletes one)",
            style="bold yellow",
        )
    if note.tags:
        head.append_text(literal("  #" + " #".join(note.tags), DIM))
    where = " · ".join(
        [note.committee or NO_COMMITTEE, note.date or NO_DATE, note.item_title or NO_ITEM]
    )
    head.append("\n")
    head.append_text(literal(one_line(where, 150), DIM))
    head.append("\n")
    head.append_text(literal(one_line(note.body, 300)))
    if note.quote and note.target_kind != "item":  # an item's quote is all of its minutes
        head.append("\n")
        head.append_text(literal(f"“{one_line(note.quote, 200)}”", "italic"))
    if note.ask_at:
        head.append_text(literal(f"\nAsk at: {one_line(note.ask_at, 100)}", DIM))
    return head
