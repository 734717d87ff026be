"""An action log printed as a table with the minutes, on short texts written for the tests."""

from __future__ import annotations

from scrutiny_tui.parser import parse_text

_MINUTES = """Minutes of the meeting of the Parks Panel held on 3 February 2026

1. Apologies

None.

2. Play areas

Members asked for the inspection results by ward.

3. Tree planting

The Panel asked for a progress report in September 2026.

Any other business

Cllr Ash raised the closure of the toilets in Mill Park.

Action log

Action | Owner | Due
---|---|---
Circulate the play area inspection results by ward (item 2) | Parks Manager | 6 March 2026
Progress report on tree planting (item 3) | Tree Officer | September 2026
Letter to the football club about pitch bookings (item 2) | Chair | 27 February 2026
Briefing note on the toilet closure (AOB) | Parks Manager | 20 February 2026
Add play area review to the work programme (item 2) | Scrutiny Officer | Complete
"""


def _actions_by_item() -> dict[str | None, list[tuple[str | None, str]]]:
    parsed = parse_text(_MINUTES)
    return {
        item.number or item.title: [(action.due, action.text) for action in item.actions]
        for item in parsed.items
    }


def test_each_row_goes_to_the_item_it_names_with_its_due_and_owner() -> None:
    actions = _actions_by_item()
    assert (
        "2026-03-06",
        "Circulate the play area inspection results by ward (item 2) (Parks Manager)",
    ) in actions["2"]
    assert ("2026-02-20", "Briefing note on the toilet closure (AOB) (Parks Manager)") in actions[
        "Any other business"
    ]


def test_a_row_the_minutes_already_asked_for_is_not_added_twice() -> None:
    assert [due for due, _ in _actions_by_item()["3"]] == ["2026-09"]


def test_a_letter_going_out_has_no_due_and_a_completed_row_asks_nothing() -> None:
    rows = dict((text, due) for due, text in _actions_by_item()["2"])
    assert rows["Letter to the football club about pitch bookings (item 2) (Chair)"] is None
    assert not any("work programme" in text for text in rows)


def test_the_table_is_not_read_again_as_the_last_item_s_prose() -> None:
    closing = _actions_by_item()["Any other business"]
    assert all("|" not in text for _, text in closing)
