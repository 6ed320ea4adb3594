#!/usr/bin/env python3
"""How fast notes are saved and exported.

Run as ``python benchmarks/notes_bench.py [--saves N] [--notes N] [--dir DIR]``. It measures:

* saving one note: ``Annotations.add_note`` on a new database in a temporary
  folder (WAL, ``synchronous=FULL``: each save is a committed, fsynced
  transaction), median and 99th percentile over ``--saves`` saves
  (target: median under 5 ms);
* exporting ``--notes`` notes (generated in memory, not read from the database)
  to Markdown, JSON and TOML (target: under 3 s each), and reading the JSON
  and TOML back with ``parse_export`` (what ``briefing import-notes`` does);
* the peak memory of each export, measured by tracemalloc in a second, separate
  run (tracemalloc slows Python down, so it is kept out of the timings).

The figures depend on the disk (fsync) and the machine; this is a diagnostic,
not a test.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from briefing.core.anchors import Anchor, ItemKind  # noqa: E402
from briefing.core.annotations import Bookmark, Note  # noqa: E402
from briefing.core.loading import load_brief  # noqa: E402
from briefing.core.notes_export import export_data, parse_export, to_json, to_markdown, to_toml  # noqa: E402
from briefing.storage.store.database import Store  # noqa: E402
from briefing.storage.store.notes import Annotations  # noqa: E402

SEED = HERE.parent / "sample_briefs" / "us-china-trade-talks-kuala-lumpur.toml"
NOW = datetime(2025, 10, 26, 12, 0, tzinfo=UTC)


def bench_saves(count: int, where: str | None = None) -> list[float]:
    """Seconds taken by each of ``count`` saves (in a temporary folder inside ``where``)."""
    with tempfile.TemporaryDirectory(prefix="briefing-bench-", dir=where) as folder:
        store = Store(Path(folder) / "briefing.db")
        notes = Annotations(store)
        anchor = Anchor("bench", ItemKind.QUOTE, "q1")
        _ = store.connection  # open and migrate outside the timings
        times = []
        for i in range(count):
            start = time.perf_counter()
            notes.add_note(
                anchor,
                brief_title="Bench",
                item_text="a quote",
                body=f"note {i}: " + "words " * 20,
                now=NOW + timedelta(seconds=i),
            )
            times.append(time.perf_counter() - start)
        store.close()
    return times


def make_notes(count: int) -> tuple[list[Note], list[Bookmark], dict]:
    """``count`` notes over 500 briefs.

    Every tenth note is on a quote of the seed brief, so that exports look its speaker up.
    """
    brief = load_brief(SEED)
    quotes = brief.quotes
    notes = []
    for i in range(count):
        when = NOW - timedelta(seconds=i)
        if i % 10 == 0:
            quote = quotes[i % len(quotes)]
            notes.append(
                Note(
                    f"{i:032x}",
                    brief.id,
                    brief.title,
                    ItemKind.QUOTE,
                    quote.id,
                    quote.text,
                    f"Note {i} on a quote.\n\n- a point\n- another *point*",
                    when,
                    when,
                )
            )
        else:
            brief_id = f"brief-{i % 500}"
            notes.append(
                Note(
                    f"{i:032x}",
                    brief_id,
                    f"Brief number {i % 500}",
                    ItemKind.DEADLINE,
                    f"d{i % 7}",
                    f"Deadline {i % 7} of brief {i % 500}",
                    f"Note {i}: " + "lorem ipsum " * 8,
                    when,
                    when + timedelta(minutes=i % 3),
                    detached=i % 97 == 0,
                )
            )
    bookmarks = [
        Bookmark(f"brief-{i}", f"Brief number {i}", ItemKind.BRIEF, "", f"Brief number {i}", NOW)
        for i in range(500)
    ]
    return notes, bookmarks, {brief.id: brief}


def timed(action: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def peak_memory(action: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=1000)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument(
        "--dir",
        help="put the save benchmark's database under this folder (default: the temp folder)",
    )
    args = parser.parse_args()

    saves = bench_saves(args.saves, args.dir)
    median, p99 = statistics.median(saves) * 1000, percentile(saves, 0.99) * 1000
    print(f"Saving one note ({args.saves:,} saves through Annotations.add_note, synchronous=FULL)")
    print(
        f"  median {median:7.2f} ms   p99 {p99:7.2f} ms   max {max(saves) * 1000:7.2f} ms"
        f"   target: median < 5 ms  {'OK' if median < 5 else 'OVER'}"
    )
    print()

    notes, bookmarks, briefs = make_notes(args.notes)
    exports: dict[str, Callable[[], str]] = {
        "md": lambda: to_markdown(notes, briefs, NOW),
        "json": lambda: to_json(export_data(notes, bookmarks, briefs, NOW)),
        "toml": lambda: to_toml(export_data(notes, bookmarks, briefs, NOW)),
    }
    print(f"Exporting {args.notes:,} notes (in memory)     target: < 3 s each")
    print(f"  {'format':<14}{'time':>9}{'size':>11}{'peak memory':>14}")
    texts = {}
    for fmt, action in exports.items():
        seconds, text = timed(action)
        texts[fmt] = text
        peak = peak_memory(action)
        verdict = "OK" if seconds < 3 else "OVER"
        print(
            f"  {fmt:<14}{seconds:8.2f}s{len(text.encode()) / 1e6:9.1f} MB"
            f"{peak / 1e6:11.1f} MB  {verdict}"
        )
    for fmt in ("json", "toml"):
        text = texts[fmt]
        seconds, parsed = timed(lambda fmt=fmt, text=text: parse_export(text, fmt, f"bench.{fmt}"))
        assert len(parsed) == args.notes
        peak = peak_memory(lambda fmt=fmt, text=text: parse_export(text, fmt, f"bench.{fmt}"))
        print(
            f"  {'read ' + fmt:<14}{seconds:8.2f}s{'':>11}{peak / 1e6:11.1f} MB"
            "  (import-notes parsing)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
