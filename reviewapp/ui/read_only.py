"""A database opened read-only (open in reviewapp elsewhere, or a write-protected file): a banner
says so above everything, and every action that would change something is switched off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from reviewapp.ui.window_actions import WindowActions
    from reviewapp.ui.window_pages import Pages

BANNER_STYLE = (
    "QLabel#readOnlyBanner { background: #fff4ce; color: #3b2f00; border: 1px solid #b38600;"
    " padding: 6px 8px; }"
)


def banner_text(reason: str) -> str:
    return (
        f"🔒 Read-only. {reason} You can read, search, print and export reviews here, "
        "but not change them."
    )


def add_banner(window: QMainWindow, reason: str) -> QLabel:
    """Put the banner above the window's work area (the central widget moves into a frame)."""
    banner = QLabel(banner_text(reason))
    banner.setObjectName("readOnlyBanner")
    banner.setWordWrap(True)
    banner.setStyleSheet(BANNER_STYLE)
    banner.setAccessibleName("Read-only")
    banner.setAccessibleDescription(banner.text())
    central = window.takeCentralWidget()
    assert central is not None
    frame = QWidget()
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(central, 1)
    window.setCentralWidget(frame)
    return banner


def editing_controls(actions: WindowActions, pages: Pages) -> list[QWidget | QAction]:
    """Every action and button of the window's own pages that would change the database."""
    staff_list, staff_page = pages.staff_list, pages.staff_page
    return [
        actions.add_staff,
        actions.import_staff,
        actions.start_review,
        actions.edit_staff,
        staff_list.add_button,
        staff_list.import_button,
        staff_list.start_button,
        staff_list.welcome.add_button,
        staff_list.welcome.import_button,
        staff_list.welcome.demo_button,
        staff_page.edit_button,
        staff_page.start_button,
        pages.reviews.start_button,
    ]


def disable_editing(controls: list[QWidget | QAction]) -> None:
    for control in controls:
        control.setEnabled(False)
        control.setToolTip("Not possible while the database is read-only.")
