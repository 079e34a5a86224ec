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

# The examples, and a word in about one note in four (ranked among the newest 5,000).
SEARCH_QUERIES = ("printer", "e-reader", "patron")
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
    bench_review(services)  # its 50 notes are the ones that mention a printer
    figures = []
    for query in SEARCH_QUERIES:
        hits = services.search.evidence(query)
        matching = _matching_notes(services, query)
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
                note=f"{matching:,} matching notes; best {len(hits)} shown",
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


def _matching_notes(services: Services, query: str) -> int:
    """How many notes contain the words (counted through the index, where there is one)."""
    if not services.search.uses_index:
        return len(services.search.evidence(query, limit=1_000))
    from sqlalchemy import text

    from reviewapp.db import search_index
    from reviewapp.domain.search import fts_query, parse_query

    table = search_index.TABLE
    match = f"{search_index.TEXT_COLUMN} : ({fts_query(parse_query(query))})"
    with services.engine.connect() as connection:
        count = connection.execute(
            text(f"SELECT count(*) FROM {table} WHERE {table} MATCH :q"), {"q": match}
        ).scalar_one()
    return int(count)


def _service_tables(services: Services) -> dict[str, Callable[[], object]]:
    def staff() -> object:
        return sorted(services.staff.list(), key=lambda m: m.name.casefold())

    def reviews() -> object:
        return sorted(services.reviews.list(), key=lambda r: r.staff_name.casefold())

    return {"staff": staff, "reviews": reviews}


def _gui_tables(services: Services, paged: bool) -> dict[str, Callable[[], object]]:
    from PySide6.QtWidgets import QApplication, QTableView

    from reviewapp.ui.review_table_model import ReviewTableModel
    from reviewapp.ui.staff_table_model import StaffTableModel

    actions: dict[str, Callable[[], object]] = {}
    tables = [("staff", StaffTableModel, services.staff.list, StaffTableModel.COLUMN_NAME)]
    if not paged:  # the whole list in one model (before the Reviews list was read in pages)
        tables.append(
            ("reviews", ReviewTableModel, services.reviews.list, ReviewTableModel.COLUMN_STAFF)
        )
    for name, model_class, load, column in tables:
        view = QTableView()
        _KEEP.append(view)
        view.resize(1000, 600)
        view.show()

        def fill(model_class=model_class, load=load, column=column, view=view) -> object:  # type: ignore[no-untyped-def]
            # A first fill, as when the page opens: a new model, loaded, then sorted once.
            old = view.model()
            model = model_class(view)
            model.set_records(load())
            model.sort(column)
            view.setModel(model)
            if old is not None:
                old.deleteLater()
            QApplication.processEvents()  # lay out and paint the view
            return view

        actions[name] = fill
    return actions


def table_figures(services: Services, runs: int) -> list[Figure]:
    gui = has_module("reviewapp.ui.staff_table_model") and has_module(
        "reviewapp.ui.review_table_model"
    )
    paged = gui and has_module("reviewapp.ui.review_list_model")
    actions = _gui_tables(services, paged) if gui else _service_tables(services)
    counts = {"staff": len(services.staff.list()), "reviews": len(services.reviews.list())}
    figures = []
    for name, action in actions.items():
        floor = _raw_fetch(services, FLOOR_SQL[name])
        samples, floor_samples = [], []
        for _ in range(runs):  # alternate, so noise falls on both alike
            samples += time_ms(action, 1)
            floor_samples += time_ms(floor, 1)
        figures.append(
            Figure(
                f"{name} table filled and sorted ({counts[name]:,} rows)",
                median(samples),
                "ms",
                runs,
                limit=TABLE_LIMIT_MS,
                floor=median(floor_samples),
                floor_name="the same rows fetched by plain sqlite3",
                level="GUI model+view" if gui else "service",
                samples=samples,
            )
        )
    if paged:  # the Reviews list reads a page at a time: measured as it is met
        from bench_review_list import review_list_figures

        figures += review_list_figures(services, runs)
    return figures


