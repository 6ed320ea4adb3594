"""LiveReload on its own: what is new to the user, what is written as seen, reloads and ``u``."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from briefing.core.anchors import ItemKind
from briefing.core.changes import Changes, item_digests
from briefing.core.errors import BriefError, Problem
from briefing.core.loading import load_brief
from briefing.ui.screens.brief_live import UNSEEN_MARK, LiveReload

from .standin import Screen, loaded_entry

QUOTES = [{"id": "q1", "text": "Tariffs stay for now"}, {"id": "q2", "text": "No deal yet"}]
FIGURES = [{"id": "f1", "label": "Tariffs", "value": "100%"}]
Q1, Q2, F1 = ("quote", "q1"), ("quote", "q2"), ("figure", "f1")


@pytest.fixture
def screen(tmp_path: Path) -> Screen:
    screen = Screen(loaded_entry(tmp_path, quotes=QUOTES, figures=FIGURES))
    screen.widgets["BriefHeader"] = SimpleNamespace(problem="")
    return screen


def live_of(screen: Screen, seen: dict[tuple[str, str], str] | None = None) -> LiveReload:
    if seen is not None:
        screen.briefing_app.seen_items = SimpleNamespace(seen=lambda _brief_id: seen)
    return LiveReload(screen)  # type: ignore[arg-type]


def digested(live: LiveReload, screen: Screen) -> None:
    live.digest_brief(screen.brief)
    (message,) = screen.posted
    assert isinstance(message, LiveReload.Digested) and message.brief is screen.brief
    live.digested(message)


def test_a_first_visit_flags_nothing_and_records_every_item_as_seen(screen: Screen) -> None:
    live = live_of(screen, seen={})
    digested(live, screen)
    assert live.unseen == set()
    assert len(screen.briefing_app.written) == 1  # the digests, written as seen


def test_a_later_visit_flags_the_items_added_or_edited_since(screen: Screen) -> None:
    before = dict(item_digests(screen.brief))
    before[Q1] = "an older digest"
    del before[F1]
    live = live_of(screen, seen=before)
    digested(live, screen)
    assert live.unseen == {Q1, F1}
    assert screen.calls == ["marks"] and screen.briefing_app.written == []
    assert live.unseen_mark(ItemKind.QUOTE, "q1") == UNSEEN_MARK


def test_digests_of_another_brief_are_ignored(screen: Screen, tmp_path: Path) -> None:
    live = live_of(screen, seen={})
    other = loaded_entry(tmp_path / "other", title="Other").brief
    assert other is not None
    live.digested(LiveReload.Digested(other, {Q1: "x"}))
    assert live.unseen == set() and screen.briefing_app.written == []


def test_an_item_reached_is_no_longer_new_and_is_saved_on_the_next_tick(screen: Screen) -> None:
    before = {key: "old" for key in item_digests(screen.brief)}
    live = live_of(screen, seen=before)
    digested(live, screen)
    assert Q1 in live.unseen
    live.item_seen("quote", "q1")
    assert Q1 not in live.unseen and screen.calls[-1] == "marks"
    assert screen.briefing_app.written == []
    live.flush_seen()
    live.flush_seen()
    assert len(screen.briefing_app.written) == 1  # one write for the items seen since the tick


def test_a_reload_shown_adds_its_changes_and_drops_what_it_removed(screen: Screen) -> None:
    live = live_of(screen)
    live.unseen = {Q1, F1}
    live.brief_shown(Changes(added=frozenset({Q2}), removed=frozenset({F1})))
    assert live.unseen == {Q1, Q2}


def test_an_invalid_version_on_disk_is_said_once_and_kept_in_the_header(screen: Screen) -> None:
    live = live_of(screen)
    path = screen.entry.path
    error = BriefError(path, [Problem("title: missing")])
    live.reloaded(LiveReload.Reloaded(path, (1, 2), None, error))
    live.reloaded(LiveReload.Reloaded(path, (1, 2), None, error))
    assert len(screen.notified) == 1 and "title: missing" in screen.notified[0]
    assert "not valid" in screen.widgets["BriefHeader"].problem


def test_a_new_version_is_shown_with_its_changes_at_the_cursor(screen: Screen) -> None:
    live = live_of(screen, seen={})
    digested(live, screen)
    path = screen.entry.path
    newer = load_brief(path)
    digests = dict(item_digests(newer))
    digests[Q2] = "edited"
    screen.current, screen.focused = "quotes", ("quotes", "q2")
    live.reloaded(LiveReload.Reloaded(Path("elsewhere.toml"), (1, 2), newer, None, digests))
    assert screen.notified == []  # another brief is on screen
    live.reloaded(LiveReload.Reloaded(path, (1, 2), newer, None, digests))
    assert screen.entry.brief is newer
    assert screen.calls[-2:] == [f"show {path.name}", "select quotes q2"]
    assert screen.notified == ["Reloaded: 1 edited"]
    changes = live.take_pending_changes()
    assert changes is not None and changes.edited == {Q2}
    assert live.take_pending_changes() is None


def test_u_goes_to_the_next_new_item_after_the_cursor_then_round(screen: Screen) -> None:
    live = live_of(screen)
    live.next_unseen()
    assert screen.notified == ["Nothing new in this brief"]
    live.unseen = {Q1, F1}
    screen.current, screen.focused = "quotes", ("quotes", "q1")
    live.next_unseen()
    assert screen.calls[-2:] == ["select figures f1", "marks"]
    screen.current, screen.focused = "figures", ("figures", "f1")
    live.next_unseen()
    assert screen.calls[-2:] == ["select quotes q1", "marks"]
    assert live.unseen == set()
