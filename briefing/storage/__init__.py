"""Where briefing keeps things: paths, the config file, settings, and safe writes.

Nothing here imports Textual. Nothing touches the disk at import time: every
path is computed when asked for, and folders are created only when written to.
"""
