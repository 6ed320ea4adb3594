"""The agenda as a table: one line per deadline (due, countdown, title, brief), with the
group headings ("Overdue (2)", "Upcoming (5)") as lines of their own.

A line-API widget, as the library's table: only the lines on screen are drawn, when they
are drawn, and each countdown cell is worked out then from :attr:`AgendaTable.now`. The
screen's tick sets ``now``: the rows are never built again, and a tick costs a screenful
whatever the number of deadlines. The columns share the width by content: the due date
and the countdown whole, the title and the brief what is left (cut with an ellipsis), so
an 80-column terminal never scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.core.countdown import countdown
from briefing.core.safetext import clean_line
from briefing.ui.render import cell, countdown_cell
from briefing.ui.widgets.library_rows import draw_line
from briefing.ui.widgets.virtual_layout import next_enabled

COLUMNS = (("Due", "due"), ("Countdown", "countdown"), ("Title", "title"), ("Brief", "brief"))
"""Label and key of each column, in order."""

NARROWEST = 8
"""Neither the title nor the brief is cut narrower than this."""


@dataclass(frozen=True, slots=True)
class AgendaLine:
    """One line of the agenda: a deadline, or a group heading (``due_at`` None)."""

    key: str
    """The deadline's key (its brief's path and its id), or ``group:...`` for a heading."""
    title: str
    """The deadline's title, or the heading's text."""
    due: str = ""
    """When it falls due, as the reader says it (``2025-11-02 (end of day)``)."""
    brief: str = ""
    """The title of its brief."""
    due_at: datetime | None = None
    """The moment it falls due (None for a heading)."""
    clock: str = ""
    """Its brief's key in :attr:`AgendaTable.shift` (the clock as published)."""
    overdue: bool = False
    """A heading of the overdue group (drawn in the error colour)."""

    @property
    def heading(self) -> bool:
        """True for a group heading, which the cursor passes over."""
        return self.due_at is None


def row_cells(line: AgendaLine, moment: datetime) -> list[Text]:
    """The cells of a deadline's line at ``moment``; brief text enters as plain text."""
    assert line.due_at is not None
    return [
        cell(clean_line(line.due)),
        countdown_cell(countdown(line.due_at, moment)),
        cell(clean_line(line.title), "bold"),
        cell(clean_line(line.brief), "italic"),
    ]


