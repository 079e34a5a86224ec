"""A keyboard-friendly, sortable table view for record models."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

from reviewapp.ui.context import Selection
from reviewapp.ui.record_table_model import RecordTableModel
from reviewapp.ui.review_list_model import ReviewListModel

if TYPE_CHECKING:
    from reviewapp.domain.review import ReviewSummary

TableModel = RecordTableModel | ReviewListModel  # models with HEADERS, COLUMN_CHARS and IdRole


def record_table(
    model: TableModel, name: str, description: str, parent: QWidget | None = None
) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setAccessibleDescription(description)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setAccessibleName(f"{name} columns")
    header.setAccessibleDescription("Click or press Enter on a column to sort by it.")
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(-1, header.sortIndicatorOrder())
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().lineSpacing() + 10)
    size_columns(view, model)
    return view


def size_columns(view: QTableView, model: TableModel) -> None:
    """Starting column widths from the font, so they grow with the user's text size."""
    char = view.fontMetrics().averageCharWidth()
    header = view.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    title = QFontMetrics(bold)
    for column, chars in enumerate(model.COLUMN_CHARS):
        # room for the bold title and the sort arrow, whatever the text size
        needed = title.horizontalAdvance(model.HEADERS[column]) + char * 4 + 12
        header.resizeSection(column, max(char * chars + 12, needed))


def current_id(view: QTableView) -> int | None:
    """The id of the current row's record (any model answering RecordTableModel.IdRole)."""
    index = view.currentIndex()
    if not index.isValid():
        return None
    value = index.data(RecordTableModel.IdRole)
    return None if value is None else int(value)


def select_first(view: QTableView) -> None:
    if view.model().rowCount() and not view.currentIndex().isValid():
        view.setCurrentIndex(view.model().index(0, 0))


def table_selection(view: QTableView, record: Callable[[int], ReviewSummary]) -> Selection:
    """A table of reviews as a ``Selection``: the current row's review and person, and every
    selected review in the order shown."""
    index = view.currentIndex()
    if not index.isValid():
        return Selection()
    current = record(index.row())
    rows = sorted(i.row() for i in view.selectionModel().selectedRows()) or [index.row()]
    if index.row() not in rows:  # the cursor left on a row taken out of the selection
        current = record(rows[0])
    return Selection(
        staff_id=current.staff_id,
        staff_name=current.staff_name,
        review_id=current.id,
        review_ids=tuple(record(row).id for row in rows),
    )


class _IntoList(QObject):
    """Down (or Page Down) in a list's filter field moves into the list."""

    def __init__(self, field: QLineEdit, view: QTableView) -> None:
        super().__init__(field)
        self._view = view

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        down = (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() not in down or event.modifiers() != Qt.KeyboardModifier.NoModifier:
                return False
            select_first(self._view)
            self._view.setFocus()
            return True
        return False


def lead_into(field: QLineEdit, view: QTableView) -> None:
    """A filter field leads into its list: Down moves there (to the current or first row)."""
    field.installEventFilter(_IntoList(field, view))
