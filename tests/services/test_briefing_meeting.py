"""Briefing packs a member takes into a meeting: procedural items left out (and kept on
request), tables that name each row's committee and item with the recommendations'
tracking, and the "next meeting" preset built around one committee's next meeting."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from markdown_it import MarkdownIt

from scrutiny_tui.services import tracker
from scrutiny_tui.services.briefing import (
    PREVIEW_ITEMS,
    PREVIEW_ROWS,
    BriefingScope,
    Bullets,
    Heading,
    NoNextMeeting,
    build_briefing,
    is_procedural,
    preview_markdown,
)
from scrutiny_tui.store.sources import add_source
from tests.ui.fixture_store import ItemSpec, MeetingSpec, build_store

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
MD = MarkdownIt("commonmark").enable("table")
CYP = "Children's Services Scrutiny Committee"


# ---- which items are procedural ---------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Apologies for absence",
        "41. Apologies for Absence and Substitutions",
        "1 APOLOGIES FOR ABSENCE AND SUBSTITUTIONS",
        "Substitute Members",
        "Declarations of interest",
        "36/19 Declarations of Interest",
        "Declarations of Disclosable Pecuniary Interests",
        "Disclosures of interest",
        "Minutes",
        "2 MINUTES",
        "Minutes of the previous meeting",
        "37/19 Minutes of the meeting held on 22 January 2019",
        "To confirm the minutes of the last meeting",
        "Minutes - 12 March 2024",
        "Dates of future meetings",
        "Date of next meeting",
        "Urgent business",
        "Urgent items (if any)",
        "Items of urgent business",
        "Present",
        "Roll Call",
        "Any other business",
        "Any other items which the Chair decides are urgent",
        "AOB",
        "Exclusion of the press and public",
        "*12 Exclusion of the Public",
        "Chair's announcements",
        "Election of Vice-Chair",
        "Declarations of party whip",
        "Webcasting of the meeting",
    ],
)
def test_procedural_titles(title):
    assert is_procedural(title)


@pytest.mark.parametrize(
    "title",
    [
        "Care Services Portfolio Plan Priorities",
        "Minutes of the Children's Trust",
        "Matters arising from the budget",
        "Work Programme",
        "Forward Plan and Work Programme",
        "Call-in: Closure of Elmtree Day Centre",
        "Urgency of the SEND transport review",
        "Public questions",
        "Petitions",
        "Declaration of a climate emergency: progress",
        "Dates for the youth strategy consultation",
        "Apprenticeships update",
        "Attendance and exclusions in secondary schools",
        "Present and future housing need",
        "COVID-19 Urgent Care Centre",
        "Urgent business continuity plan for adult social care",
    ],
)
def test_business_titles_are_not_procedural(title):
    assert not is_procedural(title)


# ---- a committee's year ------------------------------------------------------------------


def june() -> MeetingSpec:
    return MeetingSpec(
        path="/minutes/cyp-2026-06-10.txt",
        body=CYP,
        date="2026-06-10",
        items=[
            ItemSpec("Apologies for absence", "Apologies were received from Cllr Ames.", "1"),
            ItemSpec(
                "Minutes of the previous meeting",
                "RESOLVED that the minutes be agreed.",
                "2",
                resolutions=[(None, "agreed", "RESOLVED that the minutes be agreed.")],
            ),
            ItemSpec(
                "Budget monitoring",
                "The report was noted. An update on the overspend be brought in July. "
                "A note on agency staff be circulated. Rec 1 the overspend be reported "
                "monthly. Rec 2 the reserves policy be published.",
                "3",
                resolutions=[(None, "noted", "The report was noted.")],
                recommendations=[
                    ("1", "the overspend be reported monthly."),
                    ("2", "the reserves policy be published."),
                ],
                actions=[
                    ("An update on the overspend be brought in July.", "2026-07-01", CYP),
                    ("A note on agency staff be circulated.", None, None),
                ],
            ),
        ],
    )


def september() -> MeetingSpec:
    return MeetingSpec(
        path="/minutes/cyp-2026-09-15.txt",
        body=CYP,
        date="2026-09-15",
        items=[
            ItemSpec("Declarations of interest", "None were declared.", "1"),
            ItemSpec(
                "SEND transport",
                "RESOLVED that the SEND transport report be noted. "
                "RESOLVED that the meeting be extended by 30 minutes. "
                "A route review be reported in December.",
                "2",
                resolutions=[
                    (None, "noted", "RESOLVED that the SEND transport report be noted."),
                    (None, "procedural", "RESOLVED that the meeting be extended by 30 minutes."),
                ],
                actions=[("A route review be reported in December.", "2026-12-01", CYP)],
            ),
            ItemSpec(
                "Exclusion of the press and public",
                "RESOLVED that the press and public be excluded.",
                "3",
                resolutions=[
                    (None, "procedural", "RESOLVED that the press and public be excluded.")
                ],
            ),
        ],
    )


def december_agenda() -> MeetingSpec:
    return MeetingSpec(
        path="moderngov://Bromley/4521",
        body=CYP,
        date="2026-12-03",
        items=[
            ItemSpec("Apologies for absence", "", "1"),
            ItemSpec("Youth services review", "", "2"),
        ],
    )


def adult_care() -> MeetingSpec:
    return MeetingSpec(
        path="moderngov://Bromley/4600",
        body="Adult Care Committee",
        date="2026-12-01",
        items=[ItemSpec("Winter pressures", "", "1")],
    )


@pytest.fixture
def store(store_target):
    store = build_store(store_target, [june(), september(), december_agenda(), adult_care()])
    budget = "/minutes/cyp-2026-06-10.txt#i2"
    tracker.set_action_done(store, f"{budget}#act1", True)  # the note was circulated
    tracker.set_status(store, f"{budget}#rec1", "Achieved")
    tracker.set_status(store, f"{budget}#rec0", "Slipped")
    tracker.update_tracking(
        store,
        f"{budget}#rec0",
        tracker.TrackingFields(
            lead="Director of Finance (Cllr Bell, Resources portfolio)",
            executive_response_date="2026-08-01",
            action_taken="Monthly reports begun in August",
        ),
    )
    yield store
    store.close()


def built(store, **scope):
    return build_briefing(store, BriefingScope(**scope), today=TODAY, generated_at=NOW)


def headings(markdown: str) -> list[tuple[str, str]]:
    tokens = MD.parse(markdown)
    return [
        (tok.tag, "".join(c.content for c in tokens[i + 1].children or []))
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]


def table_rows(markdown: str, first_header: str) -> list[list[str]]:
    """The text of each cell of the table whose first header cell is ``first_header``."""
    tables: list[list[list[str]]] = []
    cell: list[str] | None = None
    for tok in MD.parse(markdown):
        if tok.type == "table_open":
            tables.append([])
        elif tok.type == "tr_open":
            tables[-1].append([])
        elif tok.type in ("th_open", "td_open"):
            cell = []
        elif tok.type == "inline" and cell is not None:
            cell.append("".join(c.content for c in tok.children or []))
        elif tok.type in ("th_close", "td_close") and cell is not None:
            tables[-1][-1].append("".join(cell))
            cell = None
    found = [t for t in tables if t and t[0] and t[0][0] == first_header]
    assert len(found) == 1, first_header
    return found[0]


def test_procedural_items_are_left_out_unless_asked_for(store):
    markdown = built(store, committee="children").markdown
    items = [text for tag, text in headings(markdown) if tag == "h3"]
    assert items == [
        f"2026-06-10 · {CYP} · 3 Budget monitoring",
        f"2026-09-15 · {CYP} · 2 SEND transport",
        f"2026-12-03 · {CYP} · 2 Youth services review",
    ]
    resolutions = [row[0] for row in table_rows(markdown, "Resolution")[1:]]
    assert resolutions == [  # the procedural "meeting be extended" left out too
        "The report was noted.",
        "RESOLVED that the SEND transport report be noted.",
    ]
    assert "- RESOLVED that the meeting be extended" not in markdown
    kept = built(store, committee="children", with_procedural=True).markdown
    items = [text for tag, text in headings(kept) if tag == "h3"]
    assert f"2026-06-10 · {CYP} · 1 Apologies for absence" in items
    assert f"2026-09-15 · {CYP} · 3 Exclusion of the press and public" in items
    resolutions = [row[0] for row in table_rows(kept, "Resolution")[1:]]
    assert "RESOLVED that the meeting be extended by 30 minutes." in resolutions
    assert "RESOLVED that the minutes be agreed." in resolutions


def test_table_rows_name_their_committee_and_item_and_carry_the_tracking(store):
    markdown = built(store, committee="children").markdown
    actions = table_rows(markdown, "Action")
    assert actions[0] == ["Action", "Due", "State", "Due to", "Source"]
    assert [
        "An update on the overspend be brought in July.",
        "2026-07-01",
        "Overdue",
        CYP,
        f"{CYP}, 2026-06-10, item 3",
    ] in actions
    recommendations = table_rows(markdown, "Recommendation")
    assert recommendations[0] == [
        "Recommendation",
        "Status",
        "Lead",
        "Exec. response",
        "Action taken",
        "Source",
    ]
    assert [
        "the overspend be reported monthly.",
        "Slipped",
        "Director of Finance (Cllr Bell, Resources portfolio)",
        "2026-08-01",
        "Monthly reports begun in August",
        f"{CYP}, 2026-06-10, item 3 Rec 1",
    ] in recommendations
    resolutions = table_rows(markdown, "Resolution")
    assert ["The report was noted.", "noted", f"{CYP}, 2026-06-10, item 3"] in resolutions


def test_the_next_meeting_pack(store):
    pack = built(store, committee="children", next_meeting=True)
    markdown = pack.markdown
    assert pack.title == f"{CYP}, meeting of 2026-12-03"
    found = headings(markdown)
    assert found[0] == ("h1", f"Briefing pack: {CYP}, meeting of 2026-12-03")
    assert [text for tag, text in found if tag == "h2"] == [
        "Contents",
        "On the agenda for 2026-12-03",
        "Actions not done",
        "Recommendations not achieved",
        "Resolutions since the last meeting",
        "Items of the last meeting (2026-09-15)",
    ]
    # the items of the last meeting, procedural ones left out
    assert [text for tag, text in found if tag == "h3"] == [
        f"2026-09-15 · {CYP} · 2 SEND transport"
    ]
    assert "- 2 Youth services review" in markdown and "Apologies" not in markdown
    # every action not done, from any earlier meeting; not the one marked done
    actions = [row[0] for row in table_rows(markdown, "Action")[1:]]
    assert actions == [
        "An update on the overspend be brought in July.",
        "A route review be reported in December.",
    ]
    # recommendations not achieved
    recommendations = [row[0] for row in table_rows(markdown, "Recommendation")[1:]]
    assert recommendations == ["the overspend be reported monthly."]
    # resolutions since the last meeting only
    resolutions = [row[0] for row in table_rows(markdown, "Resolution")[1:]]
    assert resolutions == ["RESOLVED that the SEND transport report be noted."]
    assert "Adult Care" not in markdown and "Winter pressures" not in markdown


def test_the_next_meeting_on_a_given_date(store):
    pack = built(store, committee="children", for_date="2027-01-14")
    assert pack.title == f"{CYP}, meeting of 2027-01-14"
    assert "| **Meeting** | 2027-01-14 (date given) |" in pack.markdown
    assert "| **Last meeting** | 2026-09-15 |" in pack.markdown


def test_no_next_meeting_known_says_how_to_give_the_date(store):
    with pytest.raises(NoNextMeeting, match="no meeting of a committee matching “planning”"):
        built(store, committee="planning", next_meeting=True)
    with pytest.raises(NoNextMeeting, match="from 2027-02-01 on is known"):
        build_briefing(
            store,
            BriefingScope(committee="children", next_meeting=True),
            today=date(2027, 2, 1),
            generated_at=NOW,
        )
    with pytest.raises(NoNextMeeting, match="no committee named and none followed"):
        built(store, next_meeting=True)


def test_the_next_meeting_of_the_committee_followed(store):
    with store.write() as conn:
        add_source(conn, "Bromley", "https://cds.bromley.gov.uk", [(12, CYP)], NOW)
    pack = built(store, next_meeting=True)
    assert pack.title == f"{CYP}, meeting of 2026-12-03"


@pytest.mark.parametrize(
    "scope", [{"committee": "children"}, {"committee": "children", "next_meeting": True}]
)
def test_the_contents_follow_the_order_of_the_pack(store, scope):
    pack = built(store, **scope)
    links = [
        run.link
        for block in pack.blocks
        if isinstance(block, Bullets)
        for _, runs in block.items
        for run in runs
        if run.link
    ]
    anchors = [
        block.anchor
        for block in pack.blocks
        if isinstance(block, Heading) and block.level > 1 and block.text != "Contents"
    ]
    assert links == anchors


def test_the_preview_shows_the_start_of_a_long_pack(store_target):
    words = [f"Report {n} be brought back." for n in range(40)]
    many = MeetingSpec(
        path="/minutes/long.txt",
        body=CYP,
        date="2026-10-01",
        items=[
            ItemSpec(f"Topic {n}", words[n], str(n + 1), actions=[(words[n], None, None)])
            for n in range(40)
        ],
    )
    store = build_store(store_target, [many])
    pack = built(store)
    store.close()
    shown = preview_markdown(pack)
    assert len(table_rows(pack.markdown, "Action")) == 1 + 40
    assert len(table_rows(shown, "Action")) == 1 + PREVIEW_ROWS
    assert "… and 15 more rows in the saved pack." in shown
    items = [text for tag, text in headings(shown) if tag == "h3"]
    assert len(items) == PREVIEW_ITEMS
    assert f"… and {40 - PREVIEW_ITEMS} more agenda items in the saved pack." in shown
    assert shown.startswith(pack.markdown.split("## Contents", 1)[0])
