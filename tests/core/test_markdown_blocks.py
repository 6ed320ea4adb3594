"""The summary's Markdown read once into plain blocks (issue 15), kept with a known brief."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from kit import brief_toml

from briefing.core import markdown_blocks, normalized
from briefing.core.loading import load_brief, parse_brief
from briefing.core.markdown_blocks import parse, plain_text
from briefing.core.models import Brief


def kinds(text: str) -> list[tuple[str, list[str]]]:
    return [(block["kind"], block["frame"]) for block in parse(text)]


def test_blocks_are_json_data() -> None:
    blocks = parse("# Title\n\nSome **bold** words.\n\n- one\n- two\n")
    assert json.loads(json.dumps(blocks)) == blocks


def test_headings_paragraphs_rules_and_code() -> None:
    blocks = parse("## Where\n\nText here.\n\n---\n\n```\nx = 1\n```\n")
    assert [b["kind"] for b in blocks] == ["heading", "paragraph", "rule", "code"]
    assert blocks[0]["level"] == 2
    assert blocks[0]["spans"] == [["Where", ""]]
    assert blocks[3]["spans"] == [["x = 1", ""]]


def test_inline_spans_bold_italic_code_and_links_with_their_address() -> None:
    (block,) = parse("A **b** *i* `c` [site](https://example.org/x) ~~gone~~.")
    assert block["spans"] == [
        ["A ", ""],
        ["b", "b"],
        [" ", ""],
        ["i", "i"],
        [" ", ""],
        ["c", "c"],
        [" ", ""],
        ["site", "l"],
        [" (https://example.org/x)", "u"],
        [" ", ""],
        ["gone", "s"],
        [".", ""],
    ]


def test_lists_nest_with_their_markers_and_continuations() -> None:
    text = "- one\n  - inner\n\n  more of one\n- two\n\n3. three\n4. four\n"
    assert kinds(text) == [
        ("paragraph", ["-"]),
        ("paragraph", [" ", "-"]),
        ("paragraph", [" "]),
        ("paragraph", ["-"]),
        ("paragraph", ["3."]),
        ("paragraph", ["4."]),
    ]


def test_a_tight_list_has_no_gap_between_its_items() -> None:
    blocks = parse("Before:\n\n- a\n- b\n  - c\n\nAfter.\n")
    assert [b["gap"] for b in blocks] == [False, True, False, False, True]


def test_quotes_frame_what_they_hold() -> None:
    assert kinds("> said\n>\n> - and listed\n") == [
        ("paragraph", [">"]),
        ("paragraph", [">", "-"]),
    ]


def test_a_table_keeps_its_rows_of_cells() -> None:
    (table,) = parse("| When | What |\n| --- | --- |\n| Mon | **Vote** |\n")
    assert table["kind"] == "table"
    assert table["rows"] == [[[["When", ""]], [["What", ""]]], [[["Mon", ""]], [["Vote", "b"]]]]


def test_markup_and_html_are_text() -> None:
    text = "[bold red]not markup[/] <b>nor html</b> {x} [link=https://x]no[/link]"
    assert plain_text(parse(text)) == text


def test_control_characters_and_escapes_are_gone() -> None:
    blocks = parse("Bell\x07 and \x1b[31mred\x1b[0m and \x1b]8;;https://x\x1b\\link\x1b]8;;\x1b\\")
    text = plain_text(blocks)
    assert "\x1b" not in text and "\x07" not in text
    assert "red" in text and "link" in text
    address = parse("[x](https://a.example/\x1b[2J)")[0]["spans"][-1][0]
    assert "\x1b" not in address


def test_huge_nesting_is_read_without_failing() -> None:
    deep_quotes = ">" * 5000 + " deep"
    deep_lists = "".join("  " * n + "- level\n" for n in range(300))
    deep_emphasis = "*" * 3000 + "x" + "*" * 3000
    for text in (deep_quotes, deep_lists, deep_emphasis, "[" * 5000 + "x" + "]" * 5000):
        blocks = parse(text)
        assert json.loads(json.dumps(blocks)) == blocks
        assert all(len(b["frame"]) <= markdown_blocks.MAX_DEPTH for b in blocks)
    assert "deep" in plain_text(parse(deep_quotes))  # too deep to read: plain text, not lost
    assert plain_text(parse(deep_lists)).count("level") == 300


WORD = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,8}", fullmatch=True)
INLINE = st.one_of(
    WORD,
    WORD.map(lambda w: f"**{w}**"),
    WORD.map(lambda w: f"*{w}*"),
    WORD.map(lambda w: f"`{w}`"),
    st.tuples(WORD, WORD).map(lambda p: f"[{p[0]}](https://example.org/{p[1]})"),
)
LINE = st.lists(INLINE, min_size=1, max_size=8).map(" ".join)
BLOCK = st.one_of(
    LINE,
    LINE.map(lambda line: "## " + line),
    LINE.map(lambda line: "> " + line),
    st.lists(LINE, min_size=1, max_size=4).map(lambda ls: "\n".join("- " + x for x in ls)),
    st.lists(LINE, min_size=1, max_size=4).map(lambda ls: "\n".join("1. " + x for x in ls)),
    LINE.map(lambda line: "- " + line + "\n  - " + line),
    LINE.map(lambda line: "```\n" + line + "\n```"),
)


@given(st.lists(BLOCK, min_size=1, max_size=6).map("\n\n".join))
def test_the_blocks_hold_every_word_of_the_summary(text: str) -> None:
    shown = set(re.findall(r"[A-Za-z0-9]+", plain_text(parse(text))))
    assert set(re.findall(r"[A-Za-z0-9]+", text)) <= shown


@given(st.text(max_size=300))
def test_any_text_gives_clean_json_blocks(text: str) -> None:
    blocks = parse(text)
    assert json.loads(json.dumps(blocks)) == blocks
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", plain_text(blocks))


def markdown_modules_after(program: str) -> str:
    """The Markdown modules imported once ``program`` ran in a fresh Python (printed)."""
    program += (
        "\nimport sys\n"
        "print(sorted(m for m in sys.modules if m.startswith(('markdown_it', 'briefing.core.markdown_blocks'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_validating_parses_no_markdown(seed_brief_path: Path) -> None:
    """Indexing and `briefing validate` validate every brief: they leave the summary as text
    (indexing 5,000 briefs took 3.6 -> 5.3 s with it read into blocks)."""
    program = (
        "from briefing.core.loading import load_brief\n"
        f"brief = load_brief({str(seed_brief_path)!r})\n"
        "assert brief.summary_blocks is None\n"
    )
    assert markdown_modules_after(program) == "[]"


def with_blocks(path: Path) -> Brief:
    """The brief at ``path`` with its summary read into blocks, as the reader reads it."""
    brief = load_brief(path)
    markdown_blocks.summary_blocks(brief)
    return brief


def test_blocks_of_a_changed_summary_are_not_given() -> None:
    brief = parse_brief(brief_toml(summary="Old **words**."), "x.toml")
    markdown_blocks.summary_blocks(brief)
    assert brief.summary_blocks is not None
    brief.summary = "New words."
    assert brief.summary_blocks is None
    assert markdown_blocks.summary_blocks(brief) == parse("New words.")
    assert brief.summary_blocks == parse("New words.")


def test_the_index_keeps_the_blocks_and_gives_them_back(seed_brief_path: Path) -> None:
    brief = with_blocks(seed_brief_path)
    data = json.loads(json.dumps(normalized.dump(brief)))
    again = normalized.load(data)
    assert again.summary_blocks == parse(brief.summary)


def test_loading_a_known_brief_parses_no_markdown(tmp_path: Path, seed_brief_path: Path) -> None:
    """The blocks come from the kept content: neither markdown_it nor this module's parser."""
    stored = tmp_path / "normalized.json"
    stored.write_text(json.dumps(normalized.dump(with_blocks(seed_brief_path))))
    program = (
        "import json\n"
        "from briefing.core import normalized\n"
        f"brief = normalized.load(json.loads(open({str(stored)!r}).read()))\n"
        "assert brief.summary_blocks, brief.summary_blocks\n"
    )
    assert markdown_modules_after(program) == "[]"


def test_content_of_the_version_before_the_blocks_is_not_trusted(seed_brief_path: Path) -> None:
    """Kept content of version 2 has no blocks: it is refused, so the file is validated again."""
    assert normalized.VERSION >= 3
    data = normalized.dump(with_blocks(seed_brief_path))
    data["version"] = 2
    del data["summary"]
    try:
        normalized.load(data)
    except ValueError as error:
        assert "version" in str(error)
    else:
        raise AssertionError("version 2 content was trusted")
