"""The app's screens and palette commands, in one place.

To add a top-level screen, append a :class:`ScreenEntry` to :data:`SCREENS`: the app builds
its modes, key bindings and command-palette entries from this list. Commands that are not a
screen go in :data:`COMMANDS`. Screens add context-sensitive commands by overriding
``palette_commands()`` (by default, their own key bindings).

The factories import their screen when called, so that importing the registry (as the app
does at start-up) does not load every screen; nothing in ``ui`` below the app imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scrutiny_tui.ui.palette import PaletteCommand, open_command

if TYPE_CHECKING:
    from textual.screen import Screen


@dataclass(frozen=True)
class ScreenEntry:
    name: str  # used in actions: app.open('<name>')
    title: str
    key: str | None  # the app-wide key that opens it
    description: str  # shown in the palette, the help screen and as a tooltip
    factory: Callable[[], Screen]
    mode: bool = True  # a top-level area with its own screen stack, else pushed on top


def _attention() -> Screen:
    from scrutiny_tui.ui.screens.attention import AttentionScreen

    return AttentionScreen()


def _topics() -> Screen:
    from scrutiny_tui.ui.screens.topics import TopicsScreen

    return TopicsScreen()


def _people() -> Screen:
    from scrutiny_tui.ui.screens.people import PeopleScreen

    return PeopleScreen()


def _meetings() -> Screen:
    from scrutiny_tui.ui.screens.meetings import MeetingsScreen

    return MeetingsScreen()


def _resolutions() -> Screen:
    from scrutiny_tui.ui.screens.resolutions import ResolutionsScreen

    return ResolutionsScreen()


def _recommendations() -> Screen:
    from scrutiny_tui.ui.screens.recommendations import RecommendationsScreen

    return RecommendationsScreen()


def _actions() -> Screen:
    from scrutiny_tui.ui.screens.actions import ActionsScreen

    return ActionsScreen()


def _notes() -> Screen:
    from scrutiny_tui.ui.screens.notes import NotesScreen

    return NotesScreen()


def _briefing() -> Screen:
    from scrutiny_tui.ui.screens.briefing import BriefingScreen

    return BriefingScreen()


def _sources() -> Screen:
    from scrutiny_tui.ui.screens.sources import SourcesScreen

    return SourcesScreen()


def _search() -> Screen:
    from scrutiny_tui.ui.screens.search import SearchScreen

    return SearchScreen()


def _import() -> Screen:
    from scrutiny_tui.ui.dialogs.importer import ImportScreen

    return ImportScreen()


SCREENS: list[ScreenEntry] = [
    ScreenEntry(
        "attention",
        "Attention",
        "h",
        "What needs you: overdue actions, responses awaited, stale tracking, your questions",
        _attention,
    ),
    ScreenEntry(
        "meetings", "Meetings", "m", "Browse councils, committees, meetings and items", _meetings
    ),
    ScreenEntry(
        "resolutions", "Resolutions", "r", "Every resolution across all meetings", _resolutions
    ),
    ScreenEntry(
        "recommendations",
        "Recommendations",
        "c",
        "Track recommendations: status, lead, executive response",
        _recommendations,
    ),
    ScreenEntry(
        "actions", "Actions", "t", "Requested reports and updates, with due dates", _actions
    ),
    ScreenEntry(
        "topics",
        "Topics",
        "o",
        "Subjects you follow across meetings: a search or a tag, meeting by meeting",
        _topics,
    ),
    ScreenEntry(
        "people",
        "People",
        "p",
        "Members and officers: meetings attended, apologies, roles, what they were asked",
        _people,
    ),
    ScreenEntry("notes", "Concerns", "n", "Your concerns, questions and follow-ups", _notes),
    ScreenEntry(
        "briefing", "Briefing", "b", "Build a Markdown briefing pack for a meeting", _briefing
    ),
    ScreenEntry(
        "sources",
        "Sources",
        "w",
        "Council ModernGov sites: add one, pick committees, sync their minutes",
        _sources,
    ),
    ScreenEntry(
        "search", "Search", "slash", "Full-text search of all minutes", _search, mode=False
    ),
    ScreenEntry(
        "import", "Import minutes", "i", "Import a file or folder of minutes", _import, mode=False
    ),
]

COMMANDS: list[PaletteCommand] = [
    PaletteCommand("Help: keys", "Every key of the current screen", "app.help"),
    PaletteCommand("Toggle light/dark theme", "Switch between light and dark", "app.toggle_theme"),
    PaletteCommand("Quit", "Leave the app", "app.quit"),
]


def entry(name: str) -> ScreenEntry:
    return next(e for e in SCREENS if e.name == name)


def palette_commands() -> Iterator[PaletteCommand]:
    """The app-wide palette entries: open each screen, then the commands that are not one."""
    for screen_entry in SCREENS:
        yield open_command(
            screen_entry.name, screen_entry.title, screen_entry.description, mode=screen_entry.mode
        )
    yield from COMMANDS
