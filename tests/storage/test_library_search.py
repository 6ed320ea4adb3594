"""Searching the library index: query syntax, ranking, notes, roots, and queries that must not raise.

The index is built from a copy of ``sample_briefs/`` (and, for the roots
tests, of ``tests/data/hostile/``) with the real ``refresh`` and
``build_search``; searches go through a read-only connection, as the search
screen's do.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.core.anchors import ItemKind
from briefing.core.annotations import Note
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.query import mark, parse_query, snippet
from briefing.storage.index.refreshing import build_search, refresh
from briefing.storage.index.search import (
    Hit,
    LibrarySearch,
    NotesIndex,
    SearchResult,
    open_search_connection,
    search,
)

from .helpers import DATA, NOW

SAMPLES = Path(__file__).resolve().parent.parent.parent / "sample_briefs"
SEED_FILE = "us-china-trade-talks-kuala-lumpur.toml"
SEED_ID = "us-china-trade-talks-kuala-lumpur-2025"


def build(index: LibraryIndex, *roots: Path) -> None:
    """Bring the index and its search tables up to date with ``roots``."""
    for _ in refresh(index, roots):
        pass
    for _ in build_search(index):
        pass


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(SAMPLES, folder)
    return folder


@pytest.fixture
def other(tmp_path: Path) -> Path:
    """A second library, indexed in the same file (its briefs are hostile markup)."""
    folder = tmp_path / "other"
    shutil.copytree(DATA / "hostile", folder)
    return folder


@pytest.fixture
def index(tmp_path: Path, library: Path, other: Path) -> Iterator[LibraryIndex]:
    index = LibraryIndex(tmp_path / "data" / "library-index.db", zone=UTC)
    build(index, library, other)
    yield index
    index.close()


@pytest.fixture
def connection(index: LibraryIndex) -> Iterator[sqlite3.Connection]:
    connection = open_search_connection(index.path)
    yield connection
    connection.close()


def find(connection: sqlite3.Connection, query: str, library: Path, **kwargs) -> SearchResult:
    result = search(connection, query, roots=[library], **kwargs)
    assert result.problem is None, result.problem
    return result


def ids(result: SearchResult) -> set[str]:
    return {hit.item_id for hit in result.hits}


def marked(hit: Hit) -> list[str]:
    """The matched pieces of a hit's snippet."""
    return [hit.snippet.text[a:b] for a, b in hit.snippet.spans]


# Query syntax ------------------------------------------------------------------------


def test_words_in_any_order(connection: sqlite3.Connection, library: Path) -> None:
    for query in ("very positive framework", "framework positive", "positive VERY framework"):
        result = find(connection, query, library, typing=False)
        assert "bessent-framework" in ids(result)
    hit = next(
        h
        for h in find(connection, "framework positive", library).hits
        if h.item_id == "bessent-framework"
    )
    assert hit.path == str(library / SEED_FILE)
    assert hit.kind == "quote" and hit.label == "Quote"
    assert hit.speaker.text == "Scott Bessent"
    assert marked(hit) == ["positive", "framework"]


def test_phrase(connection: sqlite3.Connection, library: Path) -> None:
    assert "bessent-framework" in ids(find(connection, '"very positive framework"', library))
    # The same words in another order are not the phrase.
    assert "bessent-framework" not in ids(find(connection, '"framework positive very"', library))
    hit = find(connection, '"positive framework"', library).hits[0]
    assert marked(hit) == ["positive framework"]


def test_prefix_and_the_word_being_typed(connection: sqlite3.Connection, library: Path) -> None:
    assert "bessent-constructive" in ids(find(connection, "constru*", library, typing=False))
    # While typing, the last word is a prefix...
    assert "bessent-constructive" in ids(find(connection, "far-reaching constru", library))
    # ...but not once the query is complete, nor when a space follows it.
    assert "bessent-constructive" not in ids(find(connection, "constru", library, typing=False))
    assert "bessent-constructive" not in ids(find(connection, "constru ", library))
    # One or two letters typed after a word do not empty the results in the meantime.
    assert ids(find(connection, "framework p", library)) == ids(
        find(connection, "framework", library)
    )
    # A quoted phrase being typed: its last word is a prefix.
    result = search(connection, '"very positive fram', roots=[library])
    assert result.problem and "unbalanced quote" in result.problem
    assert "bessent-framework" in ids(result)


