"""Notes and bookmarks on the items of the brief screen.

The screen owns one :class:`BriefAnnotations`: it finds the focused item, asks the
note editor for text, and calls the store through the app's note keeper; widgets
only show marks (✎ notes, ★ bookmark) and the notes panel shows the notes of the
item under the cursor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.css.query import NoMatches

from briefing.core import sections
from briefing.core.anchors import KIND_OF_SECTION, Anchor, ItemKind, item_text
from briefing.storage.store.database import StoreError
from briefing.ui.field_keys import field_binding, field_key_allowed
from briefing.ui.key_hints import key_hint
from briefing.ui.screens.brief_marks import MarksRead, changes_said
from briefing.ui.screens.note_actions import NoteActions
from briefing.ui.store_guard import annotations_of
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.participant_table import ParticipantTable

if TYPE_CHECKING:
    from briefing.core.annotations import Note
    from briefing.core.models import Brief
    from briefing.storage.store.brief_notes import BriefNotes
    from briefing.storage.store.database import Store
    from briefing.storage.store.notes import Annotations
    from briefing.ui.screens.brief import BriefScreen

ItemKey = tuple[ItemKind, str]


ANNOTATION_BINDINGS = [
    # Keys that open the note editor (a text field): priority, so that the keys typed
    # straight after them go to the editor, never to the panes' bindings (ui.field_keys).
    field_binding("n", "note", "Note", id="brief.note"),
    field_binding("E", "edit_note", "Edit note", show=False, id="brief.edit-note"),
    Binding("e", "external_edit", "Edit in $EDITOR", show=False, id="brief.external-edit"),
    Binding("o", "external_edit('brief')", "Open in $EDITOR", show=False, id="brief.open-file"),
    Binding("d", "delete_note", "Delete note", show=False, id="brief.delete-note"),
    Binding("b", "bookmark", "Bookmark", id="brief.bookmark"),
]

NOTE_ACTIONS = frozenset({"note", "edit_note"})
"""The actions of the priority keys that open the note editor (see ``note_key_allowed``)."""


class BriefAnnotations:
    """Actions and marks for notes and bookmarks on the items of one brief screen.

    Args:
        screen: The brief screen annotated (its brief, its cursor, its app).
    """

    def __init__(self, screen: BriefScreen) -> None:
        self.screen = screen
        self.note_counts: dict[ItemKey, int] = {}
        """How many notes each item has (read in a thread: a brief may hold a million)."""
        self.bookmarked: set[ItemKey] = set()
        """The items bookmarked."""
        self.brief_notes: BriefNotes | None = None
        """Reads this brief's marks and the notes of the item under the cursor."""
        self._marks_asked = self._moved_unsaid = 0
        self.actions = NoteActions(self)
        """Edit, delete and restore the notes of the focused item."""

    def note_key_allowed(self, action: str) -> bool:
        """Whether ``n`` or ``E`` (priority keys) may open the editor now: not while a text
        field has the focus, and ``n`` not while a search has matches (it moves to the next)."""
        if not field_key_allowed(self.screen, action, opens=NOTE_ACTIONS):
            return False
        return not (action == "note" and self.screen.search.has_matches)

    def reset(self) -> None:
        """Forget the annotations of the brief shown before."""
        self.note_counts = {}
        self.bookmarked = set()

    def load(self) -> None:
        """Show this brief's notes at once, and re-attach them to its current items in the
        background (a write: it waits for a busy database on the writer's thread, not here)."""
        self.show()
        keeper = self.screen.briefing_app.notes_keeper
        if self.screen.briefing_app.annotations is None or keeper.writer is None:
            return
        brief = self.screen.brief

        def reanchor(store: Store) -> tuple[int, int]:
            return annotations_of(store).reanchor(brief)

        def done(counts: tuple[int, int]) -> None:
            if self.screen.is_loaded and self.screen.brief is brief:  # still the brief on screen
                self.written(moved=counts[0])

        keeper.write(reanchor, done)

    def written(self, moved: int = 0) -> None:
        """A write of the store writer is done: show it, if this screen is still there
        (the user may have gone back to the library while the database was busy)."""
        if self.screen in self.screen.briefing_app.screen_stack and self.screen.is_loaded:
            self.show(moved)

    def show(self, moved: int = 0) -> None:
        """Read this brief's marks in a thread and show them (reads never wait for a writer:
        the database is in WAL mode); ``moved`` notes were re-attached to revised items."""
        annotations = self.screen.briefing_app.annotations
        if annotations is None:
            self.reset()
            self.refresh_marks()
            return
        if self.brief_notes is None or self.brief_notes.path != annotations.store.path:
            # deferred: the note models, after the first frame
            from briefing.storage.store.brief_notes import BriefNotes

            self.brief_notes = BriefNotes(annotations.store.path)
        self._marks_asked += 1
        self._moved_unsaid += moved
        self.read_marks(self.brief_notes, self.screen.brief, self._marks_asked)

    def read_marks(self, reader: BriefNotes, brief: Brief, asked: int) -> None:
        """Count the notes per item in a thread: a million notes take about a second."""
        screen = self.screen

        def read() -> None:
            try:
                screen.post_message(MarksRead(brief, asked, reader.marks(brief.id), None))
            except StoreError as error:
                screen.post_message(MarksRead(brief, asked, None, error))

        screen.run_worker(read, thread=True, exclusive=True, group="brief-marks")

    def marks_read(self, message: MarksRead) -> None:
        """The marks asked for are in: put them on the panes (and say what moved or was lost)."""
        if (
            not self.screen.is_loaded
            or message.brief is not self.screen.brief
            or message.asked != self._marks_asked
        ):
            return  # another brief, or a newer read is on its way
        self.reset()
        if message.marks is None:
            if message.error is not None:
                self.screen.briefing_app.store_failed(message.error)
            self.refresh_marks()
            return
        marks = message.marks
        self.note_counts = marks.notes
        self.bookmarked = marks.bookmarked
        # Said once per session for as many notes as are detached, not every time it opens.
        told = self.screen.briefing_app.told_detached
        lost = max(0, marks.detached - told.get(message.brief.id, 0))
        told[message.brief.id] = max(marks.detached, told.get(message.brief.id, 0))
        moved, self._moved_unsaid = self._moved_unsaid, 0
        if moved or lost:
            every = key_hint(self.screen, "app.notes", "N")
            self.screen.notify(
                changes_said(moved, lost, every), title="This brief has changed", timeout=8
            )
        self.refresh_marks()

    def notes_on(self, keys: list[ItemKey]) -> list[Note]:
        """The latest notes on ``keys`` (a few, oldest first), read from the store now."""
        # deferred: the note models, after the first frame
        from briefing.storage.store.brief_notes import NOTES_SHOWN

        reader = self.brief_notes
        if reader is None or self.screen.briefing_app.annotations is None:
            return []
        try:
            notes = [note for key in keys for note in reader.notes_on(self.screen.brief.id, key)]
        except StoreError as error:
            self.screen.briefing_app.store_failed(error)
            return []
        return sorted(notes, key=lambda note: (note.created, note.uid))[-NOTES_SHOWN:]

    def mark_for(self, key: ItemKey) -> str:
        """The mark shown before an item: ● when new to the user, ✎ with a count, ★ when bookmarked."""
        notes = self.note_counts.get(key, 0)
        mark = f"✎{notes}" if notes else ""
        if key in self.bookmarked:
            mark = f"{mark} ★".strip()
        unseen = self.screen.live.unseen_mark(*key)
        return f"{unseen} {mark}".strip() if unseen else mark

    def refresh_marks(self) -> None:
        """Put the marks on every list and table, and refresh the notes panel."""
        query = self.screen.query_one
        for section, kind in KIND_OF_SECTION.items():
            marks = {item_id: self.mark_for((kind, item_id)) for k, item_id in self.keys_of(kind)}
            widget = query(f"#{section}")
            if isinstance(widget, ItemList | ParticipantTable):
                widget.set_marks({item_id: mark for item_id, mark in marks.items() if mark})
        self.refresh_notes_panel()

    def keys_of(self, kind: ItemKind) -> list[ItemKey]:
        """Every item key of ``kind`` that has a note or a bookmark."""
        keys = set(self.note_counts) | self.bookmarked | set(self.screen.live.unseen_keys(kind))
        return [key for key in keys if key[0] is kind]

    # The focused item ---------------------------------------------------------------

    def focused_anchor(self) -> tuple[Anchor, str, str] | None:
        """The item under the cursor: its anchor, its text (saved with a note) and a label for people."""
        brief = self.screen.brief
        section = self.screen.current
        entry = sections.by_key(section)
        if entry is not None and entry.model is None:  # the summary: the brief itself
            return Anchor(brief.id, ItemKind.SUMMARY, ""), brief.summary, "the summary"
        kind = KIND_OF_SECTION[section]
        widget = self.screen.section_widget(section)
        item_id = widget.highlighted_id if isinstance(widget, ItemList | ParticipantTable) else None
        if item_id is None:
            return None
        # deferred: the note models, after the first frame
        from briefing.core.annotations import KIND_LABELS

        at = widget.highlighted if isinstance(widget, ItemList) else None
        text = item_text(brief, kind, item_id, at=at) or ""
        subject = f"{KIND_LABELS[kind].lower()} “{text[:60]}{'…' if len(text) > 60 else ''}”"
        return Anchor(brief.id, kind, item_id), text, subject

    # The notes panel ----------------------------------------------------------

    def refresh_notes_panel(self) -> None:
        """Show the notes of the item under the cursor below the panes.

        The strip is mounted the first time an item has something to show: hidden until
        then, it is not built for the first frame (about 1 ms of it).
        """
        # deferred: the note models, after the first frame
        from briefing.ui.widgets.notes_panel import NotesPanel

        try:
            panel: NotesPanel | None = self.screen.query_one(NotesPanel)
        except NoMatches:
            panel = None
        focused = self.focused_anchor() if self.screen.is_loaded else None
        if focused is None:
            if panel is not None:
                panel.show_notes("", [], False)
            return
        anchor, _, subject = focused
        key = (anchor.kind, anchor.item_id)
        bookmarked = key in self.bookmarked
        keys = [key]
        if anchor.kind is ItemKind.SUMMARY:
            # The summary stands for the brief as a whole: its star (b here) and the
            # notes written on the brief from the library show with it.
            bookmarked = bookmarked or (ItemKind.BRIEF, "") in self.bookmarked
            if self.note_counts.get((ItemKind.BRIEF, "")):
                keys.append((ItemKind.BRIEF, ""))
                subject = "the summary and the brief"
        total = sum(self.note_counts.get(k, 0) for k in keys)
        if panel is None:
            if not total and not bookmarked:
                return  # nothing to show yet: no strip to hide
            panel = NotesPanel(id="notes-panel")
            panes = self.screen.query_one("#panes")
            panel.styles.visibility = panes.styles.visibility  # (hidden while a brief is read)
            self.screen.mount(panel, after=panes)
        # Only the few notes the panel shows are read, and only for an item that has some.
        panel.show_notes(subject, self.notes_on(keys) if total else [], bookmarked, total=total)

    # Actions -------------------------------------------------------------------

    def annotations_or_say(self) -> Annotations | None:
        annotations = self.screen.briefing_app.annotations
        if annotations is None:
            self.screen.briefing_app.notes_unavailable()
        return annotations

    def note(self) -> None:
        """Write a new note on the focused item (saved off the UI thread; the editor
        closes once it is on disk)."""
        # deferred: a screen, imported when first opened
        from briefing.ui.screens.note_editor import NoteEditorScreen

        focused = self.focused_anchor() if self.screen.is_loaded else None
        if focused is None or self.annotations_or_say() is None:
            return
        anchor, text, subject = focused

        def saved() -> None:
            self.screen.briefing_app.notify(f"Note saved on {subject}", timeout=3, markup=False)
            self.written()

        save, keep_draft = self.screen.briefing_app.notes_keeper.note_saver(
            anchor, brief_title=self.screen.brief.title, item_text=text, saved=saved
        )
        editor = NoteEditorScreen(f"New note on {subject}", save=save, keep_draft=keep_draft)
        self.screen.briefing_app.push_screen(editor)

    def bookmark(self) -> None:
        """Toggle a bookmark on the focused item (on the brief itself from the summary)."""
        focused = self.focused_anchor() if self.screen.is_loaded else None
        annotations = self.annotations_or_say()
        if focused is None or annotations is None:
            return
        anchor, text, subject = focused
        if anchor.kind is ItemKind.SUMMARY:
            anchor, text, subject = (
                Anchor(self.screen.brief.id, ItemKind.BRIEF, ""),
                self.screen.brief.title,
                "this brief",
            )
        now = self.screen.briefing_app.now()

        def toggle(store: Store) -> bool:
            return annotations_of(store).toggle_bookmark(
                anchor, brief_title=self.screen.brief.title, item_text=text, now=now
            )

        def toggled(on: bool) -> None:
            self.screen.briefing_app.notify(
                f"{'Bookmarked' if on else 'Bookmark removed from'} {subject}",
                timeout=3,
                markup=False,
            )
            self.written()

        self.screen.briefing_app.notes_keeper.write(toggle, toggled)
