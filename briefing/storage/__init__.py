"""Where briefing keeps things: the user's store (``store/``), the library index
(``index/``), and beside them paths, the config file, safe writes, export files and
the external editor.

May import ``briefing.core`` only: never Textual, Rich or ``briefing.ui``. Nothing
touches the disk at import time: every path is computed when asked for, and
folders are created only when written to.
"""
