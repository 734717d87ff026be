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


# ---- attendance inside a flattened line ------------------------------------------------------


def test_labels_inside_a_flattened_pdf_line() -> None:
    text = (
        "Page 1 14/24 MINUTES OF A MEETING OF EXBRIDGE TOWN COUNCIL HELD ON THURSDAY 4 APRIL"
        " 2024 AT 7PM IN THE GUILDHALL, EXBRIDGE PRESENT: Cllr J Hale (Mayor) Cllr P Irwin"
        " Cllr Mrs T Kerr APOLOGIES: Cllr S Lowe Cllr D Nye The Town Clerk was in attendance."
        " 101 DECLARATIONS OF INTEREST None were declared. 102 PLANNING Noted.\n"
    )
    assert present_names(text) == ["J Hale", "P Irwin", "T Kerr"]
    assert apologies_names(text) == ["S Lowe", "D Nye"]


def test_members_present_were_in_a_run_on_paragraph() -> None:
    text = (
        "The City Council met in regular session on this date at 7:00 p.m. in the chambers of"
        " the municipal building. Council members present were Mayor Ann Fisk, Tom Vale, Rosa"
        " Quinn and Lee Marsh. City Manager Ortiz was also present. It was MOVED by Vale,"
        " seconded by Quinn, to adopt the budget. Carried.\n"
    )
    assert present_names(text) == ["Ann Fisk", "Tom Vale", "Rosa Quinn", "Lee Marsh"]


def test_surname_first_list_keeps_namesakes_and_drops_bare_initials() -> None:
    text = (
        "MINUTES OF THE MONTHLY MEETING OF WESTMOOR COUNTY COUNCIL HELD AT 10.00 AM ON 4th May,"
        " 2022 Present Cllr. Ann Doyle, Chair. Cllrs: Keane, P; Lynch, M; Nolan, T; Ryan, J;"
        " Ryan, S Also Present D. Burke, Chief Executive. Apologies None 1.1 Welcome The Chair"
        " welcomed members.\n"
    )
    assert present_names(text) == ["Ann Doyle", "Keane", "Lynch", "Nolan", "Ryan", "Ryan"]
    assert apologies_names(text) == []


def test_full_council_and_city_council_are_the_body_not_the_council() -> None:
    parsed = parse_text(
        "Minutes - Full Council - 2nd June 2021\n\nMinutes of a meeting of Lowdale Parish"
        " Council held in the village hall on 2nd June 2021 at 19:00\n\n1. Apologies\n\nNone.\n"
    )
    assert (parsed.meeting.council, parsed.meeting.body) == (
        "Lowdale Parish Council",
        "Full Council",
    )
    city = parse_text("City Council\n\nCity Council Meeting Minutes\n\n1. Roll Call\n\nAll here.\n")
    assert (city.meeting.council, city.meeting.body) == (None, "City Council")


def test_single_item_title_is_not_the_meeting_heading_or_its_attendance() -> None:
    parsed = parse_text(
        "Minutes - Full Council - 2nd June 2021\n"
        "Minutes of a meeting of Lowdale Parish Council held in the village hall on 2nd June"
        " 2021 at 19:00\n"
        "Present: Cllrs P Abbot, R Crane and T Dorsey.\n"
        "County Cllr Ellery was present\n"
        "OPEN FORUM FOR RESIDENTS\n"
        "A resident raised the state of the footpath by the ford.\n"
    )
    assert [item.title for item in parsed.items] == ["OPEN FORUM FOR RESIDENTS"]
    assert [person.name for person in parsed.meeting.present] == ["P Abbot", "R Crane", "T Dorsey"]


def test_dotted_initials_name_a_person() -> None:
    assert present_names(
        "Present: Mayor J.R. Quill\nCouncillor Ann Brandt\n\n1. Call to Order\n\nOpened.\n"
    ) == ["J.R. Quill", "Ann Brandt"]


def test_chair_then_councillors_with_no_label() -> None:
    text = (
        "Apologies for absence were received from Cllr Ferris.\n"
        "There was no other business.\n"
        "Councillor M Dunmore (in the Chair); Councillors Ashby, Pryce-Jones and Tull.\n"
        "Also in attendance: Mr K Oduya, Democratic Services Officer.\n"
    )
    assert present_names(text) == ["M Dunmore", "Ashby", "Pryce-Jones", "Tull"]


def test_confirmed_minutes_do_not_date_an_untitled_page() -> None:
    parsed = parse_text(
        "Apologies for absence were received from Cllr Ferris.\n"
        "To confirm the minutes of the last meeting, 3 March 2023.\n"
        "Minutes of the meeting held on 3 March 2023 were agreed.\n"
        "There was no other business.\n"
    )
    assert parsed.meeting.date is None


