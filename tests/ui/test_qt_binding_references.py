"""The Qt binding must not lose references to None, True or False.

PySide6 6.12.0 drops one reference to None on every call of a void C++ method (``setText``,
``show``...); on Python 3.11, where None is not immortal, a long session then aborts with
"Fatal Python error: none_dealloc". pyproject.toml excludes that release; this test catches any
other release with the same fault before users meet it.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QCheckBox, QLabel
from pytestqt.qtbot import QtBot

CALLS = 200


def test_void_calls_keep_none_and_bools_alive(qtbot: QtBot) -> None:
    label = QLabel()
    box = QCheckBox()
    qtbot.addWidget(label)
    qtbot.addWidget(box)
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for n in range(CALLS):
        label.setText(str(n))
        label.setEnabled(n % 2 == 0)
        box.setChecked(n % 2 == 1)
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    # A few references may come and go with the interpreter's own bookkeeping; a lost one per
    # call would show as hundreds.
    assert all(abs(a - b) < CALLS // 4 for a, b in zip(after, before, strict=True)), (before, after)
