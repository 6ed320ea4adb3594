#!/usr/bin/env python3
"""What briefing adds to Textual's import time, from ``python -X importtime``.

``python benchmarks/import_costs.py [--runs N]`` runs, alternately and N times each,

    python -X importtime -c "import textual.app"
    python -X importtime -c "import briefing.ui.app"

takes the median of every module's self and cumulative time, and lists what
briefing imports that ``textual.app`` does not: by top-level package (the sum of the
modules' self times, which add up, and the cumulative time of the package's
outermost import, which includes whatever that import pulled in), and the costliest
single modules. It also times the plain wall clock of the same imports (and of the
imports ``briefing FILE`` does before the app runs) with ``python -c``.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)\s*$")

BASE = "textual.app"
TARGET = "briefing.ui.app"
WALL_CASES = {
    "python -c pass": "pass",
    "import textual.app": "import textual.app",
    "import briefing.ui.app": "import briefing.ui.app",
    "imports of `briefing FILE`": (
        "import briefing.cli, briefing.cli.open_reader, briefing.ui.launch, briefing.ui.app,"
        " briefing.ui.themes"
    ),
}


@dataclass
class Module:
    name: str
    self_us: list[int] = field(default_factory=list)
    cum_us: list[int] = field(default_factory=list)
    depth: int = 0
    parent: str | None = None  # the module whose import made this one (first run)

    @property
    def self_med(self) -> float:
        return statistics.median(self.self_us)

    @property
    def cum_med(self) -> float:
        return statistics.median(self.cum_us)


def importtime(module: str) -> list[tuple[str, int, int, int]]:
    """(name, self_us, cumulative_us, depth) of every import, in importtime's order
    (a module's line comes after the lines of the imports it made, one level deeper)."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"import {module} failed:\n{proc.stderr[-2000:]}")
    rows = []
    for line in proc.stderr.splitlines():
        m = LINE.match(line)
        if m:
            rows.append((m.group(4), int(m.group(1)), int(m.group(2)), len(m.group(3)) // 2))
    return rows


def collect(runs_rows: list[list[tuple[str, int, int, int]]]) -> dict[str, Module]:
    mods: dict[str, Module] = {}
    for rows in runs_rows:
        pending: dict[int, list[Module]] = {}  # finished lines waiting for their parent
        for name, self_us, cum_us, depth in rows:
            mod = mods.get(name)
            if mod is None:
                mod = mods[name] = Module(name, depth=depth)
            mod.self_us.append(self_us)
            mod.cum_us.append(cum_us)
            for child in pending.pop(depth + 1, []):
                if child.parent is None:
                    child.parent = name
            pending.setdefault(depth, []).append(mod)
    return mods


def ancestors(mod: Module, mods: dict[str, Module]):
    seen = set()
    while mod.parent is not None and mod.parent not in seen:
        seen.add(mod.parent)
        mod = mods[mod.parent]
        yield mod


def wall_times(runs: int) -> dict[str, float]:
    """Median wall-clock seconds of ``python -c CODE`` for each case (alternating)."""
    samples: dict[str, list[float]] = {k: [] for k in WALL_CASES}
    for _ in range(runs):
        for label, code in WALL_CASES.items():
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
            samples[label].append(time.perf_counter() - t)
    return {k: statistics.median(v) for k, v in samples.items()}


def measure(runs: int = 5) -> dict:
    base_runs, target_runs = [], []
    importtime(TARGET)  # warm the page cache and the .pyc files
    for _ in range(runs):
        base_runs.append(importtime(BASE))
        target_runs.append(importtime(TARGET))
    base = collect(base_runs)
    target = collect(target_runs)
    extra = {n: m for n, m in target.items() if n not in base}
    packages: dict[str, dict] = {}
    for name, mod in extra.items():
        top = name.split(".")[0]
        pkg = packages.setdefault(top, {"self_us": 0.0, "modules": 0, "subtree_us": 0.0})
        pkg["self_us"] += mod.self_med
        pkg["modules"] += 1
    # A package's cumulative cost: the self time of every extra module imported by
    # (under) one of the package's modules, the package's own included -- what would
    # not be imported at all without it. (Textual's own modules do not count.)
    for name, mod in extra.items():
        tops = {name.split(".")[0]}
        tops.update(a.name.split(".")[0] for a in ancestors(mod, target))
        for top in tops:
            if top in packages:
                packages[top]["subtree_us"] += mod.self_med
    return {
        "runs": runs,
        "base_total_us": base[BASE].cum_med,
        "target_total_us": target[TARGET].cum_med,
        "base_modules": len(base),
        "target_modules": len(target),
        "extra_self_us": sum(m.self_med for m in extra.values()),
        "packages": packages,
        "extra": extra,
        "wall": wall_times(runs),
    }


def report(r: dict, top: int = 12) -> str:
    out = []
    out.append(
        f"python -X importtime, median of {r['runs']} runs (µs = microseconds; "
        "cumulative = the import and everything it pulled in)"
    )
    base_total, base_n = r["base_total_us"], r["base_modules"]
    out.append(f"  import {BASE:<18} {base_total:>9,.0f} µs cumulative, {base_n} modules")
    out.append(
        f"  import {TARGET:<18} {r['target_total_us']:>9,.0f} µs cumulative, "
        f"{r['target_modules']} modules"
    )
    out.append(
        f"  briefing adds {r['target_modules'] - r['base_modules']} modules, "
        f"{r['extra_self_us']:,.0f} µs of their own (self) time"
    )
    out.append("")
    out.append(f"  top extra packages (not imported by {BASE}); self = the package's own")
    out.append("  modules, cumulative = also the extra modules they import (the saving if the")
    out.append("  package were not imported; briefing's includes everything below it):")
    out.append(f"  {'package':<22}{'modules':>8}{'self µs':>13}{'cumulative µs':>15}")
    pkgs = sorted(r["packages"].items(), key=lambda kv: -kv[1]["subtree_us"])
    for name, p in pkgs[:top]:
        out.append(f"  {name:<22}{p['modules']:>8}{p['self_us']:>13,.0f}{p['subtree_us']:>15,.0f}")
    rest = pkgs[top:]
    if rest:
        out.append(
            f"  {'(' + str(len(rest)) + ' more)':<22}{sum(p['modules'] for _, p in rest):>8}"
            f"{sum(p['self_us'] for _, p in rest):>13,.0f}"
        )
    out.append("")
    out.append("  costliest single extra modules (self time):")
    mods = sorted(r["extra"].values(), key=lambda m: -m.self_med)
    for m in mods[:top]:
        out.append(f"  {m.self_med:>10,.0f} µs self {m.cum_med:>10,.0f} µs cumulative  {m.name}")
    out.append("")
    out.append(f"  wall clock of `python -c ...` (median of {r['runs']}):")
    for label, secs in r["wall"].items():
        out.append(f"  {secs * 1000:>8.0f} ms  {label}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args(argv)
    print(report(measure(args.runs), args.top), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
