"""Evidence notes: the year-round journal a manager keeps for each staff member."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class EvidenceSource(StrEnum):
    DIRECT_OBSERVATION = "direct_observation"
    CUSTOMER_FEEDBACK = "customer_feedback"
    COWORKER_FEEDBACK = "coworker_feedback"
    SELF_REFLECTION = "self_reflection"
    COMPLIMENT = "compliment"
    COMPLAINT = "complaint"
    TRAINING_RECORD = "training_record"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    EvidenceSource.DIRECT_OBSERVATION: "Direct observation",
    EvidenceSource.CUSTOMER_FEEDBACK: "Customer feedback",
    EvidenceSource.COWORKER_FEEDBACK: "Co-worker feedback",
    EvidenceSource.SELF_REFLECTION: "Self-reflection",
    EvidenceSource.COMPLIMENT: "Compliment",
    EvidenceSource.COMPLAINT: "Complaint",
    EvidenceSource.TRAINING_RECORD: "Training record",
    EvidenceSource.OTHER: "Other",
}


@dataclass(frozen=True, slots=True)
class EvidenceNote:
    id: int
    uuid: str
    staff_id: int
    competency_id: int
    indicator_id: int | None
    observed_on: date
    source: EvidenceSource
    text: str
    created_at: datetime
    updated_at: datetime
    frozen: bool = False


@dataclass(frozen=True, slots=True)
class EvidenceDraft:
    competency_id: int
    observed_on: date
    source: EvidenceSource
    text: str
    indicator_id: int | None = None
