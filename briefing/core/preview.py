"""A quick look at a brief file before it is validated: its title, source and publication time.

The reader paints its header from this while the full brief (and pydantic,
about 150 ms with model building) loads behind the first frame. Nothing here
is trusted beyond display: every string is cleaned, and any problem at all
just means there is no preview.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from briefing.core import tomlread
from briefing.core.files import FileProblem, read_regular_file
from briefing.core.safetext import clean_line
from briefing.core.timeutil import format_when

MAX_PREVIEW_BYTES = 5 * 1024 * 1024


class Preview(NamedTuple):
    """What the header needs, read without validation."""

    title: str
    source: str = ""
    published: str = ""


def _text(value: object, limit: int = 300) -> str:
    return clean_line(value)[:limit] if isinstance(value, str) else ""


def _toml_head(text: str) -> dict[str, Any]:
    """The top of a TOML brief: what comes before its first array of tables (``[[quotes]]``).

    TOML puts every top-level key, and tables such as ``[source]``, wherever the
    writer likes, but briefs start with them; the lists of participants and
    quotes, which are nearly all of a large brief, come after. Parsing only the
    head keeps a 4 MB brief's header instant; any doubt and the whole file is parsed.
    """
    cut = text.find("\n[[")
    if cut > 0:
        try:
            head = tomlread.loads(text[:cut])
        except ValueError:
            head = {}
        if isinstance(head.get("title"), str):
            return head
    return tomlread.loads(text)


def peek(path: Path) -> Preview | None:
    """Return the title, source name and publication time of the brief at ``path``, if it reads at all."""
    try:
        # A regular file only, never past the limit: a FIFO blocked, /dev/zero filled memory.
        data = read_regular_file(path, limit=MAX_PREVIEW_BYTES)
        text = data.decode("utf-8-sig")
        raw = json.loads(text) if path.suffix.lower() == ".json" else _toml_head(text)
    except (FileProblem, OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(raw, dict):
        return None
    title = _text(raw.get("title"))
    if not title.strip():
        return None
    source = raw.get("source")
    source_name = _text(source.get("name")) if isinstance(source, dict) else ""
    published = raw.get("published")
    if isinstance(
        published, date
    ):  # TOML gives dates and date-times (naive ones are shown as written)
        published_text = format_when(published)
    else:
        published_text = _text(published, 40).replace("T", " ")
    return Preview(title, source_name, published_text)
