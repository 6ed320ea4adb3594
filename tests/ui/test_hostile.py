"""Hostile brief text: markup shows literally and runs nothing; escapes never reach the screen.

The briefs are ``tests/data/hostile/markup.toml`` (every field written as
Rich/Textual markup, each with its own word such as ``quote-z``) and
``escapes.toml`` (every field carrying CSI/OSC sequences, BEL and U+202E).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.widgets import Static

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.library_table import LibraryTable
from briefing.ui.widgets.participant_table import ParticipantTable

from .uihelpers import WIDE, option_ids, option_text, plain, screen_text, settle

MARKUP_TITLE = (
    "[bold]title-x[/bold] [/] [@click=app.quit]title-z[/] "
    "[link=https://evil.example]title-y[/link] [ unbalanced"
)
SHOWN_LITERALLY = {
    "header": [
        MARKUP_TITLE,
        "[italic]source-x[/italic]",
        "[bold]tag-x[/bold], [@click=app.quit]tag-z[/]",
    ],
    "summary": [
        "Summary [bold]summary-x[/bold] and [/] and [link=https://evil.example]summary-y[/link].",
        "Click [@click=app.quit]summary-z[/] here; an unbalanced [ bracket.",
    ],
    "participants": ["[bold]name-x[/bold] [@click=app.quit]name-z[/]"],
    "quotes": [
        "“[@click=app.quit]quote-z[/] said [bold]quote-x[/bold] [/] [”",
        "Context [link=https://evil.example]context-y[/link] [/]",
    ],
    "deadlines": [
        "[bold]deadline-x[/bold] [@click=app.quit]deadline-z[/] [",
        "Details [link=https://evil.example]details-y[/link]",
    ],
    "timeline": [
        "2025-10-25 · [link=https://evil.example]place-y[/link]",
        "[bold]label-x[/bold] [/] [@click=app.quit]label-z[/]",
    ],
    "figures": [
        "[bold]99[/bold]  [@click=app.quit]figure-z[/] [",
        "Note [link=https://evil.example]note-y[/link] [/]",
    ],
}
"""What each part of the brief screen must show (at 160 columns; long lines wrap at spaces)."""

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (but newline and tab) and bidirectional overrides."""


def locate(app: Any, text: str) -> tuple[int, int]:
    """The screen offset (x, y) of the first character of ``text`` (ASCII lines only)."""
    for y, line in enumerate(screen_text(app).splitlines()):
        x = line.find(text)
        if x >= 0:
            return x, y
    raise AssertionError(f"{text!r} is not on screen")


def content_plain(value: object) -> str:
    return value.plain if isinstance(value, Content) else str(value)


async def open_brief(pilot: Any, path: Path) -> BriefScreen:
    """From the library, open the brief at ``path``."""
    app = pilot.app
    table = app.screen.query_one(LibraryTable)
    assert table.select_key(str(path))
    await pilot.press("enter")
    screen = app.screen
    assert isinstance(screen, BriefScreen)
    return screen


async def test_markup_in_every_field_is_shown_literally(make_app, hostile_dir: Path) -> None:
    app = make_app(path=hostile_dir)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        library = app.screen
        table = library.query_one(LibraryTable)
        markup_file = hostile_dir / "markup.toml"
        assert table.select_key(str(markup_file))
        await pilot.pause()
        # The library row (● : never opened; the title as written) and its status line.
        assert table.get_row(str(markup_file))[0].plain.startswith(
            "● [bold]title-x[/bold] [/] [@click=app"
        )
        text = screen_text(app)
        assert "[bold]title-x[/bold] [/] [@click=app.qu" in text
        assert "[bold]tag-x[/bold], [@c" in text
        assert "next deadline: [bold]deadline-x[/bold] [@click=app.quit]deadline-z[/] [" in text

        screen = await open_brief(pilot, markup_file)
        assert plain(screen.query_one("#brief-header", Static)).startswith(MARKUP_TITLE + "\n")
        text = screen_text(app)
        for part, strings in SHOWN_LITERALLY.items():
            for string in strings:
                # Word by word: a pane may wrap the line, but each word keeps its brackets.
                for word in string.split():
                    assert word in text, f"{part}: {word!r} of {string!r} not on screen"
        # The same, in the widgets' own content.
        assert "[bold]quote-x[/bold]" in option_text(
            screen.query_one("#quotes", ItemList), "quote-click"
        )
        row = screen.query_one("#participants", ParticipantTable).get_row("eve")
        assert [cell.plain for cell in row] == [
            "[bold]name-x[/bold] [@click=app.quit]name-z[/]",
            "[link=https://evil.example]role-y[/link] [/]",
            "[red]affiliation-x[/red]",
            "[ side",
        ]

        # The detail views of a participant and of a quote.
        await pilot.press("2", "enter")
        assert isinstance(app.screen, DetailScreen)
        text = screen_text(app)
        assert "[bold]name-x[/bold] [@click=app.quit]name-z[/]" in text  # the heading
        assert "Role: [link=https://evil.example]role-y[/link] [/]" in text
        assert "Affiliation: [red]affiliation-x[/red]" in text
        assert "Side: [ side" in text
        await pilot.press("escape", "3", "enter")
        assert isinstance(app.screen, DetailScreen)
        text = screen_text(app)
        assert "“[@click=app.quit]quote-z[/] said [bold]quote-x[/bold] [/] [”" in text
        assert "Context: Context [link=https://evil.example]context-y[/link] [/]" in text
        await pilot.press("escape")
        assert app.screen is screen
        assert app.is_running


