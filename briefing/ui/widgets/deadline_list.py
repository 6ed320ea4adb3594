"""Deadlines with live countdowns, driven by the screen's clock."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual.reactive import reactive

from briefing.core.countdown import countdown
from briefing.ui.render import Prompt, deadline_row
from briefing.ui.widgets.item_list import ItemList

if TYPE_CHECKING:
    from textual.content import Content

    from briefing.core.models import Deadline


class DeadlineList(ItemList):
    """A list of deadlines, each with the time left until it falls due.

    The widget never reads the clock: its :attr:`now` is bound to the screen's,
    which one timer moves forward, so every countdown on screen ticks together.
    A row's countdown is worked out from :attr:`now` when the row is drawn; a tick
    draws again only the rows drawn since whose countdown now reads differently (a
    deadline days away changes its words once an hour, not every second).
    """

    # No repaint of its own: a tick draws again only the rows it changed (watch_now).
    now: reactive[datetime] = reactive(datetime(1970, 1, 1, tzinfo=UTC), init=False, repaint=False)
    """The moment countdowns are computed from."""

    clock_style: reactive[str] = reactive("24h", init=False)
    """``24h`` or ``12h`` times of day."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("No deadlines in this brief", id=id, classes=classes)
        self._deadlines: list[Deadline] = []
        self._drawn: dict[str, tuple[_Countdown, tuple[str, str]]] = {}
        """By deadline id, the rows built since the last full redraw, and the words of
        their countdown then."""

    def set_deadlines(self, deadlines: list[Deadline]) -> None:
        """Show ``deadlines``, soonest first."""
        self._deadlines = sorted(deadlines, key=lambda d: d.due_at)
        self._drawn.clear()
        self.set_items((d.id, _Countdown(self, d)) for d in self._deadlines)

    def watch_now(self) -> None:
        if len(self._drawn) > MAX_WATCHED:
            # Scrolled through many rows: drawing those on screen again costs less than
            # checking every one drawn since.
            self._drawn.clear()
            self.redraw()
            return
        changed = [
            deadline_id for deadline_id, (row, words) in self._drawn.items() if row.words() != words
        ]
        for deadline_id in changed:
            del self._drawn[deadline_id]
        indexes = [self._index[d] for d in changed if d in self._index]
        if indexes:
            self.rows_changed(indexes)

    def built(self, row: _Countdown, words: tuple[str, str]) -> None:
        """``row`` was built with a countdown reading ``words`` (a tick compares them)."""
        self._drawn[row.deadline.id] = (row, words)

    def watch_clock_style(self) -> None:
        self.rows_changed()

    @property
    def deadlines(self) -> list[Deadline]:
        """The deadlines shown, in order."""
        return list(self._deadlines)


MAX_WATCHED = 200
"""Rows built since the last full redraw beyond which a tick draws every row on screen again."""


class _Countdown:
    """A deadline's prompt, made from the list's :attr:`~DeadlineList.now` whenever it is asked for."""

    __slots__ = ("deadline", "owner")

    def __init__(self, owner: DeadlineList, deadline: Deadline) -> None:
        self.owner = owner
        self.deadline = deadline

    def _row(self) -> Prompt:
        return deadline_row(self.deadline, self.owner.now, clock=self.owner.clock_style)

    def words(self) -> tuple[str, str]:
        """The countdown's text and urgency at the list's ``now`` (what a tick compares)."""
        left = countdown(self.deadline.due_at, self.owner.now, self.deadline.status)
        return left.text, left.urgency.value

    @property
    def plain(self) -> str:
        """The row's text at the list's ``now``."""
        return self._row().plain

    def build(self) -> Content:
        """The row's Content at the list's ``now``."""
        self.owner.built(self, self.words())
        return self._row().build()
