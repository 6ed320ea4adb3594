"""The library: every brief under the configured folders, sortable and filterable as you type."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from briefing.core.library import LibraryEntry, matches, prefetch, sort_entries
from briefing.storage.store.database import StoreError
from briefing.ui.app import BriefingApp
from briefing.ui.field_keys import field_binding, field_key_allowed
from briefing.ui.key_hints import key_hint
from briefing.ui.screens.library_loading import REFRESH_FALLBACK, LibraryLoader
from briefing.ui.screens.library_texts import (
    LIBRARY_CSS,
    preview_content,
    samples_notice,
    shows_samples,
    status_content,
)
from briefing.ui.screens.styled_once import StyledOnce
from briefing.ui.widgets.key_bar import KeyBar
from briefing.ui.widgets.library_table import LibraryTable

if TYPE_CHECKING:
    from briefing.core.anchors import Anchor
    from briefing.core.library import BriefSummary
    from briefing.storage.store.database import Store

SORTS = ("published", "title", "deadline")

SORT_LABELS = {"published": "newest first", "title": "title", "deadline": "next deadline"}


class LibraryScreen(StyledOnce[None]):
    """One row per brief; ``enter`` opens it, ``/`` filters, ``s`` changes the order.

    How it fills (the index at once, then a refresh in a thread) is its ``loader``'s
    (:class:`~briefing.ui.screens.library_loading.LibraryLoader`).
    """

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (140, "-wide")]
    DEFAULT_CSS = LIBRARY_CSS  # (its title, notice, filter, preview and status)

    BINDINGS = [
        Binding("enter", "open", "Open", id="library.open", priority=False),
        # Into and out of the filter (see briefing.ui.field_keys).
        field_binding("slash", "filter", "Filter", id="library.filter"),
        field_binding("enter", "to_list", "To the list", show=False, id="library.to-list"),
        Binding("s", "cycle_sort", "Sort", id="library.sort"),
        Binding("r", "reload", "Reload", id="library.reload"),
        # Opens the note editor (a text field): see briefing.ui.field_keys.
        field_binding("n", "note", "Note", show=False, id="library.note"),
        Binding("b", "bookmark", "Bookmark", show=False, id="library.bookmark"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear-filter"),
        Binding("q", "app.quit", "Quit", id="library.quit"),
    ]

    order: reactive[str] = reactive("published", init=False)
    """How rows are sorted: ``published``, ``title`` or ``deadline``."""

    class OpenBrief(Message):
        """The user asked to open ``entry``; the app pushes the reader."""

        def __init__(self, entry: LibraryEntry, siblings: list[LibraryEntry]) -> None:
            self.entry = entry
            self.siblings = siblings
            super().__init__()

    def __init__(
        self,
        paths: list[Path],
        *,
        preloaded: list[LibraryEntry] | None = None,
        select: Path | None = None,
    ) -> None:
        super().__init__()
        self.select_at_start = select
        """The brief to put the cursor on once the library is listed (back from it)."""
        self.paths = paths
        self.entries: list[LibraryEntry] = list(preloaded or [])
        self.listed_in_order: list[LibraryEntry] | None = None  # as the index ordered them
        self._rows_from: list[LibraryEntry] | None = None  # the entries the rows were drawn from
        self._preloaded = preloaded is not None
        self.loader = LibraryLoader(self)
        """Lists the library from its index and refreshes the index."""

    briefing_app = getters.app(BriefingApp)
    """The app, typed."""

    def compose(self) -> ComposeResult:
        yield Static(id="library-title", markup=False)
        if shows_samples(self.paths):
            yield Static(samples_notice(), id="library-notice", markup=False)
        # The filter field is mounted once the first frame is out (see mount_filter).
        yield LibraryTable(id="library-table")
        yield Static(id="library-preview", markup=False)  # docked right from 140 columns
        yield Static(id="library-status", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_interval(1, self.tick, name="library-countdowns")
        if self._preloaded:
            self.refresh_rows()
            if self.select_at_start is not None:
                self.select_path(self.select_at_start)
        elif self.briefing_app.library_index is not None:
            # What the index knows is listed in the first frame (20 ms for 5,000 briefs);
            # checking the files for changes waits until that frame is on screen.
            self.loader.list_cached()
            self.set_timer(
                REFRESH_FALLBACK, self.loader.refresh_after_paint, name="refresh-fallback"
            )
        else:
            self.loader.start()
        self.query_one(LibraryTable).focus()

    @property
    def now(self) -> datetime:
        """The app's current time (through its injected clock)."""
        return self.briefing_app.now()

    def tick(self) -> None:
        """Advance every countdown in the table to the clock's time (only the rows on screen are redrawn)."""
        self.query_one(LibraryTable).now = self.now

    def visible_entries(self) -> list[LibraryEntry]:
        """The entries that pass the filter, in the current order."""
        query = self.filter_text
        if not query and self.order == "published" and self.listed_in_order is self.entries:
            return self.entries  # as the index listed them: in this order already
        if query or self.order != "published":
            # Both read every summary: fetched in a few queries, not one per brief.
            prefetch(self.entries)
        shown = [e for e in self.entries if matches(e, query)]
        return sort_entries(shown, self.order, self.now)

    def refresh_rows(self) -> None:
        """Rebuild the table from the entries, the filter and the order."""
        table = self.query_one(LibraryTable)
        marks, visited = self.marks()
        table.show_entries(self.visible_entries(), self.now, marks, visited)
        self._rows_from = self.entries
        self.update_title()
        self.update_status()

    def marks(self) -> tuple[dict[str, str], dict[str, str] | None]:
        """ "✎3 ★1" for each brief id with notes or bookmarks, and the file digest of each
        brief at the user's last visit (the table marks ● what is new or changed since).

        Both come from the store; a library of 5,000 gets its ● worked out row by row as
        rows are drawn, not for every brief on each keystroke.
        """
        app = self.briefing_app
        store = app.store
        seen_items = app.seen_items
        if store is None or seen_items is None:
            return {}, None
        try:
            counts = store.note_counts()
            visited = seen_items.visited()
        except StoreError as error:
            app.store_failed(error)
            return {}, None
        marks = {
            brief_id: " ".join(
                part for part in (f"✎{n}" if n else "", f"★{b}" if b else "") if part
            )
            for brief_id, (n, b) in counts.items()
            if n or b
        }
        return marks, visited

    def on_screen_resume(self) -> None:
        # Back from a brief: its notes, bookmarks and visit may have changed, the rows not
        # (a refresh of the index redraws them itself): only the marks are read again.
        if self.is_mounted:
            self.refresh_marks()
            self.update_status()  # (the highlighted brief's countdown in the preview)

    def refresh_marks(self) -> None:
        """Read the notes marks and visits again; redraw the rows on screen whose mark changed."""
        marks, visited = self.marks()
        self.query_one(LibraryTable).update_marks(marks, visited)

    def update_title(self) -> None:
        loading, progress = self.loader.loading, self.loader.progress
        if loading and progress is None and not self.entries:
            text = "Library · indexing…"
        elif loading and progress is not None and progress[1]:
            checked, total = progress
            text = f"Library · indexing {checked:,} of {total:,}…"
        else:
            invalid = sum(1 for e in self.entries if e.error is not None)
            count = len(self.entries)
            shown = f"{self.query_one(LibraryTable).row_count:,} of " if self.filter_text else ""
            text = f"Library · {shown}{count:,} brief{'s' if count != 1 else ''}"
            if invalid:
                text += f" ({invalid:,} invalid)"
            if loading:
                text += " · checking for changes…"
        text += f" · sorted by {SORT_LABELS[self.order]} ({key_hint(self, 'library.sort', 's')})"
        query = self.filter_text
        if query:
            text += f" · filter: {query}"
        self.query_one("#library-title", Static).update(Content(text))

    def update_status(self) -> None:
        """Say what the highlighted row is: its path, or everything wrong with it; and
        preview it (shown at wide sizes)."""
        entry = self.highlighted_entry()
        self.query_one("#library-preview", Static).update(preview_content(entry, self.now))
        self.query_one("#library-status", Static).update(
            status_content(
                self.entries, entry, library=self.paths, loading=self.loader.loading, now=self.now
            )
        )

    def highlighted_entry(self) -> LibraryEntry | None:
        """The entry under the cursor, as the library knows it now."""
        entry = self.query_one(LibraryTable).highlighted_entry
        if entry is None or self._rows_from is self.entries:
            return entry  # the rows show the entries as they are (no map of 5,000 keys built)
        # A refresh took in entries the rows do not show yet (until they are redrawn).
        return next((e for e in self.entries if e.key == entry.key), None)

    @on(LibraryTable.Painted)
    def _painted(self) -> None:
        self.loader.painted()

    @on(LibraryLoader.Loaded)
    def _loaded(self, message: LibraryLoader.Loaded) -> None:
        self.loader.loaded(message.entries)

    @on(LibraryLoader.Indexed)
    def _indexed(self, message: LibraryLoader.Indexed) -> None:
        self.loader.indexed(message.progress)

    def action_reload(self) -> None:
        """Check the library for new, changed and vanished files (re-reading every file)."""
        self.loader.start(force=bool(self.entries))

    def on_library_table_row_highlighted(self, event: LibraryTable.RowHighlighted) -> None:
        self.update_status()

    def on_library_table_row_selected(self, event: LibraryTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        """Open the highlighted brief, or show why it cannot be opened."""
        entry = self.highlighted_entry()
        if entry is None:
            return
        if not entry.ok:
            # Its problems are in the status area below: a toast would cover them.
            self.app.bell()
            return
        siblings = [e for e in self.visible_entries() if e.ok]
        self.post_message(self.OpenBrief(entry, siblings))

    def _brief_anchor(self) -> tuple[Anchor, BriefSummary] | None:
        # deferred: anchors bring the sections' registry, for a note or bookmark only
        from briefing.core.anchors import Anchor, ItemKind

        entry = self.highlighted_entry()
        if entry is None or entry.summary is None:
            return None
        if self.briefing_app.annotations is None:
            self.briefing_app.notes_unavailable()
            return None
        return Anchor(entry.summary.brief_id, ItemKind.BRIEF, ""), entry.summary

    def action_note(self) -> None:
        """Write a note on the highlighted brief as a whole (saved off the UI thread)."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.note_editor import NoteEditorScreen

        found = self._brief_anchor()
        if found is None:
            return
        anchor, brief = found

        def saved() -> None:
            self.app.notify("Note saved on the brief", timeout=3)
            if self in self.app.screen_stack:  # (written once the database was free)
                self.refresh_rows()

        save, keep_draft = self.briefing_app.notes_keeper.note_saver(
            anchor, brief_title=brief.title, item_text=brief.title, saved=saved
        )
        self.app.push_screen(
            NoteEditorScreen(
                f"New note on the brief “{brief.title}”", save=save, keep_draft=keep_draft
            )
        )

    def action_bookmark(self) -> None:
        """Toggle a bookmark on the highlighted brief (written off the UI thread)."""
        found = self._brief_anchor()
        if found is None or self.briefing_app.annotations is None:
            return
        anchor, brief = found
        now = self.now

        def toggle(store: Store) -> bool:
            # deferred: the note models, after the first frame
            from briefing.storage.store.notes import Annotations

            return Annotations(store).toggle_bookmark(
                anchor, brief_title=brief.title, item_text=brief.title, now=now
            )

        def toggled(on: bool) -> None:
            self.app.notify("Brief bookmarked" if on else "Bookmark removed", timeout=3)
            if self in self.app.screen_stack:  # (written once the database was free)
                self.refresh_rows()

        self.briefing_app.notes_keeper.write(toggle, toggled)

    @property
    def filter_field(self) -> Input | None:
        """The filter field, once ``/`` has mounted it."""
        found = self.query("#library-filter")
        return found.first(Input) if found else None

    @property
    def filter_text(self) -> str:
        """What the filter field holds ("" before it exists)."""
        field = self.filter_field
        return field.value if field is not None else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``/`` is the field's own while a text field has the focus; enter leaves the filter."""
        return field_key_allowed(self, action, opens={"filter", "note"}, leaves={"to_list"})

    async def mount_filter(self) -> Input:
        """Mount the filter field, hidden, unless it is there already.

        Done once the first frame is out rather than in compose (the first frame does
        without it), and not on ``/`` either: keys typed straight after ``/`` would
        reach the screen while the field was being mounted (``r`` reloading, ``s``
        sorting) instead of the field.
        """
        field = self.filter_field
        if field is None:
            field = Input(
                placeholder="Filter by title, tag or person (enter: to the list, escape: clear)",
                id="library-filter",
            )
            field.display = False
            await self.mount(field, after="#library-title")
        return field

    async def action_filter(self) -> None:
        field = await self.mount_filter()
        field.display = True
        self.set_focus(field)  # at once (see briefing.ui.field_keys)

    def action_clear_filter(self) -> None:
        field = self.filter_field
        if field is None:
            return
        if field.value or field.display:
            field.value = ""
            field.display = False
            self.refresh_rows()
            self.set_focus(self.query_one(LibraryTable))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_rows()

    def action_to_list(self) -> None:
        """Leave the filter for the list, keeping what it holds."""
        self.set_focus(self.query_one(LibraryTable))

    def action_cycle_sort(self) -> None:
        self.order = SORTS[(SORTS.index(self.order) + 1) % len(SORTS)]

    def watch_order(self) -> None:
        self.refresh_rows()

    def select_path(self, path: Path) -> None:
        """Put the cursor on the brief at ``path`` (after returning from it)."""
        self.query_one(LibraryTable).select_key(str(path))
