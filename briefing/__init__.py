"""briefing: a terminal reader for structured briefings.

The packages, each allowed to import only those below it (contracts in pyproject.toml):
``cli`` (the command) -> ``ui`` (Textual and Rich; the CLI enters only through
``ui.launch``) -> ``storage`` (the user's store and the library index) -> ``core``
(the pure domain). ``importer`` (the article importer behind ``briefing import``)
sits beside them: it imports ``core`` only, and only ``cli`` imports it.
"""

__version__ = "0.1.0"
