"""A journey step that finds focus elsewhere fails saying where focus was."""

from __future__ import annotations

import pytest

from tests.ui.journey_helpers import expect_focus, tab_to
from tests.ui.ui_helpers import add_member


def test_a_missed_focus_step_says_where_focus_was(make_window, services, qtbot) -> None:
    add_member(services)
    make_window(services)
    with pytest.raises(AssertionError) as missed:
        expect_focus(qtbot, "Manager's comment", "typing the comment", timeout_ms=50)
    message = str(missed.value)
    assert message.startswith('typing the comment: focus should be on "Manager\'s comment"')
    assert "in window 'Staff — reviewapp'" in message
    assert "QTableView accessibleName='Staff'" in message
    assert message.endswith("< MainWindow")


def test_tab_to_a_widget_it_cannot_reach_lists_the_path(make_window, services, qtbot) -> None:
    add_member(services)
    window = make_window(services)
    with pytest.raises(AssertionError) as missed:
        tab_to(qtbot, "Sign as reviewer", 3)
    lines = str(missed.value).splitlines()
    assert lines[0].startswith("3 presses of Tab did not reach 'Sign as reviewer'; now in window")
    assert "QTableView accessibleName='Staff'" in lines[1]  # where the first press started
    assert len(lines) == 4  # the message, then where each of the three presses started
    assert window.isActiveWindow()
