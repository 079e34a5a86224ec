"""The main window's pages, built once the database is open (``MainWindow.attach``).

Importing this module imports every page and the editor, and with them the services: the window
shell paints first, without any of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from reviewapp.ui import navigation
from reviewapp.ui.context import Changes
from reviewapp.ui.frameworks_page import FrameworksPage
from reviewapp.ui.review_editor.editor import ReviewEditor
from reviewapp.ui.reviews_page import ReviewsPage
from reviewapp.ui.staff_list_page import StaffListPage
from reviewapp.ui.staff_page import StaffPage

if TYPE_CHECKING:
    from reviewapp.services.container import Services
    from reviewapp.ui.tasks import TaskRunner
    from reviewapp.ui.window_staff import StaffDialogs


class PageHost(Protocol):
    """What the pages' requests go to: the window."""

    def open_staff(self, staff_id: int) -> None: ...

    def open_review(self, review_id: int) -> None: ...

    def go(self, index: int) -> None: ...

    def add_staff(self) -> None: ...

    def edit_staff(self) -> None: ...

    def start_review(self) -> None: ...

    def import_staff(self) -> None: ...

    def show_message(self, text: str) -> None: ...

    def notify(self, changes: Changes) -> None: ...


@dataclass(frozen=True)
class Pages:
    staff_list: StaffListPage
    reviews: ReviewsPage
    frameworks: FrameworksPage
    staff_page: StaffPage
    editor: ReviewEditor

    def listed(self) -> tuple[StaffListPage, ReviewsPage, FrameworksPage]:
        """The pages of the navigation list, in its order."""
        return (self.staff_list, self.reviews, self.frameworks)

    def all(self) -> tuple[StaffListPage, ReviewsPage, FrameworksPage, StaffPage, ReviewEditor]:
        return (self.staff_list, self.reviews, self.frameworks, self.staff_page, self.editor)


def build_pages(services: Services, tasks: TaskRunner) -> Pages:
    return Pages(
        staff_list=StaffListPage(services, tasks, demo_available=True),
        reviews=ReviewsPage(services, tasks),
        frameworks=FrameworksPage(services),
        staff_page=StaffPage(services),
        editor=ReviewEditor(services),
    )


def connect_pages(pages: Pages, host: PageHost, staff_dialogs: StaffDialogs) -> None:
    """The pages' requests to the window; each page's own Start review and Edit details mean
    the person selected on that page, which the window reads from the page in front."""
    pages.staff_list.openRequested.connect(host.open_staff)
    pages.staff_list.addRequested.connect(host.add_staff)
    pages.staff_list.importRequested.connect(host.import_staff)
    pages.staff_list.demoRequested.connect(staff_dialogs.load_demo)
    pages.staff_list.failed.connect(host.show_message)
    pages.reviews.openRequested.connect(host.open_review)
    pages.staff_page.backRequested.connect(lambda: host.go(navigation.STAFF))
    pages.staff_page.editRequested.connect(lambda _member: host.edit_staff())
    pages.staff_page.reviewOpenRequested.connect(host.open_review)
    pages.staff_page.message.connect(host.show_message)
    for page in (pages.staff_list, pages.reviews, pages.staff_page):
        page.startReviewRequested.connect(lambda _staff_id: host.start_review())
    pages.editor.staffRequested.connect(host.open_staff)
    pages.editor.session.stored.connect(lambda: host.notify(Changes(reviews=True)))
