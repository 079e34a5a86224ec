"""The main window's menus and toolbar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from reviewapp.ui import navigation

if TYPE_CHECKING:
    from reviewapp.ui.review_editor.editor import ReviewEditor


class WindowCommands(Protocol):
    """What the menus and toolbar call."""

    def add_staff(self) -> None: ...
    def import_staff(self) -> None: ...
    def start_review(self) -> None: ...
    def edit_staff(self) -> None: ...
    def focus_filter(self) -> None: ...
    def go(self, index: int) -> None: ...
    def back(self) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_about(self) -> None: ...


def _action(
    window: QMainWindow,
    text: str,
    keys: str | QKeySequence.StandardKey | None,
    slot: object,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if keys is not None:
        # setShortcuts: resolving setShortcut's overloads loads all of Qt's enums (~15 ms)
        # before the window's first paint.
        action.setShortcuts([QKeySequence(keys)])
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


class WindowActions:
    """Menus and toolbar of the window shell; the review editor's actions join them once the
    database is open (``add_editor``). Until then the actions that need it are switched off."""

    def __init__(self, window: QMainWindow, commands: WindowCommands) -> None:
        w, c = window, commands
        self.add_staff = _action(
            w, "&Add staff member…", "Ctrl+N", c.add_staff, "Add a staff member"
        )
        self.import_staff = _action(
            w, "&Import staff from CSV…", "Ctrl+I", c.import_staff, "Add staff from a CSV file"
        )
        self.start_review = _action(
            w,
            "&Start review…",
            "Ctrl+Shift+R",
            c.start_review,
            "Start a review of the selected staff member",
        )
        self.quit = _action(w, "&Quit", QKeySequence.StandardKey.Quit, w.close)
        self.find = _action(
            w, "&Find (filter the list)", QKeySequence.StandardKey.Find, c.focus_filter
        )
        self.edit_staff = _action(
            w,
            "Edit staff &details…",
            "Ctrl+Shift+E",
            c.edit_staff,
            "Edit the details of the selected staff member",
        )
        self.show_staff = _action(w, "&Staff", "Ctrl+1", lambda: c.go(navigation.STAFF))
        self.show_reviews = _action(w, "&Reviews", "Ctrl+2", lambda: c.go(navigation.REVIEWS))
        self.show_frameworks = _action(
            w, "&Frameworks", "Ctrl+3", lambda: c.go(navigation.FRAMEWORKS)
        )
        self.back = _action(w, "&Back", "Alt+Left", c.back, "Back to the previous page")
        self.shortcuts = _action(w, "&Keyboard shortcuts", "F1", c.show_shortcuts)
        self.about = _action(w, "&About reviewapp", None, c.show_about)
        bar = w.menuBar()
        self.file_menu = file_menu = bar.addMenu("&File")
        for action in (self.add_staff, self.import_staff, self.start_review):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        self.edit_menu = edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.find)
        edit_menu.addAction(self.edit_staff)
        self.view_menu = view_menu = bar.addMenu("&View")
        for action in (self.show_staff, self.show_reviews, self.show_frameworks, self.back):
            view_menu.addAction(action)
        self.review_menu: QMenu = bar.addMenu("&Review")
        self.review_menu.menuAction().setEnabled(False)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.shortcuts)
        help_menu.addAction(self.about)
        self.toolbar = QToolBar("Main toolbar", w)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setAccessibleName("Main toolbar")
        self.toolbar.setIconSize(QSize(0, 0))
        self._add_to_toolbar(
            (
                self.show_staff,
                self.show_reviews,
                self.show_frameworks,
                None,
                self.add_staff,
                self.start_review,
            )
        )
        w.addToolBar(self.toolbar)
        self._view_end = view_menu.addSeparator()
        view_menu.addAction(self.toolbar.toggleViewAction())
        for action in self.needing_database():
            action.setEnabled(False)

    def _add_to_toolbar(self, actions: tuple[QAction | None, ...]) -> None:
        for item in actions:
            if item is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(item)

    def needing_database(self) -> list[QAction]:
        """What waits for the database to open (Quit, shortcuts and About never do)."""
        return [
            self.add_staff,
            self.import_staff,
            self.start_review,
            self.find,
            self.edit_staff,
            self.show_staff,
            self.show_reviews,
            self.show_frameworks,
            self.back,
        ]

    def add_editor(self, editor: ReviewEditor) -> None:
        """The database is open: the editor's actions join the menus and toolbar."""
        self.edit_menu.insertActions(self.find, [editor.undo_action, editor.redo_action])
        self.edit_menu.insertSeparator(self.find)
        self.view_menu.insertSeparator(self._view_end)
        self.view_menu.insertAction(self._view_end, editor.meeting_action)
        for action in editor.menu_actions:
            if action is not editor.meeting_action:
                self.review_menu.addAction(action)
        self._add_to_toolbar(
            (None, editor.undo_action, editor.redo_action, None, editor.meeting_action)
        )
        for action in self.needing_database():
            action.setEnabled(True)

    def all(self) -> list[QAction]:
        return [
            self.add_staff,
            self.import_staff,
            self.start_review,
            self.quit,
            self.find,
            self.edit_staff,
            self.show_staff,
            self.show_reviews,
            self.show_frameworks,
            self.back,
            self.shortcuts,
        ]
