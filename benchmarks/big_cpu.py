#!/usr/bin/env python3
"""The 20,000-quote brief in CPU time: open to content, G, s, a speaker filter, peak memory.

    python benchmarks/big_cpu.py [--runs N]
    python benchmarks/big_cpu.py --known [--profile FILE]      # a brief the index knows
    PYTHONPATH=/path/to/other/copy python benchmarks/big_cpu.py   # another version

Wall-clock figures on a machine shared by several engineers move by 2x with the load;
the CPU time the process spends (all its threads, ``time.process_time``) does not. Each
run is a fresh process (``--child``) running the app in ``App.run_test`` at 120x40 on
the generated big brief (``fixtures.big_brief``: 20,000 quotes, 2,000 participants):

* content: from building the app until the brief is shown, the app idle (the tables
  sized, their rows measured) and the whole screen composed once;
* G: ``3`` then ``G`` until idle and composed (the workers finished first, so the
  what-is-new digests of the brief do not count here);
* s: the speaker picker open and composed; filter: ``j`` ``enter`` in it until the
  brief is back and composed;
* maxrss: the process's peak resident memory.

To compare with another version, run it with ``PYTHONPATH`` set to that version's
package folder (for example ``git archive main briefing | tar -x -C /tmp/main``).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import fixtures  # noqa: E402
import lists  # noqa: E402

KEYS = ("content", "G", "s", "filter")


def compose(app) -> None:
    app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)


async def child(path: Path, profile: Path | None = None) -> dict[str, float]:
    from briefing.ui.screens.brief import BriefScreen

    out: dict[str, float] = {}
    profiler = cProfile.Profile(time.process_time) if profile else None
    start = time.process_time()
    if profiler:
        profiler.enable()
    app = lists.make_app(path)
    async with app.run_test(size=lists.SIZE) as pilot:
        while not (isinstance(app.screen, BriefScreen) and app.screen.ready.is_set()):
            await asyncio.sleep(0.001)
        await pilot.pause()
        compose(app)
        out["content"] = time.process_time() - start
        if profiler and profile:
            profiler.disable()
            profiler.dump_stats(profile)
        screen = app.screen
        await app.workers.wait_for_complete()
        await pilot.press("3")
        await pilot.pause()
        start = time.process_time()
        lists.press(app, "G")
        await pilot.pause()
        compose(app)
        out["G"] = time.process_time() - start
        start = time.process_time()
        lists.press(app, "s")
        while app.screen is screen:
            await asyncio.sleep(0.001)
        await pilot.pause()
        compose(app)
        out["s"] = time.process_time() - start
        await pilot.press("j")
        await pilot.pause()
        start = time.process_time()
        lists.press(app, "enter")
        while app.screen is not screen:
            await asyncio.sleep(0.001)
        await pilot.pause()
        compose(app)
        out["filter"] = time.process_time() - start
    out["maxrss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--known",
        action="store_true",
        help="open the brief once first, in one data folder shared by the runs, so that the"
        " runs time a brief the library index knows (as the pty figure does)",
    )
    ap.add_argument(
        "--profile", type=Path, help="cProfile (CPU time) of the last run's content, to FILE"
    )
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--work", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        work = args.work or tempfile.mkdtemp(prefix="briefing-big-cpu-")
        os.environ["BRIEFING_DATA_DIR"] = str(Path(work) / "data")
        os.environ["BRIEFING_CONFIG_DIR"] = str(Path(work) / "config")
        out = asyncio.run(child(args.child, args.profile))
        print(" ".join(f"{key}={value}" for key, value in out.items()))
        return 0
    path = fixtures.big_brief()
    shared = ["--work", tempfile.mkdtemp(prefix="briefing-big-cpu-")] if args.known else []
    if args.known:
        subprocess.run([sys.executable, __file__, "--child", str(path), *shared], check=True)
    runs: list[dict[str, float]] = []
    for n in range(args.runs):
        last = n == args.runs - 1 and args.profile
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path), *shared]
            + (["--profile", str(args.profile)] if last else []),
            capture_output=True,
            text=True,
            check=True,
        )
        line = done.stdout.strip().splitlines()[-1]
        runs.append({k: float(v) for k, v in (pair.split("=") for pair in line.split())})
        shown = ", ".join(f"{key} {runs[-1][key] * 1000:.0f} ms" for key in KEYS)
        print(f"run {n + 1}: {shown}, peak {runs[-1]['maxrss']:.1f} MiB", file=sys.stderr)
    for key in KEYS:
        print(f"{key:8} {statistics.median(r[key] for r in runs) * 1000:8.0f} ms CPU")
    print(f"{'peak':8} {statistics.median(r['maxrss'] for r in runs):8.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
