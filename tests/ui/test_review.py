"""The review screen of a draft brief, key by key, at both layouts, and saving safely."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from briefing.core import load_brief
from briefing.importer import import_article
from briefing.ui.screens.confirm import ChoiceScreen, ConfirmScreen
from briefing.ui.screens.picker import PickerScreen
from briefing.ui.screens.review import ReviewScreen
from briefing.ui.screens.text_prompt import TextPromptScreen
from briefing.ui.widgets.article_view import ArticleView

from .uihelpers import NARROW, WIDE, screen_text, settle

ARTICLE = """Court rules on rentals

Judge Ann Lee ruled on Monday, June 2, 2025. "The ban goes too far," Lee wrote.

Mayor Tom Reyes said the city must reply by June 30. "We will fight," he said.

"Maybe not." Rents rose 6.5% last year.
"""
# The draft's items, in the review's order.
ANN, TOM, BAN, FIGHT, MAYBE, REPLY, RULED, RENTS = range(8)


def write_draft(folder: Path) -> Path:
    """The importer's own draft of :data:`ARTICLE`, as ``briefing import`` writes it."""
    path = folder / "draft.toml"
    path.write_text(import_article(ARTICLE, published=date(2025, 6, 3)).toml, encoding="utf-8")
    return path


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    return write_draft(tmp_path)


async def open_review(pilot: Pilot[Any]) -> ReviewScreen:
    await settle(pilot)
    for _ in range(200):
        if isinstance(pilot.app.screen, ReviewScreen):
            break
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    await pilot.pause()
    return screen


async def go_to(pilot: Pilot[Any], screen: ReviewScreen, item: int) -> None:
    screen.query_one("#review-items", OptionList).highlighted = item
    await pilot.pause()


async def wait_for_screen(pilot: Pilot[Any], kind: type) -> Any:
    for _ in range(200):
        if isinstance(pilot.app.screen, kind):
            return pilot.app.screen
        await pilot.pause()
    raise AssertionError(f"{kind.__name__} did not open")


async def save(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
async def test_a_draft_opens_in_its_review_with_the_doubts_shown(
    make_app, draft_file, size
) -> None:
    async with make_app(path=str(draft_file)).run_test(size=size) as pilot:
        screen = await open_review(pilot)
        text = screen_text(pilot.app)
        assert "Participant Ann Lee" in text
        assert "? Quote We will fight — Tom Reyes" in text
        assert 'speaker inferred from "he said"' in text
        assert ("Monday, June 2, 2025" in text) == (size == WIDE)  # the article beside at 160x48
        spans = screen.query_one(ArticleView).spans
        assert len(spans) == 8 and [s.uncertain for s in spans].count(True) == 3


async def test_tab_shows_one_side_at_a_time_at_80x24(make_app, draft_file) -> None:
    async with make_app(path=str(draft_file)).run_test(size=NARROW) as pilot:
        await open_review(pilot)
        await pilot.press("tab")
        text = screen_text(pilot.app)
        assert "Monday, June 2, 2025" in text and "Participant Ann Lee" not in text
        await pilot.press("tab")
        assert "Participant Ann Lee" in screen_text(pilot.app)


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
async def test_enter_goes_from_an_item_to_its_span_and_back(make_app, draft_file, size) -> None:
    async with make_app(path=str(draft_file)).run_test(size=size) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, FIGHT)
        await pilot.press("enter")
        article = screen.query_one(ArticleView)
        assert article.has_focus
        span = article.spans[article.current]
        assert article.article[span.start : span.end] == "We will fight"
        await pilot.press("down", "enter")  # the next span: the deadline's "June 30"? no: by offset
        items = screen.query_one("#review-items", OptionList)
        assert items.has_focus
        assert items.highlighted == article.spans[article.current].item
        assert ("Monday, June 2, 2025" in screen_text(pilot.app)) == (size == WIDE)


async def test_accept_reject_and_save(make_app, draft_file) -> None:
    async with make_app(path=str(draft_file)).run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, FIGHT)
        await pilot.press("a")
        assert screen.query_one("#review-items", OptionList).highlighted == MAYBE
        await pilot.press("x")
        await save(pilot)
    brief = load_brief(draft_file)
    assert [q.text for q in brief.quotes] == ["The ban goes too far", "We will fight"]
    assert brief.quotes[0].draft is not None and brief.quotes[1].draft is None
    assert brief.quotes[1].speaker == "tom-reyes"
    assert brief.draft is not None and "Maybe not." in brief.draft.article


