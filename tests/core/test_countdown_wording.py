"""core.countdown.wording: the one place a countdown is worded (the reader, show, agenda)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from kit import NOW

from briefing.core.countdown import countdown, wording
from briefing.core.status import DeadlineStatus


def test_the_urgency_word_follows_the_time() -> None:
    left = countdown(NOW + timedelta(days=12, hours=4), NOW)
    assert wording(left) == ("in 12d 4h", " · later")
    assert wording(left, brackets=True) == ("in 12d 4h", " [later]")


def test_no_word_where_it_would_repeat_the_time_unless_always() -> None:
    due_now = countdown(NOW, NOW)
    assert wording(due_now) == ("due now", "")
    assert wording(due_now, always=True) == ("due now", " · due now")
    closed = countdown(NOW, NOW, DeadlineStatus.MET)
    assert wording(closed) == ("met (stopped)", "")
    assert wording(closed, brackets=True, always=True) == ("met (stopped)", " [closed]")


def test_passed() -> None:
    left = countdown(NOW - timedelta(days=2, hours=5, minutes=10), NOW)
    assert "".join(wording(left)) == "overdue 2d 5h"
    assert wording(left, always=True) == ("overdue 2d 5h", " · overdue")


# -- in_words: the countdown read aloud (the plain reader, screen readers) ---------------


def test_in_words_reads_the_two_largest_units_and_the_day() -> None:
    from datetime import date

    from briefing.core.countdown import in_words

    due = NOW + timedelta(days=12, hours=4, minutes=31, seconds=7)
    left = countdown(due, NOW)
    assert in_words(left, date(2025, 11, 10)) == "due in 12 days and 4 hours, on 10 November 2025"
    one = countdown(NOW + timedelta(days=1), NOW)
    assert in_words(one, date(2025, 11, 10)) == "due in 1 day, on 10 November 2025"
    soon = countdown(NOW + timedelta(hours=1, minutes=1), NOW)
    assert in_words(soon, NOW + timedelta(hours=1, minutes=1)).startswith(
        "due in 1 hour and 1 minute, on "
    )
    assert in_words(countdown(NOW + timedelta(seconds=30), NOW), NOW).startswith(
        "due in less than a minute, on "
    )


def test_in_words_now_passed_and_closed() -> None:
    from datetime import date

    from briefing.core.countdown import in_words

    day = date(2025, 11, 10)
    assert in_words(countdown(NOW, NOW), day) == "due now, on 10 November 2025"
    passed = countdown(NOW - timedelta(days=2, hours=5, minutes=10), NOW)
    assert in_words(passed, day) == "overdue by 2 days and 5 hours, was due on 10 November 2025"
    met = countdown(NOW, NOW, DeadlineStatus.MET)
    assert in_words(met, day) == "met, no longer counting down; was due on 10 November 2025"


def test_in_words_says_the_time_of_a_deadline_with_one() -> None:
    from datetime import datetime, timezone

    from briefing.core.countdown import in_words

    due = datetime(2025, 11, 2, 9, 5, tzinfo=timezone(timedelta(hours=8)))
    words = in_words(countdown(due, NOW), due)
    assert words.endswith("on 2 November 2025 at 09:05 (UTC+08:00)")
    assert "\x1b" not in words and ":" in words


@pytest.mark.parametrize(
    ("left", "text"),
    [
        (timedelta(days=2, hours=23, minutes=59, seconds=59), "in 2d 23h"),
        (timedelta(days=1), "in 1d 0h"),
        (timedelta(hours=23, minutes=59, seconds=59), "in 23:59:59"),
        (timedelta(hours=3, minutes=12, seconds=45), "in 03:12:45"),
        (timedelta(seconds=1), "in 00:00:01"),
        (timedelta(0), "due now"),
        (-timedelta(seconds=45), "overdue 45s"),
        (-timedelta(minutes=12, seconds=30), "overdue 12m"),
        (-timedelta(hours=3, minutes=59), "overdue 3h"),
        (-timedelta(days=2, hours=5, minutes=10), "overdue 2d 5h"),
    ],
)
def test_precision_adapts_to_the_time_left(left: timedelta, text: str) -> None:
    assert wording(countdown(NOW + left, NOW))[0] == text
