"""A fully filled review built in memory, shared by the report tests and bench/bench_pdf.py."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

from reviewapp.domain.evidence import EvidenceNote, EvidenceSource
from reviewapp.domain.framework import Framework
from reviewapp.domain.framework_file import parse_framework
from reviewapp.domain.review import (
    DEFAULT_STATEMENTS,
    NOT_OBSERVED,
    Addendum,
    Assessment,
    CompetencyAssessment,
    Goal,
    GoalStatus,
    Review,
    ReviewStatus,
    ReviewType,
    SignOff,
    SignOffRole,
)
from reviewapp.domain.staff import StaffMember

ROOT = Path(__file__).resolve().parents[2]
FRAMEWORK_FILE = ROOT / "resources" / "frameworks" / "sols-customer-service.json"

MARKUP = "<b>bold</b>"
AMPERSAND = "Tom & Jerry"
ATT = "AT&T R&D"
UNCLOSED = "<unclosed"
FRENCH = "Élodie à l'accueil, façade"
CJK = "图书馆 王小明 こんにちは 안녕하세요"
LONG_URL = "https://example.org/" + "/".join(f"segment{i:03d}-librarybranch" for i in range(40))
FINGERPRINT = "9f2c" * 16
SPECIALS = (MARKUP, AMPERSAND, ATT, UNCLOSED, FRENCH)
STAMP = datetime(2024, 12, 1, 10, 0)


def framework() -> Framework:
    """The shipped SOLS framework with distinct ids for competencies and indicators."""
    parsed = parse_framework(FRAMEWORK_FILE.read_text(encoding="utf-8"))
    competencies = []
    next_id = 100
    for number, competency in enumerate(parsed.competencies, start=1):
        indicators = []
        for indicator in competency.indicators:
            next_id += 1
            indicators.append(dataclasses.replace(indicator, id=next_id))
        competencies.append(
            dataclasses.replace(competency, id=number, indicators=tuple(indicators))
        )
    return dataclasses.replace(parsed, id=1, competencies=tuple(competencies))


def long_note(length: int = 100_000) -> str:
    """Many paragraphs of ordinary prose, `length` characters in all."""
    sentence = "The patron asked about interlibrary loans and was helped patiently. "
    paragraph = sentence * 12
    text = "\n\n".join([paragraph] * (length // (len(paragraph) + 2) + 1))
    return text[:length]


def _note(
    number: int, competency: int, indicator: int | None, day: date, text: str
) -> EvidenceNote:
    sources = list(EvidenceSource)
    return EvidenceNote(
        number,
        f"note-{number}",
        7,
        competency,
        indicator,
        day,
        sources[number % len(sources)],
        text,
        STAMP,
        STAMP,
    )


def notes(fw: Framework, *, huge: bool = True) -> tuple[EvidenceNote, ...]:
    first = fw.competencies[0]
    second = fw.competencies[1]
    result = [
        # Deliberately out of date order: the document sorts them.
        _note(
            1, first.id, first.indicators[1].id, date(2024, 6, 3), f"Markup stays text: {MARKUP}"
        ),
        _note(2, first.id, None, date(2024, 2, 14), f"{AMPERSAND} and {ATT} visited; {UNCLOSED}"),
        _note(3, first.id, first.indicators[0].id, date(2024, 4, 9), FRENCH),
        _note(4, second.id, None, date(2024, 5, 1), f"Greeted visitors: {CJK}"),
        _note(
            5, second.id, second.indicators[0].id, date(2024, 7, 1), f"See {LONG_URL} for the form"
        ),
        _note(6, fw.competencies[3].id, None, date(2024, 8, 1), "Line one\nLine two\n\tTabbed"),
    ]
    if huge:
        result.append(_note(7, fw.competencies[2].id, None, date(2024, 9, 1), long_note()))
    return tuple(result)


def review(fw: Framework, *, finalised: bool = False, override: bool = False) -> Review:
    ratings = [3, 4, None, 5, 2, 4, 3]  # None: not observed
    competencies = []
    indicator_ratings: list[tuple[int, Assessment]] = []
    for competency, rating in zip(fw.competencies, ratings, strict=True):
        assessment = Assessment(rating) if rating is not None else NOT_OBSERVED
        comment = f"Comment on {competency.code}: consistent and kind. {AMPERSAND}."
        competencies.append(CompetencyAssessment(competency.id, assessment, comment))
        for position, indicator in enumerate(competency.indicators):
            if position == 0:
                indicator_ratings.append((indicator.id, NOT_OBSERVED))
            elif position < 3:
                indicator_ratings.append((indicator.id, Assessment(rating or 3)))
            # later indicators stay unrated
    goals = (
        Goal(
            1,
            "g1",
            0,
            f"Lead the {ATT} outreach pilot",
            "Three sessions held",
            date(2025, 6, 30),
            "Training budget",
            GoalStatus.OPEN,
        ),
        Goal(
            2,
            "g2",
            1,
            f"Greet in French: {FRENCH}",
            "Feedback from patrons",
            None,
            "",
            GoalStatus.IN_PROGRESS,
        ),
    )
    signoffs = [
        SignOff(
            SignOffRole.REVIEWER,
            "Maria Gonzalez",
            date(2025, 1, 10),
            DEFAULT_STATEMENTS[SignOffRole.REVIEWER],
        ),
    ]
    addenda: tuple[Addendum, ...] = ()
    if finalised:
        signoffs.append(
            SignOff(
                SignOffRole.EMPLOYEE,
                "Élodie Tremblay",
                date(2025, 1, 11),
                DEFAULT_STATEMENTS[SignOffRole.EMPLOYEE],
            )
        )
        addenda = (
            Addendum(1, "a1", "Maria Gonzalez", date(2025, 2, 1), f"Corrected date. {ATT}.", STAMP),
        )
    return Review(
        id=1,
        uuid="r1",
        staff_id=7,
        staff_name="Élodie Tremblay",
        employee_number="E-1024",
        staff_position="Library Assistant",
        branch_name="Central Branch & Archives",
        reviewer_name="Maria Gonzalez",
        review_type=ReviewType.ANNUAL,
        period_start=date(2024, 1, 1),
        period_end=date(2024, 12, 31),
        meeting_date=date(2025, 1, 9),
        status=ReviewStatus.FINALISED if finalised else ReviewStatus.IN_PROGRESS,
        framework_id=fw.id,
        competencies=tuple(competencies),
        indicators=tuple(indicator_ratings),
        overall_override=4 if override else None,
        override_reason=f"Exceptional year: {UNCLOSED} {ATT}" if override else "",
        strengths=f"Warm with every patron.\n\nWelcomes newcomers in several languages: {CJK}",
        development_areas=f"Catalogue searches.\tUse {MARKUP} sparingly.",
        employee_comments=f"Thank you. {FRENCH}",
        goals=goals,
        signoffs=tuple(signoffs),
        addenda=addenda,
        fingerprint=FINGERPRINT if finalised else None,
        finalised_at=datetime(2025, 1, 12, 9, 30) if finalised else None,
        created_at=STAMP,
        updated_at=STAMP,
    )


def staff() -> StaffMember:
    return StaffMember(
        7,
        "s7",
        "Élodie Tremblay",
        "Lodie",
        "E-1024",
        "Library Assistant",
        2,
        "Central Branch & Archives",
        date(2019, 3, 1),
        "e@example.org",
        True,
    )


def previous_goals() -> tuple[Goal, ...]:
    return (
        Goal(
            9,
            "g9",
            0,
            "Finish the readers' advisory course",
            "Certificate",
            date(2024, 9, 30),
            "Paid study time",
            GoalStatus.IN_PROGRESS,
        ),
    )
