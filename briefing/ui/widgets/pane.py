"""A titled pane holding one section of a brief."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from briefing.ui.textual_compat import restyle_alone
from briefing.ui.widgets.alike_lines import alike_lines


class Panes(Container):
    """The panes' container (a grid when wide), its inside drawn once: the panes cover it."""

    def render_lines(self, crop: Region) -> list[Strip]:
        return alike_lines(self, crop, super().render_lines)


class Pane(Vertical):
    """A bordered section of the brief screen; its border title names the section and its key.

    The screen marks the pane of the current section with the ``-current``
    class: in the narrow layout only that pane is shown. The pane holding the focus has the
    ``-focus-within`` class (its border and title in the accent colour). ``z`` maximises the
    pane of the focused list (its border and title with it), not the list alone.
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
        /* A class the screen sets (see mark), not :focus-within: Textual restyles every
           descendant of a container with a :focus-within rule on each change of focus. */
        &.-focus-within { border: round $accent; border-title-color: $accent; border-title-style: bold; }
    }
    """

    def __init__(self, section: str, title: str, *children: Widget, id: str | None = None) -> None:
        super().__init__(*children, id=id, classes="pane")
        self.section = section
        """The key of the section this pane shows."""
        self.border_title = title

    def render_lines(self, crop: Region) -> list[Strip]:
        # Its border, and one line of its inside repeated: its section's widget covers it.
        return alike_lines(self, crop, super().render_lines)

    def mark(self, *, current: bool, focus_within: bool) -> None:
        """Set the ``-current`` and ``-focus-within`` classes, restyling the pane alone, once.

        No rule styles a pane's content by these classes, so its content is not restyled
        (``set_class`` would restyle every descendant, once per class).
        """
        classes = {"-current": current, "-focus-within": focus_within}
        if all(self.has_class(name) == wanted for name, wanted in classes.items()):
            return
        self.update_classes(classes, update=False)
        restyle_alone(self)

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


def pane_of(widget: Widget | None) -> Pane | None:
    """The pane ``widget`` is in (None: in none)."""
    for node in widget.ancestors_with_self if widget is not None else ():
        if isinstance(node, Pane):
            return node
    return None


def section_of(widget: Widget | None) -> str | None:
    """The section of the pane ``widget`` is in (None: in none)."""
    pane = pane_of(widget)
    return None if pane is None else pane.section


def panes_of(root: Widget, *keys: str) -> list[Pane]:
    """The panes of sections ``keys`` under ``root``, each found by its id (no walk over all)."""
    return [root.query_one(f"#pane-{key}", Pane) for key in keys]


def mark_panes(panes: Iterable[Pane], current: str, focused: Widget | None) -> None:
    """Mark each of ``panes`` as the pane of section ``current`` or not, and as holding
    the ``focused`` widget or not (see :meth:`Pane.mark`)."""
    holder = pane_of(focused)
    for pane in panes:
        pane.mark(current=pane.section == current, focus_within=pane is holder)
