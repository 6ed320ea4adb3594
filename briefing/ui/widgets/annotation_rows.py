"""Notes or bookmarks as rows of fixed height, read from the store a page at a time.

``OptionList`` (and :class:`~briefing.ui.widgets.virtual_list.VirtualList`)
measure every row, so every entry must be in memory first: a million notes
took a minute and 2 GB. Here every row has the same height, so the list's
length is known from the count alone, and the rows are fetched when they are
drawn, a page at a time (:data:`PAGE` rows), keeping only the last few pages.
"""

from __future__ import annotations

import textwrap
from collections import OrderedDict
from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.core.annotations import KIND_LABELS, Bookmark, Note, conflict_mark
from briefing.core.markdown_text import Span, inline_markdown
from briefing.core.safetext import clean_line

Entry = Note | Bookmark
Row = Entry | str | None
"""An entry; a message saying why it cannot be read; ``None`` when it was deleted."""
Fetch = Callable[[int, int], list[Row]]

PAGE = 32
"""Rows fetched at once."""
PAGES_KEPT = 8
"""Pages kept in memory (a few screenfuls around the one shown)."""


NOTE_LINE = 2
"""The line of a row that holds a note's text."""


def note_words(entry: Note) -> tuple[str, list[Span]]:
    """The first line of a note's text as the notes panel reads it: the Markdown marks
    taken out, with where the marked words are; `` …`` when the note goes on."""
    body = entry.body.strip().splitlines() or [""]
    words, spans = inline_markdown(clean_line(body[0][:400]))
    return words + (" …" if len(body) > 1 else ""), spans


def entry_lines(entry: Row) -> list[tuple[str, str]]:
    """The lines of one row as (text, component class): brief, item, note, time."""
    if entry is None:
        return [("(deleted since the list was opened)", "muted"), ("", ""), ("", ""), ("", "")]
    if isinstance(entry, str):
        # A message naming the file and why: wrapped over the row's three other lines.
        wrapped = textwrap.wrap(clean_line(entry), 70, break_on_hyphens=False)[:3]
        wrapped += [""] * (3 - len(wrapped))
        return [("⚠ cannot be shown", "title"), *((line, "muted") for line in wrapped)]
    label = KIND_LABELS[entry.kind]
    if entry.detached:
        label += " (detached: no longer in the brief)"
    item = entry.item_text.strip()
    lines = [
        (clean_line(entry.brief_title), "title"),
        (clean_line(f"{label}: {item.splitlines()[0][:200] if item else ''}"), "label"),
    ]
    mark = ""
    if isinstance(entry, Note):
        lines.append((note_words(entry)[0], ""))
        when = entry.updated
        mark = f"  {conflict_mark(entry)}" if entry.conflict is not None else ""
    else:
        lines.append(("", ""))
        when = entry.created
    lines.append((when.astimezone().strftime("%Y-%m-%d %H:%M") + mark, "muted"))
    return lines


