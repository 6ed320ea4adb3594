"""The library index: a cache of every brief file, and the search engine on top of it.

``database`` opens the index and lists the library from it (``schema``, ``rows``: what
the library's first frame needs), ``refreshing`` brings it up to date (files read by
``indexing``, in ``worker`` processes for a large library), ``items`` fills the full-text tables
that ``search`` queries (``query`` reads what the user typed; ``notes_search`` puts
the user's notes beside them for a search), and ``people`` and ``agenda`` read the
whole library from it. Everything here can be rebuilt from the brief files: it never
keeps the user's notes.

May import ``briefing.core`` and the rest of ``briefing.storage``; never Textual or
Rich. Nothing here touches the disk at import time.
"""
