"""The review screen as a new user met it: j/k, the footer, the marks, wrapping, closing,
and the reader's reload after the review's own save."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from briefing.core import load_brief
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.confirm import ChoiceScreen
from briefing.ui.screens.picker import PickerScreen
from briefing.ui.screens.review import ReviewScreen
from briefing.ui.screens.text_prompt import TextPromptScreen
from briefing.ui.widgets.article_view import ArticleView
from briefing.ui.widgets.key_bar import KeyBar

from .test_live import reload_now, rewrite
from .test_review import ANN, FIGHT, MAYBE, RENTS, TOM, go_to, open_review, save, wait_for_screen
from .test_review import draft_file as draft_file  # noqa: F401  (the fixture)
from .uihelpers import NARROW, WIDE, screen_text, settle


def items(screen: ReviewScreen) -> OptionList:
    return screen.query_one("#review-items", OptionList)


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
async def test_j_k_g_G_move_in_the_items_and_the_article(make_app, draft_file, size) -> None:
    async with make_app(path=str(draft_file)).run_test(size=size) as pilot:
        screen = await open_review(pilot)
        await pilot.press("j", "j")
        assert items(screen).highlighted == 2
        await pilot.press("k")
        assert items(screen).highlighted == 1
        await pilot.press("G")
        assert items(screen).highlighted == RENTS
        await pilot.press("g")
        assert items(screen).highlighted == 0
        await pilot.press("tab")
        article = screen.query_one(ArticleView)
        assert article.has_focus
        await pilot.press("j", "j", "j")
        assert article.current == 2
        await pilot.press("k")
        assert article.current == 1
        await pilot.press("G")
        assert article.current == len(article.spans) - 1
        await pilot.press("g")
        assert article.current == 0


def footer_keys(screen: ReviewScreen) -> list[str]:
    footer = screen.query_one(KeyBar)
    return [placed.key.display or placed.key.key for placed in footer.placed]


@pytest.mark.parametrize("size", [(80, 24), (120, 30), WIDE], ids=["80", "120", "160"])
async def test_the_footer_fits_and_keeps_help(make_app, draft_file, size) -> None:
    async with make_app(path=str(draft_file)).run_test(size=size) as pilot:
        screen = await open_review(pilot)
        await settle(pilot)
        footer = screen.query_one(KeyBar)
        bottom = screen_text(pilot.app).splitlines()[-1]
        assert "?" in bottom and "Help" in bottom, bottom
        assert "Accept" in bottom, bottom
        shown = sum(placed.end - placed.start for placed in footer.placed)
        assert shown <= size[0], bottom


async def test_help_lists_every_review_key(make_app, draft_file) -> None:
    async with make_app(path=str(draft_file)).run_test(size=WIDE) as pilot:
        await open_review(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(pilot.app)
        for description in ("Accept", "Reject", "Speaker", "Merge", "Edit", "Save", "Close"):
            assert description in text, description


def prompt_of(screen: ReviewScreen, label: str) -> str:
    """The line of the item ``label`` as shown (its mark, its text)."""
    return next(line.strip() for line in screen_text(screen.app).splitlines() if label in line)


async def test_marks_say_accepted_edited_and_rejected_and_x_undoes(make_app, draft_file) -> None:
    async with make_app(path=str(draft_file)).run_test(size=WIDE) as pilot:
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
        assert "✎" in prompt_of(screen, "Participant Tom Reyes")
        await go_to(pilot, screen, ANN)
        await pilot.press("a")
        assert "✓ Participant Ann Lee" in prompt_of(screen, "Participant Ann Lee")
        await go_to(pilot, screen, MAYBE)
        await pilot.press("x")
        assert "rejected" in prompt_of(screen, "Quote Maybe not")
        assert items(screen).option_count == RENTS + 1  # still listed until saved
        await pilot.press("x")  # undone
        assert "rejected" not in prompt_of(screen, "Quote Maybe not")
        await pilot.press("x")
        await go_to(pilot, screen, FIGHT)
        await pilot.press("x")
        await save(pilot)
        assert items(screen).option_count == RENTS - 1
    brief = load_brief(draft_file)
    assert [q.text for q in brief.quotes] == ["The ban goes too far"]
    assert brief.participants[1].role == "Mayor of Port Alder"


async def test_wrapped_items_hang_under_their_text(make_app, draft_file) -> None:
    async with make_app(path=str(draft_file)).run_test(size=(30, 24)) as pilot:
        await open_review(pilot)
        lines = screen_text(pilot.app).splitlines()
        first = next(n for n, line in enumerate(lines) if "Quote The ban goes" in line)
        start = lines[first].index("Quote")
        following = lines[first + 1]
        assert following[:start].strip() == "" and following[start : start + 1].strip(), lines[
            first : first + 3
        ]


@pytest.mark.parametrize(
    ("answer", "saved", "open_after"),
    [("s", True, False), ("d", False, False), ("escape", False, True)],
    ids=["save", "discard", "keep"],
)
async def test_closing_with_corrections_offers_save_discard_keep(
    make_app, draft_file, answer, saved, open_after
) -> None:
    async with make_app(path=str(draft_file)).run_test(size=NARROW) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, ANN)
        await pilot.press("a", "escape")
        await wait_for_screen(pilot, ChoiceScreen)
        text = screen_text(pilot.app)
        assert "Save" in text and "Discard" in text and "Keep reviewing" in text
        await pilot.press(answer)
        await settle(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen) == open_after
    assert (load_brief(draft_file).participants[0].draft is None) == saved


async def test_the_reviews_own_save_is_not_reported_as_an_outside_change(
    make_app, draft_file
) -> None:
    app = make_app(path=str(draft_file))
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, MAYBE)
        await pilot.press("x")
        await save(pilot)
        await pilot.press("escape")
        await settle(pilot)
        brief_screen = app.screen
        assert isinstance(brief_screen, BriefScreen)
        await reload_now(pilot, brief_screen)
        assert len(brief_screen.brief.quotes) == 2  # the saved version shows
        assert not [n for n in app._notifications if "Reloaded" in n.message]
        # A real change from outside is still told.
        text = draft_file.read_text(encoding="utf-8")
        rewrite(draft_file, text.replace('name = "Tom Reyes"', 'name = "Tom Reyes Jr"'))
        await reload_now(pilot, brief_screen)
        assert [n for n in app._notifications if "Reloaded" in n.message]
