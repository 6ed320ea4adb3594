"""Where each row of a virtual list lies: heights, first lines, and the row on a given line.

Plain bookkeeping for :class:`~briefing.ui.widgets.virtual_list.VirtualList`,
kept apart from the widget. Rows are separated by a one-line rule, so row ``i``
starts at ``sum(height + 1 for the rows before it)``; the starts are kept as a
prefix sum (rebuilt in ~1 ms for 20,000 rows when a height changes) and a line
is found with a binary search.

The layout measures its rows with :mod:`~briefing.ui.widgets.virtual_measure`
and settles the heights of the rows in view as they are drawn; the widget only
says at what width, with what padding, and how a row is drawn.

Only the first :data:`EXACT_ROWS` rows are measured at once; the others get the
mean height of those as a guess, and are measured (their text asked for, so a
lazy list builds them) when they come into view or the cursor goes to them
(issue 15: measuring 20,000 quotes meant building all of them first).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate, repeat

from briefing.ui.widgets.virtual_measure import row_heights
from briefing.ui.widgets.virtual_wrap import line_count

EXACT_ROWS = 100
"""Rows measured at once; those after them have a guessed height until shown or reached
(more rows than a screen shows: a 48-line pane holds about 16 quotes)."""


class RowLayout:
    """The heights of a list's rows, measured at one wrap width."""

    def __init__(self) -> None:
        self.heights: list[int] = []
        """Lines of each row, without the rule after it."""
        self.tops: array[int] = array("q")
        """The first line of each row (an array: 20,000 ints in a list take 0.7 MiB)."""
        self.width: int | None = None
        """The wrap width the heights were measured at; ``None`` when they must be measured."""
        self.version = 0
        """Goes up whenever a row moves."""
        self.guessed = bytearray()
        """1 for each row whose height is a guess (see :data:`EXACT_ROWS`)."""

    def __len__(self) -> int:
        return len(self.heights)

    @property
    def lines(self) -> int:
        """Every row's lines and the rules between them."""
        return self.tops[-1] + self.heights[-1] if self.heights else 0

    def measured(self, heights: Iterable[int], width: int, exact: int | None = None) -> None:
        """Take the ``heights`` of every row at ``width``; those after the first ``exact``
        (all when None) are guesses."""
        self.heights = list(heights)
        self.width = width
        known = len(self.heights) if exact is None else exact
        self.guessed = bytearray(known) + b"\x01" * (len(self.heights) - known)
        self._update()

    def measure(self, count: int, text: Callable[[int], str], width: int, extra: int) -> bool:
        """Measure ``count`` rows at ``width`` unless they are; return whether they were measured.

        Row ``i`` takes the lines of ``text(i)`` wrapped to ``width``, and ``extra``; rows
        after the first :data:`EXACT_ROWS` take their mean until measured by :meth:`exact`.
        """
        if width == self.width and len(self.heights) == count:
            return False
        exact = min(count, EXACT_ROWS)
        heights = list(row_heights(exact, text, width, extra))
        guess = round(sum(heights) / exact) if exact else 1
        heights.extend(repeat(guess, count - exact))
        self.measured(heights, width, exact)
        return True

    def exact(self, first: int, last: int, text: Callable[[int], str], extra: int) -> bool:
        """Measure rows ``first`` to ``last`` whose heights are guesses; return whether any moved."""
        first, last = max(first, 0), min(last, len(self.heights) - 1)
        guessed, width = self.guessed, self.width
        if width is None or first > last or guessed.find(1, first, last + 1) < 0:
            return False
        rows = [i for i in range(first, last + 1) if guessed[i]]
        return self.set_heights({i: line_count(text(i), width) + extra for i in rows})

    def rows_from(self, top: int, height: int) -> tuple[int, int]:
        """The first and last rows lines ``top`` to ``top + height - 1`` may show (a row and
        its rule take two lines at least)."""
        located = self.locate(min(top, max(self.lines - 1, 0)))
        first = located[0] if located is not None else 0
        return first, first + height // 2 + 1

    def holds(self, count: int) -> bool:
        """Whether the layout holds ``count`` rows measured at a width."""
        return self.width is not None and len(self.heights) == count

    def remeasure(self, indexes: Iterable[int], text: Callable[[int], str], extra: int) -> bool:
        """Measure rows ``indexes`` again at the layout's width; return whether any row moved."""
        width = self.width
        assert width is not None, "measure the rows first"
        return self.set_heights({i: line_count(text(i), width) + extra for i in indexes})

    def set_heights(self, heights: dict[int, int]) -> bool:
        """Change the height of some rows; return whether any row moved."""
        first = len(self.heights)
        guessed = self.guessed
        for index, height in heights.items():
            guessed[index] = 0
            if self.heights[index] != height:
                self.heights[index] = height
                first = min(first, index)
        if first == len(self.heights):
            return False
        self._update(first)
        return True

    def _update(self, first: int = 0) -> None:
        """The first lines of the rows again, from row ``first`` on (the rows above it
        did not move: ``G`` on 20,000 rows redoes the last few)."""
        heights = self.heights
        if not heights:
            self.tops = array("q")
        elif first == 0 or len(self.tops) != len(heights):
            self.tops = array("q", list(accumulate((h + 1 for h in heights[:-1]), initial=0)))
        else:
            start = self.tops[first]
            after = accumulate((h + 1 for h in heights[first:-1]), initial=start)
            self.tops[first:] = array("q", list(after))
        self.version += 1

    def locate(self, line: int) -> tuple[int, int] | None:
        """The row on virtual line ``line`` and the line within it (its height for its rule)."""
        if line < 0 or not self.tops:
            return None
        index = bisect_right(self.tops, line) - 1
        offset = line - self.tops[index]
        last = index == len(self.tops) - 1
        if offset > self.heights[index] or (offset == self.heights[index] and last):
            return None
        return index, offset

    def settle(self, top: int, height: int, draw: Callable[[int], object]) -> None:
        """``draw`` the rows on lines ``top`` to ``top + height - 1`` until none of them moves.

        Drawing a row sets its height (:meth:`set_heights`): one whose height
        differs from its measure moves the rows below, which are drawn again in
        their new place (three tries at most).
        """
        for _ in range(3):
            version = self.version
            first = self.locate(top)
            last = self.locate(top + height - 1)
            if first is None:
                break
            stop = last[0] if last is not None else len(self.heights) - 1
            for index in range(first[0], stop + 1):
                draw(index)
            if self.version == version:
                break

    def page_from(
        self,
        count: int,
        disabled: Callable[[int], bool],
        highlighted: int | None,
        step: int,
        lines: int,
    ) -> int | None:
        """Where a highlight at ``highlighted`` goes by a page of ``lines`` lines, down (``step`` 1) or up (-1).

        About that many lines away, to the next enabled row on (as OptionList
        does); from no highlight, the first enabled row going up, the last going
        down. None when there is nowhere to go.
        """
        if not self.heights:
            return None
        if highlighted is None:
            start = 0 if step < 0 else count - 1
            return next_enabled(count, disabled, start, -step, wrap=False)
        anchor = self.row_below(highlighted, step * lines)
        return next_enabled(count, disabled, anchor, step, wrap=False)

    def row_below(self, index: int, lines: int) -> int:
        """The row ``lines`` lines below the top of row ``index`` (above if negative), kept in the list."""
        line = min(max(self.tops[index] + lines, 0), max(self.lines - 1, 0))
        located = self.locate(line)
        return located[0] if located is not None else len(self.heights) - 1


def next_enabled(
    count: int, disabled: Callable[[int], bool], start: int, step: int, *, wrap: bool
) -> int | None:
    """The first of ``count`` rows from ``start`` by ``step`` that is not ``disabled``.

    With ``wrap``, going past an end goes on from the other (as OptionList does).
    """
    index = start
    for _ in range(count):
        if not 0 <= index < count:
            if not wrap:
                return None
            index %= count
        if not disabled(index):
            return index
        index += step
    return None


def next_from(
    count: int, disabled: Callable[[int], bool], highlighted: int | None, step: int
) -> int | None:
    """Where a highlight at ``highlighted`` goes by ``step`` (None: the list has none to go to).

    From no highlight, the first enabled row (the last going up); from a row, the
    next enabled one ``step`` away, going on from the other end.
    """
    if highlighted is None:
        return next_enabled(count, disabled, 0 if step > 0 else count - 1, step, wrap=False)
    return next_enabled(count, disabled, highlighted + step, step, wrap=True)
