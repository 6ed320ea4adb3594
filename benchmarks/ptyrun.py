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
import select
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


class Session(ttfp.Session):
    """ttfp's session, reading as a terminal does and timing each step at the read of the
    output that showed its marker.

    Two things made a large frame look slower than it was written, by up to 20 ms for the
    reader's 16-23 KB first frame against the bare app's 5 KB (pyte parses about 4 KB in
    3-4 ms, a terminal in well under 0.1 ms):

    * ttfp parses what it read before reading on, and the pty passes at most 4 KB at a time
      (the line discipline's buffer), so the program's write of a frame waited for pyte at
      every 4 KB. Here reading goes on while the program goes on writing (:meth:`_drain`).
    * ttfp stops asking a predicate once it holds and feeds the rest of what it read; a
      later step then found its marker "already" on screen and was timed when it looked,
      after the whole frame was parsed. Here the emulator is fed one chunk at a time
      (``fed_at``: that chunk's read time), so a step is timed at the chunk that showed
      its marker even when an earlier step's wait fed it (:func:`_watching`).
    """

    fed_at = 0.0
    GAP_S = 0.002  # the program paused this long: what it wrote so far is all read
    BURST_S = 0.2  # never read on longer than this before parsing (a program that never stops)

    def _drain(self) -> list[tuple[float, bytes]]:
        chunks = super()._drain()
        if not chunks:
            return chunks
        until = chunks[0][0] + self.BURST_S
        while not self.eof and time.perf_counter() < until:
            readable, _, _ = select.select([self.master], [], [], self.GAP_S)
            more = super()._drain() if readable else []
            if not more:
                break
            chunks += more
        return chunks

    def _feed(self, chunks: list[tuple[float, bytes]], pred: Pred | None) -> float | None:
        hit = None
        for t, data in chunks:
            self.fed_at = t
            got = super()._feed([(t, data)], pred)
            hit = got if hit is None else hit
        return hit


def _watching(sess: Session, group: list[Step], seen: dict[str, float]) -> Pred:
    """A predicate for the first step of ``group`` (steps without a key, one after the
    other) that also notes, in ``seen``, the read time at which each step's marker first
    showed."""

    def check(screen: str) -> bool:
        for step in group:
            if step.label not in seen and step.pred is not None and step.pred(screen):
                seen[step.label] = sess.fed_at
        return group[0].label in seen

    return check


def _keyless_from(steps: list[Step], i: int) -> list[Step]:
    """Step ``i`` and the steps without a key right after it."""
    group = [steps[i]]
    for step in steps[i + 1 :]:
        if step.key is not None or step.pred is None:
            break
        group.append(step)
    return group


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
        sess = Session(argv, cols, rows, env, cwd, True, False, None)
    except ttfp.Failure as failure:
        out.error = failure.message
        return out
    seen: dict[str, float] = {}  # steps without a key: when their marker first showed
    try:
        for i, step in enumerate(steps):
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
            if step.label in seen:  # its marker showed while an earlier step waited
                hit, why = seen[step.label], "marker"
            else:
                watch = _watching(sess, _keyless_from(steps, i), seen)
                hit, why = sess.pump(start + step.timeout, watch)
                hit = seen.get(step.label, hit)  # the chunk's read time, even "already"
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
