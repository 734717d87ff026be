"""The minutes parser: text in, dataclasses out. Pure: no I/O, no store, no UI."""

from scrutiny_tui.parser.core import parse_text
from scrutiny_tui.parser.model import ParsedDocument

__all__ = ["ParsedDocument", "parse_text"]
