"""The plain reader's terminal: single keys (arrows as j, k, h, l), lines, and clean output."""

from __future__ import annotations

import io
import os
import sys

import pytest

from briefing.plain.terminal import KeyInput, Voice

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")


def keys_typed(data: bytes) -> tuple[KeyInput, int]:
    master, slave = os.openpty()
    os.write(master, data)
    return KeyInput(slave, io.StringIO()), master


def test_arrows_and_shift_tab_are_the_keys_they_stand_for() -> None:
    keys, master = keys_typed(b"\x1b[B\x1b[A\x1bOC\x1b[D\x1b[Zq")
    try:
        assert [keys.key() for _ in range(6)] == ["j", "k", "l", "h", "h", "q"]
    finally:
        os.close(master)
        os.close(keys.fd)


def test_a_line_typed_ahead_of_its_prompt_is_read_and_shown() -> None:
    keys, master = keys_typed(b":find truce\rj")
    try:
        assert keys.key() == ":"
        assert keys.line() == "find truce"
        assert keys.echo.getvalue() == "find truce\n"  # type: ignore[attr-defined]
        assert keys.key() == "j"
    finally:
        os.close(master)
        os.close(keys.fd)


def test_the_voice_cleans_every_line() -> None:
    out = io.StringIO()
    Voice(out).say("red \x1b[31mtext\x1b[0m\x07 \u202eevil", "two\nlines")
    assert out.getvalue() == "red text [RLO]evil\ntwo\nlines\n"
