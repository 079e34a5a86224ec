"""The competency list: every wrapped statement shown whole, at any width and text size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QListWidgetItem
from ui_helpers import add_member, start_review

from reviewapp.services.container import Services
from reviewapp.ui.review_editor.competency_list import CompetencyList

WRAP = int(Qt.TextFlag.TextWordWrap)


def needed_height(view: CompetencyList, item: QListWidgetItem, width: int) -> int:
    """The height the item's text takes wrapped at ``width``: bold title, then the statement."""
    title, _newline, body = item.text().partition("\n")
    bold, plain = QFont(view.font()), QFont(view.font())
    bold.setBold(True)
    plain.setBold(False)
    height = QFontMetrics(bold).boundingRect(QRect(0, 0, width, 10_000), WRAP, title).height()
    if body:
        height += QFontMetrics(plain).boundingRect(QRect(0, 0, width, 10_000), WRAP, body).height()
    return height


def assert_every_row_fits(view: CompetencyList) -> None:
    row_width = view.viewport().width() - 2 * view.spacing()
    for row in range(view.count()):
        item = view.item(row)
        rect = view.visualItemRect(item)
        assert rect.width() == row_width, item.text()
        # the text is drawn a few pixels in from each side: measure at that narrower width
        text_width = rect.width() - 2 * (
            view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 1
        )
        assert rect.height() >= needed_height(view, item, text_width), item.text()
        # and no row keeps room for lines it does not have (the old blank line under CS4)
        line = QFontMetrics(view.font()).lineSpacing()
        assert rect.height() < needed_height(view, item, text_width) + line, item.text()


@pytest.fixture
def competency_list(qtbot, services: Services) -> CompetencyList:
    review = start_review(services, add_member(services))
    view = CompetencyList()
    qtbot.addWidget(view)
    view.show_review(services.reviews.framework_of(review.id), review)
    return view


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_rows_are_as_tall_as_their_wrapped_text(competency_list, qtbot, scale: float) -> None:
    view = competency_list
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    view.setFont(font)
    view.resize(round(250 * scale), 700)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.visualItemRect(view.item(0)).width() > 0)
    assert any("\n" in view.item(r).text() for r in range(view.count()))
    assert_every_row_fits(view)
    tall = view.visualItemRect(view.item(3)).height()

    view.resize(round(170 * scale), 700)  # narrower: statements wrap onto more lines
    qtbot.waitUntil(lambda: view.visualItemRect(view.item(3)).height() > tall)
    assert_every_row_fits(view)

    view.resize(round(400 * scale), 700)  # wider again: the rows shrink back
    qtbot.waitUntil(lambda: view.visualItemRect(view.item(3)).height() < tall)
    assert_every_row_fits(view)
