"""The main window's pages, built once the database is open (``MainWindow.attach``).

Importing this module imports every page and the editor, and with them the services: the window
shell paints first, without any of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewapp.ui.frameworks_page import FrameworksPage
from reviewapp.ui.review_editor.editor import ReviewEditor
from reviewapp.ui.reviews_page import ReviewsPage
from reviewapp.ui.staff_list_page import StaffListPage
from reviewapp.ui.staff_page import StaffPage

if TYPE_CHECKING:
    from reviewapp.services.container import Services
    from reviewapp.ui.tasks import TaskRunner


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
