"""The header's clock line starts in the same column in both modes (now, as published)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .uihelpers import LAYOUTS, screen_text, settle


def _clock_column(text: str) -> int:
    line = next(line for line in text.splitlines() if "Clock: " in line)  # the header's
    return line.index("Clock: ")


@pytest.mark.parametrize("size", list(LAYOUTS.values()))
async def test_the_clock_line_does_not_move_when_the_mode_changes(
    make_app, seed_brief_path: Path, size
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        now = _clock_column(screen_text(app))
        await pilot.press("a")
        await pilot.pause()
        text = screen_text(app)
        assert "Clock: as published" in text
        assert _clock_column(text) == now
