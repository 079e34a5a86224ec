"""Evidence search: the full-text index where the database has one, a plain scan where not.

Both paths apply the rules of reviewapp.domain.search and return the same kind of hits, best
first and newest first among equals. Typed text is never passed to the database as query syntax,
so no input can make a search fail.
"""

from __future__ import annotations

from sqlalchemy import Float, Integer, select, text
from sqlalchemy.orm import Session

from reviewapp.db import convert, search_index
from reviewapp.db.models import CompetencyRow, EvidenceNoteRow, StaffRow
from reviewapp.domain.errors import ValidationError
from reviewapp.domain.search import (
    EvidenceHit,
    SearchTerm,
    fts_query,
    match_count,
    parse_query,
    words,
)
from reviewapp.services.store import Store

DEFAULT_LIMIT = 50
MAX_LIMIT = 1_000
_SCAN_BATCH = 2_000

RANK_WINDOW = 5_000
"""Relevance is ranked among at most this many matching notes, the most recently recorded: a
common word found in 50,000 notes still answers in milliseconds, showing the best recent ones."""

_FTS = search_index.TABLE
_WINDOW_SQL = (
    f"SELECT rowid FROM {_FTS} WHERE {_FTS} MATCH :query ORDER BY rowid DESC LIMIT 1 OFFSET :skip"
)
# bm25 weights: the words count, the staff token does not.
_RANK_SQL = (
    f"SELECT n.id, bm25({_FTS}, 1.0, 0.0) AS score "
    f"FROM {_FTS} JOIN evidence_notes AS n ON n.id = {_FTS}.rowid "
    f"WHERE {_FTS} MATCH :query AND {_FTS}.rowid >= :lowest "
    "ORDER BY score, n.observed_on DESC, n.id DESC LIMIT :limit"
)


class SearchService:
    """Find evidence notes by their words.

    ``use_index``: None detects the index on first use; False always scans (the path taken where
    FTS5 is missing, forced in tests); True requires the index.
    """

    def __init__(self, store: Store, *, use_index: bool | None = None) -> None:
        self._store = store
        self._use_index = use_index

    @property
    def uses_index(self) -> bool:
        """Whether searches go through the full-text index (detected once, then remembered)."""
        if self._use_index is None:
            with self._store.transaction() as session:
                self._use_index = _index_usable(session)
        return self._use_index

    def evidence(
        self, query: str, *, staff_id: int | None = None, limit: int = DEFAULT_LIMIT
    ) -> list[EvidenceHit]:
        """Notes containing every typed word, best match first; [] when nothing is typed."""
        if not 1 <= limit <= MAX_LIMIT:
            raise ValidationError(
                f"Ask for between 1 and {MAX_LIMIT} search results (not {limit}).", "limit"
            )
        terms = parse_query(query)
        if not terms:
            return []
        use_index = self.uses_index
        with self._store.transaction() as session:
            if use_index:
                ranked = _index_search(session, terms, staff_id, limit)
            else:
                ranked = _scan_search(session, terms, staff_id, limit)
            return _hits(session, ranked)


def _index_usable(session: Session) -> bool:
    bind = session.get_bind()
    if bind.dialect.name != "sqlite" or not search_index.index_exists(session):
        return False
    # The index exists but this SQLite may lack FTS5 (a database moved between machines).
    return search_index.fts5_available(session)


def _index_search(
    session: Session, terms: list[SearchTerm], staff_id: int | None, limit: int
) -> list[tuple[int, float]]:
    query = f"{search_index.TEXT_COLUMN} : ({fts_query(terms)})"
    if staff_id is not None:
        query = f'{search_index.STAFF_COLUMN} : "{search_index.staff_token(staff_id)}" AND {query}'
    lowest = session.scalar(text(_WINDOW_SQL), {"query": query, "skip": RANK_WINDOW - 1}) or 0
    statement = text(_RANK_SQL).columns(id=Integer, score=Float)
    rows = session.execute(statement, {"query": query, "lowest": lowest, "limit": limit})
    # bm25 is lower for better matches; hits report higher-is-better.
    return [(row.id, -row.score) for row in rows]


def _scan_search(
    session: Session, terms: list[SearchTerm], staff_id: int | None, limit: int
) -> list[tuple[int, float]]:
    """Read every candidate note's text and match it in Python (no index: portable, slower)."""
    query = select(EvidenceNoteRow.id, EvidenceNoteRow.text).order_by(
        EvidenceNoteRow.observed_on.desc(), EvidenceNoteRow.id.desc()
    )
    if staff_id is not None:
        query = query.where(EvidenceNoteRow.staff_id == staff_id)
    found: list[tuple[int, int, int]] = []  # (-count, position newest first, id)
    result = session.execute(query.execution_options(yield_per=_SCAN_BATCH))
    for position, (note_id, note_text) in enumerate(result):
        count = match_count(words(note_text), terms)
        if count:
            found.append((-count, position, note_id))
    found.sort()
    return [(note_id, float(-negative)) for negative, _position, note_id in found[:limit]]


def _hits(session: Session, ranked: list[tuple[int, float]]) -> list[EvidenceHit]:
    if not ranked:
        return []
    rows = session.execute(
        select(EvidenceNoteRow, StaffRow.name, CompetencyRow.code)
        .join(StaffRow, StaffRow.id == EvidenceNoteRow.staff_id)
        .join(CompetencyRow, CompetencyRow.id == EvidenceNoteRow.competency_id)
        .where(EvidenceNoteRow.id.in_([note_id for note_id, _score in ranked]))
    )
    by_id = {note.id: (note, name, code) for note, name, code in rows}
    hits = []
    for note_id, score in ranked:
        note, name, code = by_id[note_id]
        hits.append(EvidenceHit(convert.note(note), name, code, score))
    return hits
