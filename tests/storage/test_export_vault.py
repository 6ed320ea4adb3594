"""The Obsidian-style vault export: golden pages, updating in place, safe names, refusals.

Golden files live in tests/data/golden/vault/; rewrite them after an intended change with
``BRIEFING_UPDATE_GOLDEN=1 python -m pytest tests/storage/test_export_vault.py``.
"""

from __future__ import annotations

import dataclasses
import os
from datetime import date
from pathlib import Path

import pytest
from kit import replaced

from briefing.core.models import Brief, Figure, Source, TimelineEvent
from briefing.core.status import DeadlineStatus
from briefing.core.vault import BEGIN, END, vault_name
from briefing.storage.export_files import ExportError, ExportExists, ExportInput, export_to

from .helpers import GOLDEN, NOW, revision
from .test_export import check_golden, fixed_bookmarks, fixed_notes


class _Marks:
    """What ExportInput reads from the notes store: the fixed notes and bookmarks."""

    def all_notes(self) -> list:
        return fixed_notes()

    def all_bookmarks(self) -> list:
        return fixed_bookmarks()


def library() -> dict[str, Brief]:
    """The notes' brief with a source, tags, a timeline, a figure and a finished deadline."""
    brief = revision("v1")
    source = Source(name="Harbour Gazette", url="https://example.org/harbour")
    timeline = [TimelineEvent(id="strike", date=date(2025, 10, 19), label="Strike begins")]
    figures = [Figure(id="ships", label="Ships waiting", value="12", note="at anchor")]
    deadlines = [
        *brief.deadlines,
        dataclasses.replace(
            brief.deadlines[0], id="old", title="Old report", status=DeadlineStatus.MET
        ),
    ]
    update = {
        "source": source,
        "tags": ["ports", "labour law"],
        "timeline": timeline,
        "figures": figures,
        "deadlines": deadlines,
    }
    return {brief.id: replaced(brief, **update)}


def source() -> ExportInput:
    return ExportInput(_Marks(), library(), NOW)  # type: ignore[arg-type]


def export(folder: Path, *, force: bool = False) -> str:
    return export_to("vault", source(), folder, force=force)


def test_vault_golden(tmp_path: Path) -> None:
    export(tmp_path / "vault")
    written = sorted(p.relative_to(tmp_path / "vault") for p in (tmp_path / "vault").rglob("*.md"))
    assert [str(p) for p in written] == [
        "Briefs/Harbour talks resume after the strike.md",
        "People/Ana Ruiz.md",
        "People/Ben Ode.md",
    ]
    for path in written:
        check_golden(f"vault/{path}", (tmp_path / "vault" / path).read_text("utf-8"))
    assert (GOLDEN / "vault").is_dir()


def test_brief_page_holds_what_obsidian_reads(tmp_path: Path) -> None:
    export(tmp_path)
    text = (tmp_path / "Briefs" / "Harbour talks resume after the strike.md").read_text("utf-8")
    front = text.split("---\n")[1]
    assert 'title: "Harbour talks resume after the strike"' in front
    assert "published: 2025-10-26T09:00:00" in front  # London: GMT again that morning
    assert 'source: "https://example.org/harbour"' in front
    assert 'tags:\n  - "ports"\n  - "labour-law"' in front
    assert "- [[Ana Ruiz]] — Mediator, Harbour Authority" in text
    assert "> [!quote] [[Ana Ruiz]]" in text
    assert "- [ ] Crane inspection report due 📅 2025-11-03" in text
    assert "- [ ] Union ballot closes 📅 2025-11-05 #bookmarked" in text
    assert "> [!note] Note" in text
    assert "- [x] Old report 📅 2025-11-03" in text
    assert "- 2025-10-19 — Strike begins" in text
    assert "- **Ships waiting**: 12 — at anchor" in text


def test_exporting_again_keeps_what_the_user_wrote(tmp_path: Path) -> None:
    export(tmp_path)
    page = tmp_path / "People" / "Ana Ruiz.md"
    text = page.read_text("utf-8")
    front_end = text.index("---\n", 4) + 4
    text = (
        text[:4]
        + "rating: 5\nlinks:\n  - elsewhere\n"
        + text[4:front_end]
        + "My own intro.\n\n"
        + text[front_end:]
        + "\nMy own ending.\n"
    )
    page.write_text(text, "utf-8")
    export(tmp_path)  # no --force needed: only the generated parts change
    again = page.read_text("utf-8")
    assert "rating: 5\nlinks:\n  - elsewhere\n" in again
    assert again.index("My own intro.") < again.index(BEGIN) < again.index(END)
    assert again.rstrip().endswith("My own ending.")
    assert again.count(BEGIN) == 1 and again.count('title: "Ana Ruiz"') == 1


def test_a_file_briefing_did_not_write_is_kept_without_force(tmp_path: Path) -> None:
    (tmp_path / "People").mkdir()
    mine = tmp_path / "People" / "Ana Ruiz.md"
    mine.write_text("My notes on Ana.\n", "utf-8")
    with pytest.raises(ExportExists):
        export(tmp_path)
    assert mine.read_text("utf-8") == "My notes on Ana.\n"
    assert not (tmp_path / "Briefs").exists(), "nothing is written when one page is refused"
    export(tmp_path, force=True)
    text = mine.read_text("utf-8")
    assert text.startswith("---\n") and "My notes on Ana.\n" in text and BEGIN in text


def test_symlinks_are_never_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text("outside\n", "utf-8")
    vault = tmp_path / "vault"
    (vault / "People").mkdir(parents=True)
    os.symlink(elsewhere, vault / "People" / "Ana Ruiz.md")
    with pytest.raises(ExportError, match="symbolic link"):
        export(vault, force=True)
    assert elsewhere.read_text("utf-8") == "outside\n"
    os.symlink(tmp_path, tmp_path / "link")
    with pytest.raises(ExportError, match="symbolic link"):
        export(tmp_path / "link", force=True)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ana Ruiz", "Ana Ruiz"),
        ('What "AI" means: a/b\\c <x>|y?*', "What 'AI' means - a-b-c (x)-y"),
        ("CON", "CON_"),
        ("aux.txt", "aux.txt_"),
        ("trailing dots...", "trailing dots"),
        ("[[link]] #tag ^block", "(link) tag block"),
        ("", "Untitled"),
        ("e\u0301", "\u00e9"),
    ],
)
def test_vault_names_are_safe_everywhere(text: str, name: str) -> None:
    assert vault_name(text) == name


def test_long_names_are_cut_on_a_character() -> None:
    assert len(vault_name("é" * 300).encode("utf-8")) <= 200


def test_a_brief_cannot_forge_the_end_of_the_generated_block(tmp_path: Path) -> None:
    """A summary holding the markers would otherwise leave generated text behind on each export."""
    brief = library()["harbour-talks"]
    forged = replaced(brief, summary=f"Before {END} after {BEGIN} more")
    source = ExportInput(_Marks(), {brief.id: forged}, NOW)  # type: ignore[arg-type]
    export_to("vault", source, tmp_path, force=False)
    export_to("vault", source, tmp_path, force=False)
    text = (tmp_path / "Briefs" / "Harbour talks resume after the strike.md").read_text("utf-8")
    assert text.count(BEGIN) == 1 and text.count(END) == 1
    assert text.count("Before") == 1
