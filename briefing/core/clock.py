"""Clocks: the only place in briefing that reads the time.

Everything that needs "now" is handed a :class:`Clock`. The app uses
:class:`SystemClock` (or :class:`ShiftedClock` for ``--now``); tests use
:class:`ManualClock` and move it by hand, so no test ever sleeps.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from briefing.core.timeutil import EARLIEST, LATEST


class Clock(Protocol):
    """Something that says what time it is."""

    def now(self) -> datetime:
        """Return the current time, timezone-aware."""
        ...


class SystemClock:
    """The real wall clock."""

    def now(self) -> datetime:
        """Return the current time in UTC."""
        return datetime.now(UTC)


def _within_years(when: datetime) -> datetime:
    """Return ``when``, held inside the years briefing reads (a clock stops at their ends)."""
    return min(max(when, EARLIEST), LATEST)


def _moved(when: datetime, delta: timedelta) -> datetime:
    """Return ``when + delta``, stopped at the ends of the years briefing reads."""
    try:
        return _within_years(when + delta)
    except OverflowError:
        return LATEST if delta > timedelta(0) else EARLIEST


class ManualClock:
    """A clock that only moves when told to; for tests."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware start time")
        self._now = _within_years(start)

    def now(self) -> datetime:
        """Return the time the clock was last set to."""
        return self._now

    def advance(self, seconds: float = 0, **delta: float) -> None:
        """Move the clock forward by ``seconds`` (and/or timedelta keyword arguments)."""
        self._now = _moved(self._now, timedelta(seconds=seconds, **delta))

    def set(self, when: datetime) -> None:
        """Set the clock to ``when`` (timezone-aware)."""
        if when.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware time")
        self._now = _within_years(when)


class ShiftedClock:
    """A clock that starts at a chosen moment and then runs at real speed (``--now``).

    It stops at the end of the years briefing reads: a reader left running from
    ``--now 9998-12-31T23:59Z`` must not overflow a date on its next tick.
    """

    def __init__(
        self, start: datetime, *, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        if start.tzinfo is None:
            raise ValueError("ShiftedClock needs a timezone-aware start time")
        self._start = _within_years(start)
        self._monotonic = monotonic
        self._origin = monotonic()

    def now(self) -> datetime:
        """Return the chosen start plus the real time elapsed since."""
        return _moved(self._start, timedelta(seconds=self._monotonic() - self._origin))


def local_zone() -> tzinfo:
    """Return the reader's local time zone, as an IANA zone when it can be found.

    An IANA zone (rather than a fixed offset) matters: a brief read in March
    must put a date in July on the summer offset. ``TZ`` wins, then the
    ``/etc/localtime`` link; failing both, the current fixed offset.
    """
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        try:
            return ZoneInfo(target.split("zoneinfo/", 1)[1])
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    offset = datetime.now().astimezone().tzinfo
    return offset if offset is not None else UTC
