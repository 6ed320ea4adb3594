"""The library as a table: one row per brief file, invalid ones included."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from briefing.core.countdown import countdown
from briefing.core.library import LibraryEntry, next_open_deadline
from briefing.core.timeutil import format_when
from briefing.ui.render import cell, countdown_cell

COLUMNS = (
    ("Title", "title"),
    ("Published", "published"),
    ("Next deadline", "deadline"),
    ("People", "people"),
    ("Quotes", "quotes"),
    ("Tags", "tags"),
)
"""Columns, most useful first, so an 80-column terminal shows title, date and countdown."""


TITLE_WIDTH = 40
TAGS_WIDTH = 24


def deadline_cell(entry: LibraryEntry, now: datetime) -> Text:
    """The next open deadline of ``entry`` with its countdown, or a dash."""
    if entry.brief is None:
        return cell("")
    deadline = next_open_deadline(entry.brief, now)
    if deadline is None:
        return cell("—", "dim")
    return countdown_cell(countdown(deadline.due_at, now, deadline.status))


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def row_cells(
    entry: LibraryEntry, now: datetime, marks: str = "", title_width: int = TITLE_WIDTH
) -> list[Text]:
    """The cells of one library row; all brief text enters as plain text, never markup."""
    if entry.brief is None:
        name = Text("⚠ ", style="bold red")
        name.append(_clip(entry.path.name, title_width - 12), style="red")
        name.append(" (invalid)", style="italic red")
        return [name, cell(""), cell(""), cell(""), cell(""), cell("")]
    brief = entry.brief
    title = cell(_clip(brief.title, title_width), "bold")
    if marks:
        # In front of the title, so an 80-column terminal shows them too.
        title = Text.assemble((f"{marks} ", "bold yellow"), title)
    return [
        title,
        cell(format_when(brief.published).split(" ")[0]),
        deadline_cell(entry, now),
        cell(str(len(brief.participants))),
        cell(str(len(brief.quotes))),
        cell(_clip(", ".join(brief.tags), TAGS_WIDTH), "dim"),
    ]


class LibraryTable(DataTable[Text]):
    """Briefs in the library; ``enter`` posts ``RowSelected`` with the entry key (its path).

    | Key(s) | Description |
    | :- | :- |
    | j, down | Next brief. |
    | k, up | Previous brief. |
    | g | First brief. |
    | G | Last brief. |
    | enter | Open the brief. |
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="library.down"),
        Binding("k", "cursor_up", "Up", show=False, id="library.up"),
        Binding("g", "scroll_top", "Top", show=False, id="library.top"),
        Binding("G", "scroll_bottom", "Bottom", show=False, id="library.bottom"),
    ]

    DEFAULT_CSS = """
    LibraryTable { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        for label, key in COLUMNS:
            self.add_column(label, key=key)

    def show_entries(
        self, entries: list[LibraryEntry], now: datetime, marks: dict[str, str] | None = None
    ) -> None:
        """Replace the rows with ``entries`` (already filtered and sorted), keeping the cursor's brief.

        ``marks`` maps brief ids to "✎3 ★1" (notes and bookmarks).
        """
        marks = marks or {}
        current = self.highlighted_key
        self.clear()
        # Titles get what the other columns (about 95 cells) leave of the width.
        width = self.size.width or self.app.size.width
        title_width = max(TITLE_WIDTH, min(100, width - 95))
        for entry in entries:
            mark = marks.get(entry.brief.id, "") if entry.brief else ""
            self.add_row(*row_cells(entry, now, mark, title_width), key=entry.key)
        if current is not None:
            self.select_key(current)

    def add_entry(self, entry: LibraryEntry, now: datetime) -> None:
        """Append one entry (while the library is still loading)."""
        self.add_row(*row_cells(entry, now), key=entry.key)

    def tick(self, entries: list[LibraryEntry], now: datetime) -> None:
        """Update the countdown column of ``entries`` to ``now``."""
        for entry in entries:
            if entry.brief is not None and entry.brief.deadlines:
                try:
                    self.update_cell(entry.key, "deadline", deadline_cell(entry, now))
                except Exception:  # noqa: BLE001 - CellDoesNotExist: filtered out
                    pass

    @property
    def highlighted_key(self) -> str | None:
        """The key (path) of the brief under the cursor."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def select_key(self, key: str) -> bool:
        """Move the cursor to the brief with ``key``."""
        try:
            self.move_cursor(row=self.get_row_index(key))
        except Exception:  # noqa: BLE001 - RowDoesNotExist
            return False
        return True
