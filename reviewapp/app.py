"""The desktop app's composition root: database path -> services -> QApplication -> MainWindow."""

from __future__ import annotations

import sys

from reviewapp import paths
from reviewapp.domain.errors import ReviewAppError


def main(database: str | None = None) -> int:
    location = database or str(paths.default_database())
    if "://" not in location:
        from reviewapp.services import quick_check

        quick_check.start(location)  # reads the file on the other core while Qt etc. import

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reviewapp.services.container import Services
    from reviewapp.ui.main_window import MainWindow
    from reviewapp.ui.open_problem import open_or_find_a_way

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(paths.APP_NAME)
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName("Staff reviews")
    # One writer at a time: a second window on the same file opens read-only and says why.
    # A file that will not open gets a way forward: another file, the newest good backup, or quit.
    services = open_or_find_a_way(
        location,
        lambda where: Services.open(where, backups=True, lock=True, if_in_use="read_only"),
    )
    if services is None:
        return 2
    try:
        window = MainWindow(services, QSettings(paths.APP_NAME, paths.APP_NAME))
        window.show()
        code = int(app.exec())
    finally:
        try:
            services.close()
        except ReviewAppError as exc:
            QMessageBox.warning(None, "reviewapp", f"Closing the database: {exc}")
    return code
