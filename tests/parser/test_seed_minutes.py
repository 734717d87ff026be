"""The five real ModernGov agenda-item pages in data/, parsed to the structure a reader sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny_tui.parser import parse_text
from scrutiny_tui.parser.model import ParsedDocument

DATA = Path(__file__).resolve().parents[2] / "data"


def parse_seed(prefix: str) -> ParsedDocument:
    (path,) = DATA.glob(f"{prefix}_*.txt")
    return parse_text(path.read_text(encoding="utf-8"), source=str(path))


def assert_spans_exact(parsed: ParsedDocument) -> None:
    text = parsed.text
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


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_is_one_item_with_exact_spans(prefix: str) -> None:
    parsed = parse_seed(prefix)
    assert len(parsed.items) == 1
    assert_spans_exact(parsed)
    assert parsed.items[0].resolutions, "every seed records a decision"


def test_seed_003_portfolio_plan() -> None:
    (item,) = parse_seed("003").items
    assert item.title == "Care Services Portfolio Plan Priorities June 2016-May 2017"
    assert item.report_refs == ["CS17037"]
    assert [r.kind for r in item.resolutions] == ["recommended"]
    assert "Portfolio Holder for Care Services be recommended" in item.resolutions[0].text
    dues = {action.due: action.body for action in item.actions}
    assert dues["2016-01-10"] == "Care Services PDS Committee"
    assert (
        dues["2017-04"]
        == "Care Services, Education and Public Protection and Safety PDS Committees"
    )


def test_seed_000_cluster_partnerships() -> None:
    (item,) = parse_seed("000").items
    assert item.title == "Response to the Scrutiny Inquiry report on Cluster Partnerships"
    people = [(p.honorific, p.name, p.role) for p in item.attendees]
    assert people[0] == ("Councillor", "Judith Blake", "Executive Member, Children and Families")
    assert ("Sue Rumbold") in [name for _, name, _ in people]
    assert len(people) == 5
    assert [r.ref for r in item.recommendations] == ["4", "11"]
    assert [r.label for r in item.resolutions] == ["a", "b", "c", "d"]
    assert item.resolutions[0].kind == "noted"
    assert item.resolutions[2].text.startswith("That a meeting with the Chief Executive")
    due = [a for a in item.actions if a.due == "2014-10-28"]
    assert due and due[0].body == "H&W and ASC Scrutiny Board"


def test_seed_001_numbered_page_heading() -> None:
    (item,) = parse_seed("001").items
    assert (item.number, item.title) == ("63", "Redesign of Children's Services")
    assert [(r.label, r.kind) for r in item.resolutions] == [(None, "noted")]
    # hard-wrapped bullets with no markers are joined into whole points
    assert any(
        p.text.startswith("Multi-agency teams co-ordinated around the needs of the child, family")
        for p in item.points
    )


def test_seed_002_single_resolution_noted() -> None:
    (item,) = parse_seed("002").items
    assert item.title == "Integrated Children's Services"
    assert [(r.label, r.kind) for r in item.resolutions] == [(None, "noted")]
    assert any("CAMHS" in point.text for point in item.points)


def test_seed_004_lettered_decisions_and_cabinet_report() -> None:
    (item,) = parse_seed("004").items
    assert (item.number, item.title) == ("4", "Children's Social Care Update")
    assert [(r.label, r.kind) for r in item.resolutions] == [
        ("a", "noted"),
        ("b", "approved"),
        ("c", "approved"),
        ("d", "delegated"),
    ]
    assert [(a.due, a.body) for a in item.actions] == [("2017-12", "Cabinet")]
    assert "Family Front Door" in item.text


def test_seeds_state_no_meeting_facts_so_none_are_guessed() -> None:
    meeting = parse_seed("002").meeting
    assert (meeting.council, meeting.body, meeting.date) == (None, None, None)
    assert "meeting date not stated" in parse_seed("002").warnings


def test_json_contract_shape() -> None:
    payload = parse_seed("004").to_json()
    assert set(payload) == {"source", "sha256", "format", "meeting", "items", "warnings"}
    (item,) = payload["items"]
    assert set(item) == {
        "number",
        "title",
        "report_refs",
        "attendees",
        "points",
        "recommendations",
        "resolutions",
        "actions",
    }
    assert item["resolutions"][3] == {
        "label": "d",
        "text": item["resolutions"][3]["text"],
        "kind": "delegated",
    }
