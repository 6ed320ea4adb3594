"""The user's ``config.toml``: library folders, theme, clock style and key remaps.

A config file is untrusted input like a brief: a bad one yields warnings and
the defaults, never a crash, so the reader always opens. It is validated by
hand rather than with pydantic because it is read before the first frame,
where pydantic's import (about 100 ms) would show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

from briefing.core import tomlread
from briefing.core.durations import parse_leads
from briefing.core.files import FileMissing, FileProblem, read_regular_file
from briefing.core.safetext import clean_line
from briefing.storage.export_files import NOTE_FORMATS, spoken

MAX_CONFIG_BYTES = 1_048_576
MAX_WARNINGS = 10
"""Problems told one by one; the rest are counted in one last warning."""
CLOCKS = ("24h", "12h")
ICS_COMPONENTS = ("todo", "event")
"""What ``ics_component`` may name: deadlines as VTODOs (with DUE) or as VEVENTs."""
EXPORT_FORMATS = NOTE_FORMATS
"""What ``export_format`` may name (see :data:`briefing.storage.export_files.EXPORT_FORMATS`)."""

EXAMPLE = """\
# briefing configuration
# library = ["~/briefs", "~/work/briefs"]   # folders the library shows
# theme = "briefing-dark"                    # or any Textual theme name
# clock = "24h"                              # or "12h"
# export_format = "md"                       # {formats}
# reminders = ["7d", "1d", "1h"]             # lead times: calendar alarms, reader reminders
# agenda_ics = "~/calendars/briefing.ics"    # kept current while the reader runs
# ics_component = "todo"                     # or "event", for calendars that ignore to-dos
# export_dir = "~/Documents/briefing"        # where the reader's export dialog writes
# [keys]                                     # remap keys by binding id
# "brief.clock" = "C"
""".replace("{formats}", spoken(NOTE_FORMATS))


@dataclass
class Config:
    """What a user can set in ``config.toml``."""

    library: list[str] = field(default_factory=list)
    """Folders (or files) the library shows; the bundled samples when empty."""
    theme: str | None = None
    """Theme to start with; the last chosen theme is remembered separately."""
    clock: str = "24h"
    """How times of day are shown: ``24h`` or ``12h``."""
    keys: dict[str, str] = field(default_factory=dict)
    """Key remaps: binding id to a comma-separated list of keys."""
    export_format: str = "md"
    """Default format of ``briefing export``: ``md``, ``json`` or ``toml``."""
    export_dir: str = ""
    """The export dialog's folder (``~`` expanded); the documents folder when empty."""
    reminders: list[str] = field(default_factory=list)
    """Lead times before each deadline (``7d``, ``1h``): calendar alarms and reader reminders."""
    agenda_ics: str | None = None
    """A calendar file the reader keeps current with the library's agenda while it runs."""
    ics_component: str = "todo"
    """Deadlines in calendar files as ``todo`` (VTODO with DUE) or ``event`` (VEVENT)."""

    def lead_times(self) -> tuple[timedelta, ...]:
        """The reminders' lead times, longest first (checked when the file was read)."""
        return parse_leads(self.reminders)[0]

    def agenda_ics_path(self) -> Path | None:
        """The calendar file to keep current, with ``~`` expanded; None when not set."""
        return Path(self.agenda_ics).expanduser() if self.agenda_ics else None

    def library_paths(self) -> list[Path]:
        """The library entries as paths, with ``~`` expanded."""
        return [Path(entry).expanduser() for entry in self.library]


