"""Search across the library (``ctrl+f``): every brief's items and the user's notes, as you type.

The screen only routes: each keystroke starts a thread worker that asks
:class:`~briefing.storage.index.search.LibrarySearch` (over a read-only
connection of its own to the library index) and posts what it found.
``enter`` opens the brief of the highlighted hit at its item, in a reader over
this screen (:meth:`~briefing.ui.app_library.LibraryWide.open_item`): escape there
comes back here.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefing.core.safetext import display_path
from briefing.storage.index.briefs import lists_any
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.indexing import index_in_processes
from briefing.storage.index.refreshing import build_search, refresh
from briefing.storage.index.schema import file_identity
from briefing.storage.index.search import (
    Hit,
    LibrarySearch,
    NotesIndex,
    SearchResult,
    open_search_connection,
)
from briefing.storage.store.annotation_pages import AnnotationPages
from briefing.storage.store.database import StoreError
from briefing.ui.app_library import ItemTarget
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.screens.search_texts import hit_prompt, index_broken, lost_problem, status_text
from briefing.ui.widgets.key_bar import KeyBar
from briefing.ui.widgets.result_list import ResultList

if TYPE_CHECKING:
    from briefing.ui.app import BriefingApp

RECHECK_SECONDS = 1.0
"""While the search index is being filled, the search runs again this often."""


class SearchScreen(ModalScreen[None]):
    """Search every brief and note of the library as you type; ``enter`` opens the hit.

    | Key | Action |
    | :- | :- |
    | `up`, `down` | Move in the results while typing. |
    | `enter` | Open the brief at the highlighted hit. |
    | `escape` | Close. |
    """

    BINDINGS = [
        Binding("escape", "close", "Close", id="search.close"),
        Binding("enter", "open", "Open", id="search.open"),
        Binding("down", "move(1)", "Next", show=False, id="search.next"),
        Binding("up", "move(-1)", "Previous", show=False, id="search.previous"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="search.page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="search.page-up"),
    ]

    DEFAULT_CSS = """
    SearchScreen { align: center middle; }
    SearchScreen > Vertical {
        width: 95%; max-width: 140; height: 90%;
        border: thick $accent; background: $surface; padding: 0;
    }
    /* The box has no padding so the results' scrollbar sits against its border; each part
       keeps its own room from the border instead. */
    SearchScreen #search-title { text-style: bold; color: $accent; padding: 0 2; }
    SearchScreen #search-status { padding: 0 2; height: auto; max-height: 2; }
    SearchScreen Input { margin: 0 1; }
    SearchScreen OptionList { height: 1fr; width: 100%; border: none; padding: 0 0 0 2; }
    /* Up and down move the results while the query has the focus: draw the cursor as such. */
    SearchScreen OptionList > .option-list--option-highlighted {
        color: $block-cursor-foreground; background: $block-cursor-background;
    }
    """

    @dataclass
    class Found(Message):
        """A search finished (posted from its worker); handled by ``on_search_screen_found``."""

        query: str
        result: SearchResult
        elapsed: float

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[Hit] = []
        """What the list shows, best first."""
        self._lock = threading.Lock()
        # Guards the searcher: a cancelled thread worker still runs to its end.
        self._searcher: LibrarySearch | None = None
        self._notes_path: Path | None = None
        """The notes database, whose notes are searched too."""
        self._closed = False
        self._building = False
        self._identity: tuple[int, int] | None = None
        """The device and inode of the index file the searcher opened."""
        self._rebuilding = False

    @property
    def briefing_app(self) -> BriefingApp:
        return cast("BriefingApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Search the library"), id="search-title")
            yield Input(placeholder='Words in any order, "a phrase", prefix*', id="search-input")
            yield Static(id="search-status")
            yield ResultList(markup=False, id="search-results")
        yield KeyBar(compact=False)

    def on_mount(self) -> None:
        annotations = self.briefing_app.annotations
        if annotations is not None and annotations.store.exists():
            # Read by the first search, in its thread, a chunk at a time (see _notes_index).
            self._notes_path = annotations.store.path
        self.query_one(Input).focus()
        self.run_search("")
        self.set_interval(RECHECK_SECONDS, self._recheck)

    def on_unmount(self) -> None:
        self._closed = True
        if self._lock.acquire(blocking=False):
            try:
                self._close_searcher()
            finally:
                self._lock.release()

    # Searching -----------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.run_search(event.value)

    def _recheck(self) -> None:
        if self._building:
            self.run_search(self.query_one(Input).value)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Search for ``query`` in a thread and post :class:`Found`."""
        worker = get_current_worker()
        with self._lock:
            if worker.is_cancelled or self._closed:
                if self._closed:
                    self._close_searcher()
                return
            started = time.perf_counter()
            result = self._search(query)
            elapsed = time.perf_counter() - started
            if self._closed:
                self._close_searcher()
        if not worker.is_cancelled:
            self.post_message(self.Found(query, result, elapsed))

    def _search(self, query: str) -> SearchResult:
        """Run one search (holding the lock), opening the index on first use."""
        app = self.briefing_app
        index = app.library_index
        if index is None:
            return SearchResult(problem="search needs the library index, which cannot be used")
        if not index.persistent:
            # Kept in memory this run (a data folder that cannot be written): nothing to open.
            where = display_path(index.path)
            return SearchResult(problem=f"{where}: cannot be written, so search is unavailable")
        if self._searcher is not None and self._identity != file_identity(index.path):
            self._close_searcher()  # the file was deleted or replaced: open the new one
        if self._searcher is None:
            try:
                connection = open_search_connection(index.path)
            except sqlite3.Error as error:
                # Deleted, or damaged, while the reader runs: the README promises a rebuild.
                # Not there yet: being created by the library's refresh, if there is one.
                self.app.call_from_thread(
                    self.rebuild_index, index.path.exists(), missing=not index.lost()
                )
                return SearchResult(building=(0, 0), problem=lost_problem(error))
            if not self._listed(index, app.library_paths):
                # Created by the reader keeping a brief opened alone: nothing listed yet.
                connection.close()
                self.app.call_from_thread(self.rebuild_index, False, missing=True)
                return SearchResult(building=(0, 0))
            self._identity = file_identity(index.path)
            self._searcher = LibrarySearch(connection, app.library_paths, self._notes_index())
        result = self._searcher.search(query)
        if result.problem and result.problem.startswith("search failed"):
            self._close_searcher()  # opened again by the next search
            if index_broken(result.problem):
                self.app.call_from_thread(self.rebuild_index, "no such table" not in result.problem)
                result = SearchResult(building=(0, 0))
        elif index.lost():
            self.app.call_from_thread(self.rebuild_index, False)
        return result

    @staticmethod
    def _listed(index: LibraryIndex, library: list[Path]) -> bool:
        """False when ``index`` lists no file of ``library`` (True when it cannot tell:
        a damaged index is found, and rebuilt, by the search itself)."""
        try:
            return lists_any(index, library)
        except sqlite3.DatabaseError:
            return True

    def _notes_index(self) -> NotesIndex | None:
        """The user's notes in a search table, streamed from the store (in the search thread)."""
        if self._notes_path is None:
            return None
        try:
            notes = NotesIndex(AnnotationPages(self._notes_path).every_note())
        except StoreError:
            return None  # the app says so where notes are used; search goes on
        if not notes.count:
            notes.close()
            return None
        return notes

    def rebuild_index(self, discard: bool, *, missing: bool = False) -> None:
        """Build the library index again (deleting a damaged file first when ``discard``).

        ``missing``: the file was never there; the library screen, if it is open, is
        creating it (a first start), so only a brief opened alone needs it built here.
        """
        if self._rebuilding or self._closed:
            return
        if missing and any(isinstance(s, LibraryScreen) for s in self.app.screen_stack):
            return
        self._rebuilding = self._building = True
        self._rebuild(discard)

    @work(thread=True, group="search-rebuild")
    def _rebuild(self, discard: bool) -> None:
        """List the library into a new index file, then fill its search tables (in a thread)."""
        app = self.briefing_app
        index = app.library_index
        try:
            if index is None:
                return
            index.start_again(discard=discard)
            worker = get_current_worker()
            for _ in refresh(index, app.library_paths, indexer=index_in_processes):
                if worker.is_cancelled or self._closed:
                    return
            for _ in build_search(index):
                if worker.is_cancelled or self._closed:
                    return
        finally:
            self._rebuilding = False

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.connection.close()
            if self._searcher.notes is not None:
                self._searcher.notes.close()
            self._searcher = None

    def on_search_screen_found(self, message: Found) -> None:
        message.stop()
        if message.query != self.query_one(Input).value:
            return  # typing went on: a newer search is on its way
        result = message.result
        self._building = result.building is not None
        self.query_one("#search-status", Static).update(
            status_text(result, message.query, message.elapsed)
        )
        options = self.query_one(OptionList)
        if self.hits and result.hits == self.hits:
            return  # a recheck found nothing new: keep the cursor where it is
        self.hits = result.hits
        options.clear_options()
        shown: list[Option | None] = []
        for index, hit in enumerate(self.hits):
            if shown:
                shown.append(None)
            shown.append(Option(hit_prompt(hit), id=str(index)))
        if not shown and message.query.strip() and not result.problem:
            shown.append(
                Option(Content.styled("Nothing matches", "italic $text-muted"), disabled=True)
            )
        options.add_options(shown)
        if self.hits:
            options.highlighted = 0

    # Moving and opening -------------------------------------------------------------

    def action_move(self, step: int) -> None:
        """Move the highlight in the results (the input keeps the focus)."""
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_page(self, step: int) -> None:
        """Move the highlight a page."""
        options = self.query_one(OptionList)
        if step > 0:
            options.action_page_down()
        else:
            options.action_page_up()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        """Open the brief at the highlighted hit."""
        highlighted = self.query_one(OptionList).highlighted_option
        if highlighted is not None and highlighted.id is not None:
            self._open(self.hits[int(highlighted.id)])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._open(self.hits[int(event.option.id)])

    def _open(self, hit: Hit) -> None:
        self.briefing_app.library_wide.open_item(ItemTarget(Path(hit.path), hit.kind, hit.item_id))

    def action_close(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
