"""Command palette commands: every action with a key, sections, briefs in the library, themes.

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
from textual.theme import BUILTIN_THEMES

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
        found = self.key_commands()
        if isinstance(screen, BriefScreen):
            for number, (key, name) in enumerate(SECTIONS, 1):
                found.append(
                    (f"Go to section: {name}", f"Key {number}", partial(screen.action_section, key))
                )
        for entry in app.library_entries():
            if entry.ok:
                found.append(
                    (
                        f"Open brief: {entry.title}",
                        str(entry.path.name),
                        partial(app.open_entry, entry),
                    )
                )
        for name in own_themes(app):
            found.append(
                (f"Use theme: {name}", theme_hint(app, name), partial(setattr, app, "theme", name))
            )
        return found

    def key_commands(self) -> list[Command]:
        """The actions with a key here (the screen's, the focused widget's, the app's), each
        named by its binding's description, with the key as the keymap has it."""
        found: list[Command] = []
        seen: set[str] = set()
        for node, binding, enabled, _ in self.screen.active_bindings.values():
            name = binding.description
            if not enabled or not name or name in seen or binding.action == "command_palette":
                continue
            seen.add(name)
            key = self.app.get_key_display(binding)
            found.append((name, f"Key {key}", partial(self.app.run_action, binding.action, node)))
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


def own_themes(app: BriefingApp) -> list[str]:
    """briefing's themes (bundled, and the user's own): every theme but Textual's built-in ones.

    Textual's stay usable with ``--theme`` and ``theme =``; the palette offers what briefing
    ships and what the user made, one entry each.
    """
    return sorted(name for name in app.available_themes if name not in BUILTIN_THEMES)


def theme_hint(app: BriefingApp, name: str) -> str:
    """The hint of the palette's entry for theme ``name``: only the current theme has one.

    It says how the rule of :meth:`BriefingApp.apply_theme` applies: config.toml's theme
    wins at the start, so a theme picked here is for this session when config sets one.
    """
    if name != app.theme:
        return ""
    configured = app.config.theme
    if not configured:
        return "Current theme"
    if configured == name:
        return "Current theme (config.toml sets it)"
    return f"Current theme (for this session: config.toml sets {configured})"


def _escape(text: str) -> str:
    # Help text is read as markup by the palette; file names are untrusted.

    return escape(text)
