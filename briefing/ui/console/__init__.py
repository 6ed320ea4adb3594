"""The command line's Rich output: ``briefing show`` and ``briefing agenda`` on a terminal.

Plain renderables and print functions, no Textual. Part of ``briefing.ui`` because
nothing else may import Rich; the CLI reaches it through :mod:`briefing.ui.launch`.
"""
