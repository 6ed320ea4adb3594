"""BriefSearch on its own: the words, the matches in pane order, n/N from the cursor, clearing."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ui.screens.brief_search import BriefSearch

from .standin import Screen, loaded_entry

QUOTES = [
    {"id": "q1", "text": "Tariffs stay for now"},
    {"id": "q2", "text": "No tariffs on soybeans"},
]
FIGURES = [{"id": "f1", "label": "Tariffs", "value": "100%"}]


@pytest.fixture
def screen(tmp_path: Path) -> Screen:
    entry = loaded_entry(tmp_path, quotes=QUOTES, figures=FIGURES, summary="Talks on trade.")
    return Screen(entry)


def search_of(screen: Screen) -> BriefSearch:
    return BriefSearch(screen)  # type: ignore[arg-type]


def test_no_search_at_first_so_n_and_escape_keep_their_usual_meaning(screen: Screen) -> None:
    search = search_of(screen)
    assert not search.searching and not search.has_matches
    assert not search.allows("next_match") and not search.allows("clear_search")


def test_find_lists_the_matching_items_in_the_order_of_the_panes(screen: Screen) -> None:
    search = search_of(screen)
    search.find("tariffs")
    assert [(m.section, m.item_id) for m in search.matches] == [
        ("quotes", "q1"),
        ("quotes", "q2"),
        ("figures", "f1"),
    ]
    assert search.match_index == -1
    assert search.searching and search.allows("next_match") and search.allows("clear_search")
    assert screen.calls == ["bindings"]


def test_every_word_must_be_in_an_item(screen: Screen) -> None:
    search = search_of(screen)
    search.find("tariffs soybeans")
    assert [m.item_id for m in search.matches] == ["q2"]
    search.find("nothing like this")
    assert search.matches == [] and not search.has_matches
    assert search.allows("clear_search") and not search.allows("previous_match")


def test_n_and_shift_n_go_round_the_matches(screen: Screen) -> None:
    search = search_of(screen)
    search.find("tariffs")
    for _ in range(4):
        search.step(1)
    search.step(-1)
    selected = [call for call in screen.calls if call.startswith("select")]
    assert selected == [
        "select quotes q1",
        "select quotes q2",
        "select figures f1",
        "select quotes q1",
        "select figures f1",
    ]


def test_a_fresh_search_starts_at_the_cursor(screen: Screen) -> None:
    search = search_of(screen)
    screen.focused = ("quotes", "q2")
    search.find("tariffs")
    search.step(1)
    assert screen.calls[-1] == "select quotes q2"
    search.find("tariffs")
    search.step(-1)
    assert screen.calls[-1] == "select quotes q1"


def test_a_fresh_search_from_an_item_that_does_not_match_goes_to_the_next_pane(
    screen: Screen,
) -> None:
    search = search_of(screen)
    screen.focused = ("timeline", "t-none")
    search.find("tariffs")
    search.step(1)
    assert screen.calls[-1] == "select figures f1"


def test_refresh_searches_the_brief_again_and_clear_forgets_everything(screen: Screen) -> None:
    search = search_of(screen)
    search.refresh()
    assert search.finder is None
    search.find("soybeans")
    search.toggle_matches_only()
    search.step(1)
    search.refresh()
    assert [m.item_id for m in search.matches] == ["q2"] and search.match_index == -1
    screen.current = "quotes"
    search.clear()
    assert search.finder is None and search.matches == [] and search.match_index == -1
    assert not search.matches_only and not search.searching
    assert screen.calls[-2:] == ["focus quotes", "bindings"]
