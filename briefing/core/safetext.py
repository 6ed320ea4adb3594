"""Make untrusted text safe to show in a terminal.

Brief files come from other people. Their text must never reach the terminal as
control sequences (colour, cursor moves, OSC 52 clipboard writes, window titles)
and must never be able to disguise itself with bidirectional overrides. Every
string read from a brief goes through :func:`clean_line` or :func:`clean_text`
when it is validated, so every consumer (the reader, ``briefing show``, exports)
gets text that is already safe. Markup is a separate concern: the display layers
treat these strings as plain text, never as Rich or Textual markup.

Invisible format characters (Unicode category Cf: zero-width spaces, word
joiners, soft hyphens, byte-order marks, tag characters) are removed, so a name
or id cannot hide a difference a reader cannot see; the bidirectional marks
(LRM, RLM, ALM) are shown like the overrides. Two are kept where text needs
them: a zero-width joiner between two pictographs (the family and flag emoji)
and a zero-width non-joiner between two letters of a script that uses it
(Persian, the Indic scripts). Paths are shown with :func:`display_path`, which
escapes rather than removes, so two different names never print the same.
"""

from __future__ import annotations

import os
import re
import unicodedata

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
    # The marks do not override, but they still move neutral characters around.
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u061c": "ALM",
}

# Every format character (category Cf) in Unicode 15, listed rather than found at
# import time (scanning all code points would cost a tenth of a second at start-up);
# a test checks the list against the running Python's unicodedata.
_FORMAT_RANGES = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
_FORMAT = f"[{_FORMAT_RANGES}]"
_ZWJ = "\u200d"
_ZWNJ = "\u200c"
_BLACK_FLAG = "\U0001f3f4"
_TAGS = range(0xE0020, 0xE0080)
# What may stand between a pictograph and a joiner: emoji presentation, skin tones.
_EMOJI_MODIFIERS = "[\ufe0f\U0001f3fb-\U0001f3ff]+$"

# The patterns are compiled (and cached by ``re``) when first used: most text is printable
# and needs none of them (see clean_text), and compiling them costs ~2 ms at start-up.

# C0 controls except tab and newline, DEL, and the C1 range (which some
# terminals read as 8-bit escape introducers, e.g. U+009B is CSI).
_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f]"
_BIDI = "[" + "".join(_BIDI_CONTROLS) + "]"
_SURROGATE = "[\ud800-\udfff]"
_ANSI_SEQUENCE = r"""
    \x1b\[[0-?]*[ -/]*[@-~]             # CSI ... final byte
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC ... BEL or ST
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?       # DCS, SOS, PM, APC ... ST
    | \x1b[ -/]*[0-~]                    # other escapes: ESC c, ESC 7, ESC ( B ...
    | \x9b[0-?]*[ -/]*[@-~]              # 8-bit CSI
    | \x9d[^\x07\x9c\x1b]*(?:\x07|\x9c)?   # 8-bit OSC ... BEL or ST
    """


def _show_bidi(match: re.Match[str]) -> str:
    # Square brackets, not angle ones: Markdown renderers drop "<RLO>" as an HTML tag.
    return f"[{_BIDI_CONTROLS[match.group()]}]"


def _is_pictograph(char: str) -> bool:
    # Extended_Pictographic is not in unicodedata; emoji are "other symbols" (So).
    return unicodedata.category(char) == "So"


def _is_joining_letter(char: str) -> bool:
    # Letters and marks beyond Latin: Latin text never needs a non-joiner.
    return char > "\u024f" and unicodedata.category(char)[0] in "LM"


