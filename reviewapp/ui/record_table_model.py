"""A read-only table of records, sorted and filtered in Python lists (fast for 20,000 rows).

Column constants, custom roles, ``beginResetModel``/``endResetModel`` around a reload,
``dataChanged`` for just the cells that changed, and ``data()`` delegating to small helpers.
Subclasses say how a record is shown, sorted and searched.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from PySide6.QtCore import QObject, Qt

from reviewapp.services.staff import sort_key
from reviewapp.ui.list_table_model import ListTableModel


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Case- and accent-insensitive text for filtering (remembered: lists repeat names a lot)."""
    if text.isascii():
        return text.lower()  # the same as sort_key for plain ASCII, without the normalising
    return sort_key(text)


class RecordTableModel(ListTableModel):
    SortRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[Any] = []
        self._search: dict[int, str] = {}
        self._visible: list[Any] = []
        self._filter = ""
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- what subclasses provide -------------------------------------------------------------

    def display(self, record: Any, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, record: Any, column: int) -> Any:
        return fold(self.display(record, column))

    def search_text(self, record: Any) -> str:
        return " ".join(self.display(record, c) for c in range(len(self.HEADERS)))

    def accepts(self, record: Any) -> bool:
        """Filters beyond the text filter (e.g. hide inactive staff)."""
        return True

    # -- loading, filtering, sorting ---------------------------------------------------------

    def set_records(self, records: list[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._search = {}  # filled on the first text filter: most loads are never filtered
        self._visible = self._select()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self._filter = fold(text.strip())
        self.refilter()

    def refilter(self) -> None:
        self.beginResetModel()
        self._visible = self._select()
        self.endResetModel()

    def _select(self) -> list[Any]:
        words = self._filter.split()
        if words and len(self._search) < len(self._records):
            self._search = {
                r.id: self._search.get(r.id) or fold(self.search_text(r)) for r in self._records
            }
        chosen = [
            r
            for r in self._records
            if self.accepts(r) and all(w in self._search[r.id] for w in words)
        ]
        return self._sorted(chosen)

    def _sorted(self, records: list[Any]) -> list[Any]:
        if self._sort_column < 0:
            return records
        column = self._sort_column
        return sorted(
            records,
            key=lambda r: self.sort_value(r, column),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_records = [(self._visible[i.row()], i.column()) for i in old]
        self._sort_column, self._sort_order = column, order
        self._visible = self._sorted(self._visible)
        rows = {r.id: n for n, r in enumerate(self._visible)}
        self.changePersistentIndexList(
            old, [self.index(rows[record.id], column) for record, column in old_records]
        )
        self.layoutChanged.emit()

    def replace_record(self, record: Any) -> None:
        """Show a changed record: only its cells are announced as changed."""
        self._records = [record if r.id == record.id else r for r in self._records]
        self._search[record.id] = fold(self.search_text(record))
        row = self.row_of(record.id)
        if row is None:
            return
        self._visible[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    # -- reading -------------------------------------------------------------------------------

    def row_of(self, record_id: int) -> int | None:
        for row, record in enumerate(self._visible):
            if record.id == record_id:
                return row
        return None

    def record(self, row: int) -> Any:
        return self._visible[row]

    @property
    def total(self) -> int:
        return len(self._records)

    def shown(self) -> list[Any]:
        return self._visible

    def role_data(self, record: Any, column: int, role: int) -> Any:
        if role == self.SortRole:
            return self.sort_value(record, column)
        return None