def share(title: int, brief: int, room: int) -> tuple[int, int]:
    """The title's and the brief's widths in ``room`` cells: both whole when they fit, else
    the brief at most a third and the title the rest (neither under :data:`NARROWEST`)."""
    if title + brief <= room:
        return title, brief
    brief_width = min(brief, max(NARROWEST, room // 3))
    title_width = max(NARROWEST, min(title, room - brief_width))
    return title_width, max(NARROWEST, min(brief, room - title_width))


class AgendaTable(ScrollView, can_focus=True):
    """Open deadlines under group headings; posts ``RowSelected`` with the deadline's key.

    | Key(s) | Description |
    | :- | :- |
    | j, down | Next deadline. |
    | k, up | Previous deadline. |
    | g, home | First deadline. |
    | G, end | Last deadline. |
    | pageup, pagedown | A screenful up or down. |
    | enter | Open the brief at the deadline. |
    """

    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", show=False, id="agenda.down"),
        Binding("k,up", "cursor(-1)", "Up", show=False, id="agenda.up"),
        Binding("g,home", "end(-1)", "Top", show=False, id="agenda.top"),
        Binding("G,end", "end(1)", "Bottom", show=False, id="agenda.bottom"),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("enter", "select", "Open", key_display="⏎", id="agenda.open"),
    ]

    COMPONENT_CLASSES = {
        "agenda-table--header",
        "agenda-table--heading",
        "agenda-table--overdue",
        "agenda-table--cursor",
        "agenda-table--even-row",
        "agenda-table--odd-row",
    }

    DEFAULT_CSS = """
    AgendaTable {
        height: 1fr;
        background: $surface;
        overflow-x: hidden;
        scrollbar-gutter: stable;
        & > .agenda-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .agenda-table--heading { text-style: bold; color: $foreground; background: $surface; }
        & > .agenda-table--overdue { text-style: bold; color: $error; background: $surface; }
        & > .agenda-table--even-row { background: $surface; }
        & > .agenda-table--odd-row { background: $boost; }
        & > .agenda-table--cursor { background: $block-cursor-blurred-background; }
        &:focus > .agenda-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    now: reactive[datetime] = reactive(datetime(1970, 1, 1, tzinfo=UTC), init=False)
    """The moment countdowns are computed from (set by the screen's clock)."""

    cursor: reactive[int] = reactive(0, init=False)
    """The index of the highlighted line (never a heading while there are deadlines)."""

    class RowSelected(Message):
        """The deadline of ``key`` was chosen (enter or a double click)."""

        def __init__(self, table: AgendaTable, key: str) -> None:
            self.table = table
            self.key = key
            super().__init__()

        @property
        def control(self) -> AgendaTable:
            return self.table

    def __init__(self, empty_text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.empty_text = empty_text
        """Said on the first line when there are no deadlines."""
        self.lines: Sequence[AgendaLine] = ()
        """What is listed, in order, headings included."""
        self.shift: dict[str, timedelta] = {}
        """How far each brief's clock is moved (by :attr:`AgendaLine.clock`), as published."""
        self._naturals = [len(label) for label, _ in COLUMNS]
        self._columns: list[tuple[str, str, int]] = []
        self._width = 0
        self._drawn: dict[tuple[int, str, int, bool, bool, int], Strip] = {}
        """Lines drawn this second (a repaint without a tick reuses them)."""

    # Data ----------------------------------------------------------------------

    def set_lines(self, lines: Sequence[AgendaLine], now: datetime) -> None:
        """Replace the lines, keeping the cursor on the same deadline if it is still there."""
        current = self.highlighted_key
        self.lines = lines
        self.set_reactive(AgendaTable.now, now)
        self._naturals = [len(label) for label, _ in COLUMNS]
        for line in lines:
            if not line.heading:
                texts = [text.plain for text in row_cells(line, self.moment(line))]
                for index, text in enumerate(texts):
                    self._naturals[index] = max(self._naturals[index], cell_len(text))
        self._drawn.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(lines) + 1)
        keys = self.keys
        target = keys.index(current) if current in keys else 0
        self._move(self._enabled(target, 1), scroll=True)
        self.refresh()

    def moment(self, line: AgendaLine) -> datetime:
        """The moment ``line``'s countdown is worked out from (its brief's clock)."""
        return self.now + self.shift.get(line.clock, timedelta(0))

    @property
    def keys(self) -> list[str]:
        """The key of every line, headings included, in order."""
        return [line.key for line in self.lines]

    @property
    def headings(self) -> dict[str, str]:
        """The group headings' text by key."""
        return {line.key: line.title for line in self.lines if line.heading}

    @property
    def highlighted_key(self) -> str | None:
        """The key of the deadline under the cursor."""
        if not 0 <= self.cursor < len(self.lines) or self.lines[self.cursor].heading:
            return None
        return self.lines[self.cursor].key

    def cells(self, key: str) -> dict[str, str]:
        """The text of each cell of the deadline ``key`` at :attr:`now`, by column key."""
        line = self.lines[self.keys.index(key)]
        texts = [text.plain for text in row_cells(line, self.moment(line))]
        return {column: text for (_, column), text in zip(COLUMNS, texts, strict=True)}

    @property
    def columns(self) -> list[tuple[str, str, int]]:
        """Label, key and width of each column at the table's width."""
        return self._layout(self.scrollable_content_region.width)

    def _layout(self, width: int) -> list[tuple[str, str, int]]:
        due, left, title, brief = self._naturals
        # A line is a blank, then each cell and a blank: the due column holds the first blank.
        room = width - (due + 1) - left - len(COLUMNS)
        title, brief = share(title, brief, room)
        widths = (due + 1, left, title, brief)
        return [(label, key, w) for (label, key), w in zip(COLUMNS, widths, strict=True)]

    # Cursor --------------------------------------------------------------------

    def _enabled(self, start: int, step: int) -> int:
        found = next_enabled(
            len(self.lines), lambda n: self.lines[n].heading, start, step, wrap=False
        )
        if found is None:
            found = next_enabled(
                len(self.lines), lambda n: self.lines[n].heading, start, -step, wrap=False
            )
        return self.cursor if found is None else found

    def select_key(self, key: str) -> bool:
        """Move the cursor to the deadline ``key``; return whether it is listed."""
        keys = self.keys
        if key not in keys or self.lines[keys.index(key)].heading:
            return False
        self._move(keys.index(key), scroll=True)
        return True

    def _move(self, row: int, *, scroll: bool) -> None:
        self.set_reactive(AgendaTable.cursor, row)
        self.refresh()
        if scroll:
            shown = max(1, self.scrollable_content_region.height - 1)
            top = round(self.scroll_offset.y)
            if row < top:
                self.scroll_to(y=row, animate=False, immediate=True)
            elif row >= top + shown:
                self.scroll_to(y=row - shown + 1, animate=False, immediate=True)

    def action_cursor(self, step: int) -> None:
        """The next (1) or previous (-1) deadline, over the headings."""
        found = next_enabled(
            len(self.lines), lambda n: self.lines[n].heading, self.cursor + step, step, wrap=False
        )
        if found is not None:
            self._move(found, scroll=True)

    def action_end(self, step: int) -> None:
        """The first (-1) or last (1) deadline."""
        if self.lines:
            self._move(self._enabled(0 if step < 0 else len(self.lines) - 1, -step), scroll=True)

    def action_page(self, step: int) -> None:
        """A screenful down (1) or up (-1)."""
        if self.lines:
            page = max(1, self.scrollable_content_region.height - 2)
            target = max(0, min(len(self.lines) - 1, self.cursor + step * page))
            self._move(self._enabled(target, step), scroll=True)

    def action_select(self) -> None:
        """Open the deadline under the cursor."""
        key = self.highlighted_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    async def _on_click(self, event: events.Click) -> None:
        row = event.y + round(self.scroll_offset.y) - 1
        if event.y < 1 or not 0 <= row < len(self.lines) or self.lines[row].heading:
            return
        event.stop()
        self._move(row, scroll=False)
        if event.chain >= 2:  # a click highlights; a double click (or enter) opens
            self.action_select()

    # Drawing -------------------------------------------------------------------

    def watch_now(self) -> None:
        # Only the lines on screen are drawn: a tick costs a screenful.
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.lines) + 1)
        self._move(self.cursor, scroll=True)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._width = self.scrollable_content_region.width
        self._columns = self._layout(self._width)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width, columns = self._width, self._columns
        if y == 0:
            style = self.get_component_rich_style("agenda-table--header")
            cells = [Text(label, no_wrap=True) for label, _key, _width in columns]
            return draw_line(self.app.console, cells, columns, style, width)
        row = round(self.scroll_offset.y) + y - 1
        if not self.lines and y == 1:
            text = Text(f" {self.empty_text}", style="italic", no_wrap=True)
            style = self.rich_style
            return Strip(list(text.render(self.app.console)), text.cell_len).crop_extend(
                0, width, style
            )
        if not 0 <= row < len(self.lines):
            return Strip.blank(width, self.rich_style)
        line = self.lines[row]
        key = (row, line.key, width, row == self.cursor, self.has_focus, int(self.now.timestamp()))
        cached = self._drawn.get(key)
        if cached is None:
            cached = self._draw(row, line, width, columns).apply_meta({"row": row})
            if len(self._drawn) > 400:
                self._drawn.clear()
            self._drawn[key] = cached
        return cached

    def _draw(
        self, row: int, line: AgendaLine, width: int, columns: list[tuple[str, str, int]]
    ) -> Strip:
        if line.heading:
            name = "agenda-table--overdue" if line.overdue else "agenda-table--heading"
            style = self.get_component_rich_style(name)
            return Strip([Segment(f" {line.title}", style)]).crop_extend(0, width, style)
        selected = row == self.cursor
        if selected:
            style = self.get_component_rich_style("agenda-table--cursor")
        else:
            style = self.get_component_rich_style(
                f"agenda-table--{'odd' if row % 2 else 'even'}-row"
            )
        cells = row_cells(line, self.moment(line))
        countdown_width = cells[1].cell_len
        if countdown_width > self._naturals[1]:
            # A countdown grew (a new urgency word): its column widens from the next frame.
            self._naturals[1] = countdown_width
            self.call_later(self._widened)
        return draw_line(self.app.console, cells, columns, style, width, selected)

    def _widened(self) -> None:
        self._drawn.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        # A new theme: every line is drawn again in its colours.
        self._drawn.clear()
        super().notify_style_update()
