"""How the library screen fills: from the index at once, then a refresh in a thread.

The screen owns one :class:`LibraryLoader`. What the index knows is listed in
the first frame; the files are checked for changes, in worker processes, once
that frame is out; the search tables fill last. The loader's messages
(:class:`LibraryLoader.Loaded`, :class:`LibraryLoader.Indexed`) come back from
its thread through the screen, which hands them here.
"""

from __future__ import annotations

import gc
import os
import time
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import get_current_worker

from briefing.core.library import LibraryEntry, scan
from briefing.storage.index.schema import absolute
from briefing.ui.widgets.library_table import LibraryTable

if TYPE_CHECKING:
    from collections.abc import Iterable

    from briefing.storage.index.rows import Progress
    from briefing.ui.screens.library import LibraryScreen

UPDATE_EVERY = 0.3
"""Seconds between two steps of progress shown while a library is being indexed."""

ROWS_EVERY = 3
"""Steps of progress between two redraws of the rows while indexing (about a second)."""

REFRESH_FALLBACK = 0.5
"""Seconds after which the index is refreshed even if the table never said it was drawn."""

READER_MODULES = (
    "briefing.ui.screens.brief",  # the reader's screen, its panes and widgets
    "briefing.core.normalized",  # a known brief built from the index (with the models)
    "briefing.core.changes",  # what is new since the last visit, worked out as it opens
    # A summary the index kept without its blocks (indexing does not parse Markdown) is
    # read into them on the UI thread as the brief is shown (about a millisecond):
    "briefing.core.markdown_blocks",
    # The notes strip and its marks' reader (core/annotations.py, the notes store's rows),
    # which the reader's compose and first show import:
    "briefing.ui.widgets.notes_panel",
    "briefing.storage.store.brief_notes",
)
"""What the first brief of a session needs, imported while the library is idle (issue 15):
about 5 MiB. Never the validating code (pydantic: 11 MiB more, for a library that may
never need it; a brief the index knows opens without it)."""


