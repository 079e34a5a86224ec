"""Competency frameworks: the versions stored, and one framework's scale and competencies."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewapp.services.container import Services
from reviewapp.ui.common import accessible, heading, wrapping_label
from reviewapp.ui.context import Changes, Selection


class FrameworksPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stale = True
        self._services = services
        self.versions = accessible(QListWidget(), "Framework versions")
        self.versions.setWordWrap(True)
        self.versions.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.about = wrapping_label()
        self.tree = accessible(
            QTreeWidget(),
            "Framework content",
            "The rating scale, then each competency with its indicators.",
        )
        self.tree.setHeaderLabels(["Code", "Text"])
        self.tree.header().setAccessibleName("Framework content columns")
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, self.fontMetrics().averageCharWidth() * 14)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.about)
        column.addWidget(self.tree, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("frameworksSplitter")
        self.splitter.addWidget(self.versions)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Frameworks", 1.3))
        layout.addWidget(
            wrapping_label(
                "A framework version never changes once a review uses it; reviews keep the "
                "version they were written with."
            )
        )
        layout.addWidget(self.splitter, 1)

    def reload(self) -> None:
        self.stale = False
        self.versions.clear()
        for summary in self._services.frameworks.list():
            item = QListWidgetItem(
                f"{summary.title} (version {summary.version})\n"
                f"{summary.competency_count} competencies, {summary.indicator_count} indicators, "
                f"{summary.review_count} reviews"
            )
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.versions.addItem(item)
        if self.versions.count():
            self.versions.setCurrentRow(self.versions.count() - 1)

    def _show(self, item: QListWidgetItem | None) -> None:
        self.tree.clear()
        if item is None:
            return
        framework = self._services.frameworks.get(int(item.data(Qt.ItemDataRole.UserRole)))
        self.about.setText(f"{framework.description}\n\nSource: {framework.source}")
        scale = QTreeWidgetItem(["Scale", "Rating scale"])
        for level in framework.scale.levels:
            QTreeWidgetItem(scale, [str(level.value), f"{level.label}: {level.description}"])
        QTreeWidgetItem(scale, ["—", framework.scale.not_observed_label])
        self.tree.addTopLevelItem(scale)
        for competency in framework.competencies:
            node = QTreeWidgetItem([competency.code, competency.statement])
            for indicator in competency.indicators:
                QTreeWidgetItem(node, [indicator.code, indicator.text])
            self.tree.addTopLevelItem(node)
        self.tree.expandAll()

    def selection(self) -> Selection:
        return Selection()  # a framework is neither a person nor a review

    def apply(self, changes: Changes) -> None:
        if changes.frameworks or changes.reviews or changes.everything:  # review counts shown
            self.stale = True
            if not self.isHidden():  # the page in front
                self.reload()

    def focus_main(self) -> None:
        self.versions.setFocus()
