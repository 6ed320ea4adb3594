"""Live reload, what is new since the last visit, ``u`` and ``c`` in the reader."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.brief_live import file_digest
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets.brief_header import BriefHeader
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.library_table import LibraryTable

from .uihelpers import (
    NARROW,
    SEED_FILE,
    SEED_TITLE,
    option_text,
    plain,
    screen_text,
    settle,
    wait_for_workers,
)

QUOTE_ID = "li-preliminary-consensus"
OLD_SOURCE = 'source = "Told reporters, according to the South China Morning Post"'
NEW_QUOTE = """
[[quotes]]
id = "added-later"
speaker = "bessent"
text = "We will be back at the table next week"
"""


def copy_seed(samples_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    return Path(shutil.copy(samples_dir / SEED_FILE, folder / SEED_FILE))


def rewrite(path: Path, text: str) -> None:
    """Write ``text`` and move the mtime on, as an editor saving the file would."""
    stat = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def edit_seed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert OLD_SOURCE in text
    rewrite(path, text.replace(OLD_SOURCE, OLD_SOURCE[:-1] + ' (updated)"', 1) + NEW_QUOTE)


async def reload_now(pilot, screen: BriefScreen) -> None:
    """What the screen's one-second timer does, done now: check the file, wait for the reload."""
    screen.live.check_file()
    await wait_for_workers(pilot)
    await pilot.pause()


async def test_an_edited_file_is_reloaded_in_place_with_its_changes_marked(
    make_app, samples_dir: Path, tmp_path: Path
) -> None:
    path = copy_seed(samples_dir, tmp_path)
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert screen.live.unseen == set()  # a first visit flags nothing
        await pilot.press("3", "j")
        focused = screen.focused_item()
        assert focused is not None and focused[0] == "quotes"

        edit_seed(path)
        await reload_now(pilot, screen)

        assert app.screen is screen
        changes = screen.live.last_changes
        assert changes.edited == {("quote", QUOTE_ID)}
        assert changes.added == {("quote", "added-later")}
        assert screen.current == "quotes" and screen.focused_item() == focused
        quotes = screen.query_one("#quotes", ItemList)
        assert "We will be back at the table" in option_text(quotes, "added-later")
        # Flagged until the cursor reaches them.
        assert option_text(quotes, "added-later").startswith("●")
        assert option_text(quotes, QUOTE_ID).startswith("●")
        assert screen.live.unseen == {("quote", QUOTE_ID), ("quote", "added-later")}
        quotes.select_id("added-later")
        await pilot.pause()
        assert ("quote", "added-later") not in screen.live.unseen
        assert not option_text(quotes, "added-later").startswith("●")


async def test_the_one_second_timer_notices_the_change(
    make_app, samples_dir: Path, tmp_path: Path
) -> None:
    path = copy_seed(samples_dir, tmp_path)
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        edit_seed(path)
        # The screen's own interval timer (real time): within a few ticks at most.
        for _ in range(60):
            if screen.live.last_changes:
                break
            await pilot.pause(0.1)
        assert screen.live.last_changes.added == {("quote", "added-later")}


async def test_a_file_that_turns_invalid_keeps_the_last_good_version(
    make_app, samples_dir: Path, tmp_path: Path
) -> None:
    path = copy_seed(samples_dir, tmp_path)
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        brief = screen.brief
        good = path.read_text(encoding="utf-8")
        rewrite(path, good.replace("[[quotes]]", "[[quotes]", 1))
        await reload_now(pilot, screen)
        assert app.screen is screen and screen.brief is brief
        messages = [n.message for n in app._notifications]
        assert any("The last good version stays on screen" in m for m in messages)
        # Not said again on every tick while the file stays broken.
        screen.live.check_file()
        await wait_for_workers(pilot)
        assert len([n for n in app._notifications if "last good" in n.message]) == 1
        # Fixed again: reloaded.
        rewrite(path, good)
        edit_seed(path)
        await reload_now(pilot, screen)
        assert screen.live.last_changes.added == {("quote", "added-later")}


async def test_changes_since_the_last_visit_are_flagged_and_u_goes_to_them(
    make_app, samples_dir: Path, tmp_path: Path
) -> None:
    path = copy_seed(samples_dir, tmp_path)
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert app.screen.live.unseen == set()

    edit_seed(path)
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert screen.live.unseen == {("quote", QUOTE_ID), ("quote", "added-later")}
        await pilot.press("u")
        await pilot.pause()
        first = screen.focused_item()
        assert first is not None and first[0] == "quotes"
        await pilot.press("u")
        await pilot.pause()
        assert screen.live.unseen == set()
        await pilot.press("u")
        assert any("Nothing new" in n.message for n in app._notifications)
        await pilot.press("escape")  # saves what was seen
        await settle(pilot)

    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert app.screen.live.unseen == set()


async def test_the_library_marks_briefs_never_opened_or_changed_since(
    make_app, samples_dir: Path, tmp_path: Path
) -> None:
    path = copy_seed(samples_dir, tmp_path)
    app = make_app(path=path.parent)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        table = app.screen.query_one(LibraryTable)
        assert table.get_cell(str(path), "title").plain.startswith("● " + SEED_TITLE[:10])
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert table.get_cell(str(path), "title").plain.startswith(SEED_TITLE[:10])

    edit_seed(path)
    app = make_app(path=path.parent)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        table = app.screen.query_one(LibraryTable)
        assert table.get_cell(str(path), "title").plain.startswith("● ")


