"""What several commands share: printing a line, plain output, the notes database."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

from briefing.core.safetext import clean_line
from briefing.storage import paths
from briefing.storage.store.database import Store

if TYPE_CHECKING:
    import argparse

    from briefing.storage.store.notes import Annotations


def say(text: str, stream: TextIO | None = None) -> None:
    """Print one line to ``stream`` (standard output by default)."""
    print(text, file=stream or sys.stdout)


def err(message: str, prefix: str = "briefing") -> None:
    """Print ``prefix: message`` to standard error, the message made one safe line."""
    print(f"{prefix}: {clean_line(message)}", file=sys.stderr)


def wants_plain(args: argparse.Namespace) -> bool:
    """Plain text: asked for with ``--plain``, or output is not a terminal, or NO_COLOR is set."""
    return args.plain or not sys.stdout.isatty() or bool(os.environ.get("NO_COLOR"))


def open_annotations() -> Annotations:
    """The notes and bookmarks of the notes database (created when first written)."""
    # deferred: the note models, kept off the reader's start (open_reader imports this module)
    from briefing.storage.store.notes import Annotations

    return Annotations(Store(paths.database_file()))


def saved_annotations() -> Annotations | None:
    """Notes and bookmarks for reading, or None when no database exists yet (none is created)."""
    annotations = open_annotations()
    return annotations if annotations.store.exists() else None
