"""Making stored strings safe to print: no terminal control ever comes from the minutes.

Used by the CLI and the app alike, so an ``ESC [2J`` or an OSC 52 sequence in a minutes file
or a note is shown as visible symbols and never reaches the terminal. Bidirectional
overrides (U+202E turns ``txt.exe`` into ``exe.txt`` on screen) and the lone surrogates a
file name with a byte that is not UTF-8 decodes to are shown as codes too.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\n\r\t\x0b\x0c\u0085\u2028\u2029]")
_PICTURES = {0x7F: "\u2421", 0x2028: "\u2424", 0x2029: "\u2424"}


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code in _PICTURES:
        return _PICTURES[code]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code >= 0x100:
        return f"<U+{code:04X}>"
    return f"\\x{code:02x}"


def visible_controls(value: str) -> str:
    """Replace control characters (except newline and tab) with their Unicode pictures,
    bidirectional overrides and lone surrogates with their codes."""
    return _CONTROL.sub(_picture, value)


def inline(value: str | None) -> str:
    """A value (a file name, a path) for one line of output: newlines and tabs are shown as
    their pictures too, so a name can never start a line of its own."""
    return visible_controls(_LINE_BREAKS.sub(_picture, value or ""))


_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_for_terminal(encoded: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with what could drive a terminal or
    reorder a line (C1 controls, bidirectional overrides, line separators, lone surrogates)
    written as ``\\uXXXX`` escapes: the same JSON to a parser, inert on a screen. JSON
    already escapes the C0 controls; outside strings it holds only ASCII."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def one_line(value: str | None, limit: int = 0) -> str:
    """Collapse whitespace (for a table cell or a list line); cut to ``limit`` chars."""
    flat = " ".join((value or "").split())
    if limit and len(flat) > limit:
        return flat[: limit - 1] + "…"
    return flat
