"""The command palette (ctrl+p): every screen, every app command and the current screen's
own actions, all from :mod:`scrutiny_tui.ui.registry` and the screens' bindings."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from scrutiny_tui.ui import registry
from scrutiny_tui.ui.registry import PaletteCommand


class ScrutinyCommands(Provider):
    def commands(self) -> Iterator[PaletteCommand]:
        for screen_entry in registry.SCREENS:
            verb = "Open" if screen_entry.mode else "Start"
            yield PaletteCommand(
                f"{verb}: {screen_entry.title}",
                screen_entry.description,
                f"app.open('{screen_entry.name}')",
            )
        yield from registry.COMMANDS
        screen_commands = getattr(self.screen, "palette_commands", None)
        if screen_commands is not None:
            yield from screen_commands()

    async def run(self, command: PaletteCommand) -> None:
        await self.app.run_action(command.action, self.screen)

    async def discover(self) -> Hits:
        for command in self.commands():
            yield DiscoveryHit(command.title, partial(self.run, command), help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    partial(self.run, command),
                    text=command.title,
                    help=command.help,
                )
