"""The whole-meeting fixtures printed as PDFs (running head, "Page N of M" footer, lines
wrapped by the printer) and read back through the PDF extraction score as the text does,
within a few points: the parser holds up on printed minutes, not only on web pages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests" / "extract"))

import evaluate_parser  # noqa: E402
from source_builders import write_minutes_pdf  # noqa: E402

# A fixture that is already what a PDF viewer gave (a page flattened to one line), or a
# browser's printout (its own page heads and feet, a table's columns set by spaces), is not
# a layout to print: printed again, its lines would be wrapped at the page's width.
FIXTURES = [
    fixture
    for fixture in evaluate_parser.load_keys(sets=("fixtures",))
    if not Path(fixture[0]).name.startswith("flattened_") and not fixture[2].get("printed")
]


@pytest.mark.parametrize(("name", "path", "key"), FIXTURES, ids=[n for n, _, _ in FIXTURES])
def test_printed_pdf_reads_as_well_as_the_text(
    name: str, path: Path, key: dict[str, object], tmp_path: Path
) -> None:
    text = path.read_text(encoding="utf-8").replace("\u00a0", " ")
    pdf = write_minutes_pdf(text, tmp_path / "minutes.pdf")
    from_text = evaluate_parser.score_document(name, evaluate_parser.parse_path(path), key)
    from_pdf = evaluate_parser.score_document(name, evaluate_parser.parse_path(pdf), key)
    assert from_pdf.f1 >= from_text.f1 - 0.06, {
        field: (round(from_text.tallies[field].f1, 2), round(tally.f1, 2))
        for field, tally in from_pdf.tallies.items()
        if tally.f1 < from_text.tallies[field].f1
    }
