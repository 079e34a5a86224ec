"""Evidence search: the staff page's field and the Find evidence window, searching as you type."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_helpers import add_member, start_review, type_text

from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.services.container import Services
from reviewapp.ui.find_evidence import FindEvidenceDialog
from reviewapp.ui.search_panel import SearchResultsModel, snippet


def _note(services: Services, staff_id: int, day: date, text: str, competency: int = 0):
    framework = services.frameworks.current()
    return services.evidence.add(
        staff_id,
        EvidenceDraft(
            framework.competencies[competency].id, day, EvidenceSource.DIRECT_OBSERVATION, text
        ),
    )


def _people(services: Services):
    ana = add_member(services, "Ana Noël", "E1")
    bo = add_member(services, "Bo Lind", "E2")
    review = start_review(services, ana)  # 2024-04-01 to 2025-03-31
    _note(services, ana.id, date(2024, 6, 3), "Fixed the printer jam for a patron.", 2)
    _note(services, ana.id, date(2023, 1, 9), "Showed a patron the printer settings.")
    _note(services, ana.id, date(2024, 7, 1), "Helped Élodie with the e-reader loans.")
    _note(services, bo.id, date(2024, 8, 1), "Explained the printer queue calmly.")
    return ana, bo, review


def test_snippet_shows_the_words_around_the_match() -> None:
    text = "Opening shift. " * 30 + "Sorted out the PRINTER queue for three patrons."
    shown = snippet(text, "printer", width=60)
    assert shown.startswith("…")
    assert "PRINTER queue" in shown
    assert snippet("Short note", "absent") == "Short note"


def test_staff_page_search_finds_only_this_persons_notes_as_you_type(
    make_window, services: Services, qtbot
) -> None:
    ana, _bo, review = _people(services)
    window = make_window(services)
    window.open_staff(ana.id)
    tab = window.staff_page.journal_tab
    calls: list[str] = []
    search = services.search.evidence

    def counting(query: str, **kwargs):
        calls.append(query)
        return search(query, **kwargs)

    tab.search._search = type("S", (), {"evidence": staticmethod(counting)})()
    window.staff_page.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.search.field, "printer")
    assert tab.stack.currentIndex() == 1  # the results replace the journal while typing
    qtbot.waitUntil(lambda: tab.search.model.rowCount() == 2)
    assert calls == ["printer"]  # one search after the typing paused, not one per key
    model = tab.search.model
    dates = [model.index(r, SearchResultsModel.COLUMN_DATE).data() for r in range(2)]
    assert sorted(dates) == ["2023-01-09", "2024-06-03"]
    assert tab.search.table.isColumnHidden(SearchResultsModel.COLUMN_STAFF)
    assert tab.search.status.text() == "2 notes found."

    QTest.keyClick(tab.search.field, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is tab.search.table
    tab.search.table.setCurrentIndex(model.index(dates.index("2024-06-03"), 0))
    QTest.keyClick(tab.search.table, Qt.Key.Key_Return)  # the note of 2024-06-03: in the review
    assert window.pages.currentWidget() is window.editor
    assert window.editor.session.review.id == review.id
    framework = services.frameworks.current()
    assert window.editor.current_competency_id() == framework.competencies[2].id


def test_a_found_note_outside_any_review_is_shown_in_the_journal(
    make_window, services: Services, qtbot
) -> None:
    ana, _bo, _review = _people(services)
    window = make_window(services)
    window.open_staff(ana.id)
    tab = window.staff_page.journal_tab
    type_text(tab.search.field, "réglages printer")  # accents folded; both words needed
    qtbot.waitUntil(
        lambda: tab.search.status.text() == "No evidence note contains “réglages printer”."
    )
    tab.search.field.clear()
    type_text(tab.search.field, "settings")
    qtbot.waitUntil(lambda: tab.search.model.rowCount() == 1)
    tab.search.table.setFocus()
    QTest.keyClick(tab.search.table, Qt.Key.Key_Return)
    assert tab.stack.currentIndex() == 0
    assert tab.search.field.text() == ""
    assert window.staff_page.journal.current_note().text.startswith("Showed a patron")


def test_find_evidence_searches_everyone_and_opens_the_staff_page(
    make_window, services: Services, qtbot
) -> None:
    _ana, bo, _review = _people(services)
    window = make_window(services)
    QTest.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.features.find_dialog
    assert isinstance(dialog, FindEvidenceDialog)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search.field)
    type_text(dialog.search.field, "PRINTER")
    qtbot.waitUntil(lambda: dialog.search.model.rowCount() == 3)
    staff = {dialog.search.model.index(r, 1).data() for r in range(3)}
    assert staff == {"Ana Noël", "Bo Lind"}
    row = next(r for r in range(3) if dialog.search.model.hit(r).note.staff_id == bo.id)
    dialog.search.table.setCurrentIndex(dialog.search.model.index(row, 0))
    dialog.search.table.setFocus()
    QTest.keyClick(dialog.search.table, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.pages.currentWidget() is window.staff_page
    assert window.staff_page.member.id == bo.id


def test_find_evidence_opens_the_review_a_note_belongs_to_or_says_there_is_none(
    make_window, services: Services, qtbot
) -> None:
    _ana, bo, review = _people(services)
    window = make_window(services)
    dialog = window.features.open_find()
    type_text(dialog.search.field, "e-reader")  # "e-reader" finds "e-reader" and "ereader"
    qtbot.waitUntil(lambda: dialog.search.model.rowCount() == 1)
    assert "Élodie" in dialog.search.model.index(0, SearchResultsModel.COLUMN_NOTE).data()
    dialog.review_button.click()
    assert window.editor.session.review.id == review.id

    dialog = window.features.open_find()
    assert dialog.search.field.selectedText() == "e-reader"  # the last search, ready to retype
    dialog.search.field.clear()
    type_text(dialog.search.field, "calmly")
    qtbot.waitUntil(lambda: not dialog.search.busy)
    assert dialog.search.model.rowCount() == 1
    assert dialog.search.model.hit(0).note.staff_id == bo.id
    dialog.review_button.click()
    assert dialog.isVisible()
    assert dialog.message.text().startswith(f"No review of {bo.name} covers 2024-08-01")


def test_ctrl_f_in_the_editor_opens_find_evidence(make_window, services, qtbot) -> None:
    ana, _bo, review = _people(services)
    window = make_window(services)
    window.open_review(review.id)
    window.window_actions.find.trigger()
    assert window.features.find_dialog is not None and window.features.find_dialog.isVisible()
    window.features.find_dialog.reject()
    window.open_staff(ana.id)
    window.window_actions.find.trigger()
    field = window.staff_page.journal_tab.search.field
    assert window.staff_page.tabs.currentWidget() is window.staff_page.journal_tab
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
