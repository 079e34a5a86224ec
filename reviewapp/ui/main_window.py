"""The main window: navigation, the work area, menus, toolbar and status bar.

The window is built in two steps, so that it paints at once: the shell (menus, toolbar,
navigation, status bar and an "Opening …" work area) needs nothing but Qt; ``attach`` then
builds the pages on the opened database. Nothing here imports the services or the database
layer at module level: the shell paints before SQLAlchemy has even been imported. Dialogs are
imported where they are opened (each Qt class imported also creates its enums, a little time
before the first paint).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.errors import ReviewAppError
from reviewapp.ui import navigation
from reviewapp.ui.navigation import Navigation
from reviewapp.ui.tasks import TaskRunner
from reviewapp.ui.window_actions import WindowActions
from reviewapp.ui.window_staff import StaffDialogs
from reviewapp.ui.window_state import restore_state, save_state

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QDialog

    from reviewapp.domain.staff import StaffMember
    from reviewapp.services.container import Services
    from reviewapp.ui.frameworks_page import FrameworksPage
    from reviewapp.ui.review_editor.editor import ReviewEditor
    from reviewapp.ui.reviews_page import ReviewsPage
    from reviewapp.ui.staff_list_page import StaffListPage
    from reviewapp.ui.staff_page import StaffPage
    from reviewapp.ui.window_features import WindowFeatures


def _centred(label: QLabel) -> QWidget:
    """``label`` in the middle of a page (by layouts: no need to load Qt's alignment flags)."""
    page = QWidget()
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(label)
    row.addStretch(1)
    column = QVBoxLayout(page)
    column.addStretch(1)
    column.addLayout(row)
    column.addStretch(1)
    return page


class MainWindow(QMainWindow):
    # The pages and features, built by ``attach`` once the database is open.
    staff_list: StaffListPage
    reviews: ReviewsPage
    frameworks: FrameworksPage
    staff_page: StaffPage
    editor: ReviewEditor
    features: WindowFeatures

    def __init__(
        self,
        services: Services | None,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        location: str = "",
    ) -> None:
        """The window shell; with ``services`` (tests, tools) it is attached at once."""
        super().__init__(parent)
        self._services: Services | None = None
        self.location = services.location if services is not None else location
        self.settings = settings
        self.dialog: QDialog | None = None
        self._history: list[Callable[[], None]] = []
        self._current: Callable[[], None] | None = None
        self.setWindowTitle("reviewapp — staff reviews")
        self.tasks = TaskRunner(self)
        self.staff_dialogs = StaffDialogs(self)
        self.nav = Navigation()
        self.nav.setEnabled(False)
        self.opening_label = QLabel()
        self.opening_label.setObjectName("openingLabel")
        self.opening_label.setAccessibleName("Opening the database")
        self.opening = _centred(self.opening_label)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.opening)
        self.splitter = QSplitter()  # horizontal; Qt's enums are left unloaded until painted
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.database_label = QLabel()
        self.database_label.setAccessibleName("Database in use")
        self.save_label = QLabel("All changes saved")
        self.save_label.setAccessibleName("Save state")
        self.save_label.setVisible(False)
        spacing = self.fontMetrics().averageCharWidth() * 2
        for label in (self.save_label, self.database_label):
            label.setContentsMargins(spacing, 0, spacing, 0)
        self.statusBar().addPermanentWidget(self.save_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self.window_actions = WindowActions(self)
        restore_state(self, settings)
        self.show_opening(self.location)
        if services is not None:
            self.attach(services)

    @property
    def attached(self) -> bool:
        """The database is open and the pages are built (``attach``)."""
        return self._services is not None

    @property
    def services(self) -> Services:
        """The open database's services; only once ``attached`` (every action needing them is
        switched off until then)."""
        if self._services is None:
            raise RuntimeError("The database is not open yet.")
        return self._services

    def show_opening(self, location: str) -> None:
        """The calm state while the database opens: where, and that it is on its way."""
        self.location = location
        name = Path(location).name if "://" not in location else location
        self.opening_label.setText(f"Opening {name}…")
        self.opening_label.setToolTip(location)
        self.database_label.setText(f"Opening database: {location}")

    def attach(self, services: Services) -> None:
        """The database is open: build the pages on it and show the staff list."""
        from reviewapp.ui.window_pages import build_pages

        if self._services is not None:
            raise RuntimeError("The window already has its database.")
        self._services = services
        self.location = services.location
        build_pages(self, services)
        self.pages.removeWidget(self.opening)
        self.opening.deleteLater()
        self.go(navigation.STAFF, remember=False)
        self._page_changed()
        self.staff_list.reload()
        if services.access.warnings:
            self.show_message(" ".join(services.access.warnings))

    # -- pages ------------------------------------------------------------------

    def _show(self, page: QWidget, opener: Callable[[], None], remember: bool) -> None:
        if self.pages.currentWidget() is self.editor and page is not self.editor:
            self.editor.flush()
            if self.editor.in_meeting:
                self.editor.toggle_meeting()
        if remember and self._current is not None:
            self._history.append(self._current)
            del self._history[:-30]
        self._current = opener
        self.pages.setCurrentWidget(page)

    def go(self, index: int, remember: bool = True) -> None:
        page = (self.staff_list, self.reviews, self.frameworks)[index]
        self._show(page, lambda: self.go(index, remember=False), remember)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(index)
        self.nav.blockSignals(False)
        if page is self.reviews and self.reviews.stale:
            self.reviews.reload()
        elif page is self.frameworks:
            self.frameworks.reload()
        page.focus_main()

    def _nav_changed(self, row: int) -> None:
        if row >= 0:
            self.go(row)

    def open_staff(self, staff_id: int, remember: bool = True) -> None:
        try:
            self.staff_page.show_staff(staff_id)
        except ReviewAppError as exc:
            self.show_message(str(exc))
            return
        self._show(self.staff_page, lambda: self.open_staff(staff_id, False), remember)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(navigation.STAFF)
        self.nav.blockSignals(False)
        self.staff_page.focus_main()

    def open_review(self, review_id: int, remember: bool = True) -> None:
        try:
            self.editor.open_review(review_id)
        except ReviewAppError as exc:
            self.show_message(str(exc))
            return
        self._show(self.editor, lambda: self.open_review(review_id, False), remember)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(navigation.REVIEWS)
        self.nav.blockSignals(False)
        self.editor.competencies.setFocus()

    def back(self) -> None:
        if self._history:
            self._history.pop()()

    def forget_history(self) -> None:
        self._history.clear()
        self._current = None

    def _page_changed(self) -> None:
        if not self.attached:
            return
        in_editor = self.pages.currentWidget() is self.editor
        self.window_actions.review_menu.menuAction().setEnabled(in_editor)
        for action in (self.editor.undo_action, self.editor.redo_action):
            action.setVisible(in_editor)
        self.editor.meeting_action.setEnabled(in_editor)
        self.window_actions.edit_staff.setEnabled(self.pages.currentWidget() is self.staff_page)
        self.features.page_changed()

    def _meeting_toggled(self, meeting: bool) -> None:
        self.nav.setVisible(not meeting)
        self.window_actions.toolbar.setVisible(not meeting)

    def _review_changed(self) -> None:
        self.reviews.stale = True

    def focus_filter(self) -> None:
        page = self.pages.currentWidget()
        if page is self.staff_list:
            self.staff_list.filter.setFocus()
        elif page is self.reviews:
            self.reviews.filter.setFocus()
        else:
            self.features.focus_search()

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    # -- dialogs ------------------------------------------------------------------

    def _open_dialog(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def add_staff(self) -> None:
        self.staff_dialogs.add_staff()

    def edit_staff(self, member: StaffMember | None) -> None:
        self.staff_dialogs.edit_staff(member)

    def edit_current_staff(self) -> None:
        self.staff_dialogs.edit_current_staff()

    def start_review(self, staff_id: int | None) -> None:
        self.staff_dialogs.start_review(staff_id)

    def import_staff(self) -> None:
        self.staff_dialogs.import_staff()

    def import_staff_file(self, path: Path) -> bool:
        return self.staff_dialogs.import_staff_file(path)

    def load_demo(self, staff: int = 40, years: int = 4) -> None:
        """Fill the empty database with invented staff and reviews, in the background."""
        self.staff_dialogs.load_demo(staff, years)

    def show_shortcuts(self) -> None:
        from reviewapp.ui.shortcuts_dialog import ShortcutsDialog

        actions = self.window_actions.all()
        if self.attached:
            actions += [
                self.editor.undo_action,
                self.editor.redo_action,
                *self.editor.menu_actions,
                *self.features.actions(),
            ]
        self._open_dialog(ShortcutsDialog(actions, self))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from reviewapp import __version__

        QMessageBox.about(
            self,
            "About reviewapp",
            f"reviewapp {__version__}\n\nStaff performance reviews against a competency "
            f"framework, kept in one database file:\n{self.location}",
        )

    # -- closing ------------------------------------------------------------------

    def flush(self) -> bool:
        return not self.attached or self.editor.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.flush():
            from PySide6.QtWidgets import QMessageBox

            event.ignore()
            QMessageBox.warning(
                self,
                "Not saved yet",
                "An edit could not be saved:\n\n"
                f"{self.editor.session.last_error}\n\n"
                "The window stays open so the text is not lost. Try again in a moment, "
                "or copy the text somewhere safe.",
            )
            return
        if self.attached and self.editor.in_meeting:
            self.editor.toggle_meeting()  # remember the window as it was before the meeting
        save_state(self, self.settings)
        if self.attached:
            self.features.shutdown()
        self.tasks.wait()
        event.accept()
