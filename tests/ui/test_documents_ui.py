"""Export PDF, Print worksheet and the batch export, driven through the window (no viewer runs)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fake_prompts import Answers
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication
from ui_helpers import add_member, start_review

from reviewapp.domain.review import ReviewStatus
from reviewapp.services.container import Services
from reviewapp.ui import navigation
from reviewapp.ui.batch_pdf_dialog import BatchPdfDialog, BatchRun
from reviewapp.ui.message_list import MessageListDialog


def is_pdf(path: Path) -> bool:
    return path.is_file() and path.read_bytes().startswith(b"%PDF-")


def test_export_pdf_from_the_editor_proposes_the_file_name_and_opens_the_viewer(
    make_window, services: Services, qtbot, answers: Answers, qsettings
) -> None:
    member = add_member(services)
    review = start_review(services, member)
    window = make_window(services)
    window.open_review(review.id)
    expected = services.documents.file_name(review.id)
    answers.save = answers.documents / "chosen"  # no suffix typed: .pdf is added
    window.editor.header.pdf_button.click()
    qtbot.waitUntil(lambda: answers.shown != [])
    kind, _title, proposed = answers.asked[0]
    assert kind == "save"
    assert proposed == answers.documents / expected
    written = answers.documents / "chosen.pdf"
    assert answers.shown == [written]
    assert is_pdf(written)
    assert qsettings.value("folders/pdf") == str(answers.documents)
    assert str(written) in window.message()


def test_the_next_export_proposes_the_folder_used_last(
    make_window, services: Services, qtbot, answers: Answers, tmp_path: Path
) -> None:
    member = add_member(services)
    review = start_review(services, member)
    window = make_window(services)
    elsewhere = tmp_path / "hr"
    elsewhere.mkdir()
    answers.save = elsewhere / "first.pdf"
    window.open_review(review.id)
    window.features.documents.export_pdf.trigger()
    qtbot.waitUntil(lambda: len(answers.shown) == 1)
    answers.save = None  # the person cancels the second dialog: nothing is written
    window.features.documents.export_pdf.trigger()
    assert answers.asked[1][2] == elsewhere / services.documents.file_name(review.id)
    assert len(answers.shown) == 1


def test_export_pdf_from_the_reviews_list_uses_the_selected_review(
    make_window, services: Services, qtbot, answers: Answers
) -> None:
    first = add_member(services, "Bea Ortiz", "E1")
    second = add_member(services, "Chen Wei 陈伟", "E2")
    start_review(services, first)
    wanted = start_review(services, second)
    window = make_window(services)
    window.go(navigation.REVIEWS)
    qtbot.waitUntil(lambda: window.reviews.model.rowCount() == 2)
    row = window.reviews.model.row_of(wanted.id)
    window.reviews.table.setCurrentIndex(window.reviews.model.index(row, 0))
    assert window.features.documents.export_pdf in window.reviews.table.actions()
    answers.save = answers.documents / "wei.pdf"
    window.features.documents.export_pdf.trigger()
    qtbot.waitUntil(lambda: answers.shown != [])
    assert answers.asked[0][2].name == services.documents.file_name(wanted.id)
    assert "Chen_Wei_陈伟" in answers.asked[0][2].name
    assert is_pdf(answers.documents / "wei.pdf")


def test_print_worksheet_from_the_staff_page(
    make_window, services: Services, qtbot, answers: Answers
) -> None:
    member = add_member(services, "Zoë O'Neil", "E7")
    window = make_window(services)
    window.open_staff(member.id)
    answers.save = answers.documents / "sheet.pdf"
    window.staff_page.worksheet_button.click()
    qtbot.waitUntil(lambda: answers.shown != [])
    assert answers.asked[0][2] == answers.documents / "worksheet_Zoë_O'Neil.pdf"
    assert is_pdf(answers.documents / "sheet.pdf")


def test_a_pdf_that_cannot_be_written_is_explained_and_no_viewer_opens(
    make_window, services: Services, qtbot, answers: Answers, tmp_path: Path
) -> None:
    member = add_member(services)
    review = start_review(services, member)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    window = make_window(services)
    window.open_review(review.id)
    answers.save = blocker / "review.pdf"
    window.features.documents.export_pdf.trigger()
    qtbot.waitUntil(lambda: isinstance(window.dialog, MessageListDialog))
    assert window.dialog.summary.text() == "The review PDF was not written."
    assert "Cannot write" in window.dialog.lines()[0]
    assert str(blocker) in window.dialog.lines()[0]
    assert answers.shown == []


def test_when_no_viewer_opens_the_pdf_the_status_bar_says_where_it_is(
    make_window, services: Services, qtbot, answers: Answers
) -> None:
    window = make_window(services)
    answers.viewer_works = False
    answers.save = answers.documents / "blank.pdf"
    window.features.documents.print_worksheet.trigger()  # no person chosen: a blank worksheet
    assert answers.asked[0][2].name == "worksheet.pdf"
    qtbot.waitUntil(lambda: "no PDF viewer" in window.message())
    assert is_pdf(answers.documents / "blank.pdf")


def _three_reviews(services: Services) -> None:
    for number, (name, branch) in enumerate(
        (("Ana Noël", "Central"), ("Bo Lind", "Central"), ("Cy Fox", "North")), start=1
    ):
        member = add_member(services, name, f"E{number}")
        if branch != "Central":
            from reviewapp.domain.staff import StaffDraft

            member = services.staff.update(
                member.id,
                StaffDraft(name=name, employee_number=f"E{number}", branch_name=branch),
            )
        start_review(services, member, end=date(2025, 3, 31))


def test_batch_export_chooses_by_branch_and_writes_one_pdf_per_review(
    make_window, services: Services, qtbot, answers: Answers, tmp_path: Path
) -> None:
    _three_reviews(services)
    window = make_window(services)
    dialog = window.features.documents.open_batch()
    assert isinstance(dialog, BatchPdfDialog)
    qtbot.waitUntil(lambda: dialog.matches is not None)
    assert dialog.count.text() == "3 reviews chosen."
    dialog.branch.setCurrentIndex(dialog.branch.findData("Central"))
    qtbot.waitUntil(lambda: dialog.matches is not None and len(dialog.matches) == 2)
    dialog.status.setCurrentIndex(dialog.status.findData(ReviewStatus.FINALISED.value))
    qtbot.waitUntil(lambda: dialog.count.text() == "0 reviews chosen.")
    assert not dialog.export_button.isEnabled()
    dialog.status.setCurrentIndex(0)
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled())
    answers.folder = tmp_path / "pdfs"
    dialog.browse.click()
    assert dialog.folder.text() == str(tmp_path / "pdfs")
    dialog.export_button.click()
    run = window.features.documents.batch
    assert isinstance(run, BatchRun)
    qtbot.waitUntil(lambda: run.summary is not None, timeout=20_000)
    written = sorted(p.name for p in (tmp_path / "pdfs").iterdir())
    assert len(written) == 2
    assert all(name.endswith("_annual.pdf") for name in written)
    assert run.summary.summary.text() == f"2 of 2 PDFs were written to {tmp_path / 'pdfs'}."
    assert run.done_count == 2
    assert not run.progress.isVisible()
    open_folder = next(b for b in run.summary.buttons.buttons() if b.text() == "Open folder")
    open_folder.click()
    assert answers.shown == [tmp_path / "pdfs"]


def test_a_cancelled_batch_stops_and_says_how_many_were_written(
    make_window, services: Services, qtbot, answers: Answers, tmp_path: Path
) -> None:
    _three_reviews(services)
    window = make_window(services)
    ids = [r.id for r in services.reviews.list()]
    run = BatchRun(window, window.features.prompts, ids, tmp_path / "out")
    run.cancel_button.click()
    assert run.cancelled
    run.start()
    qtbot.waitUntil(lambda: run.summary is not None, timeout=20_000)
    assert run.summary.summary.text().startswith("Stopped: 0 of 3 PDFs were written")


def test_export_reviews_keeps_several_selected_rows(make_window, services: Services, qtbot) -> None:
    _three_reviews(services)
    window = make_window(services)
    window.go(navigation.REVIEWS)
    qtbot.waitUntil(lambda: window.reviews.model.rowCount() == 3)
    selection = window.reviews.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 2):
        selection.select(window.reviews.model.index(row, 0), flags)
    ids = window.features.packages.selected_review_ids()
    assert ids == [window.reviews.model.record(0).id, window.reviews.model.record(2).id]


def test_a_batch_dialog_closed_while_counting_ignores_the_late_answer(
    make_window, services: Services, qtbot
) -> None:
    _three_reviews(services)
    window = make_window(services)
    dialog = window.features.documents.open_batch()
    qtbot.waitUntil(lambda: dialog.matches is not None)
    dialog.count_matches()  # a count in flight...
    dialog.use_from.setChecked(True)  # ...and another waiting for a pause in the changes
    dialog.reject()
    assert not dialog._debounce.isActive()
    dialog._tasks.wait()
    QApplication.processEvents()  # the first count's answer arrives: ignored
    assert dialog.count.text() == "Counting the reviews…"
    assert dialog.matches is None
