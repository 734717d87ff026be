"""Layouts found across several councils' published minutes, each on a short text written
for the test (names, councils and wording invented)."""

from __future__ import annotations

from scrutiny_tui.parser import parse_text


def present_names(text: str) -> list[str]:
    return [person.name for person in parse_text(text).meeting.present]


def apologies_names(text: str) -> list[str]:
    return [person.name for person in parse_text(text).meeting.apologies]


# ---- the body that met ---------------------------------------------------------------------


def test_body_named_by_the_minutes_it_confirms() -> None:
    parsed = parse_text(
        "Items\nNo. Item\n\n4.\n\nMinutes pdf icon PDF 90 KB\n\nTo sign the minutes of the"
        " meeting of the Harbour Users Panel held on 3 March 2024.\n\nMinutes:\n\n"
        "RESOLVED that the minutes be signed.\n\n5.\n\nTide Tables\n\nMinutes:\n\nNoted.\n"
    )
    assert parsed.meeting.body == "Harbour Users Panel"


def test_own_minutes_with_a_bare_body_or_two_bodies_name_none() -> None:
    bare = parse_text(
        "1. Minutes\n\nThe minutes of the previous meeting of the Committee on 3 March 2024 were"
        " agreed.\n\n2. Budget\n\nNoted.\n"
    )
    assert bare.meeting.body is None
    two = parse_text(
        "1. Minutes\n\nThe minutes of the previous meeting of Cabinet on 3 March 2024 and the"
        " minutes of the meeting of the Licensing Board held on 5 March 2024 were noted.\n"
        "\n2. Budget\n\nNoted.\n"
    )
    assert two.meeting.body is None
