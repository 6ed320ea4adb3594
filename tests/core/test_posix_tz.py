"""``TZ`` as the C library reads it: POSIX rules, fixed offsets, and IANA names."""

from __future__ import annotations

import pickle
import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from briefing.core.clock import local_zone
from briefing.core.timeutil import end_of_day, resolve_datetime


@pytest.fixture
def tz(monkeypatch: pytest.MonkeyPatch):
    def set_tz(value: str):
        monkeypatch.setenv("TZ", value)
        time.tzset()
        return local_zone()

    return set_tz


def test_a_posix_rule_with_summer_time(tz) -> None:
    zone = tz("CET-1CEST,M3.5.0,M10.5.0/3")
    winter = resolve_datetime(datetime(2025, 1, 15, 12, 0), zone)
    summer = resolve_datetime(datetime(2025, 7, 15, 12, 0), zone)
    assert winter.utcoffset() == timedelta(hours=1)
    assert summer.utcoffset() == timedelta(hours=2)
    assert summer.astimezone(UTC) == datetime(2025, 7, 15, 10, 0, tzinfo=UTC)
    # 02:30 on the spring-forward night does not exist: it is read as 03:30 summer time.
    gap = resolve_datetime(datetime(2025, 3, 30, 2, 30), zone)
    assert (gap.hour, gap.minute, gap.utcoffset()) == (3, 30, timedelta(hours=2))
    # 02:30 on the fall-back night happens twice: the first, still on summer time.
    twice = resolve_datetime(datetime(2025, 10, 26, 2, 30), zone)
    assert twice.astimezone(UTC) == datetime(2025, 10, 26, 0, 30, tzinfo=UTC)
    # The day of the change is 23 hours long.
    day = end_of_day(date(2025, 3, 30), zone).astimezone(UTC) - end_of_day(
        date(2025, 3, 29), zone
    ).astimezone(UTC)
    assert day == timedelta(hours=23)
    # The same answers as the IANA zone that rule describes.
    berlin = ZoneInfo("Europe/Berlin")
    for wall in (datetime(2025, 3, 30, 2, 30), datetime(2025, 10, 26, 2, 30), datetime(2025, 7, 1)):
        mine, theirs = resolve_datetime(wall, zone), resolve_datetime(wall, berlin)
        assert mine.astimezone(UTC) == theirs.astimezone(UTC)
        assert (mine.hour, mine.minute) == (theirs.hour, theirs.minute)
    assert datetime(2025, 10, 26, 1, 0, tzinfo=UTC).astimezone(zone).hour == 2  # second 02:00
    assert datetime(2025, 10, 26, 1, 0, tzinfo=UTC).astimezone(zone).fold == 1


def test_utc_plus_14_is_fourteen_hours_west(tz) -> None:
    zone = tz("UTC+14")
    when = resolve_datetime(datetime(2025, 10, 26, 12, 0), zone)
    assert when.utcoffset() == timedelta(hours=-14)
    assert end_of_day(date(2025, 10, 26), zone).astimezone(UTC) == datetime(
        2025, 10, 27, 14, 0, tzinfo=UTC
    )


def test_a_posix_zone_survives_pickling_for_the_index_workers(tz) -> None:
    zone = tz("CET-1CEST,M3.5.0,M10.5.0/3")
    copy = pickle.loads(pickle.dumps(zone))
    assert copy == zone and str(copy) == str(zone)
    assert str(zone) != str(tz("UTC+14"))  # the index is stamped with the zone's name


@pytest.mark.parametrize("value", ["Europe/Berlin", ":Europe/Berlin"])
def test_iana_names_still_use_zoneinfo(tz, value: str) -> None:
    assert tz(value) == ZoneInfo("Europe/Berlin")


def test_years_at_the_ends_work_in_a_posix_zone(tz) -> None:
    zone = tz("CET-1CEST,M3.5.0,M10.5.0/3")
    assert resolve_datetime(datetime(2, 1, 1), zone).year == 2
    assert end_of_day(date(9998, 12, 31), zone).astimezone(UTC).year == 9998
