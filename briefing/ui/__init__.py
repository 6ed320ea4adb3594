"""The Textual reader, and the command line's Rich output (``console/``).

The only package of briefing that imports Textual or Rich. May import
``briefing.storage`` and ``briefing.core``, never ``briefing.cli``. The command line
comes in through one module, :mod:`briefing.ui.launch`.
"""
