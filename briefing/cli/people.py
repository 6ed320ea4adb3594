"""``briefing people [NAME]``: everyone the library names, merged across briefs, with quotes.

One plain line per person (``name · roles · N briefs · N quotes``), or with
``--json`` the ``briefing.people`` shape (every quote included). Exit 0; 1 when
NAME matches nobody; 2 when the library cannot be read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.cli.common import err, library_folders, missing_path
from briefing.cli.json_shapes import emit
from briefing.core.clock import local_zone
from briefing.core.safetext import clean_line
from briefing.storage import paths
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.indexing import index_in_processes
from briefing.storage.index.people import people_in_library

if TYPE_CHECKING:
    import argparse

    from briefing.core.people_merge import Person
    from briefing.storage.index.people import LibraryPeople


def _json_person(person: Person, library: LibraryPeople) -> dict[str, object]:
    """One person of ``people --json`` (shape ``briefing.people``)."""
    return {
        "name": person.name,
        "names": list(person.names),
        "roles": list(person.roles),
        "affiliations": list(person.affiliations),
        "briefs": person.briefs,
        "quotes": [
            {
                "path": str(q.path),
                "brief_title": q.brief_title,
                "item_id": q.item_id,
                "text": q.text,
                "when": q.when,
                "context": q.context,
            }
            for q in library.quotes_of(person)
        ],
    }


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _matches(person: Person, name: str) -> bool:
    """True when ``name`` is part of one of the person's names (aliases too), case aside."""
    wanted = name.casefold()
    return any(wanted in known.casefold() for known in person.names)


def cmd_people(args: argparse.Namespace) -> int:
    """Run ``briefing people``; 0, 1 when NAME matches nobody, 2 when the library is missing."""

    library = library_folders(args.library)
    problem = missing_path(library)
    if problem is not None:
        err(problem, "briefing people")
        return 2
    zone = local_zone()
    index = LibraryIndex(paths.index_file(), zone=zone)
    try:
        found = people_in_library(index, library, zone, indexer=index_in_processes)
    finally:
        index.close()
    people = [p for p in found.people if not args.name or _matches(p, args.name)]
    if args.json:
        emit("people", {"people": [_json_person(p, found) for p in people]})
    else:
        for p in people:
            counts = [_count(p.briefs, "brief"), _count(p.quotes, "quote")]
            fields = [p.name, ", ".join(p.roles[:2]), *counts]
            print(" · ".join(clean_line(f) for f in fields if f))
    return 1 if args.name and not people else 0
