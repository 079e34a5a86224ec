"""The window's documents, backups, packages, evidence search and read-only state: their
actions go into the File and Edit menus, the toolbar and the pages' buttons.

Each feature gets the window's narrow context (``ui/context.py``); this module is the one place
that also knows the pages, to put the features' actions on them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from reviewapp.ui import read_only
from reviewapp.ui.backup_actions import BackupActions
from reviewapp.ui.context import Changes
from reviewapp.ui.documents_actions import DocumentActions
from reviewapp.ui.find_evidence import FindEvidenceDialog
from reviewapp.ui.package_actions import PackageActions
from reviewapp.ui.prompts import Prompts

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

    from reviewapp.ui.context import WindowContext
    from reviewapp.ui.window_actions import WindowActions
    from reviewapp.ui.window_pages import Pages


class WindowFeatures:
    def __init__(
        self,
        context: WindowContext,
        window: QMainWindow,
        menus: WindowActions,
        pages: Pages,
        editing_controls: Callable[[], list[QWidget | QAction]],
    ) -> None:
        self.context = context
        self.window = window
        self.menus = menus
        self.page_set = pages
        self.editing_controls = editing_controls
        self.prompts = Prompts(context.settings)
        self.documents = DocumentActions(context, self.prompts)
        self.backups = BackupActions(context, self.prompts)
        self.packages = PackageActions(context, self.prompts)
        self.find_dialog: FindEvidenceDialog | None = None
        self.find_evidence = QAction("Find &evidence…", window)
        self.find_evidence.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.find_evidence.setStatusTip("Search the evidence notes of every staff member")
        self.find_evidence.triggered.connect(self.open_find)
        window.addAction(self.find_evidence)
        self.banner: QLabel | None = None
        self._menus()
        self._pages()
        if context.read_only:
            self.banner = read_only.add_banner(window, context.services.access.read_only_reason)
            read_only.disable_editing(editing_controls())

    def _menus(self) -> None:
        actions = self.menus
        file_menu = actions.file_menu
        before = actions.quit
        file_menu.insertSeparator(before)
        for action in self.documents.actions():
            file_menu.insertAction(before, action)
        file_menu.insertSeparator(before)
        for action in (*self.packages.actions(), *self.backups.actions()):
            file_menu.insertAction(before, action)
        file_menu.insertSeparator(before)
        actions.edit_menu.insertAction(actions.edit_staff, self.find_evidence)
        review_menu = actions.review_menu
        review_menu.addSeparator()
        review_menu.addAction(self.documents.export_pdf)
        review_menu.addAction(self.documents.print_worksheet)
        actions.toolbar.addSeparator()
        actions.toolbar.addAction(self.documents.export_pdf)
        table = self.page_set.reviews.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.documents.export_pdf, self.packages.export):
            table.addAction(action)

    def _pages(self) -> None:
        pages, documents = self.page_set, self.documents
        header = pages.editor.header
        header.pdf_button.clicked.connect(documents.export_current)
        header.worksheet_button.clicked.connect(documents.worksheet_current)
        pages.staff_page.worksheet_button.clicked.connect(documents.worksheet_current)
        pages.staff_page.journal_tab.reviewRequested.connect(self.context.open_review)

    def actions(self) -> list[QAction]:
        """For Help > Keyboard shortcuts."""
        return [
            *self.documents.actions(),
            *self.packages.actions(),
            *self.backups.actions(),
            self.find_evidence,
        ]

    def apply(self, changes: Changes) -> None:
        if changes.everything and self.find_dialog is not None:
            self.find_dialog.search.set_staff(None)  # its results were of the old state

    def go_read_only(self, reason: str) -> None:
        if self.banner is None:
            self.banner = read_only.add_banner(self.window, reason)
            central = self.window.centralWidget()
            if central is not None:
                central.show()  # a frame added to a window already on screen is shown explicitly
        read_only.disable_editing(self.editing_controls())
        self.packages.import_.setEnabled(False)

    # -- evidence search ---------------------------------------------------------------------------

    def open_find(self) -> FindEvidenceDialog:
        if self.find_dialog is None:
            self.find_dialog = FindEvidenceDialog(self.context.services, self.window)
            self.find_dialog.staffRequested.connect(self.context.open_staff)
            self.find_dialog.reviewRequested.connect(self.context.open_review)
        self.find_dialog.start()
        return self.find_dialog

    def shutdown(self) -> None:
        """The window is closing: stop background work that could take long."""
        self.documents.shutdown()
        self.page_set.staff_page.journal_tab.search.wait()
        if self.find_dialog is not None:
            self.find_dialog.search.wait()
