"""The plain reader across the library (issue 16): search every brief and note (control f,
or ``search library``), go to a result at its item (``g``), and the previous or next brief
of the library (``[`` and ``]``), read as plain lines."""

from __future__ import annotations

import io
import re
from pathlib import Path

from kit import fixed_clock
from test_plain_session import KeysScript, notes, read_aloud

from briefing.plain.commands import BY_KEY, help_line, parse
from briefing.plain.session import PlainReader
from briefing.plain.terminal import Voice

SEED_TITLE = "US, China agree on preliminary trade deal in Malaysia, officials say"


def test_search_reads_the_hits_best_first_and_goes_to_one(samples_dir: Path) -> None:
    said = read_aloud(None, "search library framework Bessent", "result 1", library=[samples_dir])
    assert (
        "Search: 2 matches for 'framework Bessent'. Type result and a number, or press g,"
        " to go to one.\n"
        f"1. Quote, Scott Bessent: very positive framework. In {SEED_TITLE}.\n"
        "2. Brief: The United States and China reached a preliminary framework deal" in said
    )
    assert "officials,… In US" in said  # a cut snippet ends with its ellipsis alone
    assert "End of search." in said
    # The result opens its brief at the item: the quote, in the quotes section.
    assert f"Brief: {SEED_TITLE}." in said
    assert re.search(r"Quotes, \d of 8\. Scott Bessent, Treasury Secretary, United States: ", said)
    # Straight to the quote: the brief's summary is not read first.
    opened = said.split(f"Brief: {SEED_TITLE}.")[1]
    assert "Summary." not in opened and "very positive framework" in opened


def test_search_finds_the_users_notes_and_says_when_nothing_matches(
    seed_brief_path: Path,
) -> None:
    said = read_aloud(
        seed_brief_path,
        "3",
        "next",
        "note watch the tone of the talks",
        "search library tone talks",
        "search library zzqqxx",
        "result 4",
    )
    assert "Search: 1 match for 'tone talks'." in said
    assert "1. Note on the quote: watch the tone of the talks. In US, China" in said
    assert "Search: no matches for 'zzqqxx'." in said
    assert "No results to go to: the last search found none." in said
    assert "No search yet. Press control f to search the library." in read_aloud(None, "result 1")


def test_the_words_and_the_keys_and_the_help(seed_brief_path: Path) -> None:
    assert parse("search library truce")[0].name == "search_library"  # type: ignore[index]
    # "search" alone is find in this brief, as before.
    assert parse("search truce")[0].name == "find"  # type: ignore[index]
    assert BY_KEY["\x06"].name == "search_library"
    assert BY_KEY["]"].name == "next_brief" and BY_KEY["["].name == "previous_brief"
    assert help_line(BY_KEY["\x06"]).startswith("control f, or type search library")
    out = io.StringIO()
    keys = KeysScript(["\x06", "truce", "g", "1", "q"])
    reader = PlainReader(
        Voice(out, width=0), keys, fixed_clock(), notes(), [seed_brief_path.parent]
    )
    reader.run()
    said = out.getvalue()
    assert "> search library\nSearch the library for what? Words, then enter." in said
    assert "Search: " in said and "1. Deadline: " in said
    assert "> result\nGo to which result?" in said
    assert re.search(r"Deadlines, 1 of 2\. Temporary US-China tariff truce expires", said)


def test_next_and_previous_brief_in_the_librarys_order(samples_dir: Path) -> None:
    said = read_aloud(
        None, "library", "open 5", "next brief", "previous brief", "previous brief",
        library=[samples_dir],
    )  # fmt: skip
    listed = re.findall(r"^(\d)\. (.*)\. File ", said, flags=re.M)
    titles = [title for _, title in listed]
    assert len(titles) == 5
    # From the last, round to the first and back; the position is said before the brief.
    opened = re.findall(r"^> Brief (\d) of 5\.\nBrief: (.*)\.$", said, flags=re.M)
    assert opened == [("1", titles[0]), ("5", titles[4]), ("4", titles[3])]


def test_next_brief_without_one_open_starts_the_library_and_one_brief_is_the_only_one(
    seed_brief_path: Path, samples_dir: Path, tmp_path: Path
) -> None:
    said = read_aloud(None, "next brief", library=[samples_dir])
    assert "Brief 1 of 5." in said
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / seed_brief_path.name).write_bytes(seed_brief_path.read_bytes())
    said = read_aloud(alone / seed_brief_path.name, "next brief", "previous brief")
    assert said.count("This is the only brief in the library.") == 2
