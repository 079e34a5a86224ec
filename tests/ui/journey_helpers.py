"""Driving the main window as a person at the keyboard would, with a clear failure when focus
is not where the next key press needs it.

Every step goes through ``QApplication.focusWidget()`` (``press``, ``type_text``); the helpers
here only wait for focus and describe where it went, so a journey that breaks says which step
lost the keyboard and where the keyboard was instead.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reviewapp.ui.main_window import MainWindow
from tests.ui.ui_helpers import activate, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier

FOCUS_WAIT_MS = 2_000

Target = QWidget | str | Callable[[QWidget], bool]
"""A widget, an accessible name (or a widget's text), or a test on the focus widget."""


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit | QAbstractButton | QLabel):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return ""


def describe(widget: QWidget | None) -> str:
    """One line for a widget: class, objectName, accessible name and text."""
    if widget is None:
        return "nothing"
    parts = [type(widget).__name__]
    for label, value in (
        ("objectName", widget.objectName()),
        ("accessibleName", widget.accessibleName()),
        ("text", _text(widget)[:60]),
    ):
        if value:
            parts.append(f"{label}={value!r}")
    return " ".join(parts)


def where_focus_is() -> str:
    """The focus widget, its parents up to its window, and that window's title."""
    widget = QApplication.focusWidget()
    if widget is None:
        active = QApplication.activeWindow()
        title = active.windowTitle() if active is not None else "none"
        return f"nothing has focus (active window: {title!r})"
    chain = [describe(widget)]
    parent = widget.parentWidget()
    while parent is not None:
        chain.append(describe(parent))
        parent = parent.parentWidget()
    return f"in window {widget.window().windowTitle()!r}: " + " < ".join(chain)


def _matches(target: Target) -> Callable[[QWidget], bool]:
    if isinstance(target, QWidget):
        return lambda widget: widget is target
    if isinstance(target, str):
        return lambda widget: target in (widget.accessibleName(), _text(widget))
    return target


def _name(target: Target) -> str:
    if isinstance(target, QWidget):
        return describe(target)
    return repr(target) if isinstance(target, str) else "the expected widget"


def focus_is(target: Target) -> bool:
    widget = QApplication.focusWidget()
    return widget is not None and _matches(target)(widget)


def expect_focus(
    qtbot: QtBot, target: Target, what: str, timeout_ms: int = FOCUS_WAIT_MS
) -> QWidget:
    """Wait briefly for the keyboard focus to reach ``target``; fail saying where it is."""
    try:
        qtbot.waitUntil(lambda: focus_is(target), timeout=timeout_ms)
    except qtbot.TimeoutError:
        raise AssertionError(
            f"{what}: focus should be on {_name(target)}, but it is {where_focus_is()}"
        ) from None
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """One key press where the keyboard is: an open menu (it holds the keyboard while open),
    else the focus widget (fails if nothing has focus)."""
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None, f"pressing {key!r}: {where_focus_is()}"
    QTest.keyClick(widget, key, modifiers)


def type_here(text: str) -> None:
    """Type any text into the focus widget."""
    widget = QApplication.focusWidget()
    assert widget is not None, f"typing {text!r}: {where_focus_is()}"
    type_text(widget, text)


def tab_to(qtbot, target: Target, max_tabs: int = 40, *, backwards: bool = False) -> QWidget:
    """Press Tab (Shift+Tab backwards) until focus reaches ``target``; fail with the path."""
    walked: list[str] = []
    while True:
        widget = QApplication.focusWidget()
        if widget is not None and focus_is(target):
            return widget
        if len(walked) == max_tabs:
            break
        walked.append(describe(widget))
        press(Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, SHIFT if backwards else NONE)
    path = "\n  ".join(walked)
    raise AssertionError(
        f"{max_tabs} presses of {'Shift+Tab' if backwards else 'Tab'} did not reach "
        f"{_name(target)}; now {where_focus_is()}; the path walked:\n  {path}"
    )


def back_in(qtbot: QtBot, window: QWidget) -> None:
    """A dialog has closed: its window has the keyboard again. (A window manager does this; the
    offscreen platform leaves no window active, so the test activates it, as ui_helpers does.)"""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    activate(window, qtbot)


def menu_item(qtbot: QtBot, window: QWidget, menu: Qt.Key, item: Qt.Key) -> None:
    """Alt+<menu letter> opens a menu of the window; the item's underlined letter chooses it.

    Then the keyboard is in the dialog the item opened, or back in the window. (The offscreen
    platform makes the closed menu the active window a moment later, with nothing focused,
    where a window manager would give the window back its focus: the test does that.)
    """
    press(menu, ALT)
    popup = QApplication.activePopupWidget()
    assert popup is not None, f"Alt+{menu.name} opened no menu; focus is {where_focus_is()}"
    press(item)
    qtbot.waitUntil(
        lambda: QApplication.activeWindow() in (popup, QApplication.activeModalWidget()),
        timeout=FOCUS_WAIT_MS,
    )
    if QApplication.activeWindow() is popup:
        activate(window, qtbot)


def when_modal(check: Callable[[QWidget], bool], keys: Callable[[QWidget], None]) -> QTimer:
    """Answer a dialog that blocks (``exec``) with ``keys``, once it has the keyboard.

    A blocking dialog runs its own event loop, so the keys come from a timer polling for it;
    the test then waits (``qtbot.waitUntil``) for what the answer did.
    """
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if modal is not None and check(modal) and focus is not None and focus.window() is modal:
            timer.stop()
            keys(modal)

    timer.timeout.connect(poll)
    timer.start()
    return timer


def answer_yes_when_asked() -> QTimer:
    """The next question box (Yes / Cancel, Cancel the default) is answered Yes: Alt+Y."""
    return when_modal(
        lambda modal: isinstance(modal, QMessageBox),
        lambda _modal: press(Qt.Key.Key_Y, ALT),
    )


def choose_file_when_asked(path: Path) -> QTimer:
    """The next file dialog gets the file's full name typed into it, then Enter."""

    def keys(_modal: QWidget) -> None:
        type_here(str(path))
        press(Qt.Key.Key_Return)

    return when_modal(lambda modal: isinstance(modal, QFileDialog), keys)


Keys = tuple[Qt.Key, Qt.KeyboardModifier]

# Signing and finalising, in order: each by its shortcut, or (None) by Tab to its button on the
# summary page and Space.
SIGN_AND_FINALISE: tuple[tuple[str, Keys | None], ...] = (
    ("Sign as reviewer", (Qt.Key.Key_R, ALT | SHIFT)),
    ("Sign as employee", (Qt.Key.Key_E, ALT | SHIFT)),
    ("Finalise review", (Qt.Key.Key_F, ALT | SHIFT)),
)


def sign_and_finalise(qtbot: QtBot, window: MainWindow) -> None:
    """On the open review: the summary, both signatures, Finalise and its confirmation (Yes)."""
    press(Qt.Key.Key_S, ALT)  # Summary and sign-off, from anywhere in the review
    editor = window.editor
    qtbot.waitUntil(lambda: editor.pages.currentWidget() is editor.summary)
    asked = None
    for name, keys in SIGN_AND_FINALISE:
        if name == "Finalise review":
            asked = answer_yes_when_asked()
        if keys is None:
            tab_to(qtbot, name, 60)
            press(Qt.Key.Key_Space)
        else:
            press(*keys)
    assert asked is not None
    qtbot.waitUntil(lambda: not asked.isActive())
