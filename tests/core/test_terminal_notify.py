"""core.terminal_notify: the escape sequence of a desktop notification, per terminal."""

from __future__ import annotations

from briefing.core.terminal_notify import notification_sequence

TITLE, BODY = "briefing: in 1d", "Budget vote (Council)"


def test_terminals_that_say_so_get_their_own_sequence() -> None:
    assert notification_sequence(TITLE, BODY, {"TERM_PROGRAM": "WezTerm"}) == (
        "\x1b]9;briefing: in 1d: Budget vote (Council)\x07"
    )
    assert notification_sequence(TITLE, BODY, {"TERM": "xterm-kitty"}) == (
        "\x1b]99;;briefing: in 1d: Budget vote (Council)\x1b\\"
    )
    assert notification_sequence(TITLE, BODY, {"TERM": "foot"}) == (
        "\x1b]777;notify;briefing: in 1d;Budget vote (Council)\x1b\\"
    )


def test_an_unknown_terminal_gets_nothing() -> None:
    assert notification_sequence(TITLE, BODY, {"TERM": "xterm-256color"}) == ""


def test_inside_tmux_the_sequence_is_passed_through() -> None:
    env = {"TERM_PROGRAM": "tmux", "TMUX": "/tmp/tmux-0/default,1,0", "LC_TERMINAL": "iTerm2"}
    sequence = notification_sequence(TITLE, BODY, env)
    assert sequence == "\x1bPtmux;\x1b\x1b]9;briefing: in 1d: Budget vote (Council)\x07\x1b\\"


def test_text_from_a_brief_cannot_end_the_sequence() -> None:
    hostile = "x\x07\x1b]0;pwned\x1b\\;y"
    sequence = notification_sequence(TITLE, hostile, {"TERM": "foot"})
    inner = sequence.removeprefix("\x1b]777;notify;").removesuffix("\x1b\\")
    assert "\x1b" not in inner and "\x07" not in inner
    assert inner.count(";") == 1  # the field separator only
