"""What a feature of the window may use: a narrow context, not the main window itself.

Documents, backups, packages, the staff dialogs and the review start each take a
``WindowContext``. They learn which person and which reviews the user means from
``selection()`` (the page in front decides), and they announce what they changed with
``notify(Changes(...))``; each page then decides for itself whether to read again. No feature
reaches into another page's widgets or flags.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, QSettings
    from PySide6.QtWidgets import QWidget

    from reviewapp.services.container import Services
    from reviewapp.ui.tasks import TaskRunner


# NamedTuples, not dataclasses: the window shell uses these before its first paint, and
# importing dataclasses there costs more than these two small values are worth.
class Selection(NamedTuple):
    """The person and reviews the user sees selected (or open) on the page in front.

    ``review_id`` is the current review (the row with the cursor, or the review open in the
    editor); ``review_ids`` every selected review, in the order shown. Empty when the page
    shows none: an action then asks, it never guesses.
    """

    staff_id: int | None = None
    staff_name: str = ""
    review_id: int | None = None
    review_ids: tuple[int, ...] = ()


class Changes(NamedTuple):
    """What a use case changed, so that every page can tell whether it shows something stale."""

    staff: bool = False
    reviews: bool = False
    frameworks: bool = False
    settings: bool = False
    everything: bool = False
    """The whole database was replaced (a restore): nothing shown before is to be trusted."""

    @classmethod
    def all(cls) -> Changes:
        return cls(staff=True, reviews=True, frameworks=True, settings=True, everything=True)

    def touches(self, *, staff: bool = False, reviews: bool = False) -> bool:
        """Whether a page showing staff and/or reviews is affected."""
        return self.everything or (staff and self.staff) or (reviews and self.reviews)


class WindowContext(Protocol):
    """The part of the main window a feature depends on."""

    @property
    def services(self) -> Services: ...

    @property
    def tasks(self) -> TaskRunner: ...

    @property
    def settings(self) -> QSettings: ...

    @property
    def widget(self) -> QWidget:
        """The parent for the feature's dialogs."""
        ...

    @property
    def read_only(self) -> bool: ...

    def show_message(self, text: str) -> None:
        """A short note in the status bar (a long one is shown whole in its tooltip)."""

    def show_dialog(self, dialog: QObject) -> None:
        """Open a window-modal dialog without blocking."""

    def flush(self) -> bool:
        """Store the edit being typed; False (with ``save_error``) when it could not be."""
        ...

    @property
    def save_error(self) -> str:
        """Why the last ``flush`` failed."""
        ...

    def selection(self) -> Selection: ...

    def notify(self, changes: Changes) -> None:
        """Tell every page what changed."""

    def open_staff(self, staff_id: int) -> None: ...

    def open_review(self, review_id: int, competency_id: int | None = None) -> None: ...

    def go_read_only(self, reason: str) -> None:
        """From now on nothing is written to the database (it turned out damaged)."""
