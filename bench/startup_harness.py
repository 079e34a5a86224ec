"""Run in a fresh process: show a main window, report when it is first painted and the memory.

    python bench/startup_harness.py bare
    python bench/startup_harness.py bare-orm
    python bench/startup_harness.py app DATABASE

``bare`` shows an empty PySide6 QMainWindow (the floor); ``bare-orm`` imports SQLAlchemy's ORM
first (the stack's database layer, which the app cannot paint its data without); ``app``
starts reviewapp the way its launcher does (reviewapp.app.main) on DATABASE. Each way prints
one JSON line:
``painted`` (wall-clock time.time() when the first paint pass of the main window finished),
``ready`` (when the window shows the data: for ``app``, the database attached and the staff
list filled; for the bare window, the same as ``painted``),
``rss_mb`` and ``hwm_mb`` (resident and peak resident memory from /proc/self/status, read once
the window has been ready, its daily backup (if one was due) made, and idle for SETTLE_MS),
``cpu_ms`` (processor time used until
painted, all threads: less sensitive than wall time to other work on a shared machine) and
``imported`` (time when Qt was imported). The caller notes time.time() just before starting the
process, so the difference is process start to painted window, interpreter start-up included,
the same for both.

The paint is seen by an event filter on the main window alone, installed as it is shown. (An
application-wide filter written in Python would have every event of every widget pass through
Python before the first paint, a cost that only exists under measurement and grows with the
number of widgets, so it would weigh on a real window and hardly on the bare one.)
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

SETTLE_MS = 1_500
READY_POLL_MS = 10

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import QtCore, QtWidgets  # noqa: E402

IMPORTED = time.time()


def _status_mb(name: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(name + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _filled(window: QtWidgets.QMainWindow) -> bool:
    """reviewapp's window shows its data: the database attached and the staff list loaded."""
    if not getattr(window, "attached", True):
        return False
    staff_list = getattr(window, "staff_list", None)
    return staff_list is None or not staff_list.loading


def _backing_up(window: QtWidgets.QMainWindow) -> bool:
    """reviewapp makes its daily backup in the background once the data shows."""
    startup = window.findChild(QtCore.QObject, "startup")
    return bool(getattr(startup, "backing_up", False))


class PaintWatcher(QtCore.QObject):
    """An event filter on the main window that notices its first paint."""

    def __init__(self) -> None:
        super().__init__()
        self.window: QtWidgets.QMainWindow | None = None
        self.painted: float | None = None
        self.ready: float | None = None
        self.cpu = 0.0
        self._settling = False
        self._poll = QtCore.QTimer(self)
        self._poll.setInterval(READY_POLL_MS)
        self._poll.timeout.connect(self._check_ready)

    def watch(self, window: QtWidgets.QMainWindow) -> None:
        if self.window is None:
            self.window = window
            window.installEventFilter(self)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (
            self.painted is None
            and watched is self.window
            and event.type() == QtCore.QEvent.Type.Paint
        ):
            self.painted = -1.0
            # The rest of this paint pass (the window's children) runs before a zero timer.
            QtCore.QTimer.singleShot(0, self._after_paint)
        return False

    def _after_paint(self) -> None:
        self.painted = time.time()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.cpu = usage.ru_utime + usage.ru_stime
        if self.window is not None:
            self.window.removeEventFilter(self)
        self._check_ready()
        if not self._settling:
            self._poll.start()

    def _check_ready(self) -> None:
        if self.window is None or self._settling:
            return
        if self.ready is None and _filled(self.window):
            self.ready = time.time()
        if self.ready is not None and not _backing_up(self.window):
            self._settling = True
            self._poll.stop()
            QtCore.QTimer.singleShot(SETTLE_MS, self._report)

    def _report(self) -> None:
        result = {
            "imported": IMPORTED,
            "painted": self.painted,
            "ready": self.ready,
            "cpu_ms": self.cpu * 1000,
            "rss_mb": _status_mb("VmRSS"),
            "hwm_mb": _status_mb("VmHWM"),
        }
        print(json.dumps(result), flush=True)
        os._exit(0)  # measured; skip shutdown (both sides alike)


WATCHER = PaintWatcher()
_show = QtWidgets.QWidget.show


def _watched_show(widget: QtWidgets.QWidget) -> None:
    if isinstance(widget, QtWidgets.QMainWindow):
        WATCHER.watch(widget)
    _show(widget)


QtWidgets.QWidget.show = _watched_show  # type: ignore[method-assign]


def bare(orm: bool = False) -> int:
    if orm:
        import sqlalchemy.orm  # noqa: F401
    app = QtWidgets.QApplication(sys.argv[:1])
    window = QtWidgets.QMainWindow()
    window.setWindowTitle("reviewapp")
    window.resize(1280, 800)
    window.show()
    return app.exec()


def reviewapp_main(database: str) -> int:
    from reviewapp.app import main

    return int(main(database) or 0)


if __name__ == "__main__":
    if sys.argv[1:2] == ["bare"]:
        sys.exit(bare())
    if sys.argv[1:2] == ["bare-orm"]:
        sys.exit(bare(orm=True))
    if sys.argv[1:2] == ["app"] and len(sys.argv) == 3:
        sys.exit(reviewapp_main(sys.argv[2]))
    sys.exit(__doc__)
