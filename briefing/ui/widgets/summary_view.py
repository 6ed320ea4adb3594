"""The brief's Markdown summary, scrollable from the keyboard."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown


class SummaryView(VerticalScroll, can_focus=True):
    """The summary rendered as Markdown.

    Links are not followed on click (``open_links=False``): brief text is
    untrusted, and the screen decides what a click on a link does.

    | Key(s) | Description |
    | :- | :- |
    | j, down | Scroll down. |
    | k, up | Scroll up. |
    | g, home | Scroll to the top. |
    | G, end | Scroll to the bottom. |
    """

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="summary.down"),
        Binding("k", "scroll_up", "Up", show=False, id="summary.up"),
        Binding("g", "scroll_home", "Top", show=False, id="summary.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="summary.bottom"),
    ]

    DEFAULT_CSS = """
    SummaryView { height: 1fr; background: transparent; }
    SummaryView Markdown { margin: 0 1; background: transparent; }
    """

    def compose(self) -> ComposeResult:
        yield Markdown(open_links=False)

    def set_markdown(self, markdown: str) -> None:
        """Show ``markdown`` (or a sentence saying there is no summary)."""
        text = markdown.strip() or "*No summary in this brief.*"
        self.query_one(Markdown).update(text)
        self.scroll_home(animate=False)
