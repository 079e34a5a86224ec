"""The Reviews list as the app shows it: the paged model in a shown table view.

The list is read a page at a time (ReviewListModel over ReviewQueries.page, on the task runner's
thread), so "filled and sorted" is measured the way a person meets it: from asking to the first
screenful painted in the order asked for. Three figures, each timed from the request to the
repaint after the answer, with the thread hand-offs included:

- first screenful: a new model and view, sorted by staff name (as the earlier whole-list figure);
- re-sort: a header click on a shown list, alternating two columns and directions; and by the
  overall rating, the slowest column (the mean of each review's ratings, for every review);
- filter: words typed into the filter (the typing pause itself not counted), alternating two.

The floor beside each is the same page's SQL (ids of the page, their summaries, the counts) run
through plain sqlite3: what the database alone costs for that answer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from common import Figure, median, time_ms

from reviewapp.domain.review_list import ReviewListQuery, ReviewSort
from reviewapp.services.container import Services

LIMIT_MS = 100.0
FILTERS = ("elodie", "bibliotheque 2023")
SETTLE = 3  # event-loop passes until the view is idle (measured: the third does nothing)
_KEEP: list[object] = []


def _floor(services: Services, queries: list[ReviewListQuery]) -> Callable[[], object]:
    """Plain sqlite3 running the SQL of each query's first page in turn."""
    from sqlalchemy.dialects import sqlite

    from reviewapp.services import review_pages
    from reviewapp.ui.review_list_model import FIRST_PAGE

    def compiled(statement: Any) -> str:
        literal = {"literal_binds": True}
        return str(statement.compile(dialect=sqlite.dialect(), compile_kwargs=literal))

    connection = sqlite3.connect(services.engine.url.database or "")
    _KEEP.append(connection)
    turn = iter(range(10**9))
    plans = [
        (
            compiled(review_pages.page_ids(q, 0, FIRST_PAGE)),
            compiled(review_pages.count(q)),
            compiled(review_pages.count(q, words=False)) if q.words else None,
            q,
        )
        for q in queries
    ]

    def run() -> object:
        ids_sql, count_sql, unfiltered_sql, _query = plans[next(turn) % len(plans)]
        ids = [row[0] for row in connection.execute(ids_sql)]
        rows = connection.execute(compiled(review_pages.summaries(ids))).fetchall()
        counts = [connection.execute(count_sql).fetchone()]
        if unfiltered_sql is not None:
            counts.append(connection.execute(unfiltered_sql).fetchone())
        return rows, counts

    return run


def review_list_figures(services: Services, runs: int) -> list[Figure]:
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from reviewapp.ui.review_list_model import ReviewListModel
    from reviewapp.ui.review_table_model import COLUMN_OVERALL, COLUMN_PERIOD, COLUMN_STAFF
    from reviewapp.ui.tasks import TaskRunner

    tasks = TaskRunner()
    view = QTableView()
    view.setSortingEnabled(True)
    view.resize(1000, 600)
    view.show()
    _KEEP.extend((tasks, view))
    total = services.reviews.page(ReviewListQuery(), 0, 1).total or 0

    def answered(model: ReviewListModel, ask: Callable[[], object]) -> None:
        """Ask, wait for the first page of the answer, then let the view paint it."""
        loop = QEventLoop()
        problems: list[str] = []

        def failed(message: str) -> None:
            problems.append(message)
            loop.quit()

        model.firstPageShown.connect(loop.quit)
        model.failed.connect(failed)
        ask()
        if model.loading:
            loop.exec()
        model.firstPageShown.disconnect(loop.quit)
        model.failed.disconnect(failed)
        for _ in range(SETTLE):  # lay out and paint: after a reset the view paints twice,
            QApplication.processEvents()  # at once and again after its delayed layout
        if problems or model.loading or (model.total and not model.rowCount()):
            raise RuntimeError(f"the reviews list did not fill {problems}")

    def first_fill() -> object:
        old = view.model()
        model = ReviewListModel(services.reviews.page, tasks, view)
        view.setModel(model)  # sorting enabled: the header's order is the model's
        view.sortByColumn(COLUMN_STAFF, Qt.SortOrder.AscendingOrder)
        answered(model, model.refresh)
        if old is not None:
            old.deleteLater()
        return view

    def shown() -> ReviewListModel:
        model = view.model()  # the first-fill figure replaces the model at every run
        assert isinstance(model, ReviewListModel)
        return model

    orders = iter(range(10**9))
    words = iter(range(10**9))

    def resort() -> object:
        if next(orders) % 2 == 0:
            order = (COLUMN_PERIOD, Qt.SortOrder.DescendingOrder)
        else:
            order = (COLUMN_STAFF, Qt.SortOrder.AscendingOrder)
        answered(shown(), lambda: view.sortByColumn(*order))
        return view

    def by_overall() -> object:
        descending = next(orders) % 2 == 0
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        answered(shown(), lambda: view.sortByColumn(COLUMN_OVERALL, order))
        return view

    def refilter() -> object:
        text = FILTERS[next(words) % 2]
        model = shown()
        answered(model, lambda: model.set_text(text))
        return view

    def by_staff() -> None:
        query = shown().query
        if query.sort != ReviewSort.STAFF or query.descending:
            answered(shown(), lambda: view.sortByColumn(COLUMN_STAFF, Qt.SortOrder.AscendingOrder))

    staff = ReviewListQuery(sort=ReviewSort.STAFF)
    newest = ReviewListQuery(sort=ReviewSort.PERIOD, descending=True)
    overall = ReviewListQuery(sort=ReviewSort.OVERALL)
    cases = [
        (
            f"reviews table: first screenful filled and sorted ({total:,} reviews)",
            first_fill,
            [staff],
            "new paged model + shown view, by staff name",
        ),
        (
            "reviews table: re-sort (header click)",
            resort,
            [newest, staff],
            "period newest first / staff name, alternately",
        ),
        (
            "reviews table: re-sort by overall rating (slowest column)",
            by_overall,
            [replace(overall, descending=True), overall],
            "the mean rating worked out for every review; up / down, alternately",
        ),
        (
            f'reviews table: filter ("{FILTERS[0]}" / "{FILTERS[1]}")',
            refilter,
            [replace(staff, text=text) for text in FILTERS],
            "sorted by staff name; the typing pause not counted",
        ),
    ]
    figures = []
    first_fill()
    for name, action, queries, note in cases:
        by_staff()
        floor = _floor(services, queries)
        samples, floor_samples = [], []
        for _ in range(runs):  # alternate, so noise falls on both alike
            samples += time_ms(action, 1)
            floor_samples += time_ms(floor, 1)
        figures.append(
            Figure(
                name,
                median(samples),
                "ms",
                runs,
                limit=LIMIT_MS,
                floor=median(floor_samples),
                floor_name="the same page's SQL by plain sqlite3",
                level="GUI paged model+view",
                samples=samples,
                note=note,
            )
        )
    return figures
