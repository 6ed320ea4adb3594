"""Notes and bookmarks on the items of the brief screen (a mixin of :class:`BriefScreen`).

The screen finds the focused item, asks the note editor for text, and calls
the store through the app; widgets only show marks (✎ notes, ★ bookmark) and
the notes panel shows the notes of the item under the cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from briefing.core.anchors import KIND_OF_SECTION, Anchor, ItemKind, item_text
from briefing.storage.store import StoreError

if TYPE_CHECKING:
    from briefing.core.annotations import Note
    from briefing.core.models import Brief
    from briefing.ui.app import BriefingApp

ItemKey = tuple[ItemKind, str]


def _confirm_screen() -> type:
    from briefing.ui.screens.confirm import ConfirmScreen

    return ConfirmScreen


ANNOTATION_BINDINGS = [
    Binding("n", "note", "Note", id="brief.note"),
    Binding("E", "edit_note", "Edit note", show=False, id="brief.edit-note"),
    Binding("e", "external_edit", "Edit in $EDITOR", show=False, id="brief.external-edit"),
    Binding("d", "delete_note", "Delete note", show=False, id="brief.delete-note"),
    Binding("b", "bookmark", "Bookmark", id="brief.bookmark"),
]


class AnnotatingMixin:
    """Actions and marks for notes and bookmarks; mixed into the brief screen."""

    notes_by_item: dict[ItemKey, list[Note]]
    bookmarked: set[ItemKey]

    if TYPE_CHECKING:  # provided by BriefScreen
        current: str

        @property
        def brief(self) -> Brief: ...

        @property
        def briefing_app(self) -> BriefingApp: ...

        @property
        def is_loaded(self) -> bool: ...

        def notify(self, message: str, **options: Any) -> None: ...

        def unseen_mark(self, kind: ItemKind, item_id: str) -> str: ...

        def unseen_keys(self, kind: ItemKind) -> list[tuple[ItemKind, str]]: ...

    def reset_annotations(self) -> None:
        """Forget the annotations of the brief shown before."""
        self.notes_by_item = {}
        self.bookmarked = set()

    def load_annotations(self) -> None:
        """Re-attach this brief's notes to its current items, then show their marks."""
        self.reset_annotations()
        annotations = self.briefing_app.annotations
        if annotations is None:
            self.refresh_marks()
            return
        brief = self.brief
        try:
            moved, detached = annotations.reanchor(brief)
            notes = annotations.notes_for_brief(brief.id)
            bookmarks = annotations.bookmarks_for_brief(brief.id)
        except StoreError as error:
            self.briefing_app.store_failed(error)
            self.refresh_marks()
            return
        for note in notes:
            if not note.detached:
                self.notes_by_item.setdefault((note.kind, note.item_id), []).append(note)
        self.bookmarked = {(b.kind, b.item_id) for b in bookmarks if not b.detached}
        # Say so once per note and session, not every time the brief is opened.
        told = self.briefing_app.told_detached
        newly = {note.uid for note in notes if note.detached} - told
        told |= newly
        lost = len(newly)
        if moved or lost:
            message = []
            if moved:
                message.append(f"{moved} note(s) or bookmark(s) moved to revised items")
            if lost:
                message.append(f"{lost} note(s) detached: their items are gone (N lists them)")
            self.notify("; ".join(message), title="This brief has changed", timeout=8)  # type: ignore[attr-defined]
        self.refresh_marks()

    def mark_for(self, key: ItemKey) -> str:
        """The mark shown before an item: ● when new to the user, ✎ with a count, ★ when bookmarked."""
        notes = len(self.notes_by_item.get(key, []))
        mark = f"✎{notes}" if notes else ""
        if key in self.bookmarked:
            mark = f"{mark} ★".strip()
        unseen = self.unseen_mark(*key)
        return f"{unseen} {mark}".strip() if unseen else mark

    def refresh_marks(self) -> None:
        """Put the marks on every list and table, and refresh the notes panel."""
        query = self.query_one  # type: ignore[attr-defined]
        from briefing.ui.widgets.item_list import ItemList
        from briefing.ui.widgets.participant_table import ParticipantTable

        for section, kind in KIND_OF_SECTION.items():
            marks = {item_id: self.mark_for((kind, item_id)) for k, item_id in self.keys_of(kind)}
            widget = query(f"#{section}")
            if isinstance(widget, ItemList | ParticipantTable):
                widget.set_marks({item_id: mark for item_id, mark in marks.items() if mark})
        self.refresh_notes_panel()

    def keys_of(self, kind: ItemKind) -> list[ItemKey]:
        """Every item key of ``kind`` that has a note or a bookmark."""
        keys = set(self.notes_by_item) | self.bookmarked | set(self.unseen_keys(kind))
        return [key for key in keys if key[0] is kind]

    # The focused item ----------------------------------------------------------

    def focused_anchor(self) -> tuple[Anchor, str, str] | None:
        """The item under the cursor: its anchor, its text (saved with a note) and a label for people."""
        brief = self.brief
        section = self.current
        if section == "summary":
            return Anchor(brief.id, ItemKind.SUMMARY, ""), brief.summary, "the summary"
        kind = KIND_OF_SECTION[section]
        widget = self.query_one(f"#{section}")  # type: ignore[attr-defined]
        item_id = widget.highlighted_id
        if item_id is None:
            return None
        from briefing.core.annotations import KIND_LABELS  # (its models: after the first frame)

        text = item_text(brief, kind, item_id) or ""
        subject = f"{KIND_LABELS[kind].lower()} “{text[:60]}{'…' if len(text) > 60 else ''}”"
        return Anchor(brief.id, kind, item_id), text, subject

    def refresh_notes_panel(self) -> None:
        """Show the notes of the item under the cursor below the panes."""
        from briefing.ui.widgets.notes_panel import NotesPanel

        panel = self.query_one(NotesPanel)  # type: ignore[attr-defined]
        focused = self.focused_anchor() if self.is_loaded else None
        if focused is None:
            panel.show_notes("", [], False)
            return
        anchor, _, subject = focused
        key = (anchor.kind, anchor.item_id)
        bookmarked = key in self.bookmarked
        notes = list(self.notes_by_item.get(key, []))
        if anchor.kind is ItemKind.SUMMARY:
            # The summary stands for the brief as a whole: its star (b here) and the
            # notes written on the brief from the library show with it.
            bookmarked = bookmarked or (ItemKind.BRIEF, "") in self.bookmarked
            whole = self.notes_by_item.get((ItemKind.BRIEF, ""), [])
            if whole:
                notes = sorted(notes + whole, key=lambda note: note.created)
                subject = "the summary and the brief"
        panel.show_notes(subject, notes, bookmarked)

    # Actions -------------------------------------------------------------------

    def _annotations_or_say(self):  # noqa: ANN202 - Annotations | None
        annotations = self.briefing_app.annotations
        if annotations is None:
            self.briefing_app.notes_unavailable()
        return annotations

    def action_note(self) -> None:
        """Write a new note on the focused item."""
        from briefing.ui.screens.note_editor import (
            NoteEditorScreen,  # deferred: TextArea costs ~10 ms of start-up
        )

        focused = self.focused_anchor() if self.is_loaded else None
        if focused is None or self._annotations_or_say() is None:
            return
        anchor, text, subject = focused

        def saved(body: str | None) -> None:
            if body is None:
                return
            annotations = self.briefing_app.annotations
            try:
                if annotations is None:
                    raise StoreError("notes are unavailable")
                annotations.add_note(
                    anchor,
                    brief_title=self.brief.title,
                    item_text=text,
                    body=body,
                    now=self.briefing_app.now(),
                )
            except StoreError as error:
                self.briefing_app.store_failed(error)
                self._keep_unsaved(subject, body, saved)
                return
            self.notify(f"Note saved on {subject}", timeout=3, markup=False)  # type: ignore[attr-defined]
            self.load_annotations()

        self.briefing_app.push_screen(NoteEditorScreen(f"New note on {subject}"), saved)  # type: ignore[attr-defined]

    def _latest_note(self) -> tuple[Note, str] | None:
        focused = self.focused_anchor() if self.is_loaded else None
        if focused is None:
            return None
        anchor, _, subject = focused
        notes = self.notes_by_item.get((anchor.kind, anchor.item_id), [])
        if not notes:
            self.notify("No note on this item yet; n writes one", timeout=3)  # type: ignore[attr-defined]
            return None
        return notes[-1], subject

    def _keep_unsaved(self, subject: str, body: str, retry: Callable[[str | None], None]) -> None:
        """A save failed: give the text back in the editor, so it is not lost with the error."""
        from briefing.ui.screens.note_editor import NoteEditorScreen

        heading = f"NOT SAVED: note on {subject}. Copy the text, or ctrl+s to try again."
        self.briefing_app.push_screen(NoteEditorScreen(heading, body), retry)

    def _save_edit(self, note: Note, body: str | None) -> None:
        if body is None or body == note.body:
            return
        annotations = self.briefing_app.annotations
        try:
            if annotations is None:
                raise StoreError("notes are unavailable")
            annotations.update_note(note.uid, body, self.briefing_app.now())
        except StoreError as error:
            self.briefing_app.store_failed(error)
            self._keep_unsaved("an edited note", body, lambda again: self._save_edit(note, again))
            return
        self.notify("Note updated", timeout=3)  # type: ignore[attr-defined]
        self.load_annotations()

    def action_edit_note(self) -> None:
        """Edit the latest note of the focused item."""
        from briefing.ui.screens.note_editor import NoteEditorScreen

        found = self._latest_note()
        if found is None or self._annotations_or_say() is None:
            return
        note, subject = found
        self.briefing_app.push_screen(
            NoteEditorScreen(f"Note on {subject}", note.body),
            lambda body: self._save_edit(note, body),
        )  # type: ignore[attr-defined]

    def action_external_edit(self) -> None:
        """Edit the latest note of the focused item in $EDITOR (the reader steps aside meanwhile)."""
        found = self._latest_note()
        if found is None or self._annotations_or_say() is None:
            return
        from briefing.storage.editor import EditorError, edit_text

        note, _ = found
        try:
            with self.briefing_app.suspend():  # type: ignore[attr-defined]
                body = edit_text(note.body)
        except EditorError as error:
            self.notify(str(error), severity="error", markup=False)  # type: ignore[attr-defined]
            return
        except Exception as error:  # noqa: BLE001 - SuspendNotSupported and the like
            self.notify(
                f"Cannot open an external editor here: {error}", severity="error", markup=False
            )  # type: ignore[attr-defined]
            return
        self._save_edit(note, body if body.strip() else None)

    def action_delete_note(self) -> None:
        """Delete the latest note of the focused item, after asking."""
        found = self._latest_note()
        if found is None or self._annotations_or_say() is None:
            return
        note, subject = found
        preview = note.body.strip().splitlines()[0][:60] if note.body.strip() else ""

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.briefing_app.annotations.delete_note(note.uid)  # type: ignore[union-attr]
            except StoreError as error:
                self.briefing_app.store_failed(error)
                return
            self.notify("Note deleted", timeout=3)  # type: ignore[attr-defined]
            self.load_annotations()

        self.briefing_app.push_screen(
            _confirm_screen()(
                f"Delete this note on {subject}?\n\n{preview}", yes="Delete", no="Keep"
            ),
            answered,
        )  # type: ignore[attr-defined]

    def action_bookmark(self) -> None:
        """Toggle a bookmark on the focused item (on the brief itself from the summary)."""
        focused = self.focused_anchor() if self.is_loaded else None
        annotations = self._annotations_or_say()
        if focused is None or annotations is None:
            return
        anchor, text, subject = focused
        if anchor.kind is ItemKind.SUMMARY:
            anchor, text, subject = (
                Anchor(self.brief.id, ItemKind.BRIEF, ""),
                self.brief.title,
                "this brief",
            )
        try:
            on = annotations.toggle_bookmark(
                anchor, brief_title=self.brief.title, item_text=text, now=self.briefing_app.now()
            )
        except StoreError as error:
            self.briefing_app.store_failed(error)
            return
        self.notify(
            f"{'Bookmarked' if on else 'Bookmark removed from'} {subject}", timeout=3, markup=False
        )  # type: ignore[attr-defined]
        self.load_annotations()
