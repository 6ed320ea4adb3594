"""Notes and bookmarks as W3C Web Annotations (JSON-LD), for tools that read that model.

One ``AnnotationCollection`` whose single page holds every annotation; each
annotation also carries the ``@context`` so that it can be taken out on its own.
A note is a ``commenting`` annotation with the note as a Markdown ``TextualBody``;
a bookmark is a ``bookmarking`` annotation without a body. The target is the
brief's source URL (``urn:briefing:brief:ID`` when the brief has none, or is not
at hand) with a ``TextQuoteSelector``: the item's text as ``exact``, and as
``prefix``/``suffix`` the words around it in the item's fields (a quote's
context, a deadline's details), empty when nothing surrounds it.

The context is named by its URL and never fetched: nothing here reads the network.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from briefing.core import sections
from briefing.core.annotations import Bookmark, Note
from briefing.core.models import Brief

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
"""The Web Annotation context, by URL (https://www.w3.org/TR/annotation-model/)."""
AROUND = 32
"""How many characters of prefix and suffix a selector gives."""


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _source(brief_id: str, brief: Brief | None) -> str:
    if brief is not None and brief.source is not None and brief.source.url:
        return brief.source.url
    return f"urn:briefing:brief:{brief_id}"


def _surroundings(mark: Note | Bookmark, brief: Brief | None) -> tuple[str, str]:
    """The words before and after the item's text in its own fields ("" when none)."""
    section = sections.by_kind(mark.kind.value)
    if brief is None or section is None or mark.detached:
        return "", ""
    item = section.find(brief, mark.item_id)
    if item is None:
        return "", ""
    document = "\n".join(field for field in section.search_fields(item) if field)
    at = document.find(mark.item_text)
    if at < 0:
        return "", ""
    end = at + len(mark.item_text)
    return document[max(0, at - AROUND) : at], document[end : end + AROUND]


def _target(mark: Note | Bookmark, brief: Brief | None) -> dict[str, Any]:
    prefix, suffix = _surroundings(mark, brief)
    return {
        "source": _source(mark.brief_id, brief),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": mark.item_text,
                "prefix": prefix,
                "suffix": suffix,
            }
        ],
    }


def _note(note: Note, brief: Brief | None) -> dict[str, Any]:
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": f"urn:briefing:note:{note.uid}",
        "type": "Annotation",
        "motivation": "commenting",
        "created": _iso(note.created),
        "modified": _iso(note.updated),
        "body": {
            "type": "TextualBody",
            "value": note.body,
            "format": "text/markdown",
            "purpose": "commenting",
        },
        "target": _target(note, brief),
    }


def _bookmark(bookmark: Bookmark, brief: Brief | None) -> dict[str, Any]:
    anchor = f"{bookmark.brief_id}/{bookmark.kind.value}/{bookmark.item_id}".rstrip("/")
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": f"urn:briefing:bookmark:{anchor}",
        "type": "Annotation",
        "motivation": "bookmarking",
        "created": _iso(bookmark.created),
        "target": _target(bookmark, brief),
    }


def to_annotations(
    notes: Iterable[Note], bookmarks: Iterable[Bookmark], briefs: Mapping[str, Brief], now: datetime
) -> str:
    """The notes and bookmarks as one Web Annotation collection, JSON-LD text."""
    items = [_note(note, briefs.get(note.brief_id)) for note in notes]
    items += [_bookmark(mark, briefs.get(mark.brief_id)) for mark in bookmarks]
    collection = {
        "@context": ANNOTATION_CONTEXT,
        "type": "AnnotationCollection",
        "label": "Notes from briefing",
        "generated": _iso(now),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
