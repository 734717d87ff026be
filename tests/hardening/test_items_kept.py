"""No item vanishes or merges without a word: an item heading written unlike its neighbours
is still read as an item, numbers run past 9999, and what the parser cannot place is said in
the parse's warnings."""

from __future__ import annotations

import pytest

from scrutiny_tui.parser import parse_text

HEAD = (
    "Audit Committee - Tuesday, 4th March, 2025 7.00 pm\n\n"
    "Present: Councillors A Hale (Chair), B Irwin and C Kerr\n\n"
)


def _minutes(second_heading: str) -> str:
    return HEAD + (
        "1. Apologies for absence\n\nApologies were received from Councillor Lowe.\n\n"
        f"{second_heading}\n\nThe Committee considered the quarter three report.\n\n"
        "RESOLVED – That the budget be approved.\n\n"
        "3. Work programme\n\nRESOLVED – That the work programme be noted.\n\n"
        "4. Date of next meeting\n\nRESOLVED – That the next meeting be on 1 April 2025.\n"
    )


@pytest.mark.parametrize(
    "heading",
    [
        "2 Budget monitoring.",  # a trailing period, and no stop after the number
        "2. budget monitoring",  # lower case
        "[2] Budget monitoring",  # a leading bracket
        "[2.] Budget monitoring",
        "2. [Exempt] Budget monitoring",
        "2) Budget monitoring",
        "Item 2. Budget monitoring.",
        "item 2 - budget monitoring",
    ],
)
def test_an_item_heading_unlike_its_neighbours_keeps_its_item_and_decisions(
    heading: str,
) -> None:
    parsed = parse_text(_minutes(heading))
    numbers = [item.number for item in parsed.items]
    assert numbers == ["1", "2", "3", "4"], (numbers, parsed.warnings)
    budget = parsed.items[1]
    assert "budget monitoring" in budget.title.lower()
    assert [r.text for r in budget.resolutions] == ["That the budget be approved."]
    assert parsed.items[0].resolutions == []


def test_item_numbers_past_9999_are_read() -> None:
    # a file of 20,000 items gave 9,999: every item from 10000 on merged into item 9999
    text = HEAD + "".join(
        f"{number}. Report number {number}\n\nRESOLVED – That report {number} be noted.\n\n"
        for number in range(9_990, 10_021)
    )
    parsed = parse_text(text)
    assert [item.number for item in parsed.items] == [str(n) for n in range(9_990, 10_021)]
    assert all(len(item.resolutions) == 1 for item in parsed.items)


def test_a_decision_before_the_first_item_is_reported() -> None:
    text = HEAD + (
        "RESOLVED – That Councillor Hale be elected Chair for the municipal year.\n\n"
        "1. Apologies for absence\n\nNone.\n\n"
        "2. Budget monitoring\n\nRESOLVED – That the budget be approved.\n"
    )
    parsed = parse_text(text)
    assert [item.number for item in parsed.items] == ["1", "2"]
    assert any("before the first item" in w and "elected Chair" in w for w in parsed.warnings)


def test_a_line_numbered_as_a_missing_item_is_reported() -> None:
    text = HEAD + (
        "1. Apologies for absence\n\nNone.\n\n"
        "2 - the quarter three budget monitoring report was considered; members asked "
        "about the overspend on placements, the use of reserves and the savings plan, "
        "and the Chair summed up.\n\n"
        "RESOLVED – That the budget be approved.\n\n"
        "3. Work programme\n\nRESOLVED – That the work programme be noted.\n"
    )
    parsed = parse_text(text)
    assert [item.number for item in parsed.items] == ["1", "3"]
    assert any("item 2" in w and "item 1" in w for w in parsed.warnings), parsed.warnings


def test_decisions_after_supporting_documents_are_reported() -> None:
    text = HEAD + (
        "1. Budget monitoring\n\nMinutes:\n\nThe Committee considered the report.\n\n"
        "RESOLVED – That the budget be approved.\n\n"
        "Supporting documents:\n\nBudget report PDF 85 KB\n\n"
        "RESOLVED – That the savings plan be referred to Cabinet.\n\n"
        "2. Work programme\n\nRESOLVED – That the work programme be noted.\n"
    )
    parsed = parse_text(text)
    assert [r.text for r in parsed.items[0].resolutions] == ["That the budget be approved."]
    assert any("Supporting documents" in w and "savings plan" in w for w in parsed.warnings)


def test_well_formed_minutes_carry_no_new_warnings() -> None:
    parsed = parse_text(_minutes("2. Budget monitoring"))
    assert parsed.warnings == []
