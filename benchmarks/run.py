#!/usr/bin/env python3
"""Every figure of issue 6, against the bare Textual app, ``less`` and Frogmouth.

    python benchmarks/run.py                     # the issue-6 table (about 4 minutes on 2 cores)
    python benchmarks/run.py --quick             # 3 runs (1 for slow figures), no warm-up
    python benchmarks/run.py --only library,big  # a subset
    python benchmarks/run.py --check             # exit 1 when a figure misses its target
    python benchmarks/run.py --frogmouth /tmp/frogmouth-venv/bin/frogmouth

Run it with the project's Python (the virtualenv where ``pip install -e '.[test]'``
put ``briefing`` and ``pyte``). Progress goes to stderr, the report to stdout.

What runs: every program in a 120x40 pseudo-terminal (``ptyrun.py`` on the team's
harness ``ttfp.py``, whose ``pyte`` screen is watched for markers), alternately with
the bare Textual app (``bare_app.py``: a Static and a Footer) started the same way
in the same invocation; each figure is the median of ``--runs`` runs (default 5)
after a warm-up round, except figures over 5 s, which get 3 runs (the ``n`` column;
``/Nt``: N of them timed out). A marker not seen within ``--timeout`` seconds
(default 60) is reported as "over N s", not as an error. briefing always runs with
``--data-dir``/``--config-dir`` (and HOME, XDG_*) inside a temporary folder.

Groups, for ``--only`` (see ``issue6.py`` and ``library.py`` for the details):

  seed      first paint of ``briefing sample_briefs/us-china-trade-talks-kuala-lumpur.toml``
            (target <= 1.3x bare); '3' + 'G' to the last quote; peak memory
  switch    key to repaint of a section switch ('3'), 80x24 (target median < 50 ms)
  library   5,000 generated briefs: first paint on a first start (<= 1.5x), all rows
            listed on a first start (<= 5 s), all listed on a warm start (<= 1.3x),
            peak memory (< 300 MiB)
  big       a brief of 20,000 quotes and 2,000 participants: first paint (<= 2x),
            'G' to the last quote (<= 100 ms), filter by speaker (<= 100 ms), peak
            memory (< 400 MiB)
  validate  ``briefing validate -q`` on the library (>= 1,000 briefs/s, median of 3)
  imports   python -X importtime: what briefing adds to textual.app (import_costs.py)
  phases    an in-process timeline of ``briefing FILE`` (startup_phases.py)
  paint     the older first-paint report (first_paint.py)

The default is every group above. ``less`` (from PATH) and
Frogmouth (``--frogmouth PATH``, ``$BRIEFING_BENCH_FROGMOUTH``, or
``/tmp/frogmouth-venv``; install it in a venv of its own, never in the project's, as
it pins another Textual) open ``briefing show --plain`` of the same brief, a Markdown
rendering; either is skipped with a note when absent.

The library and the big brief are generated deterministically (seed 1, ``generate.py``)
into ``benchmarks/.cache/`` (``--cache DIR``) once and reused.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import figures  # noqa: E402
import fixtures  # noqa: E402
import issue6  # noqa: E402
import issue15  # noqa: E402
import library  # noqa: E402

GROUPS = {
    "seed": issue6.measure_seed,
    "switch": issue6.measure_switch,
    "library": library.measure_library,
    "big": issue6.measure_big,
    "validate": issue6.measure_validate,
    "enter": issue15.measure_enter,
    "inproc": issue15.measure_inprocess,
}
EXTRA = ("imports", "phases", "paint")
DEFAULT = ("seed", "switch", "library", "big", "validate", "enter", "inproc")


def machine() -> str:
    try:
        from importlib.metadata import version

        textual = version("textual")
    except Exception:  # noqa: BLE001 - only for the header
        textual = "?"
    load = ""
    if hasattr(os, "getloadavg"):
        one, five, fifteen = os.getloadavg()
        load = f" · load average {one:.2f} {five:.2f} {fifteen:.2f}"
    cpu = platform.processor() or platform.machine()
    return (
        f"{datetime.datetime.now().isoformat(timespec='minutes')} · {os.cpu_count()} cores "
        f"({cpu}) · Python {platform.python_version()} · Textual {textual} · "
        f"{platform.system()}{load}"
    )


def section(title: str) -> str:
    return f"\n== {title} " + "=" * max(0, 74 - len(title)) + "\n"


def parse_only(value: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    unknown = [n for n in names if n not in GROUPS and n not in EXTRA]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown group(s) {', '.join(unknown)}; choose from {', '.join([*GROUPS, *EXTRA])}"
        )
    return names


def extra_sections(names: list[str], runs: int, progress) -> list[str]:
    """The older reports, unchanged: import costs, startup phases, first paint."""
    out = []
    if "paint" in names:
        import first_paint

        progress("first paint (first_paint.py)...")
        out += [
            section("first paint and key to repaint (first_paint.py)"),
            first_paint.report(first_paint.measure(runs, progress=progress)),
        ]
    if "imports" in names:
        import import_costs

        progress("import costs...")
        out += [section("import costs"), import_costs.report(import_costs.measure(runs))]
    if "phases" in names:
        import startup_phases

        progress("startup phases...")
        out += [
            section("startup phases (in-process)"),
            startup_phases.report(startup_phases.run_phases(runs)),
        ]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="See the module docstring of benchmarks/run.py.",
    )
    ap.add_argument("--runs", type=int, default=None, help="runs of each figure (default 5)")
    ap.add_argument(
        "--quick", action="store_true", help="3 runs (1 for figures over 5 s), no warm-up round"
    )
    ap.add_argument(
        "--only",
        type=parse_only,
        default=list(DEFAULT),
        help=f"comma-separated groups: {', '.join([*GROUPS, *EXTRA])}",
    )
    ap.add_argument("--check", action="store_true", help="exit 1 when a figure misses its target")
    ap.add_argument(
        "--timeout", type=float, default=60.0, help="seconds to wait for each marker (default 60)"
    )
    ap.add_argument(
        "--frogmouth",
        metavar="PATH",
        help=f"the frogmouth executable or its venv (or ${fixtures.FROGMOUTH_ENV})",
    )
    ap.add_argument("--no-compare", action="store_true", help="skip less and Frogmouth")
    ap.add_argument(
        "--cache",
        type=Path,
        default=fixtures.CACHE,
        help="where the generated library and brief are kept (default benchmarks/.cache)",
    )
    ap.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = ap.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)
    if runs < 1 or args.timeout <= 0:
        ap.error("--runs and --timeout must be positive")

    def progress(msg: str) -> None:
        if not args.quiet:
            sys.stderr.write(f"{msg}\n")
            sys.stderr.flush()

    started = time.perf_counter()
    fixtures.compile_sources()
    header = f"briefing benchmarks (issue 6) · {machine()}"
    progress(header)
    groups = [n for n in args.only if n in GROUPS]
    report: list[str] = [header + "\n"]
    results: list[figures.Figure] = []
    if groups:
        frog, frog_note = (
            (None, "frogmouth: --no-compare")
            if args.no_compare
            else fixtures.frogmouth_command(args.frogmouth)
        )
        less = None if args.no_compare else fixtures.less_command()
        progress(frog_note)
        if "library" in groups or "validate" in groups or "big" in groups:
            progress(f"generated data in {args.cache} (made once, then reused)...")
            fixtures.library(args.cache)
            fixtures.big_brief(args.cache)
        with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
            ctx = issue6.Context(
                tmp=Path(tmp),
                runs=runs,
                slow_runs=1 if args.quick else 3,
                warmup=0 if args.quick else 1,
                timeout=args.timeout,
                cache=args.cache,
                frogmouth=frog,
                frogmouth_note=frog_note,
                less=less,
                progress=progress,
            )
            for name in groups:
                t0 = time.perf_counter()
                progress(f"{name}...")
                results += GROUPS[name](ctx)
                progress(f"{name}: {time.perf_counter() - t0:.0f} s")
        report += [section("issue 6 figures"), figures.format_table(results), legend(frog_note)]
    report += extra_sections([n for n in args.only if n in EXTRA], runs, progress)
    if hasattr(os, "getloadavg"):
        report.append(
            "\nload average at the end: " + " ".join(f"{x:.2f}" for x in os.getloadavg()) + "\n"
        )
    report.append(f"(all measurements took {time.perf_counter() - started:.0f} s)\n")
    print("".join(report), end="")
    missed = figures.missed(results)
    if missed:
        progress("missed: " + ", ".join(f.key for f in missed))
    return 1 if args.check and missed else 0


def legend(frog_note: str) -> str:
    return (
        "\nbriefing/bare/less/frogmouth: medians; ratio = briefing / bare; n: runs of "
        "briefing (/Nt: N of them timed out); target: ratio to bare (x) or briefing's own "
        "figure in the row's unit. 'bare' in a key row is the bare app's 's' key to "
        f"repaint. pty 120x40 unless the row says otherwise. {frog_note}.\n"
    )


if __name__ == "__main__":
    sys.exit(main())
