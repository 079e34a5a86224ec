"""Invent demo people and their evidence notes, in memory, from one seeded random generator.

Everything random comes from the ``random.Random`` handed in, and "today" is a parameter, so a
seed gives the same data on every run. Rows are plain dicts ready for a bulk insert; their
reviews are planned by :mod:`reviewapp.services.demo_reviews`.
"""

from __future__ import annotations

import bisect
import random
import string
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from reviewapp.domain.evidence import EvidenceNote, EvidenceSource
from reviewapp.domain.framework import Competency, Framework
from reviewapp.services import demo_text
from reviewapp.services.demo_people import NAME_POOLS, POSITIONS, email_for
from reviewapp.services.staff import sort_key

Row = dict[str, Any]


def new_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def at(day: date, rng: random.Random, first_hour: int = 9, last_hour: int = 17) -> datetime:
    """A working-hours moment on ``day``."""
    return datetime.combine(day, time(rng.randint(first_hour, last_hour), rng.randrange(60)))


@dataclass
class Ids:
    """The next primary key of the tables whose rows refer to each other, and UUIDs.

    UUIDs come from their own generator, seeded by the seed and the first staff id, so demo
    data added to a database that has some already (``--force``) gets new ones.
    """

    staff: int
    review: int
    goal: int
    uuids: random.Random

    def uuid(self) -> str:
        return new_uuid(self.uuids)

    def next_staff(self) -> int:
        self.staff += 1
        return self.staff - 1

    def next_review(self) -> int:
        self.review += 1
        return self.review - 1

    def next_goal(self) -> int:
        self.goal += 1
        return self.goal - 1


@dataclass
class Batch:
    """Rows for one transaction: whole staff records, never part of one."""

    staff: list[Row] = field(default_factory=list)
    reviews: list[Row] = field(default_factory=list)
    competency_ratings: list[Row] = field(default_factory=list)
    indicator_ratings: list[Row] = field(default_factory=list)
    goals: list[Row] = field(default_factory=list)
    signoffs: list[Row] = field(default_factory=list)
    notes: list[Row] = field(default_factory=list)
    freeze: list[Row] = field(default_factory=list)  # in the order the reviews were finalised
    finalise: list[Row] = field(default_factory=list)
    addenda: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class DemoBranch:
    id: int
    name: str
    managers: tuple[tuple[int, str], ...]  # (from year, manager's name), oldest first

    def manager(self, year: int) -> str:
        name = self.managers[0][1]
        for since, who in self.managers:
            if since <= year:
                name = who
        return name


@dataclass
class Person:
    id: int
    name: str
    first: str  # what notes call them
    employee_number: str
    position: str
    branch: DemoBranch
    start: date
    leave: date | None
    ability: float  # 0..1 across the rating scale
    offsets: list[float]  # per competency
    notes: list[EvidenceNote] = field(default_factory=list)
    note_days: list[date] = field(default_factory=list)

    def notes_between(self, start: date, end: date) -> range:
        """Indexes of the notes dated start..end inclusive (notes are sorted by date)."""
        low = bisect.bisect_left(self.note_days, start)
        return range(low, bisect.bisect_right(self.note_days, end, lo=low))


def _fields(template: str) -> tuple[str, ...]:
    return tuple(name for _text, name, _spec, _conv in string.Formatter().parse(template) if name)


def pick_name(rng: random.Random) -> tuple[str, str, str, str, str]:
    """(full name, preferred name, name used day to day, romanised given, romanised family)."""
    pool = rng.choices(NAME_POOLS, weights=[p.weight for p in NAME_POOLS])[0]
    full, given, given_latin, family_latin = pool.pick(rng)
    preferred = ""
    if pool.preferred and rng.random() < 0.45:
        preferred = rng.choice(pool.preferred)
    return full, preferred, preferred or given, given_latin, family_latin


