"""The agenda item screen never traps or loses the reader's place: tabs with a row always
highlighted, the minutes cursor moving from where the pane was scrolled, the same tab and
row after a note is saved, overdue actions marked, tab labels that fit, minutes reflowed."""

from __future__ import annotations

from conftest import TODAY, flat, screen_text, settle
from fixture_store import ItemSpec, MeetingSpec, build_store
from textual.widgets import OptionList, Select, TabbedContent, TextArea

from scrutiny_tui.services import tracker
from scrutiny_tui.services.browse import Passage
from scrutiny_tui.services.notes import list_notes
from scrutiny_tui.ui.dialogs.note_form import NoteForm
from scrutiny_tui.ui.labels import lateness
from scrutiny_tui.ui.screens.item import (
    ItemScreen,
    overdue_text,
    passage_prompt,
    tab_labels,
)
from scrutiny_tui.ui.widgets.minutes import MinutesPane, Paragraph

CARE = "/minutes/care-2016-06-29.txt#i0"
WIDE = (160, 48)


async def open_first_item(pilot, size_note: str = "") -> ItemScreen:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ItemScreen), size_note
    return screen


def active(screen: ItemScreen) -> str:
    return screen.query_one(TabbedContent).active


def highlighted_id(screen: ItemScreen, tab: str) -> str | None:
    options = screen.query_one(f"#list-{tab}", OptionList)
    if options.highlighted is None:
        return None
    return options.get_option_at_index(options.highlighted).id


# ---- 1. tabs: a row highlighted, x and a act on it, the active tab marked ---------------


