"""Widgets of the reader: they render what they are given and post messages; no disk, no clock.

May import ``briefing.core`` and the rest of ``briefing.ui`` but neither
``briefing.storage`` nor the screens (an import contract in pyproject.toml).
"""
