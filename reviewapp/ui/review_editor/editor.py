"""The review editor: header, competency list, the selected competency or the summary."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget

from reviewapp.domain.evidence import EvidenceNote
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import NOT_OBSERVED, Assessment, SignOffRole
from reviewapp.services.container import Services
from reviewapp.ui.context import Changes, Selection
from reviewapp.ui.evidence_dialog import EvidenceDialog
from reviewapp.ui.meeting_view import MeetingView
from reviewapp.ui.review_editor.actions import ReviewActions
from reviewapp.ui.review_editor.competency_list import SUMMARY, CompetencyList
from reviewapp.ui.review_editor.competency_panel import CompetencyPanel
from reviewapp.ui.review_editor.header import ReviewHeader
from reviewapp.ui.review_editor.session import ReviewSession
from reviewapp.ui.review_editor.summary_panel import SummaryPanel

# Framework files allow scale values 1 to 9; the keys offered are those of the open review's scale.
MAX_LEVEL = 9


class ReviewEditor(QWidget):
    staffRequested = Signal(int)
    meetingToggled = Signal(bool)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = ReviewSession(services, self)
        self.edits = ReviewActions(self.session, self)
        self.edits.before_undo = self.flush
        self.dialog: EvidenceDialog | None = None
        self.header = ReviewHeader()
        self.competencies = CompetencyList()
        self.panel = CompetencyPanel(self.edits)
        self.summary = SummaryPanel(self.edits)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.panel)
        self.pages.addWidget(self.summary)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("editorSplitter")
        self.splitter.addWidget(self.competencies)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.meeting = MeetingView()
        self.modes = QStackedWidget()
        self.modes.addWidget(self.splitter)
        self.modes.addWidget(self.meeting)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.modes, 1)
        self._last_selected: int | None = None
        self._state_before_meeting = Qt.WindowState.WindowNoState
        self._make_actions()
        self._connect()

    # -- actions -------------------------------------------------------------------------------

    def _action(
        self, text: str, keys: list[QKeySequence | QKeySequence.StandardKey | str], slot: object
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        stack = self.edits.undo_stack
        self.undo_action = self._action("&Undo", [QKeySequence.StandardKey.Undo], self.edits.undo)
        self.redo_action = self._action("&Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], self.edits.redo)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(
            lambda t: self.undo_action.setText(f"&Undo {t}" if t else "&Undo")
        )
        stack.redoTextChanged.connect(
            lambda t: self.redo_action.setText(f"&Redo {t}" if t else "&Redo")
        )
        self.next_action = self._action(
            "&Next competency", ["Ctrl+PgDown"], lambda: self.competencies.step(1)
        )
        self.previous_action = self._action(
            "&Previous competency", ["Ctrl+PgUp"], lambda: self.competencies.step(-1)
        )
        # Keys a text box does not take for itself (Ctrl+End, Ctrl+Home and Ctrl+Shift+End
        # move or select in the text), so they work with the focus in a comment.
        self.summary_action = self._action("&Summary and sign-off", ["Alt+S"], self.show_summary)
        self.rate_actions: list[QAction] = []
        for value in range(1, MAX_LEVEL + 1):
            action = self._action(
                f"Rate {value}", [f"Alt+{value}"], lambda _checked=False, v=value: self.rate(v)
            )
            action.setVisible(False)  # shown for the levels of the open review's scale
            self.rate_actions.append(action)
        self.not_observed_action = self._action(
            "Not &observed", ["Alt+0"], lambda: self.rate_current(NOT_OBSERVED)
        )
        self.add_note_action = self._action(
            "Add &evidence note…", ["Ctrl+Shift+N"], lambda: self.open_note_dialog(None)
        )
        # Alt+Shift+letter: no text box or menu takes these (Ctrl+Shift+R and Ctrl+Shift+E are
        # the window's Start review and Edit staff details).
        self.sign_reviewer_action = self._action(
            "Sign as &reviewer", ["Alt+Shift+R"], lambda: self.sign(SignOffRole.REVIEWER)
        )
        self.sign_employee_action = self._action(
            "Sign as e&mployee", ["Alt+Shift+E"], lambda: self.sign(SignOffRole.EMPLOYEE)
        )
        self.finalise_action = self._action("&Finalise review…", ["Alt+Shift+F"], self.finalise)
        self.meeting_action = self._action("&Meeting view", ["F11"], self.toggle_meeting)
        self.meeting_action.setCheckable(True)

    @property
    def menu_actions(self) -> list[QAction]:
        return [
            self.next_action,
            self.previous_action,
            self.summary_action,
            *self.rate_actions,
            self.not_observed_action,
            self.add_note_action,
            self.sign_reviewer_action,
            self.sign_employee_action,
            self.finalise_action,
            self.meeting_action,
        ]

    @property
    def editing_actions(self) -> list[QAction]:
        """What changes the review: switched off while it cannot change (finalised, read-only)."""
        return [
            self.not_observed_action,
            self.add_note_action,
            self.sign_reviewer_action,
            self.sign_employee_action,
            self.finalise_action,
        ]

    def _connect(self) -> None:
        self.session.changed.connect(self._refresh)
        self.session.notesChanged.connect(self._refresh_notes)
        self.competencies.currentRowChanged.connect(self._selection_changed)
        self.header.staff_button.clicked.connect(self._staff_requested)
        self.header.meeting_button.clicked.connect(self.toggle_meeting)
        self.meeting.previousRequested.connect(lambda: self.competencies.step(-1))
        self.meeting.nextRequested.connect(lambda: self.competencies.step(1))
        self.meeting.leaveRequested.connect(self.toggle_meeting)
        evidence = self.panel.evidence
        evidence.addRequested.connect(lambda: self.open_note_dialog(None))
        evidence.editRequested.connect(self.open_note_dialog)
        evidence.deleteRequested.connect(self.edits.delete_note)

    # -- opening, saving -------------------------------------------------------------------------

    def open_review(self, review_id: int) -> None:
        self.flush()
        self.edits.undo_stack.clear()
        self.panel.competency = None
        self.competencies.clear()
        self.session.open(review_id)
        review = self.session.review
        if review is not None and review.is_finalised:
            self.competencies.select(SUMMARY)

    def selection(self) -> Selection:
        """The open review and its person."""
        review = self.session.review
        if review is None:
            return Selection()
        return Selection(review.staff_id, review.staff_name, review.id, (review.id,))

    def apply(self, changes: Changes) -> None:
        """What changed elsewhere: the database replaced, or a person's name or branch."""
        if changes.everything:
            self.edits.undo_stack.clear()
            self.session.review = None
        elif changes.staff and self.session.review is not None and not self.isHidden():
            self.session.reload()  # typing not yet stored stays in its box

    def to_top(self) -> None:
        """Show the pages from their top (a review just opened: its heading, not the place
        the last review was left at)."""
        for page in (self.panel, self.summary):
            page.verticalScrollBar().setValue(0)

    def flush(self) -> bool:
        """Store every pending text edit now; False when the store refused one."""
        if self.session.review is None:
            return True
        return all([self.panel.flush(), self.summary.flush()])

    @property
    def has_review(self) -> bool:
        return self.session.review is not None

    # -- showing ----------------------------------------------------------------------------------

    def _refresh(self) -> None:
        review, framework = self.session.review, self.session.framework
        if review is None or framework is None:
            return
        self.header.show_review(framework, review, self.session.fingerprint_ok)
        self.competencies.show_review(framework, review)
        editable = self.session.editable
        self._show_scale(framework, editable)
        for action in self.editing_actions:
            action.setEnabled(editable)
        self._show_selected()

    def _show_scale(self, framework: Framework, editable: bool) -> None:
        """One Rate item per level of this review's scale, named by its level."""
        scale = framework.scale
        for value, action in enumerate(self.rate_actions, start=1):
            offered = value in scale.values
            action.setVisible(offered)
            action.setEnabled(offered and editable)
            if offered:
                label = scale.label(value).replace("&", "&&")  # a label's "&" is no mnemonic
                action.setText(f"Rate {value} – {label}")

    def _refresh_notes(self) -> None:
        if self.session.framework is not None:
            self.panel.show_notes(self.session.notes, self.session.framework, self.session.editable)

    def _selection_changed(self, _row: int) -> None:
        previous = self._last_selected
        if previous is not None and previous != SUMMARY and not self.panel.flush():
            self.competencies.blockSignals(True)
            self.competencies.select(previous)
            self.competencies.blockSignals(False)
            return
        self._show_selected()

    def _show_selected(self) -> None:
        review, framework = self.session.review, self.session.framework
        if review is None or framework is None:
            return
        selected = self.competencies.current_id()
        self._last_selected = selected
        competency = None
        if selected is None or selected == SUMMARY:
            self.pages.setCurrentWidget(self.summary)
            self.summary.show_review(framework, review, self.session.previous_goals)
        else:
            competency = framework.competency(selected)
            self.pages.setCurrentWidget(self.panel)
            self.panel.show_competency(framework, competency, review)
            self._refresh_notes()
            first = self.panel.first_field()
            if first is not None:
                QWidget.setTabOrder(self.competencies, first)
        self.meeting.show_competency(framework, competency, review)

    def current_competency_id(self) -> int | None:
        selected = self.competencies.current_id()
        return None if selected in (None, SUMMARY) else selected

    # -- commands from keys and buttons -----------------------------------------------------------

    def rate(self, value: int) -> None:
        self.rate_current(Assessment(value))

    def rate_current(self, assessment: Assessment) -> None:
        competency_id = self.current_competency_id()
        if competency_id is not None and self.session.editable:
            self.edits.rate_competency(competency_id, assessment)

    def show_summary(self) -> bool:
        """The summary page with the focus in it; False when a pending edit was refused."""
        self.competencies.select(SUMMARY)
        if self.pages.currentWidget() is not self.summary:
            return False  # the comment could not be stored: the competency stays open
        self.summary.first_field().setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def sign(self, role: SignOffRole) -> None:
        """Sign as the button on the summary page does, with the name and date shown there."""
        if not self.session.editable or not self.show_summary():
            return
        row = self.summary.signoffs.rows[role]
        row.sign()
        if row.message.isHidden():  # a refusal has put the focus on the name already
            row.sign_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def finalise(self) -> None:
        """Finalise as the summary's button does: what is missing, or the confirmation."""
        if not self.session.editable or not self.show_summary():
            return
        panel = self.summary.finalise
        panel.finalise()
        review = self.session.review
        if review is not None and review.is_finalised:
            panel.fingerprint.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif not panel.problems.hasFocus():  # what is missing keeps the focus, to be read
            panel.finalise_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_note_dialog(self, note: EvidenceNote | None) -> EvidenceDialog | None:
        review, framework = self.session.review, self.session.framework
        if review is None or framework is None or not self.session.editable:
            return None
        day = min(max(date.today(), review.period_start), review.period_end)
        self.dialog = EvidenceDialog(
            framework,
            competency_id=self.current_competency_id(),
            note=note,
            observed_on=day,
            parent=self.window(),
        )
        if note is None:
            self.dialog.submitted = self.edits.add_note
        else:
            self.dialog.submitted = lambda draft: self.edits.edit_note(note, draft)
        self.dialog.open()
        return self.dialog

    def toggle_meeting(self) -> None:
        """Meeting view on or off; on, the window fills the screen, and leaving puts it back."""
        meeting = self.modes.currentWidget() is not self.meeting
        top = self.window()
        if meeting:
            self._state_before_meeting = top.windowState()
            top.setWindowState(top.windowState() | Qt.WindowState.WindowFullScreen)
        else:
            top.setWindowState(self._state_before_meeting)
        self.modes.setCurrentWidget(self.meeting if meeting else self.splitter)
        self.header.setVisible(not meeting)
        self.meeting_action.setChecked(meeting)
        self.header.meeting_button.setChecked(meeting)
        if meeting:
            self.meeting.next_button.setFocus()
        else:
            self.competencies.setFocus()
        self.meetingToggled.emit(meeting)

    @property
    def in_meeting(self) -> bool:
        return self.modes.currentWidget() is self.meeting

    def _staff_requested(self) -> None:
        if self.session.review is not None:
            self.staffRequested.emit(self.session.review.staff_id)