class LibraryLoader:
    """Listing from the index, refreshing it, and taking in what the refresh finds.

    Args:
        screen: The library screen it fills (its paths, its entries, its rows).
    """

    # Messages are written out, as in Textual's widgets: a dataclass takes about
    # 0.3 ms to build on import, and these are imported before the first frame.

    class Loaded(Message):
        """The library as the index last knew it (listed at once on a warm start)."""

        def __init__(self, entries: list[LibraryEntry]) -> None:
            self.entries = entries
            super().__init__()

    class Indexed(Message):
        """A step of the index refresh: new or changed entries, vanished files, progress."""

        def __init__(self, progress: Progress) -> None:
            self.progress = progress
            super().__init__()

    class SearchIndexed(Message):
        """The search index has taken in ``done`` of the ``total`` briefs that were new or changed."""

        def __init__(self, done: int, total: int) -> None:
            self.done = done
            self.total = total
            super().__init__()

    def __init__(self, screen: LibraryScreen) -> None:
        self.screen = screen
        self.loading = False
        """True from the start of a listing or refresh until its last step is taken in."""
        self.progress: tuple[int, int] | None = None
        """Files checked and files to check, while a refresh runs (None before its first step)."""
        self.refresh_started = False
        self.steps_since_rows = 0
        self.reader_warmed = False
        """True once :func:`warm_reader` was started (once a session)."""

    def list_cached(self) -> None:
        """List what the index knows, for the first frame (the refresh waits for it)."""
        index = self.screen.briefing_app.library_index
        assert index is not None
        self.loading = True
        self.progress = None
        # Taken in now rather than posted: the rows must be in the first frame.
        self.loaded(index.cached(self.screen.paths))

    def painted(self) -> None:
        """The table's first frame is out: what start-up put off happens now."""
        screen = self.screen
        screen.briefing_app.first_frame_out()
        screen.call_later(self.refresh_after_paint)
        screen.call_later(screen.mount_filter)

    def refresh_after_paint(self) -> None:
        """Check the files for changes, once (after the first frame, or its fallback timer)."""
        if not self.refresh_started:
            self.refresh_started = True
            self.load(self.screen.paths, False, cached_listed=True)

    def start(self, *, force: bool = False) -> None:
        """List the library and refresh the index (``force``: re-read every file)."""
        self.loading = True
        self.progress = None
        self.screen.update_title()
        self.load(self.screen.paths, force)

    def load(self, paths: list[Path], force: bool = False, *, cached_listed: bool = False) -> None:
        """Start :meth:`load_entries` in a thread (a new one cancels the one running)."""
        self.screen.run_worker(
            # What the screen lists as the refresh starts: it reports what differs from it.
            partial(self.load_entries, paths, force, cached_listed, self.screen.entries),
            name="load_entries",
            group="library-load",
            exclusive=True,
            thread=True,
        )

    def load_entries(
        self,
        paths: list[Path],
        force: bool = False,
        cached_listed: bool = False,
        listed: list[LibraryEntry] | None = None,
    ) -> None:
        """List the library from its index, then bring the index up to date (in a thread).

        Without an index (no data folder), every file is read, as the rows fill in.
        """
        # deferred: reading brief files (the models, their items, worker processes), after the first frame
        from briefing.storage.index.indexing import index_in_processes
        from briefing.storage.index.refreshing import build_search, refresh

        screen = self.screen
        app = screen.briefing_app
        index = app.library_index
        if index is None:
            self.scan_files(paths)
            return
        if not force and not cached_listed:
            listed = index.cached(paths)
            screen.post_message(self.Loaded(listed))
        shown = Shown(listed or [])
        worker = get_current_worker()
        batch_progress: Progress | None = None
        last = time.monotonic()
        for progress in refresh(index, paths, indexer=index_in_processes, force=force):
            if worker.is_cancelled:
                return
            shown.take(progress)
            if progress.done:
                # What another connection took into the index first (the reminders', the
                # agenda's, a search's refresh) is not new to this refresh: it is to the screen.
                shown.missed(index.cached(paths), absolute(paths), into=progress)
            # Merge steps that come faster than the screen needs them: each redraw of a
            # growing library competes with the indexing for the interpreter.
            if batch_progress is None:
                batch_progress = progress
            else:
                batch_progress.entries.extend(progress.entries)
                batch_progress.removed.extend(progress.removed)
                batch_progress.checked, batch_progress.total = progress.checked, progress.total
                batch_progress.done = progress.done
            if progress.done or time.monotonic() - last > UPDATE_EVERY or progress.removed:
                screen.post_message(self.Indexed(batch_progress))
                batch_progress, last = None, time.monotonic()
        # The search index fills once every brief is listed (seconds on a first start).
        for done, total in build_search(index):
            if worker.is_cancelled:
                return
            app.post_message(self.SearchIndexed(done, total))

    def scan_files(self, paths: list[Path]) -> None:
        """Read every file under ``paths``, posting the entries as they come (no index)."""
        # deferred: the refresh's steps, after the first frame
        from briefing.storage.index.rows import Progress

        screen = self.screen
        batch: list[LibraryEntry] = []
        last = time.monotonic()
        for entry in scan(paths, local_zone=screen.briefing_app.local_zone):
            batch.append(entry)
            if time.monotonic() - last > 0.1:
                screen.post_message(self.Indexed(Progress(entries=batch)))
                batch, last = [], time.monotonic()
        screen.post_message(self.Indexed(Progress(entries=batch, done=True)))

    def loaded(self, entries: list[LibraryEntry]) -> None:
        """Show the library as the index listed it (in the default order)."""
        self.screen.entries = self.screen.listed_in_order = entries
        self.screen.refresh_rows()
        self.place_cursor()

    def indexed(self, progress: Progress) -> None:
        """Take in a step of the refresh: redraw the rows now and then, the count every time."""
        screen = self.screen
        self.progress = (progress.checked, progress.total)
        gone = set(progress.removed)
        fresh = {entry.key: entry for entry in progress.entries}
        if gone or fresh:
            kept = [e for e in screen.entries if e.key not in gone and e.key not in fresh]
            screen.entries = kept + list(fresh.values())
        if progress.done:
            self.loading = False
            self.progress = None
            self.warm_reader()
            # A library folder that was missing is listed as one unreadable row; once it
            # is a folder again, its files are listed instead.
            screen.entries = [e for e in screen.entries if e.ok or not os.path.isdir(e.key)]
        first_rows = not screen.query_one(LibraryTable).row_count
        self.steps_since_rows += 1
        if progress.done or gone or (fresh and (first_rows or self.steps_since_rows >= ROWS_EVERY)):
            self.steps_since_rows = 0
            screen.refresh_rows()
            if first_rows or progress.done:
                self.place_cursor()
        else:
            # The count in the title moves at every step; re-sorting and redrawing a
            # growing table at each one took CPU from the workers indexing it.
            screen.update_title()

    def warm_reader(self) -> None:
        """Import what opening a first brief needs, in a thread, once (the library is idle).

        Enter on a row then mounts and fills the reader without importing its screen,
        panes and models first: by design, not by deferral, since the library waits
        for nothing here (the imports would be done by enter all the same).
        """
        if not self.reader_warmed:
            self.reader_warmed = True
            freeze = self.screen.briefing_app.manages_gc
            self.screen.run_worker(partial(warm_reader, freeze), name="warm_reader", thread=True)

    def place_cursor(self) -> None:
        """Put the cursor on the brief asked for (if any) and say what it is on."""
        screen = self.screen
        if screen.select_at_start is not None:
            screen.select_path(screen.select_at_start)
        screen.update_status()


