"""Rating keys and menu items follow the open review's own scale (3 to 7 levels)."""

from __future__ import annotations

from datetime import date

from keyboard_helpers import LEVEL_LABELS, assert_focus, framework_with_levels
from PySide6.QtCore import Qt
from ui_helpers import add_member, press

from reviewapp.domain.review import Assessment, Review, ReviewDraft, ReviewType
from reviewapp.services.container import Services
from reviewapp.ui.shortcuts_dialog import ShortcutsDialog

ALT = Qt.KeyboardModifier.AltModifier


def start_on(services: Services, staff_id: int, framework_id: int) -> Review:
    """An annual review of 2024-25 against the framework version ``framework_id``."""
    draft = ReviewDraft(
        staff_id,
        "Mina Park",
        ReviewType.ANNUAL,
        date(2024, 4, 1),
        date(2025, 3, 31),
        framework_id=framework_id,
    )
    return services.reviews.start(draft)


def open_review_on_scale(make_window, services: Services, levels: int):
    framework = framework_with_levels(services, levels)
    member = add_member(services)
    review = start_on(services, member.id, framework.id)
    window = make_window(services)
    window.open_review(review.id)
    assert_focus(window.editor.competencies)
    return window, review, framework


def offered(window) -> list[str]:
    """The Rate items the Review menu shows, as a person sees them."""
    return [
        a.text()
        for a in window.window_actions.review_menu.actions()
        if a.isVisible() and a.text().startswith("Rate ")
    ]


def test_a_four_level_scale_offers_four_ratings(make_window, services: Services) -> None:
    window, review, framework = open_review_on_scale(make_window, services, 4)
    first = framework.competencies[0].id
    assert offered(window) == [
        f"Rate {value} – {label}" for value, label in enumerate(LEVEL_LABELS[:4], start=1)
    ]
    assert "Rate 3 – Meets expectations" in offered(window)
    beyond = [a for a in window.editor.rate_actions if not a.isVisible()]
    assert beyond and all(not a.isEnabled() for a in beyond)

    press(Qt.Key.Key_5, ALT)  # beyond the scale: nothing happens, nothing is refused
    assert not services.reviews.get(review.id).competency(first).assessment.is_set
    assert not window.save_label.text().startswith("Not saved")
    assert window.editor.session.last_error == ""
    press(Qt.Key.Key_4, ALT)
    assert services.reviews.get(review.id).competency(first).assessment == Assessment(4)

    window.window_actions.shortcuts.trigger()
    dialog = window.dialog
    assert isinstance(dialog, ShortcutsDialog)
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Alt+4"] == "Rate 4 – Exceeds expectations"
    assert "Alt+5" not in rows


def test_a_seven_level_scale_offers_seven_ratings(make_window, services: Services) -> None:
    window, review, framework = open_review_on_scale(make_window, services, 7)
    first = framework.competencies[0].id
    assert offered(window) == [
        f"Rate {value} – {label}" for value, label in enumerate(LEVEL_LABELS, start=1)
    ]
    press(Qt.Key.Key_7, ALT)
    assert services.reviews.get(review.id).competency(first).assessment == Assessment(7)
    rating = window.editor.panel.rating
    assert rating is not None
    assert rating.group.checkedId() == 7
    assert "(Alt+7)" in rating.group.button(7).text()


def test_switching_to_a_review_on_another_scale_changes_the_keys(
    make_window, services: Services
) -> None:
    window, _review, _framework = open_review_on_scale(make_window, services, 4)
    shipped = services.frameworks.current()
    member = add_member(services, "Jo Lee", "E200")
    other = start_on(services, member.id, shipped.id)
    window.open_review(other.id)
    assert offered(window) == [f"Rate {lv.value} – {lv.label}" for lv in shipped.scale.levels]
    press(Qt.Key.Key_5, ALT)
    first = shipped.competencies[0].id
    assert services.reviews.get(other.id).competency(first).assessment == Assessment(5)
