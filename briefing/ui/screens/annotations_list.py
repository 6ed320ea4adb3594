"""All notes (``N``) or all bookmarks (``B``) across briefs, filterable as you type.

The entries are read from the store a screenful at a time
(:class:`~briefing.ui.widgets.annotation_rows.AnnotationRows`); which ones are
listed, and the filter, are worked out in a thread
(:class:`~briefing.storage.store.annotation_pages.AnnotationPages`), so a million
notes neither freeze the reader nor fill its memory.

``enter`` dismisses with the anchor of the chosen entry; the app then opens its
brief at that item.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import getters, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from briefing.core.anchors import Anchor
from briefing.core.annotations import Bookmark, Note
from briefing.storage.store.annotation_pages import AnnotationPages, Listing
from briefing.storage.store.database import StoreError
from briefing.ui.app import BriefingApp
from briefing.ui.field_keys import field_binding, field_key_allowed
from briefing.ui.screens.note_actions import confirm_delete, open_note_editor
from briefing.ui.widgets.annotation_rows import AnnotationRows, Fetch, Row
from briefing.ui.widgets.key_bar import KeyBar


class AnnotationsScreen(ModalScreen[Anchor | None]):
    """A filterable list of the notes or the bookmarks (``table``) in the store, newest first."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="annotations.close"),
        field_binding("slash", "focus_filter", "Filter", id="annotations.filter"),  # ui.field_keys
        Binding("down", "to_list", "List", show=False, id="annotations.to-list"),
        Binding("E", "edit", "Edit", id="annotations.edit"),
        Binding("d", "delete", "Delete", id="annotations.delete"),
        # The app's ctrl+z does not reach through a modal screen.
        Binding("ctrl+z", "undo_delete", "Undo delete", show=False, id="annotations.undo-delete"),
    ]

    DEFAULT_CSS = """
    AnnotationsScreen { align: center middle; }
    AnnotationsScreen > Vertical {
        width: 95%; max-width: 120; height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    AnnotationsScreen #annotations-title { text-style: bold; color: $accent; padding: 0 1; }
    AnnotationsScreen #annotations-empty { color: $text-muted; text-style: italic; padding: 0 1; }
    """

    @dataclass
    class Listed(Message):
        """A listing was worked out in the thread; handled by ``on_annotations_screen_listed``."""

        query: str
        listing: Listing | None
        error: str | None = None

    def __init__(self, table: str, pages: AnnotationPages) -> None:
        super().__init__()
        self.table = table
        """``"notes"`` or ``"bookmarks"``."""
        self.pages = pages
        self.listing: Listing | None = None
        """What is listed now (``None`` until the first listing arrives)."""
        self._listed_query: str | None = None
        self._select_when_listed = False
        """``enter`` came before the list of the filter typed: choose its first row when it comes."""

    briefing_app = getters.app(BriefingApp)
    """The app, typed."""

    @property
    def noun(self) -> str:
        return "notes" if self.table == "notes" else "bookmarks"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(f"All {self.noun} (…)"), id="annotations-title", markup=False)
            yield Input(
                placeholder="Filter as you type (words in any order)", id="annotations-filter"
            )
            yield Static("", id="annotations-empty", markup=False).set_styles("display: none;")
            yield AnnotationRows(id="annotations-list")
        yield KeyBar(compact=False)

    def on_mount(self) -> None:
        self.list_entries("")
        self.set_focus(self.query_one(Input))  # at once: see ui.field_keys

    @work(thread=True, exclusive=True, group="annotations")
    def list_entries(self, query: str) -> None:
        """Work out the entries matching every word of ``query``; post :class:`Listed`."""
        worker = get_current_worker()
        try:
            listing = self.pages.listing(self.table, query, cancelled=lambda: worker.is_cancelled)
        except StoreError as error:
            self.post_message(self.Listed(query, None, str(error)))
            return
        if not worker.is_cancelled:
            self.post_message(self.Listed(query, listing))

    def on_annotations_screen_listed(self, message: Listed) -> None:
        if message.query != self.query_one(Input).value:
            return  # a newer filter is being worked out
        listing = self.listing = message.listing
        self._listed_query = message.query
        rows = self.query_one(AnnotationRows)
        title = self.query_one("#annotations-title", Static)
        empty = self.query_one("#annotations-empty", Static)
        if listing is None:
            title.update(Content(f"All {self.noun}"))
            empty.update(Content(message.error or ""))
            empty.display = True
            rows.show(0, lambda start, stop: [])
            return
        shown = len(listing)
        if listing.words:
            title.update(Content(f"All {self.noun} ({shown:,} of {listing.total:,})"))
        else:
            title.update(Content(f"All {self.noun} ({shown:,})"))
        empty.display = not shown
        empty.update(Content("Nothing matches" if listing.total else f"No {self.noun} yet"))
        rows.show(shown, self._fetcher(listing))
        if self._select_when_listed:
            self._select_when_listed = False
            rows.action_select()

    def _fetcher(self, listing: Listing) -> Fetch:
        def fetch(start: int, stop: int) -> list[Row]:
            try:
                return self.pages.rows(listing, start, stop)
            except StoreError as error:
                # Said in each row that cannot be shown (the database went away, say).
                return [str(error)] * (stop - start)

        return fetch

    def on_input_changed(self, event: Input.Changed) -> None:
        self.list_entries(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_to_list()

    def action_to_list(self) -> None:
        self.query_one(AnnotationRows).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``/`` is the field's own while a text field has the focus; ``E`` and ``d`` act on
        the highlighted entry, so only from the list (in the filter they are letters)."""
        if action in ("edit", "delete"):
            on_list = isinstance(self.focused, AnnotationRows)
            return on_list and (action == "delete" or self.table == "notes")
        return field_key_allowed(self, action, opens={"focus_filter"})

    def highlighted(self) -> Note | Bookmark | None:
        """The entry under the list's cursor."""
        rows = self.query_one(AnnotationRows)
        entry = rows.entry(rows.cursor) if rows.row_count else None
        return entry if isinstance(entry, Note | Bookmark) else None

    def relist(self) -> None:
        """List again, with the filter as it is (an entry was edited, deleted or restored)."""
        self.list_entries(self.query_one(Input).value)

    def action_edit(self) -> None:
        """Edit the highlighted note."""
        note = self.highlighted()
        if isinstance(note, Note):
            open_note_editor(self.briefing_app, note, "Note", note.body, self.relist)

    def action_undo_delete(self) -> None:
        """Bring back the note deleted last."""
        self.briefing_app.notes.undo_delete()

    def action_delete(self) -> None:
        """Delete the highlighted note (after asking) or bookmark."""
        entry = self.highlighted()
        if isinstance(entry, Note):
            confirm_delete(self.briefing_app, entry, f"“{entry.brief_title}”", self.relist)
        elif isinstance(entry, Bookmark):
            self.briefing_app.notes.remove_bookmark(entry, self.relist)

    def action_focus_filter(self) -> None:
        self.set_focus(self.query_one(Input))  # at once: see ui.field_keys

    def on_annotation_rows_selected(self, event: AnnotationRows.Selected) -> None:
        event.stop()
        if self._listed_query != self.query_one(Input).value:
            # Typed "word", enter, enter faster than the filter ran: the rows are the old ones.
            self._select_when_listed = True
            return
        entry = event.rows.entry(event.index)
        if entry is not None and not isinstance(entry, str):
            self.dismiss(entry.anchor)

    def action_close(self) -> None:
        self.dismiss(None)
