"""The section bar: the reader's tabs and their underline, drawn by one widget."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.bar import Bar
from textual.strip import Strip
from textual.widget import Widget


class PlacedTab(NamedTuple):
    """A tab and the columns ``start`` (included) to ``end`` (excluded) of its cell run,
    in the bar's full row (before it is scrolled to show the active tab)."""

    key: str
    label: str
    start: int
    end: int


def place_tabs(tabs: Sequence[tuple[str, str]]) -> list[PlacedTab]:
    """The tabs side by side, each its label padded by a cell either side (as ``Tab``)."""
    placed = []
    x = 0
    for key, label in tabs:
        width = cell_len(label) + 2
        placed.append(PlacedTab(key, label, x, x + width))
        x += width
    return placed


def scroll_for(tab: PlacedTab | None, total: int, width: int) -> int:
    """The first column shown when ``total`` columns of tabs fill ``width``: the active
    tab centred where the row is wider, its first cell kept in view (as ``Tabs`` scrolls)."""
    most = max(0, total - width)
    if tab is None or not most:
        return 0
    x = min(max(int((tab.start + tab.end) / 2 - width / 2 + 0.5), 0), most)
    if not x <= tab.start < x + width:
        x = min(max(tab.start, 0), most)
    return x


def highlight(tab: PlacedTab | None) -> tuple[float, float]:
    """The columns the underline highlights below ``tab``: its label (none without a tab)."""
    return (0.0, 0.0) if tab is None else (tab.start + 1.0, tab.end - 1.0)


