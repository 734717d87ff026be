"""HTML pages to minutes text: ModernGov agenda-item and meeting pages, and generic council HTML.

The page is walked with a real parser (selectolax/lexbor) and written out in the plain layout
the minutes parser reads: one block per paragraph or heading with a blank line between, list
items as "• text", table rows one per line, and ModernGov's agenda items as "41. Title".
Navigation, scripts, cookie banners and the like are dropped; the page's own metadata
(committee, date, item) and its supporting-document links are returned beside the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scrutiny_tui.extract.html_bounds import bound_markup
from scrutiny_tui.extract.numerals import roman as to_roman
from scrutiny_tui.extract.result import Extraction, tidy_layout
from scrutiny_tui.parser.dates import find_date

_SKIPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "nav",
        "aside",
        "form",
        "button",
        "select",
        "input",
        "textarea",
        "iframe",
        "svg",
        "canvas",
        "object",
        "embed",
        "map",
        "img",
        "picture",
        "video",
        "audio",
        "-comment",
        "dialog",
    }
)
_PAGE_CHROME_TAGS = frozenset({"header", "footer"})
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "address",
        "center",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "dl",
        "dt",
        "dd",
        "figure",
        "figcaption",
        "hr",
        "fieldset",
        "details",
        "summary",
        "caption",
        "body",
        "html",
    }
)
# What starts a paragraph where nesting is read as plain paragraphs (besides _BLOCK_TAGS).
_FLAT_BLOCKS = frozenset({"li", "ul", "ol", "menu", "table", "tr", "td", "th"})
_NOISE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "dialog", "alert"})
# id/class words that mark page furniture on council sites, ModernGov's among them.
_NOISE_WORDS = re.compile(
    r"cookie|consent|gdpr|breadcrumb|skip|nav(?:bar|igation)?\b|menu|sidebar|social|share|"
    r"masthead|site-?header|site-?footer|page-?footer|feedback|print-?link|back-?to-?top|"
    r"mgLinks|mgActionList|mgFooter|mgSearch|mgLanguage|mgCommitteeNav",
    re.IGNORECASE,
)
# starting only where a run of spaces starts, so a line of spaces is not scanned once a space
_SIZE_SUFFIX = re.compile(
    r"(?<![ \t])[ \t]*\b(?:PDF|DOCX?|XLSX?)[ \t]+[\d.,]+[ \t]*[KMG]B[ \t]*$", re.I | re.M
)
_DOCUMENT_LINK = re.compile(
    r"mgConvert2PDF\.aspx|documents/[a-z]\d+/|\.(?:pdf|docx?)(?:[?#]|$)", re.I
)
_ITEM_PAGE_MEETING = re.compile(
    r"^Meeting:\s*(?P<date>[^-–]+?)\s*[-–]\s*(?P<body>.+?)\s*\((?:Agenda\s+)?Item\s+(?P<item>[^)]+)\)",
    re.I,
)
_BULLET = "• "
# Elements nested deeper than this are read as plain paragraphs, without list numbers or
# table rows: the renderer recurses a few frames an element, and Python's stack is bounded.
MAX_RENDER_DEPTH = 100
_LIST_START = re.compile(r"[0-9]{1,18}")  # an <ol start="…"> the page could mean


class _Blocks:
    """Collects rendered text as blocks (paragraphs), each possibly several lines.

    The items of one list, and the rows of one table, are kept on consecutive lines as they
    are typed in plain minutes; other blocks are separated by a blank line.
    """

    def __init__(self) -> None:
        self.blocks: list[tuple[str, int | None]] = []  # (text, list or table it belongs to)
        self._current: list[str] = []
        self._prefix = ""
        self._groups: list[int | None] = [None]  # innermost list or table last
        self._group_count = 0

    def text(self, value: str) -> None:
        if not value:
            return
        if self._prefix and value.strip():
            self._current.append(self._prefix)
            self._prefix = ""
        self._current.append(value)

    def line_break(self) -> None:
        self._current.append("\n")

    def end_block(self) -> None:
        block = "".join(self._current).strip()
        if block.replace("\u00a0", " ").strip():
            self.blocks.append((block, self._groups[-1]))
        self._current = []

    def start_group(self, *, lines_shared: bool = True) -> None:
        """A list or table begins: its items share lines, unless it is only for layout."""
        self.end_block()
        self._group_count += 1
        self._groups.append(self._group_count if lines_shared else None)

    def end_group(self) -> None:
        self.end_block()
        self._groups.pop()
        self._prefix = ""

    def start_item(self, marker: str) -> None:
        self.end_block()
        self._prefix = marker

    def end_item(self) -> None:
        self.end_block()
        self._prefix = ""

    def row(self, text: str) -> None:
        self.end_block()
        self.blocks.append((text, self._groups[-1]))

    def render(self) -> str:
        self.end_block()
        parts: list[str] = []
        previous_group: int | None = None
        for text, group in self.blocks:
            if parts:
                same_group = group is not None and group == previous_group
                parts.append("\n" if same_group else "\n\n")
            parts.append(text)
            previous_group = group
        return tidy_layout(_SIZE_SUFFIX.sub("", "".join(parts)))


def _classes_and_id(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{attrs.get('id') or ''} {attrs.get('class') or ''}"


def _is_noise(node: LexborNode, *, chrome_allowed: bool) -> bool:
    tag = node.tag or ""
    if tag in _SKIPPED_TAGS or (tag in _PAGE_CHROME_TAGS and not chrome_allowed):
        return True
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if (attrs.get("role") or "").lower() in _NOISE_ROLES:
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return bool(_NOISE_WORDS.search(_classes_and_id(node)))


def _clean_inline(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def node_text(node: LexborNode, depth: int = 0) -> str:
    """A node's visible text on one line, without ModernGov's "PDF 85 KB" size labels."""
    out = _Blocks()
    renderer = _Renderer(out, chrome_allowed=True)
    renderer.depth = depth
    renderer.children(node)
    text = " ".join(out.render().split())
    return _SIZE_SUFFIX.sub("", text).strip()


class _Renderer:
    def __init__(self, out: _Blocks, *, chrome_allowed: bool) -> None:
        self.out = out
        self.chrome_allowed = chrome_allowed
        self.depth = 0  # elements entered: bounded by MAX_RENDER_DEPTH
        self.flattened = False  # something nested past it was read as plain paragraphs

    def children(self, node: LexborNode) -> None:
        for child in node.iter(include_text=True):
            self.node(child)

    def node(self, node: LexborNode) -> None:
        if node.is_text_node:
            self.out.text(_clean_inline(node.text_content or ""))
            return
        if self.depth >= MAX_RENDER_DEPTH:
            self.flat(node)
            return
        self.depth += 1
        try:
            self._element(node)
        finally:
            self.depth -= 1

    def _element(self, node: LexborNode) -> None:
        if _is_noise(node, chrome_allowed=self.chrome_allowed):
            return
        tag = node.tag or ""
        if tag == "br":
            self.out.line_break()
        elif tag in ("ul", "ol", "menu"):
            self.list(node)
        elif tag == "li":  # a stray <li> outside a list
            self.list_item(node, _BULLET)
        elif tag == "table":
            self.table(node)
        elif tag in _BLOCK_TAGS or tag in ("tr", "td", "th"):
            self.block(node)
        else:
            self.children(node)
            if "mgItemNumber" in (node.attributes.get("class") or ""):
                self.out.text(" ")

    def flat(self, node: LexborNode) -> None:
        """``node`` and all inside it as text, a block element or list item starting a new
        paragraph; walked with a stack of its own, so no depth of nesting is too deep."""
        self.flattened = True
        pending: list[LexborNode | None] = [node]  # None: a block element ends here
        while pending:
            current = pending.pop()
            if current is None:
                self.out.end_block()
            elif current.is_text_node:
                self.out.text(_clean_inline(current.text_content or ""))
            elif not _is_noise(current, chrome_allowed=self.chrome_allowed):
                tag = current.tag or ""
                if tag == "br":
                    self.out.line_break()
                    continue
                if tag in _BLOCK_TAGS or tag in _FLAT_BLOCKS:
                    self.out.end_block()
                    pending.append(None)
                pending.extend(reversed(list(current.iter(include_text=True))))

    def block(self, node: LexborNode) -> None:
        self.out.end_block()
        if (node.tag or "") in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.out.text(node_text(node, self.depth))
        else:
            self.children(node)
        self.out.end_block()

    def list(self, node: LexborNode) -> None:
        self.out.start_group()
        markers = _list_markers(node)
        for child in node.iter():
            if child.tag == "li" and not _is_noise(child, chrome_allowed=self.chrome_allowed):
                self.list_item(child, next(markers))
            elif child.tag in ("ul", "ol"):
                self.node(child)  # through node(), which counts the depth
        self.out.end_group()

    def list_item(self, node: LexborNode, marker: str) -> None:
        self.out.start_item(marker)
        self.children(node)
        self.out.end_item()

    def table(self, node: LexborNode) -> None:
        self.out.start_group()
        for row in _table_rows(node):
            self.table_row(row)
        self.out.end_group()

    def table_row(self, row: LexborNode) -> None:
        cells = [c for c in row.iter() if c.tag in ("td", "th")]
        if len(cells) >= 2 and _is_item_number_cell(cells[0]):
            self.out.start_group(lines_shared=False)
            self.agenda_item_row(cells[0], cells[1])
            self.out.end_group()
            return
        if any(_has_blocks(cell) for cell in cells):
            self.out.start_group(lines_shared=False)
            for cell in cells:  # a layout table: each cell is a column of paragraphs
                self.block(cell)
            self.out.end_group()
            return
        texts = [text for cell in cells if (text := node_text(cell, self.depth))]
        if texts:
            self.out.row(" | ".join(texts))

    def agenda_item_row(self, number_cell: LexborNode, content_cell: LexborNode) -> None:
        """ModernGov's item row: "41." in one cell; title, agenda text and minutes in the next."""
        title_node = content_cell.css_first(".mgAiTitleTxt")
        title = node_text(title_node, self.depth) if title_node is not None else ""
        if title_node is not None:
            title_node.decompose()
        self.out.end_block()
        number = _item_number(node_text(number_cell, self.depth))
        self.out.text(f"{number} {title}".strip())
        self.out.end_block()
        self.block(content_cell)


