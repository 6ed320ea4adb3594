"""Full-text search across the library: every item of every brief, and the user's notes.

The library index keeps an FTS5 table of every item (see
:func:`~briefing.storage.index.refreshing.build_search`); notes live
in another database, so :class:`NotesIndex` puts them in an FTS5 table of its
own, in memory, when a search starts (a reader has hundreds of notes, not
millions: building it takes milliseconds).

Queries are read by :func:`~briefing.storage.index.query.parse_query`, which
quotes every word, so no query can raise; what cannot be searched is said in
:attr:`SearchResult.problem`. Each hit's snippet is plain text plus
``(start, end)`` offsets of the matches, never text with markers in it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.core import sections
from briefing.core.anchors import ItemKind
from briefing.core.annotations import KIND_LABELS
from briefing.core.markdown_text import plain_markdown
from briefing.core.section import Section
from briefing.storage.index.notes_search import NotesIndex
from briefing.storage.index.query import (
    Marked,
    Query,
    Term,
    contains,
    excerpt,
    mark,
    parse_query,
    snippet,
)

__all__ = [
    "Hit",
    "LibrarySearch",
    "Marked",
    "NotesIndex",
    "Query",
    "SearchResult",
    "Term",
    "mark",
    "open_search_connection",
    "parse_query",
    "search",
]

RANK_BUDGET = 8_000
"""How many (match × word) pairs are ranked with bm25 (a few µs each on the benchmark)."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One item (or note) that matches: what to show, and where it opens."""

    path: str
    """The brief's file."""
    title: Marked
    """The brief's title."""
    kind: str
    """The item's kind (an :class:`~briefing.core.anchors.ItemKind` value), to open it."""
    item_id: str
    label: str
    """What the item is, for reading: ``Quote``, ``Note on a deadline``..."""
    speaker: Marked
    """Who said a quote ("" for other items)."""
    when: str
    snippet: Marked
    """The matching text around its first match, on one line."""
    score: float
    """bm25, weighted: lower is better."""
    note: bool = False
    """True for a hit in the user's notes."""


@dataclass(slots=True)
class SearchResult:
    """What a search found, best first, and anything the user should know."""

    hits: list[Hit] = field(default_factory=list)
    matches: int = 0
    """How many items and notes matched (``hits`` holds at most the limit)."""
    ranked: int | None = None
    """When the query matched too much to rank it all: how many matches were ranked."""
    problem: str | None = None
    """A one-line message: part of the query was not searched, or the search failed."""
    building: tuple[int, int] | None = None
    """``(done, total)`` briefs searchable while the search index is still being filled."""


def open_search_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection to the library index at ``path``, for searching from any thread.

    Separate from the index's own connection, so a search never waits for (or
    gets in the middle of) a refresh; WAL lets it read while the index writes.
    Raises ``sqlite3.Error`` when the file cannot be opened.
    """
    if not path.exists():
        raise sqlite3.OperationalError(f"{path} does not exist yet")
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=2
        )
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        # A read-only open needs the WAL's shared-memory file to exist; open it read-write
        # and promise not to write instead.
        connection = sqlite3.connect(path, check_same_thread=False, timeout=2)
        connection.execute("PRAGMA query_only = ON")
    return connection


def _roots(roots: Iterable[str | os.PathLike[str]]) -> list[str]:
    return [os.path.abspath(os.fspath(root)).rstrip(os.sep) or os.sep for root in roots]


def _under(path: str, roots: list[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _section(kind: str) -> Section | None:
    """The section of an indexed kind (the brief's own record is the summary's)."""
    return sections.SUMMARY if kind == ItemKind.BRIEF else sections.by_kind(kind)


def _fields(kind: str) -> bool:
    """True when the kind's text is fields, one a line (see :mod:`briefing.core.library_items`)."""
    section = _section(kind)
    return section is not None and section.fields_per_line


def _boost(kind: str) -> float:
    """bm25 is negative (lower is better): multiplying by more than 1 raises an item."""
    section = _section(kind)
    return section.search_boost if section is not None else 1.0


TITLE_BOOST = 2.0
"""A brief whose title matches comes before the items that only mention the words."""
NOTE_BOOST = 2.0
"""The user's own words come first."""


