"""Regular expressions compiled on first use, so importing the importer costs almost nothing.

The rules use a few large patterns (every verb of speech, every way to write a
date); compiling them all took most of the importer's import time. Python's
``re`` would compile them anyway on first use; this only moves the cost there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property


class LazyPattern:
    """A ``re.Pattern`` stand-in that compiles itself the first time it is used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern."""
        return re.compile(self.pattern, self.flags)

    def search(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        """As :meth:`re.Pattern.search`."""
        return self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        """As :meth:`re.Pattern.match`."""
        return self.compiled.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        """As :meth:`re.Pattern.fullmatch`."""
        return self.compiled.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**62) -> Iterator[re.Match[str]]:
        """As :meth:`re.Pattern.finditer`."""
        return self.compiled.finditer(text, pos, endpos)

    def findall(self, text: str) -> list[str]:
        """As :meth:`re.Pattern.findall`."""
        return self.compiled.findall(text)

    def sub(self, replacement: str, text: str) -> str:
        """As :meth:`re.Pattern.sub`."""
        return self.compiled.sub(replacement, text)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern that compiles on first use."""
    return LazyPattern(pattern, flags)
