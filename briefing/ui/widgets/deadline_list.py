"""Deadlines with live countdowns, driven by the screen's clock."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual.reactive import reactive

from briefing.ui.render import deadline_prompt
from briefing.ui.widgets.item_list import ItemList

if TYPE_CHECKING:
    from briefing.core.models import Deadline


class DeadlineList(ItemList):
    """A list of deadlines, each with the time left until it falls due.

    The widget never reads the clock: its :attr:`now` is bound to the screen's,
    which one timer moves forward, so every countdown on screen ticks together.
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
        self.set_items(
            (d.id, deadline_prompt(d, self.now, clock=self.clock_style)) for d in self._deadlines
        )

    def watch_now(self) -> None:
        for deadline in self._deadlines:
            self.replace_prompt(
                deadline.id, deadline_prompt(deadline, self.now, clock=self.clock_style)
            )

    @property
    def deadlines(self) -> list[Deadline]:
        """The deadlines shown, in order."""
        return list(self._deadlines)
