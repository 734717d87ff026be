"""Bytes to text: BOMs, UTF-16/32, UTF-8 and Windows-1252, CRLF normalised.

Council files are mostly UTF-8 or Windows-1252 (Word's "Save as text" default), and often a
mixture: a UTF-8 file with a paragraph pasted from a Windows-1252 one. Bytes that are not
valid UTF-8 are therefore read as Windows-1252 one by one, so curly quotes, "£" and en dashes
survive in both kinds of file instead of turning into "?" or "â€™".
"""

from __future__ import annotations

import codecs
import unicodedata


class DecodeError(ValueError):
    pass


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE_BYTES = 8192
_CP1252_FALLBACK = "scrutiny-cp1252-fallback"
# Windows-1252 leaves these five bytes undefined; they are read as Latin-1 control characters.
_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})

# Characters that only get in a reader's way: Word's optional and non-breaking hyphens, zero
# width spaces and joiners, stray BOMs. An optional hyphen is where a word *may* break, so it
# goes; a non-breaking hyphen is a real hyphen.
_REPLACEMENTS = {
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
    "\u2011": "-",
    "\u2028": "\n",
    "\u2029": "\n\n",
}
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 27 or 27 < b < 32)


def _byte_as_cp1252(byte: int) -> str:
    if byte in _CP1252_UNDEFINED:
        return chr(byte)
    return bytes([byte]).decode("cp1252")


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return _byte_as_cp1252(error.object[error.start]), error.start + 1


codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE_BYTES]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * 0.05


def _guess_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly Latin text has a zero in every other byte."""
    sample = data[: _SAMPLE_BYTES & ~1]
    if len(sample) < 4:
        return None
    half = len(sample) // 2
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
        return "utf-16-le"
    if even_zeros > half * 0.3 and odd_zeros < half * 0.05:
        return "utf-16-be"
    return None


def _encoding_from_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _decode_8bit(data: bytes) -> str:
    """UTF-8, with any byte that is not valid UTF-8 read as Windows-1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_undefined_in_cp1252(data):
        return _decode_other_legacy(data)
    return data.decode("utf-8", errors=_CP1252_FALLBACK)


def _mostly_undefined_in_cp1252(data: bytes) -> bool:
    """A file full of bytes Windows-1252 leaves undefined is in some other code page."""
    high = [b for b in data[:262_144] if b >= 0x80]
    undefined = sum(1 for b in high if b in _CP1252_UNDEFINED)
    return bool(high) and undefined > len(high) * 0.1


def _decode_other_legacy(data: bytes) -> str:
    # imported here: only a rare legacy code page needs the detector, not every start
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262_144]).best()
    encoding = best.encoding if best is not None else "latin-1"
    return data.decode(encoding, errors="replace")


def normalise_text(text: str) -> str:
    """Line endings to ``\\n``, invisible characters removed, NFC; nothing else changes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for odd, replacement in _REPLACEMENTS.items():  # str.replace: far quicker than translate
        if odd in text:
            text = text.replace(odd, replacement)
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def decode_text(data: bytes) -> str:
    """Decode minutes text, raising DecodeError for binary data."""
    if (encoding := _encoding_from_bom(data)) is not None:
        return normalise_text(data.decode(encoding, errors="replace"))
    if (utf16 := _decode_utf16_without_bom(data)) is not None:
        return normalise_text(utf16)
    if _looks_binary(data):
        raise DecodeError("binary file, not text")
    return normalise_text(_decode_8bit(data))


def _decode_utf16_without_bom(data: bytes) -> str | None:
    encoding = _guess_utf16_without_bom(data)
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None  # the zeros meant something else: binary, most likely
