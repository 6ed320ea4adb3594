"""Scripted runs of a terminal program in a pseudo-terminal, on top of ``ttfp.py``.

A *scenario* is a command and a list of :class:`Step` s. Each step optionally
writes a key to the pty, then waits until a predicate holds on the emulated
screen; its figure is the time from the key (or, for a step without a key, from
just before the spawn) until the screen output that made the predicate true was
read. A step that does not happen within its timeout is recorded as ``None``
("over N s") and ends the run, but it is not an error: :func:`run` always
returns a :class:`Outcome`.

Peak memory is the largest ``VmHWM`` of the program's session read just before
the quit key is sent (``ttfp.session_hwm_kib``), falling back to the
``ru_maxrss`` of the reaped process.

    python benchmarks/ptyrun.py [--cols C --rows R] [--key K] MARKER -- COMMAND...

prints the screen once MARKER (a regex) shows (and after each --key), which
helps to pick markers.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ttfp  # noqa: E402  (benchmarks/ttfp.py)

Pred = Callable[[str], bool]


def regex(pattern: str) -> Pred:
    """A predicate true when ``pattern`` (multi-line regex) matches the screen text."""
    pat = re.compile(pattern, re.MULTILINE)
    return lambda text: pat.search(text) is not None


def text(marker: str) -> Pred:
    """A predicate true when ``marker`` is on screen."""
    return lambda screen: marker in screen


def all_of(*preds: Pred) -> Pred:
    return lambda screen: all(p(screen) for p in preds)


def wrapped(words: str) -> str:
    """A regex for ``words`` as a widget may wrap them: any line break (and the
    borders and scroll bars around it) may come between two words."""
    gap = r"(?:[ \t]+|[ \t]*[^\n]*\n[^\n]*?[ \t]*)"
    return gap.join(re.escape(word) for word in words.split())


@dataclass
class Step:
    label: str
    pred: Pred | None  # None: only send the key (the next step settles first)
    key: str | None = None  # written to the pty before waiting; None: time from spawn
    timeout: float = 30.0
    settle: float = 0.3  # before the key, wait until the program wrote nothing this long


@dataclass
class Outcome:
    times: dict[str, float | None] = field(default_factory=dict)  # None: timed out
    rss_mib: float | None = None
    screen: list[str] = field(default_factory=list)  # as it was before quitting
    screens: dict[str, list[str]] = field(default_factory=dict)  # after each step
    error: str | None = None  # the program exited early, or could not start
    quit_how: str = ""  # "key", or the signal that ended it when the quit key did not

    def screen_text(self) -> str:
        return ttfp.screen_text(self.screen)


def run(
    argv: list[str],
    env: dict[str, str],
    steps: list[Step],
    *,
    cols: int = 120,
    rows: int = 40,
    cwd: str | None = None,
    quit_key: str = "ctrl+q",
    memory: bool = True,
) -> Outcome:
    """Run ``argv`` once through ``steps``; never raises for a slow or dead program."""
    out = Outcome()
    try:
        sess = ttfp.Session(argv, cols, rows, env, cwd, True, False, None)
    except ttfp.Failure as failure:
        out.error = failure.message
        return out
    try:
        for step in steps:
            if step.key is None:
                start = sess.t0
            else:
                if step.settle > 0:
                    sess.pump(time.perf_counter() + max(step.settle * 10, 2.0), quiet=step.settle)
                if sess.exited:
                    out.error = f"exited (status {sess.returncode}) before {step.label!r}"
                    break
                if step.pred is not None and step.pred(sess.term.text()):
                    out.error = f"the marker of {step.label!r} was on screen before its key"
                    break
                try:
                    start = sess.send(ttfp.parse_key(step.key))
                except OSError:
                    out.error = f"the program went away before {step.label!r}"
                    break
            if step.pred is None:
                continue
            hit, why = sess.pump(start + step.timeout, step.pred)
            if hit is None:
                out.times[step.label] = None
                if why == "exited":
                    out.error = f"exited (status {sess.returncode}) before {step.label!r}"
                break
            out.times[step.label] = hit - start
            out.screens[step.label] = sess.term.lines()
        for step in steps:  # what was not reached (timeout, early exit) counts as None
            if step.pred is not None:
                out.times.setdefault(step.label, None)
        out.screen = sess.term.lines()
        if memory and not sess.exited:
            hwm = ttfp.session_hwm_kib(sess.proc.pid)
            if hwm is not None:
                out.rss_mib = hwm / 1024.0
        _, out.quit_how = sess.stop(ttfp.parse_key(quit_key) if quit_key else None, 3.0)
        if out.rss_mib is None and memory and sess.rusage is not None:
            out.rss_mib = sess.rusage.ru_maxrss / 1024.0
    finally:
        sess.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Show the screen of a program at a marker.")
    ap.add_argument("--cols", type=int, default=120)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--key", action="append", default=[], help="KEY or KEY=REGEX (repeatable)")
    ap.add_argument("--quit-key", default="ctrl+q")
    ap.add_argument("marker")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    steps = [Step("start", regex(args.marker), timeout=args.timeout)]
    for n, spec in enumerate(args.key, 1):
        key, _, pattern = spec.partition("=")
        steps.append(
            Step(
                f"key{n} {key}", regex(pattern) if pattern else None, key=key, timeout=args.timeout
            )
        )
    env = dict(os.environ, TERM="xterm-256color")
    out = run(command, env, steps, cols=args.cols, rows=args.rows, quit_key=args.quit_key)
    shown = []
    for step in steps:
        value = out.times.get(step.label, "not reached")
        screen = ttfp.screen_text(out.screens.get(step.label, out.screen))
        shown.append(f"--- after {step.label}: {value}\n{screen}")
    shown.append(f"--- peak RSS {out.rss_mib} MiB; error: {out.error}")
    print("\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
