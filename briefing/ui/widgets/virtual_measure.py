"""How tall the rows of a virtual list are, from their plain text alone.

A row's height is the lines of its text wrapped by
:func:`~briefing.ui.widgets.virtual_wrap.line_count` plus the rows' padding;
rows are separated by a one-line rule. Plain functions, apart from
:class:`~briefing.ui.widgets.virtual_list.VirtualList`, which only says at what
width and with what padding (:class:`~briefing.ui.widgets.virtual_layout.RowLayout`
keeps the heights).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from briefing.ui.widgets.virtual_wrap import line_count


def row_heights(count: int, text: Callable[[int], str], width: int, extra: int) -> Iterator[int]:
    """The height of each of ``count`` rows: the lines of ``text(i)`` wrapped to ``width``, and ``extra``."""
    if extra:
        return (line_count(text(i), width) + extra for i in range(count))
    return (line_count(text(i), width) for i in range(count))  # without an addition per row


def content_height(count: int, text: Callable[[int], str], width: int, extra: int) -> int:
    """Every row's lines (see :func:`row_heights`) and the rules between them."""
    return sum(row_heights(count, text, width, extra)) + max(count - 1, 0)


def wrap_width(width: int, height: int, padding: int, count: int, scrollbar: int) -> int:
    """The cells a row's text is wrapped to in a ``width`` by ``height`` region: ``width`` less ``padding``.

    When the ``count`` rows are sure to overflow (each takes a line and a rule), a
    vertical scrollbar ``scrollbar`` cells wide (0 when it shows already or never
    will) is left out now: measuring before it shows would mean measuring every row twice.
    """
    if scrollbar and 2 * count - 1 > height:
        return width - padding - scrollbar
    return width - padding