class LibrarySearch:
    """Searches one library (the index files under ``roots``) and, if given, the user's notes.

    Keeps what does not change between keystrokes (which briefs are outside the
    library, where each noted brief is) until the index changes. Not
    thread-safe: use it from one thread at a time.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        roots: Iterable[str | os.PathLike[str]],
        notes: NotesIndex | None = None,
    ) -> None:
        self.connection = connection
        self.roots = _roots(roots)
        self.notes = notes
        self._version: int | None = None
        self._scoped = True
        self._building: tuple[int, int] | None = None
        self._briefs: dict[str, tuple[str, str]] | None = None

    def _refresh(self) -> None:
        """Re-read what the library looks like if another connection changed the index."""
        version = self.connection.execute("PRAGMA data_version").fetchone()[0]
        if version == self._version:
            return
        rows = self.connection.execute(
            "SELECT path, summary IS NOT NULL, searchable FROM files"
        ).fetchall()
        inside = [row for row in rows if _under(row[0], self.roots)]
        self._scoped = len(inside) == len(rows)
        total = sum(1 for _, valid, _ in inside if valid)
        done = sum(1 for _, valid, ready in inside if valid and ready)
        self._building = (done, total) if done < total else None
        self._briefs = None
        self._version = version

    def briefs(self) -> dict[str, tuple[str, str]]:
        """Each brief id of the library: its file and title (for notes, which know only the id)."""
        if self._briefs is None:
            rows = self.connection.execute(
                "SELECT path, json_extract(summary, '$.id'), json_extract(summary, '$.title')"
                " FROM files"
                " WHERE summary IS NOT NULL"
            ).fetchall()
            self._briefs = {
                str(brief_id): (path, str(title or ""))
                for path, brief_id, title in rows
                if brief_id is not None and _under(path, self.roots)
            }
        return self._briefs

    def _where(self) -> tuple[str, list[str]]:
        """The SQL that keeps the items of the library's files, and its parameters."""
        if self._scoped:
            return "", []
        clauses, parameters = [], []
        for root in self.roots:
            # Everything under root/ sorts between "root/" and "root0" ("0" follows "/").
            clauses.append("(items.path = ? OR (items.path > ? AND items.path < ?))")
            parameters += [root, root + os.sep, root + chr(ord(os.sep) + 1)]
        return " AND (" + (" OR ".join(clauses) or "0") + ")", parameters

    def search(self, text: str | Query, *, limit: int = 200, typing: bool = True) -> SearchResult:
        """Search for ``text`` (see :func:`parse_query`); never raises."""
        query = parse_query(text, typing=typing) if isinstance(text, str) else text
        result = SearchResult(problem=query.problem)
        try:
            self._refresh()
            result.building = self._building
            if query.terms:
                self._find(query, limit, result)
        except sqlite3.Error as error:
            result.hits = []
            result.problem = f"search failed: {error}"
        return result

    def _find(self, query: Query, limit: int, result: SearchResult) -> None:
        expression = query.expression()
        where, parameters = self._where()
        join = "" if self._scoped else " JOIN items ON items.id = items_fts.rowid"
        match = f"FROM items_fts{join} WHERE items_fts MATCH ?{where}"
        count = self.connection.execute(
            f"SELECT count(*) {match}", (expression, *parameters)
        ).fetchone()[0]
        # Ranking costs per match: past the budget, rank the most recently indexed matches.
        words = sum(len(term.words) for term in query.terms)
        budget = max(limit * 2, RANK_BUDGET // words)
        floor = 0
        if count > budget:
            floor = self.connection.execute(
                f"SELECT items_fts.rowid {match} ORDER BY items_fts.rowid DESC LIMIT 1 OFFSET ?",
                (expression, *parameters, budget - 1),
            ).fetchone()[0]
            result.ranked = budget
        rows = self.connection.execute(
            "SELECT items.path, items.kind, items.id, found.r"
            f" FROM (SELECT items_fts.rowid AS id, bm25(items_fts, 1.0, 4.0, 0.5) AS r {match}"
            " AND items_fts.rowid >= ? ORDER BY r LIMIT ?) AS found"
            " JOIN items ON items.id = found.id ORDER BY found.r",
            (expression, *parameters, floor, limit * 2),
        ).fetchall()
        titles = self._titles({row[0] for row in rows})
        terms = query.terms
        # Order first (a brief whose title matches moves up), then make the snippets of
        # those shown: locating matches in Python costs more than the search.
        found: list[tuple[float, int, tuple[Any, ...]]] = []
        for index, row in enumerate(rows):
            path, kind, score = row[0], row[1], row[-1]
            if kind == ItemKind.BRIEF.value and contains(titles.get(path, ""), terms):
                score *= TITLE_BOOST
            found.append((score * _boost(kind), index, ("item", row)))
        matches = count
        briefs: dict[str, tuple[str, str]] = {}
        if self.notes is not None:
            noted, note_rows = self.notes.find(expression, limit)
            briefs = self.briefs() if note_rows else {}
            for index, row in enumerate(note_rows):
                if row[0] in briefs:
                    found.append((row[-1] * NOTE_BOOST, len(rows) + index, ("note", row)))
                else:
                    noted -= 1  # a note on a brief outside this library
            matches += noted
        found.sort(key=lambda entry: entry[:2])
        found = found[:limit]
        shown = [row[2] for _, _, (what, row) in found if what == "item"]
        items = self._items(shown)
        result.hits = [
            self._item_hit(row[0], row[1], items[row[2]], score, titles, terms)
            if what == "item"
            else self._note_hit(row, score, briefs, terms)
            for score, _, (what, row) in found
        ]
        result.matches = matches

    def _items(self, ids: list[int]) -> dict[int, tuple[Any, ...]]:
        """What is shown of the items ``ids``: their text, speaker and date."""
        items: dict[int, tuple[Any, ...]] = {}
        for at in range(0, len(ids), 500):
            chunk = ids[at : at + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self.connection.execute(
                "SELECT id, item_id, text, speaker_name, when_text FROM items"
                f" WHERE id IN ({marks})",
                chunk,
            ):
                items[row[0]] = row[1:]
        return items

    def _titles(self, paths: set[str]) -> dict[str, str]:
        if not paths:
            return {}
        marks = ", ".join("?" * len(paths))
        rows = self.connection.execute(
            # json_extract rather than ->>, which SQLite has only from 3.38 (Ubuntu 22.04: 3.37).
            f"SELECT path, json_extract(summary, '$.title') FROM files WHERE path IN ({marks})",
            tuple(paths),
        ).fetchall()
        return {path: str(title or "") for path, title in rows}

    def _item_hit(
        self,
        path: str,
        kind: str,
        item: tuple[Any, ...],
        score: float,
        titles: dict[str, str],
        terms: Sequence[Term],
    ) -> Hit:
        item_id, text, speaker, when = item
        title = titles.get(path) or Path(path).name
        if kind == ItemKind.BRIEF.value:
            # The brief's text is its title, a line break, then its summary.
            text = text.partition("\n")[2]
        return Hit(
            path=path,
            title=Marked(title, mark(title, terms)),
            kind=kind,
            item_id=item_id,
            label=KIND_LABELS.get(kind, kind),
            speaker=Marked(speaker, mark(speaker, terms)) if kind == "quote" else Marked(""),
            when=when,
            snippet=snippet(plain_markdown(text), terms, fields=_fields(kind)),
            score=score,
        )

    def _note_hit(
        self,
        row: tuple[Any, ...],
        score: float,
        briefs: dict[str, tuple[str, str]],
        terms: Sequence[Term],
    ) -> Hit:
        brief_id, noted_title, kind, item_id, item_text, body, _ = row
        path, title = briefs[brief_id]
        title = title or noted_title
        what = KIND_LABELS.get(kind, kind).lower()
        first_line = item_text.strip().splitlines()[0][:80] if item_text.strip() else ""
        return Hit(
            path=path,
            title=Marked(title, mark(title, terms)),
            kind=kind,
            item_id=item_id,
            label=f"Note on the {what}",
            speaker=Marked(""),
            when=excerpt(first_line, ()).text,
            snippet=snippet(plain_markdown(body), terms),
            score=score,
            note=True,
        )


def search(
    connection: sqlite3.Connection,
    query: str,
    *,
    roots: Iterable[str | os.PathLike[str]],
    limit: int = 200,
    notes: NotesIndex | None = None,
    typing: bool = True,
) -> SearchResult:
    """Search the items of the briefs under ``roots`` (and ``notes``) for ``query``; never raises.

    A one-off :class:`LibrarySearch`: a screen searching at every keystroke
    keeps one instead, so what it learns of the library is kept between searches.
    """
    return LibrarySearch(connection, roots, notes).search(query, limit=limit, typing=typing)
