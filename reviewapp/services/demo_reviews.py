"""Invent a demo person's reviews: periods, status, ratings, goals, sign-offs and fingerprints.

A finalised review gets exactly what ReviewService.finalise would store: snapshots of the staff
record, the notes of its period frozen by it (unless an earlier-finalised review froze them) and
the fingerprint of its content, computed on the same domain objects the service would build.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reviewapp.domain.framework import Framework
from reviewapp.domain.review import (
    DEFAULT_STATEMENTS,
    Goal,
    GoalStatus,
    Review,
    ReviewStatus,
    ReviewType,
    SignOff,
    SignOffRole,
)
from reviewapp.services import demo_text
from reviewapp.services.demo_build import Batch, Ids, Person, at
from reviewapp.services.demo_ratings import assess, override, prose
from reviewapp.services.demo_rows import add_finalisation, add_review

_LATE = 400  # days: a review whose period ended more recently may still be waiting
_OUTCOMES = (GoalStatus.ACHIEVED, GoalStatus.IN_PROGRESS, GoalStatus.NOT_ACHIEVED)
_OUTCOME_WEIGHTS = (55, 22, 13)


@dataclass(frozen=True)
class Period:
    type: ReviewType
    start: date
    end: date


class ReviewPlanner:
    def __init__(
        self, rng: random.Random, framework: Framework, today: date, first_year: int, ids: Ids
    ) -> None:
        self.rng = rng
        self.ids = ids
        self.framework = framework
        self.today = today
        self.first_year = first_year

    def periods(self, person: Person) -> list[Period]:
        """Probation for new starters, an annual review a year, the odd mid-year review."""
        rng, today = self.rng, self.today
        periods = []
        if person.start >= date(self.first_year, 1, 1):
            periods.append(
                Period(ReviewType.PROBATIONARY, person.start, person.start + timedelta(182))
            )
        last_year = person.leave.year - 1 if person.leave else today.year
        for year in range(max(self.first_year, person.start.year), last_year + 1):
            start = max(date(year, 1, 1), person.start)
            if start > date(year, 10, 1) or start > today:
                continue
            periods.append(Period(ReviewType.ANNUAL, start, date(year, 12, 31)))
            if start == date(year, 1, 1) and rng.random() < 0.12:
                periods.append(Period(ReviewType.MID_YEAR, start, date(year, 6, 30)))
        return sorted(periods, key=lambda p: (p.end, p.type.value))

    def _status(self, person: Person, period: Period, meeting: date) -> ReviewStatus:
        rng, today = self.rng, self.today
        if person.leave is not None or (
            meeting <= today and ((today - period.end).days > _LATE or rng.random() > 0.04)
        ):
            return ReviewStatus.FINALISED
        if period.end < today:
            return ReviewStatus.IN_PROGRESS if rng.random() < 0.85 else ReviewStatus.DRAFT
        return ReviewStatus.IN_PROGRESS if rng.random() < 0.65 else ReviewStatus.DRAFT

    def plan(self, person: Person, batch: Batch) -> None:
        """Add the person's reviews to the batch, and which notes each finalised one freezes."""
        finalised: list[tuple[datetime, int, Period]] = []
        open_goals: list[Goal] = []
        for period in self.periods(person):
            after = (0, 14) if period.type == ReviewType.PROBATIONARY else (10, 55)
            meeting = period.end + timedelta(self.rng.randint(*after))
            if person.leave is not None:
                meeting = min(meeting, person.leave)
            status = self._status(person, period, meeting)
            review_id, done, goals = self._review(
                person, period, meeting, status, open_goals, batch
            )
            if status != ReviewStatus.DRAFT:
                open_goals = [g for g in goals if g.status.is_open]
            if done is not None:
                finalised.append((done, review_id, period))
        for _done, review_id, period in sorted(finalised):
            batch.freeze.append(
                {
                    "b_review": review_id,
                    "b_staff": person.id,
                    "b_start": period.start,
                    "b_end": period.end,
                }
            )

    def _review(
        self,
        person: Person,
        period: Period,
        meeting: date,
        status: ReviewStatus,
        open_goals: list[Goal],
        batch: Batch,
    ) -> tuple[int, datetime | None, tuple[Goal, ...]]:
        rng, today, framework = self.rng, self.today, self.framework
        review_id = self.ids.next_review()
        reviewer = person.branch.manager(period.end.year)
        service_years = max(0, period.end.year - max(person.start.year, self.first_year))
        level = person.ability + min(0.15, 0.04 * service_years) + rng.gauss(0, 0.05)
        competencies, indicators = assess(rng, framework, person, level, status)
        value, reason = (None, "")
        if status == ReviewStatus.FINALISED and rng.random() < 0.025:
            value, reason = override(rng, framework, competencies)
        strengths, development = ("", "")
        if status == ReviewStatus.FINALISED or (competencies and rng.random() < 0.4):
            strengths, development = prose(rng, person, competencies)
        comments = ""
        if status == ReviewStatus.FINALISED and rng.random() < 0.55:
            comments = rng.choice(demo_text.EMPLOYEE_COMMENTS)
        goals = self._goals(period, status, open_goals) if status != ReviewStatus.DRAFT else ()
        signoffs = self._signoffs(person, reviewer, meeting, status)
        created_day = max(period.start, period.end - timedelta(45))
        if created_day > today:
            created_day = period.start + timedelta(rng.randrange((today - period.start).days + 1))
        created = at(created_day, rng, 8, 12)
        finalised_at = None
        if status == ReviewStatus.FINALISED:
            finalised_at = at(max(s.signed_on for s in signoffs), rng, 13, 17)
            updated = finalised_at
        else:
            updated = created + timedelta(days=rng.randrange(40), minutes=rng.randrange(1, 300))
            if updated.date() > today:
                updated = created
        review = Review(
            id=review_id,
            uuid=self.ids.uuid(),
            staff_id=person.id,
            staff_name=person.name,
            employee_number=person.employee_number,
            staff_position=person.position,
            branch_name=person.branch.name,
            reviewer_name=reviewer,
            review_type=period.type,
            period_start=period.start,
            period_end=period.end,
            meeting_date=meeting if status != ReviewStatus.DRAFT or rng.random() < 0.5 else None,
            status=status,
            framework_id=framework.id,
            competencies=competencies,
            indicators=indicators,
            overall_override=value,
            override_reason=reason,
            strengths=strengths,
            development_areas=development,
            employee_comments=comments,
            goals=goals,
            signoffs=signoffs,
            addenda=(),
            fingerprint=None,
            finalised_at=finalised_at,
            created_at=created,
            updated_at=updated,
        )
        self._store(person, review, batch)
        return review_id, finalised_at, goals

    def _goals(
        self, period: Period, status: ReviewStatus, open_goals: list[Goal]
    ) -> tuple[Goal, ...]:
        """Open goals of the previous review followed up (60%), and new ones."""
        rng = self.rng
        final = status == ReviewStatus.FINALISED
        goals: list[Goal] = []
        for previous in open_goals:
            if rng.random() > 0.6:
                continue
            if final:
                outcome = rng.choices(_OUTCOMES, weights=_OUTCOME_WEIGHTS)[0]
            else:
                outcome = rng.choice((GoalStatus.OPEN, GoalStatus.IN_PROGRESS))
            goals.append(
                Goal(
                    self.ids.next_goal(),
                    self.ids.uuid(),
                    len(goals),
                    previous.description,
                    previous.success_measure,
                    previous.target_date,
                    previous.support,
                    outcome,
                    carried_from_id=previous.id,
                )
            )
        if final:
            count = rng.randint(1, 3) if period.type != ReviewType.MID_YEAR else rng.randint(0, 1)
        else:
            count = rng.randint(1, 2) if rng.random() < 0.5 else 0
        for description, measure, support in rng.sample(demo_text.GOALS, count):
            target = period.end + timedelta(rng.randint(150, 365))
            goals.append(
                Goal(
                    self.ids.next_goal(),
                    self.ids.uuid(),
                    len(goals),
                    description,
                    measure,
                    target,
                    support,
                    GoalStatus.OPEN,
                )
            )
        return tuple(goals)

    def _signoffs(
        self, person: Person, reviewer: str, meeting: date, status: ReviewStatus
    ) -> tuple[SignOff, ...]:
        rng, today = self.rng, self.today
        if status == ReviewStatus.DRAFT:
            return ()
        reviewer_signs = status == ReviewStatus.FINALISED or (
            meeting <= today and rng.random() < 0.25
        )
        if not reviewer_signs:
            return ()
        signoffs = [
            SignOff(
                SignOffRole.REVIEWER, reviewer, meeting, DEFAULT_STATEMENTS[SignOffRole.REVIEWER]
            )
        ]
        if status == ReviewStatus.FINALISED and rng.random() < 0.94:
            signed = min(today, meeting + timedelta(rng.randint(0, 7)))
            if person.leave is not None:
                signed = min(signed, person.leave)
            statement = DEFAULT_STATEMENTS[SignOffRole.EMPLOYEE]
            signoffs.append(SignOff(SignOffRole.EMPLOYEE, person.name, signed, statement))
        return tuple(signoffs)

    def _store(self, person: Person, review: Review, batch: Batch) -> None:
        add_review(batch, review)
        if review.status != ReviewStatus.FINALISED:
            return
        span = person.notes_between(review.period_start, review.period_end)
        add_finalisation(batch, self.framework, review, [person.notes[i] for i in span])
        rng = self.rng
        assert review.finalised_at is not None
        if rng.random() < 0.02:
            written = review.finalised_at.date() + timedelta(rng.randint(5, 90))
            if written <= self.today:
                batch.addenda.append(
                    {
                        "uuid": self.ids.uuid(),
                        "review_id": review.id,
                        "author": rng.choice((review.reviewer_name, "Human Resources")),
                        "written_on": written,
                        "text": rng.choice(demo_text.ADDENDA),
                        "created_at": at(written, rng),
                    }
                )
