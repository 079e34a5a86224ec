"""The indicator rows of the competency panel: a pool of label + rating pairs reused on a switch."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel

from reviewapp.domain.framework import Competency, Indicator, RatingScale
from reviewapp.domain.review import Assessment
from reviewapp.ui.common import wrapping_label
from reviewapp.ui.review_editor.rating_choice import IndicatorRating

RateIndicator = Callable[[int, Assessment], object]


class IndicatorRow:
    """One indicator's words and its rating; shows whichever indicator it is given."""

    def __init__(self, scale: RatingScale, rate: RateIndicator) -> None:
        self.indicator_id: int | None = None
        self.label: QLabel = wrapping_label()
        self.combo = IndicatorRating(scale, "Rating for indicator")
        self.label.setBuddy(self.combo)
        self.combo.chosen.connect(self._chosen)
        self._rate = rate

    def _chosen(self, assessment: Assessment) -> None:
        if self.indicator_id is not None:
            self._rate(self.indicator_id, assessment)

    def show_indicator(self, indicator: Indicator) -> None:
        self.indicator_id = indicator.id
        self.label.setText(f"{indicator.code}  {indicator.text}")
        self.combo.setAccessibleName(f"Rating for indicator {indicator.code}")
        self.combo.setAccessibleDescription(f"{indicator.text}. Up and Down arrows change it.")
        if self.combo.isHidden():
            self.label.show()  # at once, so Tab reaches them before the next event loop pass
            self.combo.show()

    def hide(self) -> None:
        self.indicator_id = None
        if not self.combo.isHidden():
            self.label.hide()
            self.combo.hide()

    def delete(self) -> None:
        for widget in (self.label, self.combo):
            widget.hide()  # out of the focus chain now, not when deleteLater runs
            widget.setParent(None)
            widget.deleteLater()


class IndicatorRows:
    """Rows in a grid, created as a competency needs more and hidden when it needs fewer."""

    def __init__(self, grid: QGridLayout, rate: RateIndicator) -> None:
        self._grid = grid
        self._rate = rate
        self._scale: RatingScale | None = None
        self._rows: list[IndicatorRow] = []

    @property
    def combos(self) -> list[IndicatorRating]:
        """Every pooled rating, shown or hidden, top to bottom (hidden ones take no focus)."""
        return [row.combo for row in self._rows]

    def use_scale(self, scale: RatingScale) -> None:
        """A different framework: the ratings' choices change, so the rows are made afresh."""
        for row in self._rows:
            self._grid.removeWidget(row.label)
            self._grid.removeWidget(row.combo)
            row.delete()
        self._rows = []
        self._scale = scale

    def show_competency(self, competency: Competency) -> dict[int, IndicatorRating]:
        """Fill the rows with the competency's indicators; the ratings by indicator id."""
        if self._scale is None:
            raise RuntimeError("the rating scale must be set before indicators are shown")
        if any(row.combo.hasFocus() for row in self._rows):
            # Focus leaves the indicators as it did when they were replaced: hiding the focused
            # rating moves it down the chain past the other indicators.
            for row in self._rows:
                row.hide()
        indicators = competency.indicators
        while len(self._rows) < len(indicators):
            row = IndicatorRow(self._scale, self._rate)
            position = len(self._rows)
            self._grid.addWidget(row.label, position, 0)
            self._grid.addWidget(row.combo, position, 1, Qt.AlignmentFlag.AlignTop)
            self._rows.append(row)
        ratings: dict[int, IndicatorRating] = {}
        for position, row in enumerate(self._rows):
            if position < len(indicators):
                row.show_indicator(indicators[position])
                ratings[indicators[position].id] = row.combo
            else:
                row.hide()
        return ratings
