"""The command palette (ctrl+p): the provider and the commands it lists.

The provider asks the app and the current screen for their commands (both implement
:class:`PaletteSource`), so this module imports no screen and no registry: the app builds
its own list from :mod:`scrutiny_tui.ui.registry`, and each screen offers its key bindings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Protocol, runtime_checkable

from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True)
class PaletteCommand:
    title: str
    help: str
    action: str  # run with the current screen as the default namespace


@runtime_checkable
class PaletteSource(Protocol):
    def palette_commands(self) -> Iterable[PaletteCommand]: ...


@runtime_checkable
class ViewSource(Protocol):
    """A screen that can show only some of its rows ("overdue", "awaiting")."""

    def show_view(self, view: str) -> None: ...


def open_command(name: str, title: str, description: str, *, mode: bool) -> PaletteCommand:
    """The palette entry that opens a screen of the registry."""
    verb = "Open" if mode else "Start"
    return PaletteCommand(f"{verb}: {title}", description, f"app.open('{name}')")


def binding_commands(bindings: Iterable[BindingType], where: str) -> Iterator[PaletteCommand]:
    """A screen's own key bindings as palette entries, named after the screen: those the
    footer leaves out too, so that every command can be found by name."""
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            yield PaletteCommand(
                f"{binding.description} ({where})",
                binding.tooltip or binding.description,
                binding.action,
            )


class ScrutinyCommands(Provider):
    def commands(self) -> Iterator[PaletteCommand]:
        for source in (self.app, self.screen):
            if isinstance(source, PaletteSource):
                yield from source.palette_commands()

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
