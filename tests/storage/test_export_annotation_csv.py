"""Web Annotation JSON-LD and CSV exports: golden files, the model's structure, formula injection.

Golden files are rewritten after an intended change with
``BRIEFING_UPDATE_GOLDEN=1 python -m pytest tests/storage/test_export_annotation_csv.py``.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from kit import replaced

from briefing.core.csv_export import agenda_csv, neutralise, notes_csv
from briefing.core.models import Brief, Source
from briefing.core.web_annotation import ANNOTATION_CONTEXT, to_annotations

from .helpers import NOW, revision
from .test_export import check_golden, fixed_bookmarks, fixed_notes


def library() -> dict[str, Brief]:
    """The notes' brief, with a source URL (the annotations' target)."""
    brief = revision("v1")
    source = Source(name="Harbour Gazette", url="https://example.org/harbour")
    return {brief.id: replaced(brief, source=source)}


def test_annotation_golden() -> None:
    check_golden("notes.jsonld", to_annotations(fixed_notes(), fixed_bookmarks(), library(), NOW))


def test_annotations_have_the_structure_the_model_requires() -> None:
    """Each annotation as the W3C model wants it; the context is named by URL, never fetched."""
    data = json.loads(to_annotations(fixed_notes(), fixed_bookmarks(), library(), NOW))
    assert data["@context"] == ANNOTATION_CONTEXT == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["total"] == len(items) == len(fixed_notes()) + len(fixed_bookmarks())
    for item in items:
        assert item["@context"] == ANNOTATION_CONTEXT
        assert item["type"] == "Annotation"
        assert item["id"].startswith("urn:")
        target = item["target"]
        assert isinstance(target["source"], str) and target["source"]
        [selector] = target["selector"]
        assert selector["type"] == "TextQuoteSelector"
        assert {"exact", "prefix", "suffix"} <= set(selector)
        assert selector["exact"]
    notes = [i for i in items if i["motivation"] == "commenting"]
    assert len(notes) == len(fixed_notes())
    for item in notes:
        assert item["body"]["type"] == "TextualBody"
        assert item["body"]["format"] == "text/markdown"
    quote = next(i for i in notes if i["body"]["value"].startswith("Ask whether"))
    assert quote["target"]["selector"][0]["exact"] == revision("v1").quotes[0].text
    assert quote["target"]["source"] == "https://example.org/harbour"
    assert [i["motivation"] for i in items].count("bookmarking") == 3


def test_prefix_and_suffix_come_from_the_brief_around_the_words() -> None:
    data = json.loads(to_annotations(fixed_notes(), [], library(), NOW))
    summary = next(
        i for i in data["first"]["items"] if i["body"]["value"].startswith("Strike lasted")
    )
    selector = summary["target"]["selector"][0]
    assert selector["exact"] == revision("v1").summary
    deadline = next(i for i in data["first"]["items"] if "port engineer" in i["body"]["value"])
    selector = deadline["target"]["selector"][0]
    assert selector["exact"] == "Crane inspection report due"
    assert selector["suffix"].startswith("\nThe mediator wants")


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_neutralise(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


def test_notes_csv_golden() -> None:
    check_golden("notes.csv", notes_csv(fixed_notes(), fixed_bookmarks(), library()))


def test_agenda_csv_golden() -> None:
    check_golden("agenda.csv", agenda_csv(library().values(), NOW))


def test_csv_cells_that_start_a_formula_are_neutralised() -> None:
    notes = fixed_notes()
    hostile = dataclasses.replace(notes[0], body='=HYPERLINK("http://x")')
    rows = list(csv.reader(io.StringIO(notes_csv([hostile], [], library()))))
    assert rows[1][rows[0].index("body")] == '\'=HYPERLINK("http://x")'
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
