"""The keys a member needs: the footer (whole keys, at 80 and 160 columns), help (`?`)
generated from the bindings, the command palette in a councillor's words, and every key
the README's table promises reachable in the footer or in help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import screen_text, settle
from textual.widgets import Footer, Input, Static
from textual.widgets._footer import FooterKey

from scrutiny_tui.ui.dialogs.help import HelpScreen, help_rows
from scrutiny_tui.ui.screens.actions import ActionsScreen
from scrutiny_tui.ui.screens.recommendations import RecommendationsScreen
from scrutiny_tui.ui.screens.search import SearchScreen

README = Path(__file__).parents[2] / "README.md"

# Where each area is, as the app's own actions reach it.
AREAS = {
    "meetings": "open('meetings')",
    "resolutions": "open('resolutions')",
    "recommendations": "open('recommendations')",
    "actions": "open('actions')",
    "concerns": "open('notes')",
    "briefing": "open('briefing')",
    "sources": "open('sources')",
    "search": "open('search')",
    "import": "open('import')",
    "attention": "open('attention')",
    "topics": "open('topics')",
    "people": "open('people')",
}


async def visit(pilot, area: str) -> None:
    app = pilot.app
    while len(app.screen_stack) > 1 and app.screen.is_modal:
        app.pop_screen()
        await pilot.pause()
    if area == "item":
        await app.run_action("open('meetings')")
        await settle(pilot)
        app.open_item(1)
    else:
        await app.run_action(AREAS[area])
    await settle(pilot)


def footer_keys(app) -> tuple[list[FooterKey], FooterKey | None]:
    footer = app.screen.query_one(Footer)
    keys = list(footer.query(FooterKey))
    palette = next((k for k in keys if k.has_class("-command-palette")), None)
    return [k for k in keys if k is not palette], palette


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_footer_keys_are_whole_at_80_and_160_columns(fixture_store, make_app, size):
    app = make_app(fixture_store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for area in ["meetings", "item", "resolutions", "recommendations", "actions", "concerns"]:
            await visit(pilot, area)
            keys, palette = footer_keys(app)
            assert keys, area
            assert palette is not None, area
            for key in keys:
                assert key.region.right <= palette.region.x, (area, key.description)
                assert key.region.width >= len(key.key_display) + len(key.description), area


async def test_tracker_footers_show_the_keys_that_matter(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await visit(pilot, "recommendations")
        shown = [k.description for k in footer_keys(app)[0]]
        assert shown[:6] == ["Open", "Filter", "Sort", "Status", "Edit", "Show"]
        assert "Help" in shown and "Meetings" not in shown
        await visit(pilot, "actions")
        shown = [k.description for k in footer_keys(app)[0]]
        assert {"Open", "Filter", "Sort", "Done", "Show", "Help"} <= set(shown)
        footer_line = screen_text(pilot).splitlines()[-1]
        assert footer_line.rstrip().endswith("Commands")


# ---- help ---------------------------------------------------------------------------


async def test_help_lists_screen_keys_then_app_keys_once(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows
        groups = [row.group for row in rows]
        assert groups == sorted(groups, key=["This screen", "Moving around", "Everywhere"].index)
        does = [row.does for row in rows]
        assert does.count("Quit") == 1
        quit_row = next(row for row in rows if row.does == "Quit")
        assert quit_row.group == "Everywhere" and {"q", "ctrl+q"} <= set(quit_row.keys)
        for generic in ("Cursor left", "Cursor right", "Page Left", "Focus Next", "Copy", "Home"):
            assert not any(generic.lower() == d.lower() for d in does), generic
        this_screen = {row.does for row in rows if row.group == "This screen"}
        assert {"Done", "Show", "Filter", "Sort", "Reverse", "Clear filter"} <= this_screen
        moving = {row.does: row.keys for row in rows if row.group == "Moving around"}
        assert {"up", "down", "j", "k"} <= set(moving["Move up / down"])
        assert {"g", "G"} <= set(moving["First / last"])
        shown = screen_text(pilot)
        for phrase in ("Keys: Actions", "This screen", "Moving around", "Everywhere"):
            assert phrase in shown
        assert "the datatable" not in shown


async def test_help_keys_are_unique_per_row(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for area in ["meetings", "item", "recommendations", "concerns"]:
            await visit(pilot, area)
            rows = help_rows(app, app.screen)
            keys = [key for row in rows for key in row.keys]
            assert len(keys) == len(set(keys)), area


# ---- the README's promise ------------------------------------------------------------

_TOKENS = {
    "↑": "up",
    "↓": "down",
    "/": "slash",
    "?": "question_mark",
    "[": "left_square_bracket",
    "]": "right_square_bracket",
    "←": "left",
    "→": "right",
}


def readme_keys() -> dict[str, set[str]]:
    """Each place of the README's key table and the keys promised there."""
    text = README.read_text("utf-8")
    table = text.split("### Keys", 1)[1].split("\n## ", 1)[0]
    places: dict[str, set[str]] = {}
    where = ""
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or (set(cells[0]) <= {"-"} and cells[0]) or cells[0] == "where":
            continue
        where = cells[0] or where
        keys = {_TOKENS.get(k, k) for k in re.findall(r"`([^`]+)`", cells[1])}
        places.setdefault(where, set()).update(keys)
    return places