def test_flattened_table_rows_that_lost_their_titles_are_items_of_their_own() -> None:
    parsed = parse_text(
        "Apologies Minutes: Apologies were received from Councillor Ann Brook. |\n"
        "Minutes: No declarations of interest were made.\n"
        "Minutes: There was no urgent business.\n"
        "To confirm the record of the 2 May 2024 meeting. Minutes: RESOLVED: That the record"
        " of the 2 May 2024 meeting be confirmed. |\n"
        "Highways Maintenance Plan Minutes: Members considered the plan for the coming year.\n"
        "RESOLVED: That the plan be approved. |\n"
    )
    assert [item.title for item in parsed.items] == [
        "Apologies",
        "",
        "",
        "",
        "Highways Maintenance Plan",
    ]
    assert [len(item.resolutions) for item in parsed.items] == [0, 0, 0, 1, 1]


def test_a_decision_and_its_minutes_under_one_title_stay_one_item() -> None:
    parsed = parse_text(
        "Items\nNo. Item\n\nParking Review\n\nDecision:\n\nThat the review be noted.\n\n"
        "Minutes:\n\nThe Panel discussed the review.\n\nThat the review be noted.\n\n"
        "Tree Strategy\n\nMinutes:\n\nThe Panel welcomed the strategy.\n"
    )
    assert [item.title for item in parsed.items] == ["Parking Review", "Tree Strategy"]


def test_page_chrome_over_a_flattened_table_is_not_a_row() -> None:
    parsed = parse_text(
        "Link: webcast of the meeting\n"
        "Apologies To note any apologies. Minutes: Apologies were received from Councillor Ann"
        " Brook. |\n"
        "Library Opening Hours To consider the report. Minutes: Members considered the report."
        " |\n"
    )
    assert [item.title for item in parsed.items] == ["Apologies", "Library Opening Hours"]


def test_a_flattened_page_is_dated_by_the_head_of_its_one_line() -> None:
    parsed = parse_text(
        "Loading...\n"
        "Archive 03/09/2004 Regular Meeting 114 MARCH 9, 2004 REGULAR MEETING The Town Council"
        " gathered for its regular session that evening at 7:00 p.m. in the council chambers."
        " Members present were Mayor Dee Holt, Sam Pryor and Lou Bianchi. It was MOVED by Pryor,"
        " seconded by Bianchi, that the record of the February 24, 2004 meeting, held on that"
        " day, be confirmed. Carried.\n"
    )
    assert parsed.meeting.date == "2004-03-09"


def test_a_document_viewer_s_furniture_is_no_item_title() -> None:
    parsed = parse_text(
        "March Meeting Minutes 8Th March 2021.Pdf\nTotal Page:12\nFile Type:pdf, Size:880Kb\n"
        "Load more\n"
        "MINUTES OF MONTHLY MEETING OF DUNMORE COUNTY COUNCIL HELD ON 8th March, 2021\n"
        "The minutes of the February meeting were adopted on the proposal of Cllr. Hale.\n"
    )
    titles = [item.title for item in parsed.items]
    assert not any(word in title for title in titles for word in ("Page", "File", ".Pdf"))


def test_office_and_group_headings_inside_the_members_list() -> None:
    parsed = parse_text(
        "Minutes of the Council meeting in the Chambers, 4 Tay Street, Riverton on"
        " Tuesday, 3 June 2025 at 10am.\n\npresent\n\nMayor\n\nMayor Ana Rewi\n\n\u00a0\n\n"
        "Deputy Mayor\n\nTom Hale\n\n\u00a0\n\nCouncillors\n\nJo Irwin\n\n\u00a0\n\nSam Kerr\n\n"
        "\u00a0\n\nIN ATTENDANCE\n\nChief Executive Lee Marsh.\n\n"
        "1 Apologies\n\nThere were no apologies.\n\n2 Minutes\n\nNone.\n"
    )
    assert [person.name for person in parsed.meeting.present] == [
        "Ana Rewi",
        "Tom Hale",
        "Jo Irwin",
        "Sam Kerr",
    ]


def test_a_chair_heading_after_the_apologies_ends_them() -> None:
    parsed = parse_text(
        "MEMBERS PRESENT:\n- Councillor Byrne,\n- Councillor Nolan,\n- Councillor Quirke.\n"
        "APOLOGIES:\n- Councillor Aoife Walsh\nCATHAOIRLEACH\n"
        "- The Cathaoirleach, Councillor Byrne presided.\n"
        "1. ROADS PROGRAMME:\nProposed by Councillor Nolan\nSeconded by Councillor Quirke\n"
        "AND AGREED\nTo adopt the roads programme for 2025.\n"
    )
    assert [person.name for person in parsed.meeting.apologies] == ["Aoife Walsh"]
    assert [person.name for person in parsed.meeting.present] == ["Byrne", "Nolan", "Quirke"]


