"""Bytes to text: BOMs, UTF-16, UTF-8 and Windows-1252, CRLF normalised."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    pass


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 27 or 27 < b < 32)
    return controls > len(sample) * 0.05


def _guess_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
        return "utf-16-le"
    if even_zeros > half * 0.3 and odd_zeros < half * 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> str:
    """Decode minutes text, raising DecodeError for binary data."""
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    if text is None and (utf16 := _guess_utf16_without_bom(data)):
        text = data.decode(utf16, errors="replace")
    if text is None:
        if _looks_binary(data):
            raise DecodeError("binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def _decode_legacy(data: bytes) -> str:
    best = from_bytes(data[:262_144], cp_isolation=["cp1252", "iso-8859-1", "cp1250", "utf-8"]).best()
    encoding = best.encoding if best is not None else "cp1252"
    return data.decode(encoding, errors="replace")
