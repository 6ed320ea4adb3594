"""Time ``briefing import`` on crafted articles as they grow, up to the importer's size limit.

Each shape (from ``tests/importer/test_scaling.py``) once made a rule rescan a
whole sentence for every match. For each it prints the time at 100 KB, at 400 KB
(and their ratio: linear work gives about 4), at the largest article the importer
takes (``MAX_ARTICLE_CHARS``, two million characters) and at 4 MB, the largest
file ``briefing import`` reads, which the importer refuses with one line. The
best of ``--runs`` runs of the pure function, in this process.

    python benchmarks/import_scaling.py            # every shape
    python benchmarks/import_scaling.py --quick    # 100 KB and 400 KB only
    python benchmarks/import_scaling.py --cpu      # CPU time, when others load the machine
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.importer import MAX_ARTICLE_CHARS, ArticleError, import_article  # noqa: E402
from tests.importer.helpers import TODAY  # noqa: E402
from tests.importer.test_scaling import SHAPES, article  # noqa: E402

TARGET_SECONDS = 5.0
"""Any input up to the limit is drafted (or refused) within this."""
AIM_SECONDS = 3.5
"""What each shape aims for on an idle machine, so the target holds on a loaded one."""


def best(text: str, runs: int, clock=time.perf_counter) -> float:
    """The shortest of ``runs`` imports of ``text``, in seconds (a refusal counts too)."""
    times = []
    for _ in range(runs):
        started = clock()
        try:
            import_article(text, today=TODAY)
        except ArticleError:
            pass
        times.append(clock() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per size (default 3)")
    parser.add_argument("--quick", action="store_true", help="only 100 KB and 400 KB")
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="CPU time of this process instead of wall time (on a machine others load)",
    )
    args = parser.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    limit = MAX_ARTICLE_CHARS - 100  # the shapes add a headline and a first sentence
    header = f"{'shape':34} {'100 KB':>8} {'400 KB':>8} {'ratio':>6}"
    if not args.quick:
        header += f" {f'{MAX_ARTICLE_CHARS / 1e6:g}M chars':>10} {'4 MB':>8}"
    print(header)
    slow = False
    over_aim = []
    for shape in SHAPES:
        small = best(article(shape, 100_000), args.runs, clock)
        large = best(article(shape, 400_000), args.runs, clock)
        line = f"{shape:34} {small:7.3f}s {large:7.3f}s {large / small:6.1f}"
        if not args.quick:
            biggest = best(article(shape, limit), args.runs, clock)
            refused = best(article(shape, 4_000_000), 1, clock)
            slow = slow or biggest > TARGET_SECONDS or refused > TARGET_SECONDS
            if biggest > AIM_SECONDS:
                over_aim.append(shape)
            line += f" {biggest:9.2f}s {refused:7.3f}s"
        print(line, flush=True)
    if not args.quick:
        print(
            f"\n4 MB is over the limit of {MAX_ARTICLE_CHARS:,} characters: refused at once."
            f" Target: every size under {TARGET_SECONDS:g} s"
            + (" - MISSED" if slow else " - met")
            + f"; aim {AIM_SECONDS:g} s: "
            + (f"over for {', '.join(over_aim)}" if over_aim else "met")
        )
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
