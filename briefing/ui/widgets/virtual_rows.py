"""One row of a virtual list drawn as strips: its wrapped lines, padding, style and rule.

A plain renderer, apart from :class:`~briefing.ui.widgets.virtual_list.VirtualList`
(which decides which rows to draw, caches them and keeps their heights), as
Textual keeps renderables apart from widgets. The lines are cut by
:func:`~briefing.ui.widgets.virtual_wrap.wrap_content` at the offsets the row was
measured with, so what was measured is what is drawn.

The strips are made here from the lines themselves, as Textual's ``Padding`` visual
draws them through ``Visual.to_strips`` (each run of text in the row's style and its
own, with its offset in the meta for text selection; the padding in the row's style;
the row's index in the meta of every cell), without joining the lines into one
Content to have Textual split and format them again (issue 15: two thirds of a row's
drawing). ``tests/ui/test_row_strips.py`` checks the strips against Textual's.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Spacing
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from briefing.ui.textual_compat import content_style_getter
from briefing.ui.widgets.virtual_wrap import wrap_content

StyleGetter = Callable[[str | Style], Style]
"""How a span's style named in text (``"$accent"``, ``".class"``) becomes a style."""


def line_segments(line: Content, y: int, style: Style, get_style: StyleGetter) -> list[Segment]:
    """``line`` (no newline) on ``style``, as Textual's Content draws one line: each run in
    ``style`` and its own, with its offset ``(x, y)`` in the meta."""
    segments: list[Segment] = []
    x = 0
    for text, text_style in line.render(style, end="", parse_style=get_style):
        segments.append(Segment(text, (style + text_style).rich_style_with_offset(x, y)))
        x += len(text)
    return segments


def row_lines(content: Content, wrap_width: int) -> list[Content]:
    """``content`` wrapped to ``wrap_width``: what :func:`row_strips` draws (kept per row
    by the list, so a redraw in another style does not wrap it again)."""
    return wrap_content(content, wrap_width)


class DrawnRows:
    """A list's rows as drawn at one width: their strips by index, style and theme, and
    their wrapped lines by index (a row drawn again in another style, as the highlight
    moves, is not built and wrapped again)."""

    def __init__(self, size: int = 512) -> None:
        self.strips: LRUCache[tuple[int, Style, str], list[Strip]] = LRUCache(maxsize=size)
        self._lines: LRUCache[int, list[Content]] = LRUCache(maxsize=size)

    def lines(self, index: int, make: Callable[[], list[Content]]) -> list[Content]:
        """Row ``index``'s lines, made by ``make`` unless they are kept."""
        lines = self._lines.get(index)
        if lines is None:
            lines = make()
            self._lines.set(index, lines)
        return lines

    def forget(self, indexes: set[int] | None = None) -> None:
        """Forget rows ``indexes`` (every row when None): their text or the width changed."""
        if indexes is None:
            self.strips.clear()
            self._lines.clear()
            return
        cached = self.strips.keys()  # an LRUCache, not a dict: no iteration of its own
        for key in [key for key in cached if key[0] in indexes]:
            self.strips.discard(key)
        for index in indexes:
            self._lines.discard(index)


def row_strips(
    widget: Widget,
    index: int,
    lines: list[Content],
    wrap_width: int,
    padding: Spacing,
    style: Style,
    rule: RichStyle | None,
    over: RichStyle | None = None,
) -> tuple[list[Strip], int]:
    """Row ``index`` as strips carrying ``{"row": index}``, and its height without the rule.

    ``lines`` (from :func:`row_lines`, ``wrap_width`` cells at most) are padded by
    ``padding``; a rule in the ``rule`` style follows unless it is None (the last row).
    ``over`` is laid over the content's own styles (the selected row's colour over an
    urgency colour).
    """
    top, right, bottom, left = padding
    width = wrap_width + left + right
    background = style.rich_style
    meta = RichStyle.from_meta({"row": index})
    get_style = content_style_getter(widget)
    blank = Segment(" " * width, meta + background)
    strips = [Strip([blank], width) for _ in range(top)]
    for y, line in enumerate(lines):
        if line.cell_length > wrap_width:
            line = line.truncate(wrap_width)  # a character wider than the whole row
        segments = line_segments(line, y, style, get_style)
        if left:
            segments.insert(0, Segment(" " * left, background))
        if line.cell_length < wrap_width:
            segments.append(Segment(" " * (wrap_width - line.cell_length), background))
        if right:
            segments.append(Segment(" " * right, background))
        strips.append(Strip([Segment(text, meta + s) for text, s, _ in segments], width))
    strips.extend(Strip([blank], width) for _ in range(bottom))
    if over is not None:
        strips = [Strip(Segment.apply_style(strip, post_style=over), width) for strip in strips]
    height = len(strips)
    if rule is not None:
        strips.append(Strip([Segment("─" * width, rule)], width))
    return strips, height
