"""The review editor from the keyboard alone: scrolling to focus, keys that work inside text boxes,
rating groups, and signing and finalising without tabbing through the page."""

from __future__ import annotations

from datetime import date

import pytest
from keyboard_helpers import assert_focus, visible_in, wholly_visible_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import add_member, focused, press, start_review, type_text

from reviewapp.domain.review import Assessment, ReviewStatus, SignOffRole
from reviewapp.services.container import Services
from reviewapp.ui.review_editor.competency_list import SUMMARY
from reviewapp.ui.review_editor.rating_choice import UNRATED_ID
from reviewapp.ui.shortcuts_dialog import ShortcutsDialog

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def review_window(make_window, services: Services):
    review = start_review(services, add_member(services))
    window = make_window(services)
    window.open_review(review.id)
    assert_focus(window.editor.competencies)
    return window


def stored(services: Services, window):
    return services.reviews.get(window.editor.session.review_id)


def competency_ids(window) -> list[int]:
    return [c.id for c in window.editor.session.framework.competencies]


def into_comment(window, text: str) -> None:
    """Alt+C from the competency list, then type: the comment is where the focus is."""
    press(Qt.Key.Key_C, ALT)
    assert_focus(window.editor.panel.comment)
    type_text(focused(), text)


# -- every field scrolls into view when it takes focus --------------------------------------------


def test_alt_c_scrolls_the_comment_into_view(review_window, services, qtbot) -> None:
    panel = review_window.editor.panel
    assert not visible_in(panel, panel.comment)  # below the indicators and the rating
    into_comment(review_window, "Warm with every visitor")
    assert wholly_visible_in(panel, panel.comment)  # the whole box, not its first line only
    press(Qt.Key.Key_Tab)  # on to the evidence notes, still in view
    assert_focus(panel.evidence.list)
    assert visible_in(panel, panel.evidence.list)
    press(Qt.Key.Key_Backtab)
    assert_focus(panel.comment)
    first = competency_ids(review_window)[0]
    qtbot.waitUntil(  # stored as typed, after a pause
        lambda: (
            stored(services, review_window).competency(first).comment == "Warm with every visitor"
        )
    )


def test_the_next_competency_keeps_the_focused_comment_in_view(review_window, services) -> None:
    editor = review_window.editor
    into_comment(review_window, "Patient")
    press(Qt.Key.Key_PageDown, CTRL)
    assert editor.current_competency_id() == competency_ids(review_window)[1]
    assert_focus(editor.panel.comment)
    assert visible_in(editor.panel, editor.panel.comment)
    assert stored(services, review_window).competency(competency_ids(review_window)[0]).comment == (
        "Patient"
    )


# -- keys that do not fight text editing -----------------------------------------------------------


def test_the_summary_key_works_from_inside_a_comment(review_window, services) -> None:
    editor = review_window.editor
    into_comment(review_window, "Calm at the desk")
    press(Qt.Key.Key_S, ALT)
    assert editor.competencies.current_id() == SUMMARY
    assert editor.pages.currentWidget() is editor.summary
    assert_focus(editor.summary.overall.override)
    assert visible_in(editor.summary, editor.summary.overall.override)
    # Leaving the comment stored it.
    assert stored(services, review_window).competency(competency_ids(review_window)[0]).comment == (
        "Calm at the desk"
    )


def test_competency_keys_work_from_inside_a_comment(review_window, services) -> None:
    editor = review_window.editor
    first, second, *_rest = competency_ids(review_window)
    into_comment(review_window, "First")
    press(Qt.Key.Key_PageDown, CTRL)
    assert editor.current_competency_id() == second
    assert_focus(editor.panel.comment)
    type_text(focused(), "Second")
    press(Qt.Key.Key_PageUp, CTRL)
    assert editor.current_competency_id() == first
    assert_focus(editor.panel.comment)
    assert editor.panel.comment.toPlainText() == "First"
    review = stored(services, review_window)
    assert (review.competency(first).comment, review.competency(second).comment) == (
        "First",
        "Second",
    )


