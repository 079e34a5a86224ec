"""Figures measured inside one process on the open database: search, tables, the review editor.

GUI-level where the GUI piece exists (table models with a shown view, the review editor widget);
otherwise the service calls the GUI would make, labelled 'service' in the results.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable

from common import Figure, median, time_ms
from fixtures import bench_review

from reviewapp.services.container import Services

SEARCH_QUERIES = ("printer", "e-reader")
SEARCH_LIMIT_MS = 50.0
TABLE_LIMIT_MS = 100.0
EDITOR_OPEN_LIMIT_MS = 50.0
EDITOR_STEP_LIMIT_MS = 16.0


def has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def search_figures(services: Services, runs: int) -> list[Figure]:
    figures = []
    for query in SEARCH_QUERIES:
        hits = services.search.evidence(query)
        samples = time_ms(lambda q=query: services.search.evidence(q), runs)  # type: ignore[misc]
        figures.append(
            Figure(
                f'search evidence "{query}"',
                median(samples),
                "ms",
                runs,
                limit=SEARCH_LIMIT_MS,
                level="FTS5" if services.search.uses_index else "scan",
                samples=samples,
                note=f"{len(hits)} hits shown (limit 50)",
            )
        )
    member = services.staff.list()[len(services.staff.list()) // 2]
    samples = time_ms(lambda: services.search.evidence("e-reader", staff_id=member.id), runs)
    figures.append(
        Figure(
            'search one person\'s evidence "e-reader"',
            median(samples),
            "ms",
            runs,
            limit=SEARCH_LIMIT_MS,
            level="FTS5" if services.search.uses_index else "scan",
            samples=samples,
        )
    )
    return figures


def _service_tables(services: Services) -> dict[str, Callable[[], object]]:
    def staff() -> object:
        return sorted(services.staff.list(), key=lambda m: m.name.casefold())

    def reviews() -> object:
        return sorted(services.reviews.list(), key=lambda r: r.staff_name.casefold())

    return {"staff": staff, "reviews": reviews}


def _gui_tables(services: Services) -> dict[str, Callable[[], object]]:
    from PySide6.QtWidgets import QApplication, QTableView

    from reviewapp.ui.review_table_model import ReviewTableModel
    from reviewapp.ui.staff_table_model import StaffTableModel

    actions: dict[str, Callable[[], object]] = {}
    for name, model_class, load, column in (
        ("staff", StaffTableModel, services.staff.list, StaffTableModel.COLUMN_NAME),
        ("reviews", ReviewTableModel, services.reviews.list, ReviewTableModel.COLUMN_STAFF),
    ):
        view = QTableView()
        model = model_class(view)
        view.setModel(model)
        view.resize(1000, 600)
        view.show()

        def fill(model=model, load=load, column=column, view=view) -> object:  # type: ignore[no-untyped-def]
            model.set_records(load())
            model.sort(column)
            QApplication.processEvents()  # lay out and paint the view
            return view

        actions[name] = fill
    return actions


def table_figures(services: Services, runs: int) -> list[Figure]:
    gui = has_module("reviewapp.ui.staff_table_model") and has_module(
        "reviewapp.ui.review_table_model"
    )
    actions = _gui_tables(services) if gui else _service_tables(services)
    counts = {"staff": len(services.staff.list()), "reviews": len(services.reviews.list())}
    figures = []
    for name, action in actions.items():
        samples = time_ms(action, runs)
        figures.append(
            Figure(
                f"{name} table filled and sorted ({counts[name]:,} rows)",
                median(samples),
                "ms",
                runs,
                limit=TABLE_LIMIT_MS,
                level="GUI model+view" if gui else "service",
                samples=samples,
            )
        )
    return figures


def editor_figures(services: Services, runs: int) -> list[Figure]:
    """Open the benchmark review; switch competency; store one edit (service level)."""
    review_id = bench_review(services)
    framework = services.reviews.framework_of(review_id)
    competencies = [c.id for c in framework.competencies]

    def open_review() -> object:
        return (
            services.reviews.get(review_id),
            services.reviews.framework_of(review_id),
            services.evidence.for_review(review_id),
            services.goals.previous_open(review_id),
        )

    counter = iter(range(10**9))

    def store_edit() -> object:
        n = next(counter)
        competency = competencies[n % len(competencies)]
        return services.reviews.set_comment(review_id, competency, f"Edited comment {n}.")

    notes = len(services.evidence.for_review(review_id))
    figures = []
    for name, action, limit in (
        (f"open a review (7 competencies, 34 indicators, {notes} notes)", open_review, 50.0),
        ("store one edit (autosave of a comment)", store_edit, EDITOR_STEP_LIMIT_MS),
    ):
        samples = time_ms(action, runs)
        figures.append(
            Figure(name, median(samples), "ms", runs, limit=limit, level="service", samples=samples)
        )
    return figures
