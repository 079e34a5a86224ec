"""Run in a fresh process by test_progressive_start.py: start the app as ``python -m reviewapp
--db FILE`` does, note which modules are loaded when the main window first paints, wait until the
database is attached, close the window, and print one JSON line.

    python start_probe.py DATABASE
"""

from __future__ import annotations

import json
import sys

from PySide6 import QtCore, QtWidgets

HEAVY = ("sqlalchemy", "alembic", "reportlab", "reviewapp.db", "reviewapp.report")
NO_SERVICES_YET = "reviewapp.services."
ALLOWED_SERVICES = ("reviewapp.services.quick_check",)  # stdlib only


class Probe(QtCore.QObject):
    def __init__(self) -> None:
        super().__init__()
        self.window: QtWidgets.QMainWindow | None = None
        self.at_paint: dict[str, object] = {}
        self.timer = QtCore.QTimer(self)
        self.timer.timeout.connect(self._poll)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.Paint and watched is self.window:
            watched.removeEventFilter(self)
            loaded = [
                name
                for name in sys.modules
                if name.startswith(HEAVY)
                or (name.startswith(NO_SERVICES_YET) and name not in ALLOWED_SERVICES)
            ]
            self.at_paint = {
                "heavy": sorted(loaded),
                "attached": watched.attached,
                "opening": watched.opening_label.text(),
                "add_staff_enabled": watched.window_actions.add_staff.isEnabled(),
            }
            self.timer.start(20)
        return False

    def _poll(self) -> None:
        window = self.window
        if window is None or not window.attached or window.staff_list.loading:
            return
        self.timer.stop()
        self.at_paint["attached_later"] = True
        self.at_paint["database_label"] = window.database_label.text()
        window.close()  # the app then waits for the daily backup and makes the closing one


PROBE = Probe()
_show = QtWidgets.QWidget.show


def _watched_show(widget: QtWidgets.QWidget) -> None:
    if isinstance(widget, QtWidgets.QMainWindow) and PROBE.window is None:
        PROBE.window = widget
        widget.installEventFilter(PROBE)
    _show(widget)


if __name__ == "__main__":
    QtWidgets.QWidget.show = _watched_show  # type: ignore[method-assign]
    from reviewapp import cli

    code = cli.main(["--db", sys.argv[1]])
    print(json.dumps({"code": code, **PROBE.at_paint}), flush=True)