class Shown:
    """What the library screen lists, by key, as a refresh's steps change it.

    A refresh reports what is new to the index. Another connection (the reminders', the
    agenda's, a search's) may have taken a file in first: new to the screen, not to the
    refresh. :meth:`missed` finds those once the refresh is done.

    Args:
        listed: What the screen listed as the refresh started (never changed in place).
    """

    def __init__(self, listed: list[LibraryEntry]) -> None:
        self.by_key = {entry.key: entry for entry in listed}

    def take(self, progress: Progress) -> None:
        """Take in a step of the refresh, as the screen will."""
        for key in progress.removed:
            self.by_key.pop(key, None)
        for entry in progress.entries:
            self.by_key[entry.key] = entry

    def missed(self, indexed: Iterable[LibraryEntry], roots: list[str], *, into: Progress) -> None:
        """Add to ``into`` what the index holds (``indexed``: its listing) and the screen would
        not show as it is, and the files the screen would list that are gone from the index.

        A missing library folder's own row (one of ``roots``) is not the index's to remove.
        """
        by_key = self.by_key
        held: set[str] = set()
        for entry in indexed:
            held.add(entry.key)
            if not same_version(by_key.get(entry.key), entry):
                into.entries.append(entry)
                by_key[entry.key] = entry
        for key, entry in list(by_key.items()):
            if key not in held and (entry.ok or (key not in roots and not os.path.exists(key))):
                into.removed.append(key)
                del by_key[key]


def same_version(shown: LibraryEntry | None, indexed: LibraryEntry) -> bool:
    """True when the screen's ``shown`` entry is the version of the file the index holds."""
    if shown is None:
        return False
    if shown.error is not None or indexed.error is not None:
        return str(shown.error) == str(indexed.error)
    return shown.digest == indexed.digest


def warm_reader(freeze: bool = False) -> None:
    """Import :data:`READER_MODULES` (in a thread: the import lock makes the UI thread wait
    for a module only if it needs it while it is being imported); with ``freeze``, then
    collect and freeze what lives now.

    The modules, the app and the library's screen live as long as the process. Frozen
    (after a collection, so that no garbage is frozen with them), no later collection
    walks them again: a full collection falling due during the first enter walked them
    all (the first brief's enter, in process: 106-241 ms, 97-147 frozen). Only when the
    launcher manages collection (the process is the reader's own, not a test's).
    """
    for name in READER_MODULES:
        import_module(name)
    if freeze:
        gc.collect()
        gc.freeze()
