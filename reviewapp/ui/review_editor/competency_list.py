"""The competencies of the review with a completion mark each, and the summary page."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Assessment, Review

SUMMARY = -1
DONE_MARK = "✓"
OPEN_MARK = "○"


def assessment_text(framework: Framework, assessment: Assessment) -> str:
    if assessment.not_observed:
        return framework.scale.not_observed_label
    if assessment.rating is not None:
        return f"{assessment.rating} – {framework.scale.label(assessment.rating)}"
    return "Not rated yet"


Index = QModelIndex | QPersistentModelIndex
WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class WrappedTextDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the view's real width; painted at that same width.

    The first line of an item's text is its title, in bold; the rest wraps beneath it. Heights
    come from ``QFontMetrics.boundingRect`` with word wrap over the width a row really gets (the
    viewport less the list's spacing and the text margins), and the text is drawn into exactly
    that rectangle, so a wrapped statement is never cut short, at any text size.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def text_rect(self, rect: QRect, widget: QWidget | None, font: QFont) -> QRect:
        style = widget.style() if widget is not None else QApplication.style()
        side = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        above = max(2, QFontMetrics(font).lineSpacing() // 6)
        return rect.adjusted(side, above, -side, -above)

    def row_width(self) -> int:
        return max(1, self._view.viewport().width() - 2 * self._view.spacing())

    @staticmethod
    def _parts(opt: QStyleOptionViewItem) -> tuple[QFont, QFont, str, str]:
        # the delegate has already turned the item's newline into a Unicode line separator
        title, _newline, body = opt.text.replace("\u2028", "\n").partition("\n")
        # Both weights set explicitly: a painter fills in what a font leaves unset from its own.
        bold, plain = QFont(opt.font), QFont(opt.font)
        bold.setBold(True)
        plain.setBold(False)
        return bold, plain, title, body

    def _blocks(self, opt: QStyleOptionViewItem, text: QRect) -> tuple[QRect, QRect]:
        """Where the title and the body go inside ``text`` (the body may be empty)."""
        bold, plain, title, body = self._parts(opt)
        title_rect = QFontMetrics(bold).boundingRect(text, int(WRAP), title)
        title_rect.setWidth(text.width())
        below = text.adjusted(0, title_rect.height(), 0, 0)
        body_rect = QFontMetrics(plain).boundingRect(below, int(WRAP), body) if body else QRect()
        body_rect.setWidth(text.width())
        return title_rect, body_rect

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        row = QRect(0, 0, self.row_width(), 100_000)
        text = self.text_rect(row, self._view, opt.font)
        title, body = self._blocks(opt, text)
        padding = row.height() - text.height()
        return QSize(row.width(), title.height() + max(0, body.height()) + padding)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        bold, plain, title, body = self._parts(opt)
        title_rect, body_rect = self._blocks(opt, self.text_rect(opt.rect, opt.widget, opt.font))
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        painter.save()
        painter.setPen(opt.palette.color(_colour_group(opt), _text_role(opt)))
        painter.setFont(bold)
        painter.drawText(title_rect, int(WRAP), title)
        if body:
            painter.setFont(plain)
            painter.drawText(body_rect, int(WRAP), body)
        painter.restore()


def _colour_group(opt: QStyleOptionViewItem) -> QPalette.ColorGroup:
    if not opt.state & QStyle.StateFlag.State_Enabled:
        return QPalette.ColorGroup.Disabled
    if opt.state & QStyle.StateFlag.State_Active:
        return QPalette.ColorGroup.Normal
    return QPalette.ColorGroup.Inactive


def _text_role(opt: QStyleOptionViewItem) -> QPalette.ColorRole:
    if opt.state & QStyle.StateFlag.State_Selected:
        return QPalette.ColorRole.HighlightedText
    return QPalette.ColorRole.Text


class CompetencyList(QListWidget):
    """One row per competency ("✓ CS1 · 3 – Proficient"), then "Summary and sign-off"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Competencies")
        self.setAccessibleDescription(
            "Choose a competency to rate it, or the summary to finish the review. "
            "Ctrl+Page Down and Ctrl+Page Up move to the next and previous one."
        )
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSpacing(2)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(WrappedTextDelegate(self))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 20)
        self._laid_out_width = -1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A new width (the splitter, the window, a scroll bar coming or going) changes how the
        # statements wrap: lay the rows out again so each is as tall as its text.
        if self.viewport().width() != self._laid_out_width:
            self._laid_out_width = self.viewport().width()
            self.scheduleDelayedItemsLayout()

    def show_review(self, framework: Framework, review: Review) -> None:
        current = self.current_id()
        if self.count() != len(framework.competencies) + 1:
            self.blockSignals(True)
            self.clear()
            for competency in framework.competencies:
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, competency.id)
                self.addItem(item)
            summary = QListWidgetItem("Summary and sign-off")
            summary.setData(Qt.ItemDataRole.UserRole, SUMMARY)
            self.addItem(summary)
            self.blockSignals(False)
        for row, competency in enumerate(framework.competencies):
            assessment = review.competency(competency.id).assessment
            mark = DONE_MARK if assessment.is_set else OPEN_MARK
            state = assessment_text(framework, assessment)
            item = self.item(row)
            item.setText(f"{mark} {competency.code}: {state}\n{competency.statement}")
            item.setToolTip(competency.statement)
            done = "done" if assessment.is_set else "still to do"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{competency.code}, {state}, {done}")
        if current is None:
            self.setCurrentRow(0)

    def current_id(self) -> int | None:
        item = self.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def select(self, competency_id: int) -> None:
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == competency_id:
                self.setCurrentRow(row)
                return

    def step(self, delta: int) -> None:
        row = min(max(self.currentRow() + delta, 0), self.count() - 1)
        self.setCurrentRow(row)
