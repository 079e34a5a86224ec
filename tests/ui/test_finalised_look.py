"""A finalised review is read-only in look as well as behaviour, and says whether its fingerprint
still matches what is stored."""

from __future__ import annotations

from datetime import date

from keyboard_helpers import assert_focus
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget
from ui_helpers import add_member, focused, press, start_review, type_text

from reviewapp.domain.review import Assessment, Review, SignOffRole
from reviewapp.services.container import Services
from reviewapp.ui.review_editor.competency_list import SUMMARY

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByKeyboard


def finalised(services: Services) -> Review:
    review = start_review(services, add_member(services))
    framework = services.reviews.framework_of(review.id)
    for competency in framework.competencies:
        services.reviews.set_competency(review.id, competency.id, Assessment(3))
    services.reviews.set_comment(review.id, framework.competencies[0].id, "Steady and kind")
    services.reviews.set_text(review.id, "employee_comments", "Thank you for the support")
    services.reviews.set_override(review.id, 4, "Led the accessibility project")
    services.reviews.sign_off(review.id, SignOffRole.REVIEWER, "Mina Park", date(2025, 4, 2), "")
    services.reviews.sign_off(review.id, SignOffRole.EMPLOYEE, "Ana Noël", date(2025, 4, 3), "")
    return services.reviews.finalise(review.id)


def text_fields(editor) -> list[QWidget]:
    """Every field of the editor a person types into while the review is open."""
    summary = editor.summary
    rows = summary.signoffs.rows.values()
    return [
        editor.panel.comment,
        *summary.texts.values(),
        summary.overall.reason,
        *(row.name for row in rows),
        *(row.signed_on for row in rows),
    ]


def looks_like_text(widget: QWidget) -> bool:
    """No frame, no background of its own: drawn as text on the page, not as a box."""
    plain = widget.palette().color(QPalette.ColorRole.Base).alpha() == 0
    if isinstance(widget, QPlainTextEdit):
        return plain and widget.frameShape() == QPlainTextEdit.Shape.NoFrame
    if isinstance(widget, QDateEdit):
        return (
            plain
            and not widget.hasFrame()
            and widget.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons
        )
    assert isinstance(widget, QLineEdit)
    return plain and not widget.hasFrame()


def read_only(widget: QWidget) -> bool:
    assert isinstance(widget, QPlainTextEdit | QLineEdit | QAbstractSpinBox)
    return widget.isReadOnly()


def test_an_open_review_has_input_boxes(make_window, services: Services) -> None:
    review = start_review(services, add_member(services))
    window = make_window(services)
    window.open_review(review.id)
    editor = window.editor
    editor.competencies.select(SUMMARY)
    for widget in text_fields(editor):
        assert not read_only(widget), widget.accessibleName()
        assert not looks_like_text(widget), widget.accessibleName()


def test_a_finalised_review_draws_its_fields_as_text(make_window, services: Services) -> None:
    review = finalised(services)
    window = make_window(services)
    window.open_review(review.id)
    editor = window.editor
    editor.competencies.select(review_first_competency(services, review))
    editor.competencies.select(SUMMARY)
    for widget in text_fields(editor):
        name = widget.accessibleName()
        assert name, type(widget).__name__
        assert read_only(widget), name
        assert looks_like_text(widget), name
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, name  # still reachable to read
        assert widget.isEnabled(), name
    for widget in (editor.panel.comment, *editor.summary.texts.values()):
        assert widget.textInteractionFlags() & SELECTABLE, widget.accessibleName()
    # Reopening an open review afterwards brings the boxes back.
    other = start_review(services, add_member(services, "Jo Lee", "E200"))
    window.open_review(other.id)
    editor.competencies.select(SUMMARY)
    assert not any(looks_like_text(w) for w in text_fields(editor))


def review_first_competency(services: Services, review: Review) -> int:
    return services.reviews.framework_of(review.id).competencies[0].id


