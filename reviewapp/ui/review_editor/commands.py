"""Undo commands for the open review: each change and its reverse go through the services.

Pushing a command performs it (``redo``). A command whose change the store refused marks itself
obsolete, so the undo stack never holds a change that did not happen.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from PySide6.QtGui import QUndoCommand

from reviewapp.domain.evidence import EvidenceDraft, EvidenceNote
from reviewapp.domain.review import Assessment, Goal, GoalDraft
from reviewapp.ui.review_editor.session import ReviewSession


class ServiceCommand(QUndoCommand):
    def __init__(self, session: ReviewSession, text: str) -> None:
        super().__init__(text)
        self.session = session

    def forward(self) -> bool:
        raise NotImplementedError

    def backward(self) -> bool:
        raise NotImplementedError

    def redo(self) -> None:
        if not self.forward():
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.backward():
            self.setObsolete(True)


class SetCompetencyRating(ServiceCommand):
    def __init__(self, session: ReviewSession, competency_id: int, code: str, new: Assessment):
        super().__init__(session, f"rating of {code}")
        assert session.review is not None
        self.competency_id = competency_id
        self.old = session.review.competency(competency_id).assessment
        self.new = new

    def _set(self, value: Assessment) -> bool:
        services = self.session.services
        return self.session.apply(
            lambda rid: services.reviews.set_competency(rid, self.competency_id, value)
        )

    def forward(self) -> bool:
        return self._set(self.new)

    def backward(self) -> bool:
        return self._set(self.old)


class SetIndicatorRating(ServiceCommand):
    def __init__(self, session: ReviewSession, indicator_id: int, code: str, new: Assessment):
        super().__init__(session, f"rating of {code}")
        assert session.review is not None
        self.indicator_id = indicator_id
        self.old = session.review.indicator(indicator_id)
        self.new = new

    def _set(self, value: Assessment) -> bool:
        services = self.session.services
        return self.session.apply(
            lambda rid: services.reviews.set_indicator(rid, self.indicator_id, value)
        )

    def forward(self) -> bool:
        return self._set(self.new)

    def backward(self) -> bool:
        return self._set(self.old)


class SetComment(ServiceCommand):
    def __init__(self, session: ReviewSession, competency_id: int, code: str, new: str):
        super().__init__(session, f"comment on {code}")
        assert session.review is not None
        self.competency_id = competency_id
        self.old = session.review.competency(competency_id).comment
        self.new = new

    def _set(self, text: str, kept: bool) -> bool:
        services = self.session.services
        return self.session.apply(
            lambda rid: services.reviews.set_comment(rid, self.competency_id, text), kept=kept
        )

    def forward(self) -> bool:
        return self._set(self.new, kept=True)

    def backward(self) -> bool:
        return self._set(self.old, kept=False)


class SetReviewText(ServiceCommand):
    LABELS: ClassVar[dict[str, str]] = {
        "strengths": "strengths",
        "development_areas": "development areas",
        "employee_comments": "employee comments",
    }

    def __init__(self, session: ReviewSession, field: str, new: str):
        super().__init__(session, self.LABELS.get(field, field))
        assert session.review is not None
        self.field = field
        self.old = str(getattr(session.review, field))
        self.new = new

    def _set(self, text: str, kept: bool) -> bool:
        services = self.session.services
        return self.session.apply(
            lambda rid: services.reviews.set_text(rid, self.field, text), kept=kept
        )

    def forward(self) -> bool:
        return self._set(self.new, kept=True)

    def backward(self) -> bool:
        return self._set(self.old, kept=False)


class SetOverride(ServiceCommand):
    def __init__(self, session: ReviewSession, value: int | None, reason: str):
        super().__init__(session, "overall rating override")
        assert session.review is not None
        self.old = (session.review.overall_override, session.review.override_reason)
        self.new = (value, reason)

    def _set(self, value: tuple[int | None, str]) -> bool:
        services = self.session.services
        return self.session.apply(lambda rid: services.reviews.set_override(rid, *value))

    def forward(self) -> bool:
        return self._set(self.new)

    def backward(self) -> bool:
        return self._set(self.old)


class AddNote(ServiceCommand):
    def __init__(self, session: ReviewSession, draft: EvidenceDraft):
        super().__init__(session, "add evidence note")
        self.draft = draft
        self.note: EvidenceNote | None = None

    def forward(self) -> bool:
        services = self.session.services
        staff_id = self.session.review.staff_id if self.session.review else 0
        if self.note is None:
            self.note = self.session.note_change(
                lambda: services.evidence.add(staff_id, self.draft)
            )
        else:
            deleted = self.note
            self.note = self.session.note_change(lambda: services.evidence.restore(deleted))
        return self.note is not None

    def backward(self) -> bool:
        note = self.note
        assert note is not None
        evidence = self.session.services.evidence
        note_id = self.session.note_id(note)
        return self.session.note_change(lambda: evidence.delete(note_id)) is not None


class EditNote(ServiceCommand):
    def __init__(self, session: ReviewSession, note: EvidenceNote, draft: EvidenceDraft):
        super().__init__(session, "edit evidence note")
        self.note = note
        self.old = EvidenceDraft(
            note.competency_id, note.observed_on, note.source, note.text, note.indicator_id
        )
        self.new = draft

    def _set(self, draft: EvidenceDraft) -> bool:
        evidence = self.session.services.evidence
        note_id = self.session.note_id(self.note)
        return self.session.note_change(lambda: evidence.update(note_id, draft)) is not None

    def forward(self) -> bool:
        return self._set(self.new)

    def backward(self) -> bool:
        return self._set(self.old)


class DeleteNote(ServiceCommand):
    def __init__(self, session: ReviewSession, note: EvidenceNote):
        super().__init__(session, "delete evidence note")
        self.note = note

    def forward(self) -> bool:
        evidence = self.session.services.evidence
        note_id = self.session.note_id(self.note)
        deleted = self.session.note_change(lambda: evidence.delete(note_id))
        if deleted is not None:
            self.note = deleted
        return deleted is not None

    def backward(self) -> bool:
        evidence = self.session.services.evidence
        restored = self.session.note_change(lambda: evidence.restore(self.note))
        if restored is not None:
            self.note = restored
        return restored is not None


def goal_draft(goal: Goal) -> GoalDraft:
    return GoalDraft(
        goal.description, goal.success_measure, goal.target_date, goal.support, goal.status
    )


class AddGoal(ServiceCommand):
    def __init__(
        self, session: ReviewSession, draft: GoalDraft, carried_from_id: int | None = None
    ):
        super().__init__(session, "add goal")
        self.draft = draft
        self.carried_from_id = carried_from_id
        self.goal_id: int | None = None

    def forward(self) -> bool:
        goals = self.session.services.goals
        before = {g.id for g in self.session.review.goals} if self.session.review else set()
        ok = self.session.apply(lambda rid: goals.add(rid, self.draft, self.carried_from_id))
        if ok and self.session.review is not None:
            added = next(g.id for g in self.session.review.goals if g.id not in before)
            if self.goal_id is not None:
                self.session.goal_readded(self.session.goal_id(self.goal_id), added)
            self.goal_id = added
        return ok

    def backward(self) -> bool:
        goals = self.session.services.goals
        assert self.goal_id is not None
        goal_id = self.session.goal_id(self.goal_id)
        return self.session.apply(lambda rid: goals.remove(rid, goal_id))


class EditGoal(ServiceCommand):
    def __init__(self, session: ReviewSession, goal: Goal, draft: GoalDraft):
        super().__init__(session, "edit goal")
        self.goal_id = goal.id
        self.old = goal_draft(goal)
        self.new = draft

    def _set(self, draft: GoalDraft) -> bool:
        goals = self.session.services.goals
        goal_id = self.session.goal_id(self.goal_id)
        return self.session.apply(lambda rid: goals.update(rid, goal_id, draft))

    def forward(self) -> bool:
        return self._set(self.new)

    def backward(self) -> bool:
        return self._set(self.old)


class RemoveGoal(ServiceCommand):
    def __init__(self, session: ReviewSession, goal: Goal):
        super().__init__(session, "remove goal")
        self.goal = goal

    def forward(self) -> bool:
        goals = self.session.services.goals
        goal_id = self.session.goal_id(self.goal.id)
        return self.session.apply(lambda rid: goals.remove(rid, goal_id))

    def backward(self) -> bool:
        goals = self.session.services.goals
        before = {g.id for g in self.session.review.goals} if self.session.review else set()
        draft = goal_draft(self.goal)
        ok = self.session.apply(lambda rid: goals.add(rid, draft, self.goal.carried_from_id))
        if ok and self.session.review is not None:
            added = next(g for g in self.session.review.goals if g.id not in before)
            self.session.goal_readded(self.session.goal_id(self.goal.id), added.id)
            self.goal = replace(self.goal, id=added.id)
        return ok
