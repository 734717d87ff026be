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
NOTE_VISIBILITIES = ("private", "team")  # who may read a note on a team store: its owner, or all
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

# ---- acronyms common in UK council minutes ---------------------------------------------------
# A search for the acronym also finds its expansion, and the other way round. The member
# adds their own (or another expansion of one of these) under ``search: acronyms:`` in
# config.yaml.
ACRONYMS: dict[str, tuple[str, ...]] = {
    "ASB": ("anti-social behaviour", "antisocial behaviour"),
    "ASC": ("adult social care",),
    "CAMHS": ("child and adolescent mental health services",),
    "CCG": ("clinical commissioning group",),
    "CIN": ("children in need",),
    "CLA": ("children looked after",),
    "CQC": ("care quality commission",),
    "CSE": ("child sexual exploitation",),
    "DSG": ("dedicated schools grant",),
    "EHCP": ("education health and care plan",),
    "HMO": ("house in multiple occupation", "houses in multiple occupation"),
    "HRA": ("housing revenue account",),
    "ICB": ("integrated care board",),
    "JSNA": ("joint strategic needs assessment",),
    "LAC": ("looked after children",),
    "LSCB": ("local safeguarding children board",),
    "MASH": ("multi-agency safeguarding hub",),
    "MTFS": ("medium term financial strategy",),
    "NEET": ("not in education employment or training",),
    "PCT": ("primary care trust",),
    "SEN": ("special educational needs",),
    "SEND": ("special educational needs and disabilities",),
    "UASC": ("unaccompanied asylum seeking children",),
    "YOS": ("youth offending service",),
}
