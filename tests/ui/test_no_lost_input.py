"""Typing is never lost or put in the wrong place: not by a redraw taking the focus, not by
leaving a review whose last edit could not be stored, not by an export that would leave it out."""

from __future__ import annotations

import pytest
from keyboard_helpers import assert_focus
from PySide6.QtCore import Qt
from ui_helpers import add_member, focused, press, start_review, type_text

from reviewapp.domain.errors import StoreError
from reviewapp.services.container import Services
from reviewapp.ui import help_dialogs
from reviewapp.ui.message_list import MessageListDialog

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def lock_comments(services: Services, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Storing a comment fails as on a locked file while ``locked[0]``; clear it to unlock."""
    real = services.reviews.set_comment
    locked = [True]

    def set_comment(*args: object) -> object:
        if locked[0]:
            raise StoreError("The database is locked by another program.")
        return real(*args)

    monkeypatch.setattr(services.reviews, "set_comment", set_comment)
    return locked


@pytest.fixture
def two_reviews(services: Services):
    ana = start_review(services, add_member(services, "Ana Noël", "E1"))
    bo = start_review(services, add_member(services, "Bo Lind", "E2"))
    return ana, bo


def test_typing_in_the_summary_after_finalise_listed_what_is_missing_keeps_the_focus(
    make_window, services: Services, two_reviews, qtbot
) -> None:
    ana, _bo = two_reviews
    window = make_window(services)
    window.open_review(ana.id)
    press(Qt.Key.Key_F, ALT | SHIFT)  # unfinished: what is missing is listed and focused
    strengths = window.editor.summary.texts["strengths"]
    strengths.setFocus()
    type_text(focused(), "Good")
    qtbot.waitUntil(lambda: services.reviews.get(ana.id).strengths == "Good")  # stored, redrawn
    assert_focus(strengths)
    type_text(focused(), " work")
    assert strengths.toPlainText() == "Good work"


def test_a_review_whose_edit_could_not_be_stored_is_not_left(
    make_window, services: Services, two_reviews, qtbot, monkeypatch
) -> None:
    ana, bo = two_reviews
    window = make_window(services)
    window.open_review(ana.id)
    locked = lock_comments(services, monkeypatch)
    warned: list[str] = []
    monkeypatch.setattr(help_dialogs, "warn_not_saved", lambda _w, error: warned.append(error))
    press(Qt.Key.Key_C, ALT)
    type_text(focused(), "About Ana")
    window.open_review(bo.id)
    assert warned and "locked" in warned[0]
    assert window.editor.session.review_id == ana.id  # still Ana's, with the text in its box
    assert window.editor.panel.comment.toPlainText() == "About Ana"
    locked[0] = False
    window.open_review(bo.id)
    assert window.editor.session.review_id == bo.id
    first = services.frameworks.current().competencies[0].id
    assert services.reviews.get(ana.id).competency(first).comment == "About Ana"
    assert services.reviews.get(bo.id).competency(first).comment == ""


def test_an_export_waits_for_the_edit_it_would_leave_out(
    make_window, services: Services, two_reviews, qtbot, monkeypatch, answers
) -> None:
    ana, _bo = two_reviews
    window = make_window(services)
    window.open_review(ana.id)

    locked = lock_comments(services, monkeypatch)
    press(Qt.Key.Key_C, ALT)
    type_text(focused(), "Typed just now")
    window.features.documents.export_pdf.trigger()
    assert isinstance(window.dialog, MessageListDialog)
    assert "nothing was exported" in window.dialog.summary.text()
    assert answers.asked == []  # no file was asked for
    locked[0] = False  # the lock is gone: the text is stored, the window closes as usual
    assert window.flush()


def test_opening_a_review_is_not_announced_as_a_change(
    make_window, services: Services, two_reviews, monkeypatch
) -> None:
    ana, _bo = two_reviews
    window = make_window(services)
    told: list[object] = []
    monkeypatch.setattr(window, "notify", told.append)
    window.open_review(ana.id)
    assert told == []
    press(Qt.Key.Key_3, ALT)  # a stored rating is
    assert told and told[-1].reviews
