"""What kind of decision each form of words records, on short texts written for the test."""

from __future__ import annotations

import pytest

from scrutiny_tui.parser import parse_item
from scrutiny_tui.parser.decisions import classify


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        # minutes confirmed without "be approved"
        ("To confirm the minutes of the meeting held on 4th March, 2021.", "approved"),
        ("That Council confirms the minutes of its meeting of 2 May as a true record.", "approved"),
        ("that the minutes of the last meeting be taken as read and signed as correct", "approved"),
        ("approval of the agenda as circulated", "approved"),
        # two verbs joined: the second decides
        ("The minutes of the Planning Committee were submitted and approved.", "approved"),
        ("That the annual report be received and noted.", "noted"),
        # an office filled
        ("Cllr Jo Hale be elected as the Chair for the coming year.", "agreed"),
        ("Mr Sam Irwin was duly proposed and seconded and was duly elected.", "agreed"),
        ("Cllr Kerr elected as vice-chair, proposed by Cllr Lowe.", "agreed"),
        ("Councillor Moss be appointed to the Licensing Committee.", "agreed"),
        # "Elected Members" and "Appointed Members" are who, not what was decided
        ("Elected Members noted the overview of the programme.", "noted"),
        ("The Committee noted the apologies of Appointed Members Ann Hale and Bo Irwin.", "noted"),
    ],
)
def test_the_kind_of_decision(words: str, kind: str) -> None:
    assert classify(words) == kind


def test_an_election_in_an_item_is_an_agreed_decision() -> None:
    item = parse_item(
        "Nominations were sought for the position of Chair.\n\n"
        "RESOLVED that Cllr Jo Hale be elected as Chair of the Panel for 2025/26.\n",
        title="Election of Chair",
    )
    assert [resolution.kind for resolution in item.resolutions] == ["agreed"]


@pytest.mark.parametrize(
    ("minutes", "count"),
    [
        # the body's decision in the passive, the body named after the verb
        ("Before the meeting began, Standing Order 12 was adopted by members.", 1),
        ("The revised hire charges were approved by the Council with effect from May.", 1),
        ("Cllr Hale's request to defer was agreed by all Members present.", 1),
        # an earlier decision recounted, by another body or at another time: discussion
        ("The scheme was approved by Cabinet in March 2024 and work began in June.", 0),
        ("The officer said the policy was adopted by the Board last year.", 0),
        ("The plan was approved by the Planning Committee at its meeting on 3 May.", 0),
    ],
)
def test_a_decision_in_the_passive(minutes: str, count: int) -> None:
    item = parse_item(f"The Clerk introduced the item.\n\n{minutes}\n", title="Standing Orders")
    assert len(item.resolutions) == count


@pytest.mark.parametrize(
    "minutes",
    [
        "The Authority approved the plan and noted the risks.",
        "The Authority agreed to defer the station review.",
        "The Fire Authority RESOLVED that the review be deferred.",
    ],
)
def test_an_authority_s_own_decision_without_the_keyword_line(minutes: str) -> None:
    # fire, police and combined authorities name themselves "the Authority"
    item = parse_item(f"The Treasurer presented the plan.\n\n{minutes}\n", title="Budget")
    assert len(item.resolutions) == 1
