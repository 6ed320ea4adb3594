"""Failure tests: an acknowledged note survives SIGKILL; concurrent writers lose nothing.

These run real processes against a real database file. The child scripts (``kit.writers``)
use only the public API (``Store`` and ``Annotations.add_note``) and report a note
only after ``add_note`` has returned, so a weaker durability or locking regime
(no commit before returning, a lost write under contention, a race on first
open) makes these tests fail.
"""

from __future__ import annotations

import random
import sqlite3
import sys
from pathlib import Path

import pytest
from kit import writers

from briefing.storage.store.database import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

KILL_ROUNDS = 20


def test_acknowledged_notes_survive_sigkill(tmp_path: Path) -> None:
    rng = random.Random(20251026)
    database = tmp_path / "durable" / "briefing.db"
    acknowledged: set[str] = set()
    for round_number in range(KILL_ROUNDS):
        delay = rng.uniform(0.0, 0.25)
        child = writers.spawn(writers.WRITER, database, 4)
        first = b""
        try:
            first = writers.first_line(child, f"round {round_number}: ")
            writers.pause(delay)  # let it write for a random short while, then kill it mid-stream
        finally:
            uids, _ = writers.kill(child, first)
        assert uids, f"round {round_number}: nothing acknowledged"
        acknowledged |= uids
        missing = acknowledged - writers.stored_uids(database)
        assert not missing, (
            f"round {round_number} (kill after {delay:.3f}s):"
            f" {len(missing)} acknowledged notes lost"
        )
        assert writers.integrity(database) == "ok"
    assert len(acknowledged) > KILL_ROUNDS


@pytest.mark.parametrize("count", [2, 4])
def test_concurrent_writers_lose_nothing(tmp_path: Path, count: int) -> None:
    # Not created yet: the racers also race to create it.
    database = tmp_path / "shared" / "briefing.db"
    acknowledged = writers.race_writers(database, tmp_path / "go", count, seconds=2.0)
    counts = {tag: len(uids) for tag, uids in acknowledged.items()}
    assert all(n > 0 for n in counts.values()), counts

    connection = sqlite3.connect(database)
    try:
        total = connection.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
        assert total == sum(counts.values()), counts
        for tag, n in counts.items():
            bodies = {
                b
                for (b,) in connection.execute(
                    "SELECT body FROM notes WHERE body LIKE ?", (f"{tag}-%",)
                )
            }
            assert bodies == {f"{tag}-{i}" for i in range(n)}, tag
        assert connection.execute("SELECT COUNT(DISTINCT uid) FROM notes").fetchone()[0] == total
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()


OPENER = """
import sys, time
from pathlib import Path
from briefing.storage.store.database import Store
database, barrier, key = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
print("ready", flush=True)
deadline = time.monotonic() + 30
while not barrier.exists():
    if time.monotonic() > deadline:
        sys.exit("no start signal")
    time.sleep(0.0005)
store = Store(database)
store.set_setting(key, "set")
store.close()
"""


def test_processes_opening_a_new_database_at_once(tmp_path: Path) -> None:
    """First use by several processes at once (switching to WAL, migrating) fails none of them."""
    for attempt in range(10):
        database = tmp_path / f"attempt-{attempt}" / "briefing.db"
        barrier = tmp_path / f"go-{attempt}"
        results = writers.race(OPENER, barrier, [(database, barrier, f"p{k}") for k in range(6)])
        for code, _, errors in results:
            assert code == 0, errors.decode(errors="replace")
        store = Store(database)
        try:
            assert [store.get_setting(f"p{k}") for k in range(6)] == ["set"] * 6
        finally:
            store.close()
