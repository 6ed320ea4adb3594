"""Command palette commands: sections, briefs in the library, themes and the clock toggle.

Textual's own providers read command names as markup, so these hits are built
here from plain :class:`~textual.content.Content`: a brief titled
``[@click=app.quit]`` is listed as exactly that and runs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from briefing.ui.app import BriefingApp
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.sections import SECTIONS

Command = tuple[str, str, Callable[[], object]]
"""(name, help, callback)."""


class BriefingCommands(Provider):
    """Commands of the reader, for ``ctrl+p``."""

    @property
    def briefing_app(self) -> BriefingApp:
        """The app, typed (a provider is not a widget, so ``textual.getters.app`` does not apply)."""
        app = self.app
        assert isinstance(app, BriefingApp)
        return app

    def commands(self) -> list[Command]:
        """Every command available on the current screen."""
        app = self.briefing_app
        screen = self.screen
        found: list[Command] = []
        if isinstance(screen, BriefScreen):
            for number, (key, name) in enumerate(SECTIONS, 1):
                found.append(
                    (f"Go to section: {name}", f"Key {number}", partial(screen.action_section, key))
                )
            found.append(("Toggle clock: now / as published", "Key a", screen.action_toggle_clock))
            found.append(("Filter quotes by speaker", "Key s", screen.action_pick_speaker))
        for entry in app.library_entries():
            if entry.ok:
                found.append(
                    (
                        f"Open brief: {entry.title}",
                        str(entry.path.name),
                        partial(app.open_entry, entry),
                    )
                )
        for name in sorted(app.available_themes):
            found.append(
                (
                    f"Use theme: {name}",
                    "Remembered for next time",
                    partial(setattr, app, "theme", name),
                )
            )
        return found

    @staticmethod
    def _highlight(name: str, offsets: Sequence[int], style: str) -> Content:
        content = Content(name)
        for offset in offsets:
            if not name[offset].isspace():
                content = content.stylize(style, offset, offset + 1)
        return content

    async def discover(self) -> Hits:
        for name, help_text, callback in self.commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=_escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self.commands():
            score, offsets = matcher.fuzzy_search.match(query, name)
            if score > 0:
                yield Hit(
                    score,
                    self._highlight(name, offsets, "bold reverse"),
                    callback,
                    text=name,
                    help=_escape(help_text),
                )


def _escape(text: str) -> str:
    # Help text is read as markup by the palette; file names are untrusted.

    return escape(text)
