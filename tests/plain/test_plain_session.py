"""The plain reader's commands, in process: words in (line mode), plain lines out.

The pty test of the whole program on a dumb terminal is tests/ui/test_plain_reader.py;
here each command is checked on its own, on the seed brief and the sample library.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from kit import NOW, fixed_clock, run_briefing

from briefing.core.anchors import ItemKind
from briefing.plain.commands import COMMANDS, parse
from briefing.plain.session import PlainReader
from briefing.plain.terminal import LineInput, Voice
from briefing.storage import paths
from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations

HOSTILE = Path(__file__).resolve().parent.parent / "data" / "hostile" / "escapes.toml"
SEED_ID = "us-china-trade-talks-kuala-lumpur-2025"


class KeysScript:
    """Single keys, then lines, from a list: the terminal's part, for a test."""

    keys = True

    def __init__(self, entries: list[str]) -> None:
        self.entries = list(entries)

    def key(self) -> str | None:
        return self.entries.pop(0) if self.entries else None

    line = key


def read_aloud(brief: Path | None, *commands: str, library: list[Path] | None = None) -> str:
    """What the plain reader says for ``commands`` typed as lines, ``brief`` open."""
    out = io.StringIO()
    reader = PlainReader(
        Voice(out, width=0),  # a transcript: lines whole (wrapping: test_plain_wording)
        LineInput(io.StringIO("".join(f"{line}\n" for line in commands))),
        fixed_clock(),
        Annotations(Store(paths.database_file())),
        library or ([brief.parent] if brief else []),
    )
    if brief is not None:
        reader.open_brief(brief)
    assert reader.run() == 0
    return out.getvalue()


def notes() -> Annotations:
    return Annotations(Store(paths.database_file()))


def test_opening_says_the_brief_its_sections_and_where_the_reader_is(
    seed_brief_path: Path,
) -> None:
    said = read_aloud(seed_brief_path)
    assert "Brief: US, China agree on preliminary trade deal in Malaysia, officials say." in said
    assert "6 sections: 1 Summary, 2 Participants (7), 3 Quotes (8), 4 Deadlines (2)," in said
    assert "\nSummary.\nThe United States and China reached a preliminary framework deal" in said
    assert "**" not in said  # Markdown's marks are not read out
    assert said.endswith("> \nGoodbye.\n")


def test_items_and_sections_by_words_and_by_number(seed_brief_path: Path) -> None:
    said = read_aloud(seed_brief_path, "3", "next", "previous", "previous", "next section", "2")
    assert (
        "Quotes, 1 of 8. Li Chenggang, Trade Representative, China: preliminary consensus." in said
    )
    assert "Quotes, 2 of 8. Li Chenggang, Trade Representative, China: intense." in said
    assert "First item of Quotes." in said
    assert "Deadlines, 1 of 2. Temporary US-China tariff truce expires, due in 15 days" in said
    assert "Participants, 1 of 7. He Lifeng, Vice Premier, China. Side: China." in said


def test_an_item_in_full_has_its_context_source_and_notes(seed_brief_path: Path) -> None:
    said = read_aloud(seed_brief_path, "3", "next", "note watch the tone", "read")
    assert (
        "Quote: intense\nSpeaker: Li Chenggang, Trade Representative, China\n"
        "Said: 26 October 2025\nSource: Told reporters\n"
        'Context: Li said the discussions were "intense".\n'
        "Note 1 of 1, 26 October 2025 at 11:00 (UTC+00:00):\nwatch the tone\nEnd of item.\n"
    ) in said


def test_a_note_of_several_lines_ends_at_a_full_stop_and_is_in_the_store(
    seed_brief_path: Path,
) -> None:
    said = read_aloud(seed_brief_path, "3", "note", "first line", "second line", ".", "where")
    assert "end with a line holding only a full stop (.)" in said
    assert "Note saved on Quotes, item 1." in said
    assert "preliminary consensus. 1 note." in said
    (note,) = notes().notes_for_brief(SEED_ID)
    assert (note.kind, note.item_id, note.body) == (
        ItemKind.QUOTE,
        "li-preliminary-consensus",
        "first line\nsecond line",
    )
    assert note.created == NOW


def test_an_empty_first_line_writes_no_note(seed_brief_path: Path) -> None:
    said = read_aloud(seed_brief_path, "3", "note", "", "where")
    assert "No note written." in said
    assert not Store(paths.database_file()).exists() or not notes().all_notes()


def test_bookmarks_notes_and_their_lists(seed_brief_path: Path) -> None:
    said = read_aloud(
        seed_brief_path, "4", "bookmark", "where", "note ask about it", "notes", "bookmarks"
    )
    assert "Bookmarked." in said
    assert "10 November 2025. Bookmarked." in said
    assert "Notes: 1, the latest first.\n1. On deadline 'Temporary US-China tariff truce" in said
    assert ": ask about it\nEnd of notes." in said
    assert "Bookmarks: 1, the latest first.\n1. deadline 'Temporary US-China" in said
    said = read_aloud(seed_brief_path, "4", "bookmark")
    assert "Bookmark removed." in said


def test_find_and_its_matches_round_the_end(seed_brief_path: Path) -> None:
    said = read_aloud(
        seed_brief_path, "find tough", "next match", "find no-such-word", "next match"
    )
    assert "1 match for 'tough'.\nMatch 1 of 1.\nQuotes, 3 of 8." in said
    assert said.count("Match 1 of 1.") == 2
    assert "0 matches for 'no-such-word'." in said
    assert "No matches. Press / to find." in said


