"""The participants of a brief as a table: name, role, affiliation, side.

A line-API widget (a :class:`~textual.scroll_view.ScrollView` with
``render_line``), like the library's table: the columns are sized and the rows'
heights counted from the participants' plain strings, and only the rows on
screen are built and drawn. Textual's DataTable added and measured every cell
of every row first (issue 15: ~0.3 s for 2,000 participants). Rows are measured
where seen: the first few at once, the others as they come into view.

What a row says and how it is drawn are plain functions in
:mod:`briefing.ui.widgets.participant_rows`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.ui.render import cell
from briefing.ui.widgets.participant_rows import (
    COLUMNS,
    EXACT_ROWS,
    PADDING,
    RowHeights,
    column_extents,
    draw_header,
    draw_row,
    drawn_width,
    fit_columns,
    row_cells,
    row_height,
    share_widths,
    texts,
)

if TYPE_CHECKING:
    from briefing.core.models import Participant

__all__ = ["COLUMNS", "ParticipantTable", "share_widths"]

Highlighter = Callable[[str], list[tuple[int, int]]]


class ParticipantTable(ScrollView, can_focus=True):
    """A table of participants; posts ``Highlighted`` and ``Selected`` with the participant's id.

    | Key(s) | Description |
    | :- | :- |
    | j, down | Next participant. |
    | k, up | Previous participant. |
    | g, home | First participant. |
    | G, end | Last participant. |
    | pageup, pagedown | A screenful up or down. |
    | enter | Show the participant and all their quotes. |
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="table.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="table.up"),
        Binding("g,home", "first", "Top", show=False, id="table.top"),
        Binding("G,end", "last", "Bottom", show=False, id="table.bottom"),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    COMPONENT_CLASSES = {
        "participant-table--header",
        "participant-table--cursor",
        "participant-table--even-row",
        "participant-table--odd-row",
    }

    # The colours of Textual's DataTable, which this table replaced.
    DEFAULT_CSS = """
    ParticipantTable {
        height: 1fr;
        background: transparent;
        color: $foreground;
        overflow-x: hidden;
        &:focus { background-tint: $foreground 5%; }
        & > .participant-table--header { text-style: bold; background: $panel; color: $foreground; }
        &:focus > .participant-table--header { background-tint: $foreground 5%; }
        & > .participant-table--even-row { background: $surface-lighten-1 50%; }
        &:dark > .participant-table--even-row { background: $surface-darken-1 40%; }
        & > .participant-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .participant-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    class Highlighted(Message):
        """The cursor moved to the participant ``participant_id``."""

        def __init__(self, table: ParticipantTable, participant_id: str) -> None:
            self.table = table
            self.participant_id = participant_id
            super().__init__()

        @property
        def control(self) -> ParticipantTable:
            return self.table

    class Selected(Message):
        """The participant ``participant_id`` was chosen (enter or a double click)."""

        def __init__(self, table: ParticipantTable, participant_id: str) -> None:
            self.table = table
            self.participant_id = participant_id
            super().__init__()

        @property
        def control(self) -> ParticipantTable:
            return self.table

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._people: list[Participant] = []
        self._index: dict[str, int] = {}
        self._marks: dict[str, str] = {}
        self._highlighter: Highlighter | None = None
        self._widths = [len(label) for label, _ in COLUMNS]
        self._fitted = 0  # the width the columns were last fitted to (0: not yet)
        self._plain: list[tuple[str, str, str, str]] = []  # each row's cells as plain text
        self._extents = column_extents([])
        self._rows = RowHeights()
        self._drawn: dict[tuple[int, bool, bool], list[Strip]] = {}  # by row, cursor, focus
        self.cursor_row = 0  # the index of the highlighted row
        self.rows_built = 0
        """How many rows were built as styled text (only the rows drawn are)."""

    # Data ----------------------------------------------------------------------

    def set_participants(self, participants: list[Participant]) -> None:
        """Show ``participants`` in the order of the brief."""
        current = self.highlighted_id
        self._people = list(participants)
        self._index = {person.id: n for n, person in enumerate(self._people)}
        self._marks = {}
        self._rows = RowHeights()
        self._read_rows()
        self._layout()
        row = self._index.get(current, 0) if current is not None else 0
        self._move(row, announce=current is None)

    def set_marks(self, marks: dict[str, str]) -> None:
        """Show ``marks`` (e.g. "✎2 ★") before the names of the participants they belong to."""
        if marks != self._marks:
            old = self._marks
            keys = {key for key in marks.keys() | old.keys() if marks.get(key) != old.get(key)}
            self._marks = dict(marks)
            self._read_rows()
            self._layout()
            # At the same widths only the rows whose mark changed are measured again.
            self._rows.again([self._index[key] for key in keys if key in self._index], self._height)
            self._resize()

    def set_highlighter(self, highlighter: Highlighter | None) -> None:
        """Show the spans ``highlighter`` finds in each cell as matches (None: no more)."""
        self._highlighter = highlighter
        self._drawn.clear()
        self.refresh()

    def _read_rows(self) -> None:
        """The cells' plain text and the columns' extents: once per list (or marks), not per width."""
        self._plain = [texts(person, self._marks.get(person.id, "")) for person in self._people]
        self._extents = column_extents(self._plain)

    def _height(self, row: int) -> int:
        return row_height(self._plain[row], self._widths)

    def _layout(self) -> None:
        """The columns' widths and the first rows' heights, from plain strings; nothing is drawn."""
        count = len(self._plain)
        # More rows than lines overflow whatever they wrap to: measured once, not twice.
        sure = count > self._rows_visible()
        if not sure:
            self._fit(0)
        if sure or self._rows.lines > self._rows_visible():
            # The rows overflow: the vertical scrollbar takes its room from the columns.
            self._fit(self.styles.scrollbar_size_vertical)
        self._drawn.clear()
        self._resize()
        self.refresh()

    def _resize(self) -> None:
        content_width = drawn_width(self._widths)
        size = Size(content_width, self._rows.lines + 1)
        if size != self.virtual_size:
            self.virtual_size = size
            self._drawn.clear()
            self.refresh()

    def _fit(self, scrollbar: int) -> None:
        """The widths in the table's width less ``scrollbar``, and the rows' heights at them."""
        room = self.size.width - scrollbar - 2 * PADDING * len(COLUMNS)
        if self.size.width:
            self._widths = fit_columns(self._extents, room)
            self._fitted = self.size.width
        # All of them when they might fit (whether they overflow is then known exactly).
        at_once = max(EXACT_ROWS, self._rows_visible() + 1)
        self._rows.measure(len(self._plain), self._height, self._widths, at_once)

    @property
    def column_widths(self) -> list[int]:
        """The widths of the columns' cells (without their padding)."""
        return list(self._widths)

    @property
    def row_count(self) -> int:
        """How many participants are listed."""
        return len(self._people)

    def get_row(self, participant_id: str) -> list[Text]:
        """The cells of the row of ``participant_id``, as drawn (``KeyError`` when not listed)."""
        return self._cells(self._index[participant_id])

    def get_cell(self, participant_id: str, column: str) -> Text:
        """The cell of ``column`` (``name``, ``role``, ``affiliation``, ``side``) of ``participant_id``."""
        return self.get_row(participant_id)[[key for _label, key in COLUMNS].index(column)]

    def _cells(self, row: int) -> list[Text]:
        """Row ``row`` as styled cells: all brief text enters as plain text, never markup."""
        self.rows_built += 1
        person = self._people[row]
        return row_cells(person, self._marks.get(person.id, ""), self._highlighter)

    # Cursor --------------------------------------------------------------------

    @property
    def highlighted_id(self) -> str | None:
        """The id of the participant under the cursor."""
        if not self._people:
            return None
        return self._people[min(self.cursor_row, len(self._people) - 1)].id

    highlighted_key = highlighted_id

    def select_id(self, participant_id: str) -> bool:
        """Move the cursor to ``participant_id``; return whether it exists."""
        row = self._index.get(participant_id)
        if row is None:
            return False
        self._move(row)
        return True

    def move_cursor(self, *, row: int) -> None:
        """Move the cursor to ``row`` (clamped to the rows listed)."""
        if self._people:
            self._move(max(0, min(row, len(self._people) - 1)))

    def _move(self, row: int, *, announce: bool = True) -> None:
        changed = row != self.cursor_row
        self.cursor_row = row
        self._drawn = {key: strips for key, strips in self._drawn.items() if not key[1]}
        self.refresh()
        self._scroll_to_cursor()
        if self._people and (changed or announce):
            self.post_message(self.Highlighted(self, self._people[row].id))

    def _rows_visible(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)  # less the header

    def _scroll_to_cursor(self) -> None:
        if not self._people:
            return
        rows, row, visible = self._rows, self.cursor_row, self._rows_visible()
        # Measured first, around the cursor: the row lands where it is then drawn.
        if rows.exact(row - visible, row + visible, self._height):
            self._resize()
        top, bottom = rows.tops[row], rows.tops[row + 1]
        offset = round(self.scroll_offset.y)
        if top < offset:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom > offset + self._rows_visible():
            y = min(top, bottom - self._rows_visible())
            self.scroll_to(y=y, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=len(self._people) - 1)

    def action_page_down(self) -> None:
        if self._people:
            line = self._rows.tops[self.cursor_row] + self._rows_visible()
            self.move_cursor(row=max(self.cursor_row + 1, self._rows.row_at(line)))

    def action_page_up(self) -> None:
        if self._people:
            line = self._rows.tops[self.cursor_row] - self._rows_visible()
            self.move_cursor(row=min(self.cursor_row - 1, self._rows.row_at(max(line, 0))))

    def action_select(self) -> None:
        participant_id = self.highlighted_id
        if participant_id is not None:
            self.post_message(self.Selected(self, participant_id))

    async def _on_click(self, event: events.Click) -> None:
        line = event.y + round(self.scroll_offset.y) - 1
        if event.y < 1 or not self._people or not 0 <= line < self._rows.lines:
            return
        event.stop()
        self._move(self._rows.row_at(line))
        if event.chain >= 2:  # a click highlights; a double click (or enter) opens
            self.action_select()

    # Rendering -----------------------------------------------------------------

    def on_resize(self) -> None:
        if self._people:
            self._layout()
            self._scroll_to_cursor()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._people and self._fitted != self.size.width:
            self._layout()  # filled before it had a width: fitted now, not on its Resize
        # The rows in view are measured (at once) before any is drawn: see RowHeights.
        top = round(self.scroll_offset.y) + max(crop.y - 1, 0)
        if self._rows.settle(top, crop.height, self._height):
            self._resize()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            style = self.get_component_rich_style("participant-table--header")
            return draw_header(self.app.console, self._widths, style).crop_extend(0, width, style)
        line = round(self.scroll_offset.y) + y - 1
        if not self._people:
            return self._empty_line(y, width)
        if not 0 <= line < self._rows.lines:
            return Strip.blank(width, self.rich_style)
        row = self._rows.row_at(line)
        strips = self._row_strips(row)
        strip = strips[line - self._rows.tops[row]]
        return strip.crop_extend(0, width, self._row_style(row))

    def _empty_line(self, y: int, width: int) -> Strip:
        if y != 1:
            return Strip.blank(width, self.rich_style)
        style = self._row_style(0)
        text = [cell("No participants in this brief", "italic dim"), *[cell("")] * 3]
        widths = self._widths
        return draw_row(self.app.console, text, widths, 1, style)[0].crop_extend(0, width, style)

    def _row_style(self, row: int) -> Style:
        if row == self.cursor_row:
            return self.get_component_rich_style("participant-table--cursor")
        parity = "odd" if row % 2 else "even"
        return self.get_component_rich_style(f"participant-table--{parity}-row")

    def _row_strips(self, row: int) -> list[Strip]:
        key = (row, row == self.cursor_row, self.has_focus)
        strips = self._drawn.get(key)
        if strips is None:
            style = self._row_style(row)
            over = Style(color=style.color, bgcolor=style.bgcolor) if key[1] else None
            cells = self._cells(row)
            console = self.app.console
            strips = draw_row(console, cells, self._widths, self._rows.heights[row], style, over)
            strips = [strip.apply_meta({"row": row}) for strip in strips]
            if len(self._drawn) > 400:
                self._drawn.clear()
            self._drawn[key] = strips
        return strips

    def notify_style_update(self) -> None:
        # A new theme: every row is drawn again in its colours.
        self._drawn.clear()
        super().notify_style_update()
