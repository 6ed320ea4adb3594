"""How the library screen fills: from the index at once, then a refresh in a thread.

A mixin of :class:`~briefing.ui.screens.library.LibraryScreen` (its messages,
``Loaded``, ``Indexed`` and ``SearchIndexed``, are the screen's). What the
index knows is listed in the first frame; the files are checked for changes,
in worker processes, once that frame is out; the search tables fill last.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from briefing.core.library import LibraryEntry
from briefing.ui.widgets.library_table import LibraryTable

if TYPE_CHECKING:
    from typing import Any

    from textual.app import App
    from textual.message import Message

    from briefing.ui.app import BriefingApp
    from briefing.ui.screens.library import LibraryScreen

UPDATE_EVERY = 0.3
"""Seconds between two steps of progress shown while a library is being indexed."""

ROWS_EVERY = 3
"""Steps of progress between two redraws of the rows while indexing (about a second)."""

REFRESH_FALLBACK = 0.5
"""Seconds after which the index is refreshed even if the table never said it was drawn."""


class LoadingMixin:
    """Listing from the index, refreshing it, and taking in what the refresh finds."""

    if TYPE_CHECKING:  # provided by LibraryScreen
        paths: list[Path]
        entries: list[LibraryEntry]
        _loading: bool
        _progress: tuple[int, int] | None
        _refresh_started: bool
        _steps_since_rows: int
        _select: Path | None
        Loaded: type[LibraryScreen.Loaded]
        Indexed: type[LibraryScreen.Indexed]
        SearchIndexed: type[LibraryScreen.SearchIndexed]

        app: App[Any]

        @property
        def briefing_app(self) -> BriefingApp: ...

        def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...

        def post_message(self, message: Message) -> bool: ...

        def call_later(self, callback: Any, *args: Any) -> bool: ...

        def refresh_rows(self) -> None: ...

        def update_title(self) -> None: ...

        async def mount_filter(self) -> Any: ...

        def update_status(self) -> None: ...

        def select_path(self, path: Path) -> None: ...

    def _list_cached(self) -> None:
        index = self.briefing_app.library_index
        assert index is not None
        self._loading = True
        self._progress = None
        # Handled now rather than posted: the rows must be in the first frame.
        self.on_library_screen_loaded(self.Loaded(index.cached(self.paths)))

    def on_library_table_painted(self, message: LibraryTable.Painted) -> None:
        self.briefing_app.first_frame_out()
        self.call_later(self._refresh_after_paint)
        self.call_later(self.mount_filter)

    def _refresh_after_paint(self) -> None:
        if not self._refresh_started:
            self._refresh_started = True
            self.load_entries(self.paths, False, cached_listed=True)

    def action_reload(self) -> None:
        """Check the library for new, changed and vanished files (re-reading every file)."""
        self._start_loading(force=bool(self.entries))

    def _start_loading(self, *, force: bool = False) -> None:
        self._loading = True
        self._progress = None
        self.update_title()
        self.load_entries(self.paths, force)

    @work(thread=True, exclusive=True, group="library-load")
    def load_entries(
        self, paths: list[Path], force: bool = False, *, cached_listed: bool = False
    ) -> None:
        """List the library from its index, then bring the index up to date, in a thread.

        Without an index (no data folder), every file is read, as the rows fill in.
        """
        from briefing.storage.index.database import Progress
        from briefing.storage.index.indexing import index_in_processes

        app = self.briefing_app
        index = app.library_index
        if index is None:
            from briefing.core.library import scan

            batch: list[LibraryEntry] = []
            last = time.monotonic()
            for entry in scan(paths, local_zone=app.local_zone):
                batch.append(entry)
                if time.monotonic() - last > 0.1:
                    self.post_message(self.Indexed(Progress(entries=batch)))
                    batch, last = [], time.monotonic()
            self.post_message(self.Indexed(Progress(entries=batch, done=True)))
            return
        if not force and not cached_listed:
            self.post_message(self.Loaded(index.cached(paths)))
        worker = get_current_worker()
        batch_progress: Progress | None = None
        last = time.monotonic()
        for progress in index.refresh(paths, indexer=index_in_processes, force=force):
            if worker.is_cancelled:
                return
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
                self.post_message(self.Indexed(batch_progress))
                batch_progress, last = None, time.monotonic()
        # The search index fills once every brief is listed (seconds on a first start).
        for done, total in index.build_search():
            if worker.is_cancelled:
                return
            self.app.post_message(self.SearchIndexed(done, total))

    def on_library_screen_loaded(self, message: LibraryScreen.Loaded) -> None:
        self.entries = message.entries
        self.refresh_rows()
        self._place_cursor()

    def on_library_screen_indexed(self, message: LibraryScreen.Indexed) -> None:
        progress = message.progress
        self._progress = (progress.checked, progress.total)
        gone = set(progress.removed)
        fresh = {entry.key: entry for entry in progress.entries}
        if gone or fresh:
            kept = [e for e in self.entries if e.key not in gone and e.key not in fresh]
            self.entries = kept + list(fresh.values())
        if progress.done:
            self._loading = False
            self._progress = None
            # A library folder that was missing is listed as one unreadable row; once it
            # is a folder again, its files are listed instead.
            self.entries = [e for e in self.entries if e.ok or not os.path.isdir(e.key)]
        first_rows = not self.query_one(LibraryTable).row_count
        self._steps_since_rows += 1
        if (
            progress.done
            or gone
            or (fresh and (first_rows or self._steps_since_rows >= ROWS_EVERY))
        ):
            self._steps_since_rows = 0
            self.refresh_rows()
            if first_rows or progress.done:
                self._place_cursor()
        else:
            # The count in the title moves at every step; re-sorting and redrawing a
            # growing table at each one took CPU from the workers indexing it.
            self.update_title()

    def _place_cursor(self) -> None:
        if self._select is not None:
            self.select_path(self._select)
        self.update_status()
