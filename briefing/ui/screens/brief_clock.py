"""The brief screen's clock: now, or as published (a mixin of :class:`BriefScreen`).

One timer on the screen calls :meth:`ClockMixin.tick` every second; every
countdown on the screen is bound to the screen's ``now``, never to a clock of
its own.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.core.models import Brief
    from briefing.ui.app import BriefingApp


class ClockMixin:
    """``a`` switches between now and the brief's publication time."""

    if TYPE_CHECKING:  # provided by BriefScreen
        now: datetime
        as_published: bool
        _offset: timedelta
        _shown: bool
        _panes_mounted: bool

        @property
        def brief(self) -> Brief: ...

        @property
        def briefing_app(self) -> BriefingApp: ...

        def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...

        def notify(self, message: str, **options: Any) -> None: ...

        def check_file(self) -> None: ...

    def clock_now(self) -> datetime:
        """The time countdowns use: the app's clock, shifted when "as published" is on."""
        return self.briefing_app.now() + self._offset

    def tick(self) -> None:
        """Move every countdown to the clock's time, and look for a change of the file on disk;
        called once a second by the timer."""
        self.now = self.clock_now()
        self.check_file()

    def watch_now(self, now: datetime) -> None:
        if self._panes_mounted:
            from briefing.ui.widgets.deadline_list import DeadlineList

            self.query_one(DeadlineList).now = now

    def action_toggle_clock(self) -> None:
        """Switch between now and the brief's publication time."""
        if not self._shown:
            return
        self.as_published = not self.as_published

    def watch_as_published(self, as_published: bool) -> None:
        # The mode is the reader's, not one brief's: the next brief and the agenda follow it.
        app = self.briefing_app
        app.clock_as_published = as_published
        app.clock_as_published_at = app.now() if as_published else None
        if not self._shown:
            return
        real_now = self.briefing_app.now()
        self._offset = (self.brief.published_at - real_now) if as_published else timedelta(0)
        self.tick()
        self.notify("Clock: as published" if as_published else "Clock: now", timeout=2)
