#!/usr/bin/env python3
"""Scale benchmarks: a large library and one very large brief.

    python benchmarks/scale.py [--seed S] [--workdir DIR]

(a) `briefing validate` over a generated 5,000-brief library: briefs per second;
(b) `python -c` loading the 20,000-quote / 2,000-participant brief through
    briefing.core.load_brief: seconds (whole process);
(c) in a 120x40 pty (benchmarks/ttfp.py): time to first paint of
    `briefing BIG.toml` (marker: the brief's title) against benchmarks/bare_app.py
    (marker READY), and the time until the first quote is visible.
Every figure is a median of several runs; a pty run that shows nothing within
60 s is reported as "over 60 s".
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
BRIEFING = str(Path(PY).with_name("briefing"))
LIB_N, BIG_Q, BIG_P = 5000, 20_000, 2000
TIMEOUT = 60


def timed(cmd: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        out.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise SystemExit(
                f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stdout[-2000:]}"
                f"{proc.stderr[-2000:]}"
            )
    return out


def ttfp(marker: str, cmd: list[str], runs: int, regex: bool = False) -> str:
    args = [
        PY,
        str(HERE / "ttfp.py"),
        "--cols",
        "120",
        "--rows",
        "40",
        "--marker",
        marker,
        "--timeout",
        str(TIMEOUT),
        "--runs",
        str(runs),
        "--quit-timeout",
        "2",
    ]
    if regex:
        args.append("--regex")
    proc = subprocess.run([*args, "--", *cmd], capture_output=True, text=True)
    if proc.returncode == 1:
        return f"over {TIMEOUT} s"
    m = re.search(
        r"^ttfp_s median=([\d.]+) min=([\d.]+) max=([\d.]+) runs=(\d+)", proc.stdout, re.M
    )
    if proc.returncode != 0 or not m:
        return f"error (rc {proc.returncode}): {proc.stderr.strip()[-200:]}"
    return f"{float(m[1]):.3f} s (min {float(m[2]):.3f}, max {float(m[3]):.3f}, n={m[4]})"


def quote_regex(text: str) -> str:
    # The quote wraps inside its panel: allow any line break (and the panel
    # borders and scrollbar around it) between two words.
    gap = r"(?:[ \t]+|[ \t]*[^\n]*\n[^\n]*?[ \t]*)"
    return gap.join(re.escape(word) for word in text.split())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path, help="where to generate (default: a temp dir)")
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="briefing-scale-"))
    lib, big, data = work / "library", work / "big.toml", work / "data"
    data.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    gen = [PY, str(HERE / "generate.py"), "--seed", str(args.seed)]
    if not lib.is_dir():
        subprocess.run([*gen, "library", str(LIB_N), str(lib)], check=True)
    subprocess.run([*gen, "big", str(BIG_Q), str(BIG_P), str(big)], check=True)
    print(f"generated in {time.perf_counter() - t0:.1f} s under {work}", file=sys.stderr)

    rows: list[tuple[str, str]] = []

    # (a) validate the library
    secs = timed([BRIEFING, "validate", "-q", str(lib)], 3)
    med = statistics.median(secs)
    rows.append(
        (
            f"(a) validate {LIB_N} briefs",
            f"{LIB_N / med:,.0f} briefs/s "
            f"({med:.2f} s; runs {', '.join(f'{s:.2f}' for s in secs)}; target >= 1,000/s)",
        )
    )

    # (b) load the big brief
    code = f"from briefing.core import load_brief; load_brief({str(big)!r})"
    secs = timed([PY, "-c", code], 5)
    rows.append(
        (
            f"(b) load_brief {BIG_Q:,}q/{BIG_P:,}p (process)",
            f"{statistics.median(secs):.3f} s (min {min(secs):.3f}, max {max(secs):.3f}, n=5)",
        )
    )
    secs = timed([PY, "-c", "import briefing.core.loading"], 5)
    rows.append(("    python -c import only", f"{statistics.median(secs):.3f} s"))

    # (c) first paint
    brief = tomllib.loads(big.read_text(encoding="utf-8"))
    reader = [BRIEFING, "--data-dir", str(data), "--config-dir", str(data), str(big)]
    rows.append(("(c) ttfp bare_app.py (READY)", ttfp("READY", [PY, str(HERE / "bare_app.py")], 5)))
    rows.append(("    ttfp briefing BIG.toml (title)", ttfp(brief["title"], reader, 3)))
    rows.append(
        (
            "    briefing BIG.toml: first quote visible",
            ttfp(quote_regex(brief["quotes"][0]["text"]), reader, 3, regex=True),
        )
    )

    width = max(len(k) for k, _ in rows)
    print(f"{'figure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 40}")
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