# -- rating groups: Tab enters at the chosen level, arrows choose ---------------------------------


def tab_into_rating(window):
    """From the competency list, Tab past the indicators into the competency rating."""
    panel = window.editor.panel
    window.editor.competencies.setFocus()
    press(Qt.Key.Key_Tab)
    for _combo in panel.indicator_ratings.values():
        press(Qt.Key.Key_Tab)
    assert panel.rating is not None
    return panel.rating.group


def test_tab_enters_a_rating_group_at_the_chosen_level(make_window, services) -> None:
    review = start_review(services, add_member(services))
    second = services.reviews.framework_of(review.id).competencies[1].id
    services.reviews.set_competency(review.id, second, Assessment(3))
    window = make_window(services)
    window.open_review(review.id)
    window.editor.competencies.select(second)
    group = tab_into_rating(window)
    assert_focus(group.button(3))
    press(Qt.Key.Key_Tab)  # one stop per group: on to the comment
    assert_focus(window.editor.panel.comment)
    press(Qt.Key.Key_Backtab)
    assert_focus(group.button(3))
    assert services.reviews.get(review.id).competency(second).assessment == Assessment(3)


def test_arrow_keys_choose_within_a_rating_group_and_undo(review_window, services) -> None:
    editor = review_window.editor
    first = competency_ids(review_window)[0]
    group = tab_into_rating(review_window)
    assert group.checkedId() == UNRATED_ID
    assert_focus(group.button(1))  # nothing chosen yet: the group starts at its first level
    press(Qt.Key.Key_Space)
    assert stored(services, review_window).competency(first).assessment == Assessment(1)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)
    assert_focus(group.button(3))
    assert group.checkedId() == 3
    assert stored(services, review_window).competency(first).assessment == Assessment(3)
    press(Qt.Key.Key_Up)
    assert_focus(group.button(2))
    assert stored(services, review_window).competency(first).assessment == Assessment(2)
    assert editor.undo_action.text() == "&Undo rating of CS1"
    press(Qt.Key.Key_Z, CTRL)
    assert stored(services, review_window).competency(first).assessment == Assessment(3)
    assert group.checkedId() == 3
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Up)  # already at the first level: stays there
    assert_focus(group.button(1))
    assert stored(services, review_window).competency(first).assessment == Assessment(1)


# -- signing and finalising by shortcut ------------------------------------------------------------


def test_sign_shortcuts_sign_from_anywhere_in_the_review(review_window, services) -> None:
    editor = review_window.editor
    rows = editor.summary.signoffs.rows
    into_comment(review_window, "Ready to sign")
    press(Qt.Key.Key_R, ALT | SHIFT)
    review = stored(services, review_window)
    assert review.signoff(SignOffRole.REVIEWER).name == "Mina Park"
    assert review.competency(competency_ids(review_window)[0]).comment == "Ready to sign"
    assert editor.pages.currentWidget() is editor.summary
    assert_focus(rows[SignOffRole.REVIEWER].sign_button)
    assert visible_in(editor.summary, rows[SignOffRole.REVIEWER].sign_button)
    assert rows[SignOffRole.REVIEWER].state.text().startswith("✓ Signed by Mina Park")

    press(Qt.Key.Key_E, ALT | SHIFT)
    assert stored(services, review_window).signoff(SignOffRole.EMPLOYEE).name == "Ana Noël"
    assert_focus(rows[SignOffRole.EMPLOYEE].sign_button)
    assert visible_in(editor.summary, rows[SignOffRole.EMPLOYEE].sign_button)


def test_a_refused_signature_leaves_focus_on_the_name(review_window, services) -> None:
    editor = review_window.editor
    row = editor.summary.signoffs.rows[SignOffRole.EMPLOYEE]
    editor.competencies.select(SUMMARY)
    row.name.setFocus()
    row.name.selectAll()
    press(Qt.Key.Key_Delete)
    press(Qt.Key.Key_E, ALT | SHIFT)
    assert stored(services, review_window).signoff(SignOffRole.EMPLOYEE) is None
    assert row.message.isVisible()
    assert_focus(row.name)


