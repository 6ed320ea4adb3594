"""Clocks: the only place in briefing that reads the time.

Everything that needs "now" is handed a :class:`Clock`. The app uses
:class:`SystemClock` (or :class:`ShiftedClock` for ``--now``); tests use
:class:`ManualClock` and move it by hand, so no test ever sleeps.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


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


class ManualClock:
    """A clock that only moves when told to; for tests."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware start time")
        self._now = start

    def now(self) -> datetime:
        """Return the time the clock was last set to."""
        return self._now

    def advance(self, seconds: float = 0, **delta: float) -> None:
        """Move the clock forward by ``seconds`` (and/or timedelta keyword arguments)."""
        self._now += timedelta(seconds=seconds, **delta)

    def set(self, when: datetime) -> None:
        """Set the clock to ``when`` (timezone-aware)."""
        if when.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware time")
        self._now = when


class ShiftedClock:
    """A clock that starts at a chosen moment and then runs at real speed (``--now``)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ShiftedClock needs a timezone-aware start time")
        self._start = start
        self._origin = time.monotonic()

    def now(self) -> datetime:
        """Return the chosen start plus the real time elapsed since."""
        return self._start + timedelta(seconds=time.monotonic() - self._origin)


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
