"""The words the CLI, the services and the app share: note kinds, priorities and statuses,
what a note can be on, and how a fact the minutes do not state is shown.

Kept in one module with no imports, so every layer can use it and a choice offered in a
form or on the command line is always one the services accept.
"""

from __future__ import annotations

# ---- notes ----------------------------------------------------------------------------

NOTE_KINDS = ("question", "concern", "follow-up", "praise")
DEFAULT_NOTE_KIND = "concern"
NOTE_PRIORITIES = ("high", "normal", "low")  # most urgent first: lists are shown in this order
DEFAULT_NOTE_PRIORITY = "normal"
NOTE_STATUSES = ("open", "resolved")
DEFAULT_NOTE_STATUS = "open"
# What a note is on: a record, or a passage of an agenda item's minutes (kept on the item).
NOTE_TARGET_KINDS = ("item", "resolution", "recommendation", "action", "passage")
PASSAGE = "passage"
ANCHOR_STATES = ("attached", "detached")  # detached: its words are no longer in the minutes

# ---- facts the minutes do not state (shown, never guessed) -------------------------------

NO_COUNCIL = "(council not stated)"
NO_COMMITTEE = "(committee not stated)"
NO_DATE = "(undated)"
NO_ITEM = "(no item)"
