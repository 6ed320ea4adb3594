"""Failure tests: an acknowledged note survives SIGKILL; concurrent writers lose nothing.

These run real processes against a real database file. The child scripts below
use only the public API (``Store`` and ``Annotations.add_note``) and report a note
only after ``add_note`` has returned, so a weaker durability or locking regime
(no commit before returning, a lost write under contention, a race on first
open) makes these tests fail.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.storage.store.database import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

PRELUDE = """
import sys, time
from datetime import datetime, timezone
from pathlib import Path
from briefing.core.anchors import Anchor, ItemKind
from briefing.storage.store.notes import Annotations
from briefing.storage.store.database import Store
NOW = datetime(2025, 10, 26, 12, 0, tzinfo=timezone.utc)
ANCHOR = Anchor("durability", ItemKind.QUOTE, "q1")
"""

WRITER = (
    PRELUDE
    + """
notes = Annotations(Store(Path(sys.argv[1])))
i = 0
while True:
    note = notes.add_note(ANCHOR, brief_title="D", item_text="the quote", body=f"note {i}", now=NOW)
    sys.stdout.write(note.uid + "\\n")
    sys.stdout.flush()
    i += 1
"""
)

RACER = (
    PRELUDE
    + """
database, barrier = Path(sys.argv[1]), Path(sys.argv[2])
tag, seconds = sys.argv[3], float(sys.argv[4])
print("ready", flush=True)
deadline = time.monotonic() + 30
while not barrier.exists():
    if time.monotonic() > deadline:
        sys.exit("no start signal")
    time.sleep(0.001)
notes = Annotations(Store(database))  # every racer opens (and may migrate) the new database at once
acknowledged = 0
stop = time.monotonic() + seconds
while time.monotonic() < stop:
    body = f"{tag}-{acknowledged}"
    notes.add_note(ANCHOR, brief_title="Race", item_text="the quote", body=body, now=NOW)
    acknowledged += 1
print(acknowledged, flush=True)
"""
)

KILL_ROUNDS = 20
FIRST_ACK_TIMEOUT = 20.0


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def stored_uids(database: Path) -> set[str]:
    store = Store(database)  # opening recovers the WAL, as the next briefing would
    try:
        assert store.integrity_problems() == []
        return {uid for (uid,) in store.execute("SELECT uid FROM notes").fetchall()}
    finally:
        store.close()


def integrity(database: Path) -> str:
    connection = sqlite3.connect(database)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def test_acknowledged_notes_survive_sigkill(tmp_path: Path) -> None:
    rng = random.Random(20251026)
    database = tmp_path / "durable" / "briefing.db"
    acknowledged: set[str] = set()
    for round_number in range(KILL_ROUNDS):
        delay = rng.uniform(0.0, 0.25)
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(database)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
            # Unbuffered: readline must not hold back lines that communicate() would miss.
            bufsize=0,
        )
        try:
            ready, _, _ = select.select([child.stdout], [], [], FIRST_ACK_TIMEOUT)
            assert ready, (
                f"round {round_number}: the writer acknowledged nothing in {FIRST_ACK_TIMEOUT}s"
            )
            first = child.stdout.readline()
            time.sleep(delay)  # let it write for a random short while, then kill it mid-stream
        finally:
            child.send_signal(signal.SIGKILL)
            output, errors = child.communicate(timeout=10)
        assert child.returncode == -signal.SIGKILL, errors.decode(errors="replace")
        lines = (first + output).decode().split("\n")
        # A line counts only once it is complete: the uid was printed after add_note returned.
        uids = {line for line in lines[:-1] if line}
        assert uids, f"round {round_number}: nothing acknowledged"
        acknowledged |= uids
        missing = acknowledged - stored_uids(database)
        assert not missing, (
            f"round {round_number} (kill after {delay:.3f}s):"
            f" {len(missing)} acknowledged notes lost"
        )
        assert integrity(database) == "ok"
    assert len(acknowledged) > KILL_ROUNDS


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_writers_lose_nothing(tmp_path: Path, writers: int) -> None:
    database = (
        tmp_path / "shared" / "briefing.db"
    )  # not created yet: the racers also race to create it
    barrier = tmp_path / "go"
    seconds = 2.0
    children = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(database), str(barrier), f"w{k}", str(seconds)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
            # Unbuffered: readline must not hold back lines that communicate() would miss.
            bufsize=0,
        )
        for k in range(writers)
    ]
    try:
        for child in children:
            ready, _, _ = select.select([child.stdout], [], [], FIRST_ACK_TIMEOUT)
            assert ready and child.stdout.readline().strip() == b"ready"
        barrier.touch()
        results = [child.communicate(timeout=60) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
    counts = {}
    for k, (child, (output, errors)) in enumerate(zip(children, results, strict=True)):
        assert child.returncode == 0, f"writer {k} failed: {errors.decode(errors='replace')}"
        counts[f"w{k}"] = int(output.decode().split()[-1])
    assert all(count > 0 for count in counts.values()), counts

    connection = sqlite3.connect(database)
    try:
        total = connection.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
        assert total == sum(counts.values()), counts
        for tag, count in counts.items():
            bodies = {
                b
                for (b,) in connection.execute(
                    "SELECT body FROM notes WHERE body LIKE ?", (f"{tag}-%",)
                )
            }
            assert bodies == {f"{tag}-{i}" for i in range(count)}, tag
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
        children = [
            subprocess.Popen(
                [sys.executable, "-c", OPENER, str(database), str(barrier), f"p{k}"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=child_env(),
                bufsize=0,
            )
            for k in range(6)
        ]
        try:
            for child in children:
                ready, _, _ = select.select([child.stdout], [], [], FIRST_ACK_TIMEOUT)
                assert ready and child.stdout.readline().strip() == b"ready"
            barrier.touch()
            results = [child.communicate(timeout=60) for child in children]
        finally:
            for child in children:
                if child.poll() is None:
                    child.kill()
                    child.wait()
        for child, (_, errors) in zip(children, results, strict=True):
            assert child.returncode == 0, errors.decode(errors="replace")
        store = Store(database)
        try:
            assert [store.get_setting(f"p{k}") for k in range(6)] == ["set"] * 6
        finally:
            store.close()
