"""Editing and deleting the notes of the reader's focused item.

:class:`~briefing.ui.screens.annotating.BriefAnnotations` owns one :class:`NoteActions`.
With several notes on the item, ``E``, ``e`` and ``d`` ask which one (they took the
newest); a deletion is kept by the app's notes part so ``ctrl+z`` can bring it back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.content import Content

from briefing.core.anchors import Anchor

if TYPE_CHECKING:
    from briefing.core.annotations import Note
    from briefing.ui.app import BriefingApp
    from briefing.ui.screens.annotating import BriefAnnotations


def note_label(note: Note) -> Content:
    """One line for a note in a choice: when it was last written, and how it starts."""
    stamp = note.updated.astimezone().strftime("%Y-%m-%d %H:%M")
    first = note.body.strip().splitlines()[0] if note.body.strip() else ""
    # Which of two notes import-notes kept side by side came in: the marked one.
    warning = ("⚠ imported  ", "bold $warning") if note.conflict is not None else ""
    return Content.assemble(warning, (f"{stamp}  ", "$text-muted"), first[:70])


def open_note_editor(
    app: BriefingApp,
    note: Note,
    subject: str,
    text: str,
    written: Callable[[], None],
    *,
    save_at_once: bool = False,
) -> None:
    """An editor on ``note`` opened with ``text`` (saved at once when asked); ``written``
    is called once the change is on disk."""

    def saved() -> None:
        app.notify("Note updated", timeout=3)
        written()

    save, keep_draft = app.notes_keeper.note_saver(
        Anchor(note.brief_id, note.kind, note.item_id),
        brief_title=note.brief_title,
        item_text=note.item_text,
        note_uid=note.uid,
        saved=saved,
    )
    # deferred: a screen (TextArea: ~10 ms of start-up), when first opened
    from briefing.ui.screens.note_editor import NoteEditorScreen

    editor = NoteEditorScreen(subject, text, save=save, keep_draft=keep_draft, stored=note.body)
    app.push_screen(editor)
    if save_at_once:
        editor.call_after_refresh(editor.action_save)


def confirm_delete(app: BriefingApp, note: Note, subject: str, written: Callable[[], None]) -> None:
    """Ask, then delete ``note`` (``ctrl+z`` brings it back); ``written`` once it is gone."""
    preview = note.body.strip().splitlines()[0][:60] if note.body.strip() else ""

    def answered(yes: bool | None) -> None:
        if yes:
            app.notes.delete(note, written)

    # deferred: a screen, when first asked
    from briefing.ui.screens.confirm import ConfirmScreen

    app.push_screen(
        ConfirmScreen(f"Delete this note on {subject}?\n\n{preview}", yes="Delete", no="Keep"),
        answered,
    )


class NoteActions:
    """``E``, ``e`` and ``d`` on the notes of the focused item.

    Args:
        owner: The brief screen's annotations (its screen, its notes, its refresh).
    """

    def __init__(self, owner: BriefAnnotations) -> None:
        self.owner = owner

    def choose_note(self, then: Callable[[Note, str], None], verb: str) -> None:
        """Call ``then`` with a note of the focused item and its subject: the only one, or
        the one the user picks (newest first) when there are several."""
        owner = self.owner
        screen = owner.screen
        focused = owner.focused_anchor() if screen.is_loaded else None
        if focused is None or owner.annotations_or_say() is None:
            return
        anchor, _, subject = focused
        notes = owner.notes_on([(anchor.kind, anchor.item_id)])
        if not notes:
            screen.notify("No note on this item yet; n writes one", timeout=3)
            return
        if len(notes) == 1:
            then(notes[0], subject)
            return

        newest_first = list(reversed(notes))
        by_uid = {note.uid: note for note in newest_first}

        def picked(uid: str | None) -> None:
            if uid is not None and uid in by_uid:
                then(by_uid[uid], subject)

        # deferred: a screen, when first asked
        from briefing.ui.screens.picker import PickerScreen

        choices = [(note.uid, note_label(note)) for note in newest_first]
        screen.app.push_screen(PickerScreen(f"Which note to {verb}?", choices), picked)

    def edit_note(self) -> None:
        """Edit a note of the focused item."""
        self.choose_note(
            lambda note, subject: self.open_editor(note, f"Note on {subject}", note.body), "edit"
        )

    def open_editor(
        self, note: Note, subject: str, text: str, *, save_at_once: bool = False
    ) -> None:
        """An editor on ``note`` opened with ``text`` (saved at once when asked)."""
        open_note_editor(
            self.owner.screen.briefing_app,
            note,
            subject,
            text,
            self.owner.written,
            save_at_once=save_at_once,
        )

    def external_edit(self, what: str = "note") -> None:
        """Edit a note of the focused item in $EDITOR (the reader steps aside meanwhile);
        with ``what`` "brief" (``o``), the brief's own file at the item's line."""
        if what == "brief":
            # deferred: the external editor, when asked for (the reader steps aside for it)
            from briefing.ui.screens.brief_editing import open_brief_in_editor

            open_brief_in_editor(self.owner.screen)
            return
        self.choose_note(lambda note, _: self._external_edit(note), "edit in $EDITOR")

    def _external_edit(self, note: Note) -> None:
        # deferred: the external editor, when asked for (the reader steps aside for it)
        from briefing.storage.external_editor import EditorError, edit_text

        screen = self.owner.screen
        try:
            with screen.briefing_app.suspend():
                body = edit_text(note.body)
        except EditorError as error:
            screen.notify(str(error), severity="error", markup=False)
            return
        except Exception as error:  # noqa: BLE001 - SuspendNotSupported and the like
            screen.notify(
                f"Cannot open an external editor here: {error}", severity="error", markup=False
            )
            return
        if body.strip() and body != note.body:
            # Through the editor: it shows a busy database, and keeps the text on a failure.
            self.open_editor(note, "Note edited in $EDITOR", body, save_at_once=True)

    def delete_note(self) -> None:
        """Delete a note of the focused item, after asking."""
        self.choose_note(self._delete, "delete")

    def _delete(self, note: Note, subject: str) -> None:
        confirm_delete(self.owner.screen.briefing_app, note, subject, self.owner.written)
