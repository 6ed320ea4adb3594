"""``briefing show``: print a brief, styled on a terminal and plain text when piped.

The plain text comes from :mod:`briefing.core.render_text`; the styled one from
Rich, reached through :mod:`briefing.ui.launch` (the CLI never imports Rich).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from briefing.cli.common import say as _say
from briefing.cli.common import wants_plain
from briefing.cli.json_shapes import emit
from briefing.core.clock import SystemClock, local_zone
from briefing.core.errors import BriefError
from briefing.core.loading import load_brief
from briefing.core.render_text import brief_to_text
from briefing.core.safetext import clean_line
from briefing.core.validation import dump_json
from briefing.ui.launch import print_brief

if TYPE_CHECKING:
    import argparse


def cmd_show(args: argparse.Namespace) -> int:
    """Print one brief."""
    try:
        brief = load_brief(args.path, local_zone=local_zone())
    except BriefError as error:
        for line in error.lines():
            _say(clean_line(line), sys.stderr)
        return 1
    now = args.now or SystemClock().now()
    if args.json:
        emit(
            "show",
            {
                "path": str(args.path),
                "now": now.isoformat(),
                "brief": dump_json(brief),
            },
        )
        return 0
    if wants_plain(args):
        sys.stdout.write(brief_to_text(brief, now))
        return 0

    print_brief(brief, now)
    return 0
