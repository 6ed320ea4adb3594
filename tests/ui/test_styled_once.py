"""A screen opening is styled and laid out once before its first frame (issue 15).

Textual restyles a whole screen when it is first resumed and when its first resize
adds the breakpoint class, and lays it out (and draws it) again when that resize
reaches it at the size it was just laid out at. For a screen just mounted none of
these change anything: :class:`~briefing.ui.screens.styled_once.StyledOnce` skips
them. What is counted here is Textual's public surface: the stylesheet's
``update_nodes`` (a restyle) and the screen's layout signal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.brief_loading import BriefLoading

from .uihelpers import NARROW, WIDE, settle


@pytest.fixture
def first_frame(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What happened to the reader before its first frame: whole-screen restyles, layouts."""
    seen: dict[str, Any] = {"restyles": 0, "layouts": 0, "painted": False}
    update_nodes, painted = Stylesheet.update_nodes, BriefLoading.painted

    def counting_update_nodes(self: Stylesheet, nodes: Any, animate: bool = False) -> None:
        nodes = list(nodes)
        if not seen["painted"] and any(isinstance(node, BriefScreen) for node in nodes):
            seen["restyles"] += 1
        update_nodes(self, nodes, animate)

    def counting_painted(self: BriefLoading) -> None:
        seen["painted"] = True
        painted(self)

    monkeypatch.setattr(Stylesheet, "update_nodes", counting_update_nodes)
    monkeypatch.setattr(BriefLoading, "painted", counting_painted)
    return seen


@pytest.mark.parametrize("size", [NARROW, WIDE])
async def test_the_reader_is_restyled_once_before_its_first_frame(
    make_app, seed_brief_path: Path, first_frame: dict[str, Any], size: tuple[int, int]
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        # The breakpoint class was there before anything was styled.
        assert screen.has_class("-wide" if size == WIDE else "-narrow")
        await settle(pilot)
        assert first_frame["painted"]
        assert first_frame["restyles"] == 0


async def test_a_reader_opened_from_the_library_is_laid_out_once_before_its_first_frame(
    make_app, samples_dir: Path, first_frame: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    compose = BriefLoading.compose

    def laid_out(_screen: object) -> None:
        if not first_frame["painted"]:
            first_frame["layouts"] += 1

    def counting_compose(self: BriefLoading) -> Any:
        self.screen.screen_layout_refresh_signal.subscribe(self.screen, laid_out)
        return compose(self)

    monkeypatch.setattr(BriefLoading, "compose", counting_compose)
    app = make_app(path=samples_dir)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen) and app.screen.is_loaded
        assert first_frame["painted"]
        assert first_frame["restyles"] == 0
        assert first_frame["layouts"] == 1
