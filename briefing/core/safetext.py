"""Make untrusted text safe to show in a terminal.

Brief files come from other people. Their text must never reach the terminal as
control sequences (colour, cursor moves, OSC 52 clipboard writes, window titles)
and must never be able to disguise itself with bidirectional overrides. Every
string read from a brief goes through :func:`clean_line` or :func:`clean_text`
when it is validated, so every consumer (the reader, ``briefing show``, exports)
gets text that is already safe. Markup is a separate concern: the display layers
treat these strings as plain text, never as Rich or Textual markup.
"""

from __future__ import annotations

import re

# Bidirectional embeddings, overrides and isolates: they reorder what is shown
# without changing what is stored, so a name could read as something else.
_BIDI_CONTROLS = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}

# C0 controls except tab and newline, DEL, and the C1 range (which some
# terminals read as 8-bit escape introducers, e.g. U+009B is CSI).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile("[" + "".join(_BIDI_CONTROLS) + "]")
_ANSI_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]             # CSI ... final byte
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC ... BEL or ST
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?       # DCS, SOS, PM, APC ... ST
    | \x1b[ -/]*[0-~]                    # other escapes: ESC c, ESC 7, ESC ( B ...
    | \x9b[0-?]*[ -/]*[@-~]              # 8-bit CSI
    | \x9d[^\x07\x9c\x1b]*(?:\x07|\x9c)?   # 8-bit OSC ... BEL or ST
    """,
    re.VERBOSE,
)


def _show_bidi(match: re.Match[str]) -> str:
    # Square brackets, not angle ones: Markdown renderers drop "<RLO>" as an HTML tag.
    return f"[{_BIDI_CONTROLS[match.group()]}]"


def clean_text(value: str) -> str:
    """Return multi-line text with escape sequences and control characters removed.

    Newlines are kept (``\\r\\n`` and lone ``\\r`` become ``\\n``), tabs are
    kept, whole ANSI/OSC sequences are dropped rather than leaving their
    printable tails behind, and bidirectional overrides are made visible as
    ``[RLO]`` and the like.
    """
    if value.isprintable():
        return value
    if "\r" not in value and value.replace("\n", "").replace("\t", "").isprintable():
        # Lines and tabs only, which are kept: every pattern below needs another
        # character that is not printable (most of a brief's multi-line text).
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _ANSI_SEQUENCE.sub("", value)
    value = _CONTROL.sub("", value)
    return _BIDI.sub(_show_bidi, value)


def clean_line(value: str) -> str:
    """Return single-line text: as :func:`clean_text`, with line breaks and tabs as spaces."""
    value = clean_text(value)
    if "\n" in value or "\t" in value:
        value = " ".join(value.replace("\t", " ").split("\n"))
    return value


def quote_value(value: object, limit: int = 60) -> str:
    """Quote a bad value for an error message: safe, on one line, and not too long."""
    text = clean_line(repr(value) if not isinstance(value, str) else value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'" if isinstance(value, str) else text
