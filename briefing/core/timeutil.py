"""The time rules of the brief format.

* A date-time written with an offset is kept as it is.
* A date-time written without an offset is read in the brief's ``timezone``,
  else in the reader's local zone.
* A wall time skipped by a DST change is moved forward by the change (02:30
  becomes 03:30); a wall time that occurs twice is its first occurrence.
* A ``due`` date without a time means the end of that day in that zone: the
  midnight at which the next day begins.
* A timeline date may be as coarse as a month (``2025-05``) or a year (``2025``),
  because sources often say no more than "in May".
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

# A pattern, compiled (and cached by ``re``) when first used: nothing compiles at import.
_PARTIAL = r"^(\d{4})(?:-(\d{2}))?$"


class PartialDate:
    """A date known only to the month or the year, such as ``2025-05``.

    Immutable, hashable, and ordered as ``(year, month)``. Written out rather than
    a frozen, ordered dataclass, whose generated methods took 3 ms to build on
    import, before the reader's first frame.
    """

    __slots__ = ("year", "month")

    year: int
    month: int | None

    def __init__(self, year: int, month: int | None = None) -> None:
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a PartialDate")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a PartialDate")

    def __reduce__(self) -> tuple[type[PartialDate], tuple[int, int | None]]:
        return (PartialDate, (self.year, self.month))

    def __repr__(self) -> str:
        return f"PartialDate(year={self.year!r}, month={self.month!r})"

    def __str__(self) -> str:
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"

    def __hash__(self) -> int:
        return hash((self.year, self.month))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not PartialDate:
            return NotImplemented
        return (self.year, self.month) == (other.year, other.month)

    def __lt__(self, other: PartialDate) -> bool:
        if other.__class__ is not PartialDate:
            return NotImplemented
        return (self.year, self.month) < (other.year, other.month)

    def __le__(self, other: PartialDate) -> bool:
        if other.__class__ is not PartialDate:
            return NotImplemented
        return (self.year, self.month) <= (other.year, other.month)

    def __gt__(self, other: PartialDate) -> bool:
        if other.__class__ is not PartialDate:
            return NotImplemented
        return (self.year, self.month) > (other.year, other.month)

    def __ge__(self, other: PartialDate) -> bool:
        if other.__class__ is not PartialDate:
            return NotImplemented
        return (self.year, self.month) >= (other.year, other.month)

    def first_day(self) -> date:
        """Return the first day the partial date covers (for sorting)."""
        return date(self.year, self.month or 1, 1)


When = date | datetime
"""A date or a date-time, as written in a brief."""


MIN_YEAR = 2
MAX_YEAR = 9998
"""Dates are kept a year inside the calendar's ends, so that adding a day or moving
to UTC (a due date's end, a naive time in a zone) can never overflow."""

EARLIEST = datetime(MIN_YEAR, 1, 1, tzinfo=UTC)
"""The first moment a clock may show."""
LATEST = datetime(MAX_YEAR, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
"""The last moment a clock may show."""


def check_years(value: datetime) -> datetime:
    """Return ``value`` (timezone-aware) if it lies in the years briefing reads, in UTC too.

    Raises ``ValueError`` otherwise: ``0001-01-01T00:00+14:00`` cannot even be
    moved to UTC, and ``9998-12-31T23:59-14:00`` is in year 9999 there.
    """
    years = f"outside the years briefing reads ({MIN_YEAR} to {MAX_YEAR})"
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"year {value.year} is {years}")
    in_utc = value.astimezone(UTC)
    if not MIN_YEAR <= in_utc.year <= MAX_YEAR:
        raise ValueError(f"{in_utc:%Y-%m-%d %H:%M} UTC is {years}")
    return value


def parse_when(value: Any, *, partial: bool = False) -> Any:
    """Turn an ISO string into a ``date``, ``datetime`` (or ``PartialDate``); pass others on.

    The year must be between :data:`MIN_YEAR` and :data:`MAX_YEAR`.
    """
    parsed = _parse_when(value, partial=partial)
    year = parsed.year
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(
            f"year {year} is outside the years briefing reads ({MIN_YEAR} to {MAX_YEAR})"
        )
    return parsed


def _parse_when(value: Any, *, partial: bool = False) -> Any:
    """Turn an ISO string into a ``date``, ``datetime`` (or ``PartialDate``); pass others on.

    TOML already yields dates and date-times; JSON yields strings. A string with
    a time part becomes a ``datetime``, one without becomes a ``date``; anything
    else is left for validation to reject with a clear message.
    """
    if isinstance(value, str):
        text = value.strip()
        if partial:
            match = re.match(_PARTIAL, text)
            if match:
                year, month = int(match.group(1)), match.group(2)
                if month is not None and not 1 <= int(month) <= 12:
                    raise ValueError(f"month {month} is not between 01 and 12")
                return PartialDate(year, int(month) if month else None)
        if len(text) > 10 and text[10] in "Tt ":
            try:
                return datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
            except ValueError:
                raise ValueError(
                    f"'{text[:40]}' is not an ISO date-time such as 2025-10-26T13:55:00+03:00"
                ) from None
        try:
            return date.fromisoformat(text)
        except ValueError:
            hint = "a date such as 2025-11-10"
            if partial:
                hint += ", a month such as 2025-05"
            raise ValueError(f"'{text[:40]}' is not {hint}, or a date-time") from None
    if isinstance(value, time):
        raise ValueError("a time of day alone is not a date; write a date or a date-time")
    if isinstance(value, date | PartialDate):
        return value
    raise ValueError(f"expected a date or a date-time, got {type_name(value)}")


def type_name(value: Any) -> str:
    """Name a parsed value's type the way a person writing TOML or JSON would."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def resolve_datetime(value: datetime, zone: tzinfo) -> datetime:
    """Return ``value`` with an offset: kept if it has one, else read in ``zone``."""
    if value.tzinfo is not None and value.utcoffset() is not None:
        return value
    # A wall time skipped by a DST change (02:30 on a spring-forward night) is
    # moved to the real time it stands for (03:30), by a round trip through UTC;
    # a wall time that happens twice is taken as its first occurrence (fold=0).
    return value.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


def end_of_day(day: date, zone: tzinfo) -> datetime:
    """Return the end of ``day`` in ``zone``: the midnight at which the next day begins."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)


def resolve_when(value: When, zone: tzinfo) -> When:
    """Give a naive date-time its zone; leave dates and aware date-times alone."""
    if isinstance(value, datetime):
        return resolve_datetime(value, zone)
    return value


def instant_of(value: When, zone: tzinfo) -> datetime:
    """Return the moment a ``due`` value means: a date is the end of that day."""
    if isinstance(value, datetime):
        return resolve_datetime(value, zone)
    return end_of_day(value, zone)


def sort_key(value: When | PartialDate | None) -> tuple[date, int, time]:
    """Return a key that orders dates, date-times and partial dates together.

    A bare date or partial date sorts before the timed events of its first day;
    missing values sort last.
    """
    if value is None:
        return (date.max, 0, time(0))
    if isinstance(value, PartialDate):
        return (value.first_day(), 0, time(0))
    if isinstance(value, datetime):
        return (value.date(), 1, value.time())
    return (value, 0, time(0))


def format_when(value: date | datetime | PartialDate | None, *, clock: str = "24h") -> str:
    """Format a date, date-time or partial date for reading: ``2025-10-26 13:55 +03:00``."""
    if value is None:
        return ""
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, datetime):
        time_of_day = (
            value.strftime("%I:%M %p").lstrip("0") if clock == "12h" else value.strftime("%H:%M")
        )
        offset = value.strftime("%z")
        if offset:
            offset = f" {offset[:3]}:{offset[3:5]}"
        return f"{value.date().isoformat()} {time_of_day}{offset}"
    return value.isoformat()


def date_key(value: date | datetime | PartialDate) -> str:
    """A short, stable text for a date in derived ids: ``2025-10-26`` or ``2025-10-26-1000``."""
    if isinstance(value, datetime):
        return f"{value.date().isoformat()}-{value.strftime('%H%M')}"
    return str(value) if isinstance(value, PartialDate) else value.isoformat()
