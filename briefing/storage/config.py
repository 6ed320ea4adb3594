"""The user's ``config.toml``: library folders, theme, clock style and key remaps.

A config file is untrusted input like a brief: a bad one yields warnings and
the defaults, never a crash, so the reader always opens.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from briefing.core.errors import BriefError
from briefing.core.loading import read_limited
from briefing.core.problems import problems_from_validation

EXAMPLE = """\
# briefing configuration
# library = ["~/briefs", "~/work/briefs"]   # folders the library shows
# theme = "briefing-dark"                    # or any Textual theme name
# clock = "24h"                              # or "12h"
# [keys]                                     # remap keys by binding id
# "brief.notes" = "ctrl+n"
"""


class Config(BaseModel):
    """What a user can set in ``config.toml``."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    library: list[str] = Field(default_factory=list)
    """Folders (or files) the library shows; the bundled samples when empty."""
    theme: str | None = None
    """Theme to start with; the last chosen theme is remembered separately."""
    clock: Literal["24h", "12h"] = "24h"
    """How times of day are shown."""
    keys: dict[str, str] = Field(default_factory=dict)
    """Key remaps: binding id to a comma-separated list of keys."""
    export_format: Literal["md", "json", "toml"] = "md"
    """Default format of ``briefing export``."""

    def library_paths(self) -> list[Path]:
        """The library entries as paths, with ``~`` expanded."""
        return [Path(entry).expanduser() for entry in self.library]


def load_config(path: Path) -> tuple[Config, list[str]]:
    """Read ``path``; return the config and warnings (missing file: defaults, no warning)."""
    if not path.exists():
        return Config(), []
    try:
        data = read_limited(path, limit=1_048_576).decode("utf-8")
        raw = tomllib.loads(data)
    except BriefError as error:
        return Config(), [f"{error.summary()}; using defaults"]
    except UnicodeDecodeError:
        return Config(), [f"{path}: is not valid UTF-8; using defaults"]
    except tomllib.TOMLDecodeError as error:
        return Config(), [f"{path}: TOML syntax: {error}; using defaults"]
    try:
        return Config.model_validate(raw), []
    except ValidationError as error:
        warnings = [
            f"{problem.format(path)} (ignored)" for problem in problems_from_validation(error, Config)
        ]
        good = {key: value for key, value in raw.items() if _field_ok(key, value)}
        return Config.model_validate(good), warnings


def _field_ok(key: str, value: object) -> bool:
    if key not in Config.model_fields:
        return False
    try:
        Config.model_validate({key: value})
    except ValidationError:
        return False
    return True
