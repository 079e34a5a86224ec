"""Help > Keyboard shortcuts: every shortcut of the window, read from its actions."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewapp.ui.common import accessible, resize_within_screen, wrapping_label

KEYS_IN_PLACE = (
    ("Tab / Shift+Tab", "Move to the next / previous field"),
    ("Tab (into a rating)", "Lands on the chosen rating, or the first level"),
    ("Up / Down (in a rating)", "Choose the next or previous rating; stored at once"),
    ("Up / Down (in an indicator rating)", "Change the indicator's rating; stored at once"),
    ("Enter (in a list)", "Open the selected staff member, review, note or goal"),
    ("Down (in a list's filter)", "Go into the list"),
    ("Enter (in the staff filter)", "Open the page of the person found"),
    ("Delete (in evidence notes)", "Delete the selected note (Ctrl+Z brings it back in a review)"),
    ("Alt+underlined letter", "Go to that field in a dialog"),
    ("Escape", "Close a dialog without saving it"),
    ("Escape (in meeting view)", "Leave meeting view"),
)


def plain_text(text: str) -> str:
    """A menu text as words: mnemonic marks and the trailing ellipsis gone, "&&" kept as "&"."""
    words = "&".join(part.replace("&", "") for part in text.split("&&"))
    return words.replace("…", "").split("\t")[0]


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """Keys and words of each action a person can see (rating levels beyond the open review's
    scale are hidden, and so are left out)."""
    rows: list[tuple[str, str]] = []
    for action in actions:
        if not action.isVisible():
            continue
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys:
            rows.append((" or ".join(keys), plain_text(action.text())))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcut_rows(actions) + list(KEYS_IN_PLACE)
        self.table = accessible(
            QTableWidget(len(rows), 2), "Keyboard shortcuts", "Keys and what they do."
        )
        self.table.setHorizontalHeaderLabels(["Keys", "What they do"])
        self.table.horizontalHeader().setAccessibleName("Keyboard shortcut columns")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in buttons.buttons():
            accessible(button, "Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapping_label(
                "Everything can be done from the keyboard. The Review menu's "
                "shortcuts work while a review is open."
            )
        )
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        chars, lines = self.fontMetrics().averageCharWidth(), self.fontMetrics().lineSpacing()
        resize_within_screen(self, chars * 90, lines * 30)