def rate_everything(services: Services, window) -> None:
    review_id = window.editor.session.review_id
    for competency_id in competency_ids(window):
        services.reviews.set_competency(review_id, competency_id, Assessment(3))
    window.editor.session.reload()


def test_the_finalise_shortcut_asks_first_then_finalises(
    review_window, services, monkeypatch
) -> None:
    editor = review_window.editor
    rate_everything(services, review_window)
    asked: list[str] = []
    answer = QMessageBox.StandardButton.Cancel

    def question(_parent, title: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    editor.competencies.setFocus()
    press(Qt.Key.Key_F, ALT | SHIFT)  # the reviewer has not signed: what is missing is listed
    assert asked == []
    assert "The reviewer has not signed off." in editor.summary.finalise.problems.text()
    assert_focus(editor.summary.finalise.problems)  # what is missing, where the reader is
    assert visible_in(editor.summary, editor.summary.finalise.problems)

    press(Qt.Key.Key_R, ALT | SHIFT)
    press(Qt.Key.Key_F, ALT | SHIFT)
    assert asked == ["Finalise review"]
    assert stored(services, review_window).status != ReviewStatus.FINALISED

    answer = QMessageBox.StandardButton.Yes
    press(Qt.Key.Key_F, ALT | SHIFT)
    assert stored(services, review_window).status == ReviewStatus.FINALISED
    assert_focus(editor.summary.finalise.fingerprint)
    for action in (
        editor.sign_reviewer_action,
        editor.sign_employee_action,
        editor.finalise_action,
    ):
        assert not action.isEnabled()


def test_the_review_menu_and_the_help_list_the_new_keys(review_window) -> None:
    menu = [a.text() for a in review_window.window_actions.review_menu.actions() if a.isVisible()]
    assert "Sign as &reviewer" in menu
    assert "Sign as e&mployee" in menu
    assert "&Finalise review…" in menu
    review_window.window_actions.shortcuts.trigger()
    dialog = review_window.dialog
    assert isinstance(dialog, ShortcutsDialog)
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Alt+S"] == "Summary and sign-off"
    assert rows["Alt+Shift+R"] == "Sign as reviewer"
    assert rows["Alt+Shift+E"] == "Sign as employee"
    assert rows["Alt+Shift+F"] == "Finalise review"
    assert rows["Ctrl+PgDown"] == "Next competency"
    assert "Ctrl+End" not in rows  # a text box's own key: it never reached the summary
    in_place = dict(rows)
    assert in_place["Up / Down (in a rating)"].startswith("Choose the next or previous rating")
    assert in_place["Tab (into a rating)"] == "Lands on the chosen rating, or the first level"


def test_signing_uses_the_open_reviews_names_not_the_last_ones(make_window, services) -> None:
    earlier = start_review(services, add_member(services, "Jo Lee", "E200"))
    services.reviews.sign_off(
        earlier.id, SignOffRole.REVIEWER, "Sam Ortiz", date(2025, 4, 2), "I reviewed this."
    )
    review = start_review(services, add_member(services))
    window = make_window(services)
    window.open_review(earlier.id)
    window.editor.competencies.select(SUMMARY)
    window.open_review(review.id)
    window.editor.competencies.setFocus()
    press(Qt.Key.Key_R, ALT | SHIFT)
    signed = services.reviews.get(review.id).signoff(SignOffRole.REVIEWER)
    assert (signed.name, signed.signed_on) == ("Mina Park", date.today())


def test_a_review_opens_at_the_top_of_its_pages(review_window, services) -> None:
    editor = review_window.editor
    other = start_review(services, add_member(services, "Jo Lee", "E200"))
    press(Qt.Key.Key_C, ALT)  # the comment, low on the page: scrolled down to it
    assert editor.panel.verticalScrollBar().value() > 0, "the page is long enough to scroll"
    review_window.window_actions.show_reviews.trigger()
    review_window.open_review(other.id)
    assert editor.panel.verticalScrollBar().value() == 0