# The rows each table shows, as the services select them, fetched as bare tuples: what reading
# them costs before any object, model or view exists.
FLOOR_SQL = {
    "staff": (
        "SELECT s.id, s.uuid, s.name, s.preferred_name, s.employee_number, s.position, "
        "s.branch_id, b.name, s.start_date, s.email, s.active FROM staff s "
        "LEFT JOIN branches b ON b.id = s.branch_id ORDER BY s.sort_name, s.id"
    ),
    "reviews": (
        "SELECT r.id, r.staff_id, coalesce(r.staff_name_snapshot, s.name), "
        "coalesce(r.branch_snapshot, b.name, ''), r.review_type, r.period_start, r.period_end, "
        "r.status, coalesce(CAST(r.overall_override AS INTEGER) * 1.0, a.mean), "
        "coalesce(a.rated, 0), (SELECT count(c.id) FROM competencies c "
        "WHERE c.framework_id = r.framework_id), r.updated_at "
        "FROM reviews r JOIN staff s ON s.id = r.staff_id "
        "LEFT JOIN branches b ON b.id = s.branch_id "
        "LEFT JOIN (SELECT review_id, avg(rating) AS mean, sum(CASE WHEN rating IS NOT NULL "
        "OR not_observed = 1 THEN 1 ELSE 0 END) AS rated FROM competency_ratings "
        "GROUP BY review_id) a ON a.review_id = r.id ORDER BY r.period_end DESC, r.id DESC"
    ),
}


def _raw_fetch(services: Services, sql: str) -> Callable[[], object]:
    import sqlite3

    connection = sqlite3.connect(services.engine.url.database or "")
    _KEEP.append(connection)
    return lambda: connection.execute(sql).fetchall()


def editor_figures(services: Services, runs: int) -> list[Figure]:
    """Open the benchmark review; switch competency; store one edit."""
    review_id = bench_review(services)
    notes = len(services.evidence.for_review(review_id))
    opening = f"open a review (7 competencies, 34 indicators, {notes} notes)"
    if has_module("reviewapp.ui.review_editor.editor"):
        actions, level = _gui_editor(services, review_id), "GUI editor, painted"
    else:
        actions, level = _service_editor(services, review_id), "service"
    figures = []
    for name, limit in (
        (opening, EDITOR_OPEN_LIMIT_MS),
        ("switch competency", EDITOR_STEP_LIMIT_MS),
        ("store one edit (autosave of a comment)", EDITOR_STEP_LIMIT_MS),
    ):
        key = name.split(" (")[0]
        if key not in actions:
            continue
        before, action = actions[key]
        samples = time_ms(action, runs, before=before)
        figures.append(
            Figure(name, median(samples), "ms", runs, limit=limit, level=level, samples=samples)
        )
    return figures


_KEEP: list[object] = []
Steps = dict[str, tuple[Callable[[], object] | None, Callable[[], object]]]


def _service_editor(services: Services, review_id: int) -> Steps:
    """The service calls the editor makes, where there is no editor widget yet."""
    framework = services.reviews.framework_of(review_id)
    competencies = [c.id for c in framework.competencies]
    counter = iter(range(10**9))

    def open_review() -> object:
        return (
            services.reviews.get(review_id),
            services.reviews.framework_of(review_id),
            services.evidence.for_review(review_id),
            services.goals.previous_open(review_id),
        )

    def store_edit() -> object:
        n = next(counter)
        competency = competencies[n % len(competencies)]
        return services.reviews.set_comment(review_id, competency, f"Edited comment {n}.")

    return {"open a review": (None, open_review), "store one edit": (None, store_edit)}


def _gui_editor(services: Services, review_id: int) -> Steps:
    """The review editor widget in a shown window; every step ends with the repaint."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    from reviewapp.ui.review_editor.editor import ReviewEditor

    window = QMainWindow()
    _KEEP.append(window)  # the window (and the editor in it) must outlive this function
    editor = ReviewEditor(services)
    window.setCentralWidget(editor)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    framework = services.reviews.framework_of(review_id)
    first = framework.competencies[0].id
    steps = iter(range(10**9))
    edits = iter(range(10**9))

    def open_review() -> object:
        editor.open_review(review_id)
        editor.competencies.select(first)
        QApplication.processEvents()
        return editor

    def switch() -> object:
        editor.competencies.step(1 if next(steps) % 2 == 0 else -1)
        QApplication.processEvents()
        return editor

    def type_text() -> object:
        editor.panel.comment.setPlainText(f"Edited comment {next(edits)}.")
        return QApplication.processEvents()

    def store_edit() -> object:
        if not editor.panel.comment_saver.pending:
            raise RuntimeError("nothing was typed, so there is nothing to store")
        if not editor.flush():  # what the autosave timer calls once typing pauses
            raise RuntimeError(f"the edit was not saved: {editor.session.last_error}")
        QApplication.processEvents()
        return editor

    open_review()
    return {
        "open a review": (None, open_review),
        "switch competency": (None, switch),
        # Typing is not part of the figure: the save and the repaint after it are.
        "store one edit": (type_text, store_edit),
    }
