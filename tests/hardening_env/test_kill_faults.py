"""Fault injection: writers killed with SIGKILL at random moments lose no acknowledged note.

A writer process (``kit.writers``) saves notes in a loop through ``Annotations.add_note`` and prints each
uid only after ``add_note`` returned. The test kills it with SIGKILL at a random time
(sometimes before its first note, while it opens, creates or migrates the database),
then checks that every acknowledged uid is stored and that ``PRAGMA integrity_check``
says ok. ``BRIEFING_FAULT_RUNS`` sets the number of runs (default 30; 300 for a deep run).
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from kit import writers

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

RUNS = int(os.environ.get("BRIEFING_FAULT_RUNS", "30"))
SEED = int(os.environ.get("BRIEFING_FAULT_SEED", "5051"))


def test_sigkill_at_random_times_loses_no_acknowledged_note(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    acknowledged: dict[Path, set[str]] = {}
    kills = early_kills = 0
    started = time.monotonic()
    database = tmp_path / "db-0" / "briefing.db"
    for run in range(RUNS):
        if run and run % 10 == 0:
            database = (
                tmp_path / f"db-{run}" / "briefing.db"
            )  # a new database: kill during creation too
        body = rng.choice((10, 200, 5000, 60000))
        early = rng.random() < 0.25
        child = writers.spawn(writers.WRITER, database, body)
        first = b""
        try:
            if early:
                # Anywhere from start-up to the first few notes: open, WAL switch, migration.
                writers.pause(rng.uniform(0.0, 0.4))
            else:
                first = writers.first_line(child, f"run {run}: ")
                writers.pause(rng.uniform(0.0, 0.12))
        finally:
            uids, _ = writers.kill(child, first)
        kills += 1
        early_kills += early
        acknowledged.setdefault(database, set()).update(uids)
        if database.exists():
            missing = acknowledged[database] - writers.stored_uids(database)
        else:
            missing = acknowledged[database]
        assert not missing, f"run {run}: {len(missing)} acknowledged notes lost"
    total = sum(len(u) for u in acknowledged.values())
    # Final pass over every database, as a later briefing would open them.
    lost = sum(len(u - writers.stored_uids(db)) for db, u in acknowledged.items() if u)
    elapsed = time.monotonic() - started
    print(
        f"\nkill-faults: runs={RUNS} kills={kills} (early {early_kills}) databases={len(acknowledged)}"
        f" acknowledged={total} lost={lost} integrity=ok seconds={elapsed:.1f}"
    )
    assert lost == 0
    assert total > RUNS // 2


@pytest.mark.parametrize("count", [2, 4])
def test_concurrent_writers_rows_equal_acknowledged(tmp_path: Path, count: int) -> None:
    database = tmp_path / "shared" / "briefing.db"
    by_writer = writers.race_writers(database, tmp_path / "go", count, seconds=2.0)
    acknowledged: set[str] = set()
    for k, uids in enumerate(by_writer.values()):
        assert uids, f"writer {k} saved nothing"
        acknowledged.update(uids)
    stored = writers.stored_uids(database)
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
    finally:
        connection.close()
    print(f"\nconcurrent: writers={count} acknowledged={len(acknowledged)} rows={rows}")
    assert rows == len(acknowledged)
    assert stored == acknowledged
