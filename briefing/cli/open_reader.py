"""``briefing [PATH]``: open the reader, the one command that imports Textual.

It goes through :mod:`briefing.ui.launch`, the CLI's only way into the UI. The plain
reader (``--plain``, ``BRIEFING_A11Y=1``, ``TERM=dumb``) is :mod:`briefing.plain`,
which needs no Textual at all.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from briefing.cli.common import say as _say
from briefing.core.safetext import display_path

if TYPE_CHECKING:
    import argparse


def _cannot_open(path: str) -> str | None:
    """Why ``path`` cannot be opened in the reader (missing, or below a locked folder), or None."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return "no such file or folder"
    except (OSError, ValueError) as error:
        return f"cannot be opened ({getattr(error, 'strerror', None) or error})"
    return None


def plain_wanted(plain: bool) -> bool:
    """Whether to read plainly: ``--plain``, ``BRIEFING_A11Y=1``, or ``TERM=dumb``.

    ``BRIEFING_A11Y=0`` keeps the Textual reader on a dumb terminal.
    """
    asked = os.environ.get("BRIEFING_A11Y", "").strip()
    if plain or asked not in ("", "0"):
        return True
    return not asked and os.environ.get("TERM", "") == "dumb"


def cmd_open(args: argparse.Namespace) -> int:
    """Open the reader (the only path that imports Textual)."""
    if args.data_dir:
        os.environ["BRIEFING_DATA_DIR"] = args.data_dir
    if args.config_dir:
        os.environ["BRIEFING_CONFIG_DIR"] = args.config_dir
    if args.path is not None:
        problem = _cannot_open(args.path)
        if problem:
            _say(f"briefing: {display_path(args.path)}: {problem}", sys.stderr)
            return 2
    if plain_wanted(args.plain):
        # deferred: only the reader asked for is loaded (the plain one never loads Textual)
        from briefing.plain.run import run_plain

        return run_plain(args.path, args.now)
    # deferred: only the reader asked for is loaded (the plain one never loads Textual)
    from briefing.ui.launch import run_reader

    return run_reader(path=args.path, theme=args.theme, now=args.now)
