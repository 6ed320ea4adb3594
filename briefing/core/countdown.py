"""Time left until a deadline, and how urgent it is.

The reader shows every open deadline as a live countdown. The arithmetic lives
here, away from any widget, so it can be tested across DST changes, at exactly
zero, and for dates without times. Differences are always taken in UTC: Python
subtracts two datetimes that share a ``ZoneInfo`` by wall time, which would be
an hour off across a DST change.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from enum import Enum
from typing import NamedTuple

from briefing.core.status import DeadlineStatus

DAY = 86_400
WEEK = 7 * DAY


class Urgency(str, Enum):
    """How soon a deadline falls due; the word reads without colour."""

    OVERDUE = "overdue"
    DUE_NOW = "due now"
    DAY = "under 24 h"
    WEEK = "under 7 days"
    LATER = "later"
    CLOSED = "closed"


class Countdown(NamedTuple):
    """Time left until a deadline, ready to show."""

    seconds: int
    """Whole seconds left (negative once passed); 0 for a closed deadline."""
    text: str
    """``in 12d 4h``, ``in 03:12:45``, ``due now``, ``overdue 2d 5h`` or the status."""
    urgency: Urgency
    """Which urgency band the deadline is in."""


def seconds_left(due_at: datetime, now: datetime) -> int:
    """Return whole seconds from ``now`` until ``due_at`` (negative once passed), rounded down."""
    delta = due_at.astimezone(UTC) - now.astimezone(UTC)
    return math.floor(delta.total_seconds())


def format_left(seconds: int) -> str:
    """Format seconds left as briefing shows them, as precise as the time left calls for.

    A day or more ahead: days and hours (``in 2d 23h``); under a day: to the second
    (``in 03:12:45``); passed: the largest unit or two (``overdue 45s``, ``overdue 12m``,
    ``overdue 3h``, ``overdue 2d 5h``).
    """
    if seconds == 0:
        return "due now"
    if seconds > 0:
        days, rest = divmod(seconds, DAY)
        hours, rest = divmod(rest, 3600)
        minutes, secs = divmod(rest, 60)
        return f"in {days}d {hours}h" if days else f"in {hours:02d}:{minutes:02d}:{secs:02d}"
    days, rest = divmod(-seconds, DAY)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"overdue {days}d {hours}h"
    if hours:
        return f"overdue {hours}h"
    return f"overdue {minutes}m" if minutes else f"overdue {secs}s"


def urgency_of(seconds: int) -> Urgency:
    """Return the urgency band for ``seconds`` left."""
    if seconds < 0:
        return Urgency.OVERDUE
    if seconds == 0:
        return Urgency.DUE_NOW
    if seconds < DAY:
        return Urgency.DAY
    if seconds < WEEK:
        return Urgency.WEEK
    return Urgency.LATER


def wording(left: Countdown, *, brackets: bool = False, always: bool = False) -> tuple[str, str]:
    """How a countdown reads: its time, and the urgency word to put after it.

    Returns ``(time, tail)``: ``("in 12d 4h", " · later")``, or with
    ``brackets`` ``(..., " [later]")``. The tail is empty where the word would
    only repeat the time ("due now", "overdue 3h") or the deadline is closed (its time is its
    status), unless ``always``. Every countdown briefing shows is worded here;
    callers style the two pieces as they like.
    """
    # "due now" and "overdue 3h" already say their urgency.
    redundant = left.urgency is Urgency.CLOSED or left.text.startswith(left.urgency.value)
    if redundant and not always:
        return left.text, ""
    word = left.urgency.value
    return left.text, f" [{word}]" if brackets else f" · {word}"


def countdown(
    due_at: datetime, now: datetime, status: DeadlineStatus = DeadlineStatus.OPEN
) -> Countdown:
    """Return the countdown for a deadline at ``due_at`` seen at ``now``.

    A deadline that is not open (met, missed, extended, cancelled) does not
    count down: its text is its status.
    """
    if status is not DeadlineStatus.OPEN:
        return Countdown(0, f"{status.value} (stopped)", Urgency.CLOSED)
    seconds = seconds_left(due_at, now)
    return Countdown(seconds, format_left(seconds), urgency_of(seconds))


def _amount(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def _span_in_words(seconds: int) -> str:
    """A length of time as its two largest units: "12 days and 4 hours", "3 minutes"."""
    days, rest = divmod(seconds, DAY)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [(days, "day"), (hours, "hour"), (minutes, "minute")]
    while parts and parts[0][0] == 0:
        parts.pop(0)
    if not parts:
        return "less than a minute"
    shown = [_amount(count, unit) for count, unit in parts[:2] if count]
    return " and ".join(shown)


def day_in_words(when: date | datetime) -> str:
    """A due day as read aloud: "10 November 2025", with "at 09:05 (UTC+08:00)" if it has a time."""
    day = f"{when.day} {when.strftime('%B')} {when.year}"
    if not isinstance(when, datetime):
        return day
    offset = when.strftime("%z")
    zone = f" (UTC{offset[:3]}:{offset[3:5]})" if offset else ""
    return f"{day} at {when.strftime('%H:%M')}{zone}"


def in_words(left: Countdown, due: date | datetime) -> str:
    """A countdown as words, for reading aloud (the plain reader): never a ticking clock.

    "due in 12 days and 4 hours, on 10 November 2025", "due now, on ...",
    "overdue by 2 days and 5 hours, was due on ...", or for a closed deadline
    "met, no longer counting down; was due on ...". The time is rounded down to
    its two largest units, so it reads the same for a minute at least.
    """
    day = day_in_words(due)
    if left.urgency is Urgency.CLOSED:
        status = left.text.removesuffix(" (stopped)")
        return f"{status}, no longer counting down; was due on {day}"
    if left.seconds == 0:
        return f"due now, on {day}"
    if left.seconds < 0:
        return f"overdue by {_span_in_words(-left.seconds)}, was due on {day}"
    return f"due in {_span_in_words(left.seconds)}, on {day}"
