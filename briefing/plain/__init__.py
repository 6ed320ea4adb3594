"""The plain reader: a brief read line by line, for screen readers and braille displays.

``briefing --plain`` (also ``BRIEFING_A11Y=1``, and ``TERM=dumb``) writes plain lines
only: no box drawing, colour, cursor movement or redrawing. It says where the user is
and what is there, then waits at a prompt at the start of a line. It shares the section
registry, the countdown wording, the notes store and the library index with the Textual
reader, and imports neither Textual nor Rich (an import-linter contract says so).
"""
