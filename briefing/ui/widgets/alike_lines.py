"""Drawing a container whose lines are alike: its inside once, repeated.

A container without keylines (or an opaque screen) has no content of its own: Textual
draws it blank, in its background, and its children draw over it. So the lines
between its top and bottom border and padding are all the same. Textual's compositor
still asks it for every line, each drawn with its border and background (the reader's
six panes, their grid, the summary's scroller and the screen drew 200 such lines of the
first frame's 300 at 120x40: issue 15).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


def alike_lines(
    container: Widget, crop: Region, render: Callable[[Region], list[Strip]]
) -> list[Strip]:
    """Lines ``crop`` of ``container`` as ``render`` (its ``Widget.render_lines``) draws
    them: the first of its inside drawn once and repeated, its border and padding as drawn.
    """
    top, _, bottom, _ = container.styles.gutter
    first, end = max(crop.y, top), min(crop.bottom, container.outer_size.height - bottom)
    # Textual draws a container blank unless it has keylines (Widget.render; its "none" is
    # not in the keyline's declared type).
    keylines = str(container.styles.keyline[0]) != "none"
    if end - first < 2 or not container.is_container or keylines:
        return render(crop)
    x, width = crop.x, crop.width
    above = render(Region(x, crop.y, width, first - crop.y)) if first > crop.y else []
    below = render(Region(x, end, width, crop.bottom - end)) if end < crop.bottom else []
    return [*above, *render(Region(x, first, width, 1)) * (end - first), *below]
