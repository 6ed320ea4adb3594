"""The note editor: a multi-line Markdown text area in a modal.

``ctrl+s`` saves (dismissing with the text); ``escape`` closes, asking first
when there are unsaved changes. The screen that opened it does the saving.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea

from briefing.ui.screens.confirm import ConfirmScreen


class NoteEditorScreen(ModalScreen[str | None]):
    """Edit a note about ``subject``; dismisses with the new text, or None when discarded."""

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
    NoteEditorScreen TextArea { height: 1fr; }
    """

    def __init__(self, subject: str, text: str = "") -> None:
        super().__init__()
        self.subject = subject
        self.original = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.subject), id="note-subject", markup=False)
            yield TextArea(self.original, id="note-text", soft_wrap=True, tab_behavior="indent")
        yield Footer()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.border_title = Content("Note (Markdown)")
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        """What is in the editor now."""
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        """Save: an empty note is not saved."""
        if not self.text.strip():
            self.notify("An empty note is not saved; escape to close", severity="warning")
            return
        self.dismiss(self.text)

    def action_close(self) -> None:
        """Close, asking before throwing changes away."""
        if self.text == self.original:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Discard the changes to this note?", yes="Discard", no="Keep editing"),
            answered,
        )