def _kind(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _check(key: str, value: Any) -> str | None:
    """Return why ``value`` is not valid for ``key``, or None when it is."""
    if key == "library":
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            return f"expected a list of folder names, got {_kind(value)}"
    elif key == "theme":
        if not isinstance(value, str):
            return f"expected a theme name, got {_kind(value)}"
    elif key == "clock":
        if value not in CLOCKS:
            return f'expected "24h" or "12h", got {clean_line(repr(value))[:40]}'
    elif key == "export_format":
        if value not in EXPORT_FORMATS:
            return (
                f"expected one of {', '.join(EXPORT_FORMATS)}, got {clean_line(repr(value))[:40]}"
            )
    elif key == "export_dir":
        if not isinstance(value, str):
            return f"expected a folder name, got {_kind(value)}"
    elif key == "keys":
        if not isinstance(value, dict):
            return 'expected a table of binding id = "key"'
    elif key == "reminders":
        return parse_leads(value)[1]
    elif key == "agenda_ics":
        if not isinstance(value, str) or not value.strip():
            return f"expected the path of a calendar file, got {_kind(value)}"
    elif key == "ics_component":
        if value not in ICS_COMPONENTS:
            return f'expected "todo" or "event", got {clean_line(repr(value))[:40]}'
    else:
        return _unknown(key)
    return None


def _unknown(key: str) -> str:
    """The problem of an unknown key, with the nearest valid key when one is close."""
    # deferred: only for a config with a mistake in it
    import difflib

    valid = list(Config.__dataclass_fields__)
    close = difflib.get_close_matches(key[:40], valid, n=1)
    if close:
        return f"unknown key; did you mean {close[0]!r}?"
    return f"unknown key; valid keys are: {', '.join(valid)}"


class _Problems:
    """Warnings about one file: the first :data:`MAX_WARNINGS` in full, the rest counted.

    Only the told ones are worded (with a "did you mean"), so a file of 100,000
    mistakes costs a count, not 100,000 suggestions and popups.
    """

    def __init__(self, where: str) -> None:
        self.where = where
        self.told: list[str] = []
        self.more = 0

    def add(self, key: str, problem: Callable[[], str]) -> None:
        if len(self.told) >= MAX_WARNINGS:
            self.more += 1
            return
        self.told.append(f"{self.where}: {clean_line(key)[:40]}: {problem()} (ignored)")

    def warnings(self) -> list[str]:
        if not self.more:
            return self.told
        return [*self.told, f"{self.where}: and {self.more:,} more problems like these (ignored)"]


def load_config(path: Path) -> tuple[Config, list[str]]:
    """Read ``path``; return the config and warnings (missing file: defaults, no warning).

    Only a regular file of at most 1 MB is read: a FIFO or ``/dev/zero`` there
    would hang the reader or fill its memory.
    """
    where = clean_line(str(path))
    try:
        data = read_regular_file(path, limit=MAX_CONFIG_BYTES)
    except FileMissing:
        return Config(), []
    except FileProblem as problem:
        return Config(), [f"{where}: {problem.reason}; using defaults"]
    try:
        raw = tomlread.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return Config(), [f"{where}: is not valid UTF-8; using defaults"]
    except tomlread.TOMLDecodeError as error:
        return Config(), [f"{where}: TOML syntax: {clean_line(str(error))}; using defaults"]
    except RecursionError:
        return Config(), [f"{where}: nested too deeply; using defaults"]
    good: dict[str, Any] = {}
    problems = _Problems(where)
    for key, value in raw.items():
        if key not in Config.__dataclass_fields__:
            # Worded (with a suggestion) only if it is one of the warnings told.
            problems.add(key, partial(_unknown, key))
        elif reason := _check(key, value):
            problems.add(key, partial(str, reason))
        else:
            good[key] = value
    if "keys" in good:
        good["keys"] = _keys(good["keys"], problems)
    return Config(**good), problems.warnings()


def _keys(table: dict[str, Any], problems: _Problems) -> dict[str, str]:
    """The ``[keys]`` entries whose value is text (the reader checks the key names)."""
    keys: dict[str, str] = {}
    for binding_id, value in table.items():
        if isinstance(value, str):
            keys[binding_id] = value
        else:
            reason = f'expected a key such as "ctrl+n", got {_kind(value)}'
            problems.add(f"keys.{binding_id}", partial(str, reason))
    return keys
