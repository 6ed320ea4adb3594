"""Text from a brief can never drive the terminal or disguise itself."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core import load_brief, parse_brief
from briefing.core.safetext import clean_line, clean_text, quote_value

GOOD = Path(__file__).resolve().parent.parent / "data" / "good"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("red \x1b[31mtext\x1b[0m", "red text"),  # CSI colour
        ("a\x1b[2J\x1b[Hb", "ab"),  # clear screen, cursor home
        ("a\x1b[?1049hb", "ab"),  # private-mode CSI
        ("x\x1b]0;pwned\x07y", "xy"),  # OSC window title, BEL-terminated
        ("x\x1b]2;pwned\x1b\\y", "xy"),  # OSC title, ST-terminated
        ("x\x1b]52;c;ZXZpbA==\x07y", "xy"),  # OSC 52 clipboard write
        ("\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"),  # OSC 8 hyperlink
        ("x\x1b]0;never terminated", "x"),  # unterminated OSC swallows its tail
        ("a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),  # DCS (sixel)
        ("a\x1b_APC payload\x1b\\b", "ab"),  # APC
        ("a\x1bcb", "ab"),  # RIS (full reset), a two-byte escape
        ("a\x1b7b\x1b8c", "abc"),  # save/restore cursor
        ("a\x1b(0b\x1b(Bc", "abc"),  # character set designation (line drawing and back)
        ("a\x1b#8b", "ab"),  # DECALN: fills the screen with E
        ("ding\x07", "ding"),  # BEL
        ("nul\x00byte", "nulbyte"),  # NUL
        ("back\x08space", "backspace"),  # BS
        ("del\x7fete", "delete"),  # DEL
        ("c1\x9b31mcsi", "c1csi"),  # C1 CSI: removed whole, like its 7-bit form
        ("c1\x9d0;title\x9c", "c1"),  # C1 OSC and ST: removed whole
        ("next\x85line", "nextline"),  # C1 NEL
        ("lone \x1b", "lone "),
        ("vt\x0bff\x0c", "vtff"),
        ("plain, ünïcödé, 中文, emoji 🙂", "plain, ünïcödé, 中文, emoji 🙂"),
    ],
)
def test_control_sequences_are_removed(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean
    assert clean_line(raw) == clean


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("invoice\u202egpj.exe", "invoice[RLO]gpj.exe"),
        ("\u202aa\u202bb\u202cc\u202dd", "[LRE]a[RLE]b[PDF]c[LRO]d"),
        ("\u2066x\u2069 \u2067y\u2069 \u2068z\u2069", "[LRI]x[PDI] [RLI]y[PDI] [FSI]z[PDI]"),
    ],
)
def test_bidi_overrides_become_visible(raw: str, shown: str) -> None:
    assert clean_text(raw) == shown
    assert clean_line(raw) == shown


def test_ordinary_right_to_left_text_is_kept() -> None:
    assert clean_text("مرحبا שלום") == "مرحبا שלום"


def test_clean_text_keeps_newlines_and_tabs() -> None:
    assert clean_text("a\nb\tc") == "a\nb\tc"
    assert clean_text("a\r\nb\rc") == "a\nb\nc"
    assert clean_text("para one\n\npara two\n") == "para one\n\npara two\n"


def test_clean_line_folds_newlines_and_tabs_to_spaces() -> None:
    assert clean_line("a\nb\tc") == "a b c"
    assert clean_line("a\r\nb\rc") == "a b c"
    assert clean_line("one\n\ntwo") == "one  two"


def test_escape_sequences_cannot_hide_behind_a_newline() -> None:
    assert "\x1b" not in clean_line("a\x1b[31\nm")
    assert "\x1b" not in clean_text("a\x1b]0;x\ny\x07z")


def test_quote_value_is_safe_and_short() -> None:
    assert quote_value("a\x1b[31mb") == "'ab'"
    assert quote_value(42) == "42"
    long = quote_value("x" * 500)
    assert len(long) == 62 and long.endswith("…'")


_DANGEROUS = {chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}
_DANGEROUS |= set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8") | st.sampled_from(sorted(_DANGEROUS)), max_size=60
    )
)
def test_no_control_character_survives(value: str) -> None:
    text = clean_text(value)
    line = clean_line(value)
    assert not _DANGEROUS & set(text)
    assert not _DANGEROUS & set(line)
    assert "\n" not in line and "\t" not in line and "\r" not in text
    assert clean_text(text) == text  # idempotent
    assert clean_line(line) == line


def test_cleaning_leaves_only_printable_or_layout_characters() -> None:
    raw = "".join(chr(c) for c in range(0x00, 0xA0))
    for char in clean_text(raw):
        assert char in "\n\t" or unicodedata.category(char)[0] != "C", repr(char)


# End to end: what a brief file says never reaches the screen raw.


def test_brief_with_osc_title_loads_with_it_removed(write) -> None:
    path = write(
        'format = 1\ntitle = "Hello\\u001b]0;pwned\\u0007 world"\npublished = 2025-01-01\n'
        '[[quotes]]\ntext = "said\\u001b]0;pwned\\u0007 this"\ncontext = "a\\u001b[31mb"\n'
    )
    brief = load_brief(path)
    assert brief.title == "Hello world"
    assert brief.quotes[0].text == "said this"
    assert brief.quotes[0].context == "ab"
    assert all("pwned" not in text for text in _strings(dataclasses.asdict(brief)))


def _strings(value: object) -> list[str]:
    """Every string anywhere inside a dumped model."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def test_json_brief_with_raw_controls_is_cleaned() -> None:
    raw = {
        "format": 1,
        "title": "T\x1b]0;pwned\x07",
        "published": "2025-01-01",
        "summary": "line one\r\nline two\x1b[2J\x9b",
        "tags": ["a\x1b[31m", "b\u202e"],
        "source": {"name": "S\x07", "url": "https://x\x1b]8;;evil\x1b\\"},
        "participants": [
            {"name": "N\x00", "role": "R\x7f", "aliases": ["A\x1b[1m"], "notes": "n\x1bc"}
        ],
        "figures": [{"label": "L\x1b[5m", "value": "1\x1b[0m", "note": "x\x08"}],
        "timeline": [{"date": "2025-03-01", "label": "E\x1b]0;t\x07", "place": "P\x1b[K"}],
        "deadlines": [{"title": "D\x1b[31m", "due": "2025-02-01", "details": "d\x1b[31m"}],
    }
    brief = parse_brief(json.dumps(raw), "b.json")
    for text in _strings(dataclasses.asdict(brief)):
        assert not _DANGEROUS & set(text.replace("\n", "")), repr(text)
        assert "pwned" not in text
    assert brief.summary == "line one\nline two"
    assert brief.tags == ["a", "b[RLO]"]


