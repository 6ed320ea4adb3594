"""The library's calendar file: made from the briefs, revised in the store, written atomically.

``briefing agenda --ics -o FILE`` and the reader (``agenda_ics`` in config.toml)
both come here. A calendar this module wrote is replaced without asking (a
subscribed file is rewritten again and again); any other file only with
``force``, and a symbolic link, FIFO, device or folder never.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.files import FileMissing, FileProblem, read_regular_file
from briefing.core.ical import PRODID, Component, calendar_ics, calendar_items, item_digests
from briefing.core.safetext import display_path
from briefing.storage.export_files import ExportExists, check_target, write_export
from briefing.storage.store.reminders import CalendarRevisions

if TYPE_CHECKING:
    from briefing.core.models import Brief
    from briefing.storage.store.database import Store

SNIFF_BYTES = 4096
"""How much of an existing file is read to tell whether this module wrote it."""


def library_calendar(
    briefs: Iterable[Brief],
    now: datetime,
    *,
    component: Component,
    leads: Sequence[timedelta],
    store: Store | None,
) -> bytes:
    """The calendar of every deadline of ``briefs``; revisions kept in ``store`` (None: none).

    Notes stay out of it: a calendar file is often published for subscription.
    """
    items = calendar_items(briefs, [])
    revisions = CalendarRevisions(store).revise(item_digests(items), now) if store else None
    return calendar_ics(items, now, component=component, leads=leads, revisions=revisions)


def ours(target: Path) -> bool:
    """True when ``target`` is a regular file that this module wrote (its PRODID says so)."""
    try:
        head = read_regular_file(target, limit=64 << 20)[:SNIFF_BYTES]
    except (FileMissing, FileProblem):
        return False
    return head.startswith(b"BEGIN:VCALENDAR") and f"PRODID:{PRODID}".encode() in head


def write_calendar(target: Path, payload: bytes, *, force: bool = False) -> None:
    """Write ``payload`` at ``target`` atomically; raise :class:`ExportError` when it may not."""
    check_target(target, force=True)  # never a link, FIFO, device or folder
    if not force and target.exists() and not ours(target):
        raise ExportExists(f"{display_path(target)}: already exists and is not a briefing calendar")
    write_export(target, payload, force=True)
