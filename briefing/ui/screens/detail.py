"""A modal view of one item in full: a quote with its speaker, a participant with all their quotes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static


class DetailScreen(ModalScreen[None]):
    """Shows ``body`` under ``heading``; ``escape`` (or ``q``, ``enter``) goes back."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="detail.back"),
        Binding("q", "back", "Back", show=False, id="detail.quit"),
        Binding("enter", "back", "Back", show=False, id="detail.enter"),
        Binding("j", "scroll('down')", "Down", show=False, id="detail.down"),
        Binding("k", "scroll('up')", "Up", show=False, id="detail.up"),
    ]

    DEFAULT_CSS = """
    DetailScreen { align: center middle; }
    DetailScreen > VerticalScroll {
        width: 90%; max-width: 110; height: auto; max-height: 85%;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    DetailScreen #detail-heading { text-style: bold; color: $accent; margin-bottom: 1; }
    """

    def __init__(self, heading: str, body: Content) -> None:
        super().__init__()
        self.heading = heading
        self.body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-scroll"):
            yield Static(Content(self.heading), id="detail-heading", markup=False)
            yield Static(self.body, id="detail-body", markup=False)
        yield Footer()

    def action_back(self) -> None:
        """Close the view (its own action: Screen's ``dismiss`` action is async and takes a result)."""
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        scroller = self.query_one("#detail-scroll", VerticalScroll)
        if direction == "down":
            scroller.scroll_down()
        else:
            scroller.scroll_up()