async def test_change_a_speaker_to_a_participant_or_a_new_one(make_app, draft_file) -> None:
    async with make_app(path=str(draft_file)).run_test(size=NARROW) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, FIGHT)
        await pilot.press("s")
        picker = await wait_for_screen(pilot, PickerScreen)
        assert "+ Add a participant" in screen_text(pilot.app)
        picker.query_one(OptionList).highlighted = 0
        await pilot.press("enter")
        await wait_for_screen(pilot, ReviewScreen)
        await go_to(pilot, screen, MAYBE)
        await pilot.press("s")
        picker = await wait_for_screen(pilot, PickerScreen)
        picker.query_one(OptionList).highlighted = 2
        await pilot.press("enter")
        await wait_for_screen(pilot, TextPromptScreen)
        await pilot.press(*"Ben Ode", "enter")
        await wait_for_screen(pilot, ReviewScreen)
        await save(pilot)
    brief = load_brief(draft_file)
    assert [q.speaker for q in brief.quotes] == ["ann-lee", "ann-lee", "ben-ode"]
    assert brief.participants[-1].name == "Ben Ode"


async def test_a_deadline_becomes_an_event_and_back(make_app, draft_file) -> None:
    async with make_app(path=str(draft_file)).run_test(size=NARROW) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, REPLY)
        await pilot.press("t")
        current = screen.current
        assert current is not None and current.section == "timeline"
        await save(pilot)
        brief = load_brief(draft_file)
        assert not brief.deadlines and brief.timeline[-1].date == date(2025, 6, 30)
        await pilot.press("t")
        await save(pilot)
    brief = load_brief(draft_file)
    assert brief.deadlines[0].due == date(2025, 6, 30) and len(brief.timeline) == 1


async def test_merge_two_participants(make_app, draft_file) -> None:
    async with make_app(path=str(draft_file)).run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, ANN)
        await pilot.press("m")
        await wait_for_screen(pilot, PickerScreen)
        assert "Tom Reyes" in screen_text(pilot.app)
        await pilot.press("enter")
        await wait_for_screen(pilot, ReviewScreen)
        await save(pilot)
    brief = load_brief(draft_file)
    assert [p.name for p in brief.participants] == ["Ann Lee"]
    assert brief.participants[0].aliases == ["Tom Reyes"]
    assert {q.speaker for q in brief.quotes} == {"ann-lee"}


async def test_edit_a_field(make_app, draft_file) -> None:
    async with make_app(path=str(draft_file)).run_test(size=NARROW) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, TOM)
        await pilot.press("e")
        picker = await wait_for_screen(pilot, PickerScreen)
        picker.query_one(OptionList).highlighted = 1  # role
        await pilot.press("enter")
        prompt = await wait_for_screen(pilot, TextPromptScreen)
        prompt.query_one(Input).value = "Mayor of Port Alder"
        await pilot.press("enter")
        await wait_for_screen(pilot, ReviewScreen)
        await save(pilot)
    assert load_brief(draft_file).participants[1].role == "Mayor of Port Alder"


async def test_saving_after_a_change_on_disk_asks_first(make_app, draft_file) -> None:
    async with make_app(path=str(draft_file)).run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, ANN)
        await pilot.press("a")
        changed = draft_file.read_text(encoding="utf-8").replace("Court rules", "Edited elsewhere")
        draft_file.write_text(changed, encoding="utf-8")
        await save(pilot)
        await wait_for_screen(pilot, ConfirmScreen)
        assert "changed on disk" in screen_text(pilot.app)
        await pilot.press("n")
        await wait_for_screen(pilot, ReviewScreen)
        assert draft_file.read_text(encoding="utf-8") == changed
        await save(pilot)
        await wait_for_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await wait_for_screen(pilot, ReviewScreen)
    brief = load_brief(draft_file)
    assert brief.title == "Court rules on rentals" and brief.participants[0].draft is None


async def test_escape_with_unsaved_corrections_asks(make_app, draft_file) -> None:
    async with make_app(path=str(draft_file)).run_test(size=NARROW) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, ANN)
        await pilot.press("x", "escape")
        await wait_for_screen(pilot, ChoiceScreen)
        await pilot.press("k")
        await wait_for_screen(pilot, ReviewScreen)
        await save(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ReviewScreen)
    assert [p.name for p in load_brief(draft_file).participants] == ["Tom Reyes"]
