"""core.countdown.wording: the one place a countdown is worded (the reader, show, agenda)."""

from __future__ import annotations

from datetime import timedelta

from kit import NOW

from briefing.core.countdown import countdown, wording
from briefing.core.status import DeadlineStatus


def test_the_urgency_word_follows_the_time() -> None:
    left = countdown(NOW + timedelta(days=12, hours=4), NOW)
    assert wording(left) == ("in 12d 04:00:00", " · later")
    assert wording(left, brackets=True) == ("in 12d 04:00:00", " [later]")


def test_no_word_where_it_would_repeat_the_time_unless_always() -> None:
    due_now = countdown(NOW, NOW)
    assert wording(due_now) == ("due now", "")
    assert wording(due_now, always=True) == ("due now", " · due now")
    closed = countdown(NOW, NOW, DeadlineStatus.MET)
    assert wording(closed) == ("met (stopped)", "")
    assert wording(closed, brackets=True, always=True) == ("met (stopped)", " [closed]")


def test_passed() -> None:
    left = countdown(NOW - timedelta(days=2, hours=5, minutes=10), NOW)
    assert "".join(wording(left)) == "passed 2d 05:10 ago · overdue"
