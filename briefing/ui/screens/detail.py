"""A modal view of one item in full: a quote with its speaker, a participant with all their quotes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.ui.widgets.key_bar import KeyBar


@dataclass(frozen=True, slots=True)
class ItemKeys:
    """What ``n``, ``b`` and ``c`` do on the item a detail shows (the brief screen's own
    actions: the item shown is the one under its cursor)."""

    note: Callable[[], None]
    bookmark: Callable[[], None]
    copy: Callable[[], None]


ITEM_ACTIONS = ("note", "bookmark", "copy")


class DetailScreen(ModalScreen[None]):
    """Shows ``body`` under ``heading``; ``escape`` (or ``q``, ``enter``) goes back; with
    ``item_keys``, ``n`` notes, ``b`` bookmarks and ``c`` copies the item shown."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="detail.back"),
        Binding("n", "note", "Note", id="detail.note"),
        Binding("b", "bookmark", "Bookmark", id="detail.bookmark"),
        Binding("c", "copy", "Copy", id="detail.copy"),
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

    def __init__(self, heading: str, body: Content, item_keys: ItemKeys | None = None) -> None:
        super().__init__()
        self.heading = heading
        self.body = body
        self.item_keys = item_keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-scroll"):
            yield Static(Content(self.heading), id="detail-heading", markup=False)
            yield Static(self.body, id="detail-body", markup=False)
        yield KeyBar(compact=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The item's keys only where the opener gave them."""
        return self.item_keys is not None or action not in ITEM_ACTIONS

    def action_note(self) -> None:
        """Write a note on the item shown."""
        if self.item_keys is not None:
            self.item_keys.note()

    def action_bookmark(self) -> None:
        """Toggle a bookmark on the item shown."""
        if self.item_keys is not None:
            self.item_keys.bookmark()

    def action_copy(self) -> None:
        """Copy the item shown."""
        if self.item_keys is not None:
            self.item_keys.copy()

    def action_back(self) -> None:
        """Close the view (its own action: Screen's ``dismiss`` action is async and takes a result)."""
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        scroller = self.query_one("#detail-scroll", VerticalScroll)
        if direction == "down":
            scroller.scroll_down()
        else:
            scroller.scroll_up()
