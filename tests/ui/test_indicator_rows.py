"""A competency switch reuses the indicator rows: words, names, values and focus follow it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import activate, add_member, focused, press, start_review

from reviewapp.domain.review import NOT_OBSERVED, UNRATED, Assessment
from reviewapp.services.container import Services
from reviewapp.ui.review_editor.rating_choice import assessment_of


def open_editor(window, services: Services, qtbot):
    review = start_review(services, add_member(services))
    framework = services.reviews.framework_of(review.id)
    first, second = framework.competencies[:2]
    assert len(first.indicators) > len(second.indicators)  # the second shows fewer rows
    services.reviews.set_indicator(review.id, first.indicators[0].id, Assessment(4))
    services.reviews.set_indicator(review.id, second.indicators[1].id, NOT_OBSERVED)
    window.open_review(review.id)
    activate(window, qtbot)
    editor = window.editor
    editor.competencies.select(first.id)
    return review, framework, editor


def test_a_switch_refills_the_same_rows_without_storing_anything(window, services, qtbot) -> None:
    review, framework, editor = open_editor(window, services, qtbot)
    first, second = framework.competencies[:2]
    panel = editor.panel
    combos = list(panel.indicator_ratings.values())
    assert len(combos) == len(first.indicators)
    stored_before = services.reviews.get(review.id)
    undo_before = editor.edits.undo_stack.count()

    editor.competencies.select(second.id)
    shown = panel.indicator_ratings
    assert list(shown) == [i.id for i in second.indicators]
    assert list(shown.values()) == combos[: len(second.indicators)]  # the same widgets, reused
    assert all(c.isHidden() for c in combos[len(second.indicators) :])
    for indicator, combo in zip(second.indicators, shown.values(), strict=True):
        assert combo.isVisible()
        assert combo.accessibleName() == f"Rating for indicator {indicator.code}"
        assert combo.accessibleDescription() == (f"{indicator.text}. Up and Down arrows change it.")
        label = next(
            w for w in panel.indicators.findChildren(type(panel.code)) if w.buddy() is combo
        )
        assert label.text() == f"{indicator.code}  {indicator.text}"
    assert assessment_of(shown[second.indicators[1].id].currentData()) == NOT_OBSERVED
    assert assessment_of(shown[second.indicators[0].id].currentData()) == UNRATED

    editor.competencies.select(first.id)
    assert list(panel.indicator_ratings.values()) == combos
    assert all(c.isVisible() for c in combos)
    assert assessment_of(combos[0].currentData()) == Assessment(4)
    assert assessment_of(combos[1].currentData()) == UNRATED
    # Showing stored values is not an edit.
    assert editor.edits.undo_stack.count() == undo_before
    assert services.reviews.get(review.id) == stored_before


def test_a_reused_row_rates_the_indicator_it_now_shows(window, services, qtbot) -> None:
    review, framework, editor = open_editor(window, services, qtbot)
    first, second = framework.competencies[:2]
    editor.competencies.select(second.id)
    combo = editor.panel.indicator_ratings[second.indicators[0].id]
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    press(Qt.Key.Key_Down)  # Not rated -> 1
    stored = services.reviews.get(review.id)
    assert stored.indicator(second.indicators[0].id) == Assessment(1)
    assert stored.indicator(first.indicators[0].id) == Assessment(4)
    editor.edits.undo_stack.undo()
    assert services.reviews.get(review.id).indicator(second.indicators[0].id) == UNRATED


def test_focus_and_tab_order_follow_the_shown_rows(window, services, qtbot) -> None:
    _review, framework, editor = open_editor(window, services, qtbot)
    first, second = framework.competencies[:2]
    panel = editor.panel
    last = panel.indicator_ratings[first.indicators[-1].id]
    last.setFocus()
    qtbot.waitUntil(last.hasFocus)
    press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_competency_id() == second.id
    assert panel.rating is not None
    assert focused() is panel.rating.group.buttons()[0]  # focus leaves the indicators

    editor.competencies.setFocus()
    press(Qt.Key.Key_Tab)
    for indicator in second.indicators:
        assert focused() is panel.indicator_ratings[indicator.id]
        press(Qt.Key.Key_Tab)
    assert focused() in panel.rating.group.buttons()  # hidden rows are passed over
