#!/usr/bin/env python3
"""The brief's lists at scale: a 20,000-quote brief against the 8-quote seed brief.

    python benchmarks/lists.py [--runs N] [--workdir DIR]

Everything runs in this process with ``App.run_test()`` at 120x40 (the wide layout:
every pane on screen), a stopped clock and no animations. Each figure is the median
of N runs (default 5) and is printed beside the same operation on the seed brief
(``sample_briefs/us-china-trade-talks-kuala-lumpur.toml``), with the ratio:

* open: from entering ``run_test`` until the quotes pane shows the first quote;
* G: with the quotes focused, from pressing ``G`` until the last quote is on screen;
* filter: in the speaker picker (``s``, ``j``), from ``enter`` until the first quote
  of that speaker is on screen;
* tick: the countdowns' one-second tick (the screen's ``tick``) until repainted, on
  the seed brief (2 deadlines) against a brief with 2,000 deadlines.

"On screen" is checked on what the compositor draws (the screen rendered as text,
cropped to the quotes list), and that full render is part of each figure, as a
terminal would need it too. The big briefs are made by ``benchmarks/generate.py``
(seed 1: 20,000 quotes and 2,000 participants).

To compare with another version of briefing, run this script from a copy of that
version with ``PYTHONPATH`` set to the copy (a path on ``PYTHONPATH`` comes before
the virtualenv's editable install).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py)

SEED = REPO / "sample_briefs" / "us-china-trade-talks-kuala-lumpur.toml"
SIZE = (120, 40)
START = datetime(2025, 10, 26, 11, 0, tzinfo=UTC)
TIMEOUT = 120.0


def words(text: str, n: int = 5) -> str:
    return " ".join(text.split()[:n])


def screen_text(app: Any) -> str:
    """The whole screen as the compositor draws it, as plain text (as tests/ui/uihelpers.py)."""
    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)


def list_text(app: Any, widget: Any) -> str:
    """What the compositor draws inside ``widget``, words joined by single spaces."""
    lines = screen_text(app).splitlines()
    region = widget.region
    cropped = [line[region.x : region.right] for line in lines[region.y : region.bottom]]
    return " ".join(" ".join(cropped).split())


async def until(check: Callable[[], bool]) -> None:
    """Poll ``check`` every millisecond (Pilot.press and pause add ~100 ms of waiting for idle)."""
    deadline = time.perf_counter() + TIMEOUT
    while not check():
        if time.perf_counter() > deadline:
            raise SystemExit("lists.py: timed out waiting for the screen")
        await asyncio.sleep(0.001)


def press(app: Any, key: str) -> None:
    """Send ``key`` as the terminal would, without waiting for anything."""
    from textual import events

    app.post_message(events.Key(key, key if len(key) == 1 else None))


def make_app(path: Path) -> Any:
    from briefing.core.clock import ManualClock
    from briefing.ui.launch import build_app

    app = build_app(path=path, clock=ManualClock(START))
    app.animation_level = "none"
    return app


async def measure(path: Path) -> dict[str, float]:
    """One run on ``path``: open, G and filter, in seconds."""
    from briefing.ui.screens.brief import BriefScreen

    out: dict[str, float] = {}
    app = make_app(path)
    t0 = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: isinstance(app.screen, BriefScreen) and app.screen.ready.is_set())
        screen = app.screen
        brief = screen.brief
        quotes = screen.query_one("#quotes")
        first, last = words(brief.quotes[0].text), words(brief.quotes[-1].text)
        await until(lambda: first in list_text(app, quotes))
        out["open"] = time.perf_counter() - t0

        await pilot.press("3")
        await pilot.pause()
        t0 = time.perf_counter()
        press(app, "G")
        await until(lambda: last in list_text(app, quotes))
        out["G"] = time.perf_counter() - t0

        await pilot.press("s")
        await until(lambda: app.screen is not screen)
        picker = app.screen
        speaker = picker.choices[1][0]
        wanted = words(next(q.text for q in brief.quotes if q.speaker == speaker))
        await pilot.press("j")
        await pilot.pause()
        t0 = time.perf_counter()
        press(app, "enter")
        await until(lambda: app.screen is screen and wanted in list_text(app, quotes))
        out["filter"] = time.perf_counter() - t0
    return out


async def measure_tick(path: Path, ticks: int = 5) -> float:
    """The median time of a countdown tick until repainted, in seconds."""
    from briefing.ui.screens.brief import BriefScreen

    app = make_app(path)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: isinstance(app.screen, BriefScreen) and app.screen.ready.is_set())
        screen = app.screen
        deadlines = screen.query_one("#deadlines")
        await pilot.pause()
        for _ in range(ticks):
            app.clock.advance(1)
            t0 = time.perf_counter()
            screen.tick()
            list_text(app, deadlines)
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def many_deadlines(out: Path, n: int) -> None:
    rng = random.Random(1)
    brief = generate.make_brief(rng, 20, 10, 0)
    brief["title"] = f"Synthetic brief with {n} deadlines"
    brief["deadlines"] = [
        {
            "id": f"d{i}",
            "title": f"Decision on {rng.choice(generate.TOPICS)} due ({i + 1})",
            "due": generate._when(rng, -90, 400),
            "status": "open",
        }
        for i in range(n)
    ]
    generate.write_brief(brief, out)


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--workdir", type=Path, help="where to generate (default: a temp dir)")
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="briefing-lists-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["BRIEFING_DATA_DIR"] = str(work / "data")
    os.environ["BRIEFING_CONFIG_DIR"] = str(work / "config")
    big, dead = work / "big.toml", work / "deadlines.toml"
    if not big.exists():
        generate.big(1, 20_000, 2_000, big)
    if not dead.exists():
        many_deadlines(dead, 2_000)

    asyncio.run(measure(SEED))  # warm-up: imports, CSS, caches
    runs: dict[str, dict[str, list[float]]] = {"seed": {}, "big": {}}
    for _ in range(args.runs):
        for name, path in (("seed", SEED), ("big", big)):
            for key, value in asyncio.run(measure(path)).items():
                runs[name].setdefault(key, []).append(value)
        runs["seed"].setdefault("tick", []).append(asyncio.run(measure_tick(SEED)))
        runs["big"].setdefault("tick", []).append(asyncio.run(measure_tick(dead)))

    print(f"medians of {args.runs} runs, in process, {SIZE[0]}x{SIZE[1]}")
    print(f"{'':8}{'seed brief':>14}{'big brief':>14}{'ratio':>9}")
    labels = {"open": "open", "G": "G", "filter": "filter", "tick": "tick"}
    for key, label in labels.items():
        seed = statistics.median(runs["seed"][key])
        large = statistics.median(runs["big"][key])
        print(f"{label:8}{fmt(seed):>14}{fmt(large):>14}{large / seed:8.1f}x")
    print("big brief: 20,000 quotes and 2,000 participants (tick: 2,000 deadlines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
