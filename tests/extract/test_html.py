"""ModernGov pages and generic council HTML to the plain layout the parser reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrutiny_tui.extract import load_document
from scrutiny_tui.extract.html import extract_html

SOURCES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
PAGE_FURNITURE = (
    "cookie",
    "Skip to",
    "Home",
    "Bins and recycling",
    "Accessibility",
    "Issue history",
    "view the full minutes text",
    "trackPageView",
    "dataLayer",
    "display: none",
    "Search",
    "Attendance details",
    "Printed minutes",
    "Privacy",
)


@pytest.fixture(scope="module")
def item_page() -> str:
    return (SOURCES / "moderngov_agenda_item.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def meeting_page() -> str:
    return (SOURCES / "moderngov_meeting_minutes.html").read_text(encoding="utf-8")


def test_agenda_item_page_reads_as_the_agenda_item_text(item_page: str) -> None:
    expected = (SOURCES / "agenda_item.txt").read_text(encoding="utf-8")
    text = extract_html(item_page).text
    assert _without_blank_lines(text) == _without_blank_lines(expected)


def test_agenda_item_page_metadata_comes_from_the_page(item_page: str) -> None:
    metadata = extract_html(item_page).metadata
    assert metadata == {
        "council": "Northbridge Borough Council",
        "body": "Children and Young People Scrutiny Committee",
        "date": "2015-12-08",
        "title": "Reorganisation of Early Help Services",
        "item_number": "43",
        "item_title": "Reorganisation of Early Help Services",
    }


def test_supporting_documents_become_references(item_page: str) -> None:
    assert extract_html(item_page).references == [
        "https://democracy.northbridge.gov.uk/mgConvert2PDF.aspx?ID=88412",
        "https://democracy.northbridge.gov.uk/documents/s88413/Appendix%20A%20-%20Consultation%20plan.pdf",
    ]


def test_meeting_page_items_are_numbered_headings_on_their_own_lines(meeting_page: str) -> None:
    lines = extract_html(meeting_page).text.splitlines()
    headings = [line for line in lines if line[:1].isdigit()]
    assert headings == [
        "41. Apologies for absence",
        "42. Minutes of the previous meeting",
        "43. Reorganisation of Early Help Services",
        "44. Work Programme",
    ]


def test_meeting_page_metadata_and_item_documents(meeting_page: str) -> None:
    extraction = extract_html(meeting_page)
    assert extraction.metadata == {
        "council": "Northbridge Borough Council",
        "body": "Children and Young People Scrutiny Committee",
        "date": "2015-12-08",
    }
    assert [ref.rsplit("/", 1)[-1] for ref in extraction.references] == [
        "Minutes%203%20November%202015.pdf",
        "mgConvert2PDF.aspx?ID=88412",
        "Work%20Programme%202015-16.pdf",
    ]


@pytest.mark.parametrize("page", ["item_page", "meeting_page"])
def test_scripts_navigation_and_banners_are_dropped(
    page: str, request: pytest.FixtureRequest
) -> None:
    text = extract_html(request.getfixturevalue(page)).text
    for furniture in PAGE_FURNITURE:
        assert furniture not in text


def test_entities_lists_and_paragraph_spacing(meeting_page: str) -> None:
    text = extract_html(meeting_page).text
    assert "Children’s Services" in text and "“£1.2m”" in text
    assert (
        "• Caseloads in the locality teams had risen by 15% since April.\n"
        "• Recruitment of experienced social workers remained difficult."
    ) in text
    assert "RESOLVED – That\n(a) the report be noted; and\n(b) a report" in text
    assert "\n\n\n" not in text and "PDF 340 KB" not in text


GENERIC_PAGE = """<!doctype html>
<html><head><title>Audit Committee minutes - 4 March 2021 | Anyshire County Council</title>
<script>var x = "RESOLVED in a script";</script></head>
<body>
<div class="govuk-cookie-banner"><p>Cookies on Anyshire.gov.uk</p></div>
<nav><a href="/">Home</a></nav>
<main>
<h1>Audit Committee</h1>
<p><strong>Date:</strong> Thursday 4 March 2021</p>
<h2>5. Internal audit plan</h2>
<p>The Head of Audit presented the plan.</p>
<ol type="a"><li>that the plan be approved;</li>
<li>that progress be reported in June 2021.</li></ol>
<table><thead><tr><th>Risk</th><th>Rating</th></tr></thead>
<tbody><tr><td>Cyber security</td><td>High</td></tr>
<tr><td>Fraud</td><td>Medium</td></tr></tbody></table>
<p>Line one<br>line two</p>
<p hidden>secret draft</p><p style="display:none">hidden note</p>
</main>
<footer>Anyshire County Council, County Hall</footer>
</body></html>"""


def test_generic_council_page() -> None:
    extraction = extract_html(GENERIC_PAGE)
    assert extraction.text == (
        "Audit Committee\n\n"
        "Date: Thursday 4 March 2021\n\n"
        "5. Internal audit plan\n\n"
        "The Head of Audit presented the plan.\n\n"
        "(a) that the plan be approved;\n"
        "(b) that progress be reported in June 2021.\n\n"
        "Risk | Rating\n"
        "Cyber security | High\n"
        "Fraud | Medium\n\n"
        "Line one\nline two\n"
    )
    assert extraction.metadata == {
        "council": "Anyshire County Council",
        "body": "Audit Committee",
        "date": "2021-03-04",
    }


def test_html_is_recognised_by_content_whatever_the_name(tmp_path: Path, item_page: str) -> None:
    misnamed = tmp_path / "minutes.txt"
    misnamed.write_text(item_page, encoding="utf-8")
    document = load_document(misnamed)
    assert document.format == "html"
    assert document.text.startswith("Agenda item\n\nReorganisation of Early Help Services\n")


def test_windows_1252_page(tmp_path: Path) -> None:
    page = tmp_path / "minutes.htm"
    page.write_bytes("<html><body><p>The Board’s “view” – £5m</p></body></html>".encode("cp1252"))
    assert load_document(page).text == "The Board’s “view” – £5m\n"


def _without_blank_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


HEADED_MEETING_PAGE = """<html><head><title>Minutes - Housing Scrutiny Panel</title></head><body>
<div id="modgov">
<div class="mgHeader"><h1 class="mgMainTitleTxt">Minutes</h1></div>
<p><span class="mgLabel">Committee:</span> Housing Scrutiny Panel</p>
<p><span class="mgLabel">Date:</span> Monday, 3rd February, 2020 6.00 pm</p>
<div class="mgContent">
<h2><span class="mgItemNumber">7.</span><span class="mgItemTitle">Rough sleeping update</span></h2>
<p class="mgSubItemTitleTxt">Decision:</p>
<div class="mgWordPara"><p>RESOLVED that the update be noted.</p></div>
<p class="mgSubItemTitleTxt">8. Tenant satisfaction survey</p>
<div class="mgWordPara"><p>AGREED that results be reported to the Panel in April 2020.</p></div>
</div></div></body></html>"""


def test_meeting_page_with_heading_items_and_labelled_header() -> None:
    extraction = extract_html(HEADED_MEETING_PAGE)
    assert extraction.metadata == {"body": "Housing Scrutiny Panel", "date": "2020-02-03"}
    assert "\n\n7. Rough sleeping update\n\nDecision:\n\nRESOLVED that" in extraction.text
    assert "\n\n8. Tenant satisfaction survey\n\nAGREED that" in extraction.text


_WORDS = st.lists(
    st.text(
        st.characters(codec="utf-8", categories=("L", "N", "P", "S")), min_size=1, max_size=12
    ).filter(lambda word: not set(word) & set("<>&•")),
    min_size=1,
    max_size=8,
).map(" ".join)


@given(st.lists(_WORDS, min_size=1, max_size=6))
def test_any_paragraphs_come_back_as_blocks(paragraphs: list[str]) -> None:
    page = "<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>"
    assert extract_html(page).text == "\n\n".join(paragraphs) + "\n"
