"""Finalised reviews, addenda, goals followed up from the previous review, lists and help."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from ui_helpers import add_member, press, start_review, type_text

from reviewapp.domain.review import Assessment, GoalDraft, SignOffRole
from reviewapp.services.container import Services
from reviewapp.ui.review_editor.competency_list import SUMMARY
from reviewapp.ui.shortcuts_dialog import ShortcutsDialog


def finalised_review(services: Services):
    member = add_member(services)
    review = start_review(services, member)
    framework = services.reviews.framework_of(review.id)
    for competency in framework.competencies:
        services.reviews.set_competency(review.id, competency.id, Assessment(3))
    services.reviews.set_comment(review.id, framework.competencies[0].id, "Steady")
    services.reviews.sign_off(review.id, SignOffRole.REVIEWER, "Mina Park", date(2025, 4, 2), "")
    return services.reviews.finalise(review.id)


def test_a_finalised_review_opens_read_only_and_takes_an_addendum(make_window, services, qtbot):
    review = finalised_review(services)
    window = make_window(services)
    window.open_review(review.id)
    editor = window.editor
    assert editor.competencies.current_id() == SUMMARY
    assert review.fingerprint in editor.summary.finalise.fingerprint.text()
    assert review.fingerprint[:16] in editor.header.status.text()
    assert not editor.summary.finalise.finalise_button.isVisible()
    assert not editor.add_note_action.isEnabled()
    assert all(not a.isEnabled() for a in editor.rate_actions)
    assert editor.summary.texts["employee_comments"].isReadOnly()
    assert not editor.summary.signoffs.rows[SignOffRole.EMPLOYEE].sign_button.isEnabled()
    editor.competencies.select(services.reviews.framework_of(review.id).competencies[0].id)
    assert editor.panel.comment.isReadOnly()
    assert not any(combo.isEnabled() for combo in editor.panel.indicator_ratings.values())
    editor.competencies.select(SUMMARY)
    finalise = editor.summary.finalise
    finalise.addendum_text.setFocus()
    type_text(finalise.addendum_text, "Corrigé : la date de réunion était le 3 avril.")
    finalise.addendum_button.click()
    (addendum,) = services.reviews.get(review.id).addenda
    assert addendum.text == "Corrigé : la date de réunion était le 3 avril."
    assert addendum.author == "Mina Park"
    assert "Corrigé" in finalise.addenda.text()
    assert services.reviews.verify_fingerprint(review.id)


def test_open_goals_of_the_previous_review_can_be_carried_forward(make_window, services):
    member = add_member(services)
    earlier = start_review(services, member, end=date(2024, 3, 31))
    services.goals.add(earlier.id, GoalDraft("Learn the makerspace 3D printer"))
    review = start_review(services, member, end=date(2025, 3, 31))
    window = make_window(services)
    window.open_review(review.id)
    window.editor.competencies.select(SUMMARY)
    goals = window.editor.summary.goals
    assert goals.previous.isVisible()
    assert "Learn the makerspace 3D printer" in goals.previous.item(0).text()
    goals.previous.setCurrentRow(0)
    goals.carry_button.click()
    (carried,) = services.reviews.get(review.id).goals
    assert carried.description == "Learn the makerspace 3D printer"
    assert carried.carried_from_id == services.reviews.get(earlier.id).goals[0].id
    assert "already carried forward" in goals.previous.item(0).text()


def test_reviews_list_opens_a_review_with_enter(make_window, services, qtbot):
    member = add_member(services)
    review = start_review(services, member)
    window = make_window(services)
    window.window_actions.show_reviews.trigger()
    qtbot.waitUntil(lambda: window.reviews.model.rowCount() == 1)
    assert "1 shown of 1 reviews" in window.reviews.count.text()
    window.reviews.table.setFocus()
    press(Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.editor
    assert window.editor.session.review_id == review.id
    press(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # back
    assert window.pages.currentWidget() is window.reviews


def test_help_lists_the_keyboard_shortcuts(window, services, qtbot):
    window.window_actions.shortcuts.trigger()
    dialog = window.dialog
    assert isinstance(dialog, ShortcutsDialog)
    table = dialog.table
    keys = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "Alt+3" not in keys  # no review open: no scale to rate on
    dialog.close()
    window.open_review(start_review(services, add_member(services)).id)
    window.window_actions.shortcuts.trigger()
    dialog = window.dialog
    assert isinstance(dialog, ShortcutsDialog)
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Alt+3"] == "Rate 3 – Proficient"
    assert rows["Alt+0"] == "Not observed"
    assert rows["Ctrl+PgDown"] == "Next competency"
    assert rows["Ctrl+PgUp"] == "Previous competency"
    assert rows["F11"] == "Meeting view"
    assert rows["Ctrl+Z"] == "Undo"
    assert rows["Ctrl+Shift+Z or Ctrl+Y"] == "Redo"
    assert rows["Ctrl+N"] == "Add staff member"


def test_frameworks_page_shows_the_scale_and_competencies(window):
    window.window_actions.show_frameworks.trigger()
    page = window.frameworks
    assert page.versions.count() == 1
    tree = page.tree
    assert tree.topLevelItemCount() == 8  # the scale, then 7 competencies
    assert tree.topLevelItem(0).child(2).text(1).startswith("Proficient")
    assert tree.topLevelItem(1).text(0) == "CS1"
