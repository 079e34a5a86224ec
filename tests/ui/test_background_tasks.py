"""Background work: an unexpected failure says what was being done; late answers are ignored."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from fake_prompts import Answers
from PySide6.QtWidgets import QApplication
from ui_helpers import add_member, start_review

from reviewapp.services.container import Services
from reviewapp.ui import crash
from reviewapp.ui.reviews_page import ReviewsPage
from reviewapp.ui.staff_list_page import StaffListPage
from reviewapp.ui.tasks import TaskRunner


def test_an_unexpected_failure_names_what_the_task_was_doing(qtbot, tmp_path: Path) -> None:
    log_file = crash.start_logging(tmp_path)
    assert log_file is not None
    reporter = crash.install(log_file)  # here, not in a fixture: pytest-qt sets its own hook
    try:
        runner = TaskRunner()
        messages: list[str] = []

        def broken() -> None:
            raise RuntimeError("page 7 of 3")

        runner.run(broken, lambda _r: None, messages.append, doing="writing the PDF")
        qtbot.waitUntil(lambda: messages != [])
        (message,) = messages
        assert message.startswith("Something went wrong while writing the PDF.")
        assert "RuntimeError" not in message and "page 7" not in message
        assert "not something you did" in message
        qtbot.waitUntil(lambda: reporter.dialog is not None)
        assert reporter.dialog is not None
        qtbot.addWidget(reporter.dialog)
        assert reporter.dialog.headline.text() == "Something went wrong while writing the PDF."
        logged = log_file.read_text(encoding="utf-8")
        assert "unexpected error while writing the PDF" in logged
        assert "in broken" in logged and "RuntimeError: page 7 of 3" in logged
    finally:
        crash.uninstall()
        crash.stop_logging()


def test_a_pdf_that_fails_unexpectedly_says_it_was_writing_the_pdf(
    make_window, services: Services, qtbot, answers: Answers, monkeypatch
) -> None:
    review = start_review(services, add_member(services))
    window = make_window(services)
    window.open_review(review.id)

    def broken(*_args: object) -> None:
        raise ValueError("a bug")

    monkeypatch.setattr(services.documents, "write_review_pdf", broken)
    answers.save = answers.documents / "review.pdf"
    reporter = crash.install(None)  # here, not in a fixture: pytest-qt sets its own hook
    try:
        window.features.documents.export_pdf.trigger()
        qtbot.waitUntil(lambda: reporter.dialog is not None)
        qtbot.addWidget(reporter.dialog)
        assert reporter.dialog.headline.text() == (
            "Something went wrong while writing the review PDF."
        )
        qtbot.waitUntil(lambda: "Something went wrong" in window.message())
        assert window.dialog is None  # one dialog, the crash dialog; no second one beneath it
        assert "loading" not in window.message()
    finally:
        crash.uninstall()


def test_a_backup_that_fails_unexpectedly_says_it_was_making_the_backup(
    window, services: Services, qtbot, monkeypatch
) -> None:
    def broken() -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(services.backups, "make_backup", broken)
    window.features.backups.back_up.trigger()
    qtbot.waitUntil(lambda: "Something went wrong while making the backup" in window.message())
    assert window.dialog is None  # the crash dialog says it (this test leaves the hooks alone)


class Gate:
    """Wraps a service call: each reads at once, then waits until the test lets it answer."""

    def __init__(self, real: Callable[..., object]) -> None:
        self.real = real
        self.opened: list[threading.Event] = []

    def __call__(self, *args: object, **kwargs: object) -> object:
        answer = self.real(*args, **kwargs)  # read now, as it is at the request
        event = threading.Event()
        self.opened.append(event)
        assert event.wait(10), "the test never let the call answer"
        return answer


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait()


def test_a_staff_list_answer_older_than_the_newest_request_is_ignored(
    window, services: Services, qtbot, monkeypatch
) -> None:
    page = window.staff_list
    first = add_member(services, "First Person", "E1")
    gate = Gate(services.staff.list)
    monkeypatch.setattr(services.staff, "list", gate)
    page.reload()  # answers with one person, but only after...
    qtbot.waitUntil(lambda: len(gate.opened) == 1)
    add_member(services, "Second Person", "E2")
    page.reload()  # ...this newer request, which sees two
    qtbot.waitUntil(lambda: len(gate.opened) == 2)
    gate.opened[1].set()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    gate.opened[0].set()
    window.tasks.wait()
    QApplication.processEvents()  # the older answer arrives now: ignored
    assert page.model.rowCount() == 2
    assert not page.loading
    assert first.id in {page.model.record(row).id for row in range(2)}


def test_a_reviews_answer_older_than_the_newest_request_is_ignored(
    window, services: Services, qtbot, monkeypatch
) -> None:
    member = add_member(services)
    start_review(services, member)
    window.go(1)
    page = window.reviews
    qtbot.waitUntil(lambda: page.model.total == 1)
    start_review(services, add_member(services, "Second Person", "E2"))
    gate = Gate(services.reviews.page)
    monkeypatch.setattr(services.reviews, "page", gate)
    page.reload()  # answers with two reviews, but only after...
    qtbot.waitUntil(lambda: len(gate.opened) == 1)
    page.status.setCurrentIndex(page.status.findData("finalised"))  # ...a newer request: none
    gate.opened[0].set()  # the older answer arrives first: ignored; the newer query runs next
    qtbot.waitUntil(lambda: len(gate.opened) == 2)
    assert page.model.total == 1  # still the rows shown before, not the older answer's two
    gate.opened[1].set()
    qtbot.waitUntil(lambda: page.count.text().startswith("0 shown"))
    window.tasks.wait()
    QApplication.processEvents()
    assert page.model.total == 0


def delete(widget: object) -> None:
    shiboken6.delete(widget)
    assert not shiboken6.isValid(widget)


def test_a_staff_list_answer_after_the_page_was_deleted_is_ignored(
    services: Services, runner: TaskRunner, qtbot, monkeypatch
) -> None:
    add_member(services)
    gate = Gate(services.staff.list)
    monkeypatch.setattr(services.staff, "list", gate)
    page = StaffListPage(services, runner)
    page.reload()
    qtbot.waitUntil(lambda: len(gate.opened) == 1)
    delete(page)
    gate.opened[0].set()
    runner.wait()
    QApplication.processEvents()  # an answer touching the deleted table would raise here
    assert not runner.busy


def test_a_reviews_answer_after_the_page_was_deleted_is_ignored(
    services: Services, runner: TaskRunner, qtbot, monkeypatch
) -> None:
    start_review(services, add_member(services))

    def broken(*_args: object, **_kwargs: object) -> list[object]:
        gate_event.wait(10)
        raise RuntimeError("a bug")  # the failure path touches the page too

    gate_event = threading.Event()
    monkeypatch.setattr(services.reviews, "page", broken)
    page = ReviewsPage(services, runner)
    page.reload()
    delete(page)
    gate_event.set()
    runner.wait()
    QApplication.processEvents()
    assert not runner.busy
