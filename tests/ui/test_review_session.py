"""A whole review in the real widgets, rated with the keyboard only, then checked in the store."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import activate, focused, press, type_text

from reviewapp.domain.review import NOT_OBSERVED, Assessment, ReviewStatus, SignOffRole
from reviewapp.services.container import Services
from reviewapp.ui.evidence_dialog import EvidenceDialog
from reviewapp.ui.review_editor.competency_list import SUMMARY
from reviewapp.ui.review_editor.goal_dialog import GoalDialog
from reviewapp.ui.staff_dialog import StaffDialog
from reviewapp.ui.start_review_dialog import StartReviewDialog

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
RATINGS = [3, 4, 5, 2, None, 3, 4]  # None: not observed (Alt+0)
NOTE = "Très aimable avec les usagers — «merci» 親切 ✓"


def accept_next_message_box(answer: QMessageBox.StandardButton) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        box.button(answer).click()

    QTimer.singleShot(0, click)


def create_staff_and_start_review(window, qtbot) -> None:
    window.staff_list.welcome.add_button.setFocus()
    press(Qt.Key.Key_N, CTRL)
    dialog = window.dialog
    assert isinstance(dialog, StaffDialog)
    qtbot.waitUntil(lambda: dialog.name.hasFocus())
    type_text(focused(), "Zoë Ñúñez-Łukasz")
    press(Qt.Key.Key_Tab)  # preferred name
    press(Qt.Key.Key_Tab)  # employee number
    type_text(focused(), "E-7")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.staff_page)
    activate(window, qtbot)
    window.staff_page.tabs.setFocus()
    press(Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.dialog
    assert isinstance(dialog, StartReviewDialog)
    assert dialog.staff.currentText().startswith("Zoë Ñúñez-Łukasz")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.reviewer.setFocus()
    type_text(focused(), "Mina Park")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.editor)
    activate(window, qtbot)


def test_a_whole_review_by_keyboard(window, services: Services, qtbot) -> None:
    create_staff_and_start_review(window, qtbot)
    editor = window.editor
    review_id = editor.session.review_id
    framework = editor.session.framework
    assert editor.competencies.hasFocus()
    assert editor.header.progress.text() == "0 of 7 competencies rated"

    # Rate every competency: Alt+digit, then Ctrl+Page Down to the next one.
    for rating in RATINGS:
        press(Qt.Key.Key_0 if rating is None else Qt.Key(Qt.Key.Key_0 + rating), ALT)
        press(Qt.Key.Key_PageDown, CTRL)
    assert editor.competencies.current_id() == SUMMARY
    assert editor.header.progress.text() == "7 of 7 competencies rated"
    assert editor.competencies.item(4).text().startswith("✓ CS5: Not observed")

    # Two indicators of the first competency: Tab from the list, arrow keys change the rating.
    editor.competencies.setFocus()
    press(Qt.Key.Key_Home, CTRL)
    press(Qt.Key.Key_PageUp, CTRL)
    assert editor.current_competency_id() == framework.competencies[0].id
    press(Qt.Key.Key_Tab)
    first, second = framework.competencies[0].indicators[:2]
    assert focused() is editor.panel.indicator_ratings[first.id]
    for _ in range(4):
        press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Tab)
    assert focused() is editor.panel.indicator_ratings[second.id]
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)

    # An evidence note with non-ASCII text, from the keyboard.
    press(Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.editor.dialog
    assert isinstance(dialog, EvidenceDialog)
    qtbot.waitUntil(lambda: dialog.text.hasFocus())
    type_text(focused(), NOTE)
    press(Qt.Key.Key_Tab)  # to Save
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    activate(window, qtbot)
    assert editor.panel.evidence.list.count() == 1
    assert NOTE in editor.panel.evidence.list.item(0).text()

    # The summary: an override is refused without a reason, then accepted with one.
    editor.panel.comment.setFocus()
    press(Qt.Key.Key_S, ALT)
    assert focused() is editor.summary.overall.override
    overall = editor.summary.overall
    assert "(3 + 4 + 5 + 2 + 3 + 4) / 6 = 3.50" in overall.formula.text()
    overall.override.setFocus()
    press(Qt.Key.Key_Down)  # 1
    press(Qt.Key.Key_Down)  # 2
    press(Qt.Key.Key_Down)  # 3
    press(Qt.Key.Key_Down)  # 4
    overall.apply_button.click()
    assert overall.message.isVisible()
    assert "override reason is required" in overall.message.text()
    assert services.reviews.get(review_id).overall_override is None
    overall.reason.setFocus()
    type_text(focused(), "Led the branch's accessibility project")
    press(Qt.Key.Key_Return)
    assert not overall.message.isVisible()
    assert "4 Strong (override" in overall.counts.text()

    # A goal, and the strengths text (saved as typed).
    editor.summary.goals.add_button.click()
    goal_dialog = editor.summary.goals.dialog
    assert isinstance(goal_dialog, GoalDialog)
    qtbot.waitUntil(lambda: goal_dialog.description.hasFocus())
    type_text(focused(), "Lead two tech-help drop-ins à la bibliothèque")
    goal_dialog.buttons.accepted.emit()
    activate(window, qtbot)
    strengths = editor.summary.texts["strengths"]
    strengths.setFocus()
    type_text(focused(), "Calm, kind, précise")

    # Finalising first lists what is missing (the sign-off), then asks for confirmation.
    editor.summary.finalise.finalise_button.click()
    problems = editor.summary.finalise.problems.text()
    assert problems.splitlines()[1:] == ["• The reviewer has not signed off."]
    editor.summary.signoffs.rows[SignOffRole.REVIEWER].sign_button.click()
    accept_next_message_box(QMessageBox.StandardButton.Yes)
    editor.summary.finalise.finalise_button.click()
    activate(window, qtbot)

    # Everything is in the store.
    review = services.reviews.get(review_id)
    assert review.status == ReviewStatus.FINALISED and review.fingerprint
    for competency, rating in zip(framework.competencies, RATINGS, strict=True):
        expected = NOT_OBSERVED if rating is None else Assessment(rating)
        assert review.competency(competency.id).assessment == expected
    assert review.indicator(first.id) == Assessment(4)
    assert review.indicator(second.id) == Assessment(2)
    assert (review.overall_override, review.override_reason) == (
        4,
        "Led the branch's accessibility project",
    )
    assert [g.description for g in review.goals] == [
        "Lead two tech-help drop-ins à la bibliothèque"
    ]
    assert review.strengths == "Calm, kind, précise"
    assert review.signoff(SignOffRole.REVIEWER).name == "Mina Park"
    (note,) = services.reviews.notes(review_id)
    assert note.text == NOTE and note.competency_id == framework.competencies[0].id
    assert note.frozen

    # The finalised review is read-only in the UI, showing its fingerprint.
    assert review.fingerprint in editor.summary.finalise.fingerprint.text()
    assert "Finalised" in editor.header.status.text()
    assert not editor.summary.overall.apply_button.isEnabled()
    assert editor.summary.texts["strengths"].isReadOnly()
    assert not editor.summary.goals.add_button.isEnabled()
    assert editor.summary.finalise.addendum_box.isVisible()
    editor.competencies.setFocus()
    press(Qt.Key.Key_Home, CTRL)
    press(Qt.Key.Key_PageUp, CTRL)
    assert editor.panel.comment.isReadOnly()
    assert not any(b.isEnabled() for b in editor.panel.rating.group.buttons())
    assert not editor.panel.evidence.add_button.isEnabled()
    press(Qt.Key.Key_1, ALT)
    assert services.reviews.get(review_id).competency(
        framework.competencies[0].id
    ).assessment == Assessment(3)
