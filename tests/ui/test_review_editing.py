"""Undo and redo, autosave across closing the window, store errors, meeting view, overlap."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import activate, add_member, focused, press, start_review, type_text

from reviewapp.domain.errors import StoreError
from reviewapp.domain.review import Assessment, GoalDraft, ReviewDraft, ReviewType
from reviewapp.services.container import Services
from reviewapp.ui.review_editor import autosave

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def review_window(make_window, services: Services):
    member = add_member(services)
    review = start_review(services, member)
    window = make_window(services)
    window.open_review(review.id)
    assert window.editor.competencies.hasFocus()
    return window


def first_competency(window) -> int:
    return window.editor.session.framework.competencies[0].id


def stored(services: Services, window):
    return services.reviews.get(window.editor.session.review_id)


def test_undo_and_redo_a_rating(review_window, services, qtbot) -> None:
    window = review_window
    cid = first_competency(window)
    press(Qt.Key.Key_3, ALT)
    press(Qt.Key.Key_5, ALT)
    assert stored(services, window).competency(cid).assessment == Assessment(5)
    assert window.editor.undo_action.text() == "&Undo rating of CS1"
    press(Qt.Key.Key_Z, CTRL)
    assert stored(services, window).competency(cid).assessment == Assessment(3)
    assert window.editor.panel.rating.group.checkedId() == 3
    press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored(services, window).competency(cid).assessment == Assessment(5)
    press(Qt.Key.Key_Z, CTRL)
    press(Qt.Key.Key_Z, CTRL)
    assert not stored(services, window).competency(cid).assessment.is_set
    assert window.editor.competencies.item(0).text().startswith("○ CS1: Not rated yet")


def test_undo_and_redo_a_comment(review_window, services, qtbot) -> None:
    window = review_window
    cid = first_competency(window)
    comment = window.editor.panel.comment
    comment.setFocus()
    type_text(focused(), "Greets everyone")
    qtbot.waitUntil(lambda: stored(services, window).competency(cid).comment == "Greets everyone")
    assert window.save_label.text().startswith("Saved")
    type_text(focused(), ", même les pressés")
    # Ctrl+Z in the comment box first stores the pending words, then undoes them.
    press(Qt.Key.Key_Z, CTRL)
    assert stored(services, window).competency(cid).comment == "Greets everyone"
    assert comment.toPlainText() == "Greets everyone"
    press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored(services, window).competency(cid).comment == "Greets everyone, même les pressés"
    assert comment.toPlainText() == "Greets everyone, même les pressés"


def test_undo_brings_back_a_deleted_note_and_removes_an_added_goal(
    review_window, services, qtbot
) -> None:
    window = review_window
    editor = window.editor
    dialog = editor.open_note_dialog(None)
    qtbot.waitExposed(dialog)
    type_text(dialog.text, "Explained e-book loans patiently")
    dialog.buttons.accepted.emit()
    activate(window, qtbot)
    assert editor.panel.evidence.list.count() == 1
    editor.panel.evidence.list.setFocus()
    press(Qt.Key.Key_Delete)
    assert services.reviews.notes(editor.session.review_id) == []
    assert editor.panel.evidence.list.count() == 0
    editor.edits.undo()
    (note,) = services.reviews.notes(editor.session.review_id)
    assert note.text == "Explained e-book loans patiently"
    editor.edits.add_goal(GoalDraft("Run a story time"))
    assert [g.description for g in stored(services, window).goals] == ["Run a story time"]
    editor.edits.undo()
    assert stored(services, window).goals == ()
    editor.edits.redo()
    assert [g.description for g in stored(services, window).goals] == ["Run a story time"]


def test_an_edit_survives_closing_the_window_at_once(make_window, review_window, services) -> None:
    window = review_window
    review_id = window.editor.session.review_id
    cid = first_competency(window)
    window.editor.panel.comment.setFocus()
    type_text(focused(), "Written just before closing — ça marche")
    window.close()  # no wait for the autosave timer
    assert not window.isVisible()
    assert services.reviews.get(review_id).competency(cid).comment == (
        "Written just before closing — ça marche"
    )
    again = make_window(services)
    again.open_review(review_id)
    assert again.editor.panel.comment.toPlainText() == "Written just before closing — ça marche"


def test_a_store_error_keeps_the_text_and_retries(
    review_window, services, qtbot, monkeypatch
) -> None:
    window = review_window
    cid = first_competency(window)
    monkeypatch.setattr(autosave, "RETRY_MS", 100)
    real = services.reviews.set_comment
    failures = []

    def disk_full(review_id: int, competency_id: int, text: str):
        if not failures:
            failures.append(text)
            raise StoreError("The disk is full, so the change could not be saved.")
        return real(review_id, competency_id, text)

    monkeypatch.setattr(services.reviews, "set_comment", disk_full)
    window.editor.panel.comment.setFocus()
    type_text(focused(), "Kept safe")
    qtbot.waitUntil(lambda: bool(failures))
    assert "The disk is full" in window.save_label.text()
    assert "Your edit is kept" in window.save_label.text()
    assert window.editor.panel.comment.toPlainText() == "Kept safe"
    qtbot.waitUntil(lambda: stored(services, window).competency(cid).comment == "Kept safe")
    assert window.save_label.text().startswith("Saved")


def test_closing_while_the_store_refuses_keeps_the_window_open(
    review_window, services, qtbot, monkeypatch
) -> None:
    window = review_window

    def locked(*_args: object):
        raise StoreError("The database is busy in another window or on another PC.")

    monkeypatch.setattr(services.reviews, "set_comment", locked)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    shown: list[str] = []
    window.editor.panel.comment.setFocus()
    type_text(focused(), "Do not lose me")
    window.close()
    assert window.isVisible()
    assert "busy in another window" in shown[0]
    assert window.editor.panel.comment.toPlainText() == "Do not lose me"
    monkeypatch.undo()
    window.close()
    assert not window.isVisible()


def test_meeting_view_toggles_with_f11_and_still_rates(review_window, services) -> None:
    window = review_window
    editor = window.editor
    press(Qt.Key.Key_F11)
    assert editor.in_meeting
    assert not window.nav.isVisible() and not editor.header.isVisible()
    assert editor.meeting.statement.text() == editor.session.framework.competencies[0].statement
    assert editor.meeting.font().pointSizeF() > window.font().pointSizeF() * 1.4
    press(Qt.Key.Key_4, ALT)
    assert "Rating: 4 – Strong" in editor.meeting.rating.text()
    press(Qt.Key.Key_PageDown, CTRL)
    assert editor.meeting.position.text().startswith("CS2")
    press(Qt.Key.Key_F11)
    assert not editor.in_meeting and window.nav.isVisible()


def test_an_overlapping_review_is_refused_beside_the_period(window, services, qtbot) -> None:
    member = add_member(services)
    today = date.today()
    services.reviews.start(
        ReviewDraft(
            member.id, "Mina", ReviewType.ANNUAL, date(today.year - 1, today.month, 1), today
        )
    )
    window.staff_dialogs.start_review(member.id)
    dialog = window.dialog
    dialog.reviewer.setText("Mina Park")
    dialog.start()
    message = dialog.form.message("period_start")
    assert message.isVisible()
    assert "overlaps" in message.text()
    assert len(services.reviews.list(staff_id=member.id)) == 1
    assert dialog.isVisible()


def test_window_geometry_and_splitters_are_remembered(make_window, services, qsettings) -> None:
    window = make_window(services)
    window.resize(780, 560)  # the offscreen screen is 800 x 600
    window.splitter.setSizes([190, 590])
    first = window.splitter.sizes()[0]
    window.close()
    assert qsettings.value("window/geometry") is not None
    again = make_window(services)
    assert (again.width(), again.height()) == (780, 560)
    assert again.splitter.sizes()[0] == first
