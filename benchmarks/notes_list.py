#!/usr/bin/env python3
"""``N`` on a store of a million notes: time to the first rows, and peak memory.

    python benchmarks/notes_list.py [--notes N] [--workdir DIR]

The store is filled by direct SQL inserts (``--notes``, default 1,000,000), then
a child process (so that its memory is the reader's alone) runs the reader with
``App.run_test()`` at 120x40 on the seed brief, presses ``N`` and measures:

* first rows: from pressing ``N`` until the newest note is on screen;
* end: from pressing ``end`` in the list until the oldest note is on screen;
* filter: from pasting a word that matches 20 notes into the filter until the count says so;
* peak RSS (``ru_maxrss``) before ``N`` and at the end, and the rows read.

Before issue 13 (item 18), ``N`` read every note on the UI thread: about a
minute and 2 GB for a million. The figures depend on the machine; this is a
diagnostic, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "sample_briefs" / "us-china-trade-talks-kuala-lumpur.toml"
START = datetime(2025, 1, 1, tzinfo=UTC)


def fill(path: Path, count: int) -> None:
    """``count`` notes, the i-th changed i seconds after START; body "note number i"."""
    from briefing.storage.store.database import Store

    Store(path).connection.close()
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO notes VALUES (?, 'b', 'A brief', 'quote', 'q', 'An item', ?, ?, ?, 0)",
            (
                (f"n{i:08d}", f"note number {i}", when, when)
                for i in range(count)
                for when in [(START + timedelta(seconds=i)).isoformat()]
            ),
        )
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def screen_text(app: Any) -> str:
    import io

    from rich.console import Console

    console = Console(
        width=app.size[0], height=app.size[1], file=io.StringIO(), record=True, force_terminal=True
    )
    # What the terminal shows: the list over the screens below it.
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text(styles=False)


async def run_child(count: int) -> dict[str, Any]:
    from briefing.core.clock import ManualClock
    from briefing.ui.launch import build_app

    app = build_app(path=SEED, clock=ManualClock(datetime(2025, 10, 26, 11, tzinfo=UTC)))
    app.animation_level = "none"
    result: dict[str, Any] = {}

    async def until(condition: Any, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the screen did not change in time")
            await pilot.pause(0.005)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        result["rss_before_mib"] = rss_mib()
        started = time.perf_counter()
        await pilot.press("N")
        await until(lambda: f"note number {count - 1} " in screen_text(app))
        result["first_rows_s"] = time.perf_counter() - started
        listing = app.screen
        await pilot.press("enter")
        started = time.perf_counter()
        await pilot.press("end")
        await until(lambda: "note number 0 " in screen_text(app))
        result["end_s"] = time.perf_counter() - started
        word = str(count // 10 + 1)[:-1] if count >= 100 else "1"
        await pilot.press("slash")
        started = time.perf_counter()
        app.focused.insert_text_at_cursor(word)  # as a paste: one filter, not one per key
        await until(lambda: " of " in screen_text(app) and listing.listing.words == (word,))
        result["filter_s"] = time.perf_counter() - started
        result["filter_matches"] = len(listing.listing)
        result["rows_read"] = listing.pages.rows_read
        result["rss_peak_mib"] = rss_mib()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1_000_000)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(repr(asyncio.run(run_child(args.notes))))
        return
    with tempfile.TemporaryDirectory(dir=args.workdir) as folder:
        data = Path(folder) / "data"
        data.mkdir()
        started = time.perf_counter()
        fill(data / "briefing.db", args.notes)
        print(f"filled {args.notes:,} notes in {time.perf_counter() - started:.1f} s")
        environment = dict(
            os.environ,
            BRIEFING_DATA_DIR=str(data),
            BRIEFING_CONFIG_DIR=str(Path(folder) / "config"),
            TZ="UTC",
        )
        child = subprocess.run(
            [sys.executable, __file__, "--child", "--notes", str(args.notes)],
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        if child.returncode:
            sys.exit(child.stderr)
        result = eval(child.stdout.strip().splitlines()[-1])  # noqa: S307 - our own child's repr
        print(f"notes:                {args.notes:,}")
        print(f"N to first rows:      {result['first_rows_s'] * 1000:.0f} ms")
        print(f"end to the last note: {result['end_s'] * 1000:.0f} ms")
        print(f"filter ({result['filter_matches']} matches): {result['filter_s'] * 1000:.0f} ms")
        print(f"rows read from SQLite: {result['rows_read']}")
        print(f"peak RSS before N:    {result['rss_before_mib']:.0f} MiB")
        print(f"peak RSS at the end:  {result['rss_peak_mib']:.0f} MiB")


if __name__ == "__main__":
    main()