def test_case_and_diacritics(connection: sqlite3.Connection, library: Path) -> None:
    for query in ("nguyen thi lan", "NGUYỄN", "Nguyễn Thị", "nguyen THI"):
        result = find(connection, query, library, typing=False)
        assert any(hit.kind == "participant" for hit in result.hits), query
    hit = next(h for h in find(connection, "nguyen thi", library).hits if h.kind == "participant")
    assert marked(hit)[:2] == ["Nguyễn", "Thị"]


def test_speaker_names_find_their_quotes(connection: sqlite3.Connection, library: Path) -> None:
    result = find(connection, "bessent", library)
    assert {"bessent-constructive", "bessent-framework"} <= ids(result)
    quote = next(hit for hit in result.hits if hit.item_id == "bessent-framework")
    assert quote.speaker.spans == ((6, 13),)  # "Scott [Bessent]"


def test_title_matches_rank_first(connection: sqlite3.Connection, library: Path) -> None:
    result = find(connection, "preliminary trade deal", library)
    top = result.hits[0]
    assert (top.kind, top.path) == ("brief", str(library / SEED_FILE))
    assert [top.title.text[a:b] for a, b in top.title.spans] == ["preliminary", "trade", "deal"]


HOSTILE = [
    '"unbalanced',
    'unbalanced" quote" here"',
    "NEAR",
    "NEAR(trade deal, 2)",
    "trade NEAR deal",
    "AND",
    "OR trade",
    "trade AND OR NOT deal",
    "NOT",
    "*",
    "**",
    "trade*deal*",
    "-",
    "-trade",
    ":",
    "text:",
    "text:trade",
    "speaker_name:bessent",
    "{text speaker_name}: bessent",
    "(",
    "(trade OR",
    ")",
    "^trade",
    "trade +deal",
    '""',
    '"*"',
    "\x00\x1b[31m\x07",
    "trade\x00deal",
    "\u202etrade",
    "x" * 10_000,
    "trade " * 2_000,
    '"' + "trade " * 500,
    "ǅ ß İ ﬁ",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(
    connection: sqlite3.Connection, library: Path, query: str
) -> None:
    for typing in (True, False):
        result = search(connection, query, roots=[library], typing=typing)
        assert result.problem is None or not result.problem.startswith("search failed"), (
            result.problem
        )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"unbalanced', "unbalanced quote"),
        ("*", "nothing to search for"),
        ("- : ( )", "nothing to search for"),
        ("x" * 10_000, "too long"),
        (" ".join(f"w{n}" for n in range(40)), "too many words"),
    ],
)
def test_problems_are_one_line_messages(
    connection: sqlite3.Connection, library: Path, query: str, message: str
) -> None:
    result = search(connection, query, roots=[library])
    assert result.problem is not None and message in result.problem
    assert "\n" not in result.problem


def test_operators_are_searched_as_words(connection: sqlite3.Connection, library: Path) -> None:
    # "and" is a word of the seed brief's text: AND is that word, not an operator.
    assert find(connection, "constructive AND far-reaching", library, typing=False).hits
    assert parse_query("NEAR(a b)", typing=False).expression() == '"NEAR a" AND "b"'
    assert (
        parse_query('text:"x" OR -y*', typing=False).expression()
        == '"text" AND "x" AND "OR" AND "y"*'
    )


def test_an_empty_query_finds_nothing_quietly(
    connection: sqlite3.Connection, library: Path
) -> None:
    for query in ("", "   ", "\t\n"):
        result = search(connection, query, roots=[library])
        assert (result.hits, result.problem) == ([], None)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=300))
def test_any_text_is_a_safe_query(
    connection: sqlite3.Connection, library: Path, query: str
) -> None:
    result = search(connection, query, roots=[library])
    assert result.problem is None or not result.problem.startswith("search failed"), (
        query,
        result.problem,
    )
    for hit in result.hits:
        for part in (hit.title, hit.snippet, hit.speaker):
            assert all(0 <= a < b <= len(part.text) for a, b in part.spans)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=400), query=st.text(max_size=40))
