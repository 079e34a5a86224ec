"""The open review: its current state, and every change made through the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from reviewapp.domain.errors import ReviewAppError, StoreError
from reviewapp.domain.evidence import EvidenceNote
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Goal, Review
from reviewapp.services.container import Services

T = TypeVar("T")


class ReviewSession(QObject):
    """Holds the review being edited; widgets read from it and change it only through it.

    ``changed`` follows every stored change; ``saveState`` carries the words for the status bar
    ("Saved 14:02:11", or what went wrong); ``failed`` carries the error message alone.
    """

    changed = Signal()
    stored = Signal()  # a change was stored (not sent when a review is only opened or read again)
    notesChanged = Signal()
    saveState = Signal(str)
    failed = Signal(str)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.review: Review | None = None
        self.framework: Framework | None = None
        self.notes: list[EvidenceNote] = []
        self.previous_goals: list[Goal] = []
        # Whether a finalised review's stored content still gives its fingerprint; None if open.
        self.fingerprint_ok: bool | None = None
        self.last_error = ""
        self.last_exception: ReviewAppError | None = None
        self._goal_aliases: dict[int, int] = {}

    def open(self, review_id: int) -> None:
        reviews = self.services.reviews
        self.review = reviews.get(review_id)
        self.framework = reviews.framework_of(review_id)
        self.notes = self.services.evidence.for_review(review_id)
        self.previous_goals = self.services.goals.previous_open(review_id)
        self.fingerprint_ok = (
            reviews.verify_fingerprint(review_id) if self.review.is_finalised else None
        )
        self.last_error = ""
        self._goal_aliases = {}
        self.changed.emit()
        self.notesChanged.emit()

    @property
    def review_id(self) -> int:
        if self.review is None:
            raise RuntimeError("no review is open")
        return self.review.id

    @property
    def editable(self) -> bool:
        return (
            self.review is not None
            and not self.review.is_finalised
            and not self.services.access.read_only
        )

    # -- calling services ------------------------------------------------------------------------

    def _report(self, exc: ReviewAppError, kept: bool) -> None:
        message = str(exc)
        self.last_error = message
        self.last_exception = exc
        if isinstance(exc, StoreError) and kept:
            message += " Your edit is kept and will be saved again shortly."
        self.saveState.emit(f"Not saved: {message}")
        self.failed.emit(message)

    def _saved(self) -> None:
        self.last_error = ""
        self.saveState.emit(f"Saved {datetime.now():%H:%M:%S}")
        self.stored.emit()

    def apply(self, change: Callable[[int], Review], *, kept: bool = False) -> bool:
        """Run a change returning the updated review; False (and a message) when refused."""
        try:
            self.review = change(self.review_id)
        except ReviewAppError as exc:
            self._report(exc, kept)
            return False
        if self.review.is_finalised and self.fingerprint_ok is None:  # finalised just now
            self.fingerprint_ok = self.services.reviews.verify_fingerprint(self.review.id)
        self._saved()
        self.changed.emit()
        return True

    def call(self, action: Callable[[], T]) -> T | None:
        """Run any other service call, reporting a refusal; None when it failed."""
        try:
            result = action()
        except ReviewAppError as exc:
            self._report(exc, False)
            return None
        self._saved()
        return result

    def note_change(self, action: Callable[[], T]) -> T | None:
        """An evidence change: afterwards the review's notes are read again."""
        result = self.call(action)
        if result is not None:
            self.reload_notes()
        return result

    def reload_notes(self) -> None:
        self.notes = self.services.evidence.for_review(self.review_id)
        self.notesChanged.emit()

    def reload(self) -> None:
        self.open(self.review_id)

    # -- identities that change when undo puts a record back ---------------------------------------

    def note_id(self, note: EvidenceNote) -> int:
        """The current id of a note (a restored note keeps its uuid but gets a new id)."""
        for current in self.notes:
            if current.uuid == note.uuid:
                return current.id
        return note.id

    def goal_readded(self, old_id: int, new_id: int) -> None:
        self._goal_aliases[old_id] = new_id

    def goal_id(self, goal_id: int) -> int:
        while goal_id in self._goal_aliases:
            goal_id = self._goal_aliases[goal_id]
        return goal_id
