"""A small modal list to choose one value from, e.g. a speaker to filter quotes by."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.ui.widgets.key_bar import KeyBar


class PickerScreen(ModalScreen[str | None]):
    """Pick one of ``choices`` (``(value, label)`` pairs); dismisses with the value, or ``None`` on escape."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("j", "move(1)", "Down", show=False, id="picker.down"),
        Binding("k", "move(-1)", "Up", show=False, id="picker.up"),
    ]

    DEFAULT_CSS = """
    PickerScreen { align: center middle; }
    PickerScreen > Vertical {
        width: 60; max-width: 90%; height: auto; max-height: 80%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    PickerScreen #picker-title { text-style: bold; padding: 0 1; }
    PickerScreen OptionList { height: auto; max-height: 20; border: none; }
    """

    def __init__(
        self, title: str, choices: list[tuple[str, Content]], current: str | None = None
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), id="picker-title", markup=False)
            yield OptionList(
                *(Option(label, id=value) for value, label in self.choices), markup=False
            )
        yield KeyBar(compact=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current is not None:
            try:
                options.highlighted = options.get_option_index(self.current)
            except Exception:  # noqa: BLE001 - OptionDoesNotExist
                pass
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()
