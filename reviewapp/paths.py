"""Where reviewapp keeps its files: resources beside the package, data in the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reviewapp"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FRAMEWORKS = RESOURCES / "frameworks"
DEFAULT_FRAMEWORK_FILE = FRAMEWORKS / "sols-customer-service.json"
DEFAULT_FRAMEWORK_KEY = "sols-customer-service"
DB_ENV = "REVIEWAPP_DB"


def default_database() -> Path:
    """``$REVIEWAPP_DB`` if set, else ``reviewapp.sqlite3`` in the platform's user data folder."""
    configured = os.environ.get(DB_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "reviewapp.sqlite3"


LOG_DIR_ENV = "REVIEWAPP_LOG_DIR"


def log_folder() -> Path:
    """``$REVIEWAPP_LOG_DIR`` if set, else the platform's user log folder for reviewapp."""
    configured = os.environ.get(LOG_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)