def test_hostile_sample_file() -> None:
    brief = load_brief(GOOD / "hostile_text.toml")
    assert brief.title == "Safe title"
    assert brief.participants[0].name == "Eve Red"
    assert brief.participants[0].notes == "copy this"
    assert brief.quotes[0].text == "hello world[RLO]gnp.exe"
    # The speaker id derived from the cleaned name is the one the loader checks against.
    assert brief.quotes[0].speaker == brief.participants[0].id == "eve-red"


def _clean_text_by_the_patterns(value: str) -> str:
    """clean_text without its shortcuts: every pattern applied to every text."""
    from briefing.core import safetext

    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\u2028", "\n").replace("\u2029", "\n")
    value = re.sub(safetext._ANSI_SEQUENCE, "", value, flags=re.VERBOSE)
    value = re.sub(safetext._CONTROL, "", value)
    value = re.sub(safetext._FORMAT, safetext._drop_format, value)
    value = re.sub(safetext._SURROGATE, lambda m: safetext._escape_char(m.group()), value)
    return re.sub(safetext._BIDI, safetext._show_bidi, value)


@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(["\n", "\t", "\r", "\x1b", "[", "m", "\x9b", "\u202e", "\x07", " "]),
            st.characters(),
        ),
        max_size=40,
    )
)
@settings(max_examples=500)
def test_the_shortcuts_of_clean_text_change_nothing(value: str) -> None:
    # Text with only lines and tabs besides printable characters (most multi-line text)
    # is returned as it is: the patterns could not have matched anything in it.
    assert clean_text(value) == _clean_text_by_the_patterns(value)


