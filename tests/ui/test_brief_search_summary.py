"""``/`` highlights its matches in the Markdown summary; ``n`` scrolls to each one."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from briefing.core.find import Finder
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets.summary_view import SummaryView

from .uihelpers import NARROW, WIDE, settle

SEED = "us-china-trade-talks-kuala-lumpur.toml"


def reversed_words(view: SummaryView) -> list[str]:
    """The words drawn in reverse video in the summary, in order."""
    rendered = view.query_one("#summary-text", Static).render_lines(
        view.query_one("#summary-text").region.reset_offset
    )
    return [
        segment.text
        for strip in rendered
        for segment in strip
        if segment.style is not None and segment.style.reverse
    ]


async def test_summary_matches_are_highlighted_counted_and_stepped(
    make_app, samples_dir: Path
) -> None:
    for size in (NARROW, WIDE):
        app = make_app(path=samples_dir / SEED)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, BriefScreen)
            await pilot.press("slash", *"truce")
            await pilot.pause()
            expected = Finder("truce").find(screen.brief)
            assert len(expected) == 5  # 3 in the summary, quote 1's context, the deadline
            assert screen.search.matches == expected
            view = screen.query_one(SummaryView)
            await pilot.pause()
            assert [w.casefold() for w in reversed_words(view)] == ["truce"] * 3
            await pilot.press("enter")  # at the first match: the summary's first truce
            await pilot.pause()
            lines: list[int] = []
            for _ in range(3):
                assert screen.current == "summary"
                line = view.current_match_line
                assert line is not None
                lines.append(line)
                await pilot.press("n")
                await pilot.pause()
            assert lines == sorted(lines) and len(set(lines)) > 1
            assert screen.current != "summary"  # on to the next pane's match
