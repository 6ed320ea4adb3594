"""A one-line question answered by typing, e.g. the name of a new participant."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from briefing.ui.widgets.key_bar import KeyBar


class TextPromptScreen(ModalScreen[str | None]):
    """Ask for one line of text; dismisses with it on enter, or ``None`` on escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    DEFAULT_CSS = """
    TextPromptScreen { align: center middle; }
    TextPromptScreen > Vertical {
        width: 70; max-width: 95%; height: auto;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    TextPromptScreen #prompt-title { text-style: bold; padding: 0 1; }
    """

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), id="prompt-title", markup=False)
            yield Input(self.value, id="prompt-input")
        yield KeyBar(compact=False)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
