"""The rows of the participants table: column widths from plain text, and one row drawn as strips.

Plain functions, apart from :class:`~briefing.ui.widgets.participant_table.ParticipantTable`
(the widget: cursor, keys, messages, cache), as in
:mod:`~briefing.ui.widgets.library_rows`. Widths and heights come from the
participants' plain strings (``len`` and
:func:`~briefing.ui.widgets.virtual_wrap.line_count`), so sizing 2,000
participants builds no styled text; only the rows on screen are drawn, cut at
the offsets :func:`~briefing.ui.widgets.virtual_wrap.wrap_offsets` finds, so
what was measured is what is drawn. Only the first rows are measured at once, the
others as they come into view (:class:`RowHeights`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate, repeat
from typing import TYPE_CHECKING

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from briefing.ui.render import cell
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

EXACT_ROWS = 50
"""Rows measured at once (more than a screen shows); the others get their mean height
until they come into view or the cursor goes to them (issue 15: 2,000 participants
were all measured, twice, before the table's first frame)."""


def texts(person: Participant, mark: str = "") -> tuple[str, str, str, str]:
    """The plain text of each cell of ``person``'s row (``mark`` before the name)."""
    name = f"{mark} {person.name}" if mark else person.name
    return (name, person.role or "", person.affiliation or "", person.side or "")


def row_height(cells: Sequence[str], widths: Sequence[int]) -> int:
    """The lines of a row whose ``cells`` wrap to the columns' ``widths`` (0: not shown)."""
    return max(
        (line_count(text, width) for text, width in zip(cells, widths, strict=True) if width),
        default=1,
    )


def drawn_width(widths: Sequence[int]) -> int:
    """The cells a row of columns ``widths`` takes, their padding included (0: not shown)."""
    return sum(widths) + 2 * PADDING * sum(1 for width in widths if width)


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


Extents = tuple[list[int], list[int]]
"""Each column's widest cell and longest word (up to :data:`FLOOR_MAX`), labels included."""


def column_widths(rows: Sequence[Sequence[str]], room: int) -> list[int]:
    """The columns' widths by content (the cells' plain ``rows``), shared out to fit ``room``.

    From string lengths only: no cell is built or measured as styled text. A column
    keeps room for its label ("Affiliation" was cut to "Affiliat" at 160x48) and for
    its longest word (up to :data:`FLOOR_MAX`) as far as they fit.
    """
    return fit_columns(column_extents(rows), room)


def column_extents(rows: Sequence[Sequence[str]]) -> Extents:
    """What :func:`fit_columns` needs of every row: read once per list, whatever the width."""
    naturals = [len(label) for label, _ in COLUMNS]
    floors = [0] * len(COLUMNS)
    # A column at a time, in builtins (2,000 participants: 4.3 ms as a loop over cells).
    for index, column in enumerate(zip(*rows, strict=True)):
        naturals[index] = max(naturals[index], *map(len, column))
        longest = max(map(len, " ".join(column).split()), default=0)
        floors[index] = min(longest, FLOOR_MAX)
    return naturals, floors


def fit_columns(extents: Extents, room: int) -> list[int]:
    """The widths of columns of ``extents`` (:func:`column_extents`) shared out to fit ``room``.

    When the columns' longest words cannot all fit, the last columns are left out (width
    0: not drawn) while at least two remain, their room (padding included) going to the
    others, whose words then stay whole before their labels do (a cut label ends in
    "…"): at 120x40 four columns in a 38-cell pane cut roles mid-word ("Treasur" / "y").
    The side is the first to go (the affiliation mostly says it).
    """
    naturals, floors = extents
    labels = [len(label) for label, _ in COLUMNS]
    if room <= 0:
        return naturals
    shown = len(naturals)
    while shown > 2 and sum(floors[:shown]) > room:
        shown -= 1
        room += 2 * PADDING
    if shown < len(naturals):
        kept = _fit((naturals[:shown], floors[:shown]), [0] * shown, room)
        return kept + [0] * (len(naturals) - shown)
    return _fit(extents, labels, room)


def _fit(extents: Extents, labels: list[int], room: int) -> list[int]:
    naturals, floors = extents
    # The labels before the longest words: when both do not fit, the longest words
    # give way a cell at a time (a word wraps) before a label is cut.
    for cap in range(FLOOR_MAX, -1, -1):
        whole = [max(min(floor, cap), label) for floor, label in zip(floors, labels, strict=True)]
        least = [max(min(f, n), min(MIN_COLUMN, n)) for f, n in zip(whole, naturals, strict=True)]
        if sum(least) <= room:
            return share_widths(naturals, room, floors=whole)
    return share_widths(naturals, room, floors=floors)


class RowHeights:
    """Where each row of the table lies: its height, and its first line (rows have no rule).

    The first :data:`EXACT_ROWS` rows are measured at once, the others get their mean
    until :meth:`exact` measures them (those in view, before they are drawn; those
    around the cursor, before it is scrolled to).
    """

    def __init__(self) -> None:
        self.heights: list[int] = [1]
        self.tops: list[int] = [0, 1]
        """The first line of each row, and after the last the lines of all rows."""
        self.guessed = bytearray(1)
        """1 for each row whose height is a guess."""
        self.measured_at: list[int] | None = None
        """The widths the heights were measured at (None: to measure)."""
        self.count = 0
        """How many rows were measured (an empty table has one blank row of height 1)."""

    def measure(
        self, count: int, height: Callable[[int], int], widths: list[int], at_once: int
    ) -> None:
        """The heights of ``count`` rows at ``widths``: ``height(i)`` for the first ``at_once``
        rows, their mean for the others; nothing is measured again at the same widths."""
        if widths == self.measured_at and count == self.count:
            return
        exact = min(count, at_once)
        heights = [height(row) for row in range(exact)]
        guess = round(sum(heights) / exact) if exact else 1
        heights.extend(repeat(guess, count - exact))
        self.heights = heights or [1]
        self.guessed = bytearray(exact) + b"\x01" * (count - exact) if count else bytearray(1)
        self.measured_at, self.count = list(widths), count
        self.tops = [0, *accumulate(self.heights)]

    def exact(self, first: int, last: int, height: Callable[[int], int]) -> bool:
        """Measure rows ``first`` to ``last`` whose heights are guesses; whether any row moved."""
        first, last = max(first, 0), min(last, len(self.heights) - 1)
        guessed = self.guessed
        if first > last or guessed.find(1, first, last + 1) < 0:
            return False
        return self.set_heights(
            {row: height(row) for row in range(first, last + 1) if guessed[row]}
        )

    def settle(self, top: int, lines: int, height: Callable[[int], int]) -> bool:
        """Measure the rows on ``lines`` lines from ``top`` whose heights are guesses, until
        none moves (one taller than its guess moves those below); whether any row moved."""
        moved = False
        for _ in range(3):
            if not self.exact(self.row_at(top), self.row_at(top + lines), height):
                break
            moved = True
        return moved

    def again(self, rows: list[int], height: Callable[[int], int]) -> bool:
        """Measure ``rows`` again (their text changed), unless still guessed; whether any moved."""
        return self.set_heights({row: height(row) for row in rows if not self.guessed[row]})

    def set_heights(self, heights: dict[int, int]) -> bool:
        """Set some rows' heights (measured); whether any row moved."""
        moved = False
        for row, lines in heights.items():
            self.guessed[row] = 0
            moved = moved or self.heights[row] != lines
            self.heights[row] = lines
        if moved:
            self.tops = [0, *accumulate(self.heights)]
        return moved

    @property
    def lines(self) -> int:
        """The lines of every row."""
        return self.tops[-1]

    def row_at(self, line: int) -> int:
        """The row on ``line`` (the first row above 0, the last below the end)."""
        return min(max(0, bisect_right(self.tops, line) - 1), len(self.heights) - 1)


def row_cells(
    person: Participant, mark: str, highlighter: Callable[[str], list[tuple[int, int]]] | None
) -> list[Text]:
    """``person``'s row as styled cells: all brief text enters as plain text, never markup;
    the spans ``highlighter`` finds reversed, ``mark`` before the name."""
    cells = [
        cell(person.name, "bold"),
        cell(person.role),
        cell(person.affiliation),
        cell(person.side),
    ]
    if highlighter is not None:
        for text in cells:
            for start, end in highlighter(text.plain):
                text.stylize("reverse", start, end)
    if mark:
        cells[0] = Text.assemble((f"{mark} ", "bold yellow"), cells[0])
    return cells


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
    shown = [(text, width) for text, width in zip(cells, widths, strict=True) if width]
    columns = [(_cell_lines(text, width, height), width) for text, width in shown]
    blank = Segment(" " * PADDING, style)
    length = drawn_width(widths)
    strips: list[Strip] = []
    for line in range(height):
        segments: list[Segment] = []
        for lines, width in columns:
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
        if width:
            text.truncate(width, overflow="ellipsis", pad=True)
            segments += [blank, *Segment.apply_style(text.render(console), style), blank]
    return Strip(segments, drawn_width(widths))
