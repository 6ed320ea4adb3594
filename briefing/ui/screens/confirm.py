"""A yes/no question, answered with ``y`` or ``n`` (or the buttons)."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Ask ``question``; dismisses with True for yes, False for no or escape."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "answer(False)", "No", show=False, id="confirm.cancel"),
    ]

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 64; max-width: 95%; height: auto;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    ConfirmScreen Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    ConfirmScreen Button { margin-left: 2; }
    """

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.question), markup=False)
            with Horizontal():
                yield Button(Content(f"{self.no_label} (n)"), id="no")
                yield Button(Content(f"{self.yes_label} (y)"), id="yes", variant="warning")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ChoiceScreen(ModalScreen[str | None]):
    """Ask ``question`` with several answers; dismisses with the chosen answer's value.

    ``choices`` are (key, label, value) triples; escape answers ``cancel``. The dialog
    widens to show every answer in a row; where the terminal is narrower than that row, the
    answers stack, one a line, so none is cut.
    """

    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    ChoiceScreen > Vertical {
        width: 72; max-width: 95%; height: auto;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    ChoiceScreen Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    ChoiceScreen Button { margin-left: 2; }
    ChoiceScreen.-stacked Horizontal { layout: vertical; }
    ChoiceScreen.-stacked Button { width: 100%; margin-left: 0; }
    """

    DIALOG_WIDTH = 72
    """The dialog's width when its answers fit in a row at that width."""

    def __init__(
        self, question: str, choices: list[tuple[str, str, str]], *, cancel: str | None = None
    ) -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        self.cancel = cancel

    @property
    def row_width(self) -> int:
        """The width of the dialog with every answer in one row."""
        # A button: its label, padding and tall border (4), at least 16; 2 between buttons;
        # the dialog's border and padding (6).
        buttons = [max(16, cell_len(f"{label} ({key})") + 4) + 2 for key, label, _ in self.choices]
        return max(self.DIALOG_WIDTH, sum(buttons) + 6)

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.styles.width = self.row_width
            yield Static(Content(self.question), markup=False)
            with Horizontal():
                for key, label, value in self.choices:
                    yield Button(Content(f"{label} ({key})"), id=f"choice-{value}")

    def on_resize(self, event: events.Resize) -> None:
        # max-width 95%: the row fits when 95% of the terminal holds it.
        self.set_class(self.row_width > event.size.width * 95 // 100, "-stacked")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def on_key(self, event: events.Key) -> None:
        # Keys rather than bindings: the answers are data, not a fixed table.
        for key, _, value in self.choices:
            if event.key == key:
                event.stop()
                self.dismiss(value)
                return
        if event.key == "escape":
            event.stop()
            self.dismiss(self.cancel)
