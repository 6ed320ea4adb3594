"""``briefing search QUERY``: the library search of the reader's ctrl+f, for scripts.

One plain line per hit (``brief · what · snippet · file``), or with ``--json``
the ``briefing.search`` shape. Exit 0 when something matched, 1 when nothing
did (like grep), 2 when the library or its index cannot be read.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from briefing.cli.common import err, library_folders, missing_path, saved_annotations
from briefing.cli.json_shapes import emit
from briefing.core.clock import local_zone
from briefing.core.safetext import clean_line, display_path
from briefing.storage import paths
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.indexing import index_in_processes
from briefing.storage.index.notes_search import NotesIndex
from briefing.storage.index.people import brought_up_to_date
from briefing.storage.index.schema import absolute
from briefing.storage.index.search import search

if TYPE_CHECKING:
    import argparse

    from briefing.storage.index.notes_search import NotesIndex
    from briefing.storage.index.search import Hit, SearchResult


def _notes_index() -> NotesIndex | None:
    """The user's notes, searchable beside the briefs (None without a notes database)."""

    annotations = saved_annotations()
    if annotations is None:
        return None
    try:
        return NotesIndex(annotations.all_notes())
    finally:
        annotations.store.close()


def _search(args: argparse.Namespace) -> SearchResult:
    roots = absolute(library_folders(args.library))
    index = LibraryIndex(paths.index_file(), zone=local_zone())
    try:
        brought_up_to_date(index, roots, indexer=index_in_processes)
        notes = _notes_index()
        return search(
            index.connection,
            args.query,
            roots=roots,
            limit=max(1, args.limit),
            notes=notes,
            typing=False,
        )
    finally:
        index.close()


def _json_hit(hit: Hit) -> dict[str, object]:
    """One hit of ``search --json`` (shape ``briefing.search``)."""
    return {
        "path": hit.path,
        "brief_title": hit.title.text,
        "kind": hit.kind,
        "item_id": hit.item_id,
        "label": hit.label,
        "speaker": hit.speaker.text,
        "when": hit.when,
        "snippet": hit.snippet.text,
        "note": hit.note,
    }


def cmd_search(args: argparse.Namespace) -> int:
    """Run ``briefing search``; 0 when something matched, 1 when nothing did, 2 on a failure."""
    problem = missing_path(library_folders(args.library))
    if problem is not None:
        err(problem, "briefing search")
        return 2
    try:
        result = _search(args)
    except (OSError, sqlite3.Error) as error:
        err(f"the library index cannot be used ({error})", "briefing search")
        return 2
    if result.problem and not result.hits:
        err(result.problem, "briefing search")
    if args.json:
        hits = [_json_hit(hit) for hit in result.hits]
        emit(
            "search",
            {
                "query": args.query,
                "matches": result.matches,
                "problem": result.problem,
                "hits": hits,
            },
        )
    else:
        for hit in result.hits:
            fields = [hit.title.text, hit.label, hit.snippet.text]
            print(" · ".join([*(clean_line(f) for f in fields), display_path(hit.path)]))
    return 0 if result.hits else 1
