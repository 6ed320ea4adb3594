"""Reminders in the running reader: a lead time crossed is said once, and not again after a
restart; the calendar file of ``agenda_ics`` is kept current. The clock is the kit's manual
clock; waits poll (bounded) for what the reader's one-second check shows."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

from kit import NOW, make_brief
from kit.pilot import settle

from briefing.core.clock import ManualClock
from briefing.storage import paths
from briefing.storage.calendar_file import ours
from briefing.storage.store.database import Store
from briefing.storage.store.reminders import RemindersTold

SIZE = (110, 30)


def configure(calendar: Path) -> None:
    folder = Path(os.environ["BRIEFING_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(
        f'reminders = ["1h"]\nagenda_ics = "{calendar}"\n', encoding="utf-8"
    )


async def poll(pilot: Any, ready: Any, why: str) -> None:
    """Let the app run until ``ready()`` (at most ~10 s of its time; no fixed sleep)."""
    for _ in range(200):
        if ready():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"waited in vain for {why}")


async def test_a_crossed_lead_time_is_told_once_across_restarts(
    make_app, clock: ManualClock, tmp_path: Path
) -> None:
    calendar = tmp_path / "cal" / "briefing.ics"
    calendar.parent.mkdir()
    configure(calendar)
    library = tmp_path / "library"
    due = NOW + timedelta(hours=1, seconds=5)
    make_brief(
        library,
        "vote.toml",
        id="council",
        title="Council budget",
        deadlines=[{"id": "vote", "title": "Budget vote", "due": due}],
    )
    app = make_app(path=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await poll(pilot, lambda: ours(calendar), "the calendar file")
        assert said(app) == []
        clock.advance(10)  # the hour before the vote begins
        await poll(pilot, lambda: said(app), "the reminder")
        assert said(app) == [
            ("Reminder (1h before)", "Budget vote: in 00:59:55 · under 24 h · Council budget")
        ]
        await poll(pilot, lambda: told() != set(), "the reminder recorded in the store")
    # A restart: the vote is not told again; a brief added meanwhile is.
    make_brief(
        library,
        "later.toml",
        id="later",
        title="Later brief",
        deadlines=[{"id": "call", "title": "Phone call", "due": NOW + timedelta(minutes=30)}],
    )
    clock.advance(5)
    app = make_app(path=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await poll(pilot, lambda: said(app), "the new reminder")
        assert [body for _, body in said(app)] == [
            "Phone call: in 00:29:45 · under 24 h · Later brief"
        ]


def said(app: Any) -> list[tuple[str, str]]:
    """The reminders the app has shown (title and text)."""
    return [(n.title, n.message) for n in app._notifications if n.title.startswith("Reminder")]


def told() -> set[str]:
    store = Store(paths.database_file())
    try:
        return RemindersTold(store).told()
    finally:
        store.close()
