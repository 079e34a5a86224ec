"""Check boxes and radio buttons grow with the text (200% text, the meeting view's large type)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from reviewapp.domain.framework import RatingLevel, RatingScale
from reviewapp.ui import text_scaled_style
from reviewapp.ui.review_editor.rating_choice import RatingChoice
from reviewapp.ui.text_scaled_style import TextScaledStyle

RADIO = QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
CHECK = QStyle.PixelMetric.PM_IndicatorWidth


def scaled(widget: QWidget, factor: float) -> None:
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    widget.setFont(font)


def test_indicators_keep_their_size_at_normal_text_and_grow_with_larger_text(qtbot) -> None:
    plain = QApplication.style()
    style = TextScaledStyle(plain.name())
    radio, check = QRadioButton("3 – Proficient"), QCheckBox("Show inactive staff")
    for widget in (radio, check):
        qtbot.addWidget(widget)
        widget.setStyle(style)
    assert style.pixelMetric(RADIO, None, radio) == plain.pixelMetric(RADIO, None, radio)
    assert style.pixelMetric(CHECK, None, check) == plain.pixelMetric(CHECK, None, check)
    normal_hint = radio.sizeHint().height()

    for widget in (radio, check):
        scaled(widget, 2.0)
    assert style.pixelMetric(RADIO, None, radio) >= 1.6 * plain.pixelMetric(RADIO, None, radio)
    assert style.pixelMetric(CHECK, None, check) >= 1.6 * plain.pixelMetric(CHECK, None, check)
    option = QStyleOptionButton()
    option.initFrom(radio)
    indicator = style.subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, option, radio)
    assert indicator.width() == style.pixelMetric(RADIO, None, radio)
    assert radio.sizeHint().height() > 1.6 * normal_hint


def test_install_wraps_the_platform_style_once(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.style().name()
    try:
        style = text_scaled_style.install(app)
        assert app.style() is style and style.baseStyle().name() == before
        assert text_scaled_style.install(app) is style
    finally:
        app.setStyle(before)
    assert not isinstance(app.style(), TextScaledStyle)


def test_rating_descriptions_line_up_with_the_words_of_their_choice(qtbot) -> None:
    levels = tuple(RatingLevel(v, f"Level {v}", f"What level {v} means.") for v in range(1, 6))
    holder = QWidget()
    qtbot.addWidget(holder)
    scaled(holder, 2.0)
    choice = RatingChoice(RatingScale(levels, "Not observed"), "CS1", holder)
    first = choice.group.button(1)
    style = first.style()
    words_start = style.pixelMetric(RADIO, None, first) + style.pixelMetric(
        QStyle.PixelMetric.PM_RadioButtonLabelSpacing, None, first
    )
    descriptions = [
        label for label in choice.findChildren(QLabel) if label.text().startswith("What")
    ]
    assert len(descriptions) == 5
    assert all(label.contentsMargins().left() == words_start for label in descriptions)
