"""Snapshots of the review screen of a draft (``tests/data/drafts/court-rules.toml``, the
importer's draft of the article in ``test_review.py``) at 80x24 and 160x48.

Frozen as in ``kit.snapshots``. Update with ``pytest tests/ui/test_snapshots_review.py
--snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import pytest
from kit.snapshots import SIZES, frozen_app, press, wait_for

from briefing.ui.screens.review import ReviewScreen

from .uihelpers import settle

pytestmark = pytest.mark.usefixtures("at_repo_root")
DRAFT = "tests/data/drafts/court-rules.toml"


async def in_review(pilot) -> None:
    await settle(pilot)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen))


@SIZES
def test_review_opens_on_the_items(snap_compare, size) -> None:
    """You should see "Review: tests/data/drafts/court-rules.toml" and the draft's eight items,
    the cursor on "· Participant Ann Lee"; the two quotes and the figure the importer doubted
    marked "?" in yellow with their doubt under them ('speaker inferred from "he said"', ...);
    below, Ann Lee's fields and "why: named with a title before the name (high)". At 160x48
    the article is on the left, each span underlined in bold (the doubted ones in yellow);
    at 80x24 only the items show.
    """

    assert snap_compare(frozen_app(DRAFT), terminal_size=size, run_before=in_review)


@SIZES
def test_review_enter_on_an_item_shows_its_span(snap_compare, size) -> None:
    """You should see the article with the cursor (reversed) on "We will fight", after enter
    on that quote; at 160x48 the items stay on the right, at 80x24 only the article shows.
    """

    async def run_before(pilot) -> None:
        await in_review(pilot)
        await press(pilot, "down", "down", "down", "enter")

    assert snap_compare(frozen_app(DRAFT), terminal_size=size, run_before=run_before)


@SIZES
def test_review_marks_accepted_and_rejected_items(snap_compare, size) -> None:
    """You should see "✓ Participant Ann Lee" in green (accepted with ``a``) and the quote
    "The ban goes too far" struck out, marked "✗" and "rejected" in red (``x``), the cursor on
    it; long items wrap under their text, not under the mark.
    """

    async def run_before(pilot) -> None:
        await in_review(pilot)
        await press(pilot, "a", "j", "x")

    assert snap_compare(frozen_app(DRAFT), terminal_size=size, run_before=run_before)


@SIZES
def test_review_close_with_corrections_asks(snap_compare, size) -> None:
    """You should see "The corrections are not saved yet." with three buttons: "Save (s)",
    "Discard (d)" and "Keep reviewing (k)", over the review.
    """

    async def run_before(pilot) -> None:
        await in_review(pilot)
        await press(pilot, "a", "escape")

    assert snap_compare(frozen_app(DRAFT), terminal_size=size, run_before=run_before)