class SectionBar(Widget, can_focus=False):
    """The reader's sections as a row of tabs over an underline that marks the active one.

    It shows what Textual's ``Tabs`` shows, as it shows it (the same theme variables), but
    draws its two lines itself: ``Tabs`` composes eleven widgets for six tabs. The bar is
    never focused; it follows ``active``, which its screen sets. A click on a tab (or on
    the underline below it) posts ``SectionBar.Clicked``; the tab under the mouse is
    highlighted. A row of tabs wider than the bar is scrolled to show the active tab.
    """

    ALLOW_SELECT = False

    active: reactive[str] = reactive("")
    """The key of the active tab."""
    highlight_start: reactive[float] = reactive(0.0)
    """The first column the underline highlights (in the full row; slides to a new tab)."""
    highlight_end: reactive[float] = reactive(0.0)
    """The column after the last it highlights."""

    COMPONENT_CLASSES = {
        "section-bar--tab",
        "section-bar--active",
        "section-bar--hover",
        "section-bar--underline",
    }
    """
    | Class | Description |
    | :- | :- |
    | `section-bar--tab` | A tab's label. |
    | `section-bar--active` | The active tab (over `section-bar--tab`). |
    | `section-bar--hover` | The tab under the mouse (over the others). |
    | `section-bar--underline` | The highlight (colour) and its track (background). |
    """

    DEFAULT_CSS = """
    SectionBar {
        width: 100%;
        height: 2;
        & > .section-bar--tab { color: $foreground 50%; }
        & > .section-bar--hover { color: $foreground; }
        & > .section-bar--active { color: $foreground; }
        & > .section-bar--underline {
            color: $block-cursor-background;
            background: $foreground 10%;
        }
        &:ansi {
            & > .section-bar--tab { text-style: dim; }
            & > .section-bar--active { text-style: not dim bold; }
            & > .section-bar--underline { background: $border-blurred; }
        }
    }
    """

    class Clicked(Message):
        """A tab was clicked (or the underline below it)."""

        def __init__(self, bar: SectionBar, key: str) -> None:
            self.bar = bar
            self.key = key
            """The key of the tab clicked."""
            super().__init__()

        @property
        def control(self) -> SectionBar:
            """The bar (for ``@on``)."""
            return self.bar

    def __init__(
        self,
        tabs: Sequence[tuple[str, str]],
        *,
        active: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """A bar of tabs.

        Args:
            tabs: Each tab's key and label, in order.
            active: The key of the active tab.
            name: The name of the widget.
            id: The ID of the widget in the DOM.
            classes: The CSS classes of the widget.
        """
        super().__init__(name=name, id=id, classes=classes)
        self._tabs = place_tabs(tabs)
        self._hover: str | None = None
        self._styles: dict[tuple[bool, bool], Style] = {}
        self.set_reactive(SectionBar.active, active)
        start, end = highlight(self._active_tab())
        self.set_reactive(SectionBar.highlight_start, start)
        self.set_reactive(SectionBar.highlight_end, end)

    def _active_tab(self) -> PlacedTab | None:
        return next((tab for tab in self._tabs if tab.key == self.active), None)

    def _scroll(self) -> tuple[int, int]:
        """The first column shown, and the width of the full row (at least the bar's)."""
        width = self.size.width
        total = self._tabs[-1].end if self._tabs else 0
        return scroll_for(self._active_tab(), total, width), max(total, width)

    def tab_columns(self, key: str) -> tuple[int, int]:
        """The columns of tab ``key`` on the bar: the first, and the one after its last
        (either may be outside the bar when the row is wider than it)."""
        tab = next(tab for tab in self._tabs if tab.key == key)
        scroll, _ = self._scroll()
        return tab.start - scroll, tab.end - scroll

    def tab_at(self, x: int) -> str | None:
        """The key of the tab at column ``x`` of the bar, or None."""
        scroll, _ = self._scroll()
        return next((t.key for t in self._tabs if t.start <= x + scroll < t.end), None)

    def watch_active(self, before: str) -> None:
        """Move the highlight under the active tab: sliding there as Tabs' underline does
        (unless the app shows no animations), at once when there was no active tab."""
        start, end = highlight(self._active_tab())
        if before and self.app.animation_level != "none":
            self.animate("highlight_start", start, duration=0.3, level="basic")
            self.animate("highlight_end", end, duration=0.3, level="basic")
        else:
            self.highlight_start, self.highlight_end = start, end

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        background = self.background_colors[1]
        blank = Style(bgcolor=background.rich_color)
        if y > 1 or not width:
            return Strip.blank(width, blank)
        scroll, total = self._scroll()
        segments = self._tab_segments(blank) if y == 0 else self._underline(total, blank)
        return Strip(segments).crop(scroll, scroll + width).simplify()

    def _tab_segments(self, blank: Style) -> list[Segment]:
        segments = []
        for tab in self._tabs:
            style = self._tab_style(tab.key == self.active, tab.key == self._hover)
            segments += [Segment(" ", blank), Segment(tab.label, style), Segment(" ", blank)]
        end = self._tabs[-1].end if self._tabs else 0
        if self.size.width > end:
            segments.append(Segment(" " * (self.size.width - end), blank))
        return segments

    def _underline(self, total: int, blank: Style) -> list[Segment]:
        """The underline's row as Textual's Underline draws it (its Bar, its styles)."""
        bar_style = self.get_component_rich_style("section-bar--underline")
        bar = Bar(
            highlight_range=(self.highlight_start, self.highlight_end),
            highlight_style=Style.from_color(bar_style.color),
            background_style=Style.from_color(bar_style.bgcolor),
            width=total,
        )
        console = self.app.console
        segments = console.render(bar, console.options.update_width(total))
        return list(Segment.apply_style(segments, blank))

    def _tab_style(self, active: bool, hover: bool) -> Style:
        if (active, hover) not in self._styles:
            self._styles[active, hover] = self._make_style(active, hover)
        return self._styles[active, hover]

    def _make_style(self, active: bool, hover: bool) -> Style:
        """A tab's style as Tab's rules give it: each layer's rules over the one under it."""
        background = self.background_colors[1]
        color = self.background_colors[1]
        text = Style()
        layers = ["section-bar--tab"]
        layers += ["section-bar--hover"] if hover else []
        layers += ["section-bar--active"] if active else []
        for name in layers:
            layer = self.get_component_styles(name)
            if layer.has_rule("color"):
                color = background + layer.color
            if layer.has_rule("text_style"):
                text = layer.text_style
        return text + Style.from_color(color.rich_color, background.rich_color)

    def _hover_over(self, key: str | None) -> None:
        if key == self._hover:
            return
        self._hover = key
        self.styles.pointer = "default" if key is None else "pointer"
        self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_over(self.tab_at(event.x) if event.y == 0 else None)

    def on_leave(self) -> None:
        self._hover_over(None)

    def on_click(self, event: events.Click) -> None:
        key = self.tab_at(event.x) if event.y in (0, 1) else None
        if key is not None:
            event.stop()
            self.post_message(self.Clicked(self, key))
