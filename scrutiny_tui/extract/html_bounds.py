"""Bounds on an HTML page's markup, applied to the source before it is parsed.

lexbor's tree builder does work in proportion to the number of open elements for each block
start tag, and compares each attribute of a tag with those before it: a page of 100,000
nested ``<div>`` elements, or one tag with 300,000 attributes, takes minutes to parse. The
source is scanned once, following the tree builder closely enough to know how deep each
start tag opens; start tags past :data:`MAX_DEPTH` are dropped (their text stays, read as
part of the element around them) and attributes past :data:`MAX_ATTRIBUTES` on one tag are
dropped. Pages within both bounds, which is every council page seen so far, are returned
unchanged. Each bound that was applied is said in a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_DEPTH = 200  # open elements; council pages nest 20 to 40 deep
MAX_ATTRIBUTES = 128  # attributes on one tag; council pages use a handful

_MARKUP = re.compile(
    r"""
    (?P<comment> <!-- .*? (?:-->|\Z) )
  | (?P<end> </ (?P<end_name>[A-Za-z][^\s/>]*+) [^>]*+ >? )
  | (?P<start> < (?P<name>[A-Za-z][^\s/>]*+)
        # a quote opens a value only after "=", as in the HTML tokenizer
        (?P<attributes> (?: [^>"'=]++ | =\s*+(?:"[^"]*+"|'[^']*+') | [="'] )*+ ) >? )
  | (?P<other> <[!?/] [^>]*+ >? )
    """,
    re.DOTALL | re.VERBOSE,
)
_ATTRIBUTE = re.compile(r"""[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?""")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "param",
        "keygen",
        "basefont",
        "bgsound",
        "frame",
    ]
)
# Their content is text up to their end tag, never markup.
_RAW_TEXT = frozenset(
    ["script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"]
)
# Elements whose end tag may be left out: a new one closes the open one of its group.
_SIBLINGS = {
    "p": frozenset({"p"}),
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "tr": frozenset({"tr"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "option": frozenset({"option"}),
    "thead": frozenset({"thead", "tbody", "tfoot"}),
    "tbody": frozenset({"thead", "tbody", "tfoot"}),
    "tfoot": frozenset({"thead", "tbody", "tfoot"}),
}
_SIBLING_REACH = 4  # how far down the open elements an open sibling is looked for


@dataclass(slots=True)
class _Scan:
    html: str
    edits: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, new text)
    open_elements: list[str] = field(default_factory=list)
    too_deep: int = 0
    too_many_attributes: int = 0

    def start_tag(self, match: re.Match[str]) -> None:
        name = match["name"].lower()
        if name in _VOID or name in _RAW_TEXT:
            self._bound_attributes(match)  # nothing opens inside them: no deeper
            return
        group = _SIBLINGS.get(name)
        if group is not None:
            reach = self.open_elements[-_SIBLING_REACH:]
            for offset in range(len(reach) - 1, -1, -1):
                if reach[offset] in group:
                    del self.open_elements[len(self.open_elements) - len(reach) + offset :]
                    break
        if len(self.open_elements) >= MAX_DEPTH:
            self.too_deep += 1
            self.edits.append((match.start(), match.end(), ""))
            return
        self.open_elements.append(name)
        self._bound_attributes(match)

    def end_tag(self, name: str) -> None:
        name = name.lower()
        for index in range(len(self.open_elements) - 1, -1, -1):
            if self.open_elements[index] == name:
                del self.open_elements[index:]
                return

    def _bound_attributes(self, match: re.Match[str]) -> None:
        attributes = match["attributes"]
        if len(attributes) < 2 * MAX_ATTRIBUTES:
            return  # each attribute takes at least a space and a letter
        cut = None
        for count, attribute in enumerate(_ATTRIBUTE.finditer(attributes), start=1):
            if count == MAX_ATTRIBUTES:
                cut = attribute.end()
            elif count > MAX_ATTRIBUTES:
                break
        else:
            return
        self.too_many_attributes += 1
        self.edits.append((match.start(), match.end(), f"<{match['name']}{attributes[:cut]}>"))

    def result(self) -> str:
        if not self.edits:
            return self.html
        parts: list[str] = []
        position = 0
        for start, end, replacement in self.edits:
            parts += [self.html[position:start], replacement]
            position = end
        parts.append(self.html[position:])
        return "".join(parts)

    def warnings(self) -> list[str]:
        found = []
        if self.too_deep:
            found.append(
                f"HTML nested more than {MAX_DEPTH} elements deep: {self.too_deep:,} deeper "
                "tags were read as part of the element around them"
            )
        if self.too_many_attributes == 1:
            found.append(
                f"an HTML tag with more than {MAX_ATTRIBUTES} attributes: only the first "
                f"{MAX_ATTRIBUTES} were read"
            )
        elif self.too_many_attributes:
            found.append(
                f"{self.too_many_attributes:,} HTML tags with more than {MAX_ATTRIBUTES} "
                f"attributes: only the first {MAX_ATTRIBUTES} of each were read"
            )
        return found


def bound_markup(html: str) -> tuple[str, list[str]]:
    """``html`` with its nesting and attributes bounded, and what was dropped, as warnings."""
    scan = _Scan(html)
    position = 0
    while (match := _MARKUP.search(html, position)) is not None:
        position = match.end()
        if match["end"] is not None:
            scan.end_tag(match["end_name"])
        elif match["start"] is not None:
            scan.start_tag(match)
            name = match["name"].lower()
            if name == "plaintext":
                break  # the rest of the page is its text
            if name in _RAW_TEXT:
                close = re.compile(rf"</{re.escape(name)}(?=[\s/>])", re.IGNORECASE)
                ended = close.search(html, position)
                position = ended.start() if ended is not None else len(html)
    return scan.result(), scan.warnings()
