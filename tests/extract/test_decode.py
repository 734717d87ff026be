"""Encodings as council PCs save them: every variant decodes to the same text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from source_builders import encoded_variants

from scrutiny_tui.extract.decode import DecodeError, decode_text

SOURCES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
MINUTES = (SOURCES / "meeting_minutes.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("variant", sorted(encoded_variants(MINUTES)))
def test_every_encoding_of_the_minutes_decodes_to_the_same_text(variant: str) -> None:
    assert decode_text(encoded_variants(MINUTES)[variant]) == MINUTES


def test_windows_1252_quotes_pound_and_dashes_survive() -> None:
    data = "Members’ “views” – £2m — 5 €".encode("cp1252")
    assert decode_text(data) == "Members’ “views” – £2m — 5 €"


def test_a_windows_1252_paragraph_pasted_into_utf_8_keeps_both() -> None:
    data = "Café culture: ".encode() + "the Board’s re-organisation".encode("cp1252")
    assert decode_text(data) == "Café culture: the Board’s re-organisation"


def test_old_mac_and_windows_line_endings_become_newlines() -> None:
    assert decode_text(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_optional_and_non_breaking_hyphens_from_word() -> None:
    text = "re\u00adorganisation and co\u2011ordination\ufeff"
    assert decode_text(text.encode("utf-8")) == "reorganisation and co-ordination"


def test_binary_data_is_refused() -> None:
    with pytest.raises(DecodeError, match="binary file, not text"):
        decode_text(bytes(range(256)) * 4)


# Windows-1252 punctuation whose bytes can never start a UTF-8 sequence, so any mixture of
# these with ASCII has exactly one reading.
_CP1252_SAFE = st.characters(
    codec="ascii", categories=("L", "N", "P", "Zs", "S")
) | st.sampled_from("’‘“”–—£€•…")
_LATIN = st.characters(codec="latin-1", categories=("L", "N", "P", "Zs", "S"))


@given(st.text(_CP1252_SAFE, max_size=200))
def test_windows_1252_round_trip(text: str) -> None:
    assert decode_text(text.encode("cp1252")) == text


@given(st.text(_LATIN, min_size=1, max_size=200), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_unicode_round_trip(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding)) == text.replace("\u00ad", "")
