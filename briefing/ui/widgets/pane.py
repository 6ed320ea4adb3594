"""A titled pane holding one section of a brief."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget


class Pane(Vertical):
    """A bordered section of the brief screen; its border title names the section and its key.

    The screen marks the pane of the current section with the ``-current``
    class: in the narrow layout only that pane is shown. ``z`` maximises the pane of the
    focused list (its border and title with it), not the list alone.
    """

    ALLOW_MAXIMIZE = True

    BINDINGS = [
        # One key both ways: check_action lets through the one that applies.
        Binding("z", "maximize_pane", "Maximise", id="pane.maximize"),
        Binding("z", "restore_pane", "Restore", id="pane.restore"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | z | Fill the screen with this pane, or put it back. |
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``z`` maximises while no pane is maximised, and restores while one is."""
        if action in ("maximize_pane", "restore_pane"):
            return (self.screen.maximized is None) == (action == "maximize_pane")
        return True

    def action_maximize_pane(self) -> None:
        """Fill the screen with this pane (its border and title with it)."""
        self.screen.maximize(self, container=False)
        self.screen.refresh_bindings()  # the footer then offers z Restore

    def action_restore_pane(self) -> None:
        """Put the maximised pane back in its place."""
        self.screen.minimize()
        self.screen.refresh_bindings()
