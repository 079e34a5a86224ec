"""Searching evidence notes as you type: a field, a results table, and the search in between.

Typing waits a moment (``DEBOUNCE_MS``) after the last key, then searches on a background thread;
an answer to an older query than the one now typed is dropped, so the list always matches the
field and the window never waits for the database.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
)

from reviewapp.domain.search import EvidenceHit, fold, parse_query
from reviewapp.services.search import SearchService
from reviewapp.ui.common import accessible, with_clear_button
from reviewapp.ui.list_table_model import ListTableModel
from reviewapp.ui.tasks import TaskRunner

DEBOUNCE_MS = 200
LIMIT = 200
SNIPPET_CHARS = 160
_WORD = re.compile(r"[^\W_]+")


def snippet(text: str, query: str, width: int = SNIPPET_CHARS) -> str:
    """One line of the note around the first word that matches what was typed."""
    flat = " ".join(text.split())
    tokens = [t for term in parse_query(query) for alt in term.alternatives for t in alt]
    start = 0
    for match in _WORD.finditer(flat):
        word = fold(match.group())
        if any(word.startswith(token) for token in tokens):
            start = match.start()
            break
    # Start at the beginning when the match shows there anyway; else a little before the match.
    begin = 0 if start < width * 2 // 3 else start - width // 4
    if begin:
        space = flat.rfind(" ", 0, begin + 1)
        begin = space + 1 if space >= 0 and begin - space < 20 else begin
    shown = flat[begin : begin + width]
    return ("…" if begin else "") + shown + ("…" if begin + width < len(flat) else "")


class SearchResultsModel(ListTableModel):
    COLUMN_DATE, COLUMN_STAFF, COLUMN_COMPETENCY, COLUMN_NOTE = range(4)
    HEADERS = ("Date", "Staff member", "Competency", "Note")
    # The note, last, stretches to the width left; it starts narrow so that it never runs on
    # past the table's right edge, where a long note would be cut off mid-word.
    COLUMN_CHARS = (12, 24, 12, 30)
    HitRole = ListTableModel.RecordRole

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[EvidenceHit] = []
        self._snippets: dict[int, str] = {}  # by note id: a note's snippet depends on its text

    def set_hits(self, hits: list[EvidenceHit], query: str) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._snippets = {hit.note.id: snippet(hit.note.text, query) for hit in hits}
        self.endResetModel()

    def hit(self, row: int) -> EvidenceHit:
        return self._hits[row]

    def shown(self) -> list[EvidenceHit]:
        return self._hits

    def display(self, record: EvidenceHit, column: int) -> str:
        if column == self.COLUMN_DATE:
            return record.note.observed_on.isoformat()
        if column == self.COLUMN_STAFF:
            return record.staff_name
        if column == self.COLUMN_COMPETENCY:
            return record.competency_code
        return self._snippets[record.note.id]

    def tooltip(self, record: EvidenceHit, column: int) -> str:
        if column == self.COLUMN_NOTE:
            return record.note.text[:2000]
        return self.display(record, column)


class _Field(QLineEdit):
    """The search field: Down or Enter moves to the results."""

    toResults = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.toResults.emit()
            return
        super().keyPressEvent(event)


class EvidenceSearch(QObject):
    """The field, the results and the status line; the owner lays them out.

    ``opened`` carries the hit a person chose (Enter or double-click); ``finished`` follows each
    answer shown.
    """

    opened = Signal(object)
    finished = Signal()

    def __init__(
        self, search: SearchService, name: str, description: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._tasks = TaskRunner(self)
        self._generation = 0
        self._shown = ""
        self._focus_pending = False
        self.staff_id: int | None = None
        self.field = accessible(_Field(), name, description)
        with_clear_button(self.field, "Clear the search")
        self.field.textChanged.connect(self._typed)
        self.field.toResults.connect(self.focus_results)
        self.status = QLabel()
        self.status.setAccessibleName(f"{name}: results")
        self.status.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.table = accessible(
            QTableView(),
            f"{name}: found notes",
            "Date, staff member, competency and the words around the match.",
        )
        self._setup_table()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)

    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().lineSpacing() + 10)
        header = table.horizontalHeader()
        header.setAccessibleName(f"{table.accessibleName()} columns")
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        char = table.fontMetrics().averageCharWidth()
        bold = QFont(header.font())
        bold.setBold(True)
        title = QFontMetrics(bold)
        for column, chars in enumerate(SearchResultsModel.COLUMN_CHARS):
            needed = title.horizontalAdvance(SearchResultsModel.HEADERS[column]) + char * 4 + 12
            header.resizeSection(column, max(char * chars + 12, needed))
        table.activated.connect(self._activated)
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up from the first result goes back to the field, as in a browser's address bar.
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Up
            and self.table.currentIndex().row() <= 0
        ):
            self.field.setFocus()
            return True
        return super().eventFilter(watched, event)

    # -- searching -----------------------------------------------------------------------------

    def set_staff(self, staff_id: int | None) -> None:
        """Search one person's notes (None: everyone's); clears the field."""
        self.staff_id = staff_id
        self._shown = ""
        self.field.clear()
        self.model.set_hits([], "")
        self.status.clear()

    def _typed(self, _text: str) -> None:
        self._timer.start()

    @property
    def query(self) -> str:
        return self.field.text().strip()

    @property
    def busy(self) -> bool:
        return self._timer.isActive() or self._tasks.busy

    def refresh(self) -> None:
        """Search again if what is shown is not the answer to what is typed."""
        if self._shown != self.query:
            self.search_now()

    def search_now(self) -> None:
        self._timer.stop()
        query = self.query
        self._generation += 1
        generation = self._generation
        if not parse_query(query):
            self._show([], query)
            return
        self.status.setText("Searching…")
        search, staff_id = self._search, self.staff_id

        def done(hits: list[EvidenceHit]) -> None:
            if generation == self._generation:
                self._show(hits, query)

        def failed(message: str) -> None:
            if generation == self._generation:
                self.model.set_hits([], query)
                self.status.setText(f"The search did not work: {message}")
                self.finished.emit()

        self._tasks.run(
            lambda: search.evidence(query, staff_id=staff_id, limit=LIMIT),
            done,
            failed,
            doing="searching the evidence notes",
        )

    def _show(self, hits: list[EvidenceHit], query: str) -> None:
        self._shown = query
        self.model.set_hits(hits, query)
        if not query:
            self.status.clear()
        elif not hits:
            self.status.setText(f"No evidence note contains “{query}”.")
        elif len(hits) >= LIMIT:
            self.status.setText(
                f"The best {LIMIT} notes containing “{query}”; type more to narrow."
            )
        else:
            self.status.setText(f"{len(hits)} note{'s' if len(hits) != 1 else ''} found.")
        if hits:
            self.table.setCurrentIndex(self.model.index(0, 0))
            if self._focus_pending:
                self.table.setFocus()
        self._focus_pending = False
        self.finished.emit()

    # -- choosing ------------------------------------------------------------------------------

    def focus_results(self) -> None:
        """Move to the results; if they are still coming, as soon as they are there."""
        if self._timer.isActive() or self._shown != self.query:
            self._focus_pending = True
            self.search_now()
        elif self.model.rowCount():
            self.table.setFocus()

    def current_hit(self) -> EvidenceHit | None:
        index = self.table.currentIndex()
        return self.model.hit(index.row()) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(self.model.hit(index.row()))

    def wait(self) -> None:
        """Stop searching (the window closes): a search in flight finishes, its answer unused."""
        self._timer.stop()
        self._generation += 1
        self._tasks.wait()