class AnnotationRows(ScrollView, can_focus=True):
    """A list of notes or bookmarks; posts :class:`Selected` with the chosen row's index.

    | Key(s) | Description |
    | :- | :- |
    | down, up | Next or previous entry. |
    | home, end | First or last entry. |
    | pagedown, pageup | A screenful down or up. |
    | enter | Choose the entry (posts :class:`Selected`). |
    """

    BINDINGS = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    COMPONENT_CLASSES = {
        "annotation-rows--title",
        "annotation-rows--label",
        "annotation-rows--muted",
        "annotation-rows--cursor",
        "annotation-rows--rule",
        "annotation-rows--bold",
        "annotation-rows--italic",
        "annotation-rows--code",
        "annotation-rows--link",
    }
    """
    | Class | Description |
    | :- | :- |
    | `annotation-rows--title` | The brief's title. |
    | `annotation-rows--label` | The item the entry is on. |
    | `annotation-rows--muted` | Times and other quiet text. |
    | `annotation-rows--cursor` | The highlighted row. |
    | `annotation-rows--rule` | The rule between rows. |
    | `annotation-rows--bold`, `--italic`, `--code`, `--link` | A note's Markdown marks. |
    """

    DEFAULT_CSS = """
    AnnotationRows {
        height: 1fr; background: $surface; overflow-x: hidden;
        & > .annotation-rows--title { text-style: bold; }
        & > .annotation-rows--label { color: $accent; }
        & > .annotation-rows--muted { color: $text-muted; }
        & > .annotation-rows--rule { color: $foreground 15%; }
        & > .annotation-rows--bold { text-style: bold; }
        & > .annotation-rows--italic { text-style: italic; }
        & > .annotation-rows--code { color: $text-accent; }
        & > .annotation-rows--link { text-style: underline; }
        & > .annotation-rows--cursor { background: $block-cursor-blurred-background; }
        &:focus > .annotation-rows--cursor { background: $block-cursor-background; }
    }
    """

    ROW_LINES = 4
    """Lines of text in every row; a rule follows each."""

    cursor: reactive[int] = reactive(0, init=False)
    """The index of the highlighted row."""

    class Selected(Message):
        """A row was chosen; handled by ``on_annotation_rows_selected``."""

        def __init__(self, rows: AnnotationRows, index: int) -> None:
            super().__init__()
            self.rows = rows
            """The list that sent the message."""
            self.index = index
            """The index of the chosen row."""

        @property
        def control(self) -> AnnotationRows:
            return self.rows

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._count = 0
        self._fetch: Fetch = lambda start, stop: []
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()

    # Data ----------------------------------------------------------------------

    def show(self, count: int, fetch: Fetch) -> None:
        """List ``count`` rows, read through ``fetch(start, stop)`` when they are drawn."""
        self._count = count
        self._fetch = fetch
        self._pages.clear()
        self.set_reactive(AnnotationRows.cursor, 0)
        self.virtual_size = Size(self.size.width, self._height(count))
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    @property
    def row_count(self) -> int:
        """How many rows are listed."""
        return self._count

    def entry(self, index: int) -> Row:
        """The entry of row ``index`` (read from its page if it is not in memory)."""
        page, offset = divmod(index, PAGE)
        rows = self._pages.get(page)
        if rows is None:
            start = page * PAGE
            rows = self._fetch(start, min(start + PAGE, self._count))
            self._pages[page] = rows
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows[offset] if offset < len(rows) else None

    def row_text(self, index: int) -> str:
        """The plain text of row ``index``, as shown."""
        return "\n".join(text for text, _ in entry_lines(self.entry(index)))

    def _height(self, count: int) -> int:
        return count * (self.ROW_LINES + 1) - (1 if count else 0)

    # The cursor ----------------------------------------------------------------

    def move_cursor(self, index: int) -> None:
        """Highlight row ``index`` (clamped) and scroll it into view."""
        if not self._count:
            return
        self.cursor = max(0, min(index, self._count - 1))

    def watch_cursor(self) -> None:
        step = self.ROW_LINES + 1
        top, height = self.cursor * step, self.scrollable_content_region.height
        scroll = round(self.scroll_offset.y)
        if top < scroll:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + self.ROW_LINES > scroll + height:
            self.scroll_to(y=top + self.ROW_LINES - height, animate=False, immediate=True)
        self.refresh()

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // (self.ROW_LINES + 1))

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self._count - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + self._page_rows())

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - self._page_rows())

    def action_select(self) -> None:
        if self._count:
            self.post_message(self.Selected(self, self.cursor))

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("row")
        if index is None:
            return
        event.stop()
        self.move_cursor(index)
        if event.chain >= 2:  # a click highlights; a double click (or enter) opens
            self.action_select()

    # Drawing -------------------------------------------------------------------

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self._height(self._count))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, line = divmod(round(self.scroll_offset.y) + y, self.ROW_LINES + 1)
        base = self.rich_style
        if not 0 <= index < self._count:
            return Strip.blank(width, base)
        if line == self.ROW_LINES:
            rule = self.get_component_rich_style("annotation-rows--rule")
            return Strip([Segment("─" * width, base + rule)], width)
        if index == self.cursor:
            base = base + self.get_component_rich_style("annotation-rows--cursor")
        entry = self.entry(index)
        text, part = entry_lines(entry)[line]
        style: Style = base
        if part:
            style = base + self.get_component_rich_style(f"annotation-rows--{part}", partial=True)
        rendered = Text(f" {text}", style=style, no_wrap=True, overflow="ellipsis", end="")
        if line == NOTE_LINE and isinstance(entry, Note):
            # The marks read as the notes panel shows them (the +1: the leading space).
            for start, end, kind in note_words(entry)[1]:
                mark = self.get_component_rich_style(f"annotation-rows--{kind}", partial=True)
                rendered.stylize(mark, start + 1, end + 1)
        rendered.truncate(width, overflow="ellipsis", pad=True)
        # Text.render leaves out the text's own style when it has no spans: apply it.
        segments = list(Segment.apply_style(rendered.render(self.app.console), style))
        return Strip(segments).crop_extend(0, width, base).apply_meta({"row": index})