async def test_command_palette_lists_a_markup_title_literally(make_app, hostile_dir: Path) -> None:
    app = make_app(path=hostile_dir)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"title-z")
        await settle(pilot)
        hits = app.screen.query_one(CommandList)
        prompts = [
            content_plain(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)
        ]
        assert any(prompt.startswith(f"Open brief: {MARKUP_TITLE}") for prompt in prompts), prompts
        assert f"Open brief: {MARKUP_TITLE}" in screen_text(app)

        # Choosing it opens the brief; nothing in the title runs.
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, BriefScreen)
        assert app.screen.brief.id == "hostile-markup"


async def test_clicking_markup_runs_nothing(make_app, hostile_dir: Path) -> None:
    app = make_app(path=hostile_dir)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = await open_brief(pilot, hostile_dir / "markup.toml")

        # Static text: the header and the Markdown summary. A click there changes nothing.
        for target in ("[@click=app.quit]title-z[/]", "[@click=app.quit]summary-z[/]"):
            x, y = locate(app, target)
            await pilot.click(offset=(x + 5, y))
            await pilot.pause()
            assert app.is_running, target
            assert app.return_code is None
            assert app.screen is screen, target

        # A click on a quote focuses it; a double click opens its detail, as for any quote.
        x, y = locate(app, "[@click=app.quit]quote-z[/]")
        await pilot.click(offset=(x + 5, y))
        await pilot.pause()
        assert app.screen is screen
        await pilot.double_click(offset=(x + 5, y))
        await pilot.pause()
        assert app.is_running
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        assert detail.heading == "Quote"

        # And a click on the same words in the detail changes nothing.
        x, y = locate(app, "[@click=app.quit]quote-z[/]")
        await pilot.click(offset=(x + 5, y))
        await pilot.pause()
        assert app.is_running
        assert app.screen is detail


def assert_clean(where: str, text: str) -> None:
    found = CONTROL.findall(text)
    assert not found, f"{where}: control characters {found!r} in {text!r}"


async def test_escape_sequences_never_reach_the_screen(make_app, hostile_dir: Path) -> None:
    app = make_app(path=hostile_dir)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        text = screen_text(app)
        assert (
            "Escapes red title clip [RLO]gnp.exe" in text
        )  # what is left, bidi override made visible
        assert_clean("library", text)
        for key in app.screen.query_one(LibraryTable).keys:
            for cell in app.screen.query_one(LibraryTable).get_row(key):
                assert_clean("library cell", cell.plain)

        screen = await open_brief(pilot, hostile_dir / "escapes.toml")
        assert_clean("header", plain(screen.query_one("#brief-header", Static)))
        for list_id in ("quotes", "deadlines", "timeline", "figures"):
            items = screen.query_one(f"#{list_id}", ItemList)
            assert option_ids(items)
            for item_id in items.item_ids:
                assert_clean(list_id, content_plain(items.prompt(item_id)))
        for cell in screen.query_one("#participants", ParticipantTable).get_row("mallory"):
            assert_clean("participants", cell.plain)
        text = screen_text(app)
        assert "Quote text [RLO]gnp.exe" in text
        # The summary is Markdown: what is left of the escapes, and the override made visible.
        assert "Summary red and  and  and  and [RLO]evil." in text
        assert_clean("brief screen", text)
        svg = app.export_screenshot()
        for bad in ("\x1b", "\x07", "\u202e", "&#27;", "&#7;", "pwned", "SGVsbG8"):
            assert bad not in svg, bad

        await pilot.press("3", "enter")
        assert isinstance(app.screen, DetailScreen)
        assert_clean("quote detail", plain(app.screen.query_one("#detail-body", Static)))
        assert_clean("quote detail", screen_text(app))
        await pilot.press("escape", "2", "enter")
        assert isinstance(app.screen, DetailScreen)
        assert_clean("participant detail", screen_text(app))
        await pilot.press("escape")

        await pilot.press("ctrl+p", *"Escapes")
        await settle(pilot)
        hits = app.screen.query_one(CommandList)
        prompts = [
            content_plain(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)
        ]
        assert any("Escapes red title clip" in prompt for prompt in prompts), prompts
        for prompt in prompts:
            assert_clean("command palette", prompt)
        assert_clean("command palette", screen_text(app))
