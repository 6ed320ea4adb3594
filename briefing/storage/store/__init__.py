"""The user's store: notes, bookmarks, settings and what was seen, in one SQLite database.

``database`` opens and migrates it (``schema``, ``files``); ``notes``, ``seen`` and
``annotation_pages`` read and write it; ``writer`` does every write of the reader
in one thread; ``drafts`` keeps a note the database could not take.

May import ``briefing.core`` and the rest of ``briefing.storage``; never Textual or
Rich. Nothing here touches the disk at import time.
"""