def is_kept_format(text: str, index: int) -> bool:
    """Whether the format character at ``text[index]`` is part of what the text means.

    A zero-width joiner between two pictographs (``👩‍⚕️``), a non-joiner between
    two letters of a script that uses it (Persian ``می‌خواهم``), and the tag
    characters of a subdivision flag (``🏴`` followed by tags) are kept.
    """
    char = text[index]
    before = re.sub(_EMOJI_MODIFIERS, "", text[max(0, index - 8) : index])
    after = text[index + 1 : index + 2]
    if char == _ZWJ:
        return bool(before and after) and _is_pictograph(before[-1]) and _is_pictograph(after)
    if char == _ZWNJ:
        return (
            bool(before and after) and _is_joining_letter(before[-1]) and _is_joining_letter(after)
        )
    if ord(char) in _TAGS:
        start = index
        while start > 0 and ord(text[start - 1]) in _TAGS:
            start -= 1
        return start > 0 and text[start - 1] == _BLACK_FLAG
    return False


def _drop_format(match: re.Match[str]) -> str:
    char = match.group()
    if char in _BIDI_CONTROLS:
        return char  # made visible afterwards
    return char if is_kept_format(match.string, match.start()) else ""


def clean_text(value: str) -> str:
    """Return multi-line text with escape sequences and control characters removed.

    Newlines are kept (``\\r\\n``, lone ``\\r`` and U+2028/U+2029 become
    ``\\n``), tabs are kept, whole ANSI/OSC sequences are dropped rather than
    leaving their printable tails behind, invisible format characters are
    removed (but see :func:`is_kept_format`), and bidirectional overrides and
    marks are made visible as ``[RLO]``, ``[RLM]`` and the like.
    """
    if value.isprintable():
        return value
    if "\r" not in value and value.replace("\n", "").replace("\t", "").isprintable():
        # Lines and tabs only, which are kept: every pattern below needs another
        # character that is not printable (most of a brief's multi-line text).
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    # The Unicode line and paragraph separators are line breaks too.
    value = value.replace("\u2028", "\n").replace("\u2029", "\n")
    value = re.sub(_ANSI_SEQUENCE, "", value, flags=re.VERBOSE)
    value = re.sub(_CONTROL, "", value)
    value = re.sub(_FORMAT, _drop_format, value)
    # Lone surrogates come from file names that are not UTF-8 (os.fsdecode): no strict
    # UTF-8 stream can write them, so they are escaped as the bytes they stand for.
    value = re.sub(_SURROGATE, lambda match: _escape_char(match.group()), value)
    return re.sub(_BIDI, _show_bidi, value)


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


_SURROGATE_ESCAPE = range(0xDC80, 0xDD00)
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(char: str) -> str:
    code = ord(char)
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    if code in _SURROGATE_ESCAPE:
        return f"\\x{code - 0xDC00:02x}"  # a byte of the name that is not UTF-8
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def display_path(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """Return ``path`` for a message: one line, safe to print in any encoding, never ambiguous.

    A file name may hold any byte but ``/`` and NUL. Bytes that are not UTF-8
    are shown as ``\\xff``; newlines, tabs and other controls as ``\\n``,
    ``\\t``, ``\\x1b``; line separators, bidirectional controls and invisible
    format characters as ``\\u202e``, except the joiners that text needs (see
    :func:`is_kept_format`). Everything else, including ordinary non-ASCII
    names, is shown as it is.
    """
    text = os.fsdecode(path)
    if text.isprintable():
        return text
    out = []
    for index, char in enumerate(text):
        if char.isprintable() or char == " ":
            out.append(char)
        elif unicodedata.category(char) in ("Zs", "Co", "Cn"):
            out.append(char)  # no-break and other spaces, private use, unassigned: harmless
        elif unicodedata.category(char) == "Cf" and is_kept_format(text, index):
            out.append(char)
        else:
            out.append(_escape_char(char))
    return "".join(out)


def short_path(path: str) -> str:
    """``path`` as a person reads it: relative to the current folder when inside it, else
    with the home folder as ``~``; escaped to one safe line by :func:`display_path`."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        relative = path
    if not relative.startswith(os.pardir):
        return display_path(relative)
    home = os.path.expanduser("~")
    if home not in ("~", os.sep) and path.startswith(home + os.sep):
        return display_path("~" + path[len(home) :])
    return display_path(path)
