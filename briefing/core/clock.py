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

    def __init__(self, start: datetime, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        if start.tzinfo is None:
            raise ValueError("ShiftedClock needs a timezone-aware start time")
        self._start = _within_years(start)
        self._monotonic = monotonic
        self._origin = monotonic()

    def now(self) -> datetime:
        """Return the chosen start plus the real time elapsed since."""
        return _moved(self._start, timedelta(seconds=self._monotonic() - self._origin))


_EPOCH = datetime(1970, 1, 1)
_DAY = 86400


def _gmtoff(seconds: int) -> int:
    """The C library's offset from UTC, in seconds, at ``seconds`` since the epoch."""
    return time.localtime(seconds).tm_gmtoff


class SystemZone(tzinfo):
    """The zone the C library reads from ``TZ`` (``CET-1CEST,M3.5.0,M10.5.0/3``, ``UTC+14``).

    Offsets come from ``time.localtime`` (after ``time.tzset``), so a POSIX rule
    means what it means to every other program. Wall times follow PEP 495 like
    :class:`zoneinfo.ZoneInfo`: in a gap, ``fold=0`` takes the offset from before
    the change (so 02:30 becomes 03:30); a repeated time is its first occurrence.
    Index workers get the zone pickled and inherit the same ``TZ``.
    """

    def __init__(self, rule: str = "") -> None:
        self.rule = rule
        """The ``TZ`` it was made for (names the zone; the C library holds the rules)."""

    def __reduce__(self) -> tuple[type[SystemZone], tuple[str]]:
        return (SystemZone, (self.rule,))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SystemZone) and other.rule == self.rule

    def __hash__(self) -> int:
        return hash(self.rule)

    def __str__(self) -> str:
        return f"TZ={self.rule}"

    __repr__ = __str__

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(seconds=_gmtoff(int(time.time())))
        wall = (dt.replace(tzinfo=None) - _EPOCH) // timedelta(seconds=1)
        before, after = _gmtoff(wall - _DAY), _gmtoff(wall + _DAY)
        if before == after:
            return timedelta(seconds=before)
        first_ok = _gmtoff(wall - before) == before
        second_ok = _gmtoff(wall - after) == after
        if first_ok and second_ok:  # a wall time that happens twice
            return timedelta(seconds=after if dt.fold else before)
        if first_ok or second_ok:
            return timedelta(seconds=before if first_ok else after)
        return timedelta(seconds=after if dt.fold else before)  # a wall time skipped

    def dst(self, dt: datetime | None) -> timedelta:
        seconds = int(time.time()) if dt is None else self._utc_seconds(dt)
        if not time.localtime(seconds).tm_isdst:
            return timedelta(0)
        return self.utcoffset(dt) + timedelta(seconds=time.timezone)

    def tzname(self, dt: datetime | None) -> str:
        seconds = int(time.time()) if dt is None else self._utc_seconds(dt)
        return time.localtime(seconds).tm_zone

    def fromutc(self, dt: datetime) -> datetime:
        seconds = (dt.replace(tzinfo=None) - _EPOCH) // timedelta(seconds=1)
        offset = timedelta(seconds=_gmtoff(seconds))
        local = dt + offset
        # The second of two equal wall times is marked fold=1, as PEP 495 asks.
        if self.utcoffset(local.replace(fold=0)) != offset:
            local = local.replace(fold=1)
        return local

    def _utc_seconds(self, dt: datetime) -> int:
        wall = (dt.replace(tzinfo=None) - _EPOCH) // timedelta(seconds=1)
        return wall - self.utcoffset(dt) // timedelta(seconds=1)


def local_zone() -> tzinfo:
    """Return the reader's local time zone, as the C library reads ``TZ``.

    An IANA zone (rather than a fixed offset) matters: a brief read in March
    must put a date in July on the summer offset. A ``TZ`` that names a zone
    file (``Europe/Berlin``, ``:Europe/Berlin``) is read with :mod:`zoneinfo`;
    any other ``TZ`` (a POSIX rule such as ``CET-1CEST,M3.5.0,M10.5.0/3`` or
    ``UTC+14``, which is UTC-14) is followed through the C library, as glibc
    does. Without ``TZ``, the ``/etc/localtime`` link, else the C library's zone.
    """
    if hasattr(time, "tzset"):
        time.tzset()  # the C library reads TZ again, as it is now
    rule = os.environ.get("TZ", "")
    name = rule.removeprefix(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            return SystemZone(rule)
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        try:
            return ZoneInfo(target.split("zoneinfo/", 1)[1])
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    return SystemZone(rule)
