"""The store writer: jobs in order on one thread, a busy database waited for (said once),
a failure reported for its job only, and what was not written handed back on close."""

from __future__ import annotations

import functools
import queue
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from briefing.storage.store.database import Store, StoreError
from briefing.storage.store.writer import StoreWriter, WriteJob, is_busy


class Reports:
    """Stands for the UI's thread: what the writer reports, run when the test says."""

    def __init__(self) -> None:
        self.queue: queue.Queue[Callable[[], object]] = queue.Queue()

    def __call__(self, function: Callable[[], object]) -> None:
        self.queue.put(function)

    def run_until(self, condition: Callable[[], bool], timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, "the writer did not report in time"
            try:
                self.queue.get(timeout=0.05)()
            except queue.Empty:
                pass


def setting(store: Store, key: str, value: str) -> str:
    store.set_setting(key, value)
    return value


def test_jobs_run_in_order_and_report_back(tmp_path: Path) -> None:
    reports = Reports()
    writer = StoreWriter(tmp_path / "briefing.db", reports)
    done: list[str] = []
    for i in range(20):
        writer.submit(WriteJob(functools.partial(setting, key="k", value=str(i)), done.append))
    reports.run_until(lambda: writer.pending == 0)
    assert done == [str(i) for i in range(20)]
    assert writer.close() == []
    assert Store(tmp_path / "briefing.db").get_setting("k") == "19"


def test_a_busy_database_is_waited_for_and_said_once(tmp_path: Path) -> None:
    path = tmp_path / "briefing.db"
    Store(path).set_setting("k", "before")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    reports = Reports()
    writer = StoreWriter(path, reports)
    waited: list[bool] = []
    done: list[str] = []
    writer.submit(
        WriteJob(lambda s: setting(s, "k", "after"), done.append, None, lambda: waited.append(True))
    )
    reports.run_until(lambda: bool(waited))
    assert done == [] and writer.pending == 1
    holder.execute("COMMIT")
    holder.close()
    reports.run_until(lambda: writer.pending == 0)
    assert done == ["after"] and waited == [True]
    writer.close()


def test_jobs_queued_behind_a_waiting_job_are_told_it_waits(tmp_path: Path) -> None:
    """A note queued behind another write (seen items, a setting) that waits for a busy
    database is told at once that it waits too: its editor says so instead of saying
    nothing (the reader's locked-database test failed under load on this)."""
    path = tmp_path / "briefing.db"
    Store(path).set_setting("k", "before")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    reports = Reports()
    writer = StoreWriter(path, reports)
    waited: list[str] = []
    first = WriteJob(lambda s: setting(s, "k", "1"), waiting=lambda: waited.append("first"))
    queued = WriteJob(lambda s: setting(s, "k", "2"), waiting=lambda: waited.append("queued"))
    writer.submit(first)
    writer.submit(queued)
    reports.run_until(lambda: "queued" in waited)
    later = WriteJob(lambda s: setting(s, "k", "3"), waiting=lambda: waited.append("later"))
    writer.submit(later)  # given while the writer waits: told at once
    reports.run_until(lambda: "later" in waited)
    holder.execute("COMMIT")
    holder.close()
    reports.run_until(lambda: writer.pending == 0)
    assert sorted(waited) == ["first", "later", "queued"]  # each told once
    assert Store(path).get_setting("k") == "3"
    writer.close()


def test_a_failure_is_reported_for_its_job_and_the_next_job_runs(tmp_path: Path) -> None:
    reports = Reports()
    writer = StoreWriter(tmp_path / "briefing.db", reports)
    failures: list[StoreError] = []
    done: list[str] = []

    def broken(store: Store) -> str:
        raise StoreError(f"{store.path}: cannot be written (disk I/O error)")

    writer.submit(WriteJob(broken, done.append, failures.append))
    writer.submit(WriteJob(lambda s: setting(s, "k", "v"), done.append, failures.append))
    reports.run_until(lambda: writer.pending == 0)
    assert [str(f) for f in failures] == [
        f"{tmp_path / 'briefing.db'}: cannot be written (disk I/O error)"
    ]
    assert done == ["v"]
    writer.close()


def test_close_hands_back_what_a_locked_database_did_not_take(tmp_path: Path) -> None:
    path = tmp_path / "briefing.db"
    Store(path).set_setting("k", "before")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    writer = StoreWriter(path, Reports())
    writer.submit(WriteJob(lambda s: setting(s, "k", "a"), keep="draft a"))
    writer.submit(WriteJob(lambda s: setting(s, "k", "b"), keep="draft b"))
    started = time.monotonic()
    assert writer.close(timeout=0.5) == ["draft a", "draft b"]
    assert time.monotonic() - started < 5
    assert writer.close() == []  # once
    holder.execute("COMMIT")
    holder.close()
    assert Store(path).get_setting("k") == "before"


def test_is_busy_tells_a_lock_from_other_failures(tmp_path: Path) -> None:
    path = tmp_path / "briefing.db"
    Store(path).set_setting("k", "v")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    other = Store(path)
    other.connection.execute("PRAGMA busy_timeout = 0")
    try:
        other.set_setting("k", "w")
    except StoreError as error:
        assert is_busy(error)
    else:
        raise AssertionError("the write did not fail")
    finally:
        holder.execute("COMMIT")
        holder.close()
    assert not is_busy(StoreError("x: cannot be written (disk I/O error)"))
