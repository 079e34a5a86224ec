"""Run slow service calls off the UI thread and hand the result back to it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reviewapp.domain.errors import ReviewAppError

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except ReviewAppError as exc:
            self._signals.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug in a worker must still reach the window
            log.exception("background task failed")
            self._signals.failed.emit(f"Something went wrong while loading ({exc!r}).")
            return
        self._signals.done.emit(result)


class TaskRunner(QObject):
    """A small thread pool; results arrive through queued signals on the UI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._live: set[_Signals] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
    ) -> None:
        signals = _Signals()
        self._live.add(signals)
        signals.done.connect(on_done)
        signals.failed.connect(on_failed)
        signals.done.connect(lambda _result: self._live.discard(signals))
        signals.failed.connect(lambda _message: self._live.discard(signals))
        self._pool.start(_Task(work, signals))

    def wait(self, msecs: int = -1) -> bool:
        """Wait for running work (used when the window closes)."""
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._live)
