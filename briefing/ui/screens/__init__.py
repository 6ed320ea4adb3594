"""Screens of the reader: they route messages and call core and storage.

May import widgets, ``briefing.storage`` and ``briefing.core``.
"""
