"""Names in any script are drawn with real glyphs, never empty boxes, in every view showing them.

Qt falls back, glyph by glyph, to any installed font that has the script; the app must not stop
that (no font of its own without fallback). A script that no installed font has is drawn as
boxes whatever the app does: Devanagari names on a machine with no Devanagari font. The fonts
here come with the system or with CI (.ci/run installs fonts-wqy-microhei for Chinese, Japanese
and Korean).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from PySide6.QtWidgets import QWidget
from ui_helpers import add_member, start_review

from reviewapp.services.container import Services
from reviewapp.ui.main_window import MainWindow

WS = QFontDatabase.WritingSystem
NAMES = {
    "陈雨桐": WS.SimplifiedChinese,
    "王秀英": WS.SimplifiedChinese,
    "田中美咲": WS.Japanese,
    "김지훈": WS.Korean,
    "يوسف حمدان": WS.Arabic,
    "Αναστασία Ιωάννου": WS.Greek,
    "Đặng Thị Lan": WS.Vietnamese,
}


def some_font_has(system: QFontDatabase.WritingSystem) -> bool:
    return bool(QFontDatabase.families(system))


def boxes(text: str, font: QFont) -> int:
    """How many characters of ``text`` would be drawn as the empty 'missing glyph' box."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    count = 0
    for run in layout.glyphRuns():
        glyphs = list(run.glyphIndexes())
        # Qt draws characters no font has with a nameless 'box' engine; a real font's glyph 0
        # is its own 'missing' box.
        count += len(glyphs) if not run.rawFont().familyName() else glyphs.count(0)
    return count


def name_fonts(window: MainWindow) -> dict[str, QFont]:
    """The font of every place a staff member's name is shown."""
    bold = QFont(window.staff_list.table.font())
    bold.setBold(True)
    widgets: dict[str, QWidget] = {
        "staff list": window.staff_list.table,
        "reviews list": window.reviews.table,
        "staff page title": window.staff_page.title,
        "review header": window.editor.header.title,
        "meeting view": window.editor.meeting,
        "status bar": window.statusBar(),
    }
    fonts = {where: widget.font() for where, widget in widgets.items()}
    fonts["a bold cell"] = bold
    return fonts


def test_the_check_sees_a_missing_glyph(qapp) -> None:
    private_use = "\ue000\ue001"  # no font has these: the check must count them
    assert boxes(private_use, QFont()) == 2


@pytest.mark.parametrize("name", list(NAMES))
def test_a_name_is_drawn_with_real_glyphs_in_every_view(
    make_window, services: Services, qtbot, name: str
) -> None:
    assert some_font_has(NAMES[name]), f"no installed font has {NAMES[name].name}"
    member = add_member(services, name, "E9")
    review = start_review(services, member)
    window = make_window(services)
    window.open_staff(member.id)
    window.open_review(review.id)
    assert window.editor.header.title.text().startswith(name)
    rows = [
        window.staff_list.model.record(r).name for r in range(window.staff_list.model.rowCount())
    ]
    assert name in rows
    for where, font in name_fonts(window).items():
        assert boxes(name, font) == 0, f"{name} shows empty boxes in the {where}"
    big = QFont(window.font())
    big.setPointSizeF(big.pointSizeF() * 2)
    assert boxes(name, big) == 0, "at 200% text"
    no_merging = QFont.StyleStrategy.NoFontMerging
    assert not window.staff_list.table.font().styleStrategy() & no_merging
    model = window.staff_list.model
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole) is None  # the view's font
