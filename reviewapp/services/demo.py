"""Fill a database with realistic demo data: branches, staff, years of reviews and evidence.

Rows are written with bulk INSERTs (executemany) in one transaction per chunk of staff, so a large
demo takes seconds and an interrupted one leaves only whole staff records behind. A finalised
review is stored the way ReviewService.finalise stores one: its parts while it is in progress,
then the status, snapshots and fingerprint (the triggers refuse anything else).
"""

from __future__ import annotations

import itertools
import queue
import random
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine, Table, bindparam, func, insert, select, text, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from reviewapp import paths
from reviewapp.db import search_index
from reviewapp.db.models import Base, GoalRow, ReviewRow, StaffRow
from reviewapp.domain.errors import NotFoundError, ValidationError
from reviewapp.services import frameworks as framework_queries
from reviewapp.services.demo_build import Batch, DemoBranch, Ids, PeopleBuilder, pick_name
from reviewapp.services.demo_people import BRANCHES
from reviewapp.services.demo_reviews import ReviewPlanner
from reviewapp.services.opening import DatabaseAccess, make_store
from reviewapp.services.staff import branch_id
from reviewapp.services.store import Store

MAX_STAFF = 100_000
MAX_YEARS = 40
BULK_CACHE_KIB = 65_536  # SQLite page cache while writing demo data
_TABLES = (
    "staff",
    "reviews",
    "competency_ratings",
    "indicator_ratings",
    "goals",
    "signoffs",
    "evidence_notes",
)
Progress = Callable[[int, int], None]


@dataclass
class DemoSummary:
    seed: int
    today: date
    branches: int = 0
    staff: int = 0
    reviews: Counter[str] = field(default_factory=Counter)
    rows: Counter[str] = field(default_factory=Counter)  # by table

    def add(self, batch: Batch) -> None:
        self.staff += len(batch.staff)
        self.reviews.update(r["status"] for r in batch.reviews)
        self.reviews["in_progress"] -= len(batch.finalise)
        self.reviews["finalised"] += len(batch.finalise)
        for table, rows in zip(_TABLES, _rows(batch), strict=True):
            self.rows[table] += len(rows)
        self.rows["addenda"] += len(batch.addenda)


def _rows(batch: Batch) -> tuple[list[dict[str, object]], ...]:
    return (
        batch.staff,
        batch.reviews,
        batch.competency_ratings,
        batch.indicator_ratings,
        batch.goals,
        batch.signoffs,
        batch.notes,
    )


def branch_count(staff: int) -> int:
    """About one branch per 25 staff: at least 3, at most the 40 named ones."""
    return max(3, min(len(BRANCHES), round(staff / 25)))


def _employee_numbers(taken: set[str]) -> Iterator[str]:
    for number in itertools.count(100001):
        if str(number) not in taken:
            yield str(number)


class DemoService:
    def __init__(self, engine: Engine, access: DatabaseAccess | None = None) -> None:
        """Works on the engine ``Services.open`` made; ``access`` keeps read-only refusals."""
        self._store = make_store(engine, access or DatabaseAccess(None))

    def staff_count(self) -> int:
        with self._store.transaction() as session:
            return session.scalar(select(func.count(StaffRow.id))) or 0

    def generate(
        self,
        *,
        staff: int = 200,
        years: int = 5,
        seed: int = 1,
        today: date | None = None,
        chunk_size: int = 100,
        progress: Progress | None = None,
    ) -> DemoSummary:
        """Add demo data; the same seed and ``today`` give the same data on an empty database."""
        if not 1 <= staff <= MAX_STAFF:
            raise ValidationError(f"The number of staff must be 1 to {MAX_STAFF:,}.", "staff")
        if not 1 <= years <= MAX_YEARS:
            raise ValidationError(f"The number of years must be 1 to {MAX_YEARS}.", "years")
        today = today or date.today()
        first_year = today.year - years + 1
        rng = random.Random(seed)
        summary = DemoSummary(seed, today)
        with self._store.transaction() as session:
            framework_id = framework_queries.latest_id(session, paths.DEFAULT_FRAMEWORK_KEY)
            if framework_id is None:
                raise NotFoundError("No competency framework is loaded.")
            framework = framework_queries.load(session, framework_id)
            first_staff_id = _next_id(session, StaffRow.id)
            ids = Ids(
                staff=first_staff_id,
                review=_next_id(session, ReviewRow.id),
                goal=_next_id(session, GoalRow.id),
                uuids=random.Random(f"uuids/{seed}/{first_staff_id}"),
            )
            numbers = _employee_numbers(set(session.scalars(select(StaffRow.employee_number))))
            branches = _branches(session, rng, branch_count(staff), first_year, today.year)
        summary.branches = len(branches)
        people = PeopleBuilder(rng, framework, today, first_year, branches, ids, numbers)
        planner = ReviewPlanner(rng, framework, today, first_year, ids)
        if progress:
            progress(0, staff)
        writer = _Writer(self._store, summary, staff, progress)
        writer.start()
        try:
            for start in range(0, staff, chunk_size):
                batch = Batch()
                for _ in range(min(chunk_size, staff - start)):
                    person = people.person(batch)
                    planner.plan(person, batch)
                    people.note_rows(person, batch)
                writer.put(batch)
        except BaseException:
            writer.cancel()  # e.g. Ctrl+C: the batch being written completes, no more
            raise
        finally:
            writer.close()
        if writer.error is not None:
            raise writer.error
        return summary


