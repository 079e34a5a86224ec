"""Journeys through a review with the keyboard only: find the person, start, rate, comment,
note, sign, finalise, undo and redo, export the PDF."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import Qt

from reviewapp.domain.framework import Competency
from reviewapp.domain.review import NOT_OBSERVED, Assessment, ReviewStatus, SignOffRole
from reviewapp.services.container import Services
from reviewapp.ui.evidence_dialog import EvidenceDialog
from reviewapp.ui.start_review_dialog import StartReviewDialog
from tests.ui.journey_helpers import (
    ALT,
    CTRL,
    SHIFT,
    back_in,
    expect_focus,
    press,
    sign_and_finalise,
    tab_to,
    type_here,
)
from tests.ui.ui_helpers import add_member, start_review


def test_find_a_person_by_typing_and_start_their_review(make_window, services, qtbot) -> None:
    add_member(services, "Abel Archer", "E1")
    noel = add_member(services, "Ana Noël", "E2")
    add_member(services, "Cleo Cole", "E3")
    window = make_window(services)
    expect_focus(qtbot, window.staff_list.table, "the Staff list opens with its table")
    press(Qt.Key.Key_F, CTRL)
    expect_focus(qtbot, window.staff_list.filter, "Ctrl+F goes to the staff filter")
    type_here("noël")
    qtbot.waitUntil(lambda: window.staff_list.model.rowCount() == 1)
    press(Qt.Key.Key_R, CTRL | SHIFT)
    dialog = expect_focus(
        qtbot, lambda w: isinstance(w.window(), StartReviewDialog), "Start review opens"
    ).window()
    assert dialog.staff.currentData() == noel.id
    tab_to(qtbot, "Reviewer")
    type_here("Mina Park")
    press(Qt.Key.Key_Return)
    back_in(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.editor)
    expect_focus(qtbot, window.editor.competencies, "the new review opens at its competencies")
    (summary,) = services.reviews.list(staff_id=noel.id)
    assert services.reviews.get(summary.id).reviewer_name == "Mina Park"
    assert window.windowTitle() == "Review of Ana Noël — reviewapp"


COMMENT = "Calm and kind with upset patrons — très bien."
NOTE = "Talked a worried parent through the holds queue, step by step."
DIGITS = [Qt.Key.Key_0, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]


def open_only_review(qtbot, window) -> None:
    """Ctrl+2, the only row, Enter: the review opens at its competency list."""
    press(Qt.Key.Key_2, CTRL)
    expect_focus(qtbot, window.reviews.table, "Ctrl+2 shows the Reviews list")
    qtbot.waitUntil(lambda: window.reviews.model.rowCount() == 1)
    press(Qt.Key.Key_Return)
    expect_focus(qtbot, window.editor.competencies, "Enter opens the review")


def rating_of(position: int) -> Assessment:
    """The competency ratings given: 2 to 5 in turn, the last competency 'not observed'."""
    return NOT_OBSERVED if position == 6 else Assessment(2 + position % 4)


def rate_indicators(qtbot, competency: Competency, backwards: bool) -> dict[int, Assessment]:
    """Tab to the competency's first indicator, then Down n times and Tab for each one."""
    given: dict[int, Assessment] = {}
    first = f"Rating for indicator {competency.indicators[0].code}"
    tab_to(qtbot, first, 20, backwards=backwards)
    for number, indicator in enumerate(competency.indicators):
        if number:
            press(Qt.Key.Key_Tab)
        expect_focus(qtbot, f"Rating for indicator {indicator.code}", "the next indicator")
        for _ in range(1 + number % 3):
            press(Qt.Key.Key_Down)
        given[indicator.id] = Assessment(1 + number % 3)
    return given


def add_note_and_comment(qtbot, window) -> None:
    tab_to(qtbot, "Manager's comment")
    type_here(COMMENT)
    press(Qt.Key.Key_N, CTRL | SHIFT)
    dialog = expect_focus(qtbot, "What happened", "Add evidence note starts at its text").window()
    assert isinstance(dialog, EvidenceDialog)
    type_here(NOTE)
    tab_to(qtbot, "Save", 10)
    press(Qt.Key.Key_Return)
    back_in(qtbot, window)


def test_rate_comment_note_sign_and_finalise_a_whole_review(
    make_window, services: Services, qtbot
) -> None:
    member = add_member(services)
    review_id = start_review(services, member).id
    window = make_window(services)
    open_only_review(qtbot, window)
    framework = window.editor.session.framework
    indicators: dict[int, Assessment] = {}
    for position, competency in enumerate(framework.competencies):
        if position:
            press(Qt.Key.Key_PageDown, CTRL)
            qtbot.waitUntil(lambda c=competency: window.editor.current_competency_id() == c.id)
        indicators |= rate_indicators(qtbot, competency, backwards=position > 0)
        rating = rating_of(position)
        press(DIGITS[rating.rating or 0], ALT)
        if position == 0:
            add_note_and_comment(qtbot, window)
    sign_and_finalise(qtbot, window)
    review = services.reviews.get(review_id)
    assert review.status == ReviewStatus.FINALISED and review.fingerprint
    assert services.reviews.verify_fingerprint(review_id)
    for position, competency in enumerate(framework.competencies):
        assert review.competency(competency.id).assessment == rating_of(position)
    assert dict(review.indicators) == indicators
    assert review.competency(framework.competencies[0].id).comment == COMMENT
    assert [note.text for note in services.reviews.notes(review_id)] == [NOTE]
    signed = {s.role: s.name for s in review.signoffs}
    assert signed == {SignOffRole.REVIEWER: "Mina Park", SignOffRole.EMPLOYEE: "Ana Noël"}


def test_undo_and_redo_a_rating_from_the_keyboard(make_window, services, qtbot) -> None:
    review_id = start_review(services, add_member(services)).id
    window = make_window(services)
    open_only_review(qtbot, window)
    first = window.editor.session.framework.competencies[0].id

    def stored() -> Assessment:
        return services.reviews.get(review_id).competency(first).assessment

    press(Qt.Key.Key_3, ALT)
    press(Qt.Key.Key_5, ALT)
    assert stored() == Assessment(5)
    press(Qt.Key.Key_Z, CTRL)
    assert stored() == Assessment(3)
    press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored() == Assessment(5)
    tab_to(qtbot, "Manager's comment")  # from a text field too: the review's undo, not the text's
    press(Qt.Key.Key_Z, CTRL)
    assert stored() == Assessment(3)
    press(Qt.Key.Key_Y, CTRL)
    assert stored() == Assessment(5)
    expect_focus(qtbot, "Manager's comment", "undo and redo leave the keyboard where it was")


def test_export_the_open_review_as_a_pdf(make_window, services, answers, qtbot) -> None:
    member = add_member(services)
    start_review(services, member)
    window = make_window(services)
    open_only_review(qtbot, window)
    answers.save = answers.documents / "review of Ana.pdf"
    press(Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: answers.shown == [answers.save], timeout=20_000)
    assert answers.asked[0][0] == "save"
    data = answers.save.read_bytes()
    assert data.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert member.name in text
    assert window.message() == f"Wrote {answers.save}."
