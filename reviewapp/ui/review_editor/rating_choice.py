"""Choosing a rating: each scale level with its label and description, plus "not observed"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QStyle,
    QWidget,
)

from reviewapp.domain.framework import RatingScale
from reviewapp.domain.review import NOT_OBSERVED, UNRATED, Assessment
from reviewapp.ui.common import accessible, wrapping_label

NOT_OBSERVED_ID = 0
UNRATED_ID = 99


def assessment_id(assessment: Assessment) -> int:
    if assessment.not_observed:
        return NOT_OBSERVED_ID
    return UNRATED_ID if assessment.rating is None else assessment.rating


def assessment_of(choice_id: int) -> Assessment:
    if choice_id == NOT_OBSERVED_ID:
        return NOT_OBSERVED
    if choice_id == UNRATED_ID:
        return UNRATED
    return Assessment(choice_id)


def label_indent(button: QRadioButton) -> int:
    """Where a radio button's words begin: past its indicator (which grows with the text)."""
    style = button.style()
    return style.pixelMetric(
        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, button
    ) + style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing, None, button)


STEPS = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Right: 1,
}


def rating_text(scale: RatingScale, assessment: Assessment) -> str:
    """The rating as read on a finalised review: "2 – Developing" and what that level means."""
    if assessment.not_observed:
        return scale.not_observed_label
    if assessment.rating is None:
        return "Not rated"
    level = scale.level(assessment.rating)
    return f"{level.value} – {level.label}\n{level.description}"


class RatingChoice(QWidget):
    """Radio buttons, one stop in the Tab order: Tab lands on the chosen level (the first when
    none is chosen) and the arrow keys choose the next or previous one, as a click does.

    Qt's own arrow handling only chooses when the focused button is already checked, and its
    Tab order stops at the group's first button whatever is checked, so both are done here.
    """

    chosen = Signal(object)

    def __init__(self, scale: RatingScale, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self._scale = scale
        self._descriptions: list[QLabel] = []
        # A review that can no longer change shows its rating as text, not as greyed choices.
        self.as_text = accessible(wrapping_label(), subject)
        bold = self.as_text.font()
        bold.setBold(True)
        self.as_text.setFont(bold)
        self.as_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.as_text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab still reaches it, to read
        self.as_text.hide()
        layout = QGridLayout(self)
        layout.setColumnStretch(1, 1)
        layout.setVerticalSpacing(2)
        row = 0
        for level in scale.levels:
            button = QRadioButton(f"{level.value} – {level.label}  (Alt+{level.value})")
            indent = label_indent(button)
            button.setAccessibleName(f"{subject}: {level.value}, {level.label}")
            button.setAccessibleDescription(level.description)
            description = QLabel(level.description)
            description.setWordWrap(True)
            description.setContentsMargins(indent, 0, 0, 4)
            self._descriptions.append(description)
            self.group.addButton(button, level.value)
            layout.addWidget(button, row, 0, 1, 2)
            layout.addWidget(description, row + 1, 0, 1, 2)
            row += 2
        extra = (
            (NOT_OBSERVED_ID, f"{scale.not_observed_label}  (Alt+0)", scale.not_observed_label),
            (UNRATED_ID, "Not rated yet", "Not rated yet"),
        )
        for choice_id, text, name in extra:
            button = QRadioButton(text)
            button.setAccessibleName(f"{subject}: {name}")
            self.group.addButton(button, choice_id)
            layout.addWidget(button, row, 0, 1, 2)
            row += 1
        layout.addWidget(self.as_text, row, 0, 1, 2)
        for choice in self.group.buttons():
            choice.installEventFilter(self)
        self.group.idClicked.connect(lambda choice_id: self.chosen.emit(assessment_of(choice_id)))
        self._update_entry()

    def entry(self) -> QAbstractButton:
        """Where Tab enters the group: the chosen level or "not observed", else the first level."""
        checked = self.group.checkedButton()
        if checked is None or self.group.id(checked) == UNRATED_ID:
            return self.group.buttons()[0]
        return checked

    def _update_entry(self) -> None:
        entry = self.entry()
        for button in self.group.buttons():
            # The others stay clickable and reachable with the arrows, but Tab passes them by.
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is entry else Qt.FocusPolicy.ClickFocus
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QRadioButton)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and event.key() in STEPS
        ):
            self._step(watched, STEPS[Qt.Key(event.key())])
            return True
        return super().eventFilter(watched, event)

    def _step(self, current: QRadioButton, delta: int) -> None:
        """Choose the neighbouring button, through the same path as a click (stored, undoable)."""
        buttons = [b for b in self.group.buttons() if b.isEnabled()]
        if current not in buttons:
            return
        position = min(max(buttons.index(current) + delta, 0), len(buttons) - 1)
        target = buttons[position]
        if target is current:
            return
        target.setFocus(Qt.FocusReason.TabFocusReason)
        target.click()

    def show_assessment(self, assessment: Assessment) -> None:
        button = self.group.button(assessment_id(assessment))
        if button is not None and not button.isChecked():
            button.setChecked(True)
        self._update_entry()
        self.as_text.setText(rating_text(self._scale, assessment))
        self.as_text.setAccessibleDescription(self.as_text.text())

    def set_editable(self, editable: bool) -> None:
        for button in self.group.buttons():
            button.setEnabled(editable)
            button.setVisible(editable)
        for description in self._descriptions:
            description.setVisible(editable)
        self.as_text.setVisible(not editable)


class IndicatorRating(QComboBox):
    """A compact rating for one indicator; arrow keys change it (stored at once)."""

    chosen = Signal(object)

    def __init__(self, scale: RatingScale, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(subject)
        self.setAccessibleDescription("Optional. Up and Down arrow keys change the rating.")
        self.addItem("Not rated", UNRATED_ID)
        for level in scale.levels:
            self.addItem(f"{level.value} – {level.label}", level.value)
            self.setItemData(self.count() - 1, level.description, Qt.ItemDataRole.ToolTipRole)
        self.addItem(scale.not_observed_label, NOT_OBSERVED_ID)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.activated.connect(lambda index: self.chosen.emit(assessment_of(self.itemData(index))))

    def minimumSizeHint(self) -> QSize:
        """As wide as its longest rating where there is room; where there is not (large text,
        a narrow window) it may shrink to about sixteen characters, the rest elided."""
        hint = super().minimumSizeHint()
        least = self.fontMetrics().averageCharWidth() * 16 + hint.height()  # text and arrow
        return QSize(min(hint.width(), least), hint.height())

    def show_assessment(self, assessment: Assessment) -> None:
        index = self.findData(assessment_id(assessment))
        if index != self.currentIndex():
            blocked = self.blockSignals(True)  # showing a stored value is not an edit
            self.setCurrentIndex(index)
            self.blockSignals(blocked)
