"""At 200% text the window still fits a 1280x800 laptop screen: every page's minimum is below
it (a page that cannot shrink further scrolls inside the window, the window never grows)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from ui_helpers import add_member, start_review

from reviewapp.services.container import Services

# A small laptop screen; the window frame and a taskbar take some of it.
SCREEN_WIDTH, SCREEN_HEIGHT = 1280, 800


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[None]:
    before = QFont(qapp.font())
    larger = QFont(before)
    larger.setPointSizeF(before.pointSizeF() * 2)
    qapp.setFont(larger)
    yield
    qapp.setFont(before)


def test_every_page_fits_a_laptop_screen_at_200_percent_text(
    large_text: None, make_window, services: Services
) -> None:
    member = add_member(services, "Tomasz Melnyk", "E100")
    review = start_review(services, member)
    window = make_window(services)
    pages = {
        "staff list": lambda: window.go(0),
        "reviews": lambda: window.go(1),
        "frameworks": lambda: window.go(2),
        "staff page": lambda: window.open_staff(member.id),
        "review editor": lambda: window.open_review(review.id),
    }
    for name, show in pages.items():
        show()
        window.pages.currentWidget().updateGeometry()
        least = window.minimumSizeHint()
        assert least.width() <= SCREEN_WIDTH * 0.8, (name, least)
        assert least.height() <= SCREEN_HEIGHT * 0.8, (name, least)
        page = window.pages.currentWidget().minimumSizeHint()
        assert page.height() <= SCREEN_HEIGHT * 0.75, (name, page)  # no scrolling in use
