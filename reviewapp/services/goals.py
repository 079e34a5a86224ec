"""Development goals of a review, and the open goals a new review follows up."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from reviewapp.db import convert
from reviewapp.db.models import GoalRow, ReviewRow
from reviewapp.domain import rules
from reviewapp.domain.errors import NotFoundError
from reviewapp.domain.review import Goal, GoalDraft, GoalStatus, Review
from reviewapp.services.reviews import load_row, review_key, touch
from reviewapp.services.store import Store


def _clean(draft: GoalDraft) -> GoalDraft:
    return GoalDraft(
        description=rules.validate_text(draft.description, "description", required=True),
        success_measure=rules.validate_text(draft.success_measure, "success_measure"),
        target_date=draft.target_date,
        support=rules.validate_text(draft.support, "support"),
        status=rules.choice(GoalStatus, draft.status, "goal status"),
    )


def _apply(row: GoalRow, draft: GoalDraft) -> None:
    row.description = draft.description
    row.success_measure = draft.success_measure
    row.target_date = draft.target_date
    row.support = draft.support
    row.status = draft.status.value


class GoalService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, review_id: int, draft: GoalDraft, carried_from_id: int | None = None) -> Review:
        draft = _clean(draft)
        with self._store.transaction() as session:
            row = load_row(session, review_id, for_edit=True)
            if carried_from_id is not None and session.get(GoalRow, carried_from_id) is None:
                raise NotFoundError(f"There is no goal with id {carried_from_id} to follow up.")
            goal = GoalRow(
                uuid=str(uuid.uuid4()),
                position=max((g.position for g in row.goals), default=-1) + 1,
                carried_from_id=carried_from_id,
            )
            _apply(goal, draft)
            row.goals.append(goal)
            touch(row)
            session.flush()
            return convert.review(row)

    def update(self, review_id: int, goal_id: int, draft: GoalDraft) -> Review:
        draft = _clean(draft)
        with self._store.transaction() as session:
            row = load_row(session, review_id, for_edit=True)
            goal = next((g for g in row.goals if g.id == goal_id), None)
            if goal is None:
                raise NotFoundError(f"Goal {goal_id} is not part of this review.")
            _apply(goal, draft)
            touch(row)
            session.flush()
            return convert.review(row)

    def remove(self, review_id: int, goal_id: int) -> Review:
        with self._store.transaction() as session:
            row = load_row(session, review_id, for_edit=True)
            goal = next((g for g in row.goals if g.id == goal_id), None)
            if goal is None:
                raise NotFoundError(f"Goal {goal_id} is not part of this review.")
            row.goals.remove(goal)
            touch(row)
            session.flush()
            return convert.review(row)

    def previous_open(self, review_id: int) -> list[Goal]:
        """Goals still open in this person's latest earlier review, for follow-up."""
        with self._store.read() as session:
            row = review_key(session, review_id)
            previous = session.scalar(
                select(ReviewRow.id)
                .where(
                    ReviewRow.staff_id == row.staff_id,
                    ReviewRow.id != row.id,
                    ReviewRow.period_end <= row.period_end,
                    ReviewRow.period_start < row.period_start,
                )
                .order_by(ReviewRow.period_end.desc())
                .limit(1)
            )
            if previous is None:
                return []
            goals = session.scalars(
                select(GoalRow).where(GoalRow.review_id == previous).order_by(GoalRow.position)
            )
            return [convert.goal(g) for g in goals if GoalStatus(g.status).is_open]

    def open_for_staff(self, staff_id: int) -> list[Goal]:
        """Open goals of the person's most recent review (for the worksheet and staff page)."""
        with self._store.read() as session:
            latest = session.scalar(
                select(ReviewRow.id)
                .where(ReviewRow.staff_id == staff_id)
                .order_by(ReviewRow.period_end.desc())
                .limit(1)
            )
            if latest is None:
                return []
            goals = session.scalars(
                select(GoalRow).where(GoalRow.review_id == latest).order_by(GoalRow.position)
            )
            return [convert.goal(g) for g in goals if GoalStatus(g.status).is_open]
