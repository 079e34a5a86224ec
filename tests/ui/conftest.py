"""UI fixtures: a main window over a fresh database, with settings in a temporary INI file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_prompts import answers  # noqa: F401  (the fixture: file dialogs and viewer, faked)
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewapp.services.container import Services
from reviewapp.ui.main_window import MainWindow

# The offscreen platform used by the tests cannot pass size hints to a window system and says so
# whenever a shown window's minimum size changes; on a real display (xcb, Windows) it is silent.
OFFSCREEN_ONLY_WARNING = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_ONLY_WARNING))


@pytest.fixture(autouse=True)
def no_blocking_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A warning box nobody expected would block the test run: fail with its text instead."""

    def unexpected(_parent: object, title: str, text: str, *_args: object) -> None:
        raise AssertionError(f"unexpected message box {title!r}: {text}")

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "reviewapp-ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, qsettings: QSettings) -> Iterator:
    """Open a main window on a database; closes it (flushing edits) at the end."""
    opened: list[MainWindow] = []

    def make(services: Services) -> MainWindow:
        window = MainWindow(services, qsettings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.waitUntil(lambda: not window.staff_list.loading)
        opened.append(window)
        return window

    yield make
    for window in opened:
        if window.isVisible():
            window.close()
        window.tasks.wait()


@pytest.fixture
def window(make_window, services: Services) -> MainWindow:
    return make_window(services)
