"""The export formats' table is what the CLI, the config check and the export dialog offer."""

from __future__ import annotations

import re

from briefing.cli.parser import EXAMPLES, command_parser
from briefing.storage.config import EXPORT_FORMATS as CONFIG_FORMATS
from briefing.storage.export_files import (
    DEADLINES_FORMAT,
    EXPORT_FORMATS,
    FOLDER_FORMATS,
    FORMATS,
    SUFFIXES,
)


def test_one_table() -> None:
    assert FORMATS == ("md", "json", "toml", "ics", "annotation", "csv", "agenda-csv", "vault")
    assert {key: f".{key}" for key in FORMATS[:4]} == {k: SUFFIXES[k] for k in FORMATS[:4]}
    assert SUFFIXES["annotation"] == ".jsonld"
    assert SUFFIXES["csv"] == SUFFIXES["agenda-csv"] == ".csv"
    assert SUFFIXES["vault"] == ""  # a folder
    assert FOLDER_FORMATS == ("vault",)
    assert CONFIG_FORMATS == ("md", "json", "toml", "annotation", "csv")
    assert DEADLINES_FORMAT == "ics"
    assert [fmt.label for fmt in EXPORT_FORMATS.values()] == [
        "Markdown notes",
        "JSON notes",
        "TOML notes",
        "Deadlines (iCalendar)",
        "Web Annotations (JSON-LD)",
        "Notes (CSV)",
        "Agenda (CSV)",
        "Obsidian vault (folder)",
    ]


def test_the_cli_offers_the_table() -> None:
    parser = command_parser("export")
    [option] = [a for a in parser._actions if "--format" in a.option_strings]
    assert tuple(option.choices or ()) == FORMATS
    assert parser.description == (
        "Export notes (Markdown, JSON, TOML, Web Annotation or CSV),"
        " deadlines (iCalendar or CSV) or an Obsidian vault (a folder)."
    )


def test_a_new_format_is_one_entry_in_the_table_and_no_other_list() -> None:
    """ARCHITECTURE.md: a format is an entry in EXPORT_FORMATS (and its renderer). The
    commands' summary in ``briefing --help`` names no format, so it cannot fall behind."""
    [line] = [line for line in EXAMPLES.splitlines() if line.strip().startswith("export ")]
    named = {key for key in FORMATS if re.search(rf"\b{key}\b", line)}
    named |= {fmt.name for fmt in EXPORT_FORMATS.values() if fmt.name in line}
    assert named == set(), line
