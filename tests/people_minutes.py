# ruff: noqa: E501  (minutes are kept as whole lines, as in real files)
"""Short made-up minutes naming people in the ways councils write them, for the People tests
(services, command and screen): two meetings of one council where one name is written
three ways, two Blakes who must stay two people, and a second council with a Judith Blake of
its own."""

from __future__ import annotations

from pathlib import Path

JANUARY = """ANYSHIRE COUNTY COUNCIL

Minutes of a meeting of the Children's Scrutiny Committee held on 10 January 2024 at 10.00 am in County Hall.

Present: Councillor Judith Blake (Chair), Councillor John Blake, Councillor Pat Quill and Cllr R Stone

Also present: Nigel Richardson (Director of Children's Services)

Apologies: Cllr T Moss

1/24 Declarations of interest

Councillor Judith Blake declared a personal interest as a governor of Hill School.

2/24 School Places

The Director of Children's Services presented the report on school places.

RESOLVED: that the Director of Children's Services report on school place planning to the meeting of the Committee on 10 April 2024.
"""

APRIL = """ANYSHIRE COUNTY COUNCIL

Minutes of a meeting of the Children's Scrutiny Committee held on 10 April 2024 at 10.00 am in County Hall.

Present: Councillor Patricia Quill (Chair), Councillor Stone and Cllr T Moss

Apologies: Councillor Judith Blake and Councillor John Blake

3/24 School Place Planning

Members discussed the report on school place planning.

RESOLVED: that Councillor Stone be asked to report on home to school transport to the meeting of the Committee on 10 July 2024.
"""

BORSETSHIRE = """BORSETSHIRE COUNCIL

Minutes of a meeting of the Health Scrutiny Panel held on 1 February 2024 at 2.00 pm in the Town Hall.

Present: Councillor Judith Blake (Chair) and Councillor Ann Green

5/24 Hospital Discharge

RESOLVED: that the update be noted.
"""

FILES = {
    "anyshire-2024-01-10.txt": JANUARY,
    "anyshire-2024-04-10.txt": APRIL,
    "borsetshire-2024-02-01.txt": BORSETSHIRE,
}


def write_minutes(folder: Path) -> Path:
    """The three minutes files in ``folder`` (made if need be); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
