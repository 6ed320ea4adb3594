"""BriefLoading on its own: the first frame's preview, reading a brief in a thread, what is
said when it cannot be read, and ``[`` ``]`` through the library."""

from __future__ import annotations

from pathlib import Path

from kit import make_brief

from briefing.core.library import LibraryEntry
from briefing.ui.screens.brief_loading import BriefLoading

from .standin import Screen


def loading_of(screen: Screen) -> BriefLoading:
    return BriefLoading(screen)  # type: ignore[arg-type]


def preview_text(screen: Screen) -> str:
    return str(loading_of(screen).preview().content)


def test_the_preview_shows_the_title_before_the_brief_is_validated(tmp_path: Path) -> None:
    path = make_brief(tmp_path, title="Talks in Kuala Lumpur", source={"name": "Wire"})
    assert preview_text(Screen(LibraryEntry(path))).startswith("Talks in Kuala Lumpur\nWire")
    broken = tmp_path / "broken.toml"
    broken.write_text("title = [", encoding="utf-8")
    assert preview_text(Screen(LibraryEntry(broken))).startswith("broken.toml\n")


def test_a_brief_not_read_yet_is_read_in_a_thread_and_posted(tmp_path: Path) -> None:
    entry = LibraryEntry(make_brief(tmp_path, title="Read me"))
    screen = Screen(entry)
    loading_of(screen).open_entry(entry)
    (message,) = screen.posted
    assert isinstance(message, BriefLoading.Loaded) and message.entry is entry
    assert entry.brief is not None and entry.brief.title == "Read me" and entry.error is None


def test_an_invalid_brief_is_said_and_the_reader_closes_when_nothing_is_shown(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('format = 1\ntitle = "No date"\n', encoding="utf-8")
    entry = LibraryEntry(path)
    screen = Screen(entry)
    loading = loading_of(screen)
    loading.load_entry(entry)
    assert entry.brief is None and entry.error is not None
    loading.loaded(entry)
    assert len(screen.notified) == 1 and "bad.toml" in screen.notified[0]
    assert screen.briefing_app.closed == [path]
    screen.is_loaded = True  # another brief is on screen: it stays
    loading.loaded(entry)
    assert screen.briefing_app.closed == [path]


def test_brackets_open_the_next_brief_of_the_library_round_the_end(tmp_path: Path) -> None:
    first = LibraryEntry(make_brief(tmp_path, "a.toml", title="A"))
    screen = Screen(first)
    screen.library_order = [first]  # type: ignore[attr-defined]
    loading = loading_of(screen)
    loading.sibling(1)
    assert screen.notified == ["This is the only brief in the library"]
    second = LibraryEntry(make_brief(tmp_path, "b.toml", title="B"))
    third = LibraryEntry(make_brief(tmp_path, "c.toml", title="C"))
    screen.library_order = [first, second, third]  # type: ignore[attr-defined]
    loading.sibling(1)
    loading.sibling(-1)  # from the brief on screen, round the start
    assert [message.entry for message in screen.posted] == [second, third]