# Invisible format characters (issue 13, item 15).


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("zero\u200bwidth", "zerowidth"),  # ZERO WIDTH SPACE
        ("word\u2060joiner", "wordjoiner"),  # WORD JOINER
        ("\ufeffbom", "bom"),  # BYTE ORDER MARK inside text
        ("soft\u00adhyphen", "softhyphen"),  # SOFT HYPHEN: a hint a terminal never uses
        ("in\u2062visible", "invisible"),  # INVISIBLE TIMES
        ("tag\U000e0041\U000e0042s", "tags"),  # tag characters spelling hidden ASCII
        ("x\u200dy", "xy"),  # a joiner between letters joins nothing
        ("\u200d\U0001f469", "\U0001f469"),  # a joiner at the start joins nothing
        ("left\u200emark", "left[LRM]mark"),
        ("right\u200fmark", "right[RLM]mark"),
        ("arabic\u061cmark", "arabic[ALM]mark"),
        ("line\u2028sep\u2029para", "line\nsep\npara"),
    ],
)
def test_invisible_format_characters_are_removed_or_shown(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean
    assert clean_line(raw) == clean.replace("\n", " ")


@pytest.mark.parametrize(
    "kept",
    [
        "\U0001f469\u200d\u2695\ufe0f",  # woman health worker
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # family
        "\U0001f3f3\ufe0f\u200d\U0001f308",  # rainbow flag: the joiner follows FE0F
        "\U0001f469\U0001f3fd\u200d\U0001f4bb",  # a skin tone before the joiner
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # Scotland
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: the non-joiner is spelling
    ],
)
def test_joiners_that_text_needs_are_kept(kept: str) -> None:
    assert clean_text(kept) == kept
    assert clean_line(kept) == kept


def test_every_format_character_is_known() -> None:
    # The list in safetext is written out; this catches a Unicode update adding one.
    from briefing.core.safetext import _FORMAT

    format_character = re.compile(_FORMAT)
    missing = [
        f"U+{code:04X}"
        for code in range(0x110000)
        if unicodedata.category(chr(code)) == "Cf" and not format_character.match(chr(code))
    ]
    assert missing == []


_EMOJI = ["\U0001f469", "\U0001f468", "\u2695", "\U0001f308", "\U0001f3f4", "\ufe0f"]
_FORMATS = [chr(c) for c in range(0x200B, 0x2010)] + ["\u00ad", "\u2060", "\ufeff", "\U000e0041"]


def _invisible_left(text: str) -> list[str]:
    from briefing.core.safetext import is_kept_format

    return [
        char
        for index, char in enumerate(text)
        if unicodedata.category(char) == "Cf" and not is_kept_format(text, index)
    ]


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.characters()
        | st.sampled_from(sorted(_DANGEROUS) + _EMOJI + _FORMATS + ["\n", "\t", "\u2028"]),
        max_size=60,
    )
)
def test_cleaned_text_has_nothing_invisible_or_controlling(value: str) -> None:
    for cleaned, layout in ((clean_text(value), "\n\t"), (clean_line(value), "")):
        for char in cleaned:
            assert char in layout or unicodedata.category(char) not in ("Cc", "Zl", "Zp"), repr(
                char
            )
        assert not _BIDI_ALL & set(cleaned)
        assert _invisible_left(cleaned) == []
        assert clean_text(cleaned) == cleaned


_BIDI_ALL = _DANGEROUS - {chr(c) for c in range(0xA0)} | set("\u200e\u200f\u061c")


# Paths in messages (issue 13, item 14).


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("plain/brief.toml", "plain/brief.toml"),
        ("ünïcödé/中文 🙂.toml", "ünïcödé/中文 🙂.toml"),
        (b"caf\xe9.toml", "caf\\xe9.toml"),  # a Latin-1 name: not UTF-8
        (os.fsdecode(b"caf\xe9.toml"), "caf\\xe9.toml"),  # the same, as Python names it
        ("new\nline.toml", "new\\nline.toml"),
        ("tab\tand\rcr", "tab\\tand\\rcr"),
        ("\x1b]0;title\x07.toml", "\\x1b]0;title\\x07.toml"),
        ("c1\x9bcsi", "c1\\x9bcsi"),
        ("invoice\u202egpj.exe", "invoice\\u202egpj.exe"),
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("sep\u2028arator", "sep\\u2028arator"),
        (
            "\U0001f468\u200d\U0001f469\u200d\U0001f467.toml",
            "\U0001f468\u200d\U0001f469\u200d\U0001f467.toml",
        ),
        ("no\u00a0break", "no\u00a0break"),
    ],
)
def test_display_path_is_one_safe_unambiguous_line(path: str | bytes, shown: str) -> None:
    from briefing.core.safetext import display_path

    assert display_path(path) == shown
    assert display_path(Path(os.fsdecode(path))) == shown
    shown.encode("utf-8")  # strict UTF-8 output never fails on it


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=40).filter(lambda b: b"\x00" not in b))
def test_display_path_of_any_name_prints_on_one_line(name: bytes) -> None:
    from briefing.core.safetext import display_path

    shown = display_path(name)
    shown.encode("utf-8")
    assert "\n" not in shown and "\r" not in shown
    assert all(unicodedata.category(c) not in ("Cc", "Cs", "Zl", "Zp") for c in shown)
    assert not _BIDI_ALL & set(shown)


def test_clean_line_of_a_path_that_is_not_utf8_can_always_be_printed() -> None:
    # Many messages pass a path through clean_line: a name that is not UTF-8 arrives as
    # lone surrogates (os.fsdecode), which no strict UTF-8 stream can write.
    name = os.fsdecode(b"/lib/caf\xe9.toml")
    assert clean_line(name) == "/lib/caf\\xe9.toml"
    assert clean_text(f"{name}\nnext") == "/lib/caf\\xe9.toml\nnext"
    clean_line("lone \ud83d high").encode("utf-8")
