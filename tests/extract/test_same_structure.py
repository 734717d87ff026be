"""The same minutes in every format parse to the same items, resolutions and actions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from source_builders import (
    encoded_variants,
    split_reorganisation,
    write_minutes_docx,
    write_minutes_pdf,
)

from scrutiny_tui.extract import ExtractedDocument, load_document
from scrutiny_tui.parser import parse_text

SOURCES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
MINUTES = (SOURCES / "meeting_minutes.txt").read_text(encoding="utf-8")


def _parse(document: ExtractedDocument) -> Any:
    return parse_text(
        document.text,
        source=str(document.path),
        sha256=document.sha256,
        format=document.format,
        metadata=document.metadata,
    )


def _structure(parsed: Any) -> list[dict[str, Any]]:
    """What must not depend on the format: items, resolutions and actions' due dates."""
    return [
        {
            "number": item.number,
            "title": item.title,
            "resolutions": [(r.label, r.kind, " ".join(r.text.split())) for r in item.resolutions],
            "actions": [a.due for a in item.actions],
        }
        for item in parsed.items
    ]


def _text_file(variant: str) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / f"minutes-{variant}.txt"
        path.write_bytes(encoded_variants(MINUTES)[variant])
        return path

    return write


def _meeting_page(folder: Path) -> Path:
    path = folder / "ieListDocuments.aspx.html"
    path.write_bytes((SOURCES / "moderngov_meeting_minutes.html").read_bytes())
    return path


def _printed_pdf(folder: Path) -> Path:
    path = folder / "minutes.pdf"
    return write_minutes_pdf(split_reorganisation(MINUTES), path, page_height_mm=110)


def _word(folder: Path) -> Path:
    return write_minutes_docx(MINUTES, folder / "minutes.docx")


SOURCES_BY_FORMAT: dict[str, Callable[[Path], Path]] = {
    **{f"text/{variant}": _text_file(variant) for variant in encoded_variants(MINUTES)},
    "html/moderngov-meeting": _meeting_page,
    "pdf/printed": _printed_pdf,
    "docx/word": _word,
}


@pytest.fixture(scope="module")
def expected() -> list[dict[str, Any]]:
    return _structure(
        parse_text(MINUTES, source="minutes.txt", sha256="", format="text", metadata={})
    )


def test_the_plain_text_itself_parses_as_intended(expected: list[dict[str, Any]]) -> None:
    assert [(item["number"], item["title"]) for item in expected] == [
        ("41", "Apologies for absence"),
        ("42", "Minutes of the previous meeting"),
        ("43", "Reorganisation of Early Help Services"),
        ("44", "Work Programme"),
    ]
    labels = [label for label, _, _ in expected[2]["resolutions"]]
    assert labels[-2:] == ["(a)", "(b)"] or labels[-2:] == ["a", "b"]
    assert "2016-01-10" in expected[2]["actions"]
    assert "2016-04" in expected[3]["actions"]


@pytest.mark.parametrize("name", sorted(SOURCES_BY_FORMAT))
def test_every_format_parses_to_the_same_structure(
    name: str, tmp_path: Path, expected: list[dict[str, Any]]
) -> None:
    document = load_document(SOURCES_BY_FORMAT[name](tmp_path))
    assert document.format == name.split("/")[0]
    assert _structure(_parse(document)) == expected


def test_agenda_item_page_parses_like_its_text(tmp_path: Path) -> None:
    text_document = load_document(SOURCES / "agenda_item.txt")
    page = tmp_path / "mgAi.aspx.html"
    page.write_bytes((SOURCES / "moderngov_agenda_item.html").read_bytes())
    html_document = load_document(page)
    parsed_html = _parse(html_document)
    assert _structure(parsed_html) == _structure(_parse(text_document))
    assert parsed_html.meeting.body == "Children and Young People Scrutiny Committee"
    assert parsed_html.meeting.date == "2015-12-08"
