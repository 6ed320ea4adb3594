"""The brief screen's clock: now, or as of the brief's publication.

The screen owns one :class:`BriefClock` and one timer that reads it every second;
every countdown on the screen is bound to the screen's ``now``, never to a clock
of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta


class BriefClock:
    """The time countdowns are computed from: the app's clock, shifted when "as published" is on.

    Args:
        real_now: The app's clock (injected, so tests move it by hand).
    """

    def __init__(self, real_now: Callable[[], datetime]) -> None:
        self.real_now = real_now
        self.offset = timedelta(0)
        """How far the countdowns' time is from the real one (0 unless "as published")."""

    def now(self) -> datetime:
        """The time countdowns use now."""
        return self.real_now() + self.offset

    def set_mode(self, as_published: bool, published_at: datetime) -> None:
        """Run from ``published_at`` (the brief's publication) when ``as_published``, else from now."""
        self.offset = (published_at - self.real_now()) if as_published else timedelta(0)
