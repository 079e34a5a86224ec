"""Run in a fresh process: show a main window, report when it is first painted and the memory.

    python bench/startup_harness.py bare
    python bench/startup_harness.py bare-orm
    python bench/startup_harness.py app DATABASE

``bare`` shows an empty PySide6 QMainWindow (the floor); ``bare-orm`` imports SQLAlchemy's ORM
first (the stack's database layer, which the app cannot paint its data without); ``app``
starts reviewapp the way its launcher does (reviewapp.app.main) on DATABASE. Each way prints
one JSON line:
``painted`` (wall-clock time.time() when the first paint pass of the main window finished),
``rss_mb`` and ``hwm_mb`` (resident and peak resident memory from /proc/self/status, read once
the window has been idle for SETTLE_MS), ``cpu_ms`` (processor time used until painted, all
threads: less sensitive than wall time to other work on a shared machine) and ``imported``
(time when Qt was imported). The
caller notes time.time() just before starting the process, so the difference is process start
to painted window, interpreter start-up included, the same for both.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

SETTLE_MS = 1_500

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import QtCore, QtWidgets  # noqa: E402

IMPORTED = time.time()


def _status_mb(name: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(name + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


class PaintWatcher(QtCore.QObject):
    """An application-wide event filter that notices the main window's first paint."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: float | None = None
        self.cpu = 0.0

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (
            self.painted is None
            and event.type() == QtCore.QEvent.Type.Paint
            and isinstance(watched, QtWidgets.QWidget)
            and isinstance(watched.window(), QtWidgets.QMainWindow)
        ):
            self.painted = -1.0
            # The rest of this paint pass (the window's children) runs before a zero timer.
            QtCore.QTimer.singleShot(0, self._after_paint)
        return False

    def _after_paint(self) -> None:
        self.painted = time.time()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.cpu = usage.ru_utime + usage.ru_stime
        app = QtWidgets.QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        QtCore.QTimer.singleShot(SETTLE_MS, self._report)

    def _report(self) -> None:
        result = {
            "imported": IMPORTED,
            "painted": self.painted,
            "cpu_ms": self.cpu * 1000,
            "rss_mb": _status_mb("VmRSS"),
            "hwm_mb": _status_mb("VmHWM"),
        }
        print(json.dumps(result), flush=True)
        os._exit(0)  # measured; skip shutdown (both sides alike)


WATCHER = PaintWatcher()
_QApplication = QtWidgets.QApplication


class WatchedApplication(_QApplication):  # type: ignore[misc]
    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.installEventFilter(WATCHER)


def bare(orm: bool = False) -> int:
    if orm:
        import sqlalchemy.orm  # noqa: F401
    app = WatchedApplication(sys.argv[:1])
    window = QtWidgets.QMainWindow()
    window.setWindowTitle("reviewapp")
    window.resize(1280, 800)
    window.show()
    return app.exec()


def reviewapp_main(database: str) -> int:
    # Patch before reviewapp imports Qt names, so its QApplication is the watched one.
    QtWidgets.QApplication = WatchedApplication  # type: ignore[misc]
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
