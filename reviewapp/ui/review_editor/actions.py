"""Everything a person can do to the open review, as undoable commands or direct service calls."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from reviewapp.domain.errors import ValidationError
from reviewapp.domain.evidence import EvidenceDraft, EvidenceNote
from reviewapp.domain.review import Addendum, Assessment, Goal, GoalDraft, SignOffRole
from reviewapp.ui.review_editor import commands
from reviewapp.ui.review_editor.session import ReviewSession

Problem = tuple[str | None, str] | None


class ReviewActions(QObject):
    def __init__(self, session: ReviewSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self.before_undo: Callable[[], bool] = lambda: True

    # -- undo --------------------------------------------------------------------------------

    def undo(self) -> None:
        """Store any edit still being typed, then undo the last stored change."""
        if self.before_undo():
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.before_undo():
            self.undo_stack.redo()

    def _push(self, command: QUndoCommand) -> Problem:
        self.session.last_exception = None
        self.undo_stack.push(command)
        exc = self.session.last_exception
        if exc is None:
            return None
        return (exc.field if isinstance(exc, ValidationError) else None, str(exc))

    # -- ratings and text --------------------------------------------------------------------

    def _competency_code(self, competency_id: int) -> str:
        assert self.session.framework is not None
        return self.session.framework.competency(competency_id).code

    def rate_competency(self, competency_id: int, assessment: Assessment) -> bool:
        review = self.session.review
        if review is None or review.competency(competency_id).assessment == assessment:
            return True
        code = self._competency_code(competency_id)
        return (
            self._push(commands.SetCompetencyRating(self.session, competency_id, code, assessment))
            is None
        )

    def rate_indicator(self, indicator_id: int, assessment: Assessment) -> bool:
        review, framework = self.session.review, self.session.framework
        if review is None or framework is None or review.indicator(indicator_id) == assessment:
            return True
        code = framework.indicator(indicator_id)[1].code
        return (
            self._push(commands.SetIndicatorRating(self.session, indicator_id, code, assessment))
            is None
        )

    def save_comment(self, competency_id: int, text: str) -> bool:
        review = self.session.review
        if review is None or review.competency(competency_id).comment == text.strip():
            return True
        code = self._competency_code(competency_id)
        return self._push(commands.SetComment(self.session, competency_id, code, text)) is None

    def save_text(self, field: str, text: str) -> bool:
        review = self.session.review
        if review is None or getattr(review, field) == text.strip():
            return True
        return self._push(commands.SetReviewText(self.session, field, text)) is None

    def set_override(self, value: int | None, reason: str) -> Problem:
        return self._push(commands.SetOverride(self.session, value, reason))

    # -- evidence and goals ------------------------------------------------------------------

    def add_note(self, draft: EvidenceDraft) -> Problem:
        return self._push(commands.AddNote(self.session, draft))

    def edit_note(self, note: EvidenceNote, draft: EvidenceDraft) -> Problem:
        return self._push(commands.EditNote(self.session, note, draft))

    def delete_note(self, note: EvidenceNote) -> Problem:
        return self._push(commands.DeleteNote(self.session, note))

    def add_goal(self, draft: GoalDraft, carried_from_id: int | None = None) -> Problem:
        return self._push(commands.AddGoal(self.session, draft, carried_from_id))

    def edit_goal(self, goal: Goal, draft: GoalDraft) -> Problem:
        return self._push(commands.EditGoal(self.session, goal, draft))

    def remove_goal(self, goal: Goal) -> Problem:
        return self._push(commands.RemoveGoal(self.session, goal))

    # -- signing, finalising, addenda (records, not undoable) ----------------------------------

    def sign_off(self, role: SignOffRole, name: str, signed_on: date, statement: str) -> Problem:
        reviews = self.session.services.reviews
        return self._direct(lambda rid: reviews.sign_off(rid, role, name, signed_on, statement))

    def withdraw_sign_off(self, role: SignOffRole) -> Problem:
        reviews = self.session.services.reviews
        return self._direct(lambda rid: reviews.withdraw_sign_off(rid, role))

    def finalise(self) -> Problem:
        reviews = self.session.services.reviews
        problem = self._direct(reviews.finalise)
        if problem is None:
            self.undo_stack.clear()
            self.session.reload()
        return problem

    def add_addendum(self, author: str, written_on: date, text: str) -> Problem:
        reviews = self.session.services.reviews
        self.session.last_exception = None
        added: Addendum | None = self.session.call(
            lambda: reviews.add_addendum(self.session.review_id, author, written_on, text)
        )
        if added is None:
            return self._problem()
        self.session.reload()
        return None

    def _direct(self, change: Callable[..., object]) -> Problem:
        self.session.last_exception = None
        if self.session.apply(change):  # type: ignore[arg-type]
            return None
        return self._problem()

    def _problem(self) -> Problem:
        exc = self.session.last_exception
        if exc is None:
            return None
        return (exc.field if isinstance(exc, ValidationError) else None, str(exc))
