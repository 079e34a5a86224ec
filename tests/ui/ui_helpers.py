"""Helpers for driving the real widgets from tests."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from reviewapp.domain.review import Review, ReviewDraft, ReviewType
from reviewapp.domain.staff import StaffDraft, StaffMember
from reviewapp.services.container import Services


def add_member(services: Services, name: str = "Ana Noël", number: str = "E100") -> StaffMember:
    return services.staff.create(
        StaffDraft(
            name=name, employee_number=number, position="Library assistant", branch_name="Central"
        )
    )


def start_review(services: Services, member: StaffMember, end: date = date(2025, 3, 31)) -> Review:
    return services.reviews.start(
        ReviewDraft(member.id, "Mina Park", ReviewType.ANNUAL, date(end.year - 1, 4, 1), end)
    )


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, non-ASCII included, one key event per character."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is, as a person would."""
    QTest.keyClick(focused(), key, modifier)


def activate(window: QWidget, qtbot) -> None:
    """Make the window active again (as after a dialog closes), so its shortcuts work."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
