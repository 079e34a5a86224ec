"""Checked reading of the records in a review package: staff, notes, reviews and their parts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from reviewapp.domain.evidence import EvidenceSource
from reviewapp.domain.framework import Framework
from reviewapp.domain.package_format import (
    FrameworkRef,
    PackagedAddendum,
    PackagedGoal,
    PackagedNote,
    PackagedRating,
    PackagedReview,
    PackagedSnapshot,
    PackagedStaff,
)
from reviewapp.domain.package_values import (
    CODE,
    GOAL_FIELDS,
    HEX64,
    NAME,
    NOTE_FIELDS,
    REVIEW_FIELDS,
    SHORT,
    SNAPSHOT_FIELDS,
    STAFF_FIELDS,
    Reader,
)
from reviewapp.domain.review import GoalStatus, ReviewStatus, ReviewType, SignOff, SignOffRole
from reviewapp.domain.rules import MAX_TEXT_LENGTH as TEXT


class RecordReader(Reader):
    # -- records ---------------------------------------------------------------------------------

    def staff(self, value: Any, path: str) -> PackagedStaff | None:
        d = self.record(value, path, STAFF_FIELDS)
        if d is None:
            return None
        return PackagedStaff(
            uuid=self.uuid(d, "uuid", path),
            employee_number=self.text(d, "employee_number", path, limit=50, blank=False),
            name=self.text(d, "name", path, limit=NAME, blank=False),
            preferred_name=self.text(d, "preferred_name", path, limit=NAME),
            position=self.text(d, "position", path, limit=NAME),
            branch=self.text(d, "branch", path, limit=NAME),
            start_date=self.day(d, "start_date", path, required=False),
            email=self.text(d, "email", path, limit=254),
            active=self.flag(d, "active", path),
        )

    def note(self, value: Any, path: str) -> PackagedNote | None:
        d = self.record(value, path, NOTE_FIELDS)
        if d is None:
            return None
        indicator = d.get("indicator")
        return PackagedNote(
            uuid=self.uuid(d, "uuid", path),
            staff=self.uuid(d, "staff", path),
            framework=self.framework_ref(d, path),
            competency=self.text(d, "competency", path, limit=CODE, blank=False),
            indicator=None if indicator is None else self.text(d, "indicator", path, limit=CODE),
            observed_on=self.day(d, "observed_on", path, required=True) or date.min,
            source=self.choice(d, "source", path, EvidenceSource) or EvidenceSource.OTHER,
            text=self.text(d, "text", path, limit=TEXT, blank=False),
            created_at=self.moment(d, "created_at", path) or datetime.min,
            updated_at=self.moment(d, "updated_at", path) or datetime.min,
        )

    def ratings(self, d: dict[str, Any], key: str, path: str) -> tuple[PackagedRating, ...]:
        result: list[PackagedRating] = []
        seen: set[str] = set()
        fields = ("code", "rating", "not_observed") + (
            ("comment",) if key == "competencies" else ()
        )
        for n, value in enumerate(self.array(d, key, path, 2_000)):
            where = f"{path}.{key}[{n}]"
            r = self.record(value, where, fields)
            if r is None:
                continue
            code = self.text(r, "code", where, limit=CODE, blank=False)
            if code in seen:
                self.problem(f"{where}.code", f"{code!r} is rated twice")
            seen.add(code)
            rating = self.integer(r, "rating", where, 1, 9, nullable=True)
            not_observed = self.flag(r, "not_observed", where)
            if rating is not None and not_observed:
                self.problem(where, "cannot be both a rating and 'not observed'")
            comment = self.text(r, "comment", where, limit=TEXT) if "comment" in fields else ""
            result.append(PackagedRating(code, rating, not_observed, comment))
        return tuple(result)

    def goals(self, d: dict[str, Any], path: str) -> tuple[PackagedGoal, ...]:
        result: list[PackagedGoal] = []
        for n, value in enumerate(self.array(d, "goals", path, 200)):
            where = f"{path}.goals[{n}]"
            g = self.record(value, where, GOAL_FIELDS)
            if g is None:
                continue
            result.append(
                PackagedGoal(
                    uuid=self.uuid(g, "uuid", where),
                    position=self.integer(g, "position", where, 0, 10_000, nullable=False) or 0,
                    description=self.text(g, "description", where, limit=TEXT, blank=False),
                    success_measure=self.text(g, "success_measure", where, limit=TEXT),
                    target_date=self.day(g, "target_date", where, required=False),
                    support=self.text(g, "support", where, limit=TEXT),
                    status=self.choice(g, "status", where, GoalStatus) or GoalStatus.OPEN,
                    carried_from=self.uuid(g, "carried_from", where, nullable=True) or None,
                )
            )
        return tuple(result)

    def signoffs(self, d: dict[str, Any], path: str) -> tuple[SignOff, ...]:
        result: list[SignOff] = []
        for n, value in enumerate(self.array(d, "signoffs", path, 2)):
            where = f"{path}.signoffs[{n}]"
            s = self.record(value, where, ("role", "name", "signed_on", "statement"))
            if s is None:
                continue
            role = self.choice(s, "role", where, SignOffRole)
            if role is not None and any(x.role == role for x in result):
                self.problem(f"{where}.role", f"there are two {role.value} sign-offs")
            result.append(
                SignOff(
                    role or SignOffRole.REVIEWER,
                    self.text(s, "name", where, limit=NAME, blank=False),
                    self.day(s, "signed_on", where, required=True) or date.min,
                    self.text(s, "statement", where, limit=SHORT),
                )
            )
        return tuple(result)

    def addenda(self, d: dict[str, Any], path: str) -> tuple[PackagedAddendum, ...]:
        result: list[PackagedAddendum] = []
        fields = ("uuid", "author", "written_on", "text", "created_at")
        for n, value in enumerate(self.array(d, "addenda", path, 200)):
            where = f"{path}.addenda[{n}]"
            a = self.record(value, where, fields)
            if a is not None:
                result.append(
                    PackagedAddendum(
                        self.uuid(a, "uuid", where),
                        self.text(a, "author", where, limit=NAME, blank=False),
                        self.day(a, "written_on", where, required=True) or date.min,
                        self.text(a, "text", where, limit=TEXT, blank=False),
                        self.moment(a, "created_at", where) or datetime.min,
                    )
                )
        return tuple(result)

    def snapshot(self, d: dict[str, Any], path: str) -> PackagedSnapshot | None:
        if d.get("snapshot") is None:
            return None
        where = f"{path}.snapshot"
        s = self.record(d["snapshot"], where, SNAPSHOT_FIELDS)
        if s is None:
            return None
        return PackagedSnapshot(
            self.text(s, "staff_name", where, limit=NAME, blank=False),
            self.text(s, "employee_number", where, limit=50, blank=False),
            self.text(s, "position", where, limit=NAME),
            self.text(s, "branch", where, limit=NAME),
        )

    def review(self, value: Any, path: str) -> PackagedReview | None:
        d = self.record(value, path, REVIEW_FIELDS)
        if d is None:
            return None
        fingerprint = d.get("fingerprint")
        if fingerprint is not None and not (
            isinstance(fingerprint, str) and HEX64.match(fingerprint)
        ):
            self.problem(f"{path}.fingerprint", "must be 64 lowercase hexadecimal digits or null")
            fingerprint = None
        review = PackagedReview(
            uuid=self.uuid(d, "uuid", path),
            staff=self.uuid(d, "staff", path),
            framework=self.framework_ref(d, path),
            reviewer_name=self.text(d, "reviewer_name", path, limit=NAME, blank=False),
            review_type=self.choice(d, "review_type", path, ReviewType) or ReviewType.OTHER,
            period_start=self.day(d, "period_start", path, required=True) or date.min,
            period_end=self.day(d, "period_end", path, required=True) or date.min,
            meeting_date=self.day(d, "meeting_date", path, required=False),
            status=self.choice(d, "status", path, ReviewStatus) or ReviewStatus.DRAFT,
            competencies=self.ratings(d, "competencies", path),
            indicators=self.ratings(d, "indicators", path),
            overall_override=self.integer(d, "overall_override", path, 1, 9, nullable=True),
            override_reason=self.text(d, "override_reason", path, limit=SHORT),
            strengths=self.text(d, "strengths", path, limit=TEXT),
            development_areas=self.text(d, "development_areas", path, limit=TEXT),
            employee_comments=self.text(d, "employee_comments", path, limit=TEXT),
            goals=self.goals(d, path),
            signoffs=self.signoffs(d, path),
            addenda=self.addenda(d, path),
            snapshot=self.snapshot(d, path),
            fingerprint=fingerprint,
            finalised_at=self.moment(d, "finalised_at", path, required=False),
            created_at=self.moment(d, "created_at", path) or datetime.min,
            updated_at=self.moment(d, "updated_at", path) or datetime.min,
        )
        self._review_rules(review, path)
        return review

    def _review_rules(self, r: PackagedReview, path: str) -> None:
        if r.period_end <= r.period_start and r.period_start != date.min:
            self.problem(f"{path}.period_end", "must be after period_start")
        if r.overall_override is not None and not r.override_reason.strip():
            self.problem(f"{path}.override_reason", "must give the reason for the override")
        finalised = r.status == ReviewStatus.FINALISED
        for key, present in (
            ("fingerprint", r.fingerprint is not None),
            ("snapshot", r.snapshot is not None),
            ("finalised_at", r.finalised_at is not None),
        ):
            if finalised and not present:
                self.problem(f"{path}.{key}", "is required for a finalised review")
            elif present and not finalised:
                self.problem(f"{path}.{key}", "must be null unless the review is finalised")
        if r.addenda and not finalised:
            self.problem(f"{path}.addenda", "only a finalised review has addenda")

    # -- references ------------------------------------------------------------------------------

    def _framework(
        self, ref: FrameworkRef, path: str, frameworks: dict[FrameworkRef, Framework]
    ) -> Framework | None:
        found = frameworks.get(ref)
        if found is None:
            self.problem(f"{path}.framework", f"{ref[0]} version {ref[1]} is not in the package")
        return found

    def check_note_refs(
        self,
        path: str,
        note: PackagedNote,
        staff: set[str],
        frameworks: dict[FrameworkRef, Framework],
    ) -> None:
        if note.staff not in staff:
            self.problem(f"{path}.staff", "is not one of the package's staff members")
        framework = self._framework(note.framework, path, frameworks)
        if framework is None:
            return
        competency = next((c for c in framework.competencies if c.code == note.competency), None)
        if competency is None:
            self.problem(f"{path}.competency", f"{note.competency!r} is not in the framework")
        elif note.indicator and note.indicator not in {i.code for i in competency.indicators}:
            self.problem(f"{path}.indicator", f"{note.indicator!r} is not in that competency")

    def check_review_refs(
        self,
        path: str,
        review: PackagedReview,
        staff: set[str],
        frameworks: dict[FrameworkRef, Framework],
    ) -> None:
        if review.staff not in staff:
            self.problem(f"{path}.staff", "is not one of the package's staff members")
        framework = self._framework(review.framework, path, frameworks)
        if framework is None:
            return
        scale = framework.scale.values
        codes = {c.code for c in framework.competencies}
        indicator_codes = {i.code for c in framework.competencies for i in c.indicators}
        for key, known, ratings in (
            ("competencies", codes, review.competencies),
            ("indicators", indicator_codes, review.indicators),
        ):
            for n, rating in enumerate(ratings):
                if rating.code not in known:
                    self.problem(
                        f"{path}.{key}[{n}].code", f"{rating.code!r} is not in the framework"
                    )
                if rating.rating is not None and rating.rating not in scale:
                    self.problem(f"{path}.{key}[{n}].rating", "is not on the framework's scale")
        if review.overall_override is not None and review.overall_override not in scale:
            self.problem(f"{path}.overall_override", "is not on the framework's scale")
