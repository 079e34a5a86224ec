"""Help > About reviewapp, and the warning when the window cannot close without losing text."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from reviewapp import __version__


def show_about(parent: QWidget, location: str) -> None:
    QMessageBox.about(
        parent,
        "About reviewapp",
        f"reviewapp {__version__}\n\nStaff performance reviews against a competency "
        f"framework, kept in one database:\n{location}",
    )


def warn_not_saved(parent: QWidget, error: str) -> None:
    QMessageBox.warning(
        parent,
        "Not saved yet",
        f"An edit could not be saved:\n\n{error}\n\n"
        "The window stays open so the text is not lost. Try again in a moment, "
        "or copy the text somewhere safe.",
    )
