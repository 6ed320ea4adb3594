"""A section that exists only in this test ("risks") goes everywhere the registry reaches.

The :func:`risks` fixture registers it for one test (see :mod:`kit.risks`): one
:class:`~briefing.core.section.Section` through :func:`briefing.core.sections.register`
(the brief model gains a ``risks`` field through ``sections.brief_model()``, a
dataclass made from :class:`Brief`), and nothing else. The test then
reads a brief with risks and checks that each part of briefing that walks
sections finds them: ``show`` (plain and Rich), find-in-brief, the library index
and its search, notes and bookmarks in the store, copy, change digests and the
notes export. The reader's panes, ``/`` and ``ctrl+f`` are in
``tests/ui/test_section_registry_ui.py``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest
from kit import NOW, make_brief
from kit.risks import FLOOD, FLOOD_ID, STRIKE, registered_risks
from rich.console import Console

from briefing.core import sections
from briefing.core.anchors import KIND_OF_SECTION, SECTION_OF_KIND, Anchor, ItemKind, item_text
from briefing.core.changes import compare, item_digests
from briefing.core.copying import item_text as copy_text
from briefing.core.find import Finder
from briefing.core.library_items import brief_items
from briefing.core.loading import load_brief
from briefing.core.models import Brief
from briefing.core.render_text import brief_to_text
from briefing.core.section import Section
from briefing.storage.export_files import render_export
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.refreshing import build_search, refresh
from briefing.storage.index.search import open_search_connection, search
from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations
from briefing.ui.console.brief import render_brief


@pytest.fixture
def risks() -> Iterator[Section]:
    """Register the "risks" section for one test."""
    with registered_risks() as section:
        yield section


@pytest.fixture
def brief_path(tmp_path: Path, risks: Section) -> Path:
    return make_brief(
        tmp_path / "library",
        "harbour.toml",
        title="Harbour talks",
        quotes=[{"text": "We will talk until it is done"}],
        risks=[FLOOD, STRIKE],
    )


@pytest.fixture
def brief(brief_path: Path) -> Brief:
    return load_brief(brief_path, local_zone=UTC)


def test_a_brief_reads_the_section_and_derives_its_ids(brief: Brief, risks: Section) -> None:
    assert [risks.item_id(r) for r in risks.items_of(brief)] == [FLOOD_ID, "dockers-strike"]
    assert KIND_OF_SECTION["risks"] is ItemKind("risk")
    assert SECTION_OF_KIND[ItemKind("risk")] == "risks"
    assert sections.SECTIONS[-1] is risks


def test_without_the_registration_a_brief_with_risks_is_refused(tmp_path: Path) -> None:
    from briefing.core.errors import BriefError

    path = make_brief(tmp_path, risks=[FLOOD])
    with pytest.raises(BriefError, match="risks"):
        load_brief(path, local_zone=UTC)


def test_show_prints_it_plain_and_styled(brief: Brief) -> None:
    text = brief_to_text(brief, NOW)
    assert "## Risks (2)\n\n- The river may flood the port before the talks end\n" in text
    assert text.endswith("- Dock workers could strike\n")
    console = Console(width=100, record=True, color_system=None)
    console.print(render_brief(brief, NOW))
    styled = console.export_text()
    assert "Risks (2)" in styled and "Dock workers could strike" in styled


def test_show_says_when_there_is_none(tmp_path: Path, risks: Section) -> None:
    brief = load_brief(make_brief(tmp_path, title="Calm"), local_zone=UTC)
    assert brief_to_text(brief, NOW).endswith("## Risks (0)\n\nNo risks in this brief.\n")


def test_find_in_the_brief(brief: Brief) -> None:
    found = Finder("flood port").find(brief)
    assert [(m.section, m.item_id) for m in found] == [("risks", FLOOD_ID)]


def test_the_library_index_finds_it(brief_path: Path, tmp_path: Path) -> None:
    index = LibraryIndex(tmp_path / "data" / "library-index.db", zone=UTC)
    try:
        for _ in refresh(index, [brief_path.parent]):
            pass
        for _ in build_search(index):
            pass
        connection = open_search_connection(index.path)
        try:
            result = search(connection, "dock strike", roots=[brief_path.parent], typing=False)
        finally:
            connection.close()
    finally:
        index.close()
    assert result.problem is None
    hits = [(hit.kind, hit.item_id, hit.label) for hit in result.hits]
    assert hits == [("risk", "dockers-strike", "Risk")]


def test_library_items_and_change_digests(brief: Brief) -> None:
    records = {(item.kind, item.item_id): item.text for item in brief_items(brief)}
    assert records[("risk", "dockers-strike")] == "Dock workers could strike"
    digests = item_digests(brief)
    assert ("risk", FLOOD_ID) in digests
    edited = copy.deepcopy(brief)
    edited.risks[1].text = "Dock workers will strike"  # type: ignore[attr-defined]
    assert compare(digests, item_digests(edited)).in_section("risks") == {"dockers-strike"}


def test_copy_line(brief: Brief) -> None:
    assert (
        copy_text(brief, "risks", "dockers-strike") == "Dock workers could strike (Harbour talks)"
    )
    assert copy_text(brief, "risks", "no-such-risk") is None


def test_annotate_bookmark_and_export(brief: Brief, tmp_path: Path) -> None:
    store = Store(tmp_path / "store" / "briefing.db")
    try:
        notes = Annotations(store)
        anchor = Anchor(brief.id, ItemKind("risk"), "dockers-strike")
        saved = item_text(brief, anchor.kind, anchor.item_id)
        assert saved == "Dock workers could strike"
        notes.add_note(
            anchor, brief_title=brief.title, item_text=saved, body="Ask the union.", now=NOW
        )
        assert notes.toggle_bookmark(anchor, brief_title=brief.title, item_text=saved, now=NOW)
        [note] = notes.notes_for_brief(brief.id)
        assert (note.kind, note.item_id, anchor.section) == (
            ItemKind("risk"),
            "dockers-strike",
            "risks",
        )
        [bookmark] = notes.bookmarks_for_brief(brief.id)
        assert bookmark.kind is ItemKind("risk")
        markdown = render_export("md", notes, {brief.id: brief}, NOW).decode()
        exported = render_export("json", notes, {brief.id: brief}, NOW).decode()
    finally:
        store.close()
    assert "### Risk" in markdown and "> Dock workers could strike" in markdown
    assert "Ask the union." in markdown
    assert '"kind": "risk"' in exported and '"section": "Risk"' in exported


def test_briefing_show_prints_it(brief_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.cli import main

    assert main(["show", str(brief_path), "--now", NOW.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "## Risks (2)" in out and "- Dock workers could strike" in out
