"""The in-app figures of issue 15: entering a brief from the library, leaving it, a tick.

enter  ``briefing LIB`` on a library of two sample briefs (Northwind Robotics, then
       the US-China seed brief, newest first) in a 120x40 pty: ``enter`` on the first
       row until that brief's content is on screen (title and the first items of all
       six panes: the first brief of the session), ``escape`` until the library's
       title is back, ``down`` + ``enter`` until the second brief's content shows.
tick   in process (``App.run_test`` at 120x40, a manual clock): one countdown tick of
       the reader on a brief with 10,000 deadlines (the screen's ``tick`` and the
       whole screen composed again), in CPU time (``time.process_time``), so the
       other engineers' load does not count; the median of 10 ticks.
wide   in process, 160x48: ``3`` until the Quotes list has the focus and the summary has
       lost it (each widget handles its focus event, and restyles, in its own task), then
       the screen's next frame at once, as its frame timer runs it (``frame``: the layout
       it was asked for, the widgets that changed drawn, the compositor's update that
       goes to the terminal), without waiting for that 60 fps timer (0-17 ms of idle
       time no app's work decides). At 160x48 all six panes are on screen and ``3`` only
       moves the focus, which a text-only terminal emulator cannot see. (Until the
       issue-15 switch work, this figure ended with a full compose of the whole screen
       instead of the frame: more than Textual draws for a change of focus.)
narrow the same at 80x24, where ``3`` shows the Quotes pane in place of the summary's (the
       frame lays the screen out and draws it whole).
"""

from __future__ import annotations

import asyncio
import gc
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import content  # noqa: E402
import fixtures  # noqa: E402
import lists  # noqa: E402
import ptyrun  # noqa: E402
from figures import Figure, Target  # noqa: E402
from issue6 import Case, Context, failures, run_group  # noqa: E402
from ptyrun import Step, regex  # noqa: E402

SAMPLES = fixtures.REPO / "sample_briefs"
FIRST = SAMPLES / "board-meeting-northwind-robotics.toml"  # newest: the first row
SECOND = fixtures.SEED_BRIEF
TICK_DEADLINES = 10_000


def two_briefs(ctx: Context) -> Path:
    """A library of the two samples (Northwind Robotics first, then the seed brief)."""
    lib = ctx.tmp / "two-briefs"
    lib.mkdir(exist_ok=True)
    for brief in (FIRST, SECOND):
        shutil.copy(brief, lib / brief.name)
    return lib


def measure_enter(ctx: Context) -> list[Figure]:
    lib = two_briefs(ctx)
    library = regex(r"Library · 2 briefs")
    t = ctx.timeout
    briefing = Case(
        "briefing LIB (two briefs)",
        lambda n: fixtures.briefing_ui(ctx.tmp, lib, ctx.tmp / f"enter-data-{n}"),
        [
            Step("rows", library, timeout=t),
            Step("first", content.content(FIRST), key="enter", timeout=t),
            Step("back", library, key="escape", timeout=t),
            Step("down", None, key="down"),
            Step("second", content.content(SECOND), key="enter", timeout=t),
        ],
        runs=ctx.runs,
        slow_runs=ctx.slow_runs,
    )
    # The floor of any Textual app for escape: a lone ESC is only known not to start a key
    # sequence once Textual's input thread has waited (ESCDELAY, polled every 100 ms).
    bare = bare_escape_case(ctx)
    run_group("enter", [briefing, bare], ctx)
    return [
        Figure(
            "enter.first",
            "enter on a row: all panes filled, 1st brief (ms)",
            briefing.samples("first"),
            target=Target("<", 100),
            timeout=t,
            digits=1,
            note=join(
                "the first brief of the session; title and first items of all six panes",
                failures(briefing),
            ),
        ),
        Figure(
            "enter.back",
            "  escape back to the library (ms)",
            briefing.samples("back"),
            bare.samples("key"),
            timeout=t,
            digits=1,
            note="in a pty: bare is the bare app's own escape to repaint; the target (<30 ms) "
            "is on the in-process figure, as Textual's escape wait is no app's work",
        ),
        Figure(
            "enter.second",
            "  enter on another row, 2nd brief (ms)",
            briefing.samples("second"),
            target=Target("<", 100),
            timeout=t,
            digits=1,
        ),
    ]


def bare_escape_case(ctx: Context) -> Case:
    """The bare app, repainting on ``escape`` (its 's' binding's action)."""
    return Case(
        "bare app (escape)",
        fixtures.bare_command(),
        [
            Step("paint", ptyrun.text("READY"), timeout=ctx.timeout),
            Step("key", ptyrun.text("SWITCHED"), key="escape", timeout=ctx.timeout),
        ],
        quit_key="q",
        runs=ctx.runs,
        slow_runs=ctx.slow_runs,
    )


def join(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def compose(app) -> None:
    """The whole screen composed once, as a terminal needs it (not turned into text: the
    Rich export of 120x40 cells alone takes ~10 ms and is no work of briefing's)."""
    app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)


