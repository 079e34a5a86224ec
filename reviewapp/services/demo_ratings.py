"""Demo ratings and the words around them: plausible for a person's ability, on any scale."""

from __future__ import annotations

import random

from reviewapp.domain.framework import Framework
from reviewapp.domain.review import (
    NOT_OBSERVED,
    Assessment,
    CompetencyAssessment,
    ReviewStatus,
)
from reviewapp.services import demo_text
from reviewapp.services.demo_build import Person

_NOT_OBSERVED_ODDS = {2: 0.12}  # accessibility help is the competency most often not seen
_UNRATED_INDICATOR_ODDS = 0.3  # while a review is in progress


def assess(
    rng: random.Random, framework: Framework, person: Person, level: float, status: ReviewStatus
) -> tuple[tuple[CompetencyAssessment, ...], tuple[tuple[int, Assessment], ...]]:
    """Competency and indicator assessments: all of them once finalised, some in progress."""
    if status == ReviewStatus.DRAFT or not framework.competencies:
        return (), ()
    scale = framework.scale
    low, span = scale.minimum, scale.maximum - scale.minimum
    count = len(framework.competencies)
    if status != ReviewStatus.FINALISED:
        count = rng.randint(1, count)
    competencies: list[CompetencyAssessment] = []
    indicators: list[tuple[int, Assessment]] = []
    for index, competency in enumerate(framework.competencies[:count]):
        if rng.random() < _NOT_OBSERVED_ODDS.get(index, 0.02):
            assessment = NOT_OBSERVED
        else:
            score = low + span * (level + person.offsets[index]) + rng.gauss(0, 0.35)
            assessment = Assessment(scale.nearest(score).value)
        comment = ""
        if assessment.rating is not None and rng.random() < 0.35:
            share = (assessment.rating - low) / span if span else 0.5
            band = "low" if share < 0.3 else "high" if share > 0.7 else "mid"
            comment = rng.choice(demo_text.COMMENTS[band])
        competencies.append(CompetencyAssessment(competency.id, assessment, comment))
        for indicator in competency.indicators:
            if status != ReviewStatus.FINALISED and rng.random() < _UNRATED_INDICATOR_ODDS:
                continue
            if assessment.rating is None or rng.random() < 0.05:
                indicators.append((indicator.id, NOT_OBSERVED))
            else:
                value = scale.nearest(assessment.rating + rng.gauss(0, 0.6)).value
                indicators.append((indicator.id, Assessment(value)))
    if status == ReviewStatus.FINALISED and all(c.assessment.rating is None for c in competencies):
        first = competencies[0]
        middle = Assessment(scale.nearest(low + span / 2).value)
        competencies[0] = CompetencyAssessment(first.competency_id, middle, first.comment)
    return tuple(competencies), tuple(indicators)


def override(
    rng: random.Random, framework: Framework, competencies: tuple[CompetencyAssessment, ...]
) -> tuple[int | None, str]:
    """An overall rating one level away from the derived one, with a reason to match."""
    ratings = [c.assessment.rating for c in competencies if c.assessment.rating is not None]
    values = framework.scale.values
    if not ratings or len(values) < 2:
        return None, ""
    derived = framework.scale.nearest(sum(ratings) / len(ratings)).value
    position = values.index(derived)
    choices = [values[i] for i in (position - 1, position + 1) if 0 <= i < len(values)]
    chosen = rng.choice(choices)
    reasons = demo_text.OVERRIDE_UP if chosen > derived else demo_text.OVERRIDE_DOWN
    return chosen, rng.choice(reasons)


def prose(
    rng: random.Random, person: Person, competencies: tuple[CompetencyAssessment, ...]
) -> tuple[str, str]:
    """Strengths from the best-rated competencies, development areas from the weakest."""
    rated = sorted(
        (c.assessment.rating, index)
        for index, c in enumerate(competencies)
        if c.assessment.rating is not None
    )
    if not rated:
        return "", ""
    best = [index for _rating, index in reversed(rated[-2:])]
    worst = [index for _rating, index in rated[:2] if index not in best] or [rated[0][1]]
    strengths = " ".join(
        rng.choice(demo_text.STRENGTHS.get(i, demo_text.STRENGTHS[0])).format(first=person.first)
        for i in best
    )
    development = " ".join(
        rng.choice(demo_text.DEVELOPMENT.get(i, demo_text.DEVELOPMENT[0])) for i in worst
    )
    return strengths, development
