"""``briefing import``: draft a brief from the plain text of an article.

Placeholder wiring; the importer lives in ``briefing.core.article``.
"""

from __future__ import annotations

import argparse


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``briefing import`` to ``parser``."""
    parser.description = "Draft a brief from the plain text of a news article."
    parser.add_argument("article", metavar="ARTICLE", help="a UTF-8 text file, or - for stdin")


def run_import(args: argparse.Namespace) -> int:
    """Run ``briefing import``; return the exit status."""
    print("briefing import: not built yet")
    return 2