def _item_number(text: str) -> str:
    return f"{text}." if text.isdigit() else text


def _table_rows(table: LexborNode) -> Iterator[LexborNode]:
    for child in table.iter():
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from _table_rows(child)


def _has_blocks(node: LexborNode) -> bool:
    return any(
        (child.tag or "") in _BLOCK_TAGS | {"ul", "ol", "table", "br"} for child in node.iter()
    )


def _is_item_number_cell(node: LexborNode) -> bool:
    return "mgItemNumberCell" in (node.attributes.get("class") or "")


def _list_markers(node: LexborNode) -> Iterator[str]:
    if node.tag != "ol":
        while True:
            yield _BULLET
    kind = node.attributes.get("type") or "1"
    start = (node.attributes.get("start") or "1").strip()
    number = int(start) if _LIST_START.fullmatch(start) else 1
    while True:
        yield _ordinal_marker(number, kind)
        number += 1


def _ordinal_marker(number: int, kind: str) -> str:
    if kind in ("a", "A") and number > 0:
        letter = chr(ord(kind) + (number - 1) % 26)
        return f"({letter}) "
    if kind in ("i", "I"):
        roman = to_roman(number)
        return f"({roman if kind == 'I' else roman.lower()}) "
    return f"{number}. "


def _content_root(tree: LexborHTMLParser) -> tuple[LexborNode, bool]:
    """The node holding the page's own content, and whether header/footer tags inside count."""
    for selector in ("#modgov", "main", "[role=main]", "article", "#content", "#main-content"):
        node = tree.css_first(selector)
        if node is not None:
            return node, True
    body = tree.body or tree.root
    assert body is not None
    return body, False


