"""The help screen: every key of the screen it was opened from, with its binding id."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from briefing.ui.render import cell

HelpRow = tuple[str, str, str]
"""(keys, what they do, binding id)."""


class HelpScreen(ModalScreen[None]):
    """Lists ``rows`` of keys; ``escape``, ``q`` or ``?`` closes it."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding("q", "close", "Close", show=False, id="help.quit"),
        Binding("question_mark", "close", "Close", show=False, id="help.toggle"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 84; max-width: 95%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    HelpScreen #help-title { text-style: bold; padding: 0 1; color: $accent; }
    HelpScreen #help-hint { color: $text-muted; padding: 0 1; }
    HelpScreen DataTable { height: auto; max-height: 30; }
    """

    def __init__(self, title: str, rows: list[HelpRow]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), id="help-title", markup=False)
            table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
            yield table
            yield Static(
                Content(
                    'Remap any key in config.toml: [keys] "binding id" = "key". ctrl+p: command palette.'
                ),
                id="help-hint",
                markup=False,
            )
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Keys", "Action", "Binding id")
        for keys, description, binding_id in self.rows:
            table.add_row(cell(keys, "bold"), cell(description), cell(binding_id, "dim"))
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
