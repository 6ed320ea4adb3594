"""Build the plain reader from its parts (paths, config, store, clock, terminal) and run it."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from briefing.core.clock import Clock, ShiftedClock, SystemClock
from briefing.plain.session import PlainReader
from briefing.plain.terminal import Input, KeyInput, LineInput, Voice
from briefing.storage import paths
from briefing.storage.config import load_config
from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations


def _library(path: Path | None) -> list[Path]:
    if path is not None and path.is_dir():
        return [path]
    config, _warnings = load_config(paths.config_file())
    return config.library_paths() or [paths.bundled_samples()]


def _input() -> Input:
    if sys.stdin.isatty():
        return KeyInput(sys.stdin.fileno(), sys.stdout)
    return LineInput(sys.stdin)


def run_plain(path: str | None, now: datetime | None, clock: Clock | None = None) -> int:
    """Read ``path`` (a brief, or a folder as the library) plainly; return the exit status."""
    chosen = Path(path) if path is not None else None
    reader = PlainReader(
        Voice(sys.stdout),
        _input(),
        clock or (ShiftedClock(now) if now is not None else SystemClock()),
        Annotations(Store(paths.database_file())),
        _library(chosen),
    )
    reader.voice.say("briefing, plain reader. Press ? for help, q to leave.")
    if chosen is not None and chosen.is_file():
        reader.open_brief(chosen)
    else:
        reader.views.do_library("")
    return reader.run()