def _drop_item_table_header_rows(root: LexborNode) -> None:
    """Drop ModernGov's "No. | Item" header row so it does not read as a table of minutes."""
    for table in root.css("table.mgItemTable"):
        for row in _table_rows(table):
            if row.css_first("th") is not None and row.css_first("td") is None:
                row.decompose()


# --- metadata ---------------------------------------------------------------------------


def _council(tree: LexborHTMLParser) -> str | None:
    site = tree.css_first('meta[property="og:site_name"]')
    if site is not None and (name := (site.attributes.get("content") or "").strip()):
        return name
    title = tree.css_first("title")
    if title is None:
        return None
    for part in re.split(r"\s+[|\-–]\s+", title.text(strip=True)):
        if re.search(r"\b(Council|Borough|Authority)\b", part):
            return part.strip()
    return None


def _short_texts(root: LexborNode, selector: str, limit: int) -> list[tuple[LexborNode, str]]:
    """The nodes ``selector`` finds whose text is at most ``limit`` characters, with it.

    The nodes are taken innermost first: once a node's text is too long, so is every
    element around it, and those are passed over without reading their text again (read
    each time, a page nested ten thousand deep reads its text ten thousand times).
    """
    too_long: set[int] = set()
    found: list[tuple[LexborNode, str]] = []
    for node in reversed(root.css(selector)):
        if node.mem_id in too_long:
            continue
        text = node.text(deep=True)
        if len(text) <= limit:
            found.append((node, text))
            continue
        ancestor: LexborNode | None = node
        while ancestor is not None and ancestor.mem_id not in too_long:
            too_long.add(ancestor.mem_id)
            ancestor = ancestor.parent
    return found[::-1]


