"""The user's ``config.toml``: library folders, theme, clock style and key remaps.

A config file is untrusted input like a brief: a bad one yields warnings and
the defaults, never a crash, so the reader always opens. It is validated by
hand rather than with pydantic because it is read before the first frame,
where pydantic's import (about 100 ms) would show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.core.safetext import clean_line

MAX_CONFIG_BYTES = 1_048_576
CLOCKS = ("24h", "12h")
EXPORT_FORMATS = ("md", "json", "toml")

EXAMPLE = """\
# briefing configuration
# library = ["~/briefs", "~/work/briefs"]   # folders the library shows
# theme = "briefing-dark"                    # or any Textual theme name
# clock = "24h"                              # or "12h"
# export_format = "md"                       # md, json or toml
# [keys]                                     # remap keys by binding id
# "brief.clock" = "c"
"""


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
    elif key == "keys":
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            return 'expected a table of binding id = "key"'
    else:
        return f"unknown key; valid keys are: {', '.join(Config.__dataclass_fields__)}"
    return None


def load_config(path: Path) -> tuple[Config, list[str]]:
    """Read ``path``; return the config and warnings (missing file: defaults, no warning)."""
    where = clean_line(str(path))
    try:
        if not path.exists():
            return Config(), []
        if path.is_dir():
            return Config(), [f"{where}: is a folder, not a file; using defaults"]
        data = path.read_bytes()[: MAX_CONFIG_BYTES + 1]
    except OSError as error:
        return Config(), [f"{where}: cannot be read ({error.strerror or error}); using defaults"]
    if len(data) > MAX_CONFIG_BYTES:
        return Config(), [f"{where}: larger than 1 MB; using defaults"]
    import tomllib  # only with a config file to read (2 ms before the first frame)

    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return Config(), [f"{where}: is not valid UTF-8; using defaults"]
    except tomllib.TOMLDecodeError as error:
        return Config(), [f"{where}: TOML syntax: {clean_line(str(error))}; using defaults"]
    except RecursionError:
        return Config(), [f"{where}: nested too deeply; using defaults"]
    good: dict[str, Any] = {}
    warnings = []
    for key, value in raw.items():
        problem = _check(key, value)
        if problem:
            warnings.append(f"{where}: {clean_line(key)[:40]}: {problem} (ignored)")
        else:
            good[key] = value
    return Config(**good), warnings
