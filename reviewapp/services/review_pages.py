"""The review list a page at a time: the statements that count, filter and order it in SQL.

ReviewQueries.page runs them. A page is read in two steps inside one read transaction: the ids of
the page's rows, in order (only the columns the filter and the order need), then the summaries of
just those rows. Each review's rating summary comes from a correlated subquery over the covering
index ``ix_competency_ratings_summary``, so a page costs the same however long the list is; only
ordering by the overall rating or the rated count works those out for every row.

Filter words are folded (case and accents) like ``staff.sort_name`` and matched with LIKE against
folded columns: the staff member's sort name, or the folded snapshot a finalised review keeps,
and the same for the branch. Type and status are matched on their labels in Python, then by
value in SQL. Everything here is portable SQL: LIKE on text folded by the application behaves
the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.elements import ColumnElement

from reviewapp.db.models import (
    BranchRow,
    CompetencyRatingRow,
    CompetencyRow,
    ReviewRow,
    StaffRow,
)
from reviewapp.domain import rules
from reviewapp.domain.review import ReviewStatus, ReviewType
from reviewapp.domain.review_list import ReviewListQuery, ReviewSort
from reviewapp.services.staff import sort_key

MAX_PAGE = 1_000
_DATE_CHARACTERS = set("0123456789-")  # a period is shown as "YYYY-MM-DD to YYYY-MM-DD"

# Labels folded as the filter folds the words typed; ranks so that the order follows the labels.
_TYPE_LABELS = {kind.value: sort_key(kind.label) for kind in ReviewType}
_STATUS_LABELS = {status.value: sort_key(status.label) for status in ReviewStatus}


def _rank(labels: dict[str, str]) -> dict[str, int]:
    return {value: n for n, value in enumerate(sorted(labels, key=lambda v: (labels[v], v)))}


_NAME_KEY = func.coalesce(ReviewRow.sort_name_snapshot, StaffRow.sort_name)
_BRANCH_KEY = func.coalesce(ReviewRow.branch_sort_snapshot, BranchRow.sort_name, "")
_MEAN = (
    select(func.avg(CompetencyRatingRow.rating))
    .where(CompetencyRatingRow.review_id == ReviewRow.id)
    .correlate(ReviewRow)
    .scalar_subquery()
)
_RATED = (
    select(func.count())
    .where(
        CompetencyRatingRow.review_id == ReviewRow.id,
        CompetencyRatingRow.rating.is_not(None) | CompetencyRatingRow.not_observed,
    )
    .correlate(ReviewRow)
    .scalar_subquery()
)


def overall(mean: Any) -> ColumnElement[Any]:
    """The overall rating: the override when set, else the mean of the ratings."""
    return func.coalesce(func.cast(ReviewRow.overall_override, Integer) * 1.0, mean)


_OVERALL = overall(_MEAN)
_COMPETENCIES = (
    select(func.count(CompetencyRow.id))
    .where(CompetencyRow.framework_id == ReviewRow.framework_id)
    .correlate(ReviewRow)
    .scalar_subquery()
)


def _word_matches(word: str) -> ColumnElement[bool] | None:
    """Rows in which the folded ``word`` appears; None when it appears in every row."""
    if word in "to":  # every period reads "YYYY-MM-DD to YYYY-MM-DD"
        return None
    options: list[ColumnElement[bool]] = [
        _NAME_KEY.contains(word, autoescape=True),
        _BRANCH_KEY.contains(word, autoescape=True),
    ]
    if set(word) <= _DATE_CHARACTERS:
        options += [
            cast(ReviewRow.period_start, String).contains(word, autoescape=True),
            cast(ReviewRow.period_end, String).contains(word, autoescape=True),
        ]
    types = [value for value, label in _TYPE_LABELS.items() if word in label]
    if types:
        options.append(ReviewRow.review_type.in_(types))
    statuses = [value for value, label in _STATUS_LABELS.items() if word in label]
    if statuses:
        options.append(ReviewRow.status.in_(statuses))
    return or_(*options)


def _conditions(query: ReviewListQuery, *, words: bool) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if query.staff_id is not None:
        found.append(ReviewRow.staff_id == query.staff_id)
    if query.status is not None:
        status = rules.choice(ReviewStatus, query.status, "status").value
        found.append(ReviewRow.status == status)
    if words:
        for word in query.words:
            condition = _word_matches(sort_key(word))
            if condition is not None:
                found.append(condition)
    return found


def _from(
    columns: list[Any], query: ReviewListQuery, *, words: bool = True, ordered: bool = False
) -> Select[Any]:
    """The reviews the query matches; staff and branches joined only where names are needed."""
    statement = select(*columns).select_from(ReviewRow)
    by_name = ordered and query.sort in (ReviewSort.STAFF, ReviewSort.BRANCH)
    if by_name or (words and query.words):
        statement = statement.join(StaffRow, StaffRow.id == ReviewRow.staff_id).outerjoin(
            BranchRow, BranchRow.id == StaffRow.branch_id
        )
    conditions = _conditions(query, words=words)
    return statement.where(and_(*conditions)) if conditions else statement


def _order(query: ReviewListQuery) -> list[ColumnElement[Any]]:
    sort = query.sort
    if sort is None:  # newest first, the order of ix_reviews_list read backwards
        return [ReviewRow.period_end.desc(), ReviewRow.id.desc()]
    keys: list[ColumnElement[Any] | InstrumentedAttribute[Any]]
    if sort == ReviewSort.STAFF:
        keys = [_NAME_KEY]
    elif sort == ReviewSort.BRANCH:
        keys = [_BRANCH_KEY]
    elif sort == ReviewSort.TYPE:
        keys = [case(_rank(_TYPE_LABELS), value=ReviewRow.review_type, else_=99)]
    elif sort == ReviewSort.STATUS:
        keys = [case(_rank(_STATUS_LABELS), value=ReviewRow.status, else_=99)]
    elif sort == ReviewSort.OVERALL:
        # No rating yet sorts after every rating going up, first going down (as the table
        # models do); NULLS FIRST/LAST is in PostgreSQL and in SQLite since 3.30.
        overall = _OVERALL.desc().nulls_first() if query.descending else _OVERALL.asc().nulls_last()
        return [overall, *_ties(query)]
    elif sort == ReviewSort.RATED:
        keys = [_RATED]
    else:  # the period: by its end, then its start
        keys = [ReviewRow.period_end, ReviewRow.period_start]
    return [*(key.desc() if query.descending else key.asc() for key in keys), *_ties(query)]


def _ties(query: ReviewListQuery) -> list[ColumnElement[Any]]:
    """Equal keys by period end, then id, in the same direction: a total, stable order."""
    keys = (ReviewRow.period_end, ReviewRow.id)
    return [key.desc() if query.descending else key.asc() for key in keys]


def summary_columns(branch_name: Any, mean: Any, rated: Any, competencies: Any) -> list[Any]:
    """The columns of a ReviewSummary, in its field order, for a select over ReviewRow joined
    to StaffRow; the branch's name and the rating figures as the caller's query has them."""
    return [
        ReviewRow.id,
        ReviewRow.staff_id,
        func.coalesce(ReviewRow.staff_name_snapshot, StaffRow.name),
        func.coalesce(ReviewRow.branch_snapshot, branch_name, ""),
        ReviewRow.review_type,
        type_coerce(ReviewRow.period_start, String),
        type_coerce(ReviewRow.period_end, String),
        ReviewRow.status,
        overall(mean),
        rated,
        competencies,
        type_coerce(ReviewRow.updated_at, String),
    ]


def summaries(ids: list[int]) -> Select[Any]:
    """The summary columns (in ReviewSummary's field order) of the reviews with these ids."""
    return (
        select(*summary_columns(BranchRow.name, _MEAN, _RATED, _COMPETENCIES))
        .join(StaffRow, StaffRow.id == ReviewRow.staff_id)
        .outerjoin(BranchRow, BranchRow.id == StaffRow.branch_id)
        .where(ReviewRow.id.in_(ids))
    )


def page_ids(query: ReviewListQuery, offset: int, limit: int) -> Select[Any]:
    """The ids of rows ``offset`` to ``offset + limit - 1`` of the list, in its order."""
    if offset < 0 or not 0 < limit <= MAX_PAGE:
        raise ValueError(f"a page is 1 to {MAX_PAGE} rows, from offset 0 or later")
    return (
        _from([ReviewRow.id], query, ordered=True)
        .order_by(*_order(query))
        .offset(offset)
        .limit(limit)
    )


def count(query: ReviewListQuery, *, words: bool = True) -> Select[Any]:
    """How many reviews the query matches (without its words: by status and person only)."""
    return _from([func.count()], query, words=words)
