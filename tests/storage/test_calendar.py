"""The library's calendar file: VTODOs (or VEVENTs), stable UIDs, revisions, alarms.

Golden files in tests/data/golden/ (``BRIEFING_UPDATE_GOLDEN=1`` rewrites them); every
document is also parsed back with ``icalendar``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar
from kit import make_brief

from briefing.core.ical import calendar_ics, calendar_items, item_digests
from briefing.core.loading import load_brief
from briefing.core.models import Brief
from briefing.storage.store.database import Store
from briefing.storage.store.reminders import CalendarRevisions

from .helpers import NOW, revision
from .test_export import check_golden

LEADS = (timedelta(days=7), timedelta(days=1), timedelta(hours=1))


BUDGET_DUE = datetime(2025, 11, 20, 12, 0, tzinfo=UTC)


def budget(folder: Path, due: datetime = BUDGET_DUE, status: str = "open") -> Brief:
    """A brief with a source URL and one deadline, written to ``folder`` and read back."""
    path = make_brief(
        folder,
        "budget.toml",
        id="budget",
        title="Council budget vote",
        published=date(2025, 10, 20),
        source={"name": "Example News", "url": "https://news.example/budget?id=7"},
        deadlines=[{"id": "vote", "title": "Budget vote", "due": due, "status": status}],
    )
    return load_brief(path)


def components(payload: bytes, kind: str) -> dict[str, Any]:
    calendar = Calendar.from_ical(payload)
    assert calendar.name == "VCALENDAR"
    return {str(item["uid"]): item for item in calendar.walk(kind)}


def export(briefs: list[Brief], store: Store | None, now: datetime, **options: Any) -> bytes:
    items = calendar_items(briefs, [])
    revisions = CalendarRevisions(store).revise(item_digests(items), now) if store else None
    return calendar_ics(items, now, leads=LEADS, revisions=revisions, **options)


def test_todos_with_due_status_alarms_and_url(store: Store, tmp_path: Path) -> None:
    payload = export([revision("v1"), budget(tmp_path)], store, NOW)
    check_golden("agenda.ics", payload.decode("utf-8"))
    calendar = Calendar.from_ical(payload)
    assert str(calendar["name"]) == "briefing: deadlines"
    assert calendar["refresh-interval"].params["VALUE"] == "DURATION"
    assert calendar.decoded("refresh-interval") == timedelta(hours=1)
    todos = components(payload, "VTODO")
    assert sorted(todos) == [
        "budget/vote@briefing",
        "harbour-talks/ballot@briefing",
        "harbour-talks/inspection@briefing",
    ]
    ballot = todos["harbour-talks/ballot@briefing"]
    assert ballot.decoded("due") == datetime(2025, 11, 5, 17, 0, tzinfo=UTC)
    assert str(ballot["status"]) == "NEEDS-ACTION"
    assert ballot.decoded("sequence") == 0
    assert ballot.decoded("last-modified") == NOW
    triggers = [alarm.decoded("trigger") for alarm in ballot.walk("VALARM")]
    assert triggers == [-lead for lead in LEADS]
    assert {alarm["trigger"].params["RELATED"] for alarm in ballot.walk("VALARM")} == {"END"}
    inspection = todos["harbour-talks/inspection@briefing"]
    assert inspection.decoded("due") == date(2025, 11, 3)
    # A date means the end of that day (London, GMT in November): alarms at exact moments.
    end = datetime(2025, 11, 4, 0, 0, tzinfo=UTC)
    assert [a.decoded("trigger") for a in inspection.walk("VALARM")] == [
        end - lead for lead in LEADS
    ]
    assert "URL" not in inspection  # its brief names no source
    vote = todos["budget/vote@briefing"]
    assert str(vote["url"]) == "https://news.example/budget?id=7"


def test_events_by_option(store: Store, tmp_path: Path) -> None:
    payload = export([revision("v1"), budget(tmp_path)], store, NOW, component="event")
    check_golden("agenda_events.ics", payload.decode("utf-8"))
    events = components(payload, "VEVENT")
    assert components(payload, "VTODO") == {}
    ballot = events["harbour-talks/ballot@briefing"]
    assert ballot.decoded("dtstart") == datetime(2025, 11, 5, 17, 0, tzinfo=UTC)
    assert str(ballot["status"]) == "CONFIRMED"


def test_status_follows_the_deadline(store: Store, tmp_path: Path) -> None:
    statuses = {"open": "NEEDS-ACTION", "extended": "NEEDS-ACTION", "met": "COMPLETED"}
    statuses |= {"missed": "CANCELLED", "cancelled": "CANCELLED"}
    for status, expected in statuses.items():
        [todo] = components(export([budget(tmp_path, status=status)], None, NOW), "VTODO").values()
        assert str(todo["status"]) == expected, status
        # Only an open deadline rings alarms.
        assert bool(todo.walk("VALARM")) == (status == "open"), status


def test_round_trip_of_a_changed_due_date(store: Store, tmp_path: Path) -> None:
    """Same UIDs every time; only the moved deadline gets a new SEQUENCE and LAST-MODIFIED."""
    first = components(export([revision("v1"), budget(tmp_path)], store, NOW), "VTODO")
    later = NOW + timedelta(days=1)
    again = components(export([revision("v1"), budget(tmp_path)], store, later), "VTODO")
    assert {uid: t.decoded("sequence") for uid, t in again.items()} == {
        uid: t.decoded("sequence") for uid, t in first.items()
    }
    moved_due = BUDGET_DUE + timedelta(days=2)
    payload = export([revision("v1"), budget(tmp_path, moved_due)], store, later)
    check_golden("agenda_moved.ics", payload.decode("utf-8"))
    after = components(payload, "VTODO")
    assert sorted(after) == sorted(first)
    vote = after["budget/vote@briefing"]
    assert vote.decoded("due") == moved_due
    assert vote.decoded("sequence") == 1
    assert vote.decoded("last-modified") == later
    ballot = after["harbour-talks/ballot@briefing"]
    assert ballot.decoded("sequence") == 0
    assert ballot.decoded("last-modified") == NOW


def test_without_revisions_no_sequence_is_claimed() -> None:
    payload = calendar_ics(calendar_items([revision("v1")], []), NOW)
    for todo in components(payload, "VTODO").values():
        assert "SEQUENCE" not in todo and "LAST-MODIFIED" not in todo
        assert not todo.walk("VALARM")
