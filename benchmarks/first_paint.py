#!/usr/bin/env python3
"""Time to first paint and key-to-repaint latency: briefing against a bare Textual app.

``python benchmarks/first_paint.py [--runs N]`` runs each program in a real
pseudo-terminal (``TERM=xterm-256color``) through the black-box harness in
``benchmarks/ttfp.py`` (a copy of the team's tool) and reports medians:

* first paint, at 120x40: from just before the spawn until a marker is on the
  (emulated) screen -- ``briefing sample_briefs/us-china-trade-talks-kuala-lumpur.toml``
  until a piece of its title, "US, China agree", against ``benchmarks/bare_app.py``
  until "READY"; also ``briefing`` with no argument (the library of bundled samples)
  until the same title shows in its table. The ratio briefing/bare has a target of
  at most 1.3x.
* section switch, at 80x24, where the reader shows one pane at a time (at 120
  columns and more every pane is on screen at once, so nothing would change): from
  writing "3" until the Quotes pane's first quote, "“preliminary consensus”" (in curly
  quotes, as only that pane shows it), is visible; against the bare app's "s" until
  "SWITCHED".

The programs run alternately (briefing, bare, briefing, ...) after one unmeasured
warm-up each, so a change in the machine's load hits both alike. briefing gets its
own empty data and config folders (BRIEFING_DATA_DIR, BRIEFING_CONFIG_DIR), shared
by its runs as a user's would be.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import ttfp  # noqa: E402  (benchmarks/ttfp.py)

SEED = "sample_briefs/us-china-trade-talks-kuala-lumpur.toml"
TITLE_MARKER = "US, China agree"
QUOTE_MARKER = "“preliminary consensus”"
TARGET_RATIO = 1.3


def briefing_command() -> list[str]:
    script = Path(sys.executable).parent / "briefing"
    if script.exists():
        return [str(script)]
    found = shutil.which("briefing")
    if found:
        return [found]
    raise SystemExit(
        "first_paint.py: the briefing command is not installed next to this Python "
        f"({sys.executable}); run with the project's virtualenv (pip install -e .)"
    )


@dataclass
class Case:
    """One program, one terminal size, one marker (and optionally one key and its marker)."""

    label: str
    argv: list[str]
    marker: str
    cols: int = 120
    rows: int = 40
    key: str | None = None
    after: str | None = None
    quit_key: str = "q"
    ttfp_s: list[float] = field(default_factory=list)
    key_s: list[float] = field(default_factory=list)
    rss_mib: list[float] = field(default_factory=list)

    def args(self, timeout: float) -> argparse.Namespace:
        """The options ttfp.one_run reads, as its command line would set them."""
        return argparse.Namespace(
            command=self.argv,
            cols=self.cols,
            rows=self.rows,
            cwd=str(REPO),
            no_answer=False,
            trace=False,
            timeout=timeout,
            marker=self.marker,
            regex=False,
            settle=0.3,  # before the key, wait until the app wrote nothing for 0.3 s
            hold=0.0,
            quit_timeout=5.0,
        )

    def run_once(self, env: dict[str, str], timeout: float) -> dict:
        pairs = [(self.key, self.after)] if self.key else []
        try:
            return ttfp.one_run(self.args(timeout), env, pairs, ttfp.parse_key(self.quit_key), None)
        except ttfp.Failure as failure:
            screen = ttfp.screen_text(failure.screen) if failure.screen else "(no screen)"
            raise SystemExit(
                f"first_paint.py: {self.label}: {failure.message}\n"
                f"--- screen {self.cols}x{self.rows} ---\n{screen}\n--- end of screen ---"
            ) from None

    def record(self, result: dict) -> None:
        self.ttfp_s.append(result["ttfp_s"])
        if "key_s" in result:
            self.key_s.append(result["key_s"])
        if "peak_rss_mib" in result:
            self.rss_mib.append(result["peak_rss_mib"])


def environment(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["TERM"] = "xterm-256color"
    for name in ("LINES", "COLUMNS", "COLORTERM", "NO_COLOR"):
        env.pop(name, None)
    env["BRIEFING_DATA_DIR"] = str(tmp / "data")
    env["BRIEFING_CONFIG_DIR"] = str(tmp / "config")
    return env


def cases() -> tuple[list[Case], list[Case]]:
    briefing = briefing_command()
    bare = [sys.executable, str(HERE / "bare_app.py")]
    # ctrl+q quits briefing from any screen ("q" in the reader goes back to the library).
    paint = [
        Case("briefing FILE", [*briefing, SEED], TITLE_MARKER, quit_key="ctrl+q"),
        Case("bare app", bare, "READY"),
        Case("briefing (library)", briefing, TITLE_MARKER, quit_key="ctrl+q"),
    ]
    switch = [
        Case(
            "briefing FILE, '3'",
            [*briefing, SEED],
            TITLE_MARKER,
            cols=80,
            rows=24,
            key="3",
            after=QUOTE_MARKER,
            quit_key="ctrl+q",
        ),
        Case("bare app, 's'", bare, "READY", cols=80, rows=24, key="s", after="SWITCHED"),
    ]
    return paint, switch


def measure(runs: int = 7, warmup: int = 1, timeout: float = 60.0, progress=None) -> dict:
    """Run every case alternately; return the cases with their samples."""
    paint, switch = cases()
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        env = environment(Path(tmp))
        for group in (paint, switch):
            for i in range(warmup + runs):
                for case in group:
                    result = case.run_once(env, timeout)
                    if i >= warmup:
                        case.record(result)
                if progress:
                    progress(f"{group[0].label}...: round {i + 1}/{warmup + runs}")
    return {"paint": paint, "switch": switch, "runs": runs}


def med(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def spread(values: list[float], scale: float = 1000) -> str:
    return f"{min(values) * scale:.0f}-{max(values) * scale:.0f}" if values else "-"


def report(r: dict) -> str:
    paint, switch = r["paint"], r["switch"]
    out = []
    out.append(f"first paint, pty 120x40, median of {r['runs']} runs (alternating)")
    out.append(f"  {'program':<22}{'median ms':>10}{'min-max ms':>14}{'peak RSS MiB':>14}  marker")
    for case in paint:
        out.append(
            f"  {case.label:<22}{med(case.ttfp_s) * 1000:>10.0f}{spread(case.ttfp_s):>14}"
            f"{med(case.rss_mib):>14.1f}  {case.marker!r}"
        )
    ratio = med(paint[0].ttfp_s) / med(paint[1].ttfp_s)
    verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
    out.append(
        f"  ratio briefing FILE / bare app: {ratio:.2f}x  ({verdict} the target of "
        f"<= {TARGET_RATIO}x)"
    )
    lib_ratio = med(paint[2].ttfp_s) / med(paint[1].ttfp_s)
    out.append(f"  ratio briefing (library) / bare app: {lib_ratio:.2f}x")
    out.append("")
    out.append(f"key to repaint, pty 80x24, median of {r['runs']} runs (alternating)")
    out.append(f"  {'program, key':<22}{'median ms':>10}{'min-max ms':>14}  marker after the key")
    for case in switch:
        out.append(
            f"  {case.label:<22}{med(case.key_s) * 1000:>10.1f}{spread(case.key_s):>14}"
            f"  {case.after!r}"
        )
    out.append(
        f"  ratio: {med(switch[0].key_s) / med(switch[1].key_s):.1f}x"
        f"  (first paint at 80x24: briefing {med(switch[0].ttfp_s) * 1000:.0f} ms,"
        f" bare {med(switch[1].ttfp_s) * 1000:.0f} ms)"
    )
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="measured runs of each program (default 7)")
    ap.add_argument("--warmup", type=int, default=1, help="unmeasured runs first (default 1)")
    ap.add_argument("--check", action="store_true", help="exit 1 when the ratio misses the target")
    ap.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    def progress(msg: str) -> None:
        if not args.quiet:
            sys.stderr.write(f"  {msg}\n")

    t = time.perf_counter()
    r = measure(args.runs, args.warmup, progress=progress)
    progress(f"done in {time.perf_counter() - t:.0f} s")
    print(report(r), end="")
    ratio = med(r["paint"][0].ttfp_s) / med(r["paint"][1].ttfp_s)
    return 1 if args.check and ratio > TARGET_RATIO else 0


if __name__ == "__main__":
    sys.exit(main())
