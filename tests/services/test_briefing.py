"""Briefing packs: structure checked through markdown-it-py's token stream, hostile text
kept literal, scope filters, and files written safely."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from scrutiny_tui.safe_text import visible_controls
from scrutiny_tui.services import notes, tracker
from scrutiny_tui.services.briefing import (
    BriefingError,
    BriefingScope,
    build_briefing,
    inline,
    render_html,
    resolve_pack_path,
    write_briefing,
)
from tests.ui.fixture_store import build_store

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
CARE_ITEM = "/minutes/care-2016-06-29.txt#i0"
HOSTILE_ITEM = "/minutes/[bold]budget.txt#i0"
HOSTILE_NOTE = "# heading\n| a | b |\n<script>alert(1)</script>\n[bold]x[/] 1. item"
MD = MarkdownIt("commonmark").enable("table")


def pack(store, **scope) -> str:
    return build_briefing(store, BriefingScope(**scope), today=TODAY, generated_at=NOW).markdown


def headings(markdown: str) -> list[tuple[str, str]]:
    """(tag, text as displayed) of every heading."""
    tokens = MD.parse(markdown)
    return [
        (tok.tag, "".join(c.content for c in tokens[i + 1].children or []))
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]


def tables(markdown: str) -> list[list[int]]:
    """For each table, the number of cells in each row."""
    found, cells = [], None
    for tok in MD.parse(markdown):
        if tok.type == "table_open":
            found.append([])
        elif tok.type == "tr_open":
            cells = 0
        elif tok.type in ("th_open", "td_open"):
            cells += 1
        elif tok.type == "tr_close":
            found[-1].append(cells)
    return found


def inline_text(markdown: str) -> str:
    parts = []
    for tok in MD.parse(markdown):
        if tok.type == "inline":
            parts.extend(child.content for child in tok.children or [] if child.type == "text")
    return " ".join(parts)


@pytest.fixture
def store(store_target):
    store = build_store(store_target)
    notes.add_note(
        store, "item", CARE_ITEM, notes.NoteInput("Ask about placements", "question", "high")
    )
    notes.add_note(
        store, "item", HOSTILE_ITEM, notes.NoteInput(HOSTILE_NOTE, "concern", "low", ("budget",))
    )
    tracker.set_status(store, f"{CARE_ITEM}#rec0", "Slipped")
    yield store
    store.close()


def test_the_pack_has_its_sections_in_order(store):
    markdown = pack(store)
    assert headings(markdown) == [
        ("h1", "Briefing pack: All committees"),
        ("h2", "Contents"),
        ("h2", "Outstanding and overdue actions"),
        ("h2", "Recommendations"),
        ("h2", "Resolutions"),
        ("h2", "Agenda items"),
        (
            "h3",
            "2016-06-29 · Care Services PDS Committee · 12 Care Services Portfolio Plan Priorities",
        ),
        ("h3", "Undated · Committee not stated · [bold]Budget[/] monitoring [@click=app.quit]"),
    ]


def test_tables_keep_their_columns_whatever_the_text(store):
    markdown = pack(store)
    title, actions, recommendations, resolutions = tables(markdown)
    assert set(title) == {2}
    assert set(actions) == {5} and len(actions) == 1 + 3  # header and three open actions
    # the numbered recommendation and the resolution recommending to the executive
    assert set(recommendations) == {6} and len(recommendations) == 1 + 2
    assert set(resolutions) == {3} and len(resolutions) == 1 + 3


def test_hostile_text_stays_text(store):
    markdown = pack(store)
    tokens = MD.parse(markdown)
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
    words = inline_text(markdown)
    assert "# heading | a | b | <script>alert(1)</script> [bold]x[/] 1. item" in words
    assert "[link=https://example.invalid]report back[/link]" in words
    assert "\x1b" not in markdown


def test_overdue_actions_and_tracking_status_are_shown(store):
    words = inline_text(pack(store))
    assert "Overdue" in words  # due 2016-01-10, long past on 2026-11-23
    assert "Slipped" in words and "Not tracked" in words


def test_concerns_are_grouped_by_priority_and_questions_listed(store):
    markdown = pack(store, committee="Care Services")
    assert "- High priority\n  - Ask about placements *(question, open)*" in markdown
    assert "**Questions to ask**\n\n1. Ask about placements" in markdown
    assert "Low priority" not in markdown  # the hostile note sits on the other meeting


def test_scope_filters(store):
    assert (
        build_briefing(
            store, BriefingScope(committee="care"), today=TODAY, generated_at=NOW
        ).item_count
        == 1
    )
    assert (
        build_briefing(
            store, BriefingScope(since="2017-01-01"), today=TODAY, generated_at=NOW
        ).item_count
        == 0
    )
    by_tag = build_briefing(store, BriefingScope(tags=("budget",)), today=TODAY, generated_at=NOW)
    assert by_tag.item_count == 1 and "\\[bold]Budget" in by_tag.markdown
    assert (
        build_briefing(
            store, BriefingScope(search="CAMHS"), today=TODAY, generated_at=NOW
        ).item_count
        == 1
    )
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        BriefingScope(since="last week")


def test_files_are_private_and_never_silently_replaced(store, tmp_path):
    briefing = build_briefing(store, BriefingScope(), today=TODAY, generated_at=NOW)
    path = tmp_path / "packs" / "pack.md"
    assert write_briefing(briefing, path, force=False, html=True) == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.with_suffix(".html").stat().st_mode) == 0o600
    with pytest.raises(BriefingError, match="already exists"):
        write_briefing(briefing, path, force=False, html=False)
    path.write_text("old", encoding="utf-8")
    write_briefing(briefing, path, force=True, html=False)
    assert path.read_text(encoding="utf-8") == briefing.markdown
    with pytest.raises(BriefingError, match="is a folder"):
        write_briefing(briefing, tmp_path, force=True, html=False)


def test_a_read_only_folder_is_reported(store, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    briefing = build_briefing(store, BriefingScope(), today=TODAY, generated_at=NOW)
    try:
        if not __import__("os").access(folder, __import__("os").W_OK):
            with pytest.raises(BriefingError, match="permission denied"):
                write_briefing(briefing, folder / "pack.md", force=False, html=False)
    finally:
        folder.chmod(0o700)


def test_a_relative_path_may_not_leave_the_export_folder(tmp_path):
    base = tmp_path / "exports"
    assert resolve_pack_path(None, base, base / "d.md") == base / "d.md"
    assert (
        resolve_pack_path(__import__("pathlib").Path("x/p.md"), base, base / "d.md")
        == (base / "x" / "p.md").resolve()
    )
    with pytest.raises(BriefingError, match="outside the export folder"):
        resolve_pack_path(__import__("pathlib").Path("../../etc/p.md"), base, base / "d.md")


def test_html_shows_raw_html_as_text(store):
    html = render_html(build_briefing(store, BriefingScope(), today=TODAY, generated_at=NOW))
    assert '<table class="actions">' in html and "@page" in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_ordinary_text_reads_as_typed_in_the_markdown():
    """Only what CommonMark would misread is escaped: dates, ampersands, file names with
    underscores, a star between spaces and a lone tilde appear exactly as typed."""
    for typed in (
        "2016-01-10",
        "H&W and ASC Scrutiny Board",
        "000_00512cc2ceee9e37.txt",
        "see 3.5.7 of the report",
        "2 * 3 = 6",
        "about ~40 children",
        "Children's Services (CAMHS) - update",
        "Q&A: the #1 priority",
        "a < b > c",
    ):
        assert inline(typed) == typed, typed
        assert inline_text(f"- {inline(typed)}\n") == typed


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("# heading", "\\# heading"),
        ("> quoted", "\\> quoted"),
        ("- item", "\\- item"),
        ("12. item", "12\\. item"),
        ("---", "\\---"),
        ("==", "\\=="),
        ("a | b", "a \\| b"),
        ("<script>x</script>", "\\<script>x\\</script>"),
        ("[x](javascript:alert(1))", "\\[x](javascript:alert(1))"),
        ("*emph* and _emph_", "\\*emph\\* and \\_emph\\_"),
        ("`code`", "\\`code\\`"),
        ("&lt;b&gt;", "\\&lt;b\\&gt;"),
        ("~~struck~~", "\\~\\~struck\\~\\~"),
        ("ends in \\", "ends in \\\\"),
    ],
)
def test_what_commonmark_would_misread_is_escaped(typed, escaped):
    assert inline(typed) == escaped
    assert inline_text(f"{inline(typed)}\n") == typed


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=200),
        st.text(alphabet=st.sampled_from("#>-+*_`[]()!<>|&\\.=~:1234 \n\tab\x1b"), max_size=60),
    )
)
def test_any_text_comes_back_exactly_as_one_list_item(value):
    expected = " ".join(visible_controls(value).split())
    tokens = MD.parse(f"- {inline(value)}\n")
    kinds = [t.type for t in tokens]
    if not expected:
        assert "paragraph_open" not in kinds
        return
    assert kinds == [
        "bullet_list_open",
        "list_item_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "list_item_close",
        "bullet_list_close",
    ]
    children = tokens[3].children or []
    assert {c.type for c in children} <= {"text", "softbreak"}
    assert "".join(c.content for c in children) == expected


def test_a_pack_of_the_seed_minutes(store_target, seed_paths):
    from scrutiny_tui.services.ingest import ingest_paths
    from scrutiny_tui.store.db import open_store

    store = open_store(store_target)
    ingest_paths(store, seed_paths)
    markdown = pack(store)
    store.close()
    found = headings(markdown)
    assert [h for h in found if h[0] != "h3"] == [
        ("h1", "Briefing pack: All committees"),
        ("h2", "Contents"),
        ("h2", "Outstanding and overdue actions"),
        ("h2", "Recommendations"),
        ("h2", "Resolutions"),
        ("h2", "Agenda items"),
    ]
    items = [text for tag, text in found if tag == "h3"]
    assert len(items) == len(seed_paths)
    # the seed says "The Cabinet considered …": the parser names the body from that
    assert "Undated · Cabinet · 4 Children's Social Care Update" in items
    title, actions, recommendations, resolutions = tables(markdown)
    assert set(title) == {2}
    assert set(actions) == {5} and len(actions) > 5
    recommended = markdown.count("*recommended*")  # resolutions recommending to the executive
    assert set(recommendations) == {6} and len(recommendations) == 1 + 2 + recommended
    assert set(resolutions) == {3} and len(resolutions) == 1 + 11 - recommended
    words = inline_text(markdown)
    assert "2016-01-10" in words and "Overdue" in words
