"""Where the plain reader's words go and its keys come from: plain lines, no escapes.

:class:`Voice` writes whole lines, each cleaned by :mod:`briefing.core.safetext` (no
control sequence from a brief reaches the terminal; bidi and invisible characters are
named), and the prompt at the start of a line. :class:`KeyInput` reads single keys from
a terminal in cbreak mode (no echo, nothing drawn) and whole lines in the terminal's own
line mode, whose editing (backspace, kill line) every terminal and screen reader knows;
:class:`LineInput` reads lines only (a pipe, or a test).
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import termios
import textwrap
import tty
from collections.abc import Iterator
from typing import Protocol, TextIO

from briefing.core.safetext import clean_line

PROMPT = "> "

ARROWS = {"A": "k", "B": "j", "C": "l", "D": "h", "Z": "h"}
"""The final letter of an arrow's (or shift+tab's) sequence, and the key it stands for."""


class Input(Protocol):
    """Keys and lines typed by the user; None once input has ended."""

    keys: bool
    """True when single keys can be read (a terminal), else every command is a line."""

    def key(self) -> str | None: ...

    def line(self) -> str | None: ...


class Voice:
    """Plain lines to ``stream``: every one cleaned, nothing but text and line breaks.

    A line longer than ``width`` (the terminal's, from ``COLUMNS`` or the terminal,
    80 when unknown; 0 never wraps) is wrapped at spaces, its indent kept: the
    terminal would cut it mid-word, and a screen reader reads line by line.
    """

    def __init__(self, stream: TextIO, width: int | None = None) -> None:
        self.stream = stream
        self.width = shutil.get_terminal_size((80, 24)).columns if width is None else width

    def say(self, *lines: str) -> None:
        """Write each of ``lines`` (a text with line breaks is several lines)."""
        for text in lines:
            for line in text.splitlines() or [""]:
                for part in self._wrapped(clean_line(line).rstrip()):
                    self.stream.write(part + "\n")
        self.stream.flush()

    def _wrapped(self, line: str) -> list[str]:
        if self.width <= 0 or len(line) <= self.width:
            return [line]
        indent = line[: len(line) - len(line.lstrip(" "))]
        # A word longer than the line (a path, an address) is kept whole, not cut.
        return textwrap.wrap(
            line[len(indent) :],
            self.width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [line]

    def prompt(self, label: str = PROMPT) -> None:
        """The prompt, at the start of a line, where a screen reader's cursor is."""
        self.stream.write(clean_line(label))
        self.stream.flush()

    def echo(self, text: str) -> None:
        """Finish the prompt's line with what was asked for, so the transcript reads it."""
        self.stream.write(clean_line(text) + "\n")
        self.stream.flush()


class LineInput:
    """Lines from a text stream (a pipe, or a test): every command is words and enter."""

    keys = False

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def key(self) -> str | None:
        return self.line()

    def line(self) -> str | None:
        text = self.stream.readline()
        return text.rstrip("\r\n") if text else None


class KeyInput:
    """Single keys from the terminal at ``fd``; lines in the terminal's own line mode.

    Keys typed ahead of a line (a paste, a fast typist) arrive while the terminal is
    in cbreak mode, where Linux does not mark their line end: they are read here and
    written back to ``echo`` as the terminal would have shown them.
    """

    keys = True

    def __init__(self, fd: int, echo: TextIO) -> None:
        self.fd = fd
        self.echo = echo
        self.saved = termios.tcgetattr(fd)
        self.pending = b""

    @contextlib.contextmanager
    def _cbreak(self) -> Iterator[None]:
        # One key at a time, no echo, output untouched; TCSANOW keeps keys typed ahead.
        tty.setcbreak(self.fd, termios.TCSANOW)
        try:
            yield
        finally:
            termios.tcsetattr(self.fd, termios.TCSANOW, self.saved)

    def _read_char(self) -> str | None:
        data = b""
        while True:
            if self.pending:
                chunk, self.pending = self.pending[:1], self.pending[1:]
            else:
                chunk = os.read(self.fd, 1)
            if not chunk:
                return None
            data += chunk
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                if len(data) >= 4:
                    return "\ufffd"

    def key(self) -> str | None:
        """One key (a character; an arrow is the key it stands for); None at the end (ctrl+d)."""
        with self._cbreak():
            char = self._read_char()
            if char == "\x1b":
                return self._sequence()
        return None if char in (None, "\x04") else char

    def _sequence(self) -> str:
        """The rest of an escape sequence (arrows, shift+tab), read as the key it means."""
        sequence = "\x1b"
        # A terminal sends a key's whole sequence at once; escape alone has nothing after it.
        while len(sequence) < 8 and (self.pending or select.select([self.fd], [], [], 0.05)[0]):
            char = self._read_char()
            if char is None:
                break
            sequence += char
            if len(sequence) > 2 and (char.isalpha() or char == "~"):
                break
        return ARROWS.get(sequence[-1:] if sequence[1:2] in "[O" else "", "\x1b")

    def _typed_ahead(self) -> None:
        with self._cbreak():
            while select.select([self.fd], [], [], 0)[0]:
                chunk = os.read(self.fd, 1024)
                if not chunk:
                    break
                self.pending += chunk

    def line(self) -> str | None:
        """One line, edited by the terminal; None at the end of input."""
        self._typed_ahead()
        data = self.pending.replace(b"\r", b"\n")
        self.pending = b""
        if b"\n" in data:
            line, _, rest = data.partition(b"\n")
            self.pending = rest
            text = line.decode("utf-8", "replace")
            self.echo.write(clean_line(text) + "\n")
            self.echo.flush()
            return text
        if data:
            self.echo.write(clean_line(data.decode("utf-8", "replace")))
            self.echo.flush()
        while not data.endswith(b"\n"):
            chunk = os.read(self.fd, 1024)
            if not chunk:
                return data.decode("utf-8", "replace") if data else None
            data += chunk
        return data.decode("utf-8", "replace").rstrip("\r\n")
