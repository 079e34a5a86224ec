"""The main window's documents, backups, packages, evidence search and read-only state:
their actions go into the File and Edit menus, the toolbar and the pages' buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from reviewapp.ui import read_only
from reviewapp.ui.backup_actions import BackupActions
from reviewapp.ui.documents_actions import DocumentActions
from reviewapp.ui.find_evidence import FindEvidenceDialog
from reviewapp.ui.package_actions import PackageActions
from reviewapp.ui.prompts import Prompts

if TYPE_CHECKING:
    from reviewapp.ui.main_window import MainWindow


class WindowFeatures:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.prompts = Prompts(window.settings)
        self.documents = DocumentActions(window, self.prompts)
        self.backups = BackupActions(window, self.prompts)
        self.packages = PackageActions(window, self.prompts)
        self.find_dialog: FindEvidenceDialog | None = None
        self.find_evidence = QAction("Find &evidence…", window)
        self.find_evidence.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.find_evidence.setStatusTip("Search the evidence notes of every staff member")
        self.find_evidence.triggered.connect(self.open_find)
        window.addAction(self.find_evidence)
        self.read_only = window.services.access.read_only
        self.banner = None
        self._menus()
        self._pages()
        if self.read_only:
            self.banner = read_only.add_banner(window, window.services.access.read_only_reason)
            read_only.disable_editing(window)

    def _menus(self) -> None:
        w, actions = self.window, self.window.window_actions
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
        table = w.reviews.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.documents.export_pdf, self.packages.export):
            table.addAction(action)

    def _pages(self) -> None:
        w, documents = self.window, self.documents
        header = w.editor.header
        header.pdf_button.clicked.connect(documents.export_current)
        header.worksheet_button.clicked.connect(documents.worksheet_current)
        page = w.staff_page
        page.worksheet_button.clicked.connect(
            lambda: documents.print_worksheet_for(page.member.id if page.member else None)
        )
        page.journal_tab.reviewRequested.connect(self.open_review_at)

    def actions(self) -> list[QAction]:
        """For Help > Keyboard shortcuts."""
        return [
            *self.documents.actions(),
            *self.packages.actions(),
            *self.backups.actions(),
            self.find_evidence,
        ]

    def page_changed(self) -> None:
        self.documents.page_changed()
        if self.read_only:
            self.window.window_actions.edit_staff.setEnabled(False)

    # -- evidence search ---------------------------------------------------------------------------

    def open_find(self) -> FindEvidenceDialog:
        if self.find_dialog is None:
            self.find_dialog = FindEvidenceDialog(self.window.services, self.window)
            self.find_dialog.staffRequested.connect(self.window.open_staff)
            self.find_dialog.reviewRequested.connect(self.open_review_at)
        self.find_dialog.start()
        return self.find_dialog

    def open_review_at(self, review_id: int, competency_id: int) -> None:
        """Open a review at the competency a found note belongs to."""
        w = self.window
        w.open_review(review_id)
        if w.pages.currentWidget() is w.editor:
            w.editor.competencies.select(competency_id)

    def focus_search(self) -> bool:
        """Ctrl+F where the page has no list filter: its own search, or Find evidence."""
        w = self.window
        if w.pages.currentWidget() is w.staff_page:
            w.staff_page.tabs.setCurrentWidget(w.staff_page.journal_tab)
            w.staff_page.journal_tab.search.field.setFocus()
            return True
        self.open_find()
        return True

    def shutdown(self) -> None:
        """The window is closing: stop background work that could take long."""
        self.documents.shutdown()
        self.window.staff_page.journal_tab.search.wait()
        if self.find_dialog is not None:
            self.find_dialog.search.wait()
