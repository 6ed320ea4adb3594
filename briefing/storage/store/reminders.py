"""What the store remembers for calendars and reminders.

Reminders told (:class:`RemindersTold`): one row per mark of
:mod:`briefing.core.reminders`, so a reminder is given once per deadline and
lead time, across restarts. Calendar revisions (:class:`CalendarRevisions`): per
calendar UID, the digest of the deadline last exported, its SEQUENCE and when it
last changed, so a calendar that re-reads the file updates the item it has.
Both tables come with the store's schema version 4.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from briefing.storage.store.database import Store

Revision = tuple[int, datetime]
"""A calendar item's SEQUENCE and LAST-MODIFIED."""


def _stamp(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds")


class RemindersTold:
    """The reminders already given, kept in ``store``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def told(self) -> set[str]:
        """Every mark recorded (an empty set before the database exists)."""
        if not self.store.exists():
            return set()
        return {mark for (mark,) in self.store.execute("SELECT mark FROM reminders_told")}

    def record(self, marks: Iterable[str], now: datetime) -> None:
        """Remember that the reminders ``marks`` were given at ``now``."""
        rows = [(mark, _stamp(now)) for mark in marks]
        if not rows or self.store.read_only:
            return  # read-only: told again next time, which loses nothing
        with self.store.transaction() as connection:
            connection.executemany(
                "INSERT INTO reminders_told (mark, told) VALUES (?, ?) ON CONFLICT (mark) DO NOTHING",
                rows,
            )


class CalendarRevisions:
    """Each calendar item's revision, kept in ``store``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def revise(self, digests: Mapping[str, str], now: datetime) -> dict[str, Revision]:
        """The revision of each UID in ``digests``: unchanged while its digest is, else moved on.

        A UID seen for the first time starts at SEQUENCE 0, modified ``now``; a
        changed digest adds one to the SEQUENCE and sets LAST-MODIFIED to ``now``.
        """
        known: dict[str, tuple[str, int, str]] = {}
        if self.store.exists():
            rows = self.store.execute(
                "SELECT uid, digest, sequence, modified FROM calendar_revisions"
            )
            known = {uid: (digest, sequence, modified) for uid, digest, sequence, modified in rows}
        result: dict[str, Revision] = {}
        changed = []
        for uid, digest in digests.items():
            before = known.get(uid)
            if before is not None and before[0] == digest:
                result[uid] = (before[1], _read_stamp(before[2], now))
                continue
            sequence = before[1] + 1 if before is not None else 0
            result[uid] = (sequence, now)
            changed.append((uid, digest, sequence, _stamp(now)))
        if changed:
            with self.store.transaction() as connection:
                connection.executemany(
                    "INSERT INTO calendar_revisions (uid, digest, sequence, modified)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET digest = excluded.digest,"
                    " sequence = excluded.sequence, modified = excluded.modified",
                    changed,
                )
        return result


def _read_stamp(text: str, fallback: datetime) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return fallback  # a damaged record: as if it changed now
