"""The note editor: a multi-line Markdown text area in a modal.

``ctrl+s`` saves; ``escape`` closes, asking first when the text is not saved.
Given a ``save`` function, the editor stays open while the note is written (off
the UI thread, see :mod:`briefing.storage.store.writer`), shows when the database is
busy, and closes only once the note is on disk; without one, it dismisses with
the text and the screen that opened it does the saving.

Keys typed in one burst with the ``n`` that opened the editor arrive before the
text area has the focus (Textual routes a key to the widget focused when the app
takes it): the screen itself then types them into the area, and ``ctrl+s`` and
``escape`` wait until every key before them has been typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from briefing.ui.screens.confirm import ChoiceScreen
from briefing.ui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    SaveNote = Callable[[str, "NoteEditorScreen"], None]

WAITING = "Saving… waiting for the database (locked by another process)"

DISCARD_CHOICES = [
    ("y", "Discard", "discard"),
    ("n", "Keep editing", "keep"),
    ("s", "Save as draft", "draft"),
]


class NoteEditorScreen(ModalScreen[str | None]):
    """Edit a note about ``subject``; dismisses with the saved text, or None when discarded.

    | Key | Action |
    | :- | :- |
    | ctrl+s | Save the note (the editor closes once it is on disk). |
    | escape | Close, asking first about text that is not saved. |
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note.save", priority=True),
        # priority: a TextArea that indents with tab keeps escape for itself (it moves the focus).
        Binding("escape", "close", "Close", id="note.close", priority=True),
    ]

    DEFAULT_CSS = """
    NoteEditorScreen { align: center middle; }
    NoteEditorScreen > Vertical {
        width: 90%; max-width: 100; height: 80%; max-height: 30;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    NoteEditorScreen #note-subject { color: $text-muted; height: auto; max-height: 4; padding: 0 1; }
    NoteEditorScreen #note-status { color: $warning; height: auto; padding: 0 1; display: none; }
    NoteEditorScreen #note-status.-shown { display: block; }
    NoteEditorScreen TextArea { height: 1fr; }
    /* Over a dialog the user types in, toasts keep to one row a line, unpadded, at the top
       (briefing.tcss puts every screen's there): at 80x24 a padded toast still reached the note's text. */
    NoteEditorScreen ToastRack { dock: top; align: right top; margin: 0; }
    NoteEditorScreen Toast { padding: 0 1; margin: 0; }
    """

    def __init__(
        self,
        subject: str,
        text: str = "",
        *,
        save: SaveNote | None = None,
        keep_draft: Callable[[str], bool] | None = None,
        stored: str | None = None,
    ) -> None:
        super().__init__()
        self.subject = subject
        self.original = text
        """The text the editor opened with."""
        self.save = save
        """Writes the note, then calls :meth:`save_done`, :meth:`save_waiting` or :meth:`save_failed`."""
        self.keep_draft = keep_draft
        """Keeps text as a draft file (offered back at the next start); False when it could not."""
        self.stored = text if stored is None else stored
        """The text known to be on disk (what closing without asking keeps)."""
        self.saving: str | None = None
        """The text being written, while a save is under way."""
        self._typed_early: list[str] = []
        """Characters typed before the text area was mounted."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.subject), id="note-subject", markup=False)
            yield Static("", id="note-status", markup=False)
            yield TextArea(self.original, id="note-text", soft_wrap=True, tab_behavior="indent")
        yield KeyBar(compact=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.border_title = Content("Note (Markdown)")
        # At once (not focus(), which moves it a turn later): the next keys go to the area.
        self.set_focus(area)
        area.move_cursor(area.document.end)
        if self._typed_early:
            area.insert("".join(self._typed_early))
            self._typed_early.clear()

    def on_key(self, event: events.Key) -> None:
        """A key that reached the screen, not the area (typed before it had the focus): type it."""
        character = "\n" if event.key == "enter" else event.character
        if character is None or not (event.is_printable or character == "\n"):
            return
        # Stopped here: it must never run a binding of the app (x export, N notes).
        event.stop()
        event.prevent_default()
        areas = self.query(TextArea)
        if areas:
            areas.first().insert(character)
        else:
            self._typed_early.append(character)

    @property
    def text(self) -> str:
        """What is in the editor now (with keys typed before the area was there)."""
        areas = self.query(TextArea)
        typed = "".join(self._typed_early)
        return (areas.first().text if areas else self.original) + typed

    @property
    def unsaved(self) -> bool:
        """Whether closing now would lose text (not on disk, and not being written)."""
        return self.text not in (self.stored, self.saving)

    def _after_typed_keys(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once every key queued before this one has been typed.

        ``ctrl+s`` and ``escape`` are priority bindings, run as the app takes them;
        keys before them may still wait in the screen's queue, then the area's.
        """
        areas = self.query(TextArea)
        if not areas:
            self.call_later(callback)
            return
        area = areas.first()
        self.call_later(lambda: area.call_later(callback))

    def action_save(self) -> None:
        """Save: an empty note is not saved."""
        self._after_typed_keys(self._save_now)

    def _save_now(self) -> None:
        text = self.text
        if not text.strip():
            self.notify("An empty note is not saved; escape to close", severity="warning")
            return
        if self.save is None:
            self.dismiss(text)
            return
        if self.saving is not None:
            return  # one write at a time; the next ctrl+s after it saves the rest
        self.saving = text
        self._status("Saving…")
        self.save(text, self)

    def save_waiting(self) -> None:
        """The database is busy: say so; the note is still being written."""
        if self.saving is not None:
            self._status(WAITING)

    def save_done(self) -> None:
        """The text being saved is on disk: close, unless more was typed meanwhile."""
        if self.saving is None:
            return
        self.stored, self.saving = self.saving, None
        if self.text == self.stored:
            if self.is_attached and self.app.screen is self:
                self.dismiss(self.stored)
            return
        self._status("Saved what was typed before ctrl+s; ctrl+s again saves the rest")

    def save_failed(self, message: str) -> None:
        """The write failed: keep the text here and say why."""
        self.saving = None
        self._status(f"NOT SAVED: {message}. ctrl+s tries again; escape can keep it as a draft.")

    def _status(self, text: str) -> None:
        found = self.query("#note-status")
        if not found:
            return  # closed while the note was on its way (it is saved, or kept as a draft)
        status = found.first(Static)
        status.update(Content(text))
        status.set_class(bool(text), "-shown")

    def action_close(self) -> None:
        """Close, asking before throwing text away."""
        self._after_typed_keys(self._close_now)

    def _close_now(self) -> None:
        if not self.unsaved:
            if self.saving is not None:
                self.notify(
                    "The note will be saved when the database frees (or kept as a draft on quitting)",
                    timeout=6,
                )
            self.dismiss(None)
            return

        def answered(choice: str | None) -> None:
            # On "draft", closes only once the draft is on disk (a full disk may refuse it too).
            kept = choice == "draft" and self.keep_draft is not None and self.keep_draft(self.text)
            if choice == "discard" or kept:
                self.dismiss(None)

        choices = DISCARD_CHOICES if self.keep_draft is not None else DISCARD_CHOICES[:2]
        # Editing a note that exists, "discard" drops the changes, not the note.
        question = "Discard your changes?" if self.original else "Discard this note?"
        self.app.push_screen(ChoiceScreen(question, choices, cancel="keep"), answered)
