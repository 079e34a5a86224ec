"""The staff and review table models, without a window, against Qt's model contract."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt

from reviewapp.domain.review import ReviewStatus, ReviewSummary, ReviewType
from reviewapp.domain.staff import StaffMember
from reviewapp.ui.review_table_model import ReviewTableModel
from reviewapp.ui.staff_table_model import StaffTableModel


def member(staff_id: int, name: str, active: bool = True, branch: str = "Central") -> StaffMember:
    return StaffMember(
        staff_id,
        f"u{staff_id}",
        name,
        "",
        f"E{staff_id:03d}",
        "Clerk",
        None,
        branch,
        None,
        "",
        active,
    )


def summary(review_id: int, name: str, end: date, overall: float | None) -> ReviewSummary:
    return ReviewSummary(
        review_id,
        review_id,
        name,
        "Central",
        ReviewType.ANNUAL,
        date(end.year - 1, end.month, 1),
        end,
        ReviewStatus.IN_PROGRESS,
        overall,
        3,
        7,
        datetime(2025, 1, 1),
    )


STAFF = [member(1, "Zoë Adams"), member(2, "élodie Brun", active=False), member(3, "Bob Chen")]


def names(model: StaffTableModel) -> list[str]:
    return [model.data(model.index(r, model.COLUMN_NAME)) for r in range(model.rowCount())]


def test_staff_model_contract(qtmodeltester) -> None:
    model = StaffTableModel()
    model.set_records(STAFF)
    qtmodeltester.check(model)
    model.sort(StaffTableModel.COLUMN_NAME)
    qtmodeltester.check(model)


def test_staff_model_shows_and_sorts_accent_insensitively() -> None:
    model = StaffTableModel()
    model.set_records(STAFF)
    assert model.rowCount() == 3
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Employee no."
    model.sort(StaffTableModel.COLUMN_NAME)
    assert names(model) == ["Bob Chen", "élodie Brun", "Zoë Adams"]
    model.sort(StaffTableModel.COLUMN_NAME, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["Zoë Adams", "élodie Brun", "Bob Chen"]
    assert model.data(model.index(1, model.COLUMN_STATUS)) == "Inactive"
    assert model.data(model.index(0, 0), StaffTableModel.IdRole) == 1


def test_staff_model_filters_by_every_word_and_hides_inactive() -> None:
    model = StaffTableModel()
    model.set_records(STAFF)
    model.set_filter("ELODIE central")
    assert names(model) == ["élodie Brun"]
    model.set_filter("")
    model.set_show_inactive(False)
    assert "élodie Brun" not in names(model)
    assert model.total == 3


def test_replacing_a_record_announces_only_its_row(qtbot) -> None:
    model = StaffTableModel()
    model.set_records(STAFF)
    changed = member(3, "Bob Chén")
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.replace_record(changed)
    top, bottom = blocker.args[0], blocker.args[1]
    assert (top.row(), bottom.row()) == (2, 2)
    assert (top.column(), bottom.column()) == (0, len(model.HEADERS) - 1)
    assert model.data(model.index(2, 0)) == "Bob Chén"


def test_sorting_keeps_the_selected_record_selected() -> None:
    model = StaffTableModel()
    model.set_records(STAFF)
    from PySide6.QtCore import QPersistentModelIndex

    kept = QPersistentModelIndex(model.index(0, 0))  # Zoë
    model.sort(StaffTableModel.COLUMN_NAME)
    assert kept.row() == 2
    assert model.data(model.index(kept.row(), 0)) == "Zoë Adams"


def test_review_model_contract_and_sorting(qtmodeltester) -> None:
    model = ReviewTableModel()
    rows = [
        summary(1, "A", date(2024, 3, 1), 3.5),
        summary(2, "B", date(2025, 3, 1), None),
        summary(3, "C", date(2023, 3, 1), 2.0),
    ]
    model.set_records(rows)
    qtmodeltester.check(model)
    assert model.data(model.index(1, model.COLUMN_OVERALL)) == "—"
    assert model.data(model.index(0, model.COLUMN_OVERALL)) == "3.50"
    assert model.data(model.index(0, model.COLUMN_PROGRESS)) == "3 of 7"
    model.sort(ReviewTableModel.COLUMN_PERIOD, Qt.SortOrder.DescendingOrder)
    assert [model.record(r).id for r in range(3)] == [2, 1, 3]
    model.sort(ReviewTableModel.COLUMN_OVERALL)
    assert [model.record(r).id for r in range(3)] == [3, 1, 2]
