#!/usr/bin/env python3
"""Instructions to content: briefing against the bare Textual app, counted, not timed.

Run as ``python benchmarks/instructions.py [--sizes 120x40,80x24]`` (needs ``valgrind``;
about 20 s per program and size). Each program runs under ``valgrind --tool=callgrind``
in a real pseudo-terminal of the given size and exits (``os._exit``) right after it
writes the first frame holding its marker: the bare app's ``READY``, and for briefing
the seed brief's first quote at 120x40 (the quotes pane: all six panes come in the
same frame) or its summary's first words at 80x24 (the one pane shown there). The
brief is opened once beforehand, so the library index knows it, as it does for a
reader who has opened it before (the pty benchmarks' "known" figures).

Why count: wall times on this shared 2-core machine drift 10-30% with load, so a
change of a few percent hides in the noise; the number of instructions executed does
not depend on load (it varies by ~0.2% between runs). It is a diagnostic beside the
pty figures of ``run.py``, not a target: instructions are not all equally slow (a
cache miss or a system call costs more than its count).

``--phases`` adds the count to ``App.run`` (Python, the imports and building the app).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

MARKERS = {"120x40": "preliminary consensus", "80x24": "The United States"}
"""Per size, a run of the seed brief's text that only its content frame holds."""


def child(kind: str, marker: str, stop: str, args: list[str]) -> None:
    """Run ``kind`` and leave the process the moment a frame holding ``marker`` is written."""
    from textual.app import App
    from textual.drivers import linux_driver

    write = linux_driver.LinuxDriver.write

    def write_then_leave(self: linux_driver.LinuxDriver, data: str) -> None:
        write(self, data)
        if marker in data:
            os._exit(0)

    linux_driver.LinuxDriver.write = write_then_leave  # type: ignore[method-assign]
    if stop == "run":
        App.run = lambda self, *a, **k: os._exit(0)  # type: ignore[method-assign]
    if kind == "bare":
        from bare_app import Bare

        Bare().run()
        return
    from briefing.cli import main

    sys.exit(main(args))


def count(kind: str, size: str, brief: Path, env: dict[str, str], stop: str = "") -> int:
    """Instructions ``kind`` executes from its start to its content frame at ``size``."""
    import ttfp

    cols, rows = (int(n) for n in size.split("x"))
    marker = "READY" if kind == "bare" else MARKERS[size]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        argv = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            kind,
            marker,
            stop,
            str(brief),
        ]
        session = ttfp.Session(argv, cols, rows, env, str(HERE.parent), True, False, None)
        try:
            session.pump(time.perf_counter() + 300, until_exit=True)
        finally:
            session.close()
        match = re.search(r"^summary: (\d+)", out.read_text(), re.MULTILINE)
    if match is None:
        raise SystemExit(f"instructions.py: no count from {kind} at {size}")
    return int(match.group(1))


def known(brief: Path, env: dict[str, str]) -> None:
    """Open ``brief`` once and quit, so that the library index knows it."""
    import fixtures
    import ptyrun

    steps = [
        ptyrun.Step("content", ptyrun.text(fixtures.SEED_TITLE), timeout=60),
        # "1" (the summary, where it already is) only after a second of quiet: the
        # visit and what it saw are recorded by then, as after any real reading.
        ptyrun.Step("settled", None, key="1", settle=1.0),
    ]
    ptyrun.run([*fixtures.briefing_command(), str(brief)], env, steps, memory=False)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        child(argv[1], argv[2], argv[3], argv[4:])
        return 0
    import fixtures

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="120x40,80x24")
    parser.add_argument("--phases", action="store_true", help="also count to App.run")
    args = parser.parse_args(argv)
    if subprocess.run(["valgrind", "--version"], capture_output=True).returncode != 0:
        print("instructions.py: valgrind is not installed", file=sys.stderr)
        return 4
    fixtures.compile_sources()
    with tempfile.TemporaryDirectory() as tmp:
        env = fixtures.environment(Path(tmp))
        known(fixtures.SEED_BRIEF, env)
        stops = [("content", ""), ("App.run", "run")] if args.phases else [("content", "")]
        for size in args.sizes.split(","):
            for label, stop in stops:
                bare = count("bare", size, fixtures.SEED_BRIEF, env, stop)
                ours = count("briefing", size, fixtures.SEED_BRIEF, env, stop)
                print(
                    f"{size} to {label}: briefing {ours / 1e6:,.0f} M, bare {bare / 1e6:,.0f} M,"
                    f" ratio {ours / bare:.2f}x",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
