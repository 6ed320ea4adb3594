"""A desktop notification asked of the terminal itself, for terminals known to show one.

Three escape sequences are in use: OSC 9 (iTerm2, WezTerm, Ghostty, Windows
Terminal, ConEmu), OSC 99 (kitty) and OSC 777 (foot, rxvt-unicode, VTE terminals
built with it). The terminal is told by its environment; an unknown one gets
nothing, since a terminal that does not read the sequence may print it. Inside
tmux the sequence is wrapped for tmux's passthrough (``allow-passthrough on``).
The text comes from brief files: every control character and the field separator
``;`` are taken out, so nothing in it can end the sequence or start another.
"""

from __future__ import annotations

from collections.abc import Mapping

OSC9_PROGRAMS = ("iterm", "wezterm", "ghostty", "conemu")
OSC777_TERMS = ("foot", "rxvt")
MAX_TEXT = 200

ESC = "\x1b"
ST = ESC + "\\"


def _plain(text: str) -> str:
    """``text`` with no control character and no ``;``, at most :data:`MAX_TEXT` long."""
    kept = "".join(char if char.isprintable() else " " for char in text)
    return kept.replace(";", ",")[:MAX_TEXT]


def _kind(env: Mapping[str, str]) -> str:
    """Which sequence the terminal reads: ``9``, ``99``, ``777``, or "" for none known."""
    program = (env.get("LC_TERMINAL") or env.get("TERM_PROGRAM") or "").lower()
    term = env.get("TERM", "").lower()
    if "kitty" in term or env.get("KITTY_WINDOW_ID"):
        return "99"
    if any(name in program for name in OSC9_PROGRAMS) or env.get("WT_SESSION"):
        return "9"
    if "ghostty" in term or "wezterm" in term:
        return "9"
    if any(name in term for name in OSC777_TERMS) or env.get("VTE_VERSION"):
        return "777"
    return ""


def notification_sequence(title: str, body: str, env: Mapping[str, str]) -> str:
    """The escape sequence that shows ``title`` and ``body`` as a desktop notification, or ""."""
    kind = _kind(env)
    title, body = _plain(title), _plain(body)
    if kind == "9":
        sequence = f"{ESC}]9;{title}: {body}\x07"
    elif kind == "99":
        sequence = f"{ESC}]99;;{title}: {body}{ST}"
    elif kind == "777":
        sequence = f"{ESC}]777;notify;{title};{body}{ST}"
    else:
        return ""
    if env.get("TMUX"):
        # tmux passes a DCS "tmux;" through to the outer terminal, every ESC in it doubled.
        return f"{ESC}Ptmux;{sequence.replace(ESC, ESC + ESC)}{ST}"
    return sequence
