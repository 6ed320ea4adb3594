"""Clocks never run past the years briefing reads (2 to 9998), however long they run."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from briefing.core.clock import ManualClock, ShiftedClock
from briefing.core.timeutil import EARLIEST, LATEST


class FakeMonotonic:
    """A monotonic clock moved by hand, standing in for ``time.monotonic``."""

    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


def test_a_shifted_clock_stops_at_the_last_moment_after_a_long_run() -> None:
    ticks = FakeMonotonic()
    clock = ShiftedClock(datetime(9998, 12, 31, 23, 59, tzinfo=UTC), monotonic=ticks)
    assert clock.now() == datetime(9998, 12, 31, 23, 59, tzinfo=UTC)
    ticks.value += 30
    assert clock.now() == datetime(9998, 12, 31, 23, 59, 30, tzinfo=UTC)
    ticks.value += 10 * 365 * 86400  # ten years of running
    assert clock.now() == LATEST
    assert (clock.now() + timedelta(days=2)).year == 9999  # and a day on never overflows


def test_a_manual_clock_stops_at_the_ends() -> None:
    clock = ManualClock(datetime(9998, 12, 31, tzinfo=UTC))
    clock.advance(days=400)
    assert clock.now() == LATEST
    clock.advance(days=10_000_000 // 4)  # would overflow a datetime
    assert clock.now() == LATEST
    clock.set(datetime(2, 1, 2, tzinfo=UTC))
    clock.advance(days=-400)
    assert clock.now() == EARLIEST
    clock.set(datetime(1, 1, 1, 12, tzinfo=UTC))
    assert clock.now() == EARLIEST