async def test_next_tab_highlights_a_row_so_x_marks_that_action_done(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(notifications=True, size=WIDE) as pilot:
        screen = await open_first_item(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert active(screen) == "tab-actions"
        assert isinstance(app.focused, OptionList) and app.focused.id == "list-actions"
        assert highlighted_id(screen, "actions") == f"{CARE}#act0"
        await pilot.press("x")  # no arrow key first
        await settle(pilot)
        assert tracker.action_done(fixture_store, f"{CARE}#act0")
        assert "Marked done." in flat(screen_text(pilot))
        assert "✓ done" in screen_text(pilot)


async def test_a_after_switching_tabs_notes_the_highlighted_action(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(notifications=True, size=WIDE) as pilot:
        await open_first_item(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "a")
        await settle(pilot)
        assert isinstance(app.screen, NoteForm)
        assert "On this action: a report on missing children" in flat(screen_text(pilot))


async def test_x_where_no_action_is_highlighted_says_why(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(notifications=True, size=WIDE) as pilot:
        await open_first_item(pilot)
        await pilot.press("x")  # on the Resolutions tab
        await settle(pilot)
        assert "x marks an action done: it works on the Actions tab" in flat(screen_text(pilot))
        assert not tracker.action_done(fixture_store, f"{CARE}#act0")


async def test_tabs_pressed_in_quick_succession_all_count(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(notifications=True, size=WIDE) as pilot:
        screen = await open_first_item(pilot)
        # one key after another without waiting for the focus of each tab to settle
        for key in ["right_square_bracket"] * 4 + ["left_square_bracket"] * 2:
            await app.screen.run_action("tab(1)" if key == "right_square_bracket" else "tab(-1)")
        await settle(pilot)
        assert active(screen) == "tab-actions"
        assert app.focused is not None and app.focused.id == "list-actions"


async def test_the_active_tab_is_marked_in_words_not_colour_alone(
    fixture_store, make_app, monkeypatch
):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(fixture_store)
    async with app.run_test(notifications=True, size=WIDE) as pilot:
        await open_first_item(pilot)
        assert app.no_color
        strip = next(line for line in screen_text(pilot).splitlines() if "Attendees" in line)
        assert "▸Resolutions 3" in strip
        assert strip.count("▸") == 1
        await pilot.press("right_square_bracket")
        await settle(pilot)
        strip = next(line for line in screen_text(pilot).splitlines() if "Attendees" in line)
        assert "▸Recommendations 1" in strip and "▸Resolutions" not in strip


# ---- 2. j and k in the minutes move from where the pane was scrolled --------------------


def long_item() -> MeetingSpec:
    paragraphs = [
        f"Paragraph {n}: the committee discussed matter number {n} at some length."
        for n in range(60)
    ]
    return MeetingSpec(
        path="/minutes/long.txt",
        items=[
            ItemSpec(
                title="A long discussion",
                text="\n\n".join(paragraphs),
                resolutions=[(None, "noted", paragraphs[2])],
            )
        ],
        council="Testshire",
        body="Scrutiny",
        date="2025-01-01",
    )


def shown_start(paragraph: str) -> str:
    """How a paragraph of the long item starts on screen ("Paragraph 18:")."""
    return paragraph.split(":")[0] + ":"


async def test_j_in_the_minutes_moves_from_where_the_pane_was_scrolled(tmp_path, make_app):
    store = build_store(tmp_path / "long.db", [long_item()])
    app = make_app(store)
    async with app.run_test(notifications=True, size=(100, 30)) as pilot:
        screen = await open_first_item(pilot)
        pane = screen.query_one(MinutesPane)
        pane.focus()
        await pilot.pause()
        await pilot.press("pagedown", "pagedown")
        await settle(pilot)
        scrolled = pane.scroll_y
        assert scrolled > 10
        await pilot.press("j")
        await settle(pilot)
        assert pane.scroll_y >= scrolled - 1  # not back at the top
        line = pane.current()
        assert line is not None and line.start > 0
        cursor = pane.mounted(line.start)
        assert cursor is not None and cursor.has_class("-cursor")
        assert shown_start(line.text) in screen_text(pilot)  # on screen, where the reader was
        await pilot.press("j")
        await settle(pilot)
        following = pane.current()
        assert following is not None and following.start > line.start
    store.close()


async def test_k_after_scrolling_starts_from_the_bottom_line_shown(tmp_path, make_app):
    store = build_store(tmp_path / "long.db", [long_item()])
    app = make_app(store)
    async with app.run_test(notifications=True, size=(100, 30)) as pilot:
        screen = await open_first_item(pilot)
        pane = screen.query_one(MinutesPane)
        pane.focus()
        await pilot.pause()
        await pilot.press("pagedown", "pagedown", "k")
        await settle(pilot)
        line = pane.current()
        assert line is not None
        shown = [
            p.text for p in screen.query(Paragraph) if shown_start(p.text) in screen_text(pilot)
        ]
        assert line.text == shown[-1]
    store.close()


# ---- 3 and 4. saving a note keeps the tab and row, and names the kind saved -------------


async def add_note(pilot, body: str, kind: str | None = None) -> None:
    await pilot.press("a")
    await settle(pilot)
    assert isinstance(pilot.app.screen, NoteForm)
    pilot.app.screen.query_one("#body", TextArea).insert(body)
    if kind is not None:
        pilot.app.screen.query_one("#kind", Select).value = kind
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_saving_a_note_keeps_the_same_tab_and_row(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(notifications=True, size=WIDE) as pilot:
        screen = await open_first_item(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "down")
        await settle(pilot)
        assert highlighted_id(screen, "actions") == f"{CARE}#act1"
        await add_note(pilot, "When is the legislation report due?")
        assert app.screen is screen
        (note,) = list_notes(fixture_store)
        assert note.target_uid == f"{CARE}#act1"
        assert active(screen) == "tab-actions"
        assert highlighted_id(screen, "actions") == f"{CARE}#act1"
        assert app.focused is not None and app.focused.id == "list-actions"
        assert "Concerns 1" in screen_text(pilot)


async def test_saving_a_note_on_a_minutes_line_keeps_the_minutes_where_they_were(
    tmp_path, make_app
):
    store = build_store(tmp_path / "long.db", [long_item()])
    app = make_app(store)
    async with app.run_test(notifications=True, size=(100, 30)) as pilot:
        screen = await open_first_item(pilot)
        pane = screen.query_one(MinutesPane)
        pane.focus()
        await pilot.pause()
        await pilot.press("pagedown", "pagedown", "j", "j")
        await settle(pilot)
        line, scrolled = pane.current(), pane.scroll_y
        assert line is not None
        await add_note(pilot, "Why so long?")
        assert list_notes(store)[0].quote == line.text
        assert isinstance(app.focused, MinutesPane)
        assert pane.current() == line
        assert abs(pane.scroll_y - scrolled) <= 1
    store.close()


async def test_the_message_names_the_kind_of_note_saved(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(notifications=True, size=WIDE) as pilot:
        await open_first_item(pilot)
        await add_note(pilot, "Come back to this in March", kind="follow-up")
        shown = flat(screen_text(pilot))
        assert "Follow-up noted." in shown
        assert "Concern noted" not in shown
        assert list_notes(fixture_store)[0].kind == "follow-up"


# ---- 7. overdue actions marked as the Actions tracker marks them -------------------------


def action_prompts(app) -> list[str]:
    options = app.screen.query_one("#list-actions", OptionList)
    return [option.prompt.plain for option in options.options]


def action(due: str | None, done: bool = False) -> Passage:
    return Passage("u", "action", None, "A report", 0, 8, due, done)


def test_overdue_mark_follows_the_trackers_rule_and_says_how_late():
    assert overdue_text(action("2026-01-14"), TODAY).plain == "! OVERDUE, 1 day late"
    assert overdue_text(action("2025-12-01"), TODAY).plain == "! OVERDUE, 45 days late"
    assert overdue_text(action("2016-01-10"), TODAY).plain == "! OVERDUE, 10 years late"
    assert overdue_text(action("2025-11"), TODAY).plain == "! OVERDUE, 46 days late"
    for due, done in [("2026-01-15", False), ("2016-01-10", True), (None, False), ("soon", False)]:
        assert overdue_text(action(due, done), TODAY) is None
        assert not tracker.is_overdue(due, done, TODAY)
    assert lateness(400) == "13 months late"
    assert "✓ done" in passage_prompt(action("2016-01-10", done=True), TODAY).plain


async def test_the_items_actions_tab_marks_overdue_actions_like_the_tracker(
    fixture_store, make_app
):
    app = make_app(fixture_store)
    async with app.run_test(notifications=True, size=WIDE) as pilot:
        await open_first_item(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert action_prompts(app) == [
            "a report on missing children be provided to the meeting of the Care Services PDS"
            " Committee on 10th January 2016  due 2016-01-10 · to Care Services PDS Committee"
            "  ! OVERDUE, 10 years late",
            "A report on new legislation be provided in April 2017  due 2017-04"
            "  ! OVERDUE, 8 years late",
        ]
        assert "! OVERDUE, 10 years late" in flat(screen_text(pilot)).replace("\n", " ")
        await pilot.press("x")  # done: no longer overdue
        await settle(pilot)
        first = action_prompts(app)[0]
        assert first.endswith("  ✓ done") and "OVERDUE" not in first
        await pilot.press("t")  # the tracker agrees
        await settle(pilot)
        assert screen_text(pilot).count("! OVERDUE") == 1


# ---- 8. tab labels fit the strip ----------------------------------------------------------


COUNTS = {"resolutions": 3, "recommendations": 1, "actions": 2, "notes": 0, "attendees": 1}


def test_tab_labels_are_in_full_when_they_fit_and_shortened_when_not():
    full = tab_labels(COUNTS, "resolutions", 80)
    assert list(full.values()) == [
        "▸Resolutions 3",
        "Recommendations 1",
        "Actions 2",
        "Concerns 0",
        "Attendees 1",
    ]
    narrow = tab_labels(COUNTS, "notes", 40)
    assert list(narrow.values()) == ["Res 3", "Recs 1", "Acts 2", "▸Conc 0", "Att 1"]
    assert sum(len(label) + 2 for label in narrow.values()) <= 40
    somewhat = tab_labels(COUNTS, "resolutions", 60)
    assert somewhat["resolutions"] == "▸Resolutions 3"
    assert somewhat["recommendations"] == "Recs 1"


async def test_every_tab_label_shows_in_full_at_160_columns(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(notifications=True, size=WIDE) as pilot:
        await open_first_item(pilot)
        strip = next(line for line in screen_text(pilot).splitlines() if "Attendees" in line)
        for label in (
            "Resolutions 3",
            "Recommendations 1",
            "Actions 2",
            "Concerns 0",
            "Attendees 1",
        ):
            assert label in strip


async def test_at_80_columns_every_tab_is_shown_and_reachable(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(notifications=True, size=(80, 24)) as pilot:
        screen = await open_first_item(pilot)
        strip = next(line for line in screen_text(pilot).splitlines() if "Att 1" in line)
        for label in ("Res 3", "Recs 1", "Acts 2", "Conc 0", "Att 1"):
            assert label in strip
        seen = []
        for _ in range(5):
            await pilot.press("right_square_bracket")
            await settle(pilot)
            seen.append(active(screen))
        assert sorted(seen) == sorted(f"tab-{t}" for t in COUNTS)
        await pilot.resize_terminal(160, 48)
        await pilot.pause(0.2)
        await settle(pilot)
        assert "Recommendations 1" in screen_text(pilot)


# ---- 9. minutes broken by the file's own line breaks are reflowed -----------------------

HARD_WRAPPED = """The Board considered the call-in of the decision of the Cabinet Member for
Adult Social Care to close the Elmtree Day Centre from 1 November 2017. The
call-in had been requested by five non-Executive Members on the grounds that
carers had not been consulted on the alternative day opportunities.

The Board resolved:-
(a) not to refer the decision back to the Cabinet Member;
(b) that a report on the outcome of the transfers be submitted to this Board in
January 2018."""


async def test_minutes_broken_by_the_file_are_wrapped_once_at_80_columns(tmp_path, make_app):
    spec = MeetingSpec(
        path="/minutes/callin.txt",
        items=[
            ItemSpec(
                title="Call-in: Closure of Elmtree Day Centre",
                text=HARD_WRAPPED,
                resolutions=[("a", "other", "not to refer the decision back to the Cabinet")],
            )
        ],
        date="2017-09-14",
    )
    store = build_store(tmp_path / "wrapped.db", [spec])
    app = make_app(store)
    async with app.run_test(notifications=True, size=(80, 24)) as pilot:
        screen = await open_first_item(pilot)
        texts = [p.text for p in screen.query(Paragraph)]
        assert (
            "The Board considered the call-in of the decision of the Cabinet Member for Adult"
            " Social Care to close the Elmtree Day Centre from 1 November 2017. The call-in"
            " had been requested by five non-Executive Members on the grounds that carers"
            " had not been consulted on the alternative day opportunities."
        ) in texts
        assert "The Board resolved:-" in texts
        assert "(a) not to refer the decision back to the Cabinet Member;" in texts
        assert (
            "(b) that a report on the outcome of the transfers be submitted to this Board in"
            " January 2018."
        ) in texts
        rows = screen_text(pilot).splitlines()
        minutes_rows = [row.split("│")[1].strip() for row in rows if row.count("│") >= 2]
        # each row of the pane is full: no row left with a word or two of the file's line
        assert "carers had not been" not in minutes_rows
        assert "call-in had been requested by five non-Executive Members on the" not in (
            minutes_rows
        )
        # the record still marks its own words; a note on a line quotes the file's words
        marked = [p.text for p in screen.query(Paragraph) if p.has_class("-marked")]
        assert marked == ["(a) not to refer the decision back to the Cabinet Member;"]
        screen.query_one(MinutesPane).focus()
        await pilot.pause()
        await pilot.press("g")
        await add_note(pilot, "Who decided?")
        (note,) = list_notes(store)
        assert note.quote is not None
        assert note.quote.startswith("Call-in: Closure of Elmtree Day Centre")
    store.close()


# ---- 8. the Resolutions tracker's columns use the width there is --------------------------


async def test_resolutions_columns_fill_the_width_and_stay_on_screen(fixture_store, make_app):
    from textual.widgets import DataTable

    app = make_app(fixture_store)
    async with app.run_test(notifications=True, size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        used = sum(column.get_render_width(table) for column in table.columns.values())
        assert 150 <= used <= 160  # no empty columns at the right
        assert table.columns["text"].width > 60
        await pilot.resize_terminal(100, 30)
        await pilot.pause(0.3)
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        used = sum(column.get_render_width(table) for column in table.columns.values())
        assert used <= 100  # every column on screen, none scrolled off to the right
        header = next(line for line in screen_text(pilot).splitlines() if "Kind" in line)
        assert header.rstrip().endswith("Item")
