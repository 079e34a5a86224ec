"""What every flat, read-only table of records shares: row and column counts, headers, roles.

A subclass keeps its records in a Python list (all of them, or the pages loaded so far) and says
which list is shown and how a record is shown in a column. ``IdRole`` answers a record's ``id``
(None for records without one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel):
    HEADERS: ClassVar[tuple[str, ...]] = ()
    COLUMN_CHARS: ClassVar[tuple[int, ...]] = ()  # starting width of each column, in characters
    RecordRole = Qt.ItemDataRole.UserRole + 1
    IdRole = Qt.ItemDataRole.UserRole + 2

    # -- what subclasses provide -------------------------------------------------------------

    def shown(self) -> Sequence[Any]:
        """The records in row order."""
        raise NotImplementedError

    def display(self, record: Any, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, record: Any, column: int) -> str:
        return self.display(record, column)

    def role_data(self, record: Any, column: int, role: int) -> Any:
        """A role beyond display, tooltip, record and id (None when not answered)."""
        return None

    # -- Qt's model contract -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rows = self.shown()
        if not index.isValid() or not 0 <= index.row() < len(rows):
            return None
        record = rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, index.column())
        if role == self.RecordRole:
            return record
        if role == self.IdRole:
            return getattr(record, "id", None)
        return self.role_data(record, index.column(), role)
