"""All staff: a filterable, sortable table; or, with no staff yet, what to do first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.staff import StaffMember
from reviewapp.services.container import Services
from reviewapp.ui.common import accessible, heading, with_clear_button, wrapping_label
from reviewapp.ui.context import Changes, Selection
from reviewapp.ui.flow_layout import button_row
from reviewapp.ui.staff_table_model import StaffTableModel
from reviewapp.ui.table_view import current_id, lead_into, record_table, select_first
from reviewapp.ui.tasks import LatestAnswer, TaskRunner


class WelcomePanel(QWidget):
    """Shown while the database has no staff: the three ways to begin."""

    def __init__(self, demo_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_button = accessible(QPushButton("Add a staff member…"), "Add a staff member")
        self.import_button = accessible(
            QPushButton("Import staff from a CSV file…"),
            "Import staff from a CSV file",
            "A CSV file with a header row: name, employee_number, position, branch, start_date.",
        )
        self.demo_button = accessible(
            QPushButton("Load demo data"),
            "Load demo data",
            "Fills this database with made-up staff and reviews to try things out.",
        )
        self.demo_button.setVisible(demo_available)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading("Welcome — there are no staff members yet", 1.4))
        text = (
            "Reviews are written for staff members, so start by adding the people you review. "
            "The Customer Service competency framework is already loaded."
        )
        if demo_available:
            text += " To look around first, load the demo data."
        layout.addWidget(wrapping_label(text))
        for button in (self.add_button, self.import_button, self.demo_button):
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(2)


class StaffListPage(QWidget):
    openRequested = Signal(int)
    addRequested = Signal()
    importRequested = Signal()
    demoRequested = Signal()
    startReviewRequested = Signal(object)
    loaded = Signal()
    failed = Signal(str)
    stale = False  # the list reads itself again as soon as staff change (``apply``)

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        demo_available: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._loading = False
        self._keep: int | None = None
        self._latest = LatestAnswer(self)  # a load answered late, or after a newer one: ignored
        self.model = StaffTableModel(self)
        self.filter = accessible(
            QLineEdit(),
            "Filter staff",
            "Shows staff whose name, number, position or branch contains every word typed.",
        )
        self.filter.setPlaceholderText("Filter by name, number, position or branch (Ctrl+F)")
        with_clear_button(self.filter, "Clear the filter")
        self.filter.textChanged.connect(self._filter_changed)
        # Typing a name then Enter opens that person's page; Down goes into the list.
        self.filter.returnPressed.connect(self._open_current)
        self.show_inactive = accessible(QCheckBox("Show inactive staff"), "Show inactive staff")
        self.show_inactive.setChecked(True)
        self.show_inactive.toggled.connect(self._inactive_toggled)
        self.count = wrapping_label()  # at large text sizes it wraps beside the buttons
        self.table = record_table(
            self.model, "Staff", "Staff members. Enter opens the selected person's page."
        )
        self.table.activated.connect(lambda _index: self._open_current())
        lead_into(self.filter, self.table)
        self.add_button = accessible(QPushButton("Add staff member…"), "Add staff member")
        self.import_button = accessible(QPushButton("Import CSV…"), "Import staff from CSV")
        self.open_button = accessible(QPushButton("Open staff page"), "Open staff page")
        self.start_button = accessible(
            QPushButton("Start review…"), "Start review for the selected staff member"
        )
        self.add_button.clicked.connect(self.addRequested)
        self.import_button.clicked.connect(self.importRequested)
        self.open_button.clicked.connect(self._open_current)
        self.start_button.clicked.connect(
            lambda: self.startReviewRequested.emit(current_id(self.table))
        )
        self.welcome = WelcomePanel(demo_available)
        self.welcome.add_button.clicked.connect(self.addRequested)
        self.welcome.import_button.clicked.connect(self.importRequested)
        self.welcome.demo_button.clicked.connect(self._demo_requested)
        self._demo_pending = False
        list_page = QWidget()
        column = QVBoxLayout(list_page)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.show_inactive)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(
            button_row(self.add_button, self.import_button, self.open_button, self.start_button)
        )
        column.addLayout(bottom)
        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.welcome)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Staff", 1.3))
        layout.addWidget(self.stack, 1)

    def reload(self) -> None:
        """Read the staff list in the background; the table stays usable meanwhile."""
        self._loading = True
        self._keep = current_id(self.table)  # the same person stays selected after reading
        self.count.setText("Loading staff…")
        current = self._latest.request()
        self._tasks.run(
            self._services.staff.list,
            current(self._loaded),
            current(self._failed),
            doing="reading the staff list",
        )

    @property
    def loading(self) -> bool:
        return self._loading

    def _demo_requested(self) -> None:
        """Once: the button waits until the list has been read again (demo loaded or not)."""
        self._demo_pending = True
        self.welcome.demo_button.setEnabled(False)
        self.demoRequested.emit()

    def _loaded(self, staff: list[StaffMember]) -> None:
        self._loading = False
        if self._demo_pending:
            self._demo_pending = False
            self.welcome.demo_button.setEnabled(True)
        self.model.set_records(staff)
        self.stack.setCurrentIndex(1 if not staff else 0)
        self._update_count()
        row = self.model.row_of(self._keep) if self._keep is not None else None
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))
        else:
            select_first(self.table)
        self.loaded.emit()

    def _failed(self, message: str) -> None:
        self._loading = False
        if self._demo_pending:  # demo data or not, the way to ask for it again is open
            self._demo_pending = False
            self.welcome.demo_button.setEnabled(True)
        self.count.setText(f"The staff list could not be read: {message}")
        self.failed.emit(message)

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()
        select_first(self.table)

    def _inactive_toggled(self, show: bool) -> None:
        self.model.set_show_inactive(show)
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(f"{self.model.rowCount():,} shown of {self.model.total:,} staff")

    def _open_current(self) -> None:
        staff_id = current_id(self.table)
        if staff_id is not None:
            self.openRequested.emit(staff_id)

    def selection(self) -> Selection:
        """The person in the table's current row (none while the welcome panel shows)."""
        index = self.table.currentIndex()
        if self.stack.currentIndex() == 1 or not index.isValid():
            return Selection()
        member: StaffMember = self.model.record(index.row())
        return Selection(staff_id=member.id, staff_name=member.display_name)

    def apply(self, changes: Changes) -> None:
        if changes.staff or changes.everything:
            self.reload()

    def focus_main(self) -> None:
        if self.stack.currentIndex() == 1:
            self.welcome.add_button.setFocus()
        else:
            self.table.setFocus()
