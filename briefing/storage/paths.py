"""Every path briefing uses, each with an environment override.

``BRIEFING_DATA_DIR`` and ``BRIEFING_CONFIG_DIR`` keep tests (and careful users)
away from the real home directory. Bundled sample briefs and themes are found
inside the installed package, or at the top of the source tree in a checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "briefing"
_PACKAGE = Path(__file__).resolve().parent.parent


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """Folder for the database of notes, bookmarks and settings (not created here)."""
    override = _env_path("BRIEFING_DATA_DIR")
    if override:
        return override
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """Folder for ``config.toml`` and user themes (not created here)."""
    override = _env_path("BRIEFING_CONFIG_DIR")
    if override:
        return override
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def config_file() -> Path:
    """The user's ``config.toml``."""
    return config_dir() / "config.toml"


def user_themes_dir() -> Path:
    """Folder of the user's own theme files."""
    return config_dir() / "themes"


def database_file() -> Path:
    """The SQLite store."""
    return data_dir() / "briefing.db"


def index_file() -> Path:
    """The library index: a cache of what the library shows, rebuilt whenever it is lost."""
    return data_dir() / "library-index.db"


def documents_dir() -> Path:
    """The user's documents folder when there is one, else the home folder (where the
    export dialog writes unless config.toml names ``export_dir``)."""

    documents = platformdirs.user_documents_path()
    return documents if documents.is_dir() else Path.home()


def _bundled(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def bundled_samples() -> Path:
    """The sample briefs shipped with briefing."""
    return _bundled("sample_briefs")


def bundled_themes() -> Path:
    """The theme files shipped with briefing."""
    return _bundled("themes")
