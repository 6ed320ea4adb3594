#!/usr/bin/env python3
"""Does a start-up trick pay for itself on the time to content? (issue 14, item 4)

    python benchmarks/tricks.py [--runs N] VARIANT_DIR...

Each VARIANT_DIR holds a copy of the ``briefing`` package with one trick taken out;
it runs through ``PYTHONPATH`` (which comes before the editable install) alternately
with the worktree's own copy and the bare app, in a 120x40 pty, until the seed brief's
content is on screen (``content.py``). Prints, per variant, the median and its ratio to
the worktree's copy: a trick is kept only when taking it out costs at least 5%.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import content  # noqa: E402
import fixtures  # noqa: E402
import ptyrun  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("variants", nargs="*", type=Path)
    args = ap.parse_args()
    fixtures.compile_sources()
    shown = content.content(fixtures.SEED_BRIEF)
    names = ["worktree", *(v.name for v in args.variants), "bare"]
    times: dict[str, list[float]] = {n: [] for n in names}
    with tempfile.TemporaryDirectory(prefix="briefing-tricks-") as tmp:
        env = fixtures.environment(Path(tmp))
        argv = fixtures.briefing_ui(Path(tmp), fixtures.SEED_BRIEF)
        for n in range(args.runs + 1):  # the first round warms up
            for name in names:
                run_env = dict(env)
                if name == "bare":
                    cmd, pred, quit_key = fixtures.bare_command(), ptyrun.text("READY"), "q"
                else:
                    cmd, pred, quit_key = argv, shown, "ctrl+q"
                    if name != "worktree":
                        run_env["PYTHONPATH"] = str(
                            next(v for v in args.variants if v.name == name)
                        )
                out = ptyrun.run(
                    cmd, run_env, [ptyrun.Step("content", pred, timeout=30)], quit_key=quit_key
                )
                if n and out.times.get("content") is not None:
                    times[name].append(out.times["content"])
            print(f"round {n} done", file=sys.stderr)
    base = statistics.median(times["worktree"])
    for name in names:
        med = statistics.median(times[name])
        print(
            f"{name:12} {med * 1000:7.0f} ms  {med / base:5.2f}x the worktree  n={len(times[name])}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
