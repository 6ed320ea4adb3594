"""``briefing config``: print where briefing keeps its config, themes and data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.cli.common import say as _say
from briefing.core.safetext import display_path
from briefing.storage import paths

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
    return 0
