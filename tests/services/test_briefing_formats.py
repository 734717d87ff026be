"""The pack's three forms: Markdown whose hostile text parses as text, HTML whose contents
links all land and which prints well, and a Word document with real headings and tables."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from io import BytesIO

import docx
import pytest
from markdown_it import MarkdownIt

from scrutiny_tui.safe_text import visible_controls
from scrutiny_tui.services import notes, tracker
from scrutiny_tui.services.briefing import BriefingScope, build_briefing, write_briefing
from scrutiny_tui.services.briefing_formats import PRINT_CSS, render_docx, render_html
from tests.ui.fixture_store import ItemSpec, MeetingSpec, add_meeting, build_store

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
MD = MarkdownIt("commonmark").enable("table")
CARE_ITEM = "/minutes/care-2016-06-29.txt#i0"
HOSTILE = (
    "# heading | cell | <script>alert(1)</script> [x](javascript:alert(1)) *emph* _emph_ "
    "`code` &lt;b&gt; &#60;i&#62; ~~gone~~ \x1b[2J\x1b]52;c;ZXZpbA==\x07 \\* 1. item"
)
SHOWN = " ".join(visible_controls(HOSTILE).split())  # what a reader must see, as typed


@pytest.fixture
def store(tmp_path):
    store = build_store(tmp_path / "store.db")
    add_meeting(
        store,
        MeetingSpec(
            path="/minutes/hostile.txt",
            body="H&W and ASC Scrutiny Board",
            date="2016-01-10",
            items=[
                ItemSpec(
                    HOSTILE,
                    f"{HOSTILE}. That officers report back.",
                    "7",
                    resolutions=[("a", "noted", HOSTILE)],
                    actions=[("That officers report back.", "2016-03-01", HOSTILE)],
                ),
                ItemSpec(HOSTILE, "A second item with the same title.", "7"),
            ],
        ),
    )
    notes.add_note(
        store, "item", CARE_ITEM, notes.NoteInput(HOSTILE, "question", "high", ("budget",))
    )
    tracker.update_tracking(
        store,
        f"{CARE_ITEM}#rec0",
        tracker.TrackingFields(lead=HOSTILE, action_taken="Funding review begun"),
    )
    yield store
    store.close()


def briefing(store):
    return build_briefing(store, BriefingScope(), today=TODAY, generated_at=NOW)


# ---- Markdown -------------------------------------------------------------------------


def test_hostile_text_adds_no_structure_to_the_markdown(store):
    markdown = briefing(store).markdown
    tokens = MD.parse(markdown)
    assert not [t for t in tokens if t.type in ("html_block", "code_block", "fence", "hr")]
    assert "\x1b" not in markdown and "\x07" not in markdown
    inlines = [child for t in tokens if t.type == "inline" for child in t.children or []]
    assert not [c for c in inlines if c.type in ("html_inline", "code_inline", "image", "s_open")]
    links = [c.attrGet("href") for c in inlines if c.type == "link_open"]
    assert links and all(str(href).startswith("#") for href in links)  # contents only
    # each place the text is put, it reads back exactly as typed
    placed = {
        "".join(c.content for c in t.children or [] if c.type == "text")
        for t in tokens
        if t.type == "inline"
    }
    assert SHOWN in placed  # table cells, the item heading, a resolution's own cell
    emphasised = [
        "".join(c.content for c in t.children[i + 1 : i + 2])
        for t in tokens
        if t.type == "inline"
        for i, c in enumerate(t.children or [])
        if c.type in ("em_open", "strong_open")
    ]
    assert all(HOSTILE[:10] not in e for e in emphasised)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert sum(1 for h in headings if "heading" in h) == 2  # the two items, nothing more


# ---- HTML -----------------------------------------------------------------------------


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        found = dict(attrs)
        if "id" in found:
            self.ids.append(found["id"])
        if tag == "a":
            self.hrefs.append(found.get("href") or "")


def test_every_contents_link_lands_on_a_heading_with_that_id(store):
    page = _Anchors()
    page.feed(render_html(briefing(store)))
    assert len(page.ids) == len(set(page.ids))  # unique, even for two items titled alike
    assert page.hrefs and all(href.startswith("#") for href in page.hrefs)
    assert {href[1:] for href in page.hrefs} <= set(page.ids)
    assert len(page.hrefs) == 4 + 4  # the sections, and each of the four items
    assert "script" not in page.tags


def test_the_html_prints_well():
    css = PRINT_CSS
    assert re.search(r"@page\s*\{[^}]*margin", css)
    assert re.search(r"thead\s*\{[^}]*display:\s*table-header-group", css)  # repeated headers
    assert re.search(r"tr[^{]*\{[^}]*break-inside:\s*avoid", css)  # no row cut in two
    for colour in re.findall(r"background(?:-color)?:\s*#([0-9a-fA-F]{3,6})", css):
        full = colour if len(colour) == 6 else "".join(ch * 2 for ch in colour)
        red, green, blue = (int(full[i : i + 2], 16) for i in (0, 2, 4))
        assert 0.2126 * red + 0.7152 * green + 0.0722 * blue > 200, colour  # light only


def test_the_html_gives_the_action_text_the_width(store):
    html = render_html(briefing(store))
    head = html.split('<table class="actions">', 1)[1].split("</tr>", 1)[0]
    widths = [int(w) for w in re.findall(r"width: (\d+)%", head)]
    assert widths[0] == max(widths) and sum(widths) == 100


# ---- Word -----------------------------------------------------------------------------


def test_the_word_copy_has_headings_tables_and_literal_text(store, tmp_path):
    pack = briefing(store)
    path = write_briefing(pack, tmp_path / "pack.md", force=False, html=False, docx=True)
    document = docx.Document(str(path.with_suffix(".docx")))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[0] == ("Heading 1", "Briefing pack: All committees")
    assert [h for h in headings if h[0] == "Heading 2"] == [
        ("Heading 2", "Contents"),
        ("Heading 2", "Outstanding and overdue actions"),
        ("Heading 2", "Recommendations"),
        ("Heading 2", "Resolutions"),
        ("Heading 2", "Agenda items"),
    ]
    assert ("Heading 3", f"2016-01-10 · H&W and ASC Scrutiny Board · 7 {SHOWN}") in headings
    # the contents: a list of links to bookmarks on the headings
    body = document.element.body
    anchors = [a for a in body.iter() if a.tag.endswith("}hyperlink")]
    marks = {
        b.get(docx.oxml.ns.qn("w:name")) for b in body.iter() if b.tag.endswith("bookmarkStart")
    }
    targets = [a.get(docx.oxml.ns.qn("w:anchor")) for a in anchors]
    assert len(targets) == 4 + 4 and set(targets) <= marks
    tables = document.tables
    header = [c.text for c in tables[1].rows[0].cells]
    assert header == ["Action", "Due", "State", "Due to", "Source"]
    first_row = tables[1].rows[0]._tr
    assert first_row.xpath("./w:trPr/w:tblHeader")  # repeated on each page
    cells = [c.text for table in tables for row in table.rows for c in row.cells]
    assert SHOWN in cells  # the hostile text as typed, controls shown as symbols
    assert "H&W and ASC Scrutiny Board, 2016-01-10, item 7" in cells
    assert "Funding review begun" in cells
    assert not any("\x1b" in c for c in cells)


def test_the_word_copy_is_a_zip_python_docx_reads(store):
    data = render_docx(briefing(store))
    assert data[:2] == b"PK"
    assert docx.Document(BytesIO(data)).core_properties.title == "Briefing pack: All committees"
