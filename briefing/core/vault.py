"""Briefs and people as Markdown pages of an Obsidian-style vault, and merging them into old ones.

A page is YAML front matter in Obsidian's property types (text, date or
date-time, lists) and a generated block between :data:`BEGIN` and :data:`END`.
Exporting again replaces the generated properties and the block, and keeps
everything else: properties the user added, text above and below the block.
File names come from :func:`vault_name`, safe on Windows, macOS and Linux and
still readable, because Obsidian links a page by its file name.

Pure: :mod:`briefing.storage.vault_files` reads the old pages and writes the new.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

BEGIN = "<!-- briefing:begin (made by 'briefing export'; edits inside are replaced) -->"
END = "<!-- briefing:end -->"
MAX_NAME_BYTES = 200
"""Room for the folder and ``.md`` within the 255 bytes most file systems allow a name."""

_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}
_SWAPS = str.maketrans(
    {'"': "'", "/": "-", "\\": "-", "|": "-", "<": "(", ">": ")", "[": "(", "]": ")"}
)


def vault_name(text: str) -> str:
    """A file name (without ``.md``) for ``text``, valid on Windows, macOS and Linux.

    Characters Windows forbids or Obsidian's links reserve are replaced, control
    characters dropped, the text NFC-normalised (macOS would otherwise see another
    name), reserved device names (``CON``, ``aux.txt``) given a ``_``, trailing dots
    and spaces removed, and the name cut to :data:`MAX_NAME_BYTES` on a character.
    """
    name = unicodedata.normalize("NFC", text).translate(_SWAPS).replace(":", " -")
    name = "".join(c for c in name if c not in "?*#^" and unicodedata.category(c)[0] != "C")
    name = re.sub(r"\(+", "(", re.sub(r"\)+", ")", name))
    name = re.sub(r"\s+", " ", name).strip()
    while len(name.encode("utf-8")) > MAX_NAME_BYTES:
        name = name[:-1]
    name = name.rstrip(". ")
    if name.split(".")[0].casefold() in _RESERVED:
        name += "_"
    return name or "Untitled"


def link(name: str, shown: str | None = None) -> str:
    """An Obsidian link to the page ``name``, showing ``shown`` when it differs."""
    return f"[[{name}]]" if shown in (None, name) else f"[[{name}|{shown}]]"


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def yaml_when(value: date) -> str:
    """A date or date-time as Obsidian's property types write it (local time, no offset)."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    return value.isoformat()


def yaml_list(values: Iterable[str]) -> str:
    """A YAML list, one item a line (``[]`` when empty)."""
    items = [f"  - {yaml_text(v)}" for v in values]
    return "\n" + "\n".join(items) if items else "[]"


def tag(text: str) -> str:
    """An Obsidian tag: no spaces, no ``#``."""
    return re.sub(r"[\s#,]+", "-", text.strip()).strip("-") or "tag"


def callout(kind: str, title: str, body: str, indent: str = "") -> list[str]:
    """An Obsidian callout (``> [!kind] title``) with ``body`` as its lines."""
    lines = [f"{indent}> [!{kind}] {title}".rstrip()]
    lines += [f"{indent}> {line}".rstrip() for line in body.strip().splitlines()]
    return lines


@dataclass
class Page:
    """One generated page: its properties (key, YAML value after ``key:``) and its block."""

    properties: list[tuple[str, str]]
    block: list[str] = field(default_factory=list)

    def front(self) -> list[str]:
        """The generated front matter lines."""
        return [
            f"{key}:{value}" if value.startswith("\n") else f"{key}: {value}".rstrip()
            for key, value in self.properties
        ]


def _split_front(text: str) -> tuple[list[str], str]:
    """The front matter lines of an old page (without the fences) and the rest."""
    if not text.startswith("---\n"):
        return [], text
    end = text.find("\n---\n", 3)
    if end < 0:
        return [], text
    return text[4:end].split("\n") if end > 4 else [], text[end + 5 :]


def _users_properties(lines: Sequence[str], ours: set[str]) -> list[str]:
    """The old front matter's lines but for the properties this export writes."""
    kept: list[str] = []
    keep = True
    for line in lines:
        if line and not line[0].isspace() and not line.startswith("-"):
            keep = line.split(":", 1)[0].strip() not in ours
        if keep:
            kept.append(line)
    return kept


def merge(page: Page, old: str | None) -> str:
    """The text of ``page``, kept inside the user's text of the ``old`` page when there is one.

    The generated properties replace theirs; the user's own properties follow. The
    block replaces the old one; without one (a page briefing did not write, replaced
    with ``--force``) it is added after the old text.
    """
    front, rest = _split_front(old or "")
    users = _users_properties(front, {key for key, _ in page.properties})
    # Text from a brief could hold the markers: an HTML comment opener in it is escaped.
    inside = "\n".join(page.block).replace("<!--", "&lt;!--")
    block = f"{BEGIN}\n{inside}\n{END}"
    start = rest.find(BEGIN)
    end = rest.find(END, start)
    if old is None:
        body = block + "\n"
    elif 0 <= start < end:
        body = rest[:start] + block + rest[end + len(END) :]
    else:
        body = rest.rstrip("\n") + ("\n\n" if rest.strip() else "") + block + "\n"
    return "\n".join(["---", *page.front(), *users, "---", body])
