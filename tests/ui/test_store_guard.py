"""The StoreGuard on its own, without an app: a fake host records what it says and asks."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from briefing.storage.store.database import Store, StoreError
from briefing.ui.screens.confirm import ConfirmScreen
from briefing.ui.store_guard import StoreGuard

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


class Host:
    """What the guard talks to: notifications and dialogs are recorded, not shown."""

    def __init__(self, running: bool = True) -> None:
        self.running = running
        self.startup_warnings: list[str] = []
        self.said: list[tuple[str, str, str]] = []
        self.asked: list[tuple[Any, Callable[[Any], None]]] = []

    @property
    def is_running(self) -> bool:
        return self.running

    def notify(
        self, message: str, *, title: str = "", severity: str = "information",
        timeout: float | None = None, markup: bool = True,
    ) -> None:  # fmt: skip
        self.said.append((title, message, severity))

    def push_screen(self, screen: Any, callback: Any = None) -> None:
        self.asked.append((screen, callback))

    def now(self) -> datetime:
        return NOW


def database() -> Path:
    return Path(os.environ["BRIEFING_DATA_DIR"]) / "briefing.db"


def garbage() -> Path:
    path = database()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database\n" * 200)
    return path


@pytest.fixture
def writes() -> list[Callable[[Store], Any]]:
    return []


def guard_of(
    store: Store | None, writes: list, host: Host | None = None
) -> tuple[StoreGuard, Host]:
    host = host or Host()
    return StoreGuard(host, store, writes.append), host


def test_without_a_store_everything_is_off_and_nothing_is_said(writes: list) -> None:
    guard, host = guard_of(None, writes)
    guard.open()
    guard.save_setting("theme", "x")
    assert guard.annotations is None and guard.seen_items is None
    assert guard.setting("theme") is None
    assert writes == [] and host.said == []


def test_a_usable_store_gives_annotations_and_settings_go_through_the_writer(writes: list) -> None:
    store = Store(database())
    guard, host = guard_of(store, writes)
    guard.open()
    assert host.said == []
    assert guard.annotations is not None and guard.annotations is guard.annotations
    seen = guard.seen_items
    assert seen is not None and seen.store is store
    guard.save_setting("theme", "briefing-light")
    assert guard.setting("theme") is None  # not written yet: the writer thread does it
    [write] = writes
    write(store)
    assert guard.setting("theme") == "briefing-light"
    guard.close()
    assert not store.is_open


def test_an_unreadable_store_at_start_waits_among_the_start_warnings_then_offers_to_move_it(
    writes: list,
) -> None:
    path = garbage()
    host = Host(running=False)
    guard, _ = guard_of(Store(path), writes, host)
    assert guard.setting("theme") is None
    assert guard.store is None and guard.annotations is None
    [warning] = host.startup_warnings
    assert "moved aside" in warning and host.said == []
    # The first use of notes asks; the second only says they are unavailable.
    guard.unavailable()
    [(dialog, answered)] = host.asked
    assert isinstance(dialog, ConfirmScreen)
    answered(True)
    moved = path.with_name(f"{path.name}.unreadable-{NOW:%Y%m%d-%H%M%S}")
    assert any("Moved to" in message for _, message, _ in host.said)
    assert guard.store is not None and guard.store.path == path and not path.exists()
    assert [p for p in path.parent.iterdir() if p.name.startswith("briefing.db.unreadable")]
    assert moved.parent == path.parent
    assert guard.annotations is not None


def test_not_moving_aside_carries_on_without_notes_and_asks_no_more(writes: list) -> None:
    guard, host = guard_of(Store(garbage()), writes)
    guard.open()
    assert "moved aside" in host.said[-1][1]
    guard.unavailable()
    [(_, answered)] = host.asked
    answered(False)
    assert "Carrying on without notes" in host.said[-1][1]
    guard.unavailable()
    assert len(host.asked) == 1
    assert host.said[-1][1].startswith("Notes are unavailable")


def test_a_failed_write_keeps_the_store_and_a_lasting_failure_is_said_once(writes: list) -> None:
    store = Store(database())
    guard, host = guard_of(store, writes)
    guard.open()
    guard.failed(StoreError("database is locked"))
    assert guard.store is store
    assert host.said == [("Not saved", "database is locked", "error")]
    store.close()  # a store that is no longer open: the failure lasts
    guard.failed(StoreError("disk I/O error"))
    guard.failed(StoreError("disk I/O error"))
    assert guard.store is None and guard.annotations is None
    assert [title for title, _, _ in host.said] == ["Not saved", "Notes are unavailable"]
    assert host.asked == []


def test_a_read_only_store_is_said_when_opened(writes: list) -> None:
    class ReadOnly:
        """A store opened read-only (a data folder the user may not write: see test_environments)."""

        connection = object()
        read_only = True
        read_only_message = "briefing.db is read-only: notes cannot be saved"

    guard, host = guard_of(ReadOnly(), writes)  # type: ignore[arg-type]
    guard.open()
    assert host.said == [("", ReadOnly.read_only_message, "warning")]
