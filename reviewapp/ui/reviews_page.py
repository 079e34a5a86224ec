"""All reviews: filter by words or status, sort by any column; read a page at a time.

The table's model (ReviewListModel) asks the database for one page of the list in the order and
filter chosen, on a background thread, and for the next page as the table is scrolled down.
Typing in the filter asks again once typing pauses (FILTER_PAUSE_MS).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.review import ReviewStatus
from reviewapp.domain.review_list import ReviewListQuery, ReviewPage
from reviewapp.services.container import Services
from reviewapp.ui.common import accessible, heading, with_clear_button, wrapping_label
from reviewapp.ui.context import Changes, Selection
from reviewapp.ui.review_list_model import ReviewListModel
from reviewapp.ui.table_view import (
    current_id,
    lead_into,
    record_table,
    select_first,
    table_selection,
)
from reviewapp.ui.tasks import TaskRunner

FILTER_PAUSE_MS = 200


class ReviewsPage(QWidget):
    openRequested = Signal(int)
    startReviewRequested = Signal(object)
    loaded = Signal()

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.stale = True
        self._keep: tuple[int | None, set[int]] = (None, set())  # current and selected ids

        def load(query: ReviewListQuery, offset: int, limit: int, *, count: bool) -> ReviewPage:
            return services.reviews.page(query, offset, limit, count=count)  # looked up each time

        # A superseded answer, or one after this page was deleted, is ignored by the model.
        self.model = ReviewListModel(load, tasks, self)
        # What was selected is selected again among the rows of a new order or filter.
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.firstPageShown.connect(self._first_page_shown)
        self.model.countsChanged.connect(self._update_count)
        self.model.failed.connect(self._failed)
        self._pause = QTimer(self, singleShot=True, interval=FILTER_PAUSE_MS)
        self._pause.timeout.connect(self._apply_filter)
        self.filter = accessible(
            QLineEdit(), "Filter reviews", "Shows reviews whose row contains every word typed."
        )
        self.filter.setPlaceholderText("Filter by name, branch, type or period (Ctrl+F)")
        with_clear_button(self.filter, "Clear the filter")
        self.filter.textChanged.connect(lambda _text: self._pause.start())
        self.filter.returnPressed.connect(self._filter_now)
        self.status = accessible(QComboBox(), "Status filter")
        self.status.addItem("All statuses", None)
        for status in ReviewStatus:
            self.status.addItem(status.label, status.value)
        self.status.currentIndexChanged.connect(lambda _i: self._status_changed())
        self.count = wrapping_label()  # at large text sizes it wraps beside the buttons
        self.table = record_table(
            self.model,
            "Reviews",
            "Newest first; click a column title to sort. More rows load as you scroll down. "
            "Enter opens the selected review.",
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.activated.connect(lambda _index: self._open_current())
        lead_into(self.filter, self.table)
        self.open_button = accessible(QPushButton("Open review"), "Open selected review")
        self.start_button = accessible(QPushButton("Start review…"), "Start a review")
        self.open_button.clicked.connect(self._open_current)
        self.start_button.clicked.connect(lambda: self.startReviewRequested.emit(None))
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        status_label = QLabel("Status:")
        status_label.setBuddy(self.status)
        top.addWidget(status_label)
        top.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Reviews", 1.3))
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def reload(self) -> None:
        """Read the list again (the rows shown stay until the new first page arrives)."""
        self.stale = False
        if self.model.rowCount() == 0:
            self.count.setText("Loading reviews…")
        self.model.refresh()

    def _filter_now(self) -> None:
        """Enter in the filter: no waiting for the pause, and on into the list."""
        if self._pause.isActive():
            self._pause.stop()
            self._apply_filter()
        self.table.setFocus()

    def _apply_filter(self) -> None:
        self.model.set_text(self.filter.text())

    def _status_changed(self) -> None:
        status = self.status.currentData()
        self.model.set_status(ReviewStatus(status) if status else None)

    @property
    def filtering(self) -> bool:
        """Whether typed text is still waiting for its pause, or its answer."""
        return self._pause.isActive() or self.model.loading

    def _remember_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._keep = (current_id(self.table), {self.model.record(i.row()).id for i in rows})

    def _first_page_shown(self) -> None:
        """Select again what was selected, where it is among the first rows; else the first."""
        current, selected = self._keep
        model, selection = self.model, QItemSelection()
        for review_id in selected:
            row = model.row_of(review_id)
            if row is not None:
                selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        row = model.row_of(current) if current is not None else None
        if row is not None:
            flags = QItemSelectionModel.SelectionFlag.NoUpdate
            self.table.selectionModel().setCurrentIndex(model.index(row, 0), flags)
            self.table.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.table.scrollTo(model.index(row, 0))
        else:
            select_first(self.table)
        self.loaded.emit()

    def _failed(self, message: str) -> None:
        self.count.setText(f"The reviews could not be read: {message}")

    def _update_count(self) -> None:
        self.count.setText(f"{self.model.total:,} shown of {self.model.unfiltered:,} reviews")

    def _open_current(self) -> None:
        review_id = current_id(self.table)
        if review_id is not None:
            self.openRequested.emit(review_id)

    def selection(self) -> Selection:
        """The review in the current row, every selected review, and the current one's person."""
        return table_selection(self.table, self.model.record)

    def apply(self, changes: Changes) -> None:
        """Read again now when shown, else when next shown."""
        if changes.touches(staff=True, reviews=True):
            self.stale = True
            if not self.isHidden():  # the page in front
                self.reload()

    def focus_main(self) -> None:
        self.table.setFocus()
