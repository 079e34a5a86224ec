"""Run slow service calls off the UI thread and hand the result back to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reviewapp.domain.errors import ReviewAppError

T = TypeVar("T")


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)  # a str; object keeps a FaultMessage what it is across threads


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals, doing: str) -> None:
        super().__init__()
        self._work = work
        self._signals = signals
        self._doing = doing

    def run(self) -> None:
        try:
            result = self._work()
        except ReviewAppError as exc:
            self._signals.failed.emit(str(exc))
            return
        except Exception as exc:  # noqa: BLE001  (a fault: reported to the log and the crash dialog)
            from reviewapp.ui import crash  # imported when needed: the window paints without it

            crash.report(exc, self._doing)
            self._signals.failed.emit(crash.unexpected_failure(self._doing))
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
        *,
        doing: str = "working in the background",
    ) -> None:
        """Run ``work`` on the pool. A ReviewAppError's message goes to ``on_failed``; any other
        exception is a fault, reported to the log and the crash dialog, and ``on_failed`` gets
        a plain sentence naming what was being done ("Something went wrong while writing the
        PDF. ...")."""
        signals = _Signals()
        self._live.add(signals)
        signals.done.connect(on_done)
        signals.failed.connect(on_failed)
        signals.done.connect(lambda _result: self._live.discard(signals))
        signals.failed.connect(lambda _message: self._live.discard(signals))
        self._pool.start(_Task(work, signals, doing))

    def wait(self, msecs: int = -1) -> bool:
        """Wait for running work (used when the window closes)."""
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._live)


class LatestAnswer:
    """Lets through only the answer to the newest request, and none once its owner is deleted.

    ``guard = latest.request()`` starts a request; ``guard(handler)`` wraps that request's result
    and failure handlers. An answer to an older request, or one arriving after ``owner`` (a page
    or dialog) was deleted or ``drop()`` was called, is ignored instead of touching stale or
    deleted widgets.
    """

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._generation = 0

    def request(self) -> Callable[[Callable[[T], None]], Callable[[T], None]]:
        self._generation += 1
        generation = self._generation

        def guard(handler: Callable[[T], None]) -> Callable[[T], None]:
            def call(value: T) -> None:
                if generation == self._generation and shiboken6.isValid(self._owner):
                    handler(value)

            return call

        return guard

    def drop(self) -> None:
        """Ignore every answer still on its way."""
        self._generation += 1
