"""Property: the reader opens any valid brief and survives a walk through every section."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from kit import fixed_clock
from ui.uihelpers import settle  # tests/ is the import root (tests/ui is package "ui")

from briefing.ui.launch import build_app
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.detail import DetailScreen

from .profiles import examples
from .strategies import to_json, to_toml, valid_briefs


async def walk(path: Path, raw: dict) -> None:
    app = build_app(path=path, clock=fixed_clock())
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen), type(screen)
        for number, section in enumerate(
            ("summary", "participants", "quotes", "deadlines", "timeline", "figures"), 1
        ):
            await pilot.press(str(number), "j", "G")
            assert app.screen is screen
            if section in ("participants", "quotes") and raw.get(section):
                await pilot.press("enter")
                assert isinstance(app.screen, DetailScreen), (section, type(app.screen))
                await pilot.press("escape")
                assert app.screen is screen
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is screen
        assert app.is_running
        assert (
            isinstance(screen, BriefScreen)
            and screen.brief is not None
            and screen.brief.title.strip()
        )


@examples(ci=8, deep_count=100)
@given(valid_briefs(max_items=3), st.booleans())
def test_reader_survives_any_valid_brief(raw, as_toml) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("brief.toml" if as_toml else "brief.json")
        path.write_text(to_toml(raw) if as_toml else to_json(raw), encoding="utf-8")
        asyncio.run(walk(path, raw))
