"""The reader application: wiring only.

The app holds what every screen needs (the clock, the config, the library's
paths) and routes between screens. What it does lives in parts it owns:
``store_guard`` (:class:`~briefing.ui.store_guard.StoreGuard`: the notes database,
its failures and the settings), ``notes_keeper``
(:class:`~briefing.ui.note_keeping.NoteKeeper`: writes, drafts, signals, quitting),
``notes`` (:class:`~briefing.ui.app_notes.AppNotes`: the lists of every note or
bookmark, and exports) and ``library_wide``
(:class:`~briefing.ui.app_library.LibraryWide`: search, people, the agenda, and
opening a brief at an item). What is shown lives in ``screens/``; what is
computed lives in :mod:`briefing.core`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from briefing.core.safetext import clean_line
from briefing.storage import paths
from briefing.storage.config import MAX_WARNINGS, Config
from briefing.storage.store.database import Store, StoreError
from briefing.ui.app_library import LibraryWide
from briefing.ui.app_notes import AppNotes
from briefing.ui.lazy import is_brief_screen, is_library_screen
from briefing.ui.store_guard import StoreGuard
from briefing.ui.textual_compat import apply_theme_filters, expect_no_result
from briefing.ui.themes import LIGHT_ANSI, choose_theme

if TYPE_CHECKING:
    from textual.command import Provider

    from briefing.core.clock import Clock
    from briefing.core.library import LibraryEntry
    from briefing.storage.index.database import LibraryIndex
    from briefing.storage.store.notes import Annotations
    from briefing.storage.store.seen import SeenItems
    from briefing.ui.note_keeping import NoteKeeper
    from briefing.ui.screens.library import LibraryScreen


THEME_SETTING = "theme"

GC_RESUME_FALLBACK = 2.0
"""Seconds after which garbage collection resumes even if no first frame was reported."""


def _briefing_commands() -> type[Provider]:
    # deferred: the palette's commands, when it first opens (commands.py imports this module)
    from briefing.ui.commands import BriefingCommands

    return BriefingCommands


class BriefingApp(App[None]):
    """A terminal reader for structured briefings."""

    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {_briefing_commands}
    SELECTION_IN_ONE_COLOUR = True
    """Lists draw their selected row in the cursor's colour (a green countdown was unreadable)."""

    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("N", "all_notes", "Notes", id="app.notes"),
        Binding("B", "all_bookmarks", "Bookmarks", id="app.bookmarks"),
        Binding("x", "export", "Export", id="app.export"),
        Binding("ctrl+f", "search", "Search", id="app.search"),
        Binding("p", "people", "People", id="app.people"),
        Binding("A", "agenda", "Agenda", id="app.agenda"),
        Binding("ctrl+z", "undo_delete", "Undo delete", show=False, id="app.undo-delete"),
    ]

    def __init__(
        self,
        *,
        library_paths: list[Path],
        clock: Clock,
        local_zone: tzinfo,
        config: Config | None = None,
        store: Store | None = None,
        themes: list[Theme] | None = None,
        theme: str | None = None,
        open_entry: LibraryEntry | None = None,
        warnings: list[str] | None = None,
        library_index: LibraryIndex | None = None,
    ) -> None:
        super().__init__()
        self.library_paths = library_paths
        self.clock = clock
        self.local_zone = local_zone
        self.config = config or Config()
        self.open_at_start = open_entry
        self.library_index = library_index
        """The cache of what the library shows (None: read every file each time)."""
        self.clock_as_published = False
        """The reader's clock mode: countdowns as of each brief's publication (``a``), or now."""
        self.clock_as_published_at: datetime | None = None
        """When the reader's clock was set to "as published" (its clocks run on from then)."""
        self.requested_theme = theme
        self.startup_warnings = list(warnings or [])
        self.store_guard = StoreGuard(self, store, self._write)
        """The notes database and what to do when it cannot be used."""
        self._notes_keeper: NoteKeeper | None = None
        self.notes = AppNotes(self)
        """The lists of every note and bookmark, and exports."""
        self.library_wide = LibraryWide(self)
        """Search, people and the agenda, and opening a brief at an item."""
        self.gc_paused = False
        """True while the launcher holds garbage collection off until the first frame."""
        self.manages_gc = False  # True when the launcher manages collection (see launch.py)
        self._store_opened = False
        self.told_detached: dict[str, int] = {}
        """Per brief id, how many detached notes the user has been told about this session."""
        for extra in themes or []:
            self.register_theme(extra)
        self.set_reactive(App.ansi_theme_light, LIGHT_ANSI)
        self.apply_theme()

    def now(self) -> datetime:
        """The current time, from the injected clock."""
        return self.clock.now()

    # Start-up ----------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The first screen: the reader when a brief was named, else the library.

        It is the bottom of the screen stack rather than a screen pushed over Textual's
        blank default one, which would be drawn first: an empty frame that costs a
        fifth of the time to the first frame the user can read.
        """
        entry = self.open_at_start
        if entry is not None and entry.error is None:
            # Straight into the reader; the library is built only when the user goes back.
            # deferred: a screen, imported when first opened
            from briefing.ui.screens.brief import BriefScreen

            screen: Screen[Any] = BriefScreen(entry)
            # switch_screen (see close_brief) pops a result callback of the screen it replaces.
            expect_no_result(screen, self)
            return screen
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.library import LibraryScreen

        return LibraryScreen(self.library_paths, preloaded=[entry] if entry else None)

    def on_mount(self) -> None:
        if self.gc_paused:
            # Should the first screen never report its first frame.
            self.set_timer(GC_RESUME_FALLBACK, self.first_frame_out, name="gc-resume")
        if self.config.keys:
            self.apply_keymap()
        # A few popups and a count: a config of 100,000 mistakes must not bury the reader.
        told = self.startup_warnings[:MAX_WARNINGS]
        for warning in told:
            self.notify(warning, severity="warning", timeout=10, markup=False)
        if len(self.startup_warnings) > len(told):
            more = len(self.startup_warnings) - len(told)
            self.notify(f"and {more:,} more warnings like these", severity="warning", timeout=10)
        self.theme_changed_signal.subscribe(self, self.remember_theme)

    def apply_keymap(self) -> None:
        """Apply the ``[keys]`` remaps that name real keys and clash with no other action."""
        # deferred: keymap imports every screen: only for a config with remaps
        from briefing.ui.keymap import all_bindings, check_keymap

        source = clean_line(str(paths.config_file()))
        keymap, problems = check_keymap(self.config.keys, source, all_bindings())
        self.startup_warnings.extend(problems)
        if keymap:
            self.set_keymap(keymap)

    def first_frame_out(self) -> None:
        """The first screen's first frame was written: what start-up put off happens now.

        Garbage collection resumes (see ``gc_paused``); the store opens, and the notes' keeper
        with it (drafts of an earlier run offered back, open editors' text kept on a signal:
        no editor is open before); reminders start. None of them is part of that frame.
        """
        if self.gc_paused:
            self.gc_paused = False
            gc.enable()
        if not self._store_opened:
            self._store_opened = True
            self.call_later(self.store_guard.open)
            self.call_later(self.notes_keeper.install_signal_handlers)
            self.call_later(self.notes_keeper.offer_drafts)
            # deferred: reminders, once the first frame is out (ui/reminding.py, core/reminders.py)
            from briefing.ui.reminding import start_reminding

            self.call_later(start_reminding, self)

    def apply_theme(self) -> None:
        """Start in the theme :func:`choose_theme` picks, saying what it passed over."""
        name, warnings = choose_theme(
            self.requested_theme,
            self.config.theme,
            self.store_guard.setting(THEME_SETTING),
            self.available_themes,
        )
        self.startup_warnings.extend(warnings)
        self._start_in_theme(name)

    def _start_in_theme(self, name: str) -> None:
        """Make ``name`` the theme before the app runs, as Textual's theme watcher would.

        Setting ``theme`` instead queues a re-parse of every stylesheet for the start of
        the run, before the screen's own stylesheets are added, which then parse it all
        again: two parses of everything (about 5 ms each) before the first frame, where
        the stylesheet made here with the theme's variables is parsed once.
        """
        self.set_reactive(App.theme, name)
        dark = self.current_theme.dark
        classes = {c: False for c in self.classes if c.startswith("-theme-")}
        classes.update({f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark})
        self.update_classes(classes, update=False)
        # What the watcher does besides re-parsing.
        apply_theme_filters(self)
        self.stylesheet.set_variables(self.get_css_variables())

    def remember_theme(self, theme: Theme) -> None:
        """Keep the palette's choice for the next start (unless config.toml names a theme)."""
        self.store_guard.save_setting(THEME_SETTING, theme.name)
        configured = self.config.theme
        if configured and configured != theme.name:
            self.notify(
                f"{theme.name} for this session; config.toml's theme = {configured!r}"
                " is used at the next start",
                timeout=6,
                markup=False,
            )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands for the palette, less its "Theme" (every built-in theme): the
        palette lists briefing's themes and the user's itself (see ``ui.commands``)."""
        for command in super().get_system_commands(screen):
            if command.callback != self.action_change_theme:
                yield command

    # The store, notes and library-wide views: each owned by a part (see the module) ------

    @property
    def store(self) -> Store | None:
        """The notes database, or None while it cannot be used (see ``store_guard``)."""
        return self.store_guard.store

    @property
    def annotations(self) -> Annotations | None:
        """Notes and bookmarks, or None when the store cannot be used."""
        return self.store_guard.annotations

    @property
    def seen_items(self) -> SeenItems | None:
        """What the user has seen of each brief, or None when the store cannot be used."""
        return self.store_guard.seen_items

    def store_failed(self, error: StoreError) -> None:
        """The store failed: say so once; offer to move an unreadable file aside."""
        self.store_guard.failed(error)

    def notes_unavailable(self) -> None:
        """Notes were asked for but the store cannot be used: offer a way out, or say so."""
        self.store_guard.unavailable()

    @property
    def notes_keeper(self) -> NoteKeeper:
        """The writer of notes, bookmarks and settings, and the keeper of drafts."""
        if self._notes_keeper is None:
            # deferred: the store writer and drafts, with the first write (not the first frame)
            from briefing.ui.note_keeping import NoteKeeper

            self._notes_keeper = NoteKeeper(self, paths.data_dir())
        return self._notes_keeper

    def _write(self, run: Callable[[Store], Any]) -> None:
        self.notes_keeper.write(run)

    def on_unmount(self) -> None:
        # Closing copies every note into briefing.db itself and removes the -wal file; the
        # same for the index (unless a refresh thread still holds it).
        self.store_guard.close()
        if self.library_index is not None:
            self.library_index.close(wait=0.5)
        # The app is ending (quit, signal, or error): writes still queued get a moment,
        # then become drafts, before the driver restores the terminal.
        self.notes_keeper.remove_signal_handlers()
        self.notes_keeper.finish()

    async def action_quit(self) -> None:
        """Quit; with note text not saved, ask first (keep it as a draft, keep editing, or discard)."""
        self.notes_keeper.quit()

    def action_all_notes(self) -> None:
        """List every note of every brief, newest first."""
        self.notes.list_all(notes=True)

    def action_all_bookmarks(self) -> None:
        """List every bookmark of every brief."""
        self.notes.list_all(notes=False)

    def action_export(self) -> None:
        """Export notes (or deadlines) to a file."""
        self.notes.export()

    def action_undo_delete(self) -> None:
        """Bring back the note deleted last."""
        self.notes.undo_delete()

    def action_search(self) -> None:
        """Search every brief and note of the library."""
        self.library_wide.search()

    def action_people(self) -> None:
        """List every participant of every brief, the same person merged across briefs."""
        self.library_wide.people()

    def action_agenda(self) -> None:
        """List every open deadline of the library, soonest first."""
        self.library_wide.agenda()

    # Routing -----------------------------------------------------------------

    def library_entries(self) -> list[LibraryEntry]:
        """The entries of the library screen (for the command palette)."""
        for screen in self.screen_stack:
            if is_library_screen(screen):
                return list(screen.entries)
        return []

    def on_library_screen_open_brief(self, message: LibraryScreen.OpenBrief) -> None:
        self.open_entry(message.entry, message.siblings)

    def open_entry(self, entry: LibraryEntry, siblings: list[LibraryEntry] | None = None) -> None:
        """Open ``entry`` in the reader (replacing a reader already open)."""
        if entry.error is not None:
            return
        if siblings is None:
            siblings = [e for e in self.library_entries() if e.ok]
        if is_brief_screen(self.screen):
            self.screen.library_order = siblings
            self.screen.open_entry(entry)
            return

        self.library_wide.open_reader(entry, siblings)

    def close_brief(self, screen: Screen[Any], path: Path) -> None:
        """Leave the reader ``screen`` for the library, with the cursor on ``path``."""
        if screen is not self.screen:
            return  # a dialog is over it (dismiss would close the dialog): it stays
        if len(self.screen_stack) > 1:
            if is_brief_screen(screen):
                screen.loader.closed(self.size)
            screen.dismiss(path)
        else:
            # The reader was the first screen (``briefing FILE``): the library replaces it.
            self.switch_screen(self.library_screen(select=path))

    def library_screen(self, select: Path | None = None) -> LibraryScreen:
        """A new library screen for the configured library."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.library import LibraryScreen

        entry = self.open_at_start
        preloaded = [entry] if entry is not None and not entry.pending else None
        return LibraryScreen(self.library_paths, preloaded=preloaded, select=select)

    def back_to_library(self, path: Path | None) -> None:
        """A brief screen closed: show the library with the cursor on the brief last read."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.library import LibraryScreen

        if isinstance(self.screen, LibraryScreen):
            if path is not None:
                self.screen.select_path(path)
            return
        self.push_screen(self.library_screen(select=path))

    # Help ----------------------------------------------------------------------

    def action_help(self) -> None:
        """List every key of the current screen, grouped by where it works."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.help import HelpScreen, help_groups

        if isinstance(self.screen, HelpScreen):
            return
        name = self.screen.__class__.__name__.removesuffix("Screen")
        groups = help_groups(self, self.screen, name.lower() or "screen")
        self.push_screen(HelpScreen(f"Keys: {name}", groups))
