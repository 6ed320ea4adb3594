"""The list of a draft's items in the review screen, and how each item is shown."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList

from briefing.core.review import EDITABLE, ReviewItem

_SECTION_NAMES = {
    "participants": "Participant",
    "quotes": "Quote",
    "deadlines": "Deadline",
    "timeline": "Event",
    "figures": "Figure",
}


class ReviewItems(OptionList):
    """The drafted items, moved through as the reader's other lists are.

    | Key | Description |
    | :- | :- |
    | j, down | Next item. |
    | k, up | Previous item. |
    | g, home | First item. |
    | G, end | Last item. |
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="review.down"),
        Binding("k", "cursor_up", "Up", show=False, id="review.up"),
        Binding("g", "first", "Top", show=False, id="review.top"),
        Binding("G", "last", "Bottom", show=False, id="review.bottom"),
    ]


def short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


MARKS = {
    "doubt": ("?", "bold yellow"),
    "draft": ("·", ""),
    "accepted": ("✓", "green"),
    "edited": ("✎", "bold cyan"),
    "rejected": ("✗", "bold red"),
}
"""The mark before each item (the README's table says what each means)."""


def prompt(item: ReviewItem, data: dict[str, Any], names: dict[str, str], state: str) -> Table:
    """The item's mark, then its text, wrapped under the text (its doubt on a line of its own)."""
    kind = state or ("doubt" if item.uncertain else "draft" if item.mark else "accepted")
    mark, style = MARKS[kind]
    line = Text.assemble((_SECTION_NAMES[item.section] + " ", "bold"))
    line.append(short(item.label, 70))
    if item.section == "quotes":
        speaker = data["quotes"][item.index].get("speaker")
        line.append(f" — {names.get(speaker, speaker) if speaker else 'no speaker'}", "italic")
    if state == "rejected":
        line.stylize("strike dim")
        line.append(" rejected", "bold red")
    elif state == "edited":
        line.append(" edited", "cyan")
    if item.uncertain and item.mark is not None and state != "rejected":
        doubt = "; ".join(item.mark.checks) or item.mark.reason
        line.append(f"\n{short(doubt, 90)}", "yellow")
    # A grid, not one Text: a wrapped line starts under the text, not under the mark.
    grid = Table.grid()
    grid.add_column(width=2, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(mark, style), line)
    return grid


def detail(item: ReviewItem, data: dict[str, Any]) -> Text:
    fields = data[item.section][item.index]
    text = Text()
    for key in EDITABLE[item.section]:
        if fields.get(key) not in (None, ""):
            text.append(f"{key}: ", "bold")
            text.append(short(str(fields[key]), 200) + "\n")
    if item.mark is None:
        text.append("Accepted" if "draft" not in fields else "", "green")
        return text
    text.append("why: ", "bold")
    text.append(f"{item.mark.reason} ({item.mark.confidence})")
    for check in item.mark.checks:
        text.append("\ncheck: ", "bold yellow")
        text.append(check)
    return text
