"""The rows of the participants table: column widths from plain text, and one row drawn as strips.

Plain functions, apart from :class:`~briefing.ui.widgets.participant_table.ParticipantTable`
(the widget: cursor, keys, messages, cache), as in
:mod:`~briefing.ui.widgets.library_rows`. Widths and heights come from the
participants' plain strings (``len`` and
:func:`~briefing.ui.widgets.virtual_wrap.line_count`), so sizing 2,000
participants builds no styled text; only the rows on screen are drawn, cut at
the offsets :func:`~briefing.ui.widgets.virtual_wrap.wrap_offsets` finds, so
what was measured is what is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from briefing.ui.widgets.virtual_wrap import TAB_SIZE, line_count, wrap_offsets

if TYPE_CHECKING:
    from briefing.core.models import Participant

COLUMNS = (("Name", "name"), ("Role", "role"), ("Affiliation", "affiliation"), ("Side", "side"))

MIN_COLUMN = 6
"""No column is cut narrower than this (a long name squeezed the role to one letter)."""

FLOOR_MAX = 16
"""A column keeps room for its longest word up to this many cells."""

PADDING = 1
"""Blank cells on each side of a cell, as in Textual's DataTable."""


def texts(person: Participant, mark: str = "") -> tuple[str, str, str, str]:
    """The plain text of each cell of ``person``'s row (``mark`` before the name)."""
    name = f"{mark} {person.name}" if mark else person.name
    return (name, person.role or "", person.affiliation or "", person.side or "")


def row_height(cells: Sequence[str], widths: Sequence[int]) -> int:
    """The lines of a row whose ``cells`` wrap to the columns' ``widths``."""
    return max(line_count(text, max(width, 1)) for text, width in zip(cells, widths, strict=True))


def share_widths(
    naturals: list[int],
    room: int,
    minimum: int = MIN_COLUMN,
    floors: list[int] | None = None,
) -> list[int]:
    """Column widths that fit ``room``: every column whole when all fit; else the narrow
    ones whole and the rest an equal share of what is left, never under ``minimum`` nor a
    column's floor (its longest word, so words wrap whole: "Representat" / "ive")."""
    if sum(naturals) <= room:
        return list(naturals)
    floors = floors or [0] * len(naturals)
    if sum(min(f, n) for f, n in zip(floors, naturals, strict=True)) > room:
        floors = [0] * len(naturals)  # too narrow for whole words: fit first
    widths = [0] * len(naturals)
    order = sorted(range(len(naturals)), key=lambda index: naturals[index])
    left = room - sum(min(f, n) for f, n in zip(floors, naturals, strict=True))
    for position, index in enumerate(order):
        floor = min(floors[index], naturals[index])
        left += floor  # this column's floor is spent from its share, not on top of it
        share = max(minimum, floor, left // (len(order) - position))
        widths[index] = min(naturals[index], share)
        left -= widths[index]
    return widths


def column_widths(rows: Sequence[Sequence[str]], room: int) -> list[int]:
    """The columns' widths by content (the cells' plain ``rows``), shared out to fit ``room``.

    From string lengths only: no cell is built or measured as styled text. A column
    keeps room for its label ("Affiliation" was cut to "Affiliat" at 160x48) and for
    its longest word (up to :data:`FLOOR_MAX`) as far as they fit.
    """
    labels = [len(label) for label, _ in COLUMNS]
    naturals = list(labels)
    floors = [0] * len(COLUMNS)
    for cells in rows:
        for index, text in enumerate(cells):
            if len(text) > naturals[index]:
                naturals[index] = len(text)
            if len(text) > floors[index]:  # a word is no longer than its cell
                longest = max((len(word) for word in text.split()), default=0)
                floors[index] = max(floors[index], min(longest, FLOOR_MAX))
    if room <= 0:
        return naturals
    # The labels before the longest words: when both do not fit, the longest words
    # give way a cell at a time (a word wraps) before a label is cut.
    for cap in range(FLOOR_MAX, -1, -1):
        whole = [max(min(floor, cap), label) for floor, label in zip(floors, labels, strict=True)]
        least = [max(min(f, n), min(MIN_COLUMN, n)) for f, n in zip(whole, naturals, strict=True)]
        if sum(least) <= room:
            return share_widths(naturals, room, floors=whole)
    return share_widths(naturals, room, floors=floors)


def _cell_lines(text: Text, width: int, height: int) -> list[Text]:
    """``text`` cut into ``height`` lines of ``width`` cells where ``line_count`` counted them."""
    if "\t" in text.plain:
        text = text.copy()
        text.expand_tabs(TAB_SIZE)
    lines: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        offsets = wrap_offsets(line.plain, width)
        pieces = list(line.divide(offsets)) if offsets else [line]
        for piece in pieces[:-1]:
            piece.rstrip()
        lines.extend(pieces)
    lines += [Text("")] * (height - len(lines))
    return lines[:height]


def draw_row(
    console: Console,
    cells: Sequence[Text],
    widths: Sequence[int],
    height: int,
    style: Style,
    over: Style | None = None,
) -> list[Strip]:
    """A row of ``cells`` wrapped to ``widths`` as ``height`` strips on the row's ``style``.

    ``over`` (the cursor's colours) is laid over the cells' own styles.
    """
    columns = [_cell_lines(text, width, height) for text, width in zip(cells, widths, strict=True)]
    blank = Segment(" " * PADDING, style)
    length = sum(widths) + 2 * PADDING * len(widths)
    strips: list[Strip] = []
    for line in range(height):
        segments: list[Segment] = []
        for lines, width in zip(columns, widths, strict=True):
            text = lines[line]
            text.truncate(width, overflow="fold", pad=True)
            segments.append(blank)
            # Text.render leaves out the text's own style when it has no spans.
            base = style + console.get_style(text.style) if text.style else style
            segments += Segment.apply_style(text.render(console), base, over)
            segments.append(blank)
        strips.append(Strip(segments, length))
    return strips


def draw_header(console: Console, widths: Sequence[int], style: Style) -> Strip:
    """The header line: each label cut to its column (a label may be cut, a cell never)."""
    labels = [Text(label, no_wrap=True, overflow="ellipsis") for label, _key in COLUMNS]
    blank = Segment(" " * PADDING, style)
    segments: list[Segment] = []
    for text, width in zip(labels, widths, strict=True):
        text.truncate(width, overflow="ellipsis", pad=True)
        segments += [blank, *Segment.apply_style(text.render(console), style), blank]
    return Strip(segments, sum(widths) + 2 * PADDING * len(widths))
