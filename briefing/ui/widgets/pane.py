"""A titled pane holding one section of a brief."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widget import Widget


class Pane(Vertical):
    """A bordered section of the brief screen; its border title names the section and its key.

    The screen marks the pane of the current section with the ``-current``
    class: in the narrow layout only that pane is shown.
    """

    DEFAULT_CSS = """
    Pane {
        border: round $border-blurred;
        border-title-color: $text-muted;
        height: 1fr;
        &:focus-within { border: round $accent; border-title-color: $accent; border-title-style: bold; }
    }
    """

    def __init__(self, section: str, title: str, *children: Widget, id: str | None = None) -> None:
        super().__init__(*children, id=id, classes="pane")
        self.section = section
        """The key of the section this pane shows."""
        self.border_title = title
