"""Notes (shown as concerns) through the app: add from an item, see it counted, edit,
resolve, delete, undo."""

from __future__ import annotations

from conftest import flat, screen_text, settle
from textual.widgets import TextArea

from scrutiny_tui.services.notes import list_notes
from scrutiny_tui.ui.dialogs.note_form import NoteForm
from scrutiny_tui.ui.screens.item import ItemScreen
from scrutiny_tui.ui.screens.notes import NotesScreen


async def open_care_item(pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")  # the first item: Care Services Portfolio Plan Priorities
    await settle(pilot)
    assert isinstance(pilot.app.screen, ItemScreen)


async def add_note(pilot, body: str, *, tags: str = "") -> None:
    await pilot.press("a")
    await settle(pilot)
    assert isinstance(pilot.app.screen, NoteForm)
    pilot.app.screen.query_one("#body", TextArea).insert(body)
    if tags:
        pilot.app.screen.query_one("#tags").value = tags
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_a_note_on_a_resolution_is_saved_and_listed(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_care_item(pilot)
        await pilot.press("down")  # resolution (b) highlighted in the Resolutions tab
        await add_note(pilot, "Ask when the [bold]paper[/] will come", tags="camhs, budget")
        (note,) = list_notes(fixture_store)
        assert note.target_kind == "resolution"
        assert note.quote.startswith("Recommend that the paper on mental health")
        assert note.tags == ("camhs", "budget")
        tab = app.screen.query_one("TabbedContent").get_tab("tab-notes")
        assert str(tab.label) == "Concerns 1"
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
        shown = flat(screen_text(pilot))
        assert "Ask when the [bold]paper[/] will come" in shown
        assert "1 note, 1 open" in shown


async def test_a_note_on_a_line_of_the_minutes_quotes_that_line(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_care_item(pilot)
        app.screen.query_one("#minutes").focus()
        await pilot.pause()
        await pilot.press("g", "j", "j", "j")  # title, report number, opening line, then this
        await add_note(pilot, "Waiting times for looked after children?")
        (note,) = list_notes(fixture_store)
        assert note.target_kind == "passage"
        assert note.quote == (
            "·  Members asked about CAMHS waiting times for looked after children."
        )


async def test_edit_resolve_delete_and_undo_from_the_notes_screen(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_care_item(pilot)
        await add_note(pilot, "First worry")
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        area = app.screen.query_one("#body", TextArea)
        area.clear()
        area.insert("Second thoughts")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Second thoughts" in screen_text(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert list_notes(fixture_store)[0].status == "resolved"
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert list_notes(fixture_store) == []
        assert "No concerns yet" in flat(screen_text(pilot))
        await pilot.press("u")
        await settle(pilot)
        (note,) = list_notes(fixture_store)
        assert note.body == "Second thoughts"


async def test_enter_on_a_note_opens_its_item_at_the_note(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_care_item(pilot)
        await add_note(pilot, "Check the portfolio plan")
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.query_one("TabbedContent").active == "tab-notes"


async def test_a_note_that_cannot_be_saved_explains_why(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_care_item(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("ctrl+s")  # an empty body
        await settle(pilot)
        assert isinstance(app.screen, NoteForm)
        assert list_notes(fixture_store) == []
