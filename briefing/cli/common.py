"""What several commands share: printing a line, plain output, the notes database."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from briefing.core.safetext import clean_line, display_path
from briefing.storage import paths
from briefing.storage.config import load_config
from briefing.storage.export_files import ExportExists
from briefing.storage.store.database import Store

if TYPE_CHECKING:
    import argparse

    from briefing.storage.export_files import ExportError
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


def library_folders(given: Sequence[str] | None) -> list[Path]:
    """The library: the paths ``given``, else the configured folders, else the samples."""
    if given:
        return [Path(p) for p in given]
    config, _warnings = load_config(paths.config_file())
    return config.library_paths() or [paths.bundled_samples()]


def missing_path(library: Sequence[Path]) -> str | None:
    """A one-line message naming the first path of ``library`` that is not there, else None."""
    for path in library:
        try:
            os.stat(path)
        except FileNotFoundError:
            return f"{display_path(path)}: no such file or folder"
        except OSError as error:
            return f"{display_path(path)}: cannot be read ({error.strerror or error})"
    return None


def open_annotations() -> Annotations:
    """The notes and bookmarks of the notes database (created when first written)."""
    # deferred: the note models, kept off the reader's start (open_reader imports this module)
    from briefing.storage.store.notes import Annotations

    return Annotations(Store(paths.database_file()))


def saved_annotations() -> Annotations | None:
    """Notes and bookmarks for reading, or None when no database exists yet (none is created)."""
    annotations = open_annotations()
    return annotations if annotations.store.exists() else None


def refusal(error: ExportError) -> str:
    """The line for a file that may not be written: an existing one says how to replace it."""
    return f"{error} (use --force to replace it)" if isinstance(error, ExportExists) else str(error)
