"""The help screen: every key of the screen it was opened from, with its binding id.

The keys are grouped by where they work (this screen, the focused pane, everywhere),
briefing's own first; Textual's internal defaults (scrolling sideways, ``super+c``) are
left out. Keys for one action share a row (``k, ↑``); a key of Textual's own that config.toml
cannot remap says ``(Textual)`` in the id column. The list is the one scroll container
(the tables grow to their rows), so every key is reachable at 80x24.
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
from textual.widgets import DataTable, Static

from briefing.ui.render import cell
from briefing.ui.sections import SECTION_BINDING, reader_section
from briefing.ui.widgets.key_bar import KeyBar

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

TEXTUAL_ID = "(Textual)"
"""The id column of a key that is Textual's, with no binding id to remap it by."""


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
    /* Each table as tall as its rows: only the list scrolls (DataTable's max-height: 100%
       would clip a long table at 80x24 and give it a scrollbar of its own). */
    HelpScreen DataTable { height: auto; max-height: initial; overflow: hidden hidden; }
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
        yield KeyBar(compact=False)

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
    """The keys active on ``screen``, grouped: in this ``place``, in the focused pane, everywhere.

    The keys of one action on one node share a row, under briefing's description and id
    (``j`` and Textual's ``↓`` on a pane: one "Down" row).
    """
    titles = {0: f"In this {place}", 1: "In the focused pane", 2: EVERYWHERE}
    rows: dict[tuple[int, str], tuple[int, list[HelpRow]]] = {}
    for item in screen.active_bindings.values():
        found = _row(app, item)
        if found is None:
            continue
        row, textuals = found
        where = 2 if item.node is app or textuals else 0 if item.node is screen else 1
        _, same = rows.setdefault((id(item.node), item.binding.action), (where, []))
        same.append(row)
    groups: dict[int, list[HelpRow]] = {0: [], 1: [], 2: []}
    for where, same in rows.values():
        groups[where].extend(_merged(same))
    return [(titles[where], found) for where, found in groups.items() if found]


def _merged(rows: list[HelpRow]) -> list[HelpRow]:
    """The rows of one action: one per binding id, Textual's keys with no id of their own
    added to the first (``k, ↑``); rows with the same id (a key pressed two ways) as one."""
    ours = [row for row in rows if row[2] != TEXTUAL_ID]
    if not ours:
        return [(", ".join(dict.fromkeys(row[0] for row in rows)), rows[0][1], TEXTUAL_ID)]
    by_id: dict[str, list[HelpRow]] = {}
    for row in ours:
        by_id.setdefault(row[2], []).append(row)
    theirs = [row[0] for row in rows if row[2] == TEXTUAL_ID]
    merged = []
    for number, (binding_id, same) in enumerate(by_id.items()):
        keys = [row[0] for row in same] + (theirs if number == 0 else [])
        merged.append((", ".join(dict.fromkeys(keys)), same[0][1], binding_id))
    return merged


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
    section = reader_section((binding.id or "").removeprefix(SECTION_BINDING))
    if section is not None and binding.id and binding.id.startswith(SECTION_BINDING):
        description = section.core.title  # the footer's "1-6 Sections", key by key here
    # Each key on its own row, even where the Footer groups them ("1-6").
    keys = app.get_key_display(dataclasses.replace(binding, key_display=None))
    return (keys, description, binding.id or TEXTUAL_ID), textuals


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
