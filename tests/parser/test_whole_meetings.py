"""Whole meetings in four council styles, parsed to the structure a reader of them sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny_tui.parser import parse_text
from scrutiny_tui.parser.model import Item, ParsedDocument, Person

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "minutes"
HOUSING = "housing_scrutiny_panel_2020-02-03.txt"
CHILDREN = "childrens_services_osc_2019-03-12.txt"
OVERVIEW = "overview_scrutiny_2015-12-08.txt"
HEALTH = "health_asc_scrutiny_board_2017-09-14.txt"


def parse_fixture(name: str) -> ParsedDocument:
    path = FIXTURES / name
    return parse_text(path.read_text(encoding="utf-8"), source=str(path))


def people(found: list[Person]) -> list[tuple[str | None, str, str | None]]:
    return [(person.honorific, person.name, person.role) for person in found]


def numbered(parsed: ParsedDocument) -> list[tuple[str | None, str]]:
    return [(item.number, item.title) for item in parsed.items]


def by_number(parsed: ParsedDocument, number: str) -> Item:
    (item,) = [item for item in parsed.items if item.number == number]
    return item


def decided(item: Item) -> list[tuple[str | None, str]]:
    return [(resolution.label, resolution.kind) for resolution in item.resolutions]


def asked(item: Item) -> list[tuple[str | None, str | None]]:
    return [(action.due, action.body) for action in item.actions]


@pytest.mark.parametrize("name", [HOUSING, CHILDREN, OVERVIEW, HEALTH])
def test_every_record_points_at_its_words(name: str) -> None:
    parsed = parse_fixture(name)
    text = parsed.text
    meeting = parsed.meeting
    for person in [*meeting.present, *meeting.apologies, *meeting.substitutes]:
        assert person.span is not None
        assert text[person.span.start : person.span.end] == person.source
    for item in parsed.items:
        assert item.title in " ".join(text[item.span.start : item.span.end].split())
        records = [
            *item.attendees,
            *item.points,
            *item.recommendations,
            *item.resolutions,
            *item.actions,
        ]
        for record in records:
            assert record.span is not None
            assert text[record.span.start : record.span.end] == record.source
    assert parsed.warnings == []


# ---- Housing Scrutiny Panel: "67." items, "RESOLVED –" (a)..(d), "AGREED that:" --------


def test_housing_meeting_facts() -> None:
    meeting = parse_fixture(HOUSING).meeting
    assert (meeting.council, meeting.body, meeting.date) == (
        "London Borough of Kingsmead",
        "Housing Scrutiny Panel",
        "2020-02-03",
    )
    assert people(meeting.present) == [
        ("Councillor", "Anne Hollis", "Chair"),
        ("Councillor", "Tom Reddy", "Vice-Chair"),
        ("Councillor", "Priya Shah", None),
        ("Councillor", "Mark Olsen", None),
        ("Councillor", "Paul Winter", None),
    ]
    # "Also in attendance": a cabinet member at the meeting is not a member of the panel
    assert people(meeting.attending) == [
        ("Councillor", "Helen Moss", "Portfolio Holder for Housing"),
    ]
    assert people(meeting.apologies) == [
        ("Councillor", "Dev Gill", None),
        ("Councillor", "Rachel Stone", None),
    ]
    assert people(meeting.substitutes) == [("Councillor", "Paul Winter", None)]


def test_housing_items() -> None:
    assert numbered(parse_fixture(HOUSING)) == [
        ("67", "Apologies for Absence and Substitutions"),
        ("68", "Declarations of Interest"),
        ("69", "Minutes of the previous meeting"),
        ("70", "Housing Repairs Performance"),
        ("71", "Allocations Policy - Call-in"),
        ("72", "Homelessness Prevention Grant - Update"),
        ("73", "Work Programme 2019/20"),
    ]


def test_housing_items_without_decisions() -> None:
    parsed = parse_fixture(HOUSING)
    for number in ("67", "68"):
        item = by_number(parsed, number)
        assert (item.resolutions, item.actions, item.recommendations) == ([], [], [])


def test_housing_minutes_approved() -> None:
    item = by_number(parse_fixture(HOUSING), "69")
    assert decided(item) == [(None, "approved")]
    assert item.resolutions[0].text == (
        "that the minutes of the meeting held on 25 November 2019 be approved as a correct "
        "record and signed by the Chair."
    )
    assert item.actions == []


def test_housing_repairs_lettered_resolutions_and_requests() -> None:
    item = by_number(parse_fixture(HOUSING), "70")
    assert item.report_refs == ["HSG/19/044"]
    assert decided(item) == [
        ("a", "noted"),
        ("b", "requested"),
        ("c", "other"),
        ("d", "requested"),
    ]
    assert item.resolutions[0].text == "that the report be noted"
    assert item.resolutions[2].text == (
        "that the Panel's concerns about call answering times be referred to Cabinet"
    )
    assert asked(item) == [
        (None, None),
        ("2020-03-16", "Housing Scrutiny Panel"),
        (None, None),
        ("2020-06", "Panel"),
    ]
    assert item.actions[0].text.startswith(
        "The Head of Repairs and Maintenance agreed to circulate"
    )
    assert item.actions[1].text.startswith("The Panel requested that a report on damp and mould")
    assert item.actions[2].text.startswith("that the Portfolio Holder for Housing be asked")
    # the four hard-wrapped bullets are four points, each whole
    bullets = [point.text for point in item.points if point.source.startswith("•")]
    assert len(bullets) == 4
    assert bullets[2].endswith("which had averaged eleven minutes in December;")
    assert item.recommendations == []


def test_housing_call_in_referred_back() -> None:
    item = by_number(parse_fixture(HOUSING), "71")
    assert decided(item) == [(None, "other")]
    assert item.resolutions[0].text.startswith("that the decision be referred back to Cabinet")
    assert item.resolutions[0].text.endswith("on the equalities impact assessment.")
    assert item.actions == []


def test_housing_decision_without_the_word() -> None:
    item = by_number(parse_fixture(HOUSING), "72")
    assert decided(item) == [(None, "approved")]
    assert item.resolutions[0].text == (
        "The Panel notes the update and endorses the proposal to extend the rent deposit scheme "
        "to single people under 35."
    )
    # the paragraph before the non-breaking-space line is a point of its own
    assert item.points[0].text.endswith("at the end of December.")


def test_housing_work_programme_agreed() -> None:
    item = by_number(parse_fixture(HOUSING), "73")
    assert decided(item) == [("a", "requested"), ("b", "agreed")]
    assert item.resolutions[1].text == (
        "the Chair and Vice-Chair agree the scope of the review of temporary accommodation."
    )
    assert asked(item) == [("2020-04", None)]
    assert item.actions[0].text.startswith("an item on the regeneration of the Grange Farm")


# ---- Children's Services OSC: "35/19" items, "The Committee resolved:-", "5.3 RESOLVED:" --


def test_children_meeting_facts() -> None:
    # the heading's "held on 12 March 2019" is wrapped onto its second line
    meeting = parse_fixture(CHILDREN).meeting
    assert (meeting.council, meeting.body, meeting.date) == (
        "Somervale County Council",
        "Children's Services Overview and Scrutiny Committee",
        "2019-03-12",
    )
    assert people(meeting.present) == [
        ("Councillor", "L Redman", "Chair"),
        ("Councillor", "J Thorne", "Vice-Chair"),
        ("Councillor", "M Caswell", None),
        ("Councillor", "A Bown", None),
        ("Councillor", "H Prior-Sankey", None),
        ("Councillor", "B Revans", None),
    ]
    assert people(meeting.attending) == [
        ("Councillor", "F Nicholson", "Cabinet Member for Children and Families"),
    ]
    # named in the heading and again under item 35/19: listed once
    assert people(meeting.apologies) == [
        ("Councillor", "N Hewitt-Cooper", None),
        ("Councillor", "J Lock", None),
    ]
    assert people(meeting.substitutes) == [("Councillor", "B Revans", None)]


def test_children_items() -> None:
    assert numbered(parse_fixture(CHILDREN)) == [
        ("35/19", "Apologies for absence"),
        ("36/19", "Declarations of interest"),
        ("37/19", "Minutes of the meeting held on 22 January 2019"),
        ("38/19", "Ofsted Inspection of Local Authority Children's Services - Action Plan"),
        ("39/19", "Task and Finish Group: Children Missing Education - Final Report"),
        ("40/19", "Dedicated Schools Grant - High Needs Block Budget 2019/20"),
        ("41/19", "Work Programme"),
    ]


def test_children_minutes_confirmed_without_the_word() -> None:
    item = by_number(parse_fixture(CHILDREN), "37/19")
    assert decided(item) == [(None, "approved")]
    assert item.resolutions[0].text == (
        "The minutes of the meeting held on 22 January 2019 were confirmed as a correct record "
        "and signed by the Chair."
    )


def test_children_ofsted_numbered_resolutions() -> None:
    item = by_number(parse_fixture(CHILDREN), "38/19")
    assert item.report_refs == ["CS19012"]
    assert decided(item) == [("1", "noted"), ("2", "requested"), ("3", "requested")]
    assert item.resolutions[0].text == (
        "To note the Ofsted judgement and the progress made against the action plan."
    )
    assert asked(item) == [("2019-07-09", "Children's Services Overview and Scrutiny Committee")]
    assert item.actions[0].text.startswith("To request that an update on the action plan")
    assert sum(point.source.startswith("·") for point in item.points) == 4


def test_children_task_group_recommendations() -> None:
    item = by_number(parse_fixture(CHILDREN), "39/19")
    assert [(r.ref, r.text[:40]) for r in item.recommendations[:3]] == [
        ("1", "That the Council maintains a single regi"),
        ("4", "That the Cabinet Member for Children and"),
        ("7", "That elective home education advisers vi"),
    ]
    # "recommendations 1 to 7 … be endorsed": the range is expanded to its refs
    assert sorted(int(r.ref or 0) for r in item.recommendations) == [1, 2, 3, 4, 5, 6, 7]
    assert decided(item) == [(None, "approved")]
    assert item.resolutions[0].text == (
        "that recommendations 1 to 7 of the Task and Finish Group be endorsed and referred to "
        "Cabinet."
    )
    assert item.actions == []


def test_children_paragraph_numbered_resolution_with_roman_clauses() -> None:
    # "5.3 RESOLVED: that the Committee" only leads in to its clauses
    item = by_number(parse_fixture(CHILDREN), "40/19")
    assert decided(item) == [("i", "noted"), ("ii", "requested"), ("iii", "approved")]
    assert item.resolutions[0].text == "notes the forecast overspend on the High Needs Block"
    assert item.resolutions[2].text == (
        "supports the proposal to create 80 additional specialist places in county."
    )
    assert asked(item) == [("2019-09", "Committee")]
    assert item.actions[0].text.startswith("asks the Director of Children's Services to report")
    assert item.report_refs == []


def test_children_work_programme() -> None:
    item = by_number(parse_fixture(CHILDREN), "41/19")
    assert decided(item) == [(None, "agreed")]
    assert asked(item) == [("2019-06", None)]
    assert item.actions[0].text.startswith("Members asked that the annual report of the Local")


# ---- Overview and Scrutiny: shouted headings, "1." items, "RECOMMENDED – T H A T" -------


def test_overview_meeting_facts() -> None:
    meeting = parse_fixture(OVERVIEW).meeting
    assert (meeting.council, meeting.body, meeting.date) == (
        "Westmarsh District Council",
        "Overview and Scrutiny Committee",
        "2015-12-08",
    )
    assert people(meeting.present) == [
        ("Councillor", "G Whitfield", "Chairman"),
        ("Councillor", "S Ahmed", None),
        ("Councillor", "R Castle", None),
        ("Councillor", "P Daly", None),
        ("Councillor", "J Everett", "Vice-Chairman"),
        ("Councillor", "K Fenwick", None),
        ("Councillor", "M Holt", None),
    ]
    assert people(meeting.attending) == [
        ("Councillor", "D Lister", "Leader of the Council"),
        ("Councillor", "A Pryce", "Portfolio Holder for Finance and Resources"),
    ]
    assert people(meeting.apologies) == [("Councillor", "T Okafor", None)]
    assert meeting.substitutes == []


def test_overview_items() -> None:
    assert numbered(parse_fixture(OVERVIEW)) == [
        ("1", "APOLOGIES FOR ABSENCE AND SUBSTITUTIONS"),
        ("2", "MINUTES"),
        ("3", "DECLARATIONS OF INTEREST"),
        ("4", "MEDIUM TERM FINANCIAL STRATEGY 2016/17 TO 2019/20"),
        ("5", "CALL-IN OF CABINET DECISION: DISPOSAL OF HARBOUR ROAD CAR PARK"),
        ("6", "COMMUNITY SAFETY PARTNERSHIP ANNUAL REVIEW"),
        ("7", "FORWARD PLAN AND WORK PROGRAMME"),
    ]


def test_overview_minutes_and_declarations() -> None:
    parsed = parse_fixture(OVERVIEW)
    assert decided(by_number(parsed, "2")) == [(None, "approved")]
    assert by_number(parsed, "3").resolutions == []


def test_overview_budget_recommended_to_cabinet() -> None:
    item = by_number(parse_fixture(OVERVIEW), "4")
    assert item.report_refs == ["FIN1522"]
    assert decided(item) == [("a", "recommended"), ("b", "recommended"), ("c", "recommended")]
    assert item.resolutions[0].text == (
        "take account of the Committee's concerns about the use of reserves to balance the "
        "2016/17 budget"
    )
    assert item.resolutions[2].text == (
        "review the car parking income assumptions before the budget is set."
    )
    assert asked(item) == [("2016-01", None)]
    assert sum(point.source.startswith("- ") for point in item.points) == 3


def test_overview_call_in_decisions_and_reason() -> None:
    item = by_number(parse_fixture(OVERVIEW), "5")
    assert people(item.attendees) == [
        ("Councillor", "D Lister", "Leader of the Council"),
        ("Mr", "N Carver", "Head of Property Services"),
    ]
    assert decided(item) == [("1", "other"), ("2", "requested")]
    assert item.resolutions[1].text.startswith("The Leader be requested to publish")
    assert asked(item) == [(None, None)]
    # the reason is minuted, not decided
    assert any(point.text.startswith("The Committee was satisfied") for point in item.points)


def test_overview_community_safety_resolved() -> None:
    item = by_number(parse_fixture(OVERVIEW), "6")
    assert decided(item) == [(None, "noted")]
    assert asked(item) == [("2016-06", "Committee")]
    assert item.actions[0].text.startswith(
        "That the annual review be noted and that the Partnership"
    )
    assert sum(point.source.startswith("* ") for point in item.points) == 3


def test_overview_work_programme() -> None:
    item = by_number(parse_fixture(OVERVIEW), "7")
    assert decided(item) == [("a", "noted"), ("b", "deferred")]
    assert item.resolutions[1].text == (
        "the review of leisure centre charges be deferred to the next municipal year."
    )
    assert item.actions == []


# ---- Health and ASC Scrutiny Board: dense text, bare "231" and "*233" items --------------


def test_health_meeting_facts() -> None:
    meeting = parse_fixture(HEALTH).meeting
    assert (meeting.council, meeting.body, meeting.date) == (
        "Northfield Metropolitan Borough Council",
        "Health and Adult Social Care Scrutiny Board",
        "2017-09-14",
    )
    assert people(meeting.present) == [
        ("Councillor", "S Mahmood", "Chair"),
        ("Councillor", "R Ellison", "Vice-Chair"),
        ("Councillor", "K Burgess", None),
        ("Councillor", "D Okoye", None),
        ("Councillor", "P Shaw", None),
    ]
    # "In attendance": the cabinet member and the officer, kept apart from the board
    assert people(meeting.attending) == [
        ("Councillor", "J Harper", "Cabinet Member for Adult Social Care"),
        ("Dr", "A Rowe", "Director of Public Health"),
    ]
    assert people(meeting.apologies) == [
        ("Councillor", "T Walsh", None),
        ("Councillor", "E Byrne", None),
    ]
    assert meeting.substitutes == []


def test_health_items() -> None:
    assert numbered(parse_fixture(HEALTH)) == [
        ("231", "Apologies for Absence and Substitutions"),
        ("232", "Minutes of the previous meeting"),
        ("*233", "Call-in: Closure of Elmtree Day Centre"),
        ("234", "Adult Social Care Budget Monitoring - Quarter 1 2017/18"),
        ("235", "NHS Winter Pressures Plan 2017/18"),
        ("236", "Work Programme"),
    ]


def test_health_minutes_approved() -> None:
    parsed = parse_fixture(HEALTH)
    assert by_number(parsed, "231").resolutions == []
    item = by_number(parsed, "232")
    assert decided(item) == [(None, "approved")]
    assert item.resolutions[0].text == (
        "that the minutes of the meeting held on 13 July 2017 be approved as a correct record."
    )


def test_health_call_in_board_resolved() -> None:
    item = by_number(parse_fixture(HEALTH), "*233")
    assert decided(item) == [("a", "other"), ("b", "requested"), ("c", "requested")]
    assert item.resolutions[0].text == "not to refer the decision back to the Cabinet Member"
    assert asked(item) == [(None, None), ("2018-01", "Board")]
    assert item.actions[1].text == (
        "that a report on the outcome of the transfers be submitted to this Board in January 2018."
    )


def test_health_budget_concern_reported_to_cabinet() -> None:
    item = by_number(parse_fixture(HEALTH), "234")
    assert item.report_refs == ["ASC/17/09"]
    assert decided(item) == [(None, "noted")]
    assert asked(item) == [("2017-12", "Cabinet")]
    bullets = [point.text for point in item.points if point.source.startswith("- ")]
    assert bullets == [
        "the forecast overspend of £2.1m was mainly on residential and nursing placements "
        "for older people;",
        "the average weekly cost of a residential placement had risen by 6% since April;",
        "savings of £0.8m from the reablement service were on track.",
    ]


def test_health_decisions_without_the_word() -> None:
    item = by_number(parse_fixture(HEALTH), "235")
    assert decided(item) == [("a", "other"), ("b", "requested"), ("c", "other")]
    assert item.resolutions[2].text == (
        "That the Chair write to NHS England about the shortage of community nursing staff."
    )
    assert asked(item) == [(None, None)]
    assert item.actions[0].text.startswith("That the Trust be asked to provide the Board")


def test_health_work_programme() -> None:
    item = by_number(parse_fixture(HEALTH), "236")
    assert decided(item) == [(None, "approved")]
    assert asked(item) == [("2018-04", None)]


@pytest.mark.parametrize("name", [HOUSING, CHILDREN, OVERVIEW, HEALTH])
def test_windows_line_endings_read_the_same(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    unix = parse_text(text).to_json()
    windows = parse_text(text.replace("\n", "\r\n"))
    assert windows.to_json() == unix
    for item in windows.items:
        for record in [*item.points, *item.resolutions, *item.actions]:
            assert windows.text[record.span.start : record.span.end] == record.source
