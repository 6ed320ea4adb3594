"""Write a draft brief as TOML a person can edit, with ``# check:`` notes where the importer guessed.

Written by hand rather than with tomli-w so that each doubt can sit as a comment
next to the value it is about. Every string goes through one escaping function,
and the importer parses the result back before it is written anywhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from briefing.core.safetext import clean_line

MAX_ITEMS_PER_SECTION = 1000
"""Sections are cut at this many items (a megabyte of text can hold thousands of quotes)."""


Inline = dict[str, int | str | list[str]]
"""A small table written on one line (an item's ``draft`` mark)."""


@dataclass
class Field:
    """One ``key = value`` line, with an optional doubt written after it."""

    key: str
    value: int | str | date | datetime | list[str] | Inline
    check: str | None = None


@dataclass
class Table:
    """One ``[[section]]`` entry."""

    section: str
    fields: list[Field] = field(default_factory=list)

    def add(
        self, key: str, value: str | date | datetime | list[str] | None, check: str | None = None
    ) -> None:
        """Add a field unless its value is empty."""
        if value is None or value == "" or value == []:
            return
        self.fields.append(Field(key, value, check))


def toml_string(value: str) -> str:
    """A TOML basic string (JSON's escaping, plus DEL, which TOML also forbids raw)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_multiline(value: str) -> str:
    """A TOML multi-line basic string that reads like the text itself."""
    escaped = value.replace("\\", "\\\\").replace('"""', '""\\"')
    escaped = "".join(
        ch if ch in "\n\t" or (ord(ch) >= 0x20 and ord(ch) != 0x7F) else f"\\u{ord(ch):04x}"
        for ch in escaped
    )
    return f'"""\n{escaped}\n"""'


def toml_value(value: int | str | date | datetime | list[str] | Inline) -> str:
    """Render a value: dates as TOML dates, strings quoted, lists of strings and tables inline."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_string(item) for item in value) + "]"
    return toml_string(value)


def comment(text: str) -> str:
    """A one-line TOML comment (control characters and line breaks removed)."""
    return "# " + " ".join(clean_line(text).split())


@dataclass
class Draft:
    """The pieces of a draft brief, in the order they are written."""

    header: list[str]
    top: list[Field]
    summary: str
    source: str | None
    tables: list[Table]
    article: str | None = None
    """The article's text, kept in a ``[draft]`` table for the review screen."""

    def render(self) -> str:
        """The draft as TOML text."""
        out = [comment(line) for line in self.header]
        for item in self.top:
            out.append(_line(item))
        out.append("")
        out.append("summary = " + toml_multiline(self.summary))
        if self.source:
            out += ["", "[source]", f"name = {toml_string(self.source)}"]
        for table in self.tables:
            out += ["", f"[[{table.section}]]"]
            out.extend(_line(item) for item in table.fields)
        if self.article is not None:
            out += ["", "[draft]", "article = " + toml_multiline(self.article)]
        return "\n".join(out) + "\n"


def _line(item: Field) -> str:
    line = f"{item.key} = {toml_value(item.value)}"
    if item.check:
        line += "  " + comment(f"check: {item.check}")
    return line
