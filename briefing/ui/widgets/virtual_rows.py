"""One row of a virtual list drawn as strips: its wrapped lines, padding, style and rule.

A plain renderer, apart from :class:`~briefing.ui.widgets.virtual_list.VirtualList`
(which decides which rows to draw, caches them and keeps their heights), as
Textual keeps renderables apart from widgets. The lines are cut by
:func:`~briefing.ui.widgets.virtual_wrap.wrap_content` at the offsets the row was
measured with, so what was measured is what is drawn.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.geometry import Spacing
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, Visual
from textual.widget import Widget

from briefing.ui.widgets.virtual_wrap import wrap_content


def row_strips(
    widget: Widget,
    index: int,
    content: Content,
    wrap_width: int,
    padding: Spacing,
    style: Style,
    rule: RichStyle | None,
    over: RichStyle | None = None,
) -> tuple[list[Strip], int]:
    """Row ``index`` as strips carrying ``{"row": index}``, and its height without the rule.

    ``content`` is wrapped to ``wrap_width`` and padded by ``padding``; a rule in
    the ``rule`` style follows unless it is None (the last row). ``over`` is laid over
    the content's own styles (the selected row's colour over an urgency colour).
    """
    width = wrap_width + padding.width
    lines = wrap_content(content, wrap_width)
    height = len(lines) + padding.height
    visual: Visual = Padding(Content("\n").join(lines), padding)
    rendered = Visual.to_strips(widget, visual, width, None, style)
    meta = {"row": index}
    strips = [
        strip.extend_cell_length(width, style.rich_style).apply_meta(meta) for strip in rendered
    ]
    strips = strips[:height]
    if over is not None:
        strips = [Strip(Segment.apply_style(strip, post_style=over), width) for strip in strips]
    if rule is not None:
        strips.append(Strip([Segment("─" * width, rule)], width))
    return strips, height
