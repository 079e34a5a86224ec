"""The platform's own style, with check boxes and radio buttons that grow with the text.

Styles draw these indicators at a fixed size in pixels (13 px in Fusion), so at 200% text a
rating's radio button is a dot beside a large label. ``TextScaledStyle`` keeps the platform
style and only sizes the indicators from the font of the widget that shows them: the same as
before at the usual text size, larger with larger text (and in the meeting view's large type).
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

# The indicator's share of a line of text: 13 px beside the usual 15-16 px line.
INDICATOR_PER_LINE = 0.82

_INDICATORS = (
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
)


class TextScaledStyle(QProxyStyle):
    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        base = super().pixelMetric(metric, option, widget)
        if metric not in _INDICATORS:
            return base
        if widget is not None:
            height = widget.fontMetrics().height()
        elif option is not None:
            height = option.fontMetrics.height()
        else:
            height = QFontMetrics(QApplication.font()).height()
        return max(base, round(height * INDICATOR_PER_LINE))


def install(app: QApplication) -> TextScaledStyle:
    """Wrap the application's current style (call once, before the first window is built)."""
    current = app.style()
    if isinstance(current, TextScaledStyle):
        return current
    style = TextScaledStyle(current.name())
    app.setStyle(style)
    return style
