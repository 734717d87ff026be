"""Properties of ``parse_text`` on any text: it never raises, and every record it returns
points at exactly the words it came from."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutiny_tui.parser import parse_text
from scrutiny_tui.parser.model import ParsedDocument

FRAGMENTS = [
    "Housing Scrutiny Panel - Monday, 3rd February, 2020 6.00 pm",
    "Minutes of a meeting of the Children's Services Overview and Scrutiny Committee held on "
    "12 March 2019",
    "OVERVIEW AND SCRUTINY COMMITTEE",
    "LONDON BOROUGH OF BROMLEY",
    "Agenda item",
    "Meeting: 12/03/2019 - Scrutiny Board (Environment) (Item 41)",
    "PRESENT:",
    "Present: Cllr L Redman (Chair), Cllr J Thorne and Councillors A, B and C",
    "Councillor Anne Hollis (Chair)",
    "Apologies: Councillor Dev Gill",
    "Substitutes:",
    "Apologies for absence were received from Councillors Dev Gill and Rachel Stone.",
    "Cllr B Revans attended as a substitute for Cllr Lock.",
    "67. Apologies for Absence",
    "35/20 Budget Monitoring",
    "*450 Call-in of Cabinet Decision",
    "233",
    "1. Apologies for absence",
    "45 Minutes of the previous meeting",
    "63 Redesign of Children's Services PDF 85 KB",
    "Minutes:",
    "Decisions:",
    "Reason for Decisions:",
    "Supporting documents:",
    "RESOLVED –",
    "RESOLVED that the report be noted.",
    "RESOLVED: that",
    "Resolved:-",
    "The Committee resolved:-",
    "AGREED that",
    "RECOMMENDED – T H A T",
    "5.3 RESOLVED:",
    "(a) that the report be noted;",
    "b) That a report be provided to the meeting of the Care Services PDS Committee on "
    "10th January 2016",
    "(ii) asks the Director to report to the Committee in April 2017; and",
    "Recommendation 4 – That the Council maintains a register.",
    "Report CS17037",
    "The Panel notes the update and endorses the proposal.",
    "the outcome being reported to Cabinet in December 2017",
    "The following were in attendance:",
    "In attendance: Mr N Carver (Head of Property)",
    "· point one",
    "• point two",
    "- point three",
    "* point four",
    "\u00a0",
    " \u00a0 ",
    "---",
    "title: x",
    "\ufeff",
    "\t",
    "",
]
# Fragments three times as often as arbitrary text, so headings, decisions and lists meet.
PIECES = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),
    st.text(max_size=30),
    st.sampled_from(["\x00", "\x0b", "\x0c", "\x1b", "\r", "\u2028", "\u0085", "(", ")", ":"]),
)
SEPARATORS = st.sampled_from(["\n", "\n\n", " ", "\r\n", "\n\u00a0\n", ""])
MINUTE_LIKE = st.lists(st.tuples(PIECES, SEPARATORS), max_size=40).map(
    lambda parts: "".join(piece + separator for piece, separator in parts)
)
ANY_TEXT = st.one_of(st.text(max_size=400), MINUTE_LIKE)
QUICK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def records_of(parsed: ParsedDocument) -> list[object]:
    meeting = parsed.meeting
    found: list[object] = [*meeting.present, *meeting.apologies, *meeting.substitutes]
    for item in parsed.items:
        found += [
            *item.attendees,
            *item.points,
            *item.recommendations,
            *item.resolutions,
            *item.actions,
        ]
    return found


@QUICK
@given(ANY_TEXT)
def test_parse_text_never_raises(text: str) -> None:
    parsed = parse_text(text)
    assert parsed.text == text
    parsed.to_json()


@QUICK
@given(MINUTE_LIKE)
def test_every_span_points_at_its_source(text: str) -> None:
    parsed = parse_text(text)
    for record in records_of(parsed):
        span = record.span  # type: ignore[attr-defined]
        if span is None:
            continue
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == record.source  # type: ignore[attr-defined]


@QUICK
@given(MINUTE_LIKE)
def test_item_spans_are_in_order_and_inside_the_text(text: str) -> None:
    parsed = parse_text(text)
    previous_end = 0
    for item in parsed.items:
        assert previous_end <= item.span.start <= item.span.end <= len(text)
        previous_end = item.span.end
