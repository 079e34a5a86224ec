"""Competency frameworks: competencies, indicators and the rating scale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

NOT_OBSERVED_LABEL = "Not observed"


@dataclass(frozen=True, slots=True)
class RatingLevel:
    value: int
    label: str
    description: str


@dataclass(frozen=True, slots=True)
class RatingScale:
    levels: tuple[RatingLevel, ...]
    not_observed_label: str = NOT_OBSERVED_LABEL

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(level.value for level in self.levels)

    @property
    def minimum(self) -> int:
        return self.levels[0].value

    @property
    def maximum(self) -> int:
        return self.levels[-1].value

    def level(self, value: int) -> RatingLevel:
        for level in self.levels:
            if level.value == value:
                return level
        raise KeyError(value)

    def label(self, value: int) -> str:
        return self.level(value).label

    def nearest(self, score: float) -> RatingLevel:
        """The level nearest a mean score, rounding halves up (3.5 -> 4; on 1/3/5, 2.0 -> 3)."""
        best = self.levels[0]
        for below, level in zip(self.levels, self.levels[1:], strict=False):
            if score + 1e-9 >= (below.value + level.value) / 2:
                best = level
        return best


@dataclass(frozen=True, slots=True)
class Indicator:
    id: int
    code: str
    text: str
    position: int


@dataclass(frozen=True, slots=True)
class Competency:
    id: int
    code: str
    statement: str
    position: int
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True, slots=True)
class Framework:
    id: int
    key: str
    version: int
    title: str
    description: str
    source: str
    attribution: str
    published: date | None
    indicator_heading: str
    scale: RatingScale
    competencies: tuple[Competency, ...]
    in_use: bool = False

    @property
    def indicator_count(self) -> int:
        return sum(len(c.indicators) for c in self.competencies)

    def competency(self, competency_id: int) -> Competency:
        for competency in self.competencies:
            if competency.id == competency_id:
                return competency
        raise KeyError(competency_id)

    def indicator(self, indicator_id: int) -> tuple[Competency, Indicator]:
        for competency in self.competencies:
            for indicator in competency.indicators:
                if indicator.id == indicator_id:
                    return competency, indicator
        raise KeyError(indicator_id)


@dataclass(frozen=True, slots=True)
class FrameworkSummary:
    id: int
    key: str
    version: int
    title: str
    competency_count: int
    indicator_count: int
    review_count: int