async def test_c_copies_the_quote_with_its_attribution(
    make_app, samples_dir: Path, tmp_path: Path
) -> None:
    path = copy_seed(samples_dir, tmp_path)
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        item = screen.focused_item()
        assert item is not None
        await pilot.press("c")
        quote = next(q for q in screen.brief.quotes if q.id == item[1])
        assert app.clipboard.startswith(f"“{quote.text}” — ")
        assert f"({SEED_TITLE}, " in app.clipboard


async def test_the_clock_mode_is_the_readers_not_one_briefs(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("G", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        first = screen.brief.id
        await pilot.press("a")
        assert app.clock_as_published is True
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("g", "enter")
        await settle(pilot)
        other = app.screen
        # (The reader closed is shown again with the other brief in its panes: issue 15.)
        assert isinstance(other, BriefScreen) and other.brief.id != first
        assert other.as_published is True
        assert other.now == other.brief.published_at


# A brief that vanishes or turns into something else while on screen (issue 13, item 23) --------


def header_text(screen: BriefScreen) -> str:
    return plain(screen.query_one(BriefHeader))


def said(app, words: str) -> int:
    return len([n for n in app._notifications if words in n.message])


DELETED = "file deleted; showing the last version read"


async def test_a_deleted_brief_is_marked_in_its_header_until_it_comes_back(
    make_app, samples_dir: Path, tmp_path: Path
) -> None:
    path = copy_seed(samples_dir, tmp_path)
    good = path.read_text(encoding="utf-8")
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        brief = screen.brief
        path.unlink()
        await reload_now(pilot, screen)
        assert app.screen is screen and screen.brief is brief
        assert DELETED in header_text(screen)
        assert DELETED in screen_text(app)
        assert said(app, "was deleted") == 1
        # It stays, and the toast is not repeated on every tick.
        await reload_now(pilot, screen)
        assert DELETED in header_text(screen)
        assert said(app, "was deleted") == 1

        # Back, as it was (a restored backup): the marker goes and the file is read again.
        path.write_text(good, encoding="utf-8")
        await reload_now(pilot, screen)
        assert DELETED not in header_text(screen)
        # ... and edited later: reloaded as usual.
        edit_seed(path)
        await reload_now(pilot, screen)
        assert screen.live.last_changes.added == {("quote", "added-later")}
        assert DELETED not in header_text(screen)


async def test_an_invalid_brief_keeps_a_marker_in_its_header(
    make_app, samples_dir: Path, tmp_path: Path
) -> None:
    path = copy_seed(samples_dir, tmp_path)
    good = path.read_text(encoding="utf-8")
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        rewrite(path, good.replace("[[quotes]]", "[[quotes]", 1))
        await reload_now(pilot, screen)
        assert "file on disk is not valid; showing the last good version" in header_text(screen)
        rewrite(path, good)
        edit_seed(path)
        await reload_now(pilot, screen)
        assert "not valid" not in header_text(screen)


@pytest.mark.parametrize("kind", ["fifo", "folder"])
async def test_a_brief_replaced_by_a_fifo_or_a_folder_never_blocks(
    make_app, samples_dir: Path, tmp_path: Path, kind: str
) -> None:
    path = copy_seed(samples_dir, tmp_path)
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        path.unlink()
        if kind == "fifo":
            os.mkfifo(path)
        else:
            path.mkdir()
        # Nothing writes into the FIFO: a reader that opened it would wait forever.
        await asyncio.wait_for(reload_now(pilot, screen), timeout=20)
        assert "not valid" in header_text(screen)
        said = " ".join(n.message for n in app._notifications)
        assert ("not a regular file" if kind == "fifo" else "is a folder") in said, said
        assert file_digest(path) == ""  # the digest of a visit never opens it either


async def test_the_marker_says_since_when_and_stays_after_the_toast(
    make_app, samples_dir: Path, tmp_path: Path, clock
) -> None:
    """The marker names the moment the file turned bad (reader's zone), keeps it while the
    file stays bad (a second bad save does not move it) and goes when the file is good."""
    path = copy_seed(samples_dir, tmp_path)
    good = path.read_text(encoding="utf-8")
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        since = clock.now().astimezone(app.local_zone).strftime("%H:%M")
        rewrite(path, good.replace("[[quotes]]", "[[quotes]", 1))
        await reload_now(pilot, screen)
        marker = f"file on disk is not valid; showing the last good version (since {since})"
        assert marker in header_text(screen)
        clock.advance(minutes=7)
        rewrite(path, good.replace("[[quotes]]", "[[quotes]]]", 1))
        await reload_now(pilot, screen)
        assert marker in header_text(screen)
        app.clear_notifications()
        await pilot.pause()
        assert marker in header_text(screen)
        rewrite(path, good)
        edit_seed(path)
        await reload_now(pilot, screen)
        assert "since" not in header_text(screen)


async def test_the_invalid_file_toast_names_the_file_by_its_short_path(
    make_app, samples_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The toast named the file by its absolute path ("/tmp/pytest-of-root/…/library/…"),
    wrapped over three lines of a 40-column toast: now as the library's status line does,
    relative to the current folder (or with ~ for home)."""
    path = copy_seed(samples_dir, tmp_path)
    monkeypatch.chdir(tmp_path)
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        rewrite(path, path.read_text(encoding="utf-8").replace("[[quotes]]", "[[quotes]", 1))
        await reload_now(pilot, screen)
        (message,) = [n.message for n in app._notifications if "last good version" in n.message]
        assert message.startswith(f"library/{SEED_FILE}:93:"), message
        assert str(tmp_path) not in message
