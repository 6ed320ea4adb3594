"""The help screen: every key of the screen it was opened from, with its binding id.

The keys are grouped by where they work (this screen, the focused pane, everywhere),
briefing's own first; Textual's internal defaults (scrolling sideways, ``super+c``) are
left out. The list scrolls, so the last group is reachable at 80x24.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Static

from briefing.ui.render import cell

HelpRow = tuple[str, str, str]
"""(keys, what they do, binding id)."""

HelpGroup = tuple[str, list[HelpRow]]
"""(where the keys work, their rows)."""

TEXTUAL_KEPT = {
    "command_palette": "Command palette",
    "app.focus_next": "Next pane",
    "app.focus_previous": "Previous pane",
    "quit": "Quit",
}
"""Textual's own bindings worth listing, with the words help uses for them; the rest of
Textual's defaults (scrolling sideways, copying a selection) are left out."""

EVERYWHERE = "Everywhere"


class HelpScreen(ModalScreen[None]):
    """Lists ``groups`` of keys; ``escape``, ``q`` or ``?`` closes it."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding("q", "close", "Close", show=False, id="help.quit"),
        Binding("question_mark", "close", "Close", show=False, id="help.toggle"),
        Binding("j", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("k", "scroll('up')", "Scroll up", show=False, id="help.up"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q, ? | Close help. |
    | j, k | Scroll (as do the arrows, page keys, home, end and the wheel). |
    """

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 84; max-width: 95%; height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    HelpScreen #help-title { text-style: bold; padding: 0 1; color: $accent; }
    HelpScreen #help-hint { color: $text-muted; padding: 0 1; }
    HelpScreen #help-body { height: 1fr; }
    HelpScreen .help-group { text-style: bold; padding: 1 1 0 1; }
    HelpScreen DataTable { height: auto; }
    """

    def __init__(self, title: str, groups: list[HelpGroup]) -> None:
        super().__init__()
        self.title_text = title
        self.groups = groups

    @property
    def rows(self) -> list[HelpRow]:
        """Every row, group after group."""
        return [row for _, rows in self.groups for row in rows]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), id="help-title", markup=False)
            with VerticalScroll(id="help-body"):
                for where, rows in self.groups:
                    yield Static(Content(where), classes="help-group", markup=False)
                    table: DataTable[Text] = DataTable(
                        cursor_type="none", zebra_stripes=True, show_cursor=False
                    )
                    table.can_focus = False  # the list scrolls as one, not table by table
                    table.add_columns("Keys", "Action", "Binding id")
                    for keys, description, binding_id in rows:
                        table.add_row(
                            cell(keys, "bold"), cell(description), cell(binding_id, "dim")
                        )
                    yield table
            yield Static(
                Content('Remap a key in config.toml: [keys] "binding id" = "key".'),
                id="help-hint",
                markup=False,
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_scroll(self, direction: str) -> None:
        """Scroll the list a line (``j``, ``k``)."""
        body = self.query_one(VerticalScroll)
        if direction == "down":
            body.scroll_down(animate=False)
        else:
            body.scroll_up(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


def help_groups(app: App[Any], screen: Screen[Any], place: str) -> list[HelpGroup]:
    """The keys active on ``screen``, grouped: in this ``place``, in the focused pane, everywhere."""
    titles = {0: f"In this {place}", 1: "In the focused pane", 2: EVERYWHERE}
    groups: dict[int, list[HelpRow]] = {0: [], 1: [], 2: []}
    seen: set[str] = set()
    for item in screen.active_bindings.values():
        found = _row(app, item)
        if found is None or found[0][2] + found[0][1] in seen:
            continue
        row, textuals = found
        seen.add(row[2] + row[1])
        where = 2 if item.node is app or textuals else 0 if item.node is screen else 1
        groups[where].append(row)
    return [(titles[where], rows) for where, rows in groups.items() if rows]


def _row(app: App[Any], item: ActiveBinding) -> tuple[HelpRow, bool] | None:
    """The help row of an active binding, and whether it is one of :data:`TEXTUAL_KEPT`
    (listed with the keys that work everywhere); None for Textual's other defaults."""
    binding = item.binding
    description = binding.description
    textuals = not _briefings(type(item.node), binding)
    if textuals:
        if binding.action not in TEXTUAL_KEPT:
            return None
        description = TEXTUAL_KEPT[binding.action]
    if not description:
        return None
    # Each key on its own row, even where the Footer groups them ("1-6").
    keys = app.get_key_display(dataclasses.replace(binding, key_display=None))
    return (keys, description, binding.id or ""), textuals


def _briefings(cls: type[DOMNode], binding: Binding) -> bool:
    """Whether ``binding`` was declared by briefing (``cls`` or a briefing class it extends)."""
    for klass in cls.__mro__:
        if not klass.__module__.startswith("briefing."):
            continue
        for declared in klass.__dict__.get("BINDINGS", []):
            action = declared.action if isinstance(declared, Binding) else declared[1]
            if action == binding.action:
                return True
    return False
