"""The summary draws its laid-out lines straight into strips (issue 15): the same strips,
segment by segment and style by style, as Textual's Content draws them joined into one
text and wrapped again; and a restyle (the focus leaving the pane) lays nothing out again."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from rich.style import Style as RichStyle
from textual.app import App, ComposeResult
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Static

from briefing.core.markdown_blocks import parse
from briefing.ui import summary_lines
from briefing.ui.summary_lines import SummaryLines
from briefing.ui.widgets.summary_view import SummaryView

SAMPLES = Path(__file__).resolve().parents[2] / "sample_briefs"

HOSTILE = (
    "# Title over a line\n\nIntro **bold** and *it* and `code`.\n\n- one\n  - inner item long"
    " enough to wrap around the pane\n- two\n\n3. three\n\n> quoted\n>\n> again\n\n---\n\n"
    "```\ncode\tblock  \n```\n\n| a | b |\n|---|---|\n| 中文 | 😀 wide |\n\n[link](https://x.y)\n"
)


def summaries() -> list[str]:
    texts = [HOSTILE]
    for path in sorted(SAMPLES.glob("*.toml")):
        texts.append(tomllib.loads(path.read_text(encoding="utf-8")).get("summary", ""))
    return texts


class Summary(App[None]):
    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield SummaryView(id="summary")

    def on_mount(self) -> None:
        self.query_one(SummaryView).set_markdown(self.markdown, parse(self.markdown))


def segments(strips: list[Strip]) -> list[list[tuple[str, RichStyle | None]]]:
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]


@pytest.mark.parametrize(
    "markdown", summaries(), ids=["hostile", *sorted(p.stem for p in SAMPLES.glob("*.toml"))]
)
async def test_the_summary_s_strips_are_textual_s(
    markdown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = Summary(markdown)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        static = app.query_one("#summary-text", Static)
        for width in (5, 13, 40, 77):
            for highlighted in (False, True):
                lines = SummaryLines(parse(markdown))
                if highlighted:
                    lines.highlighter = lambda text: [(0, 3)] if len(text) > 3 else []
                    lines.current = 1
                drawn = Static(lines)
                await app.mount(drawn)
                drawn.styles.width = width
                await pilot.pause()
                mine = segments(drawn.render_lines(drawn.region.reset_offset))
                # Textual's own way: the lines joined into one Content and drawn by it.
                monkeypatch.setattr(summary_lines, "as_is", lambda *args: False)
                drawn.refresh()
                textual = segments(drawn.render_lines(drawn.region.reset_offset))
                monkeypatch.undo()
                assert mine == textual, (width, highlighted)
                await drawn.remove()
        assert static.render_lines(static.region.reset_offset)


async def test_a_restyle_draws_the_summary_without_joining_its_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A restyle (the focus leaving the pane: a new background) draws the summary again:
    its lines, laid out at that width already, are drawn as they are, not joined into one
    Content and wrapped by it again."""
    app = Summary(summaries()[1])
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(SummaryView)
        view.focus()
        await pilot.pause()
        joined: list[Any] = []
        original = Content.render_strips

        def render_strips(self: Content, *args: Any) -> Any:
            joined.append(self)
            return original(self, *args)

        monkeypatch.setattr(Content, "render_strips", render_strips)
        static = app.query_one("#summary-text", Static)
        static.refresh()
        static.render_lines(static.region.reset_offset)
        assert joined == []


async def test_drawn_again_in_the_same_style_the_summary_reuses_its_strips(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Textual draws the summary again when its pane's title changes colour (the focus
    entering or leaving the pane) though nothing in it changed: the same style, the same
    theme, the same strips, not drawn line by line again."""
    app = Summary(summaries()[1])
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        static = app.query_one("#summary-text", Static)
        first = static.render_lines(static.region.reset_offset)
        drawn: list[int] = []
        original = summary_lines.line_segments

        def line_segments(line: Content, y: int, *args: Any) -> Any:
            drawn.append(y)
            return original(line, y, *args)

        monkeypatch.setattr(summary_lines, "line_segments", line_segments)
        static.refresh()
        again = static.render_lines(static.region.reset_offset)
        assert drawn == []
        assert segments(again) == segments(first)
        app.theme = "textual-light"  # another theme: drawn again, in its colours
        await pilot.pause()
        static.render_lines(static.region.reset_offset)
        assert drawn
