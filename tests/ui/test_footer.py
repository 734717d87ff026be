"""The footer shows the keys of the screen in front, rebuilt once its screen's bindings
have settled, and not at all while its screen is hidden."""

from __future__ import annotations

from conftest import screen_text, settle

from scrutiny_tui.ui.screens.actions import ActionsScreen
from scrutiny_tui.ui.screens.meetings import MeetingsScreen
from scrutiny_tui.ui.widgets.footer import SettledFooter


def footer_line(pilot) -> str:
    return screen_text(pilot).splitlines()[-1]


async def test_the_footer_follows_the_screen_in_front(fixture_store, make_app, monkeypatch):
    rebuilt: list[str] = []
    recompose = SettledFooter.recompose

    async def counted(self: SettledFooter) -> None:
        rebuilt.append(type(self.screen).__name__)
        await recompose(self)

    monkeypatch.setattr(SettledFooter, "recompose", counted)
    app = make_app(fixture_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert "Edit" in footer_line(pilot) and "Done" not in footer_line(pilot)

        rebuilt.clear()
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, ActionsScreen)
        assert "Done" in footer_line(pilot) and "Show" in footer_line(pilot)
        assert rebuilt and "MeetingsScreen" not in rebuilt  # the hidden one waits
        assert len(rebuilt) < 4  # several binding changes while the screen opened

        await pilot.press("m")
        await settle(pilot)
        assert "Edit" in footer_line(pilot) and "Done" not in footer_line(pilot)
