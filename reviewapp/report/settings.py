"""What a document is made from, and the settings that shape it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reviewapp.domain.evidence import EvidenceNote
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Goal, Review


@dataclass(frozen=True)
class DocumentSettings:
    organisation: str = "Public Library"
    logo_path: Path | None = None
    generated_on: date | None = None  # None: today
    language: str = "en-CA"

    @property
    def generation_date(self) -> date:
        return self.generated_on or date.today()


@dataclass(frozen=True)
class ReviewDocumentData:
    framework: Framework
    review: Review
    notes: tuple[EvidenceNote, ...]  # this review's period, any order
    previous_open_goals: tuple[Goal, ...] = ()
