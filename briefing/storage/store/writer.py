"""One thread that does every write to the notes database, in order, off the UI thread.

A save on the UI thread froze the reader for the whole busy timeout (10 s) while
another process held the database, and keys typed meanwhile went astray. The
reader hands each write to a :class:`StoreWriter` instead: its thread owns a
connection of its own, runs the jobs one after another in the order they came,
and retries a busy database until it frees, saying so once (``waiting``) so that
the reader can show it. A failure is reported for that job only: the next job
tries again (a full disk may be freed, a folder made writable).

Nothing here knows the UI: results go back through ``report``, a callable that
runs a function on the UI's thread (the app's ``call_from_thread``-like hook).
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.core.safetext import display_path
from briefing.storage.store.database import Store, StoreError

BUSY_WAIT_MS = 250
"""The busy timeout of the writer's connection: how long one attempt waits for a lock."""

RETRY_PAUSE = 0.1
"""Seconds between two attempts on a busy database (besides the busy timeout)."""

_STOP = object()
"""Queued last by :meth:`StoreWriter.close`: the thread ends once the jobs before it are done."""

_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` (a :class:`StoreError` or an ``sqlite3`` error) says another
    connection holds the database: worth waiting for, unlike a damaged file or a full disk.

    :class:`StoreError` is raised ``from None`` in the store, which keeps the ``sqlite3``
    error as its context: its code says busy or locked.
    """
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, sqlite3.Error):
            code = (getattr(seen, "sqlite_errorcode", None) or 0) & 0xFF
            if code in _BUSY_CODES:
                return True
            return "database is locked" in str(seen) or "database is busy" in str(seen)
        seen = seen.__context__
    return False


# Never compared nor printed: no __eq__ or __repr__ to compile as the module is imported.
@dataclass(eq=False, repr=False)
class WriteJob:
    """One write: ``run(store)`` on the writer's thread, then one of the callbacks on the UI's."""

    run: Callable[[Store], Any]
    """The write itself; its return value goes to ``done``."""
    done: Callable[[Any], None] | None = None
    """Called with the result once the write has committed."""
    failed: Callable[[StoreError], None] | None = None
    """Called when the write failed for a reason other than a busy database."""
    waiting: Callable[[], None] | None = None
    """Called once, when the database was found busy (the writer keeps trying)."""
    keep: Any = None
    """What to keep should the write never happen (a note's draft): see :meth:`StoreWriter.close`."""
    finished: bool = field(default=False, init=False)
    """True once the write committed or failed for good."""
    told_waiting: bool = field(default=False, init=False)
    """True once ``waiting`` was called (it is called at most once)."""


class StoreWriter:
    """Runs :class:`WriteJob` s on one thread, in order, on a connection of its own to ``path``.

    ``report(function)`` must run ``function`` on the UI's thread, soon; it may be
    called from the writer's thread.
    """

    def __init__(self, path: Path, report: Callable[[Callable[[], None]], None]) -> None:
        self.path = path
        self._report = report
        self._queue: queue.Queue[Any] = queue.Queue()
        self._jobs: list[WriteJob] = []
        """Jobs given and not yet reported back (for ``pending`` and ``close``)."""
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._store: Store | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self._blocked = False
        """True while a job waits for a busy database (so every job behind it waits too)."""

    @property
    def pending(self) -> int:
        """How many jobs are queued, running, or done but not yet reported to the UI."""
        with self._lock:
            return len(self._jobs)

    def submit(self, job: WriteJob) -> WriteJob:
        """Queue ``job`` after every job given before it; return it."""
        with self._lock:
            self._jobs.append(job)
            tell = self._take_waiting(job) if self._blocked else None
        if tell is not None:
            self._report(tell)
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="briefing-store-writer")
            self._thread.daemon = True
            self._thread.start()
        self._queue.put(job)
        return job

    def close(self, timeout: float = 2.0) -> list[Any]:
        """Let the queued jobs finish for up to ``timeout`` seconds (a busy database is
        waited for until then), stop, and return what ``keep`` holds for each job not written.

        A job that was writing when stopped may still commit: then its ``keep`` is returned
        too (a draft of a saved note is a duplicate, never a loss). Closing twice returns
        nothing the second time.
        """
        if self._closed:
            return []
        self._closed = True
        self._queue.put(_STOP)
        if self._thread is not None:
            self._thread.join(timeout)
            self._stop.set()  # whatever still waits for the database is given up
            self._thread.join(BUSY_WAIT_MS / 1000 + 0.5)
        with self._lock:
            return [job.keep for job in self._jobs if not job.finished and job.keep is not None]

    # The writer's thread --------------------------------------------------------------

    def _work(self) -> None:
        try:
            while not self._stop.is_set():
                job = self._queue.get()
                if job is _STOP:
                    return
                self._run(job)
        finally:
            self._close_store()

    def _close_store(self) -> None:
        # On this thread: the connection belongs to it (sqlite3 checks).
        if self._store is not None:
            store, self._store = self._store, None
            try:
                store.close()
            except (StoreError, sqlite3.Error):
                pass  # the writes it made have committed; closing only tidies up

    def _connection_store(self) -> Store:
        if self._store is None:
            self._store = Store(self.path)
        store = self._store
        if not store.is_open:  # the busy timeout of this thread's connection, set once
            store.connection.execute(f"PRAGMA busy_timeout = {BUSY_WAIT_MS}")
        return store

    @staticmethod
    def _take_waiting(job: WriteJob) -> Callable[[], None] | None:
        """``job``'s ``waiting``, marked as told; None when it has none or was told."""
        if job.waiting is None or job.told_waiting or job.finished:
            return None
        job.told_waiting = True
        return job.waiting

    def _say_waiting(self) -> None:
        """The database is busy: tell every job not yet done, the running one and those
        queued behind it, since none of them can be written before it frees."""
        with self._lock:
            self._blocked = True
            told = [callback for job in self._jobs if (callback := self._take_waiting(job))]
        for callback in told:
            self._report(callback)

    def _run(self, job: WriteJob) -> None:
        try:
            self._attempt(job)
        finally:
            with self._lock:
                self._blocked = False

    def _attempt(self, job: WriteJob) -> None:
        while True:
            try:
                result = job.run(self._connection_store())
            except (StoreError, sqlite3.Error) as error:
                if is_busy(error) and not self._stop.is_set():
                    self._say_waiting()
                    self._stop.wait(RETRY_PAUSE)
                    continue
                if self._stop.is_set():
                    return  # left for close() to keep
                if not isinstance(error, StoreError):
                    error = StoreError(f"{display_path(self.path)}: cannot be written ({error})")
                self._fail(job, error)
                return
            except Exception as error:  # noqa: BLE001 - a bug in a job must not end the writer
                self._fail(
                    job, StoreError(f"{display_path(self.path)}: cannot be written ({error})")
                )
                return
            self._succeed(job, result)
            return

    def _succeed(self, job: WriteJob, result: Any) -> None:
        self._finish(job, lambda: job.done and job.done(result))

    def _fail(self, job: WriteJob, error: StoreError) -> None:
        self._finish(job, lambda: job.failed and job.failed(error))

    def _finish(self, job: WriteJob, callback: Callable[[], object]) -> None:
        job.finished = True

        def on_ui_thread() -> None:
            try:
                callback()
            finally:
                with self._lock:
                    if job in self._jobs:
                        self._jobs.remove(job)

        self._report(on_ui_thread)
