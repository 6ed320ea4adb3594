"""``briefing schema``: print the JSON Schema of the brief format."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from briefing.cli.common import say as _say
from briefing.cli.json_shapes import SHAPES
from briefing.core.validation import json_schema

if TYPE_CHECKING:
    import argparse


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the brief format (or, with ``--shape``, of a ``--json`` output)."""

    if args.shape:
        _say(json.dumps(SHAPES[args.shape], indent=2, ensure_ascii=False))
        return 0
    _say(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0
