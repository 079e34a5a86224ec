"""All reviews: filter by words or status; loaded in the background (fast with 20,000)."""

from __future__ import annotations

from PySide6.QtCore import Signal
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

from reviewapp.domain.review import ReviewStatus, ReviewSummary
from reviewapp.services.container import Services
from reviewapp.ui.common import accessible, heading, with_clear_button
from reviewapp.ui.review_table_model import ReviewTableModel
from reviewapp.ui.table_view import current_id, record_table, select_first
from reviewapp.ui.tasks import LatestAnswer, TaskRunner


class ReviewsPage(QWidget):
    openRequested = Signal(int)
    startReviewRequested = Signal(object)
    loaded = Signal()

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._latest = LatestAnswer(self)  # a load answered late, or after a newer one: ignored
        self.stale = True
        self.model = ReviewTableModel(self)
        self.filter = accessible(
            QLineEdit(), "Filter reviews", "Shows reviews whose row contains every word typed."
        )
        self.filter.setPlaceholderText("Filter by name, branch, type or period (Ctrl+F)")
        with_clear_button(self.filter, "Clear the filter")
        self.filter.textChanged.connect(self._filter_changed)
        self.status = accessible(QComboBox(), "Status filter")
        self.status.addItem("All statuses", None)
        for status in ReviewStatus:
            self.status.addItem(status.label, status.value)
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.count = QLabel()
        self.table = record_table(
            self.model, "Reviews", "Newest first. Enter opens the selected review."
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.activated.connect(lambda _index: self._open_current())
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
        self.stale = False
        self.count.setText("Loading reviews…")
        status = self.status.currentData()
        reviews = self._services.reviews
        current = self._latest.request()
        self._tasks.run(
            lambda: reviews.list(status=ReviewStatus(status) if status else None),
            current(self._loaded),
            current(self._failed),
            doing="reading the reviews",
        )

    def _loaded(self, summaries: list[ReviewSummary]) -> None:
        self.model.set_records(summaries)
        self._update_count()
        select_first(self.table)
        self.loaded.emit()

    def _failed(self, message: str) -> None:
        self.count.setText(f"The reviews could not be read: {message}")

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()
        select_first(self.table)

    def _update_count(self) -> None:
        self.count.setText(f"{self.model.rowCount():,} shown of {self.model.total:,} reviews")

    def _open_current(self) -> None:
        review_id = current_id(self.table)
        if review_id is not None:
            self.openRequested.emit(review_id)

    def focus_main(self) -> None:
        self.table.setFocus()
