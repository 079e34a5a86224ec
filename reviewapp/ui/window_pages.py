"""The main window's pages, built once the database is open (``MainWindow.attach``).

Importing this module imports every page, dialog and feature of the window, and with them the
services: the window shell paints first, without any of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewapp.ui import navigation
from reviewapp.ui.frameworks_page import FrameworksPage
from reviewapp.ui.review_editor.editor import ReviewEditor
from reviewapp.ui.reviews_page import ReviewsPage
from reviewapp.ui.staff_list_page import StaffListPage
from reviewapp.ui.staff_page import StaffPage
from reviewapp.ui.window_features import WindowFeatures
from reviewapp.ui.window_state import restore_page_state

if TYPE_CHECKING:
    from reviewapp.services.container import Services
    from reviewapp.ui.main_window import MainWindow


def build_pages(window: MainWindow, services: Services) -> None:
    """Pages, the editor's actions, features and status on ``services``; signals connected."""
    w = window
    w.staff_list = StaffListPage(services, w.tasks, demo_available=True)
    w.reviews = ReviewsPage(services, w.tasks)
    w.frameworks = FrameworksPage(services)
    w.staff_page = StaffPage(services)
    w.editor = ReviewEditor(services)
    for page in (w.staff_list, w.reviews, w.frameworks, w.staff_page, w.editor):
        w.pages.addWidget(page)
    access = services.access
    where = f"Database: {services.location}"
    if access.read_only:
        where += f" (read-only: {access.read_only_reason})"
    w.database_label.setText(where)
    w.save_label.setVisible(True)
    w.nav.setEnabled(True)
    w.window_actions.add_editor(w.editor)
    w.features = WindowFeatures(w)  # after add_editor: it switches editing off when read-only
    restore_page_state(w, w.settings)
    _connect(w)


def _connect(w: MainWindow) -> None:
    w.nav.currentRowChanged.connect(w._nav_changed)
    w.staff_list.openRequested.connect(w.open_staff)
    w.staff_list.addRequested.connect(w.add_staff)
    w.staff_list.importRequested.connect(w.import_staff)
    w.staff_list.demoRequested.connect(w.load_demo)
    w.staff_list.startReviewRequested.connect(w.start_review)
    w.staff_list.failed.connect(w.show_message)
    w.reviews.openRequested.connect(w.open_review)
    w.reviews.startReviewRequested.connect(w.start_review)
    w.staff_page.backRequested.connect(lambda: w.go(navigation.STAFF))
    w.staff_page.editRequested.connect(w.edit_staff)
    w.staff_page.startReviewRequested.connect(w.start_review)
    w.staff_page.reviewOpenRequested.connect(w.open_review)
    w.staff_page.message.connect(w.show_message)
    w.editor.staffRequested.connect(w.open_staff)
    w.editor.meetingToggled.connect(w._meeting_toggled)
    w.editor.session.saveState.connect(w.save_label.setText)
    w.editor.session.changed.connect(w._review_changed)
    w.pages.currentChanged.connect(lambda _i: w._page_changed())
