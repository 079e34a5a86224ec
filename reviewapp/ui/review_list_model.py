"""The Reviews list as a paged model: the first page at once, more as the view scrolls down.

Rows come from ``ReviewQueries.page`` on a background thread: the database filters, counts and
orders them, so a list of 20,000 reviews costs one page (100 rows) to show, re-sort or filter.
Clicking a column header calls ``sort()``, which asks again in that order; ``set_text`` and
``set_status`` ask again with the new filter. The rows on screen stay until the answer arrives,
then are replaced at once (a model reset). ``canFetchMore``/``fetchMore`` read the next page when
the view reaches the last row loaded; the rows arrive later through ``rowsInserted``.

One query runs at a time. A request made while one runs waits, and a newer request replaces a
waiting one, so a burst of clicks or typing costs at most two queries. Every request belongs to a
generation (the query it was made for); an answer from an older generation is dropped, and no
answer touches the model once it has been deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from reviewapp.domain.review import ReviewStatus, ReviewSummary
from reviewapp.domain.review_list import ReviewListQuery, ReviewPage, ReviewSort
from reviewapp.ui import review_table_model as cells
from reviewapp.ui.list_table_model import Index, ListTableModel

PageLoader = Callable[..., ReviewPage]  # ReviewQueries.page(query, offset, limit, count=...)

FIRST_PAGE = 100  # more than a tall window shows
NEXT_PAGE = 300
SORTS = (  # by column
    ReviewSort.STAFF,
    ReviewSort.BRANCH,
    ReviewSort.TYPE,
    ReviewSort.PERIOD,
    ReviewSort.STATUS,
    ReviewSort.OVERALL,
    ReviewSort.RATED,
)


class Runner(Protocol):
    """What runs the queries: TaskRunner (a thread pool), or a fake in tests."""

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
        *,
        doing: str = ...,
    ) -> None: ...


@dataclass(frozen=True)
class _Request:
    generation: int
    query: ReviewListQuery
    offset: int
    limit: int

    @property
    def first(self) -> bool:
        return self.offset == 0


class ReviewListModel(ListTableModel):
    HEADERS = cells.HEADERS
    COLUMN_CHARS = cells.COLUMN_CHARS

    firstPageShown = Signal()  # the answer to a new query replaced the rows
    countsChanged = Signal()
    failed = Signal(str)

    def __init__(self, load: PageLoader, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._runner = runner
        self._query = ReviewListQuery()
        self._started = False
        self._generation = 0
        self._rows: list[ReviewSummary] = []
        self._ids: set[int] = set()
        self._next_offset = 0
        self._total: int | None = None
        self._unfiltered: int | None = None
        self._waiting_first = False  # the current query's first page has not arrived yet
        self._fetching = False  # a next page of the current query is on its way
        self._stalled = False  # reading a next page failed: no more until asked again
        self._running: _Request | None = None
        self._queued: _Request | None = None

    # -- what is asked -----------------------------------------------------------------------

    @property
    def query(self) -> ReviewListQuery:
        return self._query

    def set_query(self, query: ReviewListQuery) -> None:
        if query != self._query:
            self._query = query
            if self._started:
                self.refresh()

    def set_text(self, text: str) -> None:
        self.set_query(replace(self._query, text=" ".join(text.split())))

    def set_status(self, status: ReviewStatus | None) -> None:
        self.set_query(replace(self._query, status=status))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: ask the database for that order (column -1: newest first)."""
        descending = order == Qt.SortOrder.DescendingOrder
        if 0 <= column < len(SORTS):
            self.set_query(replace(self._query, sort=SORTS[column], descending=descending))
        else:
            self.set_query(replace(self._query, sort=None, descending=False))

    def refresh(self) -> None:
        """Ask again from the first page (the shown rows stay until the answer arrives)."""
        self._started = True
        self._generation += 1
        self._waiting_first = True
        self._fetching = self._stalled = False
        self._request(_Request(self._generation, self._query, 0, FIRST_PAGE))

    @property
    def loading(self) -> bool:
        """Whether the current query's first page is still on its way."""
        return self._waiting_first

    @property
    def total(self) -> int:
        """Reviews matching the query (not only the rows loaded so far)."""
        return self._total or 0

    @property
    def unfiltered(self) -> int:
        """Reviews matching the status filter, whatever the words."""
        return self._unfiltered or 0

    # -- paging ------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._total is None:
            return False
        if self._waiting_first or self._fetching or self._stalled:
            return False
        return self._next_offset < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self._request(_Request(self._generation, self._query, self._next_offset, NEXT_PAGE))

    def _request(self, request: _Request) -> None:
        if self._running is None:
            self._start(request)
        else:
            self._queued = request  # the newest request waits; an older waiting one is dropped

    def _start(self, request: _Request) -> None:
        self._running = request
        load = self._load

        def work() -> ReviewPage:
            return load(request.query, request.offset, request.limit, count=request.first)

        self._runner.run(
            work,
            lambda page: self._answered(request, page),
            lambda message: self._answered(request, None, message),
            doing="reading the reviews",
        )

    def _answered(self, request: _Request, page: ReviewPage | None, message: str = "") -> None:
        if not shiboken6.isValid(self):
            return  # the page holding the model was closed meanwhile
        self._running = None
        if request.generation == self._generation:
            if page is None:
                self._stalled = not request.first
                self._waiting_first = self._fetching = False
                self.failed.emit(message)
            elif request.first:
                self._show_first(page)
            else:
                self._append(request, page)
        queued, self._queued = self._queued, None
        if queued is not None and queued.generation == self._generation:
            self._start(queued)

    def _show_first(self, page: ReviewPage) -> None:
        self.beginResetModel()
        self._rows = list(page.summaries)
        self._ids = {s.id for s in self._rows}
        self._next_offset = len(self._rows)
        self._total = page.total if page.total is not None else len(self._rows)
        self._unfiltered = page.unfiltered
        self._waiting_first = False
        self.endResetModel()
        self.countsChanged.emit()
        self.firstPageShown.emit()

    def _append(self, request: _Request, page: ReviewPage) -> None:
        self._fetching = False
        self._next_offset = request.offset + len(page.summaries)
        if len(page.summaries) < request.limit and self._total != self._next_offset:
            self._total = self._next_offset  # rows were deleted since the count: the end is here
            self.countsChanged.emit()
        # A review added meanwhile shifts the rows: one already shown may come again.
        new = [s for s in page.summaries if s.id not in self._ids]
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._rows += new
        self._ids.update(s.id for s in new)
        self.endInsertRows()

    # -- reading -----------------------------------------------------------------------------

    def record(self, row: int) -> ReviewSummary:
        return self._rows[row]

    def row_of(self, review_id: int) -> int | None:
        """The row of a review among those loaded so far."""
        if review_id not in self._ids:
            return None
        return next(n for n, s in enumerate(self._rows) if s.id == review_id)

    def shown(self) -> list[ReviewSummary]:
        return self._rows

    def display(self, record: ReviewSummary, column: int) -> str:
        return cells.review_cell(record, column)
