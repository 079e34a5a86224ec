"""Everything that asks the person for a file, a folder or a yes, or hands a file to the system.

One object holds these so a test can replace them: no native file dialog blocks a test run and
no PDF viewer is launched by one. Folders chosen are remembered per purpose (QSettings).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget


def documents_folder() -> Path:
    """The user's Documents folder (their home folder where the system names none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()  # a file dialog cannot start in nothing


class Prompts:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    # -- remembered folders ------------------------------------------------------------------

    def last_folder(self, purpose: str) -> Path:
        """The folder last used for ``purpose`` if it still exists, else the Documents folder."""
        value = self.settings.value(f"folders/{purpose}")
        if isinstance(value, str) and value and Path(value).is_dir():
            return Path(value)
        return documents_folder()

    def remember_folder(self, purpose: str, folder: Path) -> None:
        self.settings.setValue(f"folders/{purpose}", str(folder))

    # -- asking (replaced in tests) ---------------------------------------------------------------

    def save_file(self, parent: QWidget, title: str, proposed: Path, filter: str) -> Path | None:
        path, _chosen = QFileDialog.getSaveFileName(parent, title, str(proposed), filter)
        return Path(path) if path else None

    def open_file(self, parent: QWidget, title: str, start: Path, filter: str) -> Path | None:
        path, _chosen = QFileDialog.getOpenFileName(parent, title, str(start), filter)
        return Path(path) if path else None

    def folder(self, parent: QWidget, title: str, start: Path) -> Path | None:
        path = QFileDialog.getExistingDirectory(parent, title, str(start))
        return Path(path) if path else None

    def confirm(self, parent: QWidget, title: str, text: str, yes: str) -> bool:
        """Ask before something that replaces data; the safe choice (Cancel) is the default."""
        box, yes_button = confirmation_box(parent, title, text, yes)
        box.exec()
        return box.clickedButton() == yes_button

    # -- handing files to the system --------------------------------------------------------------

    def show_file(self, path: Path) -> bool:
        """Open a file in the program the system uses for it (a PDF in the PDF viewer)."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def confirmation_box(
    parent: QWidget, title: str, text: str, yes: str
) -> tuple[QMessageBox, QPushButton]:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    yes_button.setAccessibleName(yes.replace("&", "").rstrip("…"))
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setAccessibleName("Cancel")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, yes_button
