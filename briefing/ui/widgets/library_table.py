"""The library as a table: one row per brief file, invalid ones included.

A line-API widget (a :class:`~textual.scroll_view.ScrollView` with
``render_line``): only the rows on screen are built, when they are drawn, so a
library of 5,000 briefs lists, sorts, filters and ticks its countdowns as fast
as one of five. Textual's DataTable measures every cell of every row to size
its columns, which took 0.7 s for 5,000 rows on each re-sort or keystroke.

This module is the widget: the cursor, keys, messages and the cache of drawn
rows. What a row says and how a line of cells becomes segments are plain
functions in :mod:`briefing.ui.widgets.library_rows`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.core.library import LibraryEntry, prefetch
from briefing.ui.widgets.library_rows import (
    COLUMNS,
    deadline_words,
    draw_line,
    layout,
    row_cells,
)


class LibraryTable(ScrollView, can_focus=True):
    """Briefs in the library; posts ``RowHighlighted`` and ``RowSelected`` with the entry's key (its path).

    | Key(s) | Description |
    | :- | :- |
    | j, down | Next brief. |
    | k, up | Previous brief. |
    | g, home | First brief. |
    | G, end | Last brief. |
    | pageup, pagedown | A screenful up or down. |
    | enter | Open the brief. |
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="library.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="library.up"),
        Binding("g,home", "first", "Top", show=False, id="library.top"),
        Binding("G,end", "last", "Bottom", show=False, id="library.bottom"),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("enter", "select", "Open", key_display="⏎"),
    ]

    COMPONENT_CLASSES = {
        "library-table--header",
        "library-table--cursor",
        "library-table--even-row",
        "library-table--odd-row",
    }

    DEFAULT_CSS = """
    LibraryTable {
        height: 1fr;
        background: $surface;
        overflow-x: hidden;
        scrollbar-gutter: stable;
        & > .library-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .library-table--even-row { background: $surface; }
        & > .library-table--odd-row { background: $boost; }
        & > .library-table--cursor { background: $block-cursor-blurred-background; }
        &:focus > .library-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    # No repaint of its own: a tick draws again only the rows whose countdown changed.
    now: reactive[datetime] = reactive(datetime(1970, 1, 1, tzinfo=UTC), init=False, repaint=False)
    """The moment countdowns are computed from (set by the screen's clock)."""

    cursor: reactive[int] = reactive(0, init=False)
    """The index of the highlighted row."""

    class RowHighlighted(Message):
        """The cursor moved to the row of ``key``."""

        def __init__(self, table: LibraryTable, key: str) -> None:
            self.table = table
            self.key = key
            super().__init__()

        @property
        def control(self) -> LibraryTable:
            return self.table

    class Painted(Message):
        """The table was drawn into a frame that was written (the screen may start slower work)."""

    class RowSelected(Message):
        """The row of ``key`` was chosen (enter or a double click)."""

        def __init__(self, table: LibraryTable, key: str) -> None:
            self.table = table
            self.key = key
            super().__init__()

        @property
        def control(self) -> LibraryTable:
            return self.table

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._entries: list[LibraryEntry] = []
        self._index: dict[str, int] | None = {}
        """Row by key, built when first asked for (a listing of 5,000 is drawn without it)."""
        self._marks: dict[str, str] = {}
        self._visited: dict[str, str] | None = None
        self._painted = False
        self._line_width = 0
        self._columns = layout(0)
        self._drawn: dict[tuple[int, str, int, bool, bool, tuple[str, str] | None], Strip] = {}
        """Rows drawn, by row, key, width, cursor, focus and what their countdown read."""
        self._words: dict[int, tuple[str, str] | None] = {}
        """What the countdown of each row on screen read when it was drawn."""

    # Data ----------------------------------------------------------------------

    def show_entries(
        self,
        entries: Sequence[LibraryEntry],
        now: datetime,
        marks: dict[str, str] | None = None,
        visited: dict[str, str] | None = None,
    ) -> None:
        """Replace the rows with ``entries`` (already filtered and sorted), keeping the cursor's brief.

        ``marks`` maps brief ids to "✎3 ★1" (notes and bookmarks); ``visited`` maps
        brief ids to the file digest at the user's last visit (None: not known, no ●).
        """
        current = self.highlighted_key
        self._entries = list(entries)
        self._index = None
        if marks is not None:
            self._marks = marks
        if visited is not None:
            self._visited = visited
        self._drawn.clear()
        self._words.clear()
        self.set_reactive(LibraryTable.now, now)
        self.virtual_size = Size(self.size.width, len(self._entries) + 1)
        target = (self._row_of(current) if current is not None else None) or 0
        self._move(min(target, max(0, len(self._entries) - 1)), announce=current is None)
        self._fetch_window()
        self.refresh()

    def _fetch_window(self) -> None:
        """Fetch the summaries of the rows about to be drawn and of the cursor's, in one query.

        Before the first layout the table has no height yet: the terminal's bounds it.
        The screen's status line reads the cursor's row before the rows are drawn, and
        would otherwise fetch it on its own.
        """
        if not self._entries:
            return
        height = self.size.height or self.app.size.height
        top = round(self.scroll_offset.y)
        cursor = self._entries[min(self.cursor, len(self._entries) - 1)]
        prefetch([*self._entries[top : top + height], cursor])

    def update_marks(self, marks: dict[str, str], visited: dict[str, str] | None) -> int:
        """Take in new notes marks and visits; draw again only the rows on screen whose mark
        changed (back from a brief, the rows themselves are the same). Returns how many."""
        old_marks, old_visited = self._marks, self._visited
        if visited is None:  # not known (the store failed): as show_entries, keep the last
            visited = old_visited
        self._marks, self._visited = marks, visited
        if marks == old_marks and visited == old_visited:
            return 0
        top = round(self.scroll_offset.y)
        kept: set[int] = set()
        changed = 0
        for row in range(top, min(top + self.size.height, len(self._entries))):
            entry = self._entries[row]
            brief_id = entry.brief_id if entry.ok else None
            if not brief_id or (
                old_marks.get(brief_id) == marks.get(brief_id)
                and (old_visited or {}).get(brief_id) == (visited or {}).get(brief_id)
            ):
                kept.add(row)
            else:
                changed += 1
                self.refresh_line(row + 1)  # (line 0 is the header)
        # Rows off screen are drawn afresh when they scroll in.
        self._drawn = {key: strip for key, strip in self._drawn.items() if key[0] in kept}
        return changed

    def clear(self) -> None:
        """Remove every row."""
        self.show_entries([], self.now)

    def _row_of(self, key: str) -> int | None:
        """The row of ``key`` (None: not listed)."""
        if self._index is None:
            self._index = {entry.key: n for n, entry in enumerate(self._entries)}
        return self._index.get(key)

    @property
    def highlighted_entry(self) -> LibraryEntry | None:
        """The entry under the cursor, as listed."""
        if not self._entries:
            return None
        return self._entries[min(self.cursor, len(self._entries) - 1)]

    @property
    def row_count(self) -> int:
        """How many rows are listed."""
        return len(self._entries)

    @property
    def keys(self) -> list[str]:
        """The keys (paths) of the rows, in display order."""
        return [entry.key for entry in self._entries]

    @property
    def highlighted_key(self) -> str | None:
        """The key (path) of the brief under the cursor."""
        if not self._entries:
            return None
        return self._entries[min(self.cursor, len(self._entries) - 1)].key

    def get_row(self, key: str) -> list[Text]:
        """The cells of the row of ``key``, as drawn (raises ``KeyError`` when it is not listed)."""
        row = self._row_of(key)
        if row is None:
            raise KeyError(key)
        entry = self._entries[row]
        return row_cells(entry, self.now, self._mark(entry))

    def get_cell(self, key: str, column: str) -> Text:
        """The cell of ``column`` (a column key such as ``deadline``) in the row of ``key``."""
        position = [c[1] for c in COLUMNS].index(column)
        return self.get_row(key)[position]

    def _mark(self, entry: LibraryEntry) -> str:
        brief_id = entry.brief_id if entry.ok else None
        if not brief_id:
            return ""
        mark = self._marks.get(brief_id, "")
        visited = self._visited
        if (
            visited is not None
            and entry.digest is not None
            and visited.get(brief_id) != entry.digest
        ):
            mark = f"● {mark}".strip()  # never opened, or changed since the last visit
        return mark

    # Cursor --------------------------------------------------------------------

    def select_key(self, key: str) -> bool:
        """Move the cursor to the brief with ``key``."""
        row = self._row_of(key)
        if row is None:
            return False
        self._move(row)
        return True

    def move_cursor(self, *, row: int) -> None:
        """Move the cursor to ``row`` (clamped to the rows listed)."""
        if self._entries:
            self._move(max(0, min(row, len(self._entries) - 1)))

    def _move(self, row: int, *, announce: bool = True) -> None:
        changed = row != self.cursor
        self.set_reactive(LibraryTable.cursor, row)
        self.refresh()
        self._scroll_to_cursor()
        if self._entries and (changed or announce):
            self.post_message(self.RowHighlighted(self, self._entries[row].key))

    def _scroll_to_cursor(self) -> None:
        rows_visible = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + rows_visible:
            self.scroll_to(y=self.cursor - rows_visible + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor - 1)

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=len(self._entries) - 1)

    def action_page_down(self) -> None:
        self.move_cursor(row=self.cursor + max(1, self.scrollable_content_region.height - 2))

    def action_page_up(self) -> None:
        self.move_cursor(row=self.cursor - max(1, self.scrollable_content_region.height - 2))

    def action_select(self) -> None:
        key = self.highlighted_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    async def _on_click(self, event: events.Click) -> None:
        row = event.y + round(self.scroll_offset.y) - 1
        if event.y < 1 or not 0 <= row < len(self._entries):
            return
        event.stop()
        self._move(row)
        if event.chain >= 2:  # a click highlights; a double click (or enter) opens
            self.action_select()

    # Rendering -----------------------------------------------------------------

    def watch_now(self, now: datetime) -> None:
        # Only the rows on screen whose countdown reads differently are drawn again: a
        # tick costs a few rows whatever the library's size (most read "in 12d 4h").
        top = round(self.scroll_offset.y)
        for row in range(top, min(top + self.size.height, len(self._entries))):
            shown = self._words.get(row, False)
            if shown is not False and deadline_words(self._entries[row], now) != shown:
                self.refresh_line(row + 1)  # (line 0 is the header)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._entries) + 1)
        self._scroll_to_cursor()

    def render_lines(self, crop: Region) -> list[Strip]:
        # Worked out once a frame: the region is measured anew on each access (about
        # 40 us, and render_line would ask for it on every one of 40 lines).
        self._line_width = self.scrollable_content_region.width
        self._columns = layout(self._line_width)
        top = round(self.scroll_offset.y)
        prefetch(self._entries[top : top + crop.height])
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        # The first frame drawn lets the screen go on.
        if not self._painted:
            self._painted = True
            self.post_message(self.Painted())
        width, columns = self._line_width, self._columns
        if y == 0:
            style = self.get_component_rich_style("library-table--header")
            cells = [Text(label, no_wrap=True) for label, _key, _width in columns]
            return draw_line(self.app.console, cells, columns, style, width)
        row = round(self.scroll_offset.y) + y - 1
        if not 0 <= row < len(self._entries):
            return Strip.blank(width, self.rich_style)
        entry = self._entries[row]
        # Until its countdown reads differently, a repaint (a cursor move, a scroll)
        # reuses the row as drawn.
        words = self._words[row] = deadline_words(entry, self.now)
        key = (row, entry.key, width, row == self.cursor, self.has_focus, words)
        cached = self._drawn.get(key)
        if cached is not None:
            return cached
        if row == self.cursor:
            style = self.get_component_rich_style("library-table--cursor")
        else:
            parity = "odd" if row % 2 else "even"
            style = self.get_component_rich_style(f"library-table--{parity}-row")
        cells = row_cells(entry, self.now, self._mark(entry))
        selected = row == self.cursor
        # No {"row": n} meta: a click finds its row from its line (see _on_click), and
        # merging a meta into every segment's style cost about 2 ms of the first frame.
        strip = draw_line(self.app.console, cells, columns, style, width, selected)
        if len(self._drawn) > 400:
            self._drawn.clear()
        self._drawn[key] = strip
        return strip

    def notify_style_update(self) -> None:
        # A new theme: every row is drawn again in its colours.
        self._drawn.clear()
        super().notify_style_update()
