"""Unsaved notes kept as small files, so that no typed word is lost.

A note the reader could not write to the database (busy for longer than the user
waited, damaged, a signal or quitting while the editor was open) is written here,
one JSON file per draft in ``<data folder>/drafts``, atomically. Files rather than
the SQLite store: a draft must survive the very database that could not take it.
The next start offers the drafts back (restore as notes, or discard).
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from briefing.core.files import FileProblem, read_regular_file
from briefing.core.safetext import display_path
from briefing.storage.atomic import atomic_write

DRAFT_LIMIT = 4 << 20
"""Bytes: a draft file larger than this is not read (a note is text a person typed)."""

MAX_DRAFTS = 200
"""Drafts read at start-up at most (the rest wait for the next start)."""


@dataclass(frozen=True)
class Draft:
    """A note that was typed but not written to the database."""

    brief_id: str
    """The brief the note is on."""
    brief_title: str
    """The brief's title when the note was typed."""
    kind: str
    """The kind of item (:class:`~briefing.core.anchors.ItemKind` value)."""
    item_id: str
    """The item's id ("" for the summary or the brief as a whole)."""
    item_text: str
    """The item's text, saved with the note."""
    body: str
    """What the user typed."""
    saved: str
    """When the draft was kept (ISO 8601, from the reader's clock)."""
    note_uid: str | None = None
    """The note this text replaces, when it was an edit."""


def drafts_dir(data_dir: Path) -> Path:
    """Where the drafts are kept."""
    return data_dir / "drafts"


def save_draft(data_dir: Path, draft: Draft) -> Path:
    """Write ``draft`` to a new file (atomically, readable by its owner only); return its path."""
    path = drafts_dir(data_dir) / f"draft-{uuid.uuid4().hex}.json"
    data = json.dumps(asdict(draft), ensure_ascii=False, indent=1).encode("utf-8")
    atomic_write(path, data, mode=0o600)
    return path


def _parse(path: Path) -> Draft:
    raw = json.loads(read_regular_file(path, limit=DRAFT_LIMIT, what="draft").decode("utf-8"))
    if not isinstance(raw, dict):
        raise ValueError("not a draft")
    fields: dict[str, Any] = {k: raw.get(k) for k in Draft.__dataclass_fields__}
    for name, value in fields.items():
        if name == "note_uid" and value is None:
            continue
        if not isinstance(value, str):
            raise ValueError(f"{name} is not text")
    datetime.fromisoformat(str(fields["saved"]))
    return Draft(**fields)


def load_drafts(data_dir: Path) -> tuple[list[tuple[Path, Draft]], list[str]]:
    """The drafts kept, oldest first, and a one-line warning per file that could not be read.

    A file that cannot be read is left where it is (never deleted): it may be the only
    copy of someone's note.
    """
    folder = drafts_dir(data_dir)
    try:
        names = sorted(
            entry.name
            for entry in os.scandir(folder)
            if entry.name.startswith("draft-") and entry.name.endswith(".json")
        )
    except OSError:
        return [], []
    found: list[tuple[Path, Draft]] = []
    warnings: list[str] = []
    for name in names[:MAX_DRAFTS]:
        path = folder / name
        try:
            found.append((path, _parse(path)))
        except FileProblem as problem:
            warnings.append(f"A note draft was not read: {problem}")
        except (ValueError, TypeError, UnicodeDecodeError) as error:
            warnings.append(
                f"A note draft was not read: {display_path(path)}: not a draft ({error})"
            )
    found.sort(key=lambda pair: pair[1].saved)
    return found, warnings


def discard_draft(path: Path) -> None:
    """Delete a draft once its text is safe elsewhere (or the user said to drop it)."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
