"""The minutes parser: text in, dataclasses out. Pure: no I/O, no store, no UI."""

from scrutiny_tui.parser.core import parse_item, parse_text
from scrutiny_tui.parser.model import Item, ParsedDocument

__all__ = ["Item", "ParsedDocument", "parse_item", "parse_text"]
