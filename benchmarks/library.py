"""Issue 6, the library: ``briefing LIBRARY`` on 5,000 generated briefs, in a 120x40 pty.

* first start: a new, empty data folder for every run. Timed from the spawn until
  ``Library`` (the library's title) shows (first paint), and until the title reads
  ``Library · 5,000 briefs`` (every row listed: while the index is being built it
  reads ``Library · indexing 1,234 of 5,000…``; a title still saying ``loading`` or
  ``indexing`` does not count). When "all listed" takes longer than 5 s, only 3 runs
  wait for it; the others stop at the first paint, so the first paint keeps all its
  runs.
* warm start: one data folder, indexed by an unmeasured first start before the
  rounds (it waits up to twice the timeout), reused by every run; timed until every
  row is listed (and the first paint, for information).
* peak memory: the largest VmHWM of briefing's session, read just before quitting,
  in the first-start runs that waited for every row.
The bare app runs in the same rounds, for the ratios.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fixtures  # noqa: E402
import ptyrun  # noqa: E402
from figures import Figure, Target  # noqa: E402
from issue6 import SLOW_S, Case, Context, bare_case, failures, join_notes, run_group  # noqa: E402
from ptyrun import Step, regex  # noqa: E402

PAINT = "Library"


def all_listed(n: int = fixtures.LIBRARY_N) -> str:
    """The title once every row is listed: ``Library · 5,000 briefs`` (the comma optional)."""
    count = f"{n:,}".replace(",", ",?")
    return rf"Library · {count} briefs?(?![^\n]*(?:loading|indexing))"


def measure_library(ctx: Context) -> list[Figure]:
    lib = fixtures.library(ctx.cache)
    paint = ptyrun.text(PAINT)
    listed = regex(all_listed())
    t = ctx.timeout

    warm_data = ctx.tmp / "library-warm-data"
    ctx.progress(f"  [library] indexing into a data folder for the warm start (up to {2 * t:g} s)")
    prime = ptyrun.run(
        fixtures.briefing_ui(ctx.tmp, lib, warm_data),
        ctx.env,
        [Step("all", listed, timeout=2 * t)],
        cwd=str(fixtures.REPO),
    )
    primed = prime.times.get("all")
    ctx.progress(
        f"  [library] indexed in {primed:.1f} s"
        if primed is not None
        else f"  [library] not every row listed within {2 * t:g} s: {prime.error or ''}"
    )

    full = {"budget": ctx.runs}

    def first_steps(n: int) -> list[Step]:
        done = [o for o in first.outcomes if "all" in o.times]
        if any(o.times["all"] is None or o.times["all"] > SLOW_S for o in done):
            full["budget"] = min(full["budget"], ctx.slow_runs)
        steps = [Step("paint", paint, timeout=t)]
        if n < 0 or len(done) < full["budget"]:
            steps.append(Step("all", listed, timeout=t, settle=0))
        return steps

    first = Case(
        "briefing LIBRARY, first start",
        lambda n: fixtures.briefing_ui(ctx.tmp, lib, ctx.tmp / f"library-data-{n}"),
        first_steps,
        runs=ctx.runs,
        slow_runs=ctx.runs,
        warmup=False,
    )
    warm = Case(
        "briefing LIBRARY, warm start",
        fixtures.briefing_ui(ctx.tmp, lib, warm_data),
        [Step("paint", paint, timeout=t), Step("all", listed, timeout=t)],
        runs=ctx.runs,
        slow_runs=ctx.slow_runs,
        warmup=False,
    )
    bare = bare_case(ctx)
    run_group("library", [first, warm, bare], ctx)

    full_runs = [o for o in first.outcomes if "all" in o.times]
    rss = [o.rss_mib for o in full_runs if o.rss_mib is not None]
    n = f"{fixtures.LIBRARY_N:,}"
    return [
        Figure(
            "library.paint",
            f"library of {n}: first paint, first start (ms)",
            first.samples("paint"),
            bare.samples("paint"),
            target=Target("ratio", 1.5),
            timeout=t,
            note=join_notes(
                "fresh data folder every run; until 'Library' shows", failures(first, warm, bare)
            ),
        ),
        Figure(
            "library.all",
            f"  all {n} listed, first start (s)",
            first.samples("all"),
            bare.samples("paint"),
            target=Target("<=", 5),
            scale=1,
            digits=2,
            timeout=t,
            note=f"until the title reads 'Library · {n} briefs'; bare: its first paint",
        ),
        Figure(
            "library.warm",
            "  all listed, warm start (ms)",
            warm.samples("all"),
            bare.samples("paint"),
            target=Target("ratio", 1.3),
            timeout=t,
            note=(
                "data folder indexed beforehand in "
                + (
                    f"{primed:.1f} s"
                    if primed is not None
                    else f"over {2 * t:g} s (not finished: the warm start is not warm)"
                )
            ),
        ),
        Figure(
            "library.warm_paint",
            "  first paint, warm start (ms)",
            warm.samples("paint"),
            bare.samples("paint"),
            timeout=t,
        ),
        Figure(
            "library.rss",
            "  peak memory, first start (MiB)",
            rss,
            bare.rss(),
            target=Target("<", 80),
            scale=1,
            digits=1,
            note=f"warm start: {Figure.median(warm.rss()) or 0:.1f} MiB",
        ),
    ]
