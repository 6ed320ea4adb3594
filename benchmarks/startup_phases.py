#!/usr/bin/env python3
"""Where briefing's start-up time goes: an in-process timeline up to the first paint.

Run as ``python benchmarks/startup_phases.py [--runs N]``: each run starts a child
(this file with ``--child``) in a pseudo-terminal of 120x40, as the user's terminal
would. The child opens the seed brief the way ``briefing FILE`` does (the same
functions: ``briefing.cli`` → ``briefing.ui.launch.build_app`` → ``App.run``) with thin
timing wrappers around the steps, notes when the frame holding the brief's title is
handed to the terminal, and exits right then. The bare Textual app is timed the same
way. Figures are milliseconds since the child's first line of Python (the interpreter's
own start-up, about 20-40 ms, comes before), medians over the runs.

With STARTUP_PHASES_PROFILE=FILE in the environment, each child also runs cProfile
from ``app.run()`` to that first frame and writes the stats to FILE (the last run's
stay); read them with ``python -m pstats FILE``.

The wrappers reach into briefing's internals (``briefing.ui.launch``'s helpers, the screen
classes); when those move, the affected phases are reported as missing instead of
failing the run. This is a diagnostic, not a contract.
"""

from __future__ import annotations

import functools
import json
import os
import statistics
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEED = REPO / "sample_briefs" / "us-china-trade-talks-kuala-lumpur.toml"
MARKERS = {"briefing": "US, China agree", "bare": "READY"}


# ------------------------------------------------------------------------- child


class Timeline:
    def __init__(self) -> None:
        self.marks: list[tuple[str, float]] = []
        self.spans: dict[str, float] = {}

    def mark(self, name: str) -> None:
        self.marks.append((name, (time.perf_counter() - T0) * 1000))

    def wrap(self, owner, attr: str, name: str, *, once: bool = True) -> None:
        """Time calls of owner.attr as the span ``name`` (the first call only, by default)."""
        original = getattr(owner, attr, None)
        if original is None:
            return
        timeline = self

        @functools.wraps(original)  # keeps the signature: Textual counts handler parameters
        def timed(*args, **kwargs):
            if once and name in timeline.spans:
                return original(*args, **kwargs)
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                ms = (time.perf_counter() - start) * 1000
                timeline.spans[name] = timeline.spans.get(name, 0.0) + ms
                timeline.mark(f"end of {name}")

        setattr(owner, attr, timed)


def child(kind: str, out: str) -> None:
    tl = Timeline()
    marker = MARKERS[kind]
    tl.mark("python running")
    if kind == "briefing":
        import briefing.cli  # noqa: F401
        import briefing.cli.open_reader  # noqa: F401

        tl.mark("imported briefing.cli")
        import briefing.ui.launch as launch

        tl.mark("imported briefing.ui.launch (core, storage)")
        import briefing.ui.app as ui_app
        import briefing.ui.themes  # noqa: F401

        tl.mark("imported briefing.ui.app (textual + screens)")
    else:
        import textual.app  # noqa: F401
        import textual.widgets  # noqa: F401

        tl.mark("imported textual.app")
        sys.path.insert(0, str(HERE))
        from bare_app import Bare

        tl.mark("imported bare_app")

    from textual.drivers import linux_driver  # (app.run would import it anyway)

    tl.mark("imported textual's LinuxDriver")

    original_write = linux_driver.LinuxDriver.write
    state = {"painted": False}

    def write(self, data: str) -> None:
        original_write(self, data)
        if not state["painted"] and len(data) > 200 and "first frame" not in state:
            state["first frame"] = True
            tl.mark(f"first frame written ({type(self._app.screen).__name__})")
        if not state["painted"] and marker in data:
            state["painted"] = True
            tl.mark(f"first frame with the marker written ({type(self._app.screen).__name__})")
            if profiler is not None:
                profiler.disable()
                profiler.dump_stats(os.environ["STARTUP_PHASES_PROFILE"])
            self._app.call_later(self._app.exit)

    linux_driver.LinuxDriver.write = write

    if kind == "briefing":
        import briefing.ui.themes as themes
        from briefing.ui.screens import brief as brief_screen
        from briefing.ui.screens import library as library_screen

        tl.wrap(launch, "load_config", "load_config")
        tl.wrap(launch, "Store", "Store()")
        tl.wrap(themes, "load_themes", "load_themes")
        original_scan = getattr(launch, "scan", None)
        if original_scan is not None:

            def scan(*args, **kwargs):
                start = time.perf_counter()
                for entry in original_scan(*args, **kwargs):
                    ms = (time.perf_counter() - start) * 1000
                    tl.spans["load + validate the brief (scan)"] = (
                        tl.spans.get("load + validate the brief (scan)", 0.0) + ms
                    )
                    yield entry
                    start = time.perf_counter()

            launch.scan = scan
        app_cls = ui_app.BriefingApp
        tl.wrap(app_cls, "__init__", "BriefingApp()")
        tl.wrap(app_cls, "on_mount", "BriefingApp.on_mount")
        tl.wrap(app_cls, "apply_theme", "apply_theme (reads the store)")
        # (compose methods are generators: timing the call would time nothing)
        tl.wrap(library_screen.LibraryScreen, "on_mount", "LibraryScreen.on_mount")
        tl.wrap(brief_screen.BriefScreen, "on_mount", "BriefScreen.on_mount")
        tl.wrap(brief_screen.BriefScreen, "show_brief", "BriefScreen.show_brief")
        tl.mark("start build_app")
        app = launch.build_app(path=str(SEED))
        tl.mark("built the app (build_app)")
    else:
        app = Bare()
        tl.mark("built the app (Bare())")

    profiler = None
    if os.environ.get("STARTUP_PHASES_PROFILE"):
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    tl.mark("start app.run")
    app.run()
    tl.mark("app.run returned")
    with open(out, "w") as f:
        json.dump({"marks": tl.marks, "spans": tl.spans, "painted": state["painted"]}, f)


