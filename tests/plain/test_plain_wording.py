"""The plain reader's help reads as sentences, its library in the reader's order, its lines
wrapped at words to the terminal's width."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from kit import fixed_clock

from briefing.core.library import scan, sort_entries
from briefing.plain.commands import COMMANDS, help_line
from briefing.plain.session import PlainReader
from briefing.plain.terminal import LineInput, Voice
from briefing.storage import paths
from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations


def read_aloud(library: Path, *commands: str) -> str:
    out = io.StringIO()
    reader = PlainReader(
        Voice(out, width=0),
        LineInput(io.StringIO("".join(f"{line}\n" for line in commands))),
        fixed_clock(),
        Annotations(Store(paths.database_file())),
        [library],
    )
    assert reader.run() == 0
    return out.getvalue()


def test_help_lines_read_as_sentences() -> None:
    lines = [help_line(command) for command in COMMANDS]
    said = "\n".join(lines)
    assert "enter or enter" not in said
    assert "no key" not in said and "no words" not in said and "::" not in said
    by_name = dict(zip((c.name for c in COMMANDS), lines, strict=True))
    assert by_name["full"] == (
        "enter or i, or type read, full or item: the item in full: context, source, notes."
    )
    assert by_name["section"].startswith("type section or go, followed by a number: ")
    assert by_name["line"] == "colon: type one command as words, then enter."
    assert by_name["next_item"] == "j, or type next, next item or down: next item."


def test_the_library_reads_newest_first_as_the_reader_lists_it(samples_dir: Path) -> None:
    said = read_aloud(samples_dir, "library")
    listed = re.findall(r"^\d+\. .*File (\S+)$", said, re.M)
    entries = sort_entries(list(scan([samples_dir])), "published", fixed_clock().now())
    assert listed == [entry.path.name for entry in entries]
    assert listed != sorted(listed)  # not the file names' order


def test_long_lines_wrap_at_words_to_the_width() -> None:
    out = io.StringIO()
    text = "Temporary US-China tariff truce expires, due in 15 days and 5 hours, on 10 November."
    Voice(out, width=30).say("  " + text)
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 30 for line in lines) and len(lines) > 1
    assert " ".join(line.strip() for line in lines) == text  # cut at spaces only
    assert all(line.startswith("  ") for line in lines)  # the indent kept


def test_the_width_is_the_terminals(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = io.StringIO()
    Voice(out).say("word " * 20)
    assert max(len(line) for line in out.getvalue().splitlines()) <= 40