def _labelled_value(labelled: list[tuple[LexborNode, str]], label: str) -> str | None:
    """Text after "Label:" in a ModernGov ``mgLabel`` span or a paragraph starting with it."""
    prefix = label.lower() + ":"
    for node, words in labelled:
        quick = words.strip().lower()
        if not quick.startswith(prefix) or len(quick) > 300:
            continue
        if node.tag == "span" and node.parent is not None:
            node = node.parent
        text = node_text(node)
        if text.lower().startswith(prefix):
            return text[len(prefix) :].strip() or None
    return None


def _labelled_nodes(root: LexborNode) -> list[tuple[LexborNode, str]]:
    # twice the 300 characters a label's line may hold: pages indent their markup
    return _short_texts(root, "p, li, td, dd, h2, h3, .mgLabel", 600)


def _meeting_heading(root: LexborNode) -> str | None:
    node = root.css_first(".mgSubTitleTxt")
    return node_text(node) if node is not None else None


def _page_metadata(tree: LexborHTMLParser, root: LexborNode) -> dict[str, str]:
    meta: dict[str, str] = {}
    if council := _council(tree):
        meta["council"] = council
    labelled = _labelled_nodes(root)
    meeting_line = _labelled_value(labelled, "Meeting")
    if meeting_line and (match := _ITEM_PAGE_MEETING.match("Meeting: " + meeting_line)):
        meta.update(_item_page_metadata(root, match))
    else:
        meta.update(_meeting_page_metadata(root, labelled))
    return {key: value for key, value in meta.items() if value}


def _item_page_metadata(root: LexborNode, match: re.Match[str]) -> dict[str, str]:
    meta = {"body": match["body"].strip(), "item_number": match["item"].strip()}
    if iso := find_date(match["date"]):
        meta["date"] = iso
    title = root.css_first(".mgItemTitle") or root.css_first(".mgSubTitleTxt")
    if title is not None and (text := node_text(title)):
        meta["title"] = meta["item_title"] = text
    return meta