def test_time_left_in_words_and_the_clock_as_published(seed_brief_path: Path) -> None:
    said = read_aloud(seed_brief_path, "time", "clock", "time")
    assert (
        "Expected Trump-Xi meeting on the sidelines of the APEC summit, due in 7 days and 5 hours,"
        " on 2 November 2025." in said
    )
    assert "Clock: now, 26 October 2025 at 11:00 (UTC+00:00)." in said
    assert "Clock: as published, 26 October 2025 at 13:55 (UTC+03:00)." in said
    assert "Temporary US-China tariff truce expires, due in 15 days and 5 hours, on 10" in said
    # Words, never a ticking clock.
    assert not re.search(r"\d\d:\d\d:\d\d", said)


def test_the_library_opens_a_brief_by_number_and_lists_people_and_the_agenda(
    samples_dir: Path,
) -> None:
    said = read_aloud(
        None, "library", "open 99", "open 5", "people", "agenda", library=[samples_dir]
    )
    assert re.search(r"Library: \d+ briefs in ", said)
    assert "US, China agree on preliminary trade deal in Malaysia, officials say." in said
    assert "There is no brief 99" in said
    assert "Brief: " in said
    assert re.search(r"\d+\. Li Chenggang, Trade Representative, China\. 5 quotes\.", said), said
    assert "Temporary US-China tariff truce expires, due in 15 days and 5 hours," in said


def test_without_a_brief_it_says_how_to_open_one() -> None:
    said = read_aloud(None, "next", "read", "note x")
    assert said.count("No brief is open. Press L for the library, o to open one.") == 3


def test_export_writes_the_notes_of_the_brief(seed_brief_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    said = read_aloud(seed_brief_path, "3", "note keep this", "export", "md", str(target))
    assert f"Exported to {target}." in said
    assert "keep this" in target.read_text(encoding="utf-8")
    again = read_aloud(seed_brief_path, "export", "md", str(target))
    assert "Not exported: " in again  # an existing file is not overwritten


def test_help_reads_every_command_and_unknown_words_say_so(seed_brief_path: Path) -> None:
    said = read_aloud(seed_brief_path, "help", "fly away")
    for command in COMMANDS:
        assert f": {command.help}." in said
    assert "Unknown command 'fly away'. Type help for the commands." in said


def test_words_pick_the_longest_command() -> None:
    assert parse("next section")[0].name == "next_section"  # type: ignore[index]
    assert parse("next")[0].name == "next_item"  # type: ignore[index]
    assert parse("  find   truce deal ") == (parse("find x")[0], "truce deal")  # type: ignore[index]
    assert parse("7")[0].name == "section"  # type: ignore[index]


def test_single_keys_and_a_line_after_a_colon(seed_brief_path: Path) -> None:
    out = io.StringIO()
    keys = KeysScript(["3", "j", "\r", ":", "section 2", "Z", "?", "q"])
    reader = PlainReader(
        Voice(out, width=0), keys, fixed_clock(), notes(), [seed_brief_path.parent]
    )
    reader.open_brief(seed_brief_path)
    reader.run()
    said = out.getvalue()
    assert "> section 3\nQuotes, 1 of 8." in said
    assert "> next\nQuotes, 2 of 8." in said
    assert "> read\nQuote: intense" in said
    assert "> :\ncommand: Participants, 1 of 7." in said
    assert "> Z\nNo command on 'Z'. Press ? for help." in said
    assert "> help\nCommands." in said and "End of help." in said
    assert said.endswith("> quit\nGoodbye.\n")


def test_brief_text_is_cleaned_no_escape_reaches_the_terminal() -> None:
    said = read_aloud(HOSTILE, *["read", "next section"] * 6)
    assert "\x1b" not in said and "\x07" not in said and "\x9b" not in said
    assert "[RLO]" in said  # the override is named, not obeyed
    assert "Quote text [RLO]gnp.exe" in said or "[RLO]gnp.exe" in said


@pytest.mark.parametrize(
    ("env", "argv", "plain"),
    [
        ({"TERM": "dumb"}, [], True),
        ({"TERM": "dumb", "BRIEFING_A11Y": "0"}, [], False),
        ({"TERM": "xterm-256color", "BRIEFING_A11Y": "1"}, [], True),
        ({"TERM": "xterm-256color"}, ["--plain"], True),
        ({"TERM": "xterm-256color"}, [], False),
    ],
)
def test_when_the_plain_reader_opens(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], argv: list[str], plain: bool
) -> None:
    from briefing.cli.open_reader import plain_wanted

    monkeypatch.delenv("BRIEFING_A11Y", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert plain_wanted(bool(argv)) is plain


def test_briefing_plain_reads_lines_from_a_pipe(seed_brief_path: Path) -> None:
    result = run_briefing(
        "--plain", "--now", "2025-10-26T14:00+03:00", str(seed_brief_path), input="3\nnext\nquit\n"
    )
    assert result.returncode == 0, result.stderr
    assert "> section 3\n" not in result.stdout  # lines are not echoed back from a pipe
    assert "Quotes, 2 of 8. Li Chenggang, Trade Representative, China: intense." in result.stdout
    assert "\x1b" not in result.stdout and result.stderr == ""


def test_a_person_of_the_library_and_their_quotes_and_every_line_of_a_long_list(
    samples_dir: Path,
) -> None:
    said = read_aloud(None, "people", "people 1", "people all", library=[samples_dir])
    assert re.search(r"And \d+ more\. Type people all to hear every one\.", said), said
    assert "Li Chenggang, Trade Representative, China: 5 quotes, oldest first." in said
    assert "1. intense" not in said and "2. intense. 26 October 2025. In US, China agree" in said
    assert "48. " in said and said.count("End of people.") == 2