def test_typing_into_a_finalised_field_changes_nothing(make_window, services: Services) -> None:
    review = finalised(services)
    window = make_window(services)
    window.open_review(review.id)
    comments = window.editor.summary.texts["employee_comments"]
    reason = window.editor.summary.overall.reason
    comments.setFocus()
    assert_focus(comments)
    type_text(focused(), "more")
    press(Qt.Key.Key_Tab)  # Tab moves on, as for reading
    assert_focus(window.editor.summary.signoffs.rows[SignOffRole.REVIEWER].name)
    reason.setFocus()
    type_text(focused(), "more")
    assert comments.toPlainText() == "Thank you for the support"
    assert reason.text() == "Led the accessibility project"
    assert services.reviews.get(review.id) == review


# -- the fingerprint ---------------------------------------------------------------------------


def test_a_finalised_review_says_its_fingerprint_matches(make_window, services: Services) -> None:
    review = finalised(services)
    window = make_window(services)
    window.open_review(review.id)
    editor = window.editor
    assert services.reviews.verify_fingerprint(review.id)
    assert "Fingerprint verified: matches the stored content" in editor.header.status.text()
    fingerprint = editor.summary.finalise.fingerprint.text()
    assert review.fingerprint in fingerprint
    assert "Fingerprint verified: matches the stored content" in fingerprint
    assert "does not match" not in fingerprint


def test_a_tampered_review_warns_that_its_fingerprint_does_not_match(
    make_window, services: Services
) -> None:
    review = finalised(services)
    with services.engine.begin() as connection:
        # The store refuses changes to a finalised review; a tamperer goes around it.
        connection.exec_driver_sql("DROP TRIGGER trg_reviews_finalised_upd")
        connection.exec_driver_sql(
            f"UPDATE reviews SET employee_comments = 'forged' WHERE id = {review.id}"
        )
    assert not services.reviews.verify_fingerprint(review.id)
    window = make_window(services)
    window.open_review(review.id)
    editor = window.editor
    status = editor.header.status.text()
    assert "Fingerprint does not match" in status
    assert "verified" not in status
    warning = editor.summary.finalise.fingerprint.text()
    assert "⚠ Fingerprint does not match" in warning
    assert "changed outside reviewapp" in warning
    assert "signed PDF" in warning
    assert editor.summary.texts["employee_comments"].toPlainText() == "forged"


def test_only_a_text_that_can_be_typed_says_it_is_saved_as_you_type(
    make_window, services: Services
) -> None:
    review = finalised(services)
    other = start_review(services, add_member(services, "Jo Lee", "E200"))
    window = make_window(services)
    editor = window.editor
    for shown, editable in ((review, False), (other, True)):
        window.open_review(shown.id)
        editor.competencies.select(review_first_competency(services, shown))
        captions = [editor.panel.comment_label.text()]
        editor.competencies.select(SUMMARY)  # the summary is filled as it is shown
        captions += [label.text() for label, _title, _text in editor.summary.captions.values()]
        fields = [editor.panel.comment, *editor.summary.texts.values()]
        assert all(("saved as you type" in c) == editable for c in captions), captions
        assert all(("Saved as you type" in f.accessibleDescription()) == editable for f in fields)


def test_a_finalised_review_shows_its_ratings_and_overall_as_text(
    make_window, services: Services
) -> None:
    review = finalised(services)
    window = make_window(services)
    window.open_review(review.id)
    editor = window.editor
    first = review_first_competency(services, review)
    editor.competencies.select(first)
    rating = editor.panel.rating
    assert rating is not None
    assert rating.as_text.isVisibleTo(rating)
    assert not any(b.isVisibleTo(rating) for b in rating.group.buttons())
    level = services.reviews.get(review.id).competency(first).assessment.rating
    assert rating.as_text.text().startswith(f"{level} – ")
    for combo in editor.panel.indicator_ratings.values():
        assert not combo.isEnabled() and "disabled" in combo.styleSheet()
    editor.competencies.select(SUMMARY)
    overall = editor.summary.overall
    assert not overall.override.isVisibleTo(overall)
    assert not overall.apply_button.isVisibleTo(overall)
    other = start_review(services, add_member(services, "Jo Lee", "E200"))
    window.open_review(other.id)
    editor.competencies.select(review_first_competency(services, other))
    assert editor.panel.rating is not None and not editor.panel.rating.as_text.isVisibleTo(
        editor.panel.rating
    )
