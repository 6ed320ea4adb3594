"""A line-API list of multi-line rows that draws only the rows on screen.

``OptionList`` wraps every option up front to learn its height: 20,000 quotes took
seconds. :class:`VirtualList` measures a row from its plain text with
:func:`~briefing.ui.widgets.virtual_wrap.line_count` (~3 µs a quote), the first rows at
once and the others as they come into view (their heights guessed until then), and
builds the Content of the rows on screen only, cut at the measured offsets and drawn
unwrapped: what was measured is what is drawn. A row whose text changes as it is drawn
(a countdown) is re-measured then; the rows below move. Heights are in
:mod:`~briefing.ui.widgets.virtual_measure` and :mod:`~briefing.ui.widgets.virtual_layout`,
a row drawn in :mod:`~briefing.ui.widgets.virtual_rows`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size, clamp
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from briefing.ui.textual_compat import scroll_update
from briefing.ui.widgets.virtual_layout import RowLayout, next_enabled, next_from
from briefing.ui.widgets.virtual_measure import content_height, wrap_width
from briefing.ui.widgets.virtual_rows import DrawnRows, row_lines, row_strips

ROW = "virtual-list--row"


class VirtualList(ScrollView, can_focus=True):
    """A navigable list of rows of several lines each, separated by a rule.

    Subclasses say what the rows are with :attr:`row_count`, :meth:`row_text`
    (the plain text, which sets the height) and :meth:`row_content` (the same
    text with styles, built only for rows on screen), and call
    :meth:`rows_changed` when they change (:meth:`redraw` when only what is
    drawn changes). It looks like ``OptionList``, through the component classes below.

    | Key(s) | Description |
    | :- | :- |
    | down | Move the highlight down (from the last row to the first). |
    | up | Move the highlight up (from the first row to the last). |
    | home | Move the highlight to the first row. |
    | end | Move the highlight to the last row. |
    | pagedown | Move the highlight down a page. |
    | pageup | Move the highlight up a page. |
    | enter | Select the highlighted row (posts :class:`Selected`). |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
        Binding("home", "first", "First", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("up", "cursor_up", "Up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--row",
        "virtual-list--row-disabled",
        "virtual-list--row-highlighted",
        "virtual-list--row-hover",
        "virtual-list--separator",
    }
    """
    | Class | Description |
    | :- | :- |
    | `virtual-list--row` | Every row (its padding is the rows' padding). |
    | `virtual-list--row-disabled` | A row that cannot be highlighted. |
    | `virtual-list--row-highlighted` | The highlighted row. |
    | `virtual-list--row-hover` | The row under the mouse. |
    | `virtual-list--separator` | The rule between two rows. |
    """

    # OptionList's look (its unfocused highlight's two rules in one); rows come wrapped.
    DEFAULT_CSS = """
    VirtualList {
        height: auto; max-height: 100%;
        color: $foreground; background: $surface;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        text-wrap: nowrap; text-overflow: clip;
        & > .virtual-list--row-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .virtual-list--row-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .virtual-list--separator { color: $foreground 15%; }
        & > .virtual-list--row-disabled { color: $text-disabled; }
        & > .virtual-list--row-hover { background: $block-hover-background; }
    }
    """

    highlighted: reactive[int | None] = reactive(None)
    """The index of the highlighted row, or ``None``."""

    _hover: reactive[int | None] = reactive(None)
    """The index of the row under the mouse, or ``None``."""

    class RowMessage(Message):
        """Something happened to a row."""

        def __init__(self, virtual_list: VirtualList, index: int) -> None:
            super().__init__()
            self.virtual_list = virtual_list
            """The list that sent the message."""
            self.index = index
            """The index of the row."""
            self.row_id = virtual_list.row_id(index)
            """The id of the row (see :meth:`VirtualList.row_id`)."""

        @property
        def control(self) -> VirtualList:
            """The list that sent the message (for ``@on`` selectors)."""
            return self.virtual_list

    class Highlighted(RowMessage):
        """A row was highlighted; handled by ``on_virtual_list_highlighted``."""

    class Selected(RowMessage):
        """A row was chosen with ``enter`` or a double click; handled by ``on_virtual_list_selected``."""

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._layout = RowLayout()
        self._rows_drawn = DrawnRows()  # at the layout's width: their strips and lines

    # What subclasses provide -------------------------------------------------

    @property
    def row_count(self) -> int:
        """The number of rows."""
        return 0

    def row_text(self, index: int) -> str:
        """The plain text of row ``index``: what its height is measured from."""
        raise NotImplementedError

    def row_content(self, index: int) -> Content:
        """The styled text of row ``index``; its ``plain`` should be :meth:`row_text`."""
        raise NotImplementedError

    def row_disabled(self, index: int) -> bool:
        """True if row ``index`` cannot be highlighted."""
        return False

    def row_id(self, index: int) -> str | None:
        """An id for row ``index``, carried by the messages."""
        return None

    def rows_changed(self, indexes: Iterable[int] | None = None) -> None:
        """Rows changed: every row (``None``) or those of ``indexes``; measure and draw them again."""
        layout = self._layout
        if indexes is None:
            layout.width = None
            self._rows_drawn.forget()
            self._hover = None
            self._measure()
        else:
            changed = set(indexes)
            self._rows_drawn.forget(changed)
            extra = self.get_component_styles(ROW).padding.height
            if layout.holds(self.row_count) and layout.remeasure(changed, self.row_text, extra):
                self._update_virtual_size()
        self.refresh()

    def redraw(self) -> None:
        """Draw the rows on screen again (their text changed, their heights are re-checked as drawn)."""
        self._rows_drawn.forget()
        self.refresh()

    # Measuring -----------------------------------------------------------------

    @property
    def _wrap_width(self) -> int:
        """The cells a row's text is wrapped to (the scrollbar's left out as :func:`wrap_width` says)."""
        region, styles = self.scrollable_content_region, self.styles
        shown = self.show_vertical_scrollbar or styles.overflow_y != "auto"
        scrollbar = 0 if shown else styles.scrollbar_size_vertical
        padding = self.get_component_styles(ROW).padding.width
        return wrap_width(region.width, region.height, padding, self.row_count, scrollbar)

    def _measure(self) -> None:
        """Measure every row at the current width (if the widget has one yet)."""
        if not self.scrollable_content_region:
            return
        extra = self.get_component_styles(ROW).padding.height
        if self._layout.measure(self.row_count, self.row_text, self._wrap_width, extra):
            self._rows_drawn.forget()
            self._update_virtual_size()

    def _measure_exactly(self, first: int, last: int) -> None:
        """Measure rows ``first`` to ``last`` whose heights are guesses (see ``EXACT_ROWS``)."""
        extra = self.get_component_styles(ROW).padding.height
        if self._layout.exact(first, last, self.row_text, extra):
            self._update_virtual_size()

    def _update_virtual_size(self) -> None:
        virtual_size = Size(self.scrollable_content_region.width, self._layout.lines)
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            scroll_update(self, virtual_size)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Every row's lines and the rules between them (for ``height: auto``)."""
        padding = self.get_component_styles(ROW).padding
        return content_height(self.row_count, self.row_text, width - padding.width, padding.height)

    def _on_resize(self, event: events.Resize) -> None:
        self._measure()
        self.scroll_to_highlight()

    def notify_style_update(self) -> None:
        # Rows are kept by their style and the theme (whose colours rows use too, "$accent"):
        # a restyle that changes neither (the focus moving) keeps them. A new padding
        # changes the wrap width, which _measure notices.
        self.refresh()
        super().notify_style_update()

    # Drawing -------------------------------------------------------------------

    def _row_style(self, index: int) -> Style:
        if self.row_disabled(index):
            return self.get_visual_style(ROW, "virtual-list--row-disabled")
        if index == self.highlighted:
            return self.get_visual_style(ROW, "virtual-list--row-highlighted")
        if index == self._hover:
            return self.get_visual_style(ROW, "virtual-list--row-hover")
        return self.get_visual_style(ROW)

    def _draw_row(self, index: int, style: Style) -> list[Strip]:
        """Row ``index`` as strips (its rule included), from the cache when it is there."""
        key = (index, style, self.app.theme)
        strips = self._rows_drawn.strips.get(key)
        if strips is not None:
            return strips
        last = index == self.row_count - 1
        # The selected row in the cursor's colour where the app asks (BriefingApp does).
        over = None
        if index == self.highlighted and getattr(self.app, "SELECTION_IN_ONE_COLOUR", False):
            over = RichStyle(color=style.rich_style.color, dim=False)
        wrap_width = self._layout.width or self._wrap_width
        lines = self._rows_drawn.lines(
            index, lambda: row_lines(self.row_content(index), wrap_width)
        )
        strips, height = row_strips(
            self,
            index,
            lines,
            wrap_width,
            self.get_component_styles(ROW).padding,
            style,
            None if last else self.get_visual_style("virtual-list--separator").rich_style,
            over,
        )
        if index < len(self._layout) and self._layout.set_heights({index: height}):
            self._update_virtual_size()
        self._rows_drawn.strips.set(key, strips)
        return strips

    def render_lines(self, crop: Region) -> list[Strip]:
        self._measure()
        # Measure the rows in view (at once), then draw them: one whose height differs
        # from its measure moves the rows below before any line is taken from them.
        top = self.scroll_offset.y + crop.y
        self._measure_exactly(*self._layout.rows_from(top, crop.height))
        self._layout.settle(top, crop.height, lambda i: self._draw_row(i, self._row_style(i)))
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        located = self._layout.locate(self.scroll_offset.y + y)
        if located is None:
            return Strip.blank(width, self.get_visual_style(ROW).rich_style)
        index, offset = located
        strips = self._draw_row(index, self._row_style(index))
        if offset >= len(strips):
            return Strip.blank(width, self.get_visual_style(ROW).rich_style)
        return strips[offset]

    # The cursor ----------------------------------------------------------------

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or not self.row_count:
            return None
        return clamp(highlighted, 0, self.row_count - 1)

    def watch_highlighted(self, highlighted: int | None) -> None:
        if highlighted is None or self.row_disabled(highlighted):
            return
        self.scroll_to_highlight()
        self.post_message(self.Highlighted(self, highlighted))

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Scroll so the whole highlighted row is in view (at the top with ``top``)."""
        highlighted = self.highlighted
        if highlighted is None or not self.is_mounted:
            return
        self._measure()
        layout, view = self._layout, self.scrollable_content_region
        if highlighted >= len(layout):
            return
        around = view.height // 2 + 1  # half a screen each side (a row and rule: 2 lines)
        self._measure_exactly(highlighted - around, highlighted + around)  # no guess moves it
        y, height = layout.tops[highlighted], layout.heights[highlighted]
        region = Region(0, y, view.width, height)
        self.scroll_to_region(region, force=True, animate=False, top=top, immediate=True)

    def on_show(self) -> None:
        self.scroll_to_highlight()

    def _move(self, step: int) -> None:
        found = next_from(self.row_count, self.row_disabled, self.highlighted, step)
        if found is not None or self.highlighted is None:
            self.highlighted = found

    def action_cursor_down(self) -> None:
        """Move the highlight to the next row, from the last to the first."""
        self._move(1)

    def action_cursor_up(self) -> None:
        """Move the highlight to the previous row, from the first to the last."""
        self._move(-1)

    def action_first(self) -> None:
        """Move the highlight to the first row."""
        self.highlighted = next_enabled(self.row_count, self.row_disabled, 0, 1, wrap=False)

    def action_last(self) -> None:
        """Move the highlight to the last row."""
        self.highlighted = next_enabled(
            self.row_count, self.row_disabled, self.row_count - 1, -1, wrap=False
        )

    def _move_page(self, direction: int) -> None:
        """Move the highlight by about the height of the list (as OptionList does)."""
        self._measure()
        lines = self.scrollable_content_region.height
        found = self._layout.page_from(
            self.row_count, self.row_disabled, self.highlighted, direction, lines
        )
        if found is not None:
            self.highlighted = found

    def action_page_down(self) -> None:
        """Move the highlight down a page."""
        self._move_page(1)

    def action_page_up(self) -> None:
        """Move the highlight up a page."""
        self._move_page(-1)

    def action_select(self) -> None:
        """Choose the highlighted row: post :class:`Selected`."""
        highlighted = self.highlighted
        if highlighted is not None and not self.row_disabled(highlighted):
            self.post_message(self.Selected(self, highlighted))

    # The mouse -----------------------------------------------------------------

    async def _on_click(self, event: events.Click) -> None:
        # A click highlights; a double click (or enter) chooses, as everywhere in briefing.
        index = event.style.meta.get("row")
        if index is not None and not self.row_disabled(index):
            self.highlighted = index
            if event.chain >= 2:
                self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = event.style.meta.get("row")

    def _on_leave(self, event: events.Leave) -> None:
        self._hover = None