def test_a_printed_label_column_and_the_other_members_of_a_council() -> None:
    parsed = parse_text(
        "Minutes of Proceedings of a Meeting of Wexcombe District Council held in the Chamber"
        " on Tuesday, 4 March 2025.\n\nPresiding T Hale\n\n"
        "Other Members Present S J Irwin M Kerr Mrs A B Lowe P Marsh\n\n"
        "Officers Present R Dunn (Chief Executive) Mrs C Fox (Clerk to the Council and Head of"
        " Democratic and Legal Services) Mr P Gale (Director of Finance, Property and Assets)"
        " Ms D Hart (Committee Clerk)\n\n"
        "1. Minutes\n\nThe minutes were confirmed.\n"
    )
    assert [person.name for person in parsed.meeting.present] == [
        "T Hale",
        "S J Irwin",
        "M Kerr",
        "A B Lowe",
        "P Marsh",
    ]
    assert "R Dunn" in [person.name for person in parsed.meeting.attending]


def test_other_members_at_a_committee_are_not_its_members() -> None:
    parsed = parse_text(
        "Minutes of Meeting of the Audit Committee held in the Civic Centre on Wednesday 5th"
        " March 2025.\n\nPRESENT: Councillor T Hale (Chairman)\n\n"
        "Councillors S Irwin and M Kerr\n\nOTHER MEMBERS: Councillor J Quinn and P Rowe\n\n"
        "1. Apologies\n\nNone.\n"
    )
    assert [person.name for person in parsed.meeting.present] == ["T Hale", "S Irwin", "M Kerr"]
    assert [person.name for person in parsed.meeting.attending] == ["J Quinn", "P Rowe"]


def test_two_names_by_their_initials_run_together() -> None:
    text = "PRESENT: Councillors A Hale, J Gilmour M Goodman, S Irwin\n\n1. Apologies\n\nNone.\n"
    assert present_names(text) == ["A Hale", "J Gilmour", "M Goodman", "S Irwin"]


def test_a_row_deciding_on_its_title_line_after_the_page_labels() -> None:
    parsed = parse_text(
        "7. | ANY OTHER BUSINESS Additional documents: Minutes: Nil items. |\n||\n"
        "8. | EXCLUSION OF THE PRESS AND PUBLIC Additional documents: Minutes: RESOLVED: That"
        " the press and public be excluded while the confidential appendix is discussed. |\n"
    )
    assert [len(item.resolutions) for item in parsed.items] == [0, 1]
    assert parsed.items[1].resolutions[0].kind == "procedural"


def test_officers_and_county_guests_are_not_members() -> None:
    parsed = parse_text(
        "Minutes of the Community Council meeting held online on Monday, 2nd June 2025.\n\n"
        "1 Present\n\n"
        "Councillors, Mr Tom Hale (Chair), Mrs Ann Irwin & Mr J Kerr (Clerk). Also: County"
        " Councilor Mr Bryn Lowe\n\n"
        "2 Apologies\n\n"
        "were received from: Councillors Mrs Sian Marsh & Mr Lee Nunn. Also: County Councilor"
        " Mr Tom Owen\n\n"
        "3 Declarations\n\nNone.\n"
    )
    meeting = parsed.meeting
    assert [person.name for person in meeting.present] == ["Tom Hale", "Ann Irwin"]
    assert [person.name for person in meeting.apologies] == ["Sian Marsh", "Lee Nunn"]
    assert {"J Kerr", "Bryn Lowe"} <= {person.name for person in meeting.attending}


def test_posts_in_a_town_councils_apologies() -> None:
    text = (
        "APOLOGIES: Cllr J Pike Cllr R Quinn Rev Canon S Rowe, Mayor's Chaplain Mr T Shaw,"
        " Police Liaison Officer County Cllr V Tate\n\n1. Minutes\n\nNone.\n"
    )
    assert apologies_names(text) == ["J Pike", "R Quinn"]


def test_a_member_who_sent_apologies() -> None:
    text = (
        "Minutes of the meeting held at the Old School on 2 June 2025.\n\n"
        "40/25 Apologies: Cllr. B Hale sent her apologies.\n"
        "41/25 Declarations of Interest: None were made.\n"
        "42/25 Footpaths: Councillors Irwin and Kerr had walked the routes.\n"
    )
    assert apologies_names(text) == ["B Hale"]
    assert apologies_names(
        "1. Minutes\n\nNone.\n\n2. Footpaths\n\nMr Quinn had sent his apologies. The route"
        " was walked by the others.\n"
    ) == ["Quinn"]
