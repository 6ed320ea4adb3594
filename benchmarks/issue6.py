"""The measurements of issue 6, run in a 120x40 pty and turned into :class:`figures.Figure` s.

Each group of programs runs in rounds, alternately (briefing, the bare app, less,
Frogmouth, briefing, ...), after one unmeasured warm-up round, so a change in the
machine's load hits all of them alike; each figure is the median over the rounds.
A program whose run has a step slower than 5 s (or one that timed out) is run only
``slow_runs`` times (3; the table's ``n`` column says how many). ``less`` and
Frogmouth stop after a run that timed out.

Groups (``--only`` names):

seed     ``briefing SEED`` until its title; ``3`` then ``G`` until the last quote;
         less/Frogmouth on ``briefing show --plain SEED`` until the title, then
         ``G``/``end`` until the last line. The bare app: ``READY``, then ``s``.
switch   ``3`` until the first quote, in an 80x24 pty (at 120x40 every pane is on
         screen and ``3`` only moves the focus); the bare app's ``s`` beside it.
library  ``briefing LIBRARY`` of 5,000 generated briefs (library.py).
big      the 20,000-quote brief: first paint, ``3`` + ``G`` until the last quote,
         ``s`` (speaker picker), ``down``, ``enter`` until the quotes pane shows the
         first speaker's quotes; less/Frogmouth on its Markdown rendering.
validate ``briefing validate -q LIBRARY``: briefs per second (median of 3 runs).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import content  # noqa: E402
import fixtures  # noqa: E402
import ptyrun  # noqa: E402
from figures import Figure, Samples, Target  # noqa: E402
from ptyrun import Step, regex  # noqa: E402

SLOW_S = 5.0
MAX_ERRORS = 3  # failed runs of one program before it is given up
Progress = Callable[[str], None]


@dataclass
class Context:
    tmp: Path
    runs: int = 5
    slow_runs: int = 3
    warmup: int = 1
    timeout: float = 60.0
    cache: Path = fixtures.CACHE
    frogmouth: list[str] | None = None
    frogmouth_note: str = ""
    less: list[str] | None = None
    progress: Progress = lambda _msg: None  # noqa: E731

    @property
    def env(self) -> dict[str, str]:
        return fixtures.environment(self.tmp)


@dataclass
class Case:
    """One program in a group; ``steps`` and ``argv`` may depend on the run number."""

    label: str
    argv: Callable[[int], list[str]] | list[str]
    steps: Callable[[int], list[Step]] | list[Step]
    quit_key: str = "ctrl+q"
    cols: int = 120
    rows: int = 40
    runs: int = 5
    slow_runs: int = 3
    stop_on_timeout: bool = False  # the comparison programs: one timeout is enough
    warmup: bool = True
    outcomes: list[ptyrun.Outcome] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # runs that failed: not samples

    def run(self, env: dict[str, str], n: int, cwd: str) -> ptyrun.Outcome:
        argv = self.argv(n) if callable(self.argv) else self.argv
        steps = self.steps(n) if callable(self.steps) else self.steps
        return ptyrun.run(
            argv, env, steps, cols=self.cols, rows=self.rows, quit_key=self.quit_key, cwd=cwd
        )

    def record(self, out: ptyrun.Outcome, progress: Progress) -> None:
        """Keep a run's figures; a run that failed (the program exited early) is
        not a sample: it is noted and run again, up to MAX_ERRORS times."""
        if out.error:
            progress(f"    {self.label}: {out.error}\n{_indent(out.screen_text())}")
            self.errors.append(out.error)
            if len(self.errors) >= MAX_ERRORS:
                self.runs = len(self.outcomes)
            return
        self.outcomes.append(out)
        times = list(out.times.values())
        if any(t is None for t in times):
            late = next(label for label, t in out.times.items() if t is None)
            progress(
                f"    {self.label}: {late!r} timed out; the screen:\n{_indent(out.screen_text())}"
            )
        if out.quit_how not in ("key", "exited-by-itself"):
            progress(f"    {self.label}: the quit key did not end it ({out.quit_how})")
        if any(t is None for t in times) and self.stop_on_timeout:
            self.runs = len(self.outcomes)
        elif any(t is None or t > SLOW_S for t in times):
            self.runs = min(self.runs, max(self.slow_runs, len(self.outcomes)))

    def samples(self, label: str) -> Samples:
        return [o.times[label] for o in self.outcomes if label in o.times]

    def rss(self) -> Samples:
        return [o.rss_mib for o in self.outcomes if o.rss_mib is not None]


def failures(*cases: Case | None) -> str:
    """A note on the runs that failed (not counted), for a group's first figure."""
    parts = [
        f"{c.label}: {len(c.errors)} failed run(s) not counted ({c.errors[0]})"
        for c in cases
        if c is not None and c.errors
    ]
    return "; ".join(parts)