# ------------------------------------------------------------------------ parent


def run_phases(runs: int = 5, cols: int = 120, rows: int = 40, timeout: float = 60.0) -> dict:
    """Run both kinds ``runs`` times (alternately); return medians of every mark and span."""
    import tempfile

    sys.path.insert(0, str(HERE))
    import ttfp

    results: dict[str, list[dict]] = {"briefing": [], "bare": []}
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        env = dict(os.environ)
        env.update(
            TERM="xterm-256color",
            BRIEFING_DATA_DIR=str(Path(tmp) / "data"),
            BRIEFING_CONFIG_DIR=str(Path(tmp) / "config"),
        )
        for name in ("LINES", "COLUMNS", "COLORTERM"):
            env.pop(name, None)
        for i in range(runs + 1):  # the first round is a warm-up
            for kind in ("briefing", "bare"):
                out = Path(tmp) / f"{kind}-{i}.json"
                argv = [sys.executable, str(Path(__file__).resolve()), "--child", kind, str(out)]
                sess = ttfp.Session(argv, cols, rows, env, str(REPO), True, False, None)
                try:
                    sess.pump(time.perf_counter() + timeout, until_exit=True)
                finally:
                    sess.close()
                if not out.exists():
                    raise RuntimeError(
                        f"{kind}: the child wrote no timeline (exit status {sess.returncode});"
                        f" screen:\n{ttfp.screen_text(sess.term.lines())}"
                    )
                data = json.loads(out.read_text())
                if i > 0:
                    results[kind].append(data)
    summary = {}
    for kind, datas in results.items():
        marks: dict[str, list[float]] = {}
        spans: dict[str, list[float]] = {}
        order: list[str] = []
        for data in datas:
            for name, ms in data["marks"]:
                if name not in marks:
                    marks[name] = []
                    if name not in order:
                        order.append(name)
                marks[name].append(ms)
            for name, ms in data["spans"].items():
                spans.setdefault(name, []).append(ms)
        summary[kind] = {
            "marks": [(n, statistics.median(marks[n])) for n in order],
            "spans": {n: statistics.median(v) for n, v in spans.items()},
            "runs": len(datas),
        }
    return summary


def report(summary: dict) -> str:
    lines = []
    for kind in ("briefing", "bare"):
        s = summary[kind]
        title = {
            "briefing": "briefing " + str(SEED.relative_to(REPO)),
            "bare": "bare Textual app",
        }[kind]
        lines.append(f"{title}  (median of {s['runs']} runs, ms since the first line of Python;")
        lines.append("  each line's median on its own, so the steps in brackets are approximate)")
        previous = 0.0
        for name, ms in sorted(s["marks"], key=lambda m: m[1]):
            lines.append(f"  {ms:8.1f}  (+{ms - previous:7.1f})  {name}")
            previous = ms
        if kind == "briefing" and s["spans"]:
            lines.append("  spans inside those steps (ms):")
            for name, ms in sorted(s["spans"].items(), key=lambda kv: -kv[1]):
                if "whole run" in name:
                    continue
                lines.append(f"  {ms:8.1f}  {name}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    import argparse

    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        child(argv[1], argv[2])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    print(report(run_phases(args.runs)), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
