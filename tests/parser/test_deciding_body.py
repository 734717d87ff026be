"""The body that met, read from where its decisions are recorded when no heading names it:
a lead-in line of its own over the resolutions, or the opening of the minutes' account."""

from __future__ import annotations

from scrutiny_tui.parser import parse_text
from scrutiny_tui.parser.meeting import body_from_decisions, body_from_own_minutes


def test_a_lead_in_line_over_the_resolutions_names_the_body() -> None:
    text = "RESOLVED –\n\nThe Scrutiny Panel (Adults and Health):\n\na) the update be noted."
    assert body_from_decisions(text) == "Scrutiny Panel (Adults and Health)"


def test_the_account_naming_who_considered_the_report() -> None:
    assert body_from_decisions("Minutes:\nThe Cabinet considered the bus review.") == "Cabinet"
    assert (
        body_from_decisions("Noted. The Housing Scrutiny Panel received the annual report.")
        == "Housing Scrutiny Panel"
    )
    assert (
        body_from_decisions("The Children's Overview Board was asked to comment on the plan.")
        == "Children's Overview Board"
    )


def test_a_bare_committee_a_council_a_member_or_two_bodies_name_none() -> None:
    assert body_from_decisions("The Committee considered the report.") is None
    assert body_from_decisions("The Anyshire County Council considered the plan.") is None
    assert body_from_decisions("The Cabinet Member for Transport introduced the report.") is None
    assert body_from_decisions("The Cabinet considered X. The Audit Committee noted Y.") is None
    assert body_from_decisions("It was noted that the Cabinet would consider it.") is None


def test_a_heading_that_names_the_body_wins() -> None:
    text = (
        "Transport Scrutiny Committee - Monday, 3rd March, 2025 6.00 pm\n\n"
        "12. Bus services\n\nThe Cabinet considered the review in January.\n"
    )
    assert parse_text(text).meeting.body == "Transport Scrutiny Committee"


def test_the_full_council_or_the_cabinet_named_with_no_article() -> None:
    assert body_from_decisions("Council had before it the annual review.") == "Council"
    assert body_from_decisions("Minutes:\nCouncil noted the review.") == "Council"
    assert body_from_decisions("Cabinet approves the revised charter.") == "Cabinet"
    assert body_from_decisions("Council noted X. The Audit Committee noted Y.") is None
    assert body_from_decisions("Members asked whether Council approved it.") is None


def test_own_minutes_naming_the_body_before_meeting_or_after_the_date() -> None:
    assert (
        body_from_own_minutes(
            "That the minutes of the last Harbour Board meeting held on 3 June 2025 be approved."
        )
        == "Harbour Board"
    )
    assert (
        body_from_own_minutes(
            "RESOLVED that the minutes of the 3rd June, 2025 Harbour Board be approved."
        )
        == "Harbour Board"
    )
    # "meeting on" without "held" may be any body's meeting, spoken of in prose
    assert (
        body_from_own_minutes("The minutes of the Harbour Board meeting on 3 June were read.")
        is None
    )


def test_this_named_body_is_the_body_speaking() -> None:
    text = "The officer listed the topics passed to this Harbour and Coast Committee for review."
    assert body_from_decisions(text) == "Harbour and Coast Committee"
    assert body_from_decisions("The officer listed the topics passed to this Committee.") is None


def test_a_decision_that_names_the_body_in_its_own_words() -> None:
    text = "Decision: That the Joint Health Panel notes the letter from the Minister."
    assert body_from_decisions(text) == "Joint Health Panel"


def test_the_body_an_agenda_puts_its_business_to() -> None:
    text = (
        "The Harbour & Coast Committee is asked to note the update.\n\n"
        "The Harbour and Coast Committee is asked to agree its work programme."
    )
    assert body_from_decisions(text) == "Harbour and Coast Committee"
    # a bare "Committee" names no body, as elsewhere
    assert body_from_decisions("The Committee is asked to note the report.") is None
