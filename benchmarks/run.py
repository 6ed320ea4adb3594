#!/usr/bin/env python3
"""Run every briefing benchmark and print one report.

    python benchmarks/run.py            # 7 runs of each measurement (about 3 minutes)
    python benchmarks/run.py --runs 3   # quicker, noisier
    python benchmarks/run.py --check    # exit 1 when first paint misses the 1.3x target

Run it with the project's Python (the virtualenv where ``pip install -e '.[test]'``
put ``briefing`` and ``pyte``). Nothing outside ``benchmarks/`` is needed: the
pseudo-terminal harness (``ttfp.py``) and the bare Textual app (``bare_app.py``)
are copies kept here.

Sections:
  summary           the headline figures, briefing against the bare Textual app
  first paint       time to first paint, pty 120x40 (first_paint.py)
  key to repaint    section switch "3", pty 80x24 (first_paint.py)
  import costs      python -X importtime: what briefing adds to textual.app (import_costs.py)
  startup phases    an in-process timeline of ``briefing FILE`` up to its first frame
                    (startup_phases.py)
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import first_paint  # noqa: E402
import import_costs  # noqa: E402
import startup_phases  # noqa: E402


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
        f"{datetime.date.today().isoformat()} · {os.cpu_count()} cores ({cpu}) · "
        f"Python {platform.python_version()} · Textual {textual} · {platform.system()}{load}"
    )


def section(title: str) -> str:
    return f"\n== {title} " + "=" * max(0, 74 - len(title)) + "\n"


def summary(fp: dict, imp: dict | None) -> str:
    med = first_paint.med
    paint, switch = fp["paint"], fp["switch"]
    rows = [
        (
            "first paint, 120x40 (ms)",
            med(paint[0].ttfp_s) * 1000,
            med(paint[1].ttfp_s) * 1000,
            f"<= {first_paint.TARGET_RATIO}x",
        ),
        (
            "first paint of the library, 120x40 (ms)",
            med(paint[2].ttfp_s) * 1000,
            med(paint[1].ttfp_s) * 1000,
            "",
        ),
        (
            "section switch '3', 80x24 (ms)",
            med(switch[0].key_s) * 1000,
            med(switch[1].key_s) * 1000,
            "",
        ),
        ("peak RSS at first paint (MiB)", med(paint[0].rss_mib), med(paint[1].rss_mib), ""),
    ]
    if imp is not None:
        wall = imp["wall"]
        rows.append(
            (
                "python -c 'import …ui.app' (ms)",
                wall["import briefing.ui.app"] * 1000,
                wall["import textual.app"] * 1000,
                "",
            )
        )
    out = [f"  {'measure':<42}{'briefing':>10}{'bare':>9}{'ratio':>8}  target"]
    for label, ours, bare, target in rows:
        out.append(f"  {label:<42}{ours:>10.1f}{bare:>9.1f}{ours / bare:>7.2f}x  {target}")
    out.append(
        "  (bare = benchmarks/bare_app.py, a Static and a Footer; its key is 's'; the import"
        " row compares with `import textual.app`)"
    )
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Run every briefing benchmark and print one report.")
    ap.add_argument(
        "--runs", type=int, default=7, help="measured runs of each measurement (default 7)"
    )
    ap.add_argument("--no-phases", action="store_true", help="skip the in-process startup timeline")
    ap.add_argument("--no-imports", action="store_true", help="skip the import costs")
    ap.add_argument(
        "--check", action="store_true", help="exit 1 when first paint misses the target"
    )
    ap.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    def progress(msg: str) -> None:
        if not args.quiet:
            sys.stderr.write(f"  {msg}\n")
            sys.stderr.flush()

    started = time.perf_counter()
    header = f"briefing benchmarks · {machine()}"
    progress("first paint and key to repaint...")
    fp = first_paint.measure(args.runs, progress=progress)
    imp = None
    if not args.no_imports:
        progress("import costs...")
        imp = import_costs.measure(args.runs)
    phases = None
    if not args.no_phases:
        progress("startup phases...")
        phases = startup_phases.run_phases(args.runs)

    report = [header, section("summary"), summary(fp, imp)]
    report += [section("first paint and key to repaint"), first_paint.report(fp)]
    if imp is not None:
        report += [section("import costs"), import_costs.report(imp)]
    if phases is not None:
        report += [section("startup phases (in-process)"), startup_phases.report(phases)]
    report.append(f"\n(all measurements took {time.perf_counter() - started:.0f} s)\n")
    print("".join(report), end="")
    ratio = first_paint.med(fp["paint"][0].ttfp_s) / first_paint.med(fp["paint"][1].ttfp_s)
    return 1 if args.check and ratio > first_paint.TARGET_RATIO else 0


if __name__ == "__main__":
    sys.exit(main())