def test_marks_stay_inside_the_text(text: str, query: str) -> None:
    terms = parse_query(query).terms
    spans = mark(text, terms)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert list(spans) == sorted(spans)
    shown = snippet(text, terms)
    assert all(0 <= a < b <= len(shown.text) for a, b in shown.spans)
    assert "\n" not in shown.text


# Roots, notes, changes ------------------------------------------------------------------


def test_only_the_library_under_its_roots_is_searched(
    connection: sqlite3.Connection, library: Path, other: Path
) -> None:
    # The hostile briefs are in the same index, under another root.
    assert not find(connection, "quote-z", library).hits
    result = find(connection, "quote-z", other)
    assert result.hits and all(hit.path.startswith(str(other)) for hit in result.hits)
    both = search(connection, "quote-z", roots=[library, other])
    assert len(both.hits) == len(result.hits)
    assert all(Path(hit.path).parent == library for hit in find(connection, "trade", library).hits)


def note(brief_id: str, kind: ItemKind, item_id: str, body: str, detached: bool = False) -> Note:
    return Note(
        "u-" + item_id, brief_id, "Old title", kind, item_id, "the item", body, NOW, NOW, detached
    )


def test_notes_are_searched(connection: sqlite3.Connection, library: Path) -> None:
    notes = NotesIndex(
        [
            note(SEED_ID, ItemKind.QUOTE, "bessent-framework", "Ask Zanzibar desk about this"),
            note(SEED_ID, ItemKind.QUOTE, "gone", "zanzibar detached", detached=True),
            note("a-brief-elsewhere", ItemKind.QUOTE, "q", "Zanzibar elsewhere"),
        ]
    )
    result = search(connection, "zanzibar", roots=[library], notes=notes)
    assert result.problem is None
    assert result.matches == 2  # the note on a brief outside the library is not counted
    by_item = {hit.item_id: hit for hit in result.hits}
    hit = by_item["bessent-framework"]
    assert hit.note and hit.kind == "quote" and hit.path == str(library / SEED_FILE)
    assert hit.label == "Note on the quote"
    assert hit.title.text.startswith("US, China agree")  # the brief's title now, not the saved one
    assert marked(hit) == ["Zanzibar"]
    # A detached note opens its brief at the top.
    assert (by_item[""].kind, by_item[""].note) == ("brief", True)
    notes.close()


def test_a_changed_brief_is_searched_as_it_is_now(
    index: LibraryIndex, connection: sqlite3.Connection, library: Path, other: Path
) -> None:
    searcher = LibrarySearch(connection, [library])
    assert "bessent-framework" in ids(searcher.search("very positive framework"))
    seed = library / SEED_FILE
    seed.write_text(seed.read_text().replace("very positive framework", "wholly novel wording"))
    build(index, library, other)
    assert "bessent-framework" not in ids(searcher.search("very positive framework"))
    assert "bessent-framework" in ids(searcher.search("wholly novel wording"))
    # A vanished brief is gone from the results too.
    seed.unlink()
    build(index, library, other)
    assert not searcher.search("wholly novel wording").hits


def test_progress_while_the_search_index_fills(tmp_path: Path, library: Path) -> None:
    index = LibraryIndex(tmp_path / "fresh.db", zone=UTC)
    for _ in refresh(index, [library]):
        pass
    connection = open_search_connection(index.path)
    searcher = LibrarySearch(connection, [library])
    assert searcher.search("trade").building == (0, 5)
    for _ in build_search(index, batch=2):
        break
    assert searcher.search("trade").building == (2, 5)
    for _ in build_search(index):
        pass
    result = searcher.search("trade")
    assert result.building is None and result.hits
    connection.close()
    index.close()


def test_a_missing_index_cannot_be_opened(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.Error):
        open_search_connection(tmp_path / "nothing-here.db")


def test_sharp_s_and_ss_find_each_other(connection: sqlite3.Connection, library: Path) -> None:
    """Issue 16 item 20: "weissach" did not find "Weißach" (nor the other way round)."""
    for query in ("weissach", "Weißach", "WEISSACH", "weiss"):
        result = find(connection, query, library)
        assert result.hits, query
        assert any("Weißach" in marked(hit) for hit in result.hits), query
