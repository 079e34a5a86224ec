"""The main window: navigation, the work area, menus, toolbar and status bar.

The window is built in two steps, so that it paints at once: the shell (menus, toolbar,
navigation, status bar and an "Opening …" work area) needs nothing but Qt; ``attach`` then
builds the pages on the opened database. Nothing here imports the services or the database
layer at module level: the shell paints before SQLAlchemy has even been imported. Dialogs are
imported where they are opened.

The window is the features' ``WindowContext`` (``ui/context.py``): the only place that knows
which page is in front, and so what the user has selected.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QWidget,
)

from reviewapp.domain.errors import ReviewAppError
from reviewapp.ui import navigation, read_only
from reviewapp.ui.context import Changes, Selection
from reviewapp.ui.navigation import History, Navigation
from reviewapp.ui.page_area import PageStack
from reviewapp.ui.status import StatusLine, centred
from reviewapp.ui.tasks import TaskRunner
from reviewapp.ui.window_actions import WindowActions
from reviewapp.ui.window_staff import StaffDialogs
from reviewapp.ui.window_state import Splitters, restore_splitters, restore_state, save_state

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QCloseEvent

    from reviewapp.services.container import Services
    from reviewapp.ui.frameworks_page import FrameworksPage
    from reviewapp.ui.review_editor.editor import ReviewEditor
    from reviewapp.ui.reviews_page import ReviewsPage
    from reviewapp.ui.staff_list_page import StaffListPage
    from reviewapp.ui.staff_page import StaffPage
    from reviewapp.ui.window_features import WindowFeatures
    from reviewapp.ui.window_pages import Pages

APP_TITLE = "reviewapp"


class MainWindow(QMainWindow):
    # The pages and features, built by ``attach`` once the database is open.
    staff_list: StaffListPage
    reviews: ReviewsPage
    frameworks: FrameworksPage
    staff_page: StaffPage
    editor: ReviewEditor
    features: WindowFeatures
    _pages: Pages

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
        self.dialog: QObject | None = None
        self.history = History()
        self.tasks = TaskRunner(self)
        self.staff_dialogs = StaffDialogs(self)
        self.nav = Navigation()
        self.nav.setEnabled(False)
        self.opening_label = QLabel()
        self.opening_label.setObjectName("openingLabel")
        self.opening_label.setAccessibleName("Opening the database")
        self.opening = centred(self.opening_label)
        self.pages = PageStack()
        self.pages.addWidget(self.opening)
        self.splitter = QSplitter()  # horizontal; Qt's enums are left unloaded until painted
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.pages)  # into a scroll area once the pages are built
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.status = StatusLine(self.statusBar())
        self.database_label = self.status.database
        self.save_label = self.status.save
        self.window_actions = WindowActions(self, self)
        self._set_title("Opening")
        restore_state(self, settings, self._main_splitter())
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
        self.status.show_database(location, opening=True)

    def attach(self, services: Services) -> None:
        """The database is open: build the pages on it and show the staff list."""
        from reviewapp.ui.page_area import page_area
        from reviewapp.ui.window_features import WindowFeatures
        from reviewapp.ui.window_pages import build_pages

        if self._services is not None:
            raise RuntimeError("The window already has its database.")
        self._services = services
        self.location = services.location
        pages = self._pages = build_pages(services, self.tasks)
        self.staff_list, self.reviews, self.frameworks = pages.listed()
        self.staff_page, self.editor = pages.staff_page, pages.editor
        for page in pages.all():
            self.pages.addWidget(page)
        access = services.access
        self.status.show_database(services.location, read_only_reason=access.read_only_reason)
        self.save_label.setVisible(True)
        self.nav.setEnabled(True)
        # On a screen too small for a page (large text on a small laptop) the page scrolls; the
        # window itself never grows beyond the screen. Made after the first paint: loading
        # Qt's scroll area takes time the shell does not need.
        self.page_area = page_area(self.pages)
        self.splitter.insertWidget(1, self.page_area)
        restore_splitters(self, self.settings, self._main_splitter(), capped=False)  # as saved
        self.window_actions.add_editor(self.editor)
        # After add_editor: when read-only, it switches editing off.
        controls = partial(read_only.editing_controls, self.window_actions, pages)
        self.features = WindowFeatures(self, self, self.window_actions, pages, controls)
        restore_splitters(self, self.settings, self._page_splitters())
        self._connect()
        self.pages.removeWidget(self.opening)
        self.opening.deleteLater()
        self.go(navigation.STAFF, remember=False)
        self._page_changed()
        self.staff_list.reload()
        if access.warnings:
            self.show_message(" ".join(access.warnings))

    def _connect(self) -> None:
        from reviewapp.ui.window_pages import connect_pages

        self.nav.currentRowChanged.connect(self._nav_changed)
        self.pages.currentChanged.connect(lambda _i: self._page_changed())
        connect_pages(self._pages, self, self.staff_dialogs)
        self.editor.meetingToggled.connect(self._meeting_toggled)
        self.editor.session.saveState.connect(self.save_label.setText)

    def _main_splitter(self) -> Splitters:
        return [("splitters/main", self.splitter, 18)]

    def _page_splitters(self) -> Splitters:
        return [
            ("splitters/editor", self.editor.splitter, 42),
            ("splitters/frameworks", self.frameworks.splitter, 42),
        ]

    # -- the features' context ------------------------------------------------------------------

    @property
    def widget(self) -> QWidget:
        return self

    @property
    def read_only(self) -> bool:
        return self.attached and self.services.access.read_only

    def show_message(self, text: str) -> None:
        self.status.show_message(text)

    def message(self) -> str:
        """The message the status line shows now."""
        return self.status.message()

    def show_dialog(self, dialog: QObject) -> None:
        self.dialog = dialog  # kept for tests and tools
        dialog.open()  # type: ignore[attr-defined]

    def flush(self) -> bool:
        return not self.attached or self.editor.flush()

    @property
    def save_error(self) -> str:
        return self.editor.session.last_error if self.attached else ""

    def selection(self) -> Selection:
        """What the user sees selected on the page in front (``Selection()`` for none)."""
        if not self.attached:
            return Selection()
        page = self.pages.currentWidget()
        return page.selection() if page in self._pages.all() else Selection()

    def notify(self, changes: Changes) -> None:
        if not self.attached:
            return
        if changes.everything:
            self.history.forget()
        for page in self._pages.all():
            page.apply(changes)
        self.features.apply(changes)
        if changes.everything:
            self.go(navigation.STAFF, remember=False)
        elif self.pages.currentWidget() is self.editor:
            self._title_review()  # the person may have been renamed

    def go_read_only(self, reason: str) -> None:
        """Switch a window that opened the database for writing to read-only from now on (the
        database turned out damaged): the banner, editing switched off, no closing backup."""
        access = self.services.access
        access.read_only, access.read_only_reason = True, reason
        access.backup_on_exit = False
        self.features.go_read_only(reason)
        self.status.show_database(self.services.location, read_only_reason=reason)
        self.editor.session.changed.emit()  # the open review is shown again, without editing

    # -- pages ------------------------------------------------------------------

    def _set_title(self, what: str) -> None:
        self.setWindowTitle(f"{what} — {APP_TITLE}")

    def _title_review(self) -> None:
        review = self.editor.session.review
        if review is not None:
            self._set_title(f"Review of {review.staff_name}")

    def _edits_stored(self) -> bool:
        """Before the open review is left: its typing stored, or the person told and kept here
        (a pending edit would otherwise be retried into whichever review is open next)."""
        if not self.attached or self.editor.session.review is None or self.editor.flush():
            return True
        from reviewapp.ui.help_dialogs import warn_not_saved

        warn_not_saved(self, self.save_error)
        return False

    def _show(self, page: QWidget, opener: Callable[[], None], remember: bool) -> None:
        leaving = self.pages.currentWidget() is self.editor and page is not self.editor
        if leaving and self.editor.in_meeting:
            self.editor.toggle_meeting()
        self.history.shown(opener, remember)
        self.pages.setCurrentWidget(page)

    def go(self, index: int, remember: bool = True) -> None:
        if not self._edits_stored():
            return
        page = self._pages.listed()[index]
        self._show(page, lambda: self.go(index, remember=False), remember)
        self.nav.mark(index)
        if page.stale:
            page.reload()
        self._set_title(navigation.TITLES[index])
        page.focus_main()

    def _nav_changed(self, row: int) -> None:
        if row >= 0:
            self.go(row)

    def open_staff(self, staff_id: int, remember: bool = True) -> None:
        if not self._edits_stored():
            return
        try:
            self.staff_page.show_staff(staff_id)
        except ReviewAppError as exc:
            self.show_message(str(exc))
            return
        self._show(self.staff_page, lambda: self.open_staff(staff_id, False), remember)
        self.nav.mark(navigation.STAFF)
        member = self.staff_page.member
        self._set_title(member.display_name if member else "Staff member")
        self.staff_page.focus_main()

    def open_review(
        self, review_id: int, competency_id: int | None = None, remember: bool = True
    ) -> None:
        if not self._edits_stored():
            return
        try:
            self.editor.open_review(review_id)
        except ReviewAppError as exc:
            self.show_message(str(exc))
            return
        self._show(self.editor, lambda: self.open_review(review_id, remember=False), remember)
        self.nav.mark(navigation.REVIEWS)
        self._title_review()
        if competency_id is not None:
            self.editor.competencies.select(competency_id)
        self.editor.competencies.setFocus()
        self.editor.to_top()

    def back(self) -> None:
        self.history.back()

    def _page_changed(self) -> None:
        if not self.attached:
            return
        in_editor = self.pages.currentWidget() is self.editor
        self.window_actions.review_menu.menuAction().setEnabled(in_editor)
        for action in (self.editor.undo_action, self.editor.redo_action):
            action.setVisible(in_editor)
        self.editor.meeting_action.setEnabled(in_editor)

    def _meeting_toggled(self, meeting: bool) -> None:
        self.nav.setVisible(not meeting)
        self.window_actions.toolbar.setVisible(not meeting)

    def focus_filter(self) -> None:
        page = self.pages.currentWidget()
        if page is self.staff_list:
            self.staff_list.filter.setFocus()
        elif page is self.reviews:
            self.reviews.filter.setFocus()
        elif page is self.staff_page:
            self.staff_page.focus_journal_search()
        else:
            self.features.open_find()

    # -- commands of the menus, each on the selection -----------------------------------------

    def add_staff(self) -> None:
        self.staff_dialogs.add_staff()

    def edit_staff(self) -> None:
        self.staff_dialogs.edit_staff(self.selection().staff_id)

    def start_review(self) -> None:
        self.staff_dialogs.start_review(self.selection().staff_id)

    def import_staff(self) -> None:
        self.staff_dialogs.import_staff()

    def show_shortcuts(self) -> None:
        from reviewapp.ui.shortcuts_dialog import ShortcutsDialog

        actions = self.window_actions.all()
        if self.attached:
            editor = self.editor
            actions += [editor.undo_action, editor.redo_action, *editor.menu_actions]
            actions += self.features.actions()
        self.show_dialog(ShortcutsDialog(actions, self))

    def show_about(self) -> None:
        from reviewapp.ui.help_dialogs import show_about

        show_about(self, self.location)

    # -- closing ------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.flush():
            from reviewapp.ui.help_dialogs import warn_not_saved

            event.ignore()  # the window stays open so that the text is not lost
            warn_not_saved(self, self.save_error)
            return
        if self.attached and self.editor.in_meeting:
            self.editor.toggle_meeting()  # remember the window as it was before the meeting
        splitters = self._main_splitter()
        if self.attached:  # closed while opening: the pages' splitters stay as saved
            splitters += self._page_splitters()
        save_state(self, self.settings, splitters)
        if self.attached:
            self.features.shutdown()
        self.tasks.wait()
        event.accept()
