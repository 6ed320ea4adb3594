"""A change of focus restyles only what a rule styles by focus (issue 15): the summary,
whose focus its pane shows (``Pane.mark``), is not restyled with its text and its sixteen
component classes on every section switch, unless a rule styles it by ``:focus``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

from briefing.ui.widgets.summary_view import SummaryView

from .test_switch_work import open_seed
from .uihelpers import WIDE


async def test_a_switch_away_from_the_summary_restyles_nothing_of_it(
    make_app, seed_brief_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_seed(pilot)
        summary = screen.query_one("#summary", SummaryView)
        assert summary.has_focus
        inside = set(summary.walk_children(with_self=True))
        restyled: list[DOMNode] = []
        original = Stylesheet.apply

        def apply(self: Stylesheet, node: DOMNode, **kwargs: Any) -> None:
            if node in inside or node.parent in inside:
                restyled.append(node)
            original(self, node, **kwargs)

        monkeypatch.setattr(Stylesheet, "apply", apply)
        await pilot.press("3")
        await pilot.pause()
        assert screen.query_one("#quotes").has_focus
        assert restyled == []


class Styled(App[None]):
    CSS = "SummaryView:focus > Static { text-style: bold; }"

    def compose(self) -> ComposeResult:
        yield SummaryView(id="summary")

    def on_mount(self) -> None:
        self.query_one(SummaryView).set_markdown("Some *words*.")


async def test_a_summary_styled_by_focus_is_restyled_as_its_focus_changes() -> None:
    app = Styled()
    async with app.run_test() as pilot:
        summary = app.query_one(SummaryView)
        text = summary.query_one("#summary-text")
        summary.focus()
        await pilot.pause()
        assert text.styles.text_style.bold
        summary.blur()
        await pilot.pause()
        assert not text.styles.text_style.bold