class _Writer(threading.Thread):
    """Writes each batch in its own transaction while the next batch is being invented.

    SQLite does its work without holding Python's GIL, so on two cores inventing and writing
    overlap. After a failure the remaining batches are dropped and ``error`` says why.
    """

    def __init__(
        self, store: Store, summary: DemoSummary, total: int, progress: Progress | None
    ) -> None:
        super().__init__(name="demo-writer", daemon=True)
        self._store = store
        self._summary = summary
        self._total = total
        self._progress = progress
        self._queue: queue.Queue[Batch | None] = queue.Queue(maxsize=1)
        self.error: BaseException | None = None
        self._cancelled = False

    def run(self) -> None:
        while (batch := self._queue.get()) is not None:
            if self.error is not None or self._cancelled:
                continue
            try:
                with self._store.transaction() as session:
                    _bulk_settings(session)
                    _write(session, batch)
                self._summary.add(batch)
                if self._progress:
                    self._progress(self._summary.staff, self._total)
            except BaseException as exc:  # noqa: BLE001 - handed to the calling thread
                self.error = exc

    def put(self, batch: Batch) -> None:
        if self.error is not None:
            raise self.error
        self._queue.put(batch)

    def cancel(self) -> None:
        self._cancelled = True

    def close(self) -> None:
        """Write what is queued (unless something failed), then stop."""
        self._queue.put(None)
        self.join()


def _next_id(session: Session, column: InstrumentedAttribute[int]) -> int:
    return (session.scalar(select(func.max(column))) or 0) + 1


def _branches(
    session: Session, rng: random.Random, count: int, first_year: int, this_year: int
) -> list[DemoBranch]:
    """The central library and other named branches, each with one or two managers."""
    names = [BRANCHES[0], *sorted(rng.sample(BRANCHES[1:], count - 1))]
    branches = []
    for name in names:
        managers = [(first_year, pick_name(rng)[0])]
        if this_year > first_year and rng.random() < 0.3:
            managers.append((rng.randint(first_year + 1, this_year), pick_name(rng)[0]))
        found = branch_id(session, name)
        assert found is not None
        branches.append(DemoBranch(found, name, tuple(managers)))
    session.flush()
    return branches


def _bulk_settings(session: Session) -> None:
    """A larger page cache: random UUID keys touch index pages all over the file."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text(f"PRAGMA cache_size = -{BULK_CACHE_KIB}"))


def _write(session: Session, batch: Batch) -> None:
    tables = Base.metadata.tables
    with search_index.bulk_insert(session):  # the notes are indexed for search in one go
        for name, rows in zip(_TABLES, _rows(batch), strict=True):
            if rows:
                session.execute(insert(tables[name]), rows)
    notes: Table = tables["evidence_notes"]
    if batch.freeze:  # each note is frozen by the first review finalised over its date
        session.execute(
            update(notes)
            .where(
                notes.c.staff_id == bindparam("b_staff"),
                notes.c.observed_on.between(bindparam("b_start"), bindparam("b_end")),
                notes.c.frozen_by_review_id.is_(None),
            )
            .values(frozen_by_review_id=bindparam("b_review")),
            batch.freeze,
        )
    if batch.finalise:
        reviews: Table = tables["reviews"]
        session.execute(
            update(reviews)
            .where(reviews.c.id == bindparam("b_id"))
            .values(
                status=bindparam("b_status"),
                fingerprint=bindparam("b_fingerprint"),
                staff_name_snapshot=bindparam("b_name"),
                employee_number_snapshot=bindparam("b_number"),
                position_snapshot=bindparam("b_position"),
                branch_snapshot=bindparam("b_branch"),
                sort_name_snapshot=bindparam("b_name_key"),
                branch_sort_snapshot=bindparam("b_branch_key"),
                finalised_at=bindparam("b_finalised_at"),
                updated_at=bindparam("b_updated_at"),
            ),
            batch.finalise,
        )
    if batch.addenda:
        session.execute(insert(tables["addenda"]), batch.addenda)
    if session.get_bind().dialect.name == "postgresql":
        # Rows inserted with their ids leave the id sequences behind: move them past the rows.
        for name in ("staff", "reviews", "goals"):
            session.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), max(id)) FROM {name}")
            )