_BODY_WORDS = re.compile(
    r"\b(Committee|Sub-Committee|Board|Panel|Cabinet|Council|Commission|Forum|Executive)\b"
)


def _body_from_main_heading(root: LexborNode) -> str | None:
    """A generic page's <h1>, when it names a committee ("Audit Committee")."""
    heading = root.css_first("h1")
    text = node_text(heading) if heading is not None else ""
    return text if text and len(text) < 120 and _BODY_WORDS.search(text) else None


def _meeting_page_metadata(
    root: LexborNode, labelled: list[tuple[LexborNode, str]]
) -> dict[str, str]:
    meta: dict[str, str] = {}
    committee = date = None
    heading = _meeting_heading(root)
    if heading and " - " in heading:  # "Housing Scrutiny Panel - Monday, 3rd February, 2020"
        body, _, rest = heading.partition(" - ")
        committee, date = body.strip(), find_date(rest)
    committee = committee or _labelled_value(labelled, "Committee") or _body_from_main_heading(root)
    date = date or find_date(_labelled_value(labelled, "Date") or "")
    if committee:
        meta["body"] = committee
    if date:
        meta["date"] = date
    return meta


# --- references -------------------------------------------------------------------------


def _base_url(tree: LexborHTMLParser) -> str:
    for selector, attribute in (
        ("base[href]", "href"),
        ('link[rel="canonical"]', "href"),
        ('meta[property="og:url"]', "content"),
    ):
        node = tree.css_first(selector)
        if node is not None and (url := node.attributes.get(attribute)):
            return url
    return ""


def _supporting_document_links(root: LexborNode) -> Iterator[LexborNode]:
    """Links under a "Supporting documents" heading, and document links in agenda items."""
    visited: set[int] = set()  # siblings already read under an earlier heading
    for heading, text in _short_texts(root, "h2, h3, h4, p, div, span, strong, dt", 300):
        if re.match(
            r"(?i)(supporting|background) (documents|papers)\s*:?$", " ".join(text.split())
        ):
            sibling = heading.next
            while (
                sibling is not None
                and sibling.mem_id not in visited
                and not _is_section_heading(sibling)
            ):
                visited.add(sibling.mem_id)
                yield from sibling.css("a[href]") if sibling.is_element_node else ()
                sibling = sibling.next
    for table in root.css("table.mgItemTable, table.mgMainTable"):
        yield from table.css("a[href]")


def _is_section_heading(node: LexborNode) -> bool:
    if node.tag in ("h1", "h2", "h3", "h4"):
        return True
    return "mgSubItemTitleTxt" in (node.attributes.get("class") or "")


def _references(tree: LexborHTMLParser, root: LexborNode) -> list[str]:
    base = _base_url(tree)
    seen: dict[str, None] = {}
    for link in _supporting_document_links(root):
        href = (link.attributes.get("href") or "").strip()
        if href and _DOCUMENT_LINK.search(href):
            seen.setdefault(urljoin(base, href) if base else href, None)
    return list(seen)


# --- entry point ------------------------------------------------------------------------


def extract_html(html: str) -> Extraction:
    html, warnings = bound_markup(html)
    tree = LexborHTMLParser(html)
    root, chrome_allowed = _content_root(tree)
    metadata = _page_metadata(tree, root)
    references = _references(tree, root)
    _drop_item_table_header_rows(root)
    out = _Blocks()
    renderer = _Renderer(out, chrome_allowed=chrome_allowed)
    renderer.node(root)
    if renderer.flattened:
        warnings.append(
            f"HTML nested more than {MAX_RENDER_DEPTH} elements deep: what is deeper was "
            "read as plain paragraphs, without list numbers or table rows"
        )
    return Extraction(
        text=out.render(), metadata=metadata, references=references, warnings=warnings
    )
