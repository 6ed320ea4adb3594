"""Write the vault export: a folder of pages, updated in place, never through a link.

Every page is checked before any is written, so a refused page (a link, a file
briefing did not write when ``force`` is not given) leaves the vault as it was.
Each page is then written atomically.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.files import FileProblem, read_regular_file
from briefing.core.safetext import display_path
from briefing.core.vault import BEGIN, Page, merge, vault_name
from briefing.core.vault_pages import Marks, PersonQuote, brief_page, person_page, unique_names
from briefing.storage.atomic import atomic_write
from briefing.storage.index.people import people_of_briefs

if TYPE_CHECKING:
    from briefing.storage.export_files import ExportInput

BRIEFS = "Briefs"
PEOPLE = "People"
MAX_PAGE_BYTES = 16 * 1024 * 1024


class VaultError(Exception):
    """A page cannot be written; ``exists`` when only ``force`` is missing."""

    def __init__(self, message: str, *, exists: bool = False) -> None:
        super().__init__(message)
        self.exists = exists


def _day(when: str) -> str:
    """The day of a quote's date as the people index writes it (``2025-10-26 09:00 +00:00``)."""
    return when[:10] if re.match(r"\d{4}-\d\d-\d\d", when) else when


def vault_pages(source: ExportInput) -> dict[str, Page]:
    """Every page of the vault by its path in the vault (``Briefs/Title.md``)."""
    briefs = source.chosen_briefs()
    notes, bookmarks = source.notes(), source.bookmarks()
    brief_names = unique_names({b.id: vault_name(b.title) for b in briefs})
    library = people_of_briefs((Path(b.id), b) for b in briefs)
    person_names = unique_names({p.key: vault_name(p.name) for p in library.people})
    page_of = {
        (a.brief, a.participant_id): person_names[p.key]
        for p in library.people
        for a in p.appearances
    }
    pages: dict[str, Page] = {}
    for brief in briefs:
        marks = Marks(
            [n for n in notes if n.brief_id == brief.id],
            [b for b in bookmarks if b.brief_id == brief.id],
        )
        person = lambda pid, bid=brief.id: page_of.get((bid, pid))  # noqa: E731
        pages[f"{BRIEFS}/{brief_names[brief.id]}.md"] = brief_page(brief, marks, person)
    for p in library.people:
        quotes = [
            PersonQuote(brief_names[str(q.path)], q.brief_title, _day(q.when), q.text, q.context)
            for q in library.quotes_of(p)
        ]
        about = [*p.roles[:1], *p.affiliations[:1]]
        pages[f"{PEOPLE}/{person_names[p.key]}.md"] = person_page(p.name, p.names, about, quotes)
    return pages


def _kind(path: Path) -> int | None:
    try:
        return os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        raise VaultError(
            f"{display_path(path)}: cannot be checked ({error.strerror or error})"
        ) from None


def _check_folder(path: Path) -> None:
    mode = _kind(path)
    if mode is not None and stat.S_ISLNK(mode):
        raise VaultError(
            f"{display_path(path)}: is a symbolic link; it is neither followed nor replaced"
        )
    if mode is not None and not stat.S_ISDIR(mode):
        raise VaultError(f"{display_path(path)}: is not a folder")


def _old_text(path: Path, *, force: bool) -> str | None:
    mode = _kind(path)
    if mode is None:
        return None
    if stat.S_ISLNK(mode):
        raise VaultError(
            f"{display_path(path)}: is a symbolic link; it is neither followed nor replaced"
        )
    try:
        text = read_regular_file(path, limit=MAX_PAGE_BYTES, what="page").decode("utf-8")
    except FileProblem as problem:
        raise VaultError(str(problem)) from None
    except UnicodeDecodeError:
        raise VaultError(f"{display_path(path)}: is not UTF-8 text; it is never replaced") from None
    if BEGIN not in text and not force:
        raise VaultError(
            f"{display_path(path)}: already exists and was not written by briefing", exists=True
        )
    return text


def write_vault(source: ExportInput, folder: Path, *, force: bool) -> int:
    """Write the vault into ``folder`` (made if missing); return how many pages were written."""
    _check_folder(folder)
    if _kind(folder) is None and _kind(folder.parent) is None:
        raise VaultError(f"{display_path(folder.parent)}: no such folder")
    pages = vault_pages(source)
    for sub in {name.split("/")[0] for name in pages}:
        _check_folder(folder / sub)
    texts = {
        name: merge(page, _old_text(folder / name, force=force)) for name, page in pages.items()
    }
    try:
        for sub in sorted({name.split("/")[0] for name in pages}):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            atomic_write(folder / name, text.encode("utf-8"))
    except OSError as error:
        raise VaultError(
            f"{display_path(folder)}: cannot be written ({error.strerror or error})"
        ) from None
    return len(texts)
