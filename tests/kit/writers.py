"""Processes that write notes into one database: killed mid-write, or racing each other.

Both the durability tests (``tests/storage/test_durability.py``) and the fault
injection tests (``tests/hardening_env/test_kill_faults.py``) run the child
scripts below. The children use only the public API (``Store`` and
``Annotations.add_note``) and print a note's uid only after ``add_note`` has
returned: a printed, complete line is an acknowledged note.
"""

from __future__ import annotations

import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

FIRST_ACK_TIMEOUT = 20.0
"""Seconds a child may take to print its first line."""

PRELUDE = """
import sys, time
from datetime import datetime, timezone
from pathlib import Path
from briefing.core.anchors import Anchor, ItemKind
from briefing.storage.store.notes import Annotations
from briefing.storage.store.database import Store
NOW = datetime(2025, 10, 26, 11, 0, tzinfo=timezone.utc)
ANCHOR = Anchor("writers", ItemKind.QUOTE, "q1")
"""

WRITER = (
    PRELUDE
    + """
notes = Annotations(Store(Path(sys.argv[1])))
body = "x" * int(sys.argv[2])
i = 0
while True:
    note = notes.add_note(ANCHOR, brief_title="W", item_text="the quote", body=f"{i} {body}", now=NOW)
    sys.stdout.write(note.uid + "\\n")
    sys.stdout.flush()
    i += 1
"""
)
"""``WRITER DATABASE BODY_SIZE``: save notes for ever, printing each uid once saved."""

RACER = (
    PRELUDE
    + """
database, barrier, tag, seconds = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], float(sys.argv[4])
print("ready", flush=True)
deadline = time.monotonic() + 30
while not barrier.exists():
    if time.monotonic() > deadline:
        sys.exit("no start signal")
    time.sleep(0.001)
notes = Annotations(Store(database))  # every racer opens (and may migrate) the new database at once
stop = time.monotonic() + seconds
i = 0
while time.monotonic() < stop:
    note = notes.add_note(ANCHOR, brief_title="Race", item_text="the quote", body=f"{tag}-{i}", now=NOW)
    sys.stdout.write(note.uid + "\\n")
    sys.stdout.flush()
    i += 1
print("done", flush=True)
"""
)
"""``RACER DATABASE BARRIER TAG SECONDS``: say ready, wait for the barrier file, then save
notes with bodies ``TAG-0``, ``TAG-1``, ... for SECONDS, printing each uid; end with ``done``."""


def child_env() -> dict[str, str]:
    """The test's environment, unbuffered: a child's lines reach the pipe as it prints them."""
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def spawn(script: str, *args: object) -> subprocess.Popen[bytes]:
    """Start ``python -c SCRIPT ARGS`` with its output piped, unbuffered."""
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
        # Unbuffered: readline must not hold back lines that communicate() would miss.
        bufsize=0,
    )


def first_line(child: subprocess.Popen[bytes], what: str = "") -> bytes:
    """The child's first line, failing the test if none comes in :data:`FIRST_ACK_TIMEOUT`."""
    assert child.stdout is not None
    ready, _, _ = select.select([child.stdout], [], [], FIRST_ACK_TIMEOUT)
    assert ready, f"{what}the child printed nothing in {FIRST_ACK_TIMEOUT}s"
    return child.stdout.readline()


def kill(child: subprocess.Popen[bytes], first: bytes = b"") -> tuple[set[str], bytes]:
    """SIGKILL the child; return the uids it acknowledged (complete lines only) and its stderr.

    ``first`` is what was already read from its output (see :func:`first_line`).
    """
    child.send_signal(signal.SIGKILL)
    output, errors = child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL, errors.decode(errors="replace")
    lines = (first + output).decode().split("\n")
    # A line counts only once it is complete: the uid was printed after add_note returned.
    return {line for line in lines[:-1] if line}, errors


def race(
    script: str, barrier: Path, argvs: Sequence[Sequence[object]]
) -> list[tuple[int, bytes, bytes]]:
    """Start one child per argument list, wait until each says ``ready``, then touch
    ``barrier`` so they all start at once; return each child's (exit code, stdout, stderr).
    """
    children = [spawn(script, *argv) for argv in argvs]
    try:
        for child in children:
            assert first_line(child).strip() == b"ready"
        barrier.touch()
        results = [child.communicate(timeout=60) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
    return [
        (child.returncode, out, err) for child, (out, err) in zip(children, results, strict=True)
    ]


def race_writers(
    database: Path, barrier: Path, writers: int, seconds: float
) -> dict[str, list[str]]:
    """Race ``writers`` :data:`RACER` children (tags ``w0``, ``w1``, ...) on ``database`` for
    ``seconds``; each must exit 0 and end with ``done``. Return each tag's acknowledged uids.
    """
    argvs = [(database, barrier, f"w{k}", seconds) for k in range(writers)]
    acknowledged: dict[str, list[str]] = {}
    for k, (code, output, errors) in enumerate(race(RACER, barrier, argvs)):
        assert code == 0, f"writer {k} failed: {errors.decode(errors='replace')}"
        lines = output.decode().split()
        assert lines[-1] == "done", lines[-1:]
        acknowledged[f"w{k}"] = lines[:-1]
    return acknowledged


def stored_uids(database: Path) -> set[str]:
    """The uids of the notes stored, after opening the database as the next briefing would
    (which recovers the WAL); the store and SQLite must both find it intact.
    """
    from briefing.storage.store.database import Store

    store = Store(database)
    try:
        assert store.integrity_problems() == []
        uids = {uid for (uid,) in store.execute("SELECT uid FROM notes").fetchall()}
    finally:
        store.close()
    assert integrity(database) == "ok"
    return uids


def integrity(database: Path) -> str:
    """SQLite's ``PRAGMA integrity_check`` of ``database`` (``"ok"`` when intact)."""
    connection = sqlite3.connect(database)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def pause(seconds: float) -> None:
    """Let a child write for a while before it is killed."""
    time.sleep(seconds)
