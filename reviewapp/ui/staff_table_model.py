"""The staff list as a table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from reviewapp.domain.staff import StaffMember
from reviewapp.ui.record_table_model import RecordTableModel, fold


class StaffTableModel(RecordTableModel):
    COLUMN_NAME = 0
    COLUMN_NUMBER = 1
    COLUMN_POSITION = 2
    COLUMN_BRANCH = 3
    COLUMN_STATUS = 4
    HEADERS = ("Name", "Employee no.", "Position", "Branch", "Status")
    COLUMN_CHARS = (30, 13, 30, 20, 10)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show_inactive = True

    def set_show_inactive(self, show: bool) -> None:
        self._show_inactive = show
        self.refilter()

    def accepts(self, record: Any) -> bool:
        return self._show_inactive or bool(record.active)

    def display(self, record: Any, column: int) -> str:
        member: StaffMember = record
        if column == self.COLUMN_NAME:
            return member.display_name
        if column == self.COLUMN_NUMBER:
            return member.employee_number
        if column == self.COLUMN_POSITION:
            return member.position
        if column == self.COLUMN_BRANCH:
            return member.branch_name
        if column == self.COLUMN_STATUS:
            return "Active" if member.active else "Inactive"
        return ""

    def sort_value(self, record: Any, column: int) -> Any:
        if column == self.COLUMN_NAME:
            return fold(record.name)
        return (fold(self.display(record, column)), fold(record.name))
