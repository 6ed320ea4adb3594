"""Fields the format documents as Markdown read as Markdown wherever they are shown: a
deadline's details (row and detail view), the notes strip; search snippets are plain words.
Before: ``**212 written submissions**`` and ``**Nov. 10**`` with their asterisks."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.notes_panel import NotesPanel

from .test_notes import wait_for_writes
from .test_search_screen import open_search, type_query
from .uihelpers import NARROW, WIDE, screen_text, settle


async def test_deadline_details_are_rendered(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir / "parliament-housing-bill.toml")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        screen.select_item("deadlines", "written-evidence")
        await pilot.pause()
        row = screen.query_one("#deadlines", ItemList).prompt("written-evidence")
        assert "212 written submissions" in row.plain and "**" not in row.plain
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        body = app.screen.query_one("#detail-body", Static).content
        text = body.plain
        assert "received 212 written submissions, all" in text and "**" not in text
        start = text.index("212 written")
        assert any(
            "bold" in str(span.style) and span.start <= start < span.end for span in body.spans
        )


async def test_the_notes_strip_renders_a_note(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await pilot.press("n", *"due by **Nov. 10** said *he*", "ctrl+s")
        await wait_for_writes(pilot)
        await settle(pilot)
        strip = app.screen.query_one(NotesPanel).content.plain
        assert "due by Nov. 10 said he" in strip
        assert "**" not in strip


async def test_search_snippets_are_plain_words(make_app, samples_dir: Path, tmp_path: Path) -> None:
    app = make_app(path=samples_dir / "us-china-trade-talks-kuala-lumpur.toml")
    async with app.run_test(size=WIDE) as pilot:
        await open_search(pilot)
        await type_query(pilot, "truce expires")
        text = screen_text(app)
        assert "Nov. 10" in text
        assert "**" not in text
