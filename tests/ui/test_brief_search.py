"""``/`` in a brief: every pane searched at once, n/N across panes, matches only, escape."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from briefing.core.find import Finder
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.note_editor import NoteEditorScreen
from briefing.ui.widgets.item_list import MATCH_STYLE, ItemList

from .uihelpers import NARROW, WIDE, option_ids, plain, settle

SEED = "us-china-trade-talks-kuala-lumpur.toml"


def count_text(screen: BriefScreen) -> str:
    return plain(screen.query_one("#search-count", Static))


def highlighted_words(items: ItemList, item_id: str) -> list[str]:
    prompt = items.prompt(item_id)
    return [
        prompt.plain[span.start : span.end]
        for span in prompt.spans
        if str(span.style) == MATCH_STYLE
    ]


async def test_slash_finds_in_every_pane_and_n_goes_across_panes(
    make_app, samples_dir: Path
) -> None:
    app = make_app(path=samples_dir / SEED)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("slash", *"bessent")
        await pilot.pause()
        expected = Finder("bessent").find(screen.brief)
        sections = {m.section for m in expected}
        assert {"participants", "quotes"} <= sections
        assert screen.search.matches == expected
        assert count_text(screen) == f"{len(expected)} found"
        # Highlighted in the lists, on the words themselves.
        quotes = screen.query_one("#quotes", ItemList)
        quote_match = next(m for m in expected if m.section == "quotes")
        assert any(
            w.casefold() == "bessent" for w in highlighted_words(quotes, quote_match.item_id)
        )

        await pilot.press("enter")  # to the panes, at the first match
        visited = []
        for _ in range(len(expected)):
            visited.append(screen.focused_item())
            await pilot.press("n")
        assert [(m.section, m.item_id) for m in expected] == visited
        assert count_text(screen) == f"1/{len(expected)}"  # wrapped round
        await pilot.press("N")
        assert screen.focused_item() == (expected[-1].section, expected[-1].item_id)
        assert count_text(screen) == f"{len(expected)}/{len(expected)}"


async def test_matches_only_hides_the_rest_and_escape_brings_everything_back(
    make_app, samples_dir: Path
) -> None:
    app = make_app(path=samples_dir / SEED)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        quotes = screen.query_one("#quotes", ItemList)
        every_quote = option_ids(quotes)
        await pilot.press("slash", *"tough")
        await pilot.press("enter", "m")
        await pilot.pause()
        wanted = [m.item_id for m in screen.search.matches if m.section == "quotes"]
        assert wanted and option_ids(quotes) == wanted
        assert count_text(screen).endswith("· only")

        await pilot.press("escape")
        await pilot.pause()
        assert option_ids(quotes) == every_quote
        assert not screen.search.searching and screen.search.matches == []
        assert highlighted_words(quotes, every_quote[0]) == []
        # With no search, n is a note again, and escape goes back.
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen)


async def test_accents_and_case_do_not_matter_and_no_match_is_said(
    make_app, samples_dir: Path
) -> None:
    app = make_app(path=samples_dir / "summit-multilingual.toml")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("slash", *"zzzzqx")
        await pilot.pause()
        assert count_text(screen) == "no match"
        await pilot.press("n")  # typed into the field, not a jump
        assert screen.query_one("#search-input", Input).value == "zzzzqxn"
        field = screen.query_one("#search-input", Input)
        field.value = "NGUYEN thi"  # the brief writes "Nguyễn Thị"
        await pilot.pause()
        assert screen.search.matches and screen.search.matches == Finder("Nguyễn Thị").find(
            screen.brief
        )
        assert count_text(screen) == f"{len(screen.search.matches)} found"


async def test_participants_are_highlighted_too(make_app, samples_dir: Path) -> None:
    from briefing.ui.widgets.participant_table import ParticipantTable

    app = make_app(path=samples_dir / SEED)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("slash", *"bessent")
        await pilot.pause()
        table = screen.query_one("#participants", ParticipantTable)
        name = table.get_cell("bessent", "name")
        assert [name.plain[s.start : s.end] for s in name.spans if str(s.style) == "reverse"] == [
            "Bessent"
        ]
        await pilot.press("escape")
        await pilot.pause()
        name = table.get_cell("bessent", "name")
        assert not [s for s in name.spans if str(s.style) == "reverse"]
