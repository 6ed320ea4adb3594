"""The brief screen's clock on its own: now, or as of the brief's publication."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from briefing.ui.screens.brief_clock import BriefClock

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
PUBLISHED = datetime(2026, 2, 27, 9, 30, tzinfo=UTC)


def test_the_clock_runs_from_now_until_asked_otherwise() -> None:
    real = [NOW]
    clock = BriefClock(lambda: real[0])
    assert clock.now() == NOW
    real[0] += timedelta(seconds=5)
    assert clock.now() == NOW + timedelta(seconds=5)


def test_as_published_starts_at_the_publication_and_runs_on() -> None:
    real = [NOW]
    clock = BriefClock(lambda: real[0])
    clock.set_mode(True, PUBLISHED)
    assert clock.now() == PUBLISHED
    real[0] += timedelta(minutes=2)
    assert clock.now() == PUBLISHED + timedelta(minutes=2)
    clock.set_mode(False, PUBLISHED)
    assert clock.now() == real[0]
