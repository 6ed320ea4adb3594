#!/usr/bin/env python3
"""How fast the library search answers each keystroke (issue 8: within 100 ms).

Run as ``python benchmarks/search.py [--runs N] [--notes N] [--rebuild]``.

* The library is the 5,000-brief one of ``generate.py --seed 1 library 5000``
  (``fixtures.library``, cached in ``benchmarks/.cache/``); its index is built
  once with ``refreshing.refresh`` and ``build_search`` into
  ``benchmarks/.cache/search-index-5000-seed1/`` and reused while the
  generator, the index code and the library are unchanged (a stamp file).
* ``--notes`` notes (500 by default) on random items are put in a
  ``NotesIndex``, as the search screen does when it opens (its build is timed).
* Each query is typed keystroke by keystroke: every prefix is searched with
  ``LibrarySearch.search`` (as the screen's worker does: parse, count, rank,
  snippets) ``--runs`` times over a read-only connection; the table gives, per
  query, the median and the 95th percentile over all its keystrokes and runs,
  and the slowest keystroke's median. A trivial ``SELECT 1`` on the same
  connection is the baseline of the ratio.

Times are wall-clock on this machine, with whatever else runs on it (the load
average is printed); the screen adds the rendering of the list to this.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import fixtures  # noqa: E402

from briefing.core.anchors import ItemKind  # noqa: E402
from briefing.core.annotations import Note  # noqa: E402
from briefing.storage.index import database as library_index  # noqa: E402
from briefing.storage.index.database import LibraryIndex  # noqa: E402
from briefing.storage.index.indexing import index_in_processes  # noqa: E402
from briefing.storage.index.refreshing import build_search, refresh  # noqa: E402
from briefing.storage.index.search import (  # noqa: E402
    LibrarySearch,
    NotesIndex,
    open_search_connection,
)

TYPED = ["greta santos", "flood defences", "minister of finance", "fishing quotas moved forward"]
"""Queries typed one key at a time (names and topics of the generated library)."""
PHRASE = '"talks on housing"'
HOSTILE = ['NEAR(a b) OR "text: -* (', "*", '"unbalanced " quote" AND', "x " * 5000]
"""Typed keystroke by keystroke too, except the 10 KB paste (searched whole)."""


def index_file(library: Path, rebuild: bool) -> Path:
    """The library's index with its search tables filled (built once, then reused)."""
    folder = fixtures.CACHE / f"search-index-{fixtures.LIBRARY_N}-seed{fixtures.SEED}"
    digest = hashlib.sha256((HERE / "generate.py").read_bytes())
    digest.update(Path(library_index.__file__).read_bytes())
    digest.update(str(library).encode())
    stamp = digest.hexdigest()
    stamp_file = folder / "stamp"
    path = folder / "library-index.db"
    if not rebuild and path.exists() and stamp_file.exists() and stamp_file.read_text() == stamp:
        return path
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    index = LibraryIndex(path, zone=UTC)
    started = time.perf_counter()
    for _ in refresh(index, [library], indexer=index_in_processes):
        pass
    listed = time.perf_counter()
    for _ in build_search(index):
        pass
    index.close()
    print(
        f"indexed {fixtures.LIBRARY_N:,} briefs in {listed - started:.1f} s,"
        f" search tables filled in {time.perf_counter() - listed:.1f} s"
    )
    stamp_file.write_text(stamp)
    return path


def make_notes(path: Path, count: int) -> list[Note]:
    """``count`` notes on random quotes of the library, with a few words each."""
    import sqlite3

    rng = random.Random(1)
    connection = sqlite3.connect(path)
    rows = connection.execute(
        "SELECT json_extract(files.summary, '$.id'), json_extract(files.summary, '$.title'),"
        " items.item_id, items.text FROM items JOIN files ON files.path = items.path"
        " WHERE items.kind = 'quote' ORDER BY items.id LIMIT 20000"
    ).fetchall()
    connection.close()
    words = [
        "ask",
        "follow",
        "check",
        "housing",
        "budget",
        "deadline",
        "Greta",
        "call",
        "tomorrow",
        "source",
    ]
    now = datetime(2026, 1, 1, tzinfo=UTC)
    return [
        Note(
            f"{n:032x}",
            brief_id,
            title,
            ItemKind.QUOTE,
            item_id,
            text,
            " ".join(rng.choice(words) for _ in range(8)),
            now,
            now,
        )
        for n, (brief_id, title, item_id, text) in enumerate(
            rng.sample(rows, min(count, len(rows)))
        )
    ]


def keystrokes(query: str) -> list[str]:
    """What the input holds after each key of ``query``."""
    return [query[:n] for n in range(1, len(query) + 1)]


def timed(action, runs: int) -> list[float]:  # noqa: ANN001
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each keystroke (>= 5)")
    parser.add_argument("--notes", type=int, default=500)
    parser.add_argument("--rebuild", action="store_true", help="build the index again")
    args = parser.parse_args()
    runs = max(5, args.runs)

    library = fixtures.library()
    path = index_file(library, args.rebuild)
    notes = make_notes(path, args.notes)
    build = timed(lambda: NotesIndex(notes).close(), runs)
    connection = open_search_connection(path)
    searcher = LibrarySearch(connection, [library], NotesIndex(notes))
    searcher.search("warm up the page cache")
    baseline = statistics.median(timed(lambda: connection.execute("SELECT 1").fetchall(), 200))

    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {runs} runs each")
    print(f"notes index of {len(notes)} notes built in {statistics.median(build):.1f} ms (median)")
    print(f"baseline SELECT 1: {baseline * 1000:.1f} µs (median)\n")
    header = f"{'query':34} {'keys':>4} {'median':>8} {'p95':>8} {'worst key':>10} {'ratio':>9}"
    print(header)
    print("-" * len(header))
    everything: list[float] = []
    cases = [(q, keystrokes(q)) for q in [*TYPED, PHRASE, *HOSTILE[:-1]]]
    cases.append(("10 KB paste", [HOSTILE[-1]]))
    for name, keys in cases:
        samples: list[float] = []
        worst = 0.0
        for key in keys:
            key_samples = timed(lambda key=key: searcher.search(key), runs)
            samples += key_samples
            worst = max(worst, statistics.median(key_samples))
        everything += samples
        median = statistics.median(samples)
        label = name if len(name) <= 34 else name[:31] + "..."
        print(
            f"{label:34} {len(keys):>4} {median:>6.1f}ms {p95(samples):>6.1f}ms"
            f" {worst:>8.1f}ms {median / baseline:>8,.0f}x"
        )
    median = statistics.median(everything)
    print("-" * len(header))
    print(
        f"{'every keystroke':34} {'':>4} {median:>6.1f}ms {p95(everything):>6.1f}ms"
        f" {'':>10} {median / baseline:>8,.0f}x"
    )
    print(f"\ntarget: each keystroke within 100 ms -> p95 {p95(everything):.1f} ms")
    connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
