"""The brief's Markdown summary, scrollable from the keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

if TYPE_CHECKING:
    from rich.markdown import Markdown

EMPTY_SUMMARY = "*No summary in this brief.*"


class SummaryView(VerticalScroll, can_focus=True):
    """The summary rendered as Markdown.

    Rendered by Rich's Markdown into one Static rather than by Textual's
    Markdown widget: the widget builds a widget per paragraph and list item,
    and every section switch restyled all of them (about 190 restyles, most of
    a 150 ms switch). Links are shown with their address instead of being
    made clickable (``hyperlinks=False``): brief text is untrusted. The Static
    is composed with the pane (mounting it later raced a screen being closed),
    and the Markdown renderer is made only when there is a summary to show.

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
    SummaryView > Static { margin: 0 1; background: transparent; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._markdown = Static("", id="summary-text")

    def compose(self) -> ComposeResult:
        yield self._markdown

    def set_markdown(self, markdown: str) -> None:
        """Show ``markdown`` (or a sentence saying there is no summary)."""
        self._markdown.update(render_markdown(markdown.strip() or EMPTY_SUMMARY))
        self.scroll_home(animate=False)


def render_markdown(text: str) -> Markdown:
    """Brief Markdown as a Rich renderable (plain links, no HTML)."""
    # deferred: markdown-it (about 60 ms), after the first frame
    from rich.markdown import Markdown

    return Markdown(text, hyperlinks=False, inline_code_theme="ansi_dark")
