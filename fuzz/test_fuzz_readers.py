"""Fuzz the readers and the parser: ``make fuzz`` (not part of ``make test``).

Generated HTML pages, Word files and PDFs (see ``fuzz_inputs.py``) go through
``load_bytes`` exactly as a fetched or ingested file does, then through ``parse_text``;
generated minutes text goes through the parser alone. For every input:

- nothing is raised but ``ExtractError`` (a reader's one-line refusal);
- each input is read and parsed within ``FUZZ_INPUT_SECONDS`` (default 20);
- every record's span lies inside the text and holds exactly its source words, and items
  come in order.

The run lasts about ``FUZZ_SECONDS`` (default 60), shared between the four targets, in
batches of generated inputs; a failure is shrunk to its smallest input, printed, and kept in
``.hypothesis/`` so the next run tries it first.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest
from fuzz_inputs import MINUTES_TEXT, html_pages, pdf_files, word_documents
from hypothesis import HealthCheck, given, settings
from hypothesis.database import DirectoryBasedExampleDatabase

from scrutiny_tui.extract import ExtractError, load_bytes
from scrutiny_tui.parser import parse_text
from scrutiny_tui.parser.model import ParsedDocument

REPO = Path(__file__).resolve().parent.parent
FUZZ_SECONDS = float(os.environ.get("FUZZ_SECONDS", "60"))
INPUT_SECONDS = float(os.environ.get("FUZZ_INPUT_SECONDS", "20"))
TARGETS = 4
BATCH = settings(
    max_examples=25,
    deadline=None,  # the time per input is bounded by the alarm below, hangs included
    database=DirectoryBasedExampleDatabase(str(REPO / ".hypothesis" / "fuzz")),
    suppress_health_check=list(HealthCheck),
)


class InputTooSlow(Exception):
    """An input took longer than ``FUZZ_INPUT_SECONDS`` to read and parse."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise InputTooSlow(f"still reading after {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_parse(parsed: ParsedDocument) -> None:
    text = parsed.text
    meeting = parsed.meeting
    records: list[object] = [*meeting.present, *meeting.apologies, *meeting.substitutes]
    previous_end = 0
    for item in parsed.items:
        assert previous_end <= item.span.start <= item.span.end <= len(text)
        previous_end = item.span.end
        records += [
            *item.attendees,
            *item.points,
            *item.recommendations,
            *item.resolutions,
            *item.actions,
        ]
    for record in records:
        span = record.span  # type: ignore[attr-defined]
        if span is not None:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == record.source  # type: ignore[attr-defined]
    assert all(isinstance(warning, str) for warning in parsed.warnings)
    parsed.to_json()


def read_and_parse(data: bytes, name: str) -> None:
    with time_limit(INPUT_SECONDS):
        try:
            document = load_bytes(data, name)
        except ExtractError as exc:
            assert str(exc) and "\n" not in str(exc)  # a one-line reason
            return
        parsed = parse_text(document.text, format=document.format, metadata=document.metadata)
    assert all(isinstance(warning, str) for warning in document.warnings)
    check_parse(parsed)


def run_for_share(batch: Callable[[], None]) -> None:
    """Batches of generated inputs until this target's share of the budget is spent."""
    deadline = time.monotonic() + FUZZ_SECONDS / TARGETS
    batch()
    while time.monotonic() < deadline:
        batch()


pytestmark = pytest.mark.filterwarnings("ignore")


def test_html_pages() -> None:
    @BATCH
    @given(html_pages())
    def batch(data: bytes) -> None:
        read_and_parse(data, "minutes.html")

    run_for_share(batch)


def test_word_documents() -> None:
    @BATCH
    @given(word_documents())
    def batch(data: bytes) -> None:
        read_and_parse(data, "minutes.docx")

    run_for_share(batch)


def test_pdf_files() -> None:
    @BATCH
    @given(pdf_files())
    def batch(data: bytes) -> None:
        read_and_parse(data, "minutes.pdf")

    run_for_share(batch)


def test_minutes_text() -> None:
    @BATCH
    @given(MINUTES_TEXT)
    def batch(text: str) -> None:
        with time_limit(INPUT_SECONDS):
            parsed = parse_text(text)
        check_parse(parsed)

    run_for_share(batch)
