"""The brief screen's search field and its count of matches."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static


class SearchBar(Horizontal):
    """The search field and its count (``3/17``), under the panes."""

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        display: none;
        background: $panel;
        & Input, & Input:focus {
            border: none; height: 1; width: 1fr; padding: 0 1; background: $panel;
        }
        & #search-count { width: auto; min-width: 12; padding: 0 1; color: $text-muted; }
    }
    SearchBar.-active { display: block; }
    """

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Find in this brief (enter: go, escape: clear)", id="search-input")
        yield Static("", id="search-count", markup=False)
