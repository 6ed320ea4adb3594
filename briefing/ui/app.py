"""The reader application: wiring only.

The app holds what every screen needs (the clock, the config, the store, the
library's paths) and routes between screens. What is shown lives in
``screens/``; what is computed lives in :mod:`briefing.core`.
"""

from __future__ import annotations

import dataclasses
import gc
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from briefing.storage.config import MAX_WARNINGS, Config
from briefing.storage.store.database import Store, StoreError
from briefing.ui.app_notes import AnnotatingApp
from briefing.ui.commands import BriefingCommands
from briefing.ui.lazy import is_brief_screen, is_library_screen
from briefing.ui.textual_compat import apply_theme_filters, expect_no_result

if TYPE_CHECKING:
    from briefing.core.clock import Clock
    from briefing.core.library import LibraryEntry
    from briefing.storage.index.database import LibraryIndex
    from briefing.storage.store.notes import Annotations
    from briefing.ui.screens.help import HelpRow
    from briefing.ui.screens.library import LibraryScreen


DEFAULT_THEME = "briefing-dark"

THEME_SETTING = "theme"

GC_RESUME_FALLBACK = 2.0
"""Seconds after which garbage collection resumes even if no first frame was reported."""


class BriefingApp(AnnotatingApp):
    """A terminal reader for structured briefings."""

    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {BriefingCommands}

    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("N", "all_notes", "Notes", id="app.notes"),
        Binding("B", "all_bookmarks", "Bookmarks", show=False, id="app.bookmarks"),
        Binding("x", "export", "Export", show=False, id="app.export"),
        Binding("ctrl+f", "search", "Search", id="app.search"),
        Binding("p", "people", "People", show=False, id="app.people"),
        Binding("A", "agenda", "Agenda", show=False, id="app.agenda"),
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
        self.store = store
        self.open_at_start = open_entry
        self.library_index = library_index
        self.clock_as_published = False
        self.clock_as_published_at: datetime | None = None
        """When the reader's clock was set to "as published" (its clocks run on from then)."""
        """The reader's clock mode: countdowns as of each brief's publication (``a``), or now."""
        """The cache of what the library shows (None: read every file each time)."""
        self.requested_theme = theme
        self.startup_warnings = list(warnings or [])
        self._annotations: Annotations | None = None
        self._store_failure_said = False
        self._unreadable_error: StoreError | None = None
        self.gc_paused = False
        """True while the launcher holds garbage collection off until the first frame."""
        self._store_opened = False
        self.told_detached: dict[str, int] = {}
        """Per brief id, how many detached notes the user has been told about this session."""
        for extra in themes or []:
            self.register_theme(extra)
        self.apply_theme()

    def now(self) -> datetime:
        """The current time, from the injected clock."""
        return self.clock.now()

    # Start-up ----------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        """The first screen: the reader when a brief was named, else the library.

        It is the bottom of the screen stack rather than a screen pushed over Textual's
        blank default one, which would be drawn first: an empty frame that costs a
        fifth of the time to the first frame the user can read.
        """
        entry = self.open_at_start
        if entry is not None and entry.error is None:
            # Straight into the reader; the library is built only when the user goes back.
            from briefing.ui.screens.brief import BriefScreen

            screen: Screen = BriefScreen(entry)
            # switch_screen (see close_brief) pops a result callback of the screen it replaces.
            expect_no_result(screen, self)
            return screen
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
            self.notify(
                f"and {more:,} more warnings like these", severity="warning", timeout=10, markup=False
            )
        self.theme_changed_signal.subscribe(self, self.remember_theme)

    def apply_keymap(self) -> None:
        """Apply the ``[keys]`` remaps that name real keys and clash with no other action."""
        # Imports every screen to know every binding: only for a config with remaps.
        from briefing.core.safetext import clean_line
        from briefing.storage import paths
        from briefing.ui.keymap import all_bindings, check_keymap

        source = clean_line(str(paths.config_file()))
        keymap, problems = check_keymap(self.config.keys, source, all_bindings())
        self.startup_warnings.extend(problems)
        if keymap:
            self.set_keymap(keymap)

    def first_frame_out(self) -> None:
        """The first screen's first frame was written: what start-up put off happens now.

        Garbage collection resumes (see ``gc_paused``) and the store is opened.
        """
        if self.gc_paused:
            self.gc_paused = False
            gc.enable()
        if not self._store_opened:
            self._store_opened = True
            self.call_later(self.open_store)

    def apply_theme(self) -> None:
        """Use the theme asked for on the command line, else the remembered one, else the configured one."""
        remembered = self.setting(THEME_SETTING)
        for candidate, source in (
            (self.requested_theme, "--theme"),
            (remembered, None),
            (self.config.theme, "config.toml"),
            (DEFAULT_THEME, None),
        ):
            if not candidate:
                continue
            if candidate in self.available_themes:
                self._start_in_theme(candidate)
                return
            if source:
                self.startup_warnings.append(
                    f"{source}: unknown theme {candidate!r}; using another"
                )

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
        self.save_setting(THEME_SETTING, theme.name)

    # Settings through the store (never fatal) -------------------------------------

    def setting(self, key: str) -> str | None:
        """A remembered setting, or None when there is none or the store is unusable."""
        if self.store is None:
            return None
        try:
            return self.store.get_setting(key)
        except StoreError as error:
            self._store_trouble(error)
            return None

    def open_store(self) -> None:
        """Open the store (creating it on a first start) and say at once if it cannot be used.

        Put off until the first frame is out, as creating the database syncs to disk;
        a data folder that cannot be written is still said at start, not at the first note.
        """
        if self.store is None:
            return
        try:
            self.store.connection  # noqa: B018 - opening is the point
        except StoreError as error:
            self._store_trouble(error)
            return
        if self.store.read_only:
            self.notify(self.store.read_only_message, severity="warning", timeout=10, markup=False)

    def on_unmount(self) -> None:
        # Closing copies every note into briefing.db itself and removes the -wal file.
        if self.store is not None:
            self.store.close()

    def _store_trouble(self, error: StoreError) -> None:
        if not error.unreadable:
            # A data folder that cannot be written: say so now; the reader opens without notes.
            self.store_failed(error)
            return
        self.store = None
        # Kept so that the first use of notes offers to move the file aside (notes_unavailable).
        self._unreadable_error = error
        message = (
            f"{error}. Notes, bookmarks and settings are off until it is moved aside:"
            " use any notes key (n, N, b) to be asked, or run 'briefing doctor --repair'."
        )
        if self.is_running:
            self.notify(message, severity="warning", timeout=10, markup=False)
        else:
            self.startup_warnings.append(message)

    def save_setting(self, key: str, value: str) -> None:
        """Remember a setting; tell the user once if it cannot be saved."""
        if self.store is None:
            return
        # Through the store writer (ui.note_keeping): a locked database must not freeze the
        # palette; a failure is said, and the next setting tries again.
        self.notes_keeper.write(lambda store: store.set_setting(key, value))

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

        from briefing.ui.screens.brief import BriefScreen

        self.push_screen(BriefScreen(entry, siblings), self.back_to_library)

    def close_brief(self, screen: Screen, path: Path) -> None:
        """Leave the reader ``screen`` for the library, with the cursor on ``path``."""
        if screen is not self.screen:
            return  # a dialog is over it (dismiss would close the dialog): it stays
        if len(self.screen_stack) > 1:
            screen.dismiss(path)
        else:
            # The reader was the first screen (``briefing FILE``): the library replaces it.
            self.switch_screen(self.library_screen(select=path))

    def library_screen(self, select: Path | None = None) -> LibraryScreen:
        """A new library screen for the configured library."""
        from briefing.ui.screens.library import LibraryScreen

        entry = self.open_at_start
        preloaded = [entry] if entry is not None and not entry.pending else None
        return LibraryScreen(self.library_paths, preloaded=preloaded, select=select)

    def back_to_library(self, path: Path | None) -> None:
        """A brief screen closed: show the library with the cursor on the brief last read."""
        from briefing.ui.screens.library import LibraryScreen

        if isinstance(self.screen, LibraryScreen):
            if path is not None:
                self.screen.select_path(path)
            return
        self.push_screen(self.library_screen(select=path))

    # Help ----------------------------------------------------------------------

    def action_help(self) -> None:
        """List every key of the current screen."""
        from briefing.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        rows: list[HelpRow] = []
        seen: set[str] = set()
        screen = self.screen
        # The screen's own keys first, then the focused widget's, then the app's.
        order = {screen: 0, self: 2}
        active = sorted(screen.active_bindings.values(), key=lambda a: order.get(a.node, 1))
        for item in active:
            binding = item.binding
            ident = binding.id or f"{binding.action}:{binding.key}"
            if ident in seen or not binding.description:
                continue
            seen.add(ident)
            # Each key on its own row, even where the Footer groups them ("1-6").
            keys = self.get_key_display(dataclasses.replace(binding, key_display=None))
            rows.append((keys, binding.description, binding.id or ""))
        title = f"Keys: {self.screen.__class__.__name__.removesuffix('Screen')}"
        self.push_screen(HelpScreen(title, rows))
