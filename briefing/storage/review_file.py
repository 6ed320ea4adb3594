"""Open a draft brief for review and save the reviewed brief back, never over someone else's change.

The review works on the file's raw data (see :mod:`briefing.core.review`); this
module reads it (a regular file within the brief size limit, checked as a brief),
remembers a digest of the bytes it read, and writes the result atomically after
checking it with the same loader as any brief. A file whose bytes changed on disk
since it was opened is not overwritten unless the caller says so.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import tomli_w

from briefing.core import tomlread
from briefing.core.errors import BriefError
from briefing.core.loading import decode, parse_brief, read_limited
from briefing.storage.atomic import atomic_write


class ChangedOnDisk(Exception):
    """The file changed on disk since the review opened it."""


@dataclass
class DraftFile:
    """A brief opened for review: its path, its raw data and what its bytes were."""

    path: Path
    data: dict[str, Any]
    kind: str
    """``toml`` or ``json``: the review writes the file back in the form it had."""
    digest: str
    """SHA-256 of the bytes read (or last written)."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def open_draft(path: Path) -> DraftFile:
    """Read and check ``path``; raise :class:`~briefing.core.errors.BriefError` when it is not a good brief."""
    raw = read_limited(path)
    parse_brief(raw, path)
    text = decode(raw, path)
    is_json = path.suffix.lower() == ".json" or (
        path.suffix.lower() != ".toml" and text.lstrip().startswith("{")
    )
    data = json.loads(text) if is_json else tomlread.loads(text)
    return DraftFile(path, data, "json" if is_json else "toml", _digest(raw))


def changed_on_disk(draft: DraftFile) -> bool:
    """True when the file's bytes are no longer those the review read (or it is gone)."""
    try:
        return _digest(read_limited(draft.path)) != draft.digest
    except (BriefError, OSError):
        return True


def render(draft: DraftFile) -> bytes:
    """The reviewed brief as the bytes of a file of its kind."""
    if draft.kind == "json":
        text = json.dumps(draft.data, ensure_ascii=False, indent=2, default=_iso) + "\n"
    else:
        text = tomli_w.dumps(draft.data, multiline_strings=True)
    return text.encode("utf-8")


def _iso(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be written as JSON")


def save_draft(draft: DraftFile, *, overwrite: bool = False) -> None:
    """Write the reviewed brief atomically.

    Raises :class:`ChangedOnDisk` when the file changed since it was read (unless
    ``overwrite``), and :class:`~briefing.core.errors.BriefError` when the result
    would not be a valid brief (nothing is written then).
    """
    if not overwrite and changed_on_disk(draft):
        raise ChangedOnDisk(str(draft.path))
    data = render(draft)
    parse_brief(data, draft.path)
    atomic_write(draft.path, data)
    draft.digest = _digest(data)
