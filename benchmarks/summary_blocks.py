"""Issue 15, the summary: the CPU time of opening a brief the library index knows.

Each run is a fresh Python (imports count, as they do for a user) with its own data
folder: a first ``briefing FILE`` on the seed brief (120x40, headless ``run_test``)
validates it and keeps its content in the index; a second process opens it again,
known. Each reports (the known opening is the figure of issue 15), in CPU time of the
process (``time.process_time``):

- ``open``: from the app being built until the brief is in its panes (the screen's
  ``ready`` event);
- ``summary``: the part of that spent putting the summary into its widget
  (``SummaryView``'s filling call, Markdown imports included), and the first render
  of its lines at the pane's width;
- whether ``rich.markdown`` and ``markdown_it`` were imported, and the peak memory.

``python benchmarks/summary_blocks.py [RUNS]`` prints each run and the medians.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "sample_briefs" / "us-china-trade-talks-kuala-lumpur.toml"


async def _open(path: Path) -> dict[str, object]:
    from briefing.ui.launch import build_app
    from briefing.ui.widgets import summary_view

    spent = [0.0]
    view_class = summary_view.SummaryView
    filling = "set_blocks" if hasattr(view_class, "set_blocks") else "set_markdown"
    real = getattr(view_class, filling)

    def timed(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.process_time()
        try:
            return real(self, *args, **kwargs)
        finally:
            spent[0] += time.process_time() - start

    setattr(view_class, filling, timed)
    start = time.process_time()
    app = build_app(path=path)
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):
            screen = app.screen
            if getattr(screen, "ready", None) is not None and screen.ready.is_set():
                break
            await pilot.pause(0.01)
        opened = time.process_time() - start
        view = app.screen.query_one(view_class)
        static = view.query_one("#summary-text")
        render_start = time.process_time()
        static.render_lines(static.region.reset_offset)
        rendered = time.process_time() - render_start
        await pilot.press("ctrl+q")
    return {
        "open_ms": opened * 1000,
        "summary_ms": (spent[0] + rendered) * 1000,
        "rich.markdown": "rich.markdown" in sys.modules,
        "markdown_it": "markdown_it" in sys.modules,
        "pydantic (validated)": "pydantic" in sys.modules,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _child(path: str) -> None:
    print(json.dumps(asyncio.run(_open(Path(path)))))


def _run(data: Path) -> dict[str, object]:
    env = dict(os.environ, BRIEFING_DATA_DIR=str(data / "d"), BRIEFING_CONFIG_DIR=str(data / "c"))
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(SEED)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=True,
    )
    figures: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    first: list[dict[str, object]] = []
    known: list[dict[str, object]] = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            first.append(_run(Path(folder)))  # first open: validated, kept in the index
            known.append(figures := _run(Path(folder)))
            print(figures)
    for label, found in (("first open", first), ("known", known)):
        for name in ("open_ms", "summary_ms", "peak_mib"):
            values = [float(str(f[name])) for f in found]
            listed = ", ".join(f"{v:.1f}" for v in values)
            print(f"{label} {name}: median {statistics.median(values):.1f} ({listed})")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2])
    else:
        main()
