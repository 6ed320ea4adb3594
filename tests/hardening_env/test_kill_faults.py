"""Fault injection: writers killed with SIGKILL at random moments lose no acknowledged note.

A writer process saves notes in a loop through ``Annotations.add_note`` and prints each
uid only after ``add_note`` returned. The test kills it with SIGKILL at a random time
(sometimes before its first note, while it opens, creates or migrates the database),
then checks that every acknowledged uid is stored and that ``PRAGMA integrity_check``
says ok. ``BRIEFING_FAULT_RUNS`` sets the number of runs (default 30; 300 for a deep run).
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

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

RUNS = int(os.environ.get("BRIEFING_FAULT_RUNS", "30"))
SEED = int(os.environ.get("BRIEFING_FAULT_SEED", "5051"))
FIRST_ACK_TIMEOUT = 20.0

PRELUDE = """
import sys, time
from datetime import datetime, timezone
from pathlib import Path
from briefing.core.anchors import Anchor, ItemKind
from briefing.storage.store.notes import Annotations
from briefing.storage.store.database import Store
NOW = datetime(2025, 10, 26, 12, 0, tzinfo=timezone.utc)
ANCHOR = Anchor("faults", ItemKind.QUOTE, "q1")
"""

WRITER = PRELUDE + """
notes = Annotations(Store(Path(sys.argv[1])))
body = "x" * int(sys.argv[2])
i = 0
while True:
    note = notes.add_note(ANCHOR, brief_title="F", item_text="the quote", body=f"{i} {body}", now=NOW)
    sys.stdout.write(note.uid + "\\n")
    sys.stdout.flush()
    i += 1
"""

RACER = PRELUDE + """
database, barrier, tag, seconds = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], float(sys.argv[4])
print("ready", flush=True)
deadline = time.monotonic() + 30
while not barrier.exists():
    if time.monotonic() > deadline:
        sys.exit("no start signal")
    time.sleep(0.001)
notes = Annotations(Store(database))
stop = time.monotonic() + seconds
i = 0
while time.monotonic() < stop:
    note = notes.add_note(ANCHOR, brief_title="Race", item_text="the quote", body=f"{tag}-{i}", now=NOW)
    sys.stdout.write(note.uid + "\\n")
    sys.stdout.flush()
    i += 1
print("done", flush=True)
"""


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def check(database: Path) -> set[str]:
    """The stored uids, after opening the database as the next briefing would (WAL recovery)."""
    from briefing.storage.store.database import Store

    store = Store(database)
    try:
        assert store.integrity_problems() == []
        uids = {uid for (uid,) in store.execute("SELECT uid FROM notes").fetchall()}
    finally:
        store.close()
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
    return uids


def test_sigkill_at_random_times_loses_no_acknowledged_note(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    acknowledged: dict[Path, set[str]] = {}
    kills = early_kills = 0
    started = time.monotonic()
    database = tmp_path / "db-0" / "briefing.db"
    for run in range(RUNS):
        if run and run % 10 == 0:
            database = tmp_path / f"db-{run}" / "briefing.db"  # a new database: kill during creation too
        body = rng.choice((10, 200, 5000, 60000))
        early = rng.random() < 0.25
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(database), str(body)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(), bufsize=0,
        )
        first = b""
        try:
            if early:
                # Anywhere from start-up to the first few notes: open, WAL switch, migration.
                time.sleep(rng.uniform(0.0, 0.4))
            else:
                ready, _, _ = select.select([child.stdout], [], [], FIRST_ACK_TIMEOUT)
                assert ready, f"run {run}: the writer acknowledged nothing in {FIRST_ACK_TIMEOUT}s"
                first = child.stdout.readline()
                time.sleep(rng.uniform(0.0, 0.12))
        finally:
            child.send_signal(signal.SIGKILL)
            output, errors = child.communicate(timeout=10)
        assert child.returncode == -signal.SIGKILL, (run, errors.decode(errors="replace"))
        kills += 1
        early_kills += early
        lines = (first + output).decode().split("\n")
        uids = {line for line in lines[:-1] if line}  # only complete lines count
        acknowledged.setdefault(database, set()).update(uids)
        if database.exists():
            missing = acknowledged[database] - check(database)
        else:
            missing = acknowledged[database]
        assert not missing, f"run {run}: {len(missing)} acknowledged notes lost"
    total = sum(len(u) for u in acknowledged.values())
    # Final pass over every database, as a later briefing would open them.
    lost = sum(len(u - check(db)) for db, u in acknowledged.items() if u)
    elapsed = time.monotonic() - started
    print(
        f"\nkill-faults: runs={RUNS} kills={kills} (early {early_kills}) databases={len(acknowledged)}"
        f" acknowledged={total} lost={lost} integrity=ok seconds={elapsed:.1f}"
    )
    assert lost == 0
    assert total > RUNS // 2


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_writers_rows_equal_acknowledged(tmp_path: Path, writers: int) -> None:
    database = tmp_path / "shared" / "briefing.db"
    barrier = tmp_path / "go"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(database), str(barrier), f"w{k}", "2.0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(), bufsize=0,
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
    acknowledged: set[str] = set()
    for k, (child, (output, errors)) in enumerate(zip(children, results, strict=True)):
        assert child.returncode == 0, f"writer {k}: {errors.decode(errors='replace')}"
        lines = output.decode().split()
        assert lines[-1] == "done"
        uids = lines[:-1]
        assert uids, f"writer {k} saved nothing"
        acknowledged.update(uids)
    stored = check(database)
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
    finally:
        connection.close()
    print(f"\nconcurrent: writers={writers} acknowledged={len(acknowledged)} rows={rows}")
    assert rows == len(acknowledged)
    assert stored == acknowledged
