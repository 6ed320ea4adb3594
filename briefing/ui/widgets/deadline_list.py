"""Deadlines with live countdowns, driven by the screen's clock."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual.reactive import reactive

from briefing.ui.render import Prompt, deadline_row
from briefing.ui.widgets.item_list import ItemList

if TYPE_CHECKING:
    from textual.content import Content

    from briefing.core.models import Deadline


class DeadlineList(ItemList):
    """A list of deadlines, each with the time left until it falls due.

    The widget never reads the clock: its :attr:`now` is bound to the screen's,
    which one timer moves forward, so every countdown on screen ticks together.
    A row's countdown is worked out from :attr:`now` when the row is drawn, so a
    tick redraws the rows on screen and no others.
    """

    now: reactive[datetime] = reactive(datetime(1970, 1, 1, tzinfo=UTC), init=False)
    """The moment countdowns are computed from."""

    clock_style: reactive[str] = reactive("24h", init=False)
    """``24h`` or ``12h`` times of day."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("No deadlines in this brief", id=id, classes=classes)
        self._deadlines: list[Deadline] = []

    def set_deadlines(self, deadlines: list[Deadline]) -> None:
        """Show ``deadlines``, soonest first."""
        self._deadlines = sorted(deadlines, key=lambda d: d.due_at)
        self.set_items((d.id, _Countdown(self, d)) for d in self._deadlines)

    def watch_now(self) -> None:
        self.redraw()

    def watch_clock_style(self) -> None:
        self.rows_changed()

    @property
    def deadlines(self) -> list[Deadline]:
        """The deadlines shown, in order."""
        return list(self._deadlines)


class _Countdown:
    """A deadline's prompt, made from the list's :attr:`~DeadlineList.now` whenever it is asked for."""

    __slots__ = ("deadline", "owner")

    def __init__(self, owner: DeadlineList, deadline: Deadline) -> None:
        self.owner = owner
        self.deadline = deadline

    def _row(self) -> Prompt:
        return deadline_row(self.deadline, self.owner.now, clock=self.owner.clock_style)

    @property
    def plain(self) -> str:
        """The row's text at the list's ``now``."""
        return self._row().plain

    def build(self) -> Content:
        """The row's Content at the list's ``now``."""
        return self._row().build()