async def _tick_cpu(path: Path, ticks: int = 10) -> float:
    from briefing.ui.screens.brief import BriefScreen

    app = lists.make_app(path)
    times = []
    async with app.run_test(size=lists.SIZE) as pilot:
        await lists.until(lambda: isinstance(app.screen, BriefScreen) and app.screen.ready.is_set())
        screen = app.screen
        await pilot.pause()
        for _ in range(ticks):
            app.clock.advance(1)
            t0 = time.process_time()
            screen.tick()
            compose(app)
            times.append(time.process_time() - t0)
    return statistics.median(times)


async def _escape(library: Path) -> float:
    """In process: ``escape`` in the first brief until the library is the screen again and
    the whole screen is composed (the app's own work, without the terminal's escape wait)."""
    from briefing.ui.screens.brief import BriefScreen
    from briefing.ui.screens.library import LibraryScreen

    app = lists.make_app(library)
    async with app.run_test(size=lists.SIZE) as pilot:
        await lists.until(
            lambda: isinstance(app.screen, LibraryScreen) and len(app.screen.entries) == 2
        )
        await pilot.pause()
        lists.press(app, "enter")
        await lists.until(lambda: isinstance(app.screen, BriefScreen) and app.screen.ready.is_set())
        await pilot.pause()
        t0 = time.perf_counter()
        lists.press(app, "escape")
        await lists.until(lambda: isinstance(app.screen, LibraryScreen))
        compose(app)
        return time.perf_counter() - t0


def frame(app) -> None:
    """The screen's next frame at once, as its frame timer would run it (``_on_timer_update``:
    a layout if one was asked for, the widgets that changed drawn, the update composed)."""
    app.screen._on_timer_update()


async def _switch(size: tuple[int, int]) -> tuple[float, float]:
    """``3`` from the summary: (wall, CPU) seconds."""
    from briefing.ui.screens.brief import BriefScreen

    app = lists.make_app(fixtures.SEED_BRIEF)
    async with app.run_test(size=size) as pilot:
        await lists.until(lambda: isinstance(app.screen, BriefScreen) and app.screen.ready.is_set())
        await pilot.pause()
        quotes, summary = app.screen.query_one("#quotes"), app.screen.query_one("#summary")
        # The garbage of the apps run before in this process (the 10,000-deadline brief's)
        # is collected first: a full collection of it inside the window took 60-130 ms.
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        lists.press(app, "3")
        # Each widget handles its focus event in its own task: both, with their restyles.
        await lists.until(lambda: quotes.has_focus and not summary.has_focus)
        frame(app)
        return time.perf_counter() - t0, time.process_time() - c0


def measure_inprocess(ctx: Context) -> list[Figure]:
    brief = ctx.tmp / "deadlines.toml"
    if not brief.exists():
        lists.many_deadlines(brief, TICK_DEADLINES)
    library = two_briefs(ctx)
    ticks, wide, narrow, escapes = [], [], [], []
    for i in range(ctx.warmup + ctx.runs):
        tick = asyncio.run(_tick_cpu(brief))
        switch, switch_cpu = asyncio.run(_switch((160, 48)))
        switch_narrow, narrow_cpu = asyncio.run(_switch((80, 24)))
        escape = asyncio.run(_escape(library))
        if i >= ctx.warmup:
            ticks.append(tick)
            wide.append(switch)
            narrow.append(switch_narrow)
            escapes.append(escape)
        ctx.progress(
            f"  [inproc] run {i + 1}: tick {tick * 1000:.1f} ms, '3' {switch * 1000:.1f} ms"
            f" (CPU {switch_cpu * 1000:.1f}; 80x24: {switch_narrow * 1000:.1f} ms,"
            f" CPU {narrow_cpu * 1000:.1f}), escape {escape * 1000:.1f} ms"
        )
    return [
        Figure(
            "escape.app",
            "escape back to the library, in process (ms)",
            escapes,
            target=Target("<", 30),
            digits=1,
            note="in process, 120x40: from the escape key event until the library is the "
            "screen and the whole screen is composed (the pty figure adds the terminal's "
            "escape wait, the bare app's own escape)",
        ),
        Figure(
            "tick.cpu",
            f"countdown tick, {TICK_DEADLINES:,} deadlines (CPU ms)",
            ticks,
            target=Target("<", 5),
            digits=2,
            note="in process: the reader's tick and the screen composed again; CPU time",
        ),
        Figure(
            "switch.wide",
            "section switch '3', 160x48 (ms)",
            wide,
            target=Target("<", 20),
            digits=1,
            note="in process: until the Quotes list has the focus and the screen's next frame "
            "is composed (without waiting for Textual's 60 fps frame timer)",
        ),
        Figure(
            "switch.narrow",
            "section switch '3', 80x24, in process (ms)",
            narrow,
            target=Target("<", 20),
            digits=1,
            note="in process, as at 160x48 (the frame lays the Quotes pane out); the pty "
            "figure adds the terminal's reading and drawing, and the frame timer's wait",
        ),
    ]