def join_notes(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def _indent(text: str) -> str:
    return "\n".join("      | " + line for line in text.splitlines()[:40])


def run_group(name: str, cases: list[Case], ctx: Context) -> None:
    """Warm-up round(s), then rounds until every case has its runs."""
    env = ctx.env
    cwd = str(fixtures.REPO)
    for i in range(ctx.warmup):
        for case in cases:
            if case.warmup:
                ctx.progress(f"  [{name}] warm-up {i + 1}: {case.label}")
                case.run(env, -1 - i, cwd)
    n = 0
    while any(len(c.outcomes) < c.runs for c in cases):
        n += 1
        started = time.perf_counter()
        for case in cases:
            if len(case.outcomes) < case.runs:
                case.record(case.run(env, len(case.outcomes), cwd), ctx.progress)
        ctx.progress(f"  [{name}] round {n} done ({time.perf_counter() - started:.1f} s)")


def bare_case(ctx: Context, cols: int = 120, rows: int = 40) -> Case:
    return Case(
        "bare app",
        fixtures.bare_command(),
        [
            Step("paint", ptyrun.text("READY"), timeout=ctx.timeout),
            Step("key", ptyrun.text("SWITCHED"), key="s", timeout=ctx.timeout),
        ],
        quit_key="q",
        cols=cols,
        rows=rows,
        runs=ctx.runs,
        slow_runs=ctx.slow_runs,
    )


def viewer_cases(
    ctx: Context, md: Path, title: str, brief: Path
) -> tuple[Case | None, Case | None]:
    """less and Frogmouth on ``md``: the title, its content (the title and the summary's
    first words: a linear document shows no more on its first screen), then G/end until
    the last line."""
    end = regex(fixtures.last_line(md))
    shown = content.content(brief, wide=False)
    less = frog = None
    if ctx.less:
        less = Case(
            "less",
            [*ctx.less, str(md)],
            [
                Step("paint", regex(title), timeout=ctx.timeout),
                Step("content", shown, timeout=ctx.timeout, settle=0),
                Step("end", end, key="G", timeout=ctx.timeout),
            ],
            quit_key="q",
            runs=ctx.runs,
            slow_runs=ctx.slow_runs,
            stop_on_timeout=True,
        )
    if ctx.frogmouth:
        frog = Case(
            "frogmouth",
            [*ctx.frogmouth, str(md)],
            [
                Step("paint", regex(title), timeout=ctx.timeout),
                Step("content", shown, timeout=ctx.timeout, settle=0),
                Step("end", end, key="end", timeout=ctx.timeout),
            ],
            runs=ctx.runs,
            slow_runs=ctx.slow_runs,
            stop_on_timeout=True,
        )
    return less, frog


def _viewer_samples(case: Case | None, label: str) -> Samples | None:
    return case.samples(label) if case else []


def _skipped(ctx: Context) -> str:
    parts = []
    if not ctx.less:
        parts.append("less: not installed; skipped")
    if not ctx.frogmouth:
        parts.append(ctx.frogmouth_note)
    return "; ".join(parts)


# ------------------------------------------------------------------------- groups


def measure_seed(ctx: Context) -> list[Figure]:
    md = fixtures.markdown(fixtures.SEED_BRIEF, ctx.tmp / "seed.md")
    title = regex(fixtures.SEED_TITLE)
    briefing = Case(
        "briefing SEED",
        fixtures.briefing_ui(ctx.tmp, fixtures.SEED_BRIEF),
        [
            Step("paint", title, timeout=ctx.timeout),
            Step("content", content.content(fixtures.SEED_BRIEF), timeout=ctx.timeout, settle=0),
            Step("focus quotes", None, key="3"),
            Step("end", regex(fixtures.seed_last_quote()), key="G", timeout=ctx.timeout),
        ],
        runs=ctx.runs,
        slow_runs=ctx.slow_runs,
    )
    bare = bare_case(ctx)
    less, frog = viewer_cases(ctx, md, fixtures.SEED_TITLE, fixtures.SEED_BRIEF)
    run_group("seed", [c for c in (briefing, bare, less, frog) if c], ctx)
    skipped = _skipped(ctx)
    return [
        Figure(
            "seed.content",
            "content, seed brief (ms)",
            briefing.samples("content"),
            bare.samples("paint"),
            _viewer_samples(less, "content"),
            _viewer_samples(frog, "content"),
            Target("ratio", 1.5),
            timeout=ctx.timeout,
            note="title and the first items of all six panes; less/Frogmouth: the title "
            "and the summary's first words (what their first screen shows)",
        ),
        Figure(
            "seed.paint",
            "  its title only (ms)",
            briefing.samples("paint"),
            bare.samples("paint"),
            _viewer_samples(less, "paint"),
            _viewer_samples(frog, "paint"),
            timeout=ctx.timeout,
            note=failures(briefing, bare, less, frog),
            skipped=skipped,
        ),
        Figure(
            "seed.end",
            "G to the end, seed brief (ms)",
            briefing.samples("end"),
            bare.samples("key"),
            _viewer_samples(less, "end"),
            _viewer_samples(frog, "end"),
            timeout=ctx.timeout,
            note="briefing: '3' then 'G' until the last quote; bare: 's'; less: 'G', "
            "Frogmouth: 'end' until the last line",
        ),
        Figure(
            "seed.rss",
            "peak memory, seed brief (MiB)",
            briefing.rss(),
            bare.rss(),
            less.rss() if less else [],
            frog.rss() if frog else [],
            Target("<", 60),
            scale=1,
            digits=1,
        ),
    ]


def measure_switch(ctx: Context) -> list[Figure]:
    briefing = Case(
        "briefing SEED, '3' (80x24)",
        fixtures.briefing_ui(ctx.tmp, fixtures.SEED_BRIEF),
        [
            Step("paint", regex(fixtures.SEED_TITLE), timeout=ctx.timeout),
            Step(
                "content",
                content.content(fixtures.SEED_BRIEF, wide=False),
                timeout=ctx.timeout,
                settle=0,
            ),
            Step("key", ptyrun.text(fixtures.SEED_QUOTE), key="3", timeout=ctx.timeout),
        ],
        cols=80,
        rows=24,
        runs=ctx.runs,
        slow_runs=ctx.slow_runs,
    )
    bare = bare_case(ctx, 80, 24)
    run_group("switch", [briefing, bare], ctx)
    return [
        Figure(
            "switch.content",
            "content, seed brief, 80x24 (ms)",
            briefing.samples("content"),
            bare.samples("paint"),
            target=Target("ratio", 1.5),
            timeout=ctx.timeout,
            note="the title and the first words of the summary (the pane shown at 80x24)",
        ),
        Figure(
            "switch.key",
            "section switch '3', 80x24 (ms)",
            briefing.samples("key"),
            bare.samples("key"),
            target=Target("<", 20),
            timeout=ctx.timeout,
            digits=1,
            note=join_notes(
                "until the first quote shows (one pane at a time at 80x24); "
                "bare: 's' until SWITCHED",
                failures(briefing, bare),
            ),
        ),
    ]


def measure_big(ctx: Context) -> list[Figure]:
    brief = fixtures.big_brief(ctx.cache)
    marks = fixtures.big_markers(brief)
    md = fixtures.markdown(brief, ctx.tmp / "big.md")
    t = ctx.timeout
    briefing = Case(
        "briefing BIG",
        fixtures.briefing_ui(ctx.tmp, brief),
        [
            Step("paint", regex(marks.title), timeout=t),
            Step("listed", regex(marks.first_quote), timeout=t, settle=0),
            Step("content", content.content(brief), timeout=t, settle=0),
            Step("focus quotes", None, key="3"),
            Step("end", regex(marks.last_quote), key="G", timeout=t),
            Step("picker", regex("Filter quotes by speaker"), key="s", timeout=t),
            Step("first speaker", None, key="down"),
            Step("filter", regex(marks.filtered), key="enter", timeout=t),
        ],
        # every run: only "listed" (no target) may take over 5 s
        runs=ctx.runs,
        slow_runs=ctx.runs,
    )
    bare = bare_case(ctx)
    less, frog = viewer_cases(ctx, md, marks.title, brief)
    if frog:
        frog.warmup = False  # it may take minutes
    run_group("big", [c for c in (briefing, bare, less, frog) if c], ctx)
    skipped = _skipped(ctx)
    big = f"{fixtures.BIG_QUOTES:,}-quote brief"
    return [
        Figure(
            "big.content",
            f"content, {big} (ms)",
            briefing.samples("content"),
            bare.samples("paint"),
            _viewer_samples(less, "content"),
            _viewer_samples(frog, "content"),
            Target("ratio", 2),
            timeout=t,
            note="title and the first items of all six panes; less/Frogmouth: title and summary",
        ),
        Figure(
            "big.paint",
            "  its title only (ms)",
            briefing.samples("paint"),
            bare.samples("paint"),
            _viewer_samples(less, "paint"),
            _viewer_samples(frog, "paint"),
            timeout=t,
            skipped=skipped,
            note=failures(briefing, bare, less, frog),
        ),
        Figure(
            "big.listed",
            "  its first quote listed (ms)",
            briefing.samples("listed"),
            bare.samples("paint"),
            timeout=t,
            note="from the spawn; no target",
        ),
        Figure(
            "big.end",
            "  '3', 'G': last quote shown (ms)",
            briefing.samples("end"),
            bare.samples("key"),
            _viewer_samples(less, "end"),
            _viewer_samples(frog, "end"),
            Target("<", 50),
            timeout=t,
            note="from 'G'; bare: 's'; less 'G', Frogmouth 'end' until the document's last line",
        ),
        Figure(
            "big.picker",
            "  's': speaker picker open (ms)",
            briefing.samples("picker"),
            bare.samples("key"),
            timeout=t,
            note="2,000 participants in the picker",
        ),
        Figure(
            "big.filter",
            "  filter by a speaker (ms)",
            briefing.samples("filter"),
            bare.samples("key"),
            target=Target("<=", 100),
            timeout=t,
            note=f"from 'enter' on {marks.speaker} in the picker until the pane shows "
            f"their {marks.speaker_quotes} quotes (title and first quote)",
        ),
        Figure(
            "big.rss",
            "  peak memory (MiB)",
            briefing.rss(),
            bare.rss(),
            less.rss() if less else [],
            frog.rss() if frog else [],
            Target("<", 120),
            scale=1,
            digits=1,
            note="VmHWM before quitting, after the filter",
        ),
    ]


def measure_validate(ctx: Context) -> list[Figure]:
    lib = fixtures.library(ctx.cache)
    argv = [*fixtures.briefing_command(), "validate", "-q", str(lib)]
    rates: Samples = []
    note = ""
    for i in range(ctx.warmup + 3):
        started = time.perf_counter()
        proc = subprocess.run(argv, capture_output=True, env=ctx.env, check=False)
        secs = time.perf_counter() - started
        if proc.returncode != 0:  # not a sample: the generated briefs are all valid
            note = (
                f"a run ended with exit status {proc.returncode} and was not counted: "
                f"{(proc.stdout + proc.stderr).decode()[-300:]}"
            )
        elif i >= ctx.warmup:
            rates.append(fixtures.LIBRARY_N / secs)
        ctx.progress(f"  [validate] run {i + 1}: {secs:.2f} s")
    return [
        Figure(
            "validate.rate",
            f"validate {fixtures.LIBRARY_N:,} briefs (briefs/s)",
            rates,
            target=Target(">=", 1000),
            scale=1,
            note=note or "whole process: `briefing validate -q LIBRARY`",
        )
    ]
