"""The values of the command line's options: a moment (``--now``), a duration
(``--within``) and a publication date (``--published``), each read or refused with a
one-line message argparse prints as a usage error."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from briefing.core.clock import local_zone
from briefing.core.durations import parse_duration
from briefing.core.safetext import clean_line
from briefing.core.timeutil import check_years, resolve_datetime

if TYPE_CHECKING:
    from datetime import date, datetime, timedelta


def parse_now(value: str) -> datetime:
    """Read ``--now``: an ISO date-time, in the local zone when it gives no offset."""

    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO date-time such as 2025-10-26T13:55+03:00"
        ) from None
    try:
        # The written year first: the ends of the calendar cannot be moved to UTC.
        check_years(parsed.replace(tzinfo=parsed.tzinfo or UTC))
        return check_years(resolve_datetime(parsed, local_zone()))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r}: {error}") from None


def parse_within(value: str) -> timedelta:
    """Read a duration such as ``7d``, ``12h``, ``2w`` or ``90m`` (for ``agenda --within``)."""

    within = parse_duration(value)
    if within is None:
        raise argparse.ArgumentTypeError(
            f"{clean_line(value)!r} is not a duration such as 7d, 12h, 2w or 90m"
        )
    return within


def parse_published(value: str) -> date | datetime:
    """Read ``--published``: an ISO date, or a date-time (read in the local zone without an offset)."""

    text = value.strip()
    try:
        if len(text) <= 10:
            return date.fromisoformat(text)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO date or date-time such as 2025-10-26T13:55+03:00"
        ) from None
    if not 2 <= parsed.year <= 9998:
        raise argparse.ArgumentTypeError(f"{value!r} is outside the years briefing reads")
    return resolve_datetime(parsed, local_zone())
