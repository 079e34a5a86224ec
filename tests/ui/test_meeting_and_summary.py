"""Meeting view fills the screen and gives it back; the summary's overall rating is labelled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel
from ui_helpers import add_member, press, start_review

from reviewapp.services.container import Services
from reviewapp.ui.review_editor.competency_list import SUMMARY

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def review_window(make_window, services: Services):
    member = add_member(services)
    review = start_review(services, member)
    window = make_window(services)
    window.open_review(review.id)
    return window


def test_f11_fills_the_screen_and_escape_gives_the_window_back(review_window, qtbot) -> None:
    window = review_window
    editor = window.editor
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)

    press(Qt.Key.Key_F11)
    assert editor.in_meeting
    qtbot.waitUntil(window.isFullScreen)

    press(Qt.Key.Key_Escape)
    assert not editor.in_meeting and window.nav.isVisible()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.isMaximized()

    window.showNormal()
    qtbot.waitUntil(lambda: not window.isMaximized())
    press(Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    press(Qt.Key.Key_F11)  # F11 leaves too
    assert not editor.in_meeting
    qtbot.waitUntil(lambda: window.windowState() == Qt.WindowState.WindowNoState)


def test_escape_outside_meeting_view_changes_nothing(review_window, qtbot) -> None:
    window = review_window
    press(Qt.Key.Key_Escape)
    assert not window.editor.in_meeting and not window.isFullScreen()


def test_going_to_another_page_or_closing_leaves_meeting_view(
    review_window, make_window, services, qtbot, qsettings
) -> None:
    window = review_window
    press(Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    window.go(0)  # the Staff list
    assert not window.editor.in_meeting and window.nav.isVisible()
    qtbot.waitUntil(lambda: not window.isFullScreen())

    window.go(1)
    window.open_review(window.editor.session.review_id)
    press(Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    window.close()
    assert not window.editor.in_meeting
    reopened = make_window(services)
    assert not reopened.isFullScreen()  # the next start is not stuck in full screen


def overall_label(window) -> str:
    overall = window.editor.summary.overall
    form = overall.layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(overall.counts)
    assert isinstance(label, QLabel)
    return label.text()


def test_the_overall_rating_row_says_what_it_is(review_window, qtbot) -> None:
    window = review_window
    press(Qt.Key.Key_4, ALT)
    window.editor.competencies.select(SUMMARY)
    overall = window.editor.summary.overall
    assert overall_label(window) == "Overall rating:"
    assert overall.counts.text() == "4.00 Strong (derived; no override)"
    assert overall.counts.accessibleName() == "Overall rating"
    window.editor.edits.set_override(2, "Agreed in the meeting")
    assert overall.counts.text().startswith("2 ") and "override: Agreed" in overall.counts.text()


def test_meeting_view_words_are_large_and_its_buttons_normal(review_window) -> None:
    meeting = review_window.editor.meeting
    normal = review_window.font().pointSizeF()
    assert meeting.statement.font().pointSizeF() > 1.5 * normal
    for button in (meeting.previous_button, meeting.next_button, meeting.leave_button):
        assert button.font().pointSizeF() == normal  # they fit beside each other at 200% text