async def keys_reachable(pilot) -> set[str]:
    app = pilot.app
    footer = {k.key for k in footer_keys(app)[0]} if app.screen.query(Footer) else set()
    return footer | {key for row in help_rows(app, app.screen) for key in row.keys}


async def test_every_key_the_readme_promises_is_in_the_footer_or_help(fixture_store, make_app):
    promised = readme_keys()
    assert {"everywhere", "Trackers", "Recommendations", "Actions"} <= set(promised)
    places = {
        "everywhere": ["meetings"],
        "lists and trees": ["meetings"],
        "Meetings": ["meetings"],
        "Agenda item": ["item"],
        "Trackers": ["resolutions", "recommendations", "actions"],
        "Recommendations": ["recommendations"],
        "Actions": ["actions"],
        "Concerns": ["concerns"],
        "Briefing": ["briefing"],
        "Search": ["search"],
        "Sources": ["sources"],
        "Attention": ["attention"],
        "Topics": ["topics"],
        "People": ["people"],
    }
    app = make_app(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for where, keys in promised.items():
            if where == "Forms":
                await visit(pilot, "recommendations")
                await pilot.press("e")
                await settle(pilot)
                assert keys <= await keys_reachable(pilot), where
                continue
            for area in places[where]:
                await visit(pilot, area)
                found = await keys_reachable(pilot)
                for _ in range(5):  # some keys work only in one tab of the item
                    if keys <= found or area != "item":
                        break
                    await pilot.press("right_square_bracket")
                    await settle(pilot)
                    found |= await keys_reachable(pilot)
                assert keys <= found, (where, area, keys - found)


# ---- the palette ---------------------------------------------------------------------


async def test_palette_finds_overdue_actions(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"overdue")
        await settle(pilot)
        assert "Overdue actions" in screen_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ActionsScreen)
        assert "overdue actions" in screen_text(pilot)
        assert [row.due for row in app.screen.rows.values()] == ["2016-01-10", "2017-04"]
        assert all(row.overdue for row in app.screen.rows.values())


@pytest.mark.parametrize(
    ("typed", "title", "lands_on"),
    [
        ("awaiting", "Recommendations awaiting response", RecommendationsScreen),
        ("briefing pack", "Briefing pack", "briefing"),
        ("search minutes", "Search minutes", SearchScreen),
        ("import", "Import minutes", "import"),
        ("concerns", "Concerns", "notes"),
        ("sync", "Council websites", "sources"),
        ("quit", "Quit", None),
    ],
)
async def test_palette_speaks_a_councillors_words(fixture_store, make_app, typed, title, lands_on):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *typed)
        await settle(pilot)
        assert title in screen_text(pilot), typed
        if lands_on is None:
            return
        await pilot.press("enter")
        await settle(pilot)
        if isinstance(lands_on, str):
            here = (app.current_mode, type(app.screen).__name__.lower())
            assert lands_on == here[0] or here[1].startswith(lands_on), typed
        else:
            assert isinstance(app.screen, lands_on)
        if lands_on is RecommendationsScreen:
            assert "awaiting response" in screen_text(pilot)


async def test_palette_offers_screen_keys_hidden_from_the_footer(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("ctrl+p", *"reverse")
        await settle(pilot)
        assert "Reverse" in screen_text(pilot)


# ---- placeholder contrast ------------------------------------------------------------


def _channel(value: int) -> float:
    v = value / 255
    return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = (_channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg, bg) -> float:
    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def style_contrast(style) -> float:
    return contrast(style.color.get_truecolor(), style.bgcolor.get_truecolor())


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_placeholder_text_contrast_is_at_least_4_5_to_1(fixture_store, make_app, theme):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.theme = theme
        await pilot.press("t")
        await settle(pilot)
        box = app.screen.query_one("#filter", Input)
        assert box.value == "" and box.placeholder
        for focused in (False, True):
            if focused:
                box.focus()
                await pilot.pause()
            placeholder = box.get_component_rich_style("input--placeholder")
            background = box.rich_style.bgcolor
            fg = placeholder.color.get_truecolor()
            bg = (placeholder.bgcolor or background).get_truecolor()
            assert contrast(fg, bg) >= 4.5, (theme, focused, contrast(fg, bg))
        note = Static("(no minutes text)", classes="placeholder")
        await app.screen.mount(note)
        await pilot.pause()
        assert style_contrast(note.rich_style) >= 4.5, (theme, style_contrast(note.rich_style))