class PeopleBuilder:
    """Staff members and their year-round evidence journals."""

    def __init__(
        self,
        rng: random.Random,
        framework: Framework,
        today: date,
        first_year: int,
        branches: list[DemoBranch],
        ids: Ids,
        numbers: Iterator[str],
    ) -> None:
        self.rng = rng
        self.framework = framework
        self.today = today
        self.window_start = date(first_year, 1, 1)
        self.branches = branches
        self.ids = ids
        self._numbers = numbers
        self._positions = [p for p, _w in POSITIONS]
        self._position_weights = [w for _p, w in POSITIONS]
        self._templates: list[list[tuple[EvidenceSource, str, tuple[str, ...]]]] = []
        for index, _competency in enumerate(framework.competencies):
            choices = demo_text.NOTES.get(index, ()) + demo_text.GENERIC_NOTES[:1]
            self._templates.append(
                [(EvidenceSource(source), text, _fields(text)) for source, text in choices]
            )

    def person(self, batch: Batch) -> Person:
        rng, today = self.rng, self.today
        name, preferred, first, given_latin, family_latin = pick_name(rng)
        if rng.random() < 0.3:  # joined during the years the demo covers
            start = self.window_start + timedelta(
                rng.randrange(max(1, (today - self.window_start).days - 20))
            )
        else:  # up to 30 years before
            start = self.window_start - timedelta(1 + rng.randrange(30 * 365))
        leave = None
        if rng.random() < 0.05 and (today - start).days > 500:
            leave = start + timedelta(400 + rng.randrange((today - start).days - 430))
            if leave <= self.window_start + timedelta(400):
                leave = None
        person = Person(
            id=self.ids.next_staff(),
            name=name,
            first=first,
            employee_number=next(self._numbers),
            position=rng.choices(self._positions, weights=self._position_weights)[0],
            branch=rng.choice(self.branches),
            start=start,
            leave=leave,
            ability=min(0.95, max(0.15, rng.gauss(0.58, 0.14))),
            offsets=[rng.gauss(0, 0.1) for _ in self.framework.competencies],
        )
        batch.staff.append(
            {
                "id": person.id,
                "uuid": self.ids.uuid(),
                "name": name,
                "preferred_name": preferred,
                "employee_number": person.employee_number,
                "position": person.position,
                "branch_id": person.branch.id,
                "start_date": start,
                "email": email_for(given_latin, family_latin) if rng.random() < 0.9 else "",
                "active": leave is None,
                "sort_name": sort_key(name),
            }
        )
        self._journal(person)
        return person

    def _journal(self, person: Person) -> None:
        rng = self.rng
        first_day = max(self.window_start, person.start)
        last_day = min(self.today, person.leave or self.today)
        if last_day < first_day:
            return
        days = (last_day - first_day).days + 1
        count = int(days / 365.25 * rng.uniform(8, 26) + rng.random())
        note_days = sorted(first_day + timedelta(rng.randrange(days)) for _ in range(count))
        competencies = self.framework.competencies
        slots = demo_text.SLOTS
        for day in note_days:
            index = rng.randrange(len(competencies))
            competency: Competency = competencies[index]
            source, template, names = rng.choice(self._templates[index])
            values = {n: person.first if n == "first" else rng.choice(slots[n]) for n in names}
            text = template.format_map(values)
            indicator = None
            if competency.indicators and rng.random() < 0.6:
                indicator = rng.choice(competency.indicators).id
            written = at(min(self.today, day + timedelta(rng.choice((0, 0, 0, 1, 3)))), rng, 9, 20)
            person.notes.append(
                EvidenceNote(
                    id=0,
                    uuid=self.ids.uuid(),
                    staff_id=person.id,
                    competency_id=competency.id,
                    indicator_id=indicator,
                    observed_on=day,
                    source=source,
                    text=text[:1].upper() + text[1:],
                    created_at=written,
                    updated_at=written,
                )
            )
        person.note_days = note_days

    @staticmethod
    def note_rows(person: Person, batch: Batch) -> None:
        """The journal's rows; finalising a review freezes them later, as in the app."""
        for note in person.notes:
            batch.notes.append(
                {
                    "uuid": note.uuid,
                    "staff_id": note.staff_id,
                    "competency_id": note.competency_id,
                    "indicator_id": note.indicator_id,
                    "observed_on": note.observed_on,
                    "source": note.source.value,
                    "text": note.text,
                    "created_at": note.created_at,
                    "updated_at": note.updated_at,
                }
            )
