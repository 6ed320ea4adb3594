"""``briefing config``: print where briefing keeps its config, themes and data, and what
is wrong in the config file (a misspelt key gets a "did you mean")."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from briefing.cli.common import say as _say
from briefing.core.safetext import clean_line, display_path
from briefing.storage import paths
from briefing.storage.config import load_config

if TYPE_CHECKING:
    import argparse


def cmd_config(args: argparse.Namespace) -> int:
    """Print where briefing's files are."""
    rows = [
        ("config file", paths.config_file()),
        ("user themes", paths.user_themes_dir()),
        ("data folder", paths.data_dir()),
        ("database", paths.database_file()),
        ("sample briefs", paths.bundled_samples()),
        ("bundled themes", paths.bundled_themes()),
    ]
    for label, path in rows:
        _say(f"{label + ':':16} {display_path(path)}")

    for warning in load_config(paths.config_file())[1]:
        _say(clean_line(warning), sys.stderr)
    return 0
