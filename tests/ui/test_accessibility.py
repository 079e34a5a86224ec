"""Every interactive widget of the main screens and dialogs has an accessible name."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from ui_helpers import add_member, start_review

from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.review import Assessment, GoalDraft
from reviewapp.services.container import Services

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabBar,
)
# Parts Qt builds inside a widget and announces as that widget (a spin box's text field, a combo
# box's popup list); the owner's name is what a screen reader reads.
COMPOUND = (QAbstractSpinBox, QComboBox)


def accessible_name(widget: QWidget) -> str:
    own = widget.accessibleName()
    if own:
        return own
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def inside_compound(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(top: QWidget) -> list[str]:
    missing = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if inside_compound(widget, top):
            continue
        if not accessible_name(widget).strip():
            text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} {text!r}")
    return missing


def explicitly_unnamed(top: QWidget) -> list[str]:
    """Widgets reviewapp makes itself must carry an explicit accessibleName."""
    return [
        f"{type(w).__name__} {w.text() if isinstance(w, QAbstractButton) else ''}"
        for w in top.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLineEdit | QPlainTextEdit | QComboBox)
        and w.isVisible()
        and not inside_compound(w, top)
        and not w.accessibleName()
        and w.objectName() != "qt_toolbar_ext_button"
        and w.parentWidget() is not None
        and type(w.parentWidget()).__name__ != "QToolBar"
    ]


def check(top: QWidget, where: str, checked: list[str]) -> None:
    assert unnamed(top) == [], where
    assert explicitly_unnamed(top) == [], where
    checked.append(where)


def test_every_interactive_widget_has_an_accessible_name(make_window, services: Services, qtbot):
    checked: list[str] = []
    empty = make_window(services)
    check(empty, "first start", checked)
    empty.close()

    member = add_member(services)
    previous = start_review(services, member, end=services_date(2024))
    services.goals.add(previous.id, GoalDraft("Learn the new catalogue"))
    review = start_review(services, member, end=services_date(2025))
    framework = services.reviews.framework_of(review.id)
    first = framework.competencies[0]
    services.reviews.set_competency(review.id, first.id, Assessment(3))
    services.evidence.add(
        member.id,
        EvidenceDraft(first.id, review.period_start, EvidenceSource.COMPLIMENT, "Merci !"),
    )
    window = make_window(services)
    check(window, "staff list", checked)
    window.go(1)
    qtbot.waitUntil(lambda: window.reviews.model.rowCount() == 2)
    check(window, "reviews", checked)
    window.go(2)
    check(window, "frameworks", checked)
    window.open_staff(member.id)
    for tab in range(window.staff_page.tabs.count()):
        window.staff_page.tabs.setCurrentIndex(tab)
        check(window, f"staff page tab {tab}", checked)
    window.open_review(review.id)
    check(window, "competency", checked)
    window.editor.competencies.select(-1)
    check(window, "summary", checked)
    window.editor.toggle_meeting()
    check(window, "meeting view", checked)
    window.editor.toggle_meeting()
    for name, opener in (
        ("staff dialog", window.add_staff),
        ("start review dialog", lambda: window.staff_dialogs.start_review(member.id)),
        ("shortcuts", window.show_shortcuts),
    ):
        opener()
        qtbot.waitExposed(window.dialog)
        check(window.dialog, name, checked)
        window.dialog.reject()
    window.editor.competencies.select(first.id)
    note_dialog = window.editor.open_note_dialog(None)
    qtbot.waitExposed(note_dialog)
    check(note_dialog, "evidence dialog", checked)
    note_dialog.reject()
    goal_dialog = window.editor.summary.goals.open_dialog(None)
    qtbot.waitExposed(goal_dialog)
    check(goal_dialog, "goal dialog", checked)
    goal_dialog.reject()
    assert len(checked) == 15


def services_date(year: int):
    from datetime import date

    return date(year, 3, 31)
