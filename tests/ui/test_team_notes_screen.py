"""Notes on a team store through the app (a real PostgreSQL server the tests start): the
form offers private or shared, the lists say whose each team note is, another member's note
is refused with whose it is, and a note saved as the connection drops is kept and saved
when Concerns is opened."""

from __future__ import annotations

from conftest import flat, screen_text, settle
from fixture_store import build_store
from textual.widgets import Select, TextArea

from scrutiny_tui.locations import data_dir
from scrutiny_tui.services import notes
from scrutiny_tui.services.notes import NoteInput
from scrutiny_tui.ui.dialogs.note_form import NoteForm
from scrutiny_tui.ui.screens.item import ItemScreen
from scrutiny_tui.ui.screens.notes import NotesScreen
from tests.team import Team

CARE_ITEM = "/minutes/care-2016-06-29.txt#i0"
REFUSED = "this is alice's note: only alice can change it"


async def open_care_item(pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ItemScreen)


async def type_note(pilot, body: str) -> None:
    await pilot.press("a")
    await settle(pilot)
    assert isinstance(pilot.app.screen, NoteForm)
    pilot.app.screen.query_one("#body", TextArea).insert(body)


async def test_the_form_offers_private_or_shared_and_private_is_the_default(pg_server, make_app):
    team = Team(pg_server, officers=(), build=build_store)
    try:
        alice = team.member("alice")
        app = make_app(alice)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await open_care_item(pilot)
            await type_note(pilot, "Only mine")
            shown = flat(screen_text(pilot))
            assert "Who can read it" in shown and "Private (only you)" in shown
            await pilot.press("ctrl+s")
            await settle(pilot)
            await type_note(pilot, "For everyone")
            app.screen.query_one("#visibility", Select).value = "team"
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("n")
            await settle(pilot)
            shown = flat(screen_text(pilot))
            assert "concern · open · shared with the team" in shown
            # Editing keeps the choice, or changes it.
            shared = next(n for n in notes.list_notes(alice) if n.body == "For everyone")
            app.screen.query_one("#notes").highlighted = [n.uuid for n in app.screen.notes].index(
                shared.uuid
            ) * 2
            await pilot.press("e")
            await settle(pilot)
            assert app.screen.query_one("#visibility", Select).value == "team"
            app.screen.query_one("#visibility", Select).value = "private"
            await pilot.press("ctrl+s")
            await settle(pilot)
        assert {n.body: n.visibility for n in notes.list_notes(alice)} == {
            "Only mine": "private",
            "For everyone": "private",
        }
    finally:
        team.close()


async def test_a_single_member_store_does_not_offer_the_choice(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_care_item(pilot)
        await type_note(pilot, "Alone")
        assert "Who can read it" not in flat(screen_text(pilot))


async def test_another_members_note_shows_its_author_and_cannot_be_changed(pg_server, make_app):
    team = Team(pg_server, officers=(), build=build_store)
    try:
        alice, bob = team.member("alice"), team.member("bob")
        theirs = notes.add_note(
            alice,
            "item",
            CARE_ITEM,
            NoteInput("Alice asks about [bold]CAMHS[/]", visibility="team"),
        )
        app = make_app(bob)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await open_care_item(pilot)
            await pilot.press("]", "]", "]")  # to the Concerns tab
            await settle(pilot)
            shown = flat(screen_text(pilot))
            assert "concern · open · by alice" in shown
            assert "Alice asks about [bold]CAMHS[/]" in shown
            await pilot.press("n")
            await settle(pilot)
            assert isinstance(app.screen, NotesScreen)
            assert "concern · open · by alice" in flat(screen_text(pilot))
            for key in ("e", "x", "d"):
                await pilot.press(key)
                await settle(pilot)
                assert isinstance(app.screen, NotesScreen)  # no form, no question asked
                assert REFUSED in flat(screen_text(pilot))
                app.clear_notifications()
        after = notes.get_note(alice, theirs.uuid)
        assert (after.body, after.status) == ("Alice asks about [bold]CAMHS[/]", "open")
    finally:
        team.close()


async def test_a_note_saved_as_the_connection_drops_is_kept_then_saved(pg_server, make_app):
    team = Team(pg_server, officers=(), build=build_store)
    try:
        alice = team.member("alice")
        app = make_app(alice)
        async with app.run_test(size=(120, 34), notifications=True) as pilot:
            await open_care_item(pilot)
            await type_note(pilot, "Typed as the line went")
            team.drop("alice")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, NoteForm)  # back, with the words and where they are
            assert app.screen.query_one("#body", TextArea).text == "Typed as the line went"
            shown = flat(screen_text(pilot))
            assert "Not saved: lost the connection to the team database at" in shown
            assert "Your note is kept in" in shown and "will be saved when the store" in shown
            (kept,) = (data_dir() / "unsaved-notes").glob("note-*.json")
            await pilot.press("escape")  # the member gives up on the form: the note is kept
            await settle(pilot)
            team.back("alice")
            with team.admin.read() as conn:  # nothing half-written (the admin reads all)
                assert conn.execute("SELECT count(*) FROM annotation").fetchone()[0] == 0
            await pilot.press("n")
            await settle(pilot)
            shown = flat(screen_text(pilot))
            assert "Typed as the line went" in shown
            assert "Saved 1 note kept while the store could not take them" in shown
        with team.admin.read() as conn:
            rows = conn.execute("SELECT body, owner FROM annotation").fetchall()
        assert rows == [("Typed as the line went", "alice")]
        assert not kept.exists()
    finally:
        team.close()


async def test_the_choice_can_be_reached_on_a_small_terminal(pg_server, make_app):
    team = Team(pg_server, officers=(), build=build_store)
    try:
        app = make_app(team.member("alice"))
        async with app.run_test(size=(80, 24)) as pilot:
            await open_care_item(pilot)
            await type_note(pilot, "From a small screen")
            while app.focused is not None and app.focused.id != "visibility":
                await pilot.press("tab")
            await pilot.pause()
            shown = flat(screen_text(pilot))
            assert "Who can read it Private (only you)" in shown
            assert "Save (ctrl+s)" in shown
    finally:
        team.close()
