"""The time rules: offsets kept, naive times read in a zone, dates due at the end of the day."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from briefing.core import Brief, BriefError, load_brief, parse_brief
from briefing.core.timeutil import PartialDate, end_of_day, sort_key

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
KL = ZoneInfo("Asia/Kuala_Lumpur")


def _toml(body: str, *, timezone_name: str | None = None, local_zone=None) -> Brief:
    head = 'format = 1\ntitle = "T"\npublished = 2025-01-01\n'
    if timezone_name:
        head += f'timezone = "{timezone_name}"\n'
    return parse_brief(head + body, "brief.toml", local_zone=local_zone)


def _instant(value: object) -> datetime:
    """``value``, which the test expects to be a datetime (a date fails the test here)."""
    assert isinstance(value, datetime), value
    return value


def _json(extra: dict, *, local_zone=None) -> Brief:
    raw = {"format": 1, "title": "T", "published": "2025-01-01", **extra}
    return parse_brief(json.dumps(raw), "brief.json", local_zone=local_zone)


def _due(day: str, zone: str) -> datetime:
    brief = _toml(f'[[deadlines]]\ntitle = "x"\ndue = {day}\n', timezone_name=zone)
    return brief.deadlines[0].due_at


# Offsets


def test_offset_is_kept_even_with_a_brief_timezone() -> None:
    brief = parse_brief(
        'format = 1\ntitle = "T"\npublished = 2025-10-26T13:55:00+03:00\n'
        'timezone = "Asia/Kuala_Lumpur"\n',
        "b.toml",
        local_zone=NEW_YORK,
    )
    assert _instant(brief.published).utcoffset() == timedelta(hours=3)
    assert (_instant(brief.published).hour, _instant(brief.published).minute) == (
        13,
        55,
    )  # not converted


def test_offset_deadline_is_kept() -> None:
    brief = _toml(
        '[[deadlines]]\ntitle = "x"\ndue = 2025-11-10T17:00:00-05:00\n', timezone_name="Asia/Tokyo"
    )
    deadline = brief.deadlines[0]
    assert _instant(deadline.due).utcoffset() == timedelta(hours=-5)
    assert deadline.due_at == datetime(2025, 11, 10, 22, 0, tzinfo=UTC)


# Naive times


def test_naive_time_is_read_in_the_brief_timezone() -> None:
    brief = parse_brief(
        'format = 1\ntitle = "T"\npublished = 2025-10-26T13:55:00\n'
        'timezone = "Asia/Kuala_Lumpur"\n',
        "b.toml",
        local_zone=NEW_YORK,  # ignored: the brief names its zone
    )
    assert brief.published == datetime(2025, 10, 26, 13, 55, tzinfo=KL)
    assert _instant(brief.published).utcoffset() == timedelta(hours=8)
    assert brief.zone == KL


def test_naive_time_is_read_in_local_zone_without_a_brief_timezone() -> None:
    brief = _toml(
        '[[quotes]]\ntext = "summer"\nsaid = 2025-07-01T09:00:00\n'
        '[[quotes]]\ntext = "winter"\nsaid = 2025-12-01T09:00:00\n',
        local_zone=NEW_YORK,
    )
    summer, winter = (q.said for q in brief.quotes)
    assert brief.zone == NEW_YORK
    # An IANA zone, not a fixed offset: each date gets its own season's offset.
    assert summer.utcoffset() == timedelta(hours=-4)
    assert winter.utcoffset() == timedelta(hours=-5)
    assert summer.astimezone(UTC) == datetime(2025, 7, 1, 13, 0, tzinfo=UTC)


def test_naive_time_without_any_zone_is_utc() -> None:
    brief = _toml('[[deadlines]]\ntitle = "x"\ndue = 2025-11-10T12:00:00\n')
    assert brief.deadlines[0].due_at == datetime(2025, 11, 10, 12, 0, tzinfo=UTC)


def test_load_brief_passes_local_zone(tmp_path: Path) -> None:
    path = tmp_path / "b.toml"
    path.write_text('format = 1\ntitle = "T"\npublished = 2025-01-15T08:00:00\n')
    brief = load_brief(path, local_zone=NEW_YORK)
    assert _instant(brief.published).astimezone(UTC) == datetime(2025, 1, 15, 13, 0, tzinfo=UTC)


def test_naive_time_in_json_is_read_in_local_zone() -> None:
    brief = _json({"published": "2025-01-15T08:00:00"}, local_zone=NEW_YORK)
    assert _instant(brief.published).astimezone(UTC) == datetime(2025, 1, 15, 13, 0, tzinfo=UTC)


def test_naive_timeline_time_gets_the_zone() -> None:
    brief = _toml(
        '[[timeline]]\ndate = 2025-05-10T10:00:00\nlabel = "x"\n', timezone_name="Europe/Berlin"
    )
    assert brief.timeline[0].date == datetime(2025, 5, 10, 10, 0, tzinfo=BERLIN)
    assert brief.timeline[0].date.utcoffset() == timedelta(hours=2)


def test_naive_time_in_a_dst_gap_moves_forward() -> None:
    # 02:30 does not exist in Berlin on 2027-03-28 (clocks go 02:00 -> 03:00).
    brief = _toml(
        '[[deadlines]]\ntitle = "x"\ndue = 2027-03-28T02:30:00\n', timezone_name="Europe/Berlin"
    )
    due_at = brief.deadlines[0].due_at
    assert due_at.astimezone(UTC) == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    assert due_at.utcoffset() == timedelta(hours=2)


def test_naive_time_in_a_dst_overlap_is_the_first_occurrence() -> None:
    # 02:30 happens twice in Berlin on 2027-10-31; the first is still summer time.
    brief = _toml(
        '[[deadlines]]\ntitle = "x"\ndue = 2027-10-31T02:30:00\n', timezone_name="Europe/Berlin"
    )
    assert brief.deadlines[0].due_at.astimezone(UTC) == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)


# Due dates


def test_due_date_is_the_end_of_that_day_in_the_brief_zone() -> None:
    brief = _toml(
        '[[deadlines]]\ntitle = "x"\ndue = 2025-11-10\n', timezone_name="Asia/Kuala_Lumpur"
    )
    deadline = brief.deadlines[0]
    assert deadline.due == date(2025, 11, 10)  # the date is kept as written
    assert deadline.due_at == datetime(2025, 11, 11, 0, 0, tzinfo=KL)
    assert deadline.due_at.astimezone(UTC) == datetime(2025, 11, 10, 16, 0, tzinfo=UTC)


def test_due_date_is_the_end_of_that_day_in_local_zone() -> None:
    brief = _toml('[[deadlines]]\ntitle = "x"\ndue = 2025-11-10\n', local_zone=NEW_YORK)
    assert brief.deadlines[0].due_at.astimezone(UTC) == datetime(2025, 11, 11, 5, 0, tzinfo=UTC)


def test_due_date_without_any_zone_ends_at_utc_midnight() -> None:
    brief = _json({"deadlines": [{"title": "x", "due": "2025-11-10"}]})
    assert brief.deadlines[0].due_at == datetime(2025, 11, 11, tzinfo=UTC)


def test_due_date_before_spring_forward() -> None:
    # Berlin moves to summer time at 02:00 on Sunday 2027-03-28. Saturday ends at
    # the midnight that starts Sunday, still winter time (+01:00).
    due_at = _due("2027-03-27", "Europe/Berlin")
    assert due_at.utcoffset() == timedelta(hours=1)
    assert due_at.astimezone(UTC) == datetime(2027, 3, 27, 23, 0, tzinfo=UTC)


def test_due_date_on_spring_forward_day_is_23_hours_long() -> None:
    sunday = _due("2027-03-28", "Europe/Berlin")
    assert sunday.utcoffset() == timedelta(hours=2)
    assert sunday.astimezone(UTC) == datetime(2027, 3, 28, 22, 0, tzinfo=UTC)
    saturday = _due("2027-03-27", "Europe/Berlin")
    assert sunday.astimezone(UTC) - saturday.astimezone(UTC) == timedelta(hours=23)


def test_due_date_on_fall_back_day_is_25_hours_long() -> None:
    sunday = _due("2027-10-31", "Europe/Berlin")
    saturday = _due("2027-10-30", "Europe/Berlin")
    assert sunday.astimezone(UTC) == datetime(2027, 10, 31, 23, 0, tzinfo=UTC)
    assert sunday.astimezone(UTC) - saturday.astimezone(UTC) == timedelta(hours=25)


def test_due_date_when_the_next_midnight_does_not_exist() -> None:
    # Chile springs forward at midnight: 2024-09-08 starts at 01:00 (-03:00).
    # The end of 2024-09-07 is that first instant of the 8th, 04:00 UTC.
    due_at = _due("2024-09-07", "America/Santiago")
    assert due_at.astimezone(UTC) == datetime(2024, 9, 8, 4, 0, tzinfo=UTC)


def test_end_of_day_helper() -> None:
    assert end_of_day(date(2025, 12, 31), UTC) == datetime(2026, 1, 1, tzinfo=UTC)


# JSON strings


@pytest.mark.parametrize(
    "text",
    [
        "2025-10-26T10:00:00Z",
        "2025-10-26T10:00:00z",
        "2025-10-26 10:00:00Z",
        "2025-10-26T10:00Z",
        "2025-10-26T10:00:00+00:00",
    ],
)
def test_json_utc_suffixes(text: str) -> None:
    brief = _json({"published": text, "timezone": "Asia/Tokyo"}, local_zone=NEW_YORK)
    assert brief.published == datetime(2025, 10, 26, 10, 0, tzinfo=UTC)
    assert _instant(brief.published).utcoffset() == timedelta(0)


def test_json_offset_and_date_strings() -> None:
    brief = _json(
        {
            "published": "2025-10-26T13:55:00+03:00",
            "deadlines": [{"title": "x", "due": "2025-11-10"}],
            "quotes": [{"text": "x", "said": "2025-10-25"}],
        }
    )
    assert _instant(brief.published).utcoffset() == timedelta(hours=3)
    assert brief.deadlines[0].due == date(2025, 11, 10)
    assert brief.quotes[0].said == date(2025, 10, 25)


def test_toml_and_json_times_agree() -> None:
    toml = _toml('[[deadlines]]\ntitle = "x"\ndue = 2025-11-10T09:00:00Z\n')
    json_ = _json({"deadlines": [{"title": "x", "due": "2025-11-10T09:00:00Z"}]})
    assert toml.deadlines[0].due_at == json_.deadlines[0].due_at


# Timeline partial dates


def test_timeline_partial_dates_in_toml_and_json() -> None:
    toml = _toml(
        '[[timeline]]\ndate = "2025-05"\nlabel = "May"\n'
        '[[timeline]]\ndate = "2025"\nlabel = "Year"\n'
    )
    json_ = _json(
        {"timeline": [{"date": "2025-05", "label": "May"}, {"date": "2025", "label": "Year"}]}
    )
    for brief in (toml, json_):
        may, year = brief.timeline
        assert may.date == PartialDate(2025, 5)
        assert year.date == PartialDate(2025)
        assert str(may.date) == "2025-05"
        assert str(year.date) == "2025"


def test_partial_dates_sort_with_full_dates() -> None:
    values: list[date | PartialDate | None] = [
        datetime(2025, 5, 1, 9, 0, tzinfo=UTC),
        date(2025, 5, 2),
        PartialDate(2025, 5),
        PartialDate(2025),
        date(2024, 12, 31),
        None,
    ]
    ordered = sorted(values, key=sort_key)
    assert ordered == [
        date(2024, 12, 31),
        PartialDate(2025),
        PartialDate(2025, 5),
        datetime(2025, 5, 1, 9, 0, tzinfo=UTC),
        date(2025, 5, 2),
        None,
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-13", "month 13 is not between 01 and 12"),
        ("2025-00", "month 00 is not between 01 and 12"),
        ("2025-02-30", "is not a date"),
        ("May 2025", "is not a date"),
        ("25", "is not a date"),
    ],
)
def test_invalid_timeline_dates(text: str, message: str) -> None:
    with pytest.raises(BriefError) as caught:
        _json({"timeline": [{"date": text, "label": "x"}]})
    (problem,) = caught.value.problems
    assert problem.location == "timeline[0].date"
    assert message in problem.message


@pytest.mark.parametrize("field", ["published", "due", "said"])
def test_partial_dates_are_only_for_the_timeline(field: str) -> None:
    cases: dict[str, dict[str, object]] = {
        "published": {"published": "2025-05"},
        "due": {"deadlines": [{"title": "x", "due": "2025-05"}]},
        "said": {"quotes": [{"text": "x", "said": "2025"}]},
    }
    with pytest.raises(BriefError, match="is not a date such as"):
        _json(cases[field])


def test_a_year_as_a_toml_number_is_refused_clearly() -> None:
    with pytest.raises(BriefError, match="expected a date or a date-time, got a number"):
        _toml("[[timeline]]\ndate = 2025\nlabel = 'x'\n")


def test_unknown_timezone_is_refused() -> None:
    with pytest.raises(BriefError, match="'Europe/Atlantis' is not a known IANA time zone"):
        _toml("", timezone_name="Europe/Atlantis")


@pytest.mark.parametrize("name", ["../../etc/passwd", "", "/abs/path"])
def test_timezone_that_is_not_a_zone_name_is_refused(name: str) -> None:
    with pytest.raises(BriefError, match="not a known IANA time zone"):
        _json({"timezone": name})


def test_fixed_offset_local_zone_works() -> None:
    brief = _toml(
        '[[deadlines]]\ntitle = "x"\ndue = 2025-11-10\n', local_zone=timezone(timedelta(hours=-3))
    )
    assert brief.deadlines[0].due_at.astimezone(UTC) == datetime(2025, 11, 11, 3, 0, tzinfo=UTC)


def test_a_partial_date_is_an_immutable_ordered_value() -> None:
    may, june, year = PartialDate(2025, 5), PartialDate(2025, 6), PartialDate(2024)
    assert may == PartialDate(2025, 5) and may != june and may != (2025, 5)
    assert hash(may) == hash(PartialDate(2025, 5))
    assert len({may, PartialDate(2025, 5), june}) == 2
    assert sorted([june, year, may]) == [year, may, june]
    assert may < june <= june and june > may >= may
    assert (str(may), str(year)) == ("2025-05", "2024")
    assert repr(may) == "PartialDate(year=2025, month=5)"
    assert may.first_day() == date(2025, 5, 1) and year.first_day() == date(2024, 1, 1)
    with pytest.raises(AttributeError):
        may.month = 7  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del may.year
    assert copy.deepcopy(may) == may and pickle.loads(pickle.dumps(may)) == may
    with pytest.raises(TypeError):
        _ = may < (2025, 6)  # type: ignore[operator]
