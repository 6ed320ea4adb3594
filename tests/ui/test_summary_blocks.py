"""The reader draws the summary from its parsed blocks (issue 15), never Rich's Markdown.

A brief the library index knows carries its summary parsed (kept beside its content),
so opening it imports neither ``rich.markdown`` nor ``markdown_it``; the blocks are drawn
with Textual's Content, their styles taken from the theme.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

from briefing.core.markdown_blocks import parse
from briefing.ui.widgets.summary_view import SummaryView

from .uihelpers import settle

OPEN_TWICE = """
import asyncio, sys
from briefing.ui.launch import build_app
from briefing.ui.screens.brief import BriefScreen

async def open_once() -> None:
    app = build_app(path=sys.argv[1])
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(600):
            screen = app.screen
            if isinstance(screen, BriefScreen) and screen.ready.is_set():
                break
            await pilot.pause(0.01)
        assert isinstance(app.screen, BriefScreen) and app.screen.ready.is_set()
        for _ in range(600):  # the first time, the worker keeps the brief in the index
            if not any(w.name == 'load_entry' and w.is_running for w in app.workers):
                break
            await pilot.pause(0.01)
        assert 'Kuala Lumpur' in str(app.screen.query_one('#summary-text').render_lines(
            app.screen.query_one('#summary-text').region.reset_offset))
        await pilot.press('ctrl+q')

asyncio.run(open_once())
print(sorted(m for m in sys.modules if m.startswith(('rich.markdown', 'markdown_it', 'pydantic'))))
"""


def open_in_a_fresh_process(path: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", OPEN_TWICE, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return eval(done.stdout.strip().splitlines()[-1])  # a list of names, printed above


def test_opening_a_known_brief_imports_neither_rich_markdown_nor_markdown_it(
    seed_brief_path: Path,
) -> None:
    first = open_in_a_fresh_process(seed_brief_path)
    assert "pydantic" in first  # validated, then kept in the index (parsed in the worker)
    again = open_in_a_fresh_process(seed_brief_path)
    assert "pydantic" not in again  # known: built from the index
    assert not [m for m in again if m.startswith(("rich.markdown", "markdown_it"))], again


class Summary(App[None]):
    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield SummaryView()

    def on_mount(self) -> None:
        self.query_one(SummaryView).set_markdown(self.markdown, parse(self.markdown))


async def drawn(markdown: str, size: tuple[int, int] = (60, 40)) -> list[str]:
    app = Summary(markdown)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        static = app.query_one("#summary-text", Static)
        lines = static.render_lines(static.region.reset_offset)
        return ["".join(segment.text for segment in line).rstrip() for line in lines]


async def test_lists_quotes_and_headings_are_drawn_with_their_marks() -> None:
    text = "## Where\n\nIntro **bold**.\n\n- one\n  - inner\n- two\n\n3. three\n\n> said\n\n---\n"
    lines = [line for line in await drawn(text) if line.strip()]
    assert lines[0].strip() == "Where"
    assert lines[1] == "Intro bold."
    assert lines[2] == "• one"
    assert lines[3] == "  ◦ inner"
    assert lines[4] == "• two"
    assert lines[5] == "3. three"
    assert lines[6] == "▌ said"
    assert set(lines[7]) == {"─"}


async def test_a_wrapped_item_keeps_its_hanging_indent() -> None:
    lines = [line for line in await drawn("- " + "word " * 30, size=(30, 40)) if line.strip()]
    assert lines[0].startswith("• word")
    assert len(lines) > 2 and all(line.startswith("  word") for line in lines[1:])


async def test_hostile_markdown_draws_clean() -> None:
    hostile = (
        "[bold red]x[/] \x1b[31mred\x1b[0m \x07 <script>y</script> [a](javascript:alert(1))\n\n"
        + ">" * 2000
        + " deep\n\n"
        + "".join("  " * n + "- level\n" for n in range(200))
    )
    for size in ((20, 40), (100, 40)):
        text = "\n".join(await drawn(hostile, size))
        assert "\x1b" not in text and "\x07" not in text
        assert "deep" in text and "level" in text
    assert "[bold red]x[/]" in text and "<script>y</script>" in text


async def test_the_summary_follows_a_change_of_theme(make_app, repo_root: Path) -> None:
    """Its styles are the theme's (component classes), taken again when the theme changes."""
    app = make_app(path=repo_root / "tests/data/summary/every-block.toml", theme="briefing-dark")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)

        def heading_colour() -> object:
            static = app.screen.query_one("#summary-text", Static)
            line = static.render_lines(static.region.reset_offset)[0]
            return next(s.style.color for s in line if s.text.strip() and s.style)

        dark = heading_colour()
        app.theme = "briefing-light"
        await settle(pilot)
        assert heading_colour() != dark
