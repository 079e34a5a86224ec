"""Screenshots of the desktop app from demo data, for the README and for checking layouts.

    python scripts/screenshots.py                 # docs/screenshots/*.png at normal text size
    python scripts/screenshots.py --scale 2       # the same with the text twice as large (200%)
    python scripts/screenshots.py --all --out /tmp/shots   # also every page and dialog

Builds a demo database in a temporary folder, opens the main window offscreen on a 1280x800
screen and saves what ``QWidget.grab()`` sees (a dialog: the dialog alone, as it opened). With
``--all`` it also lists what looks cut off. Nothing outside the temporary folder and the output
folder is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QSettings, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from reviewapp.domain.review import ReviewStatus
from reviewapp.services.container import Services
from reviewapp.services.demo import DemoService
from reviewapp.ui import text_scaled_style
from reviewapp.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
TODAY = date(2025, 6, 2)
SCREEN = (1280, 800)


def offscreen(folder: Path) -> None:
    """Qt's offscreen platform, with one screen of the size of a small laptop's."""
    config = folder / "screen.json"
    width, height = SCREEN
    screen = {"name": "Screen", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={config}")


def settle(app: QApplication, window: MainWindow) -> None:
    for _ in range(5):
        app.processEvents()
    window.tasks.wait()
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path}")


def pick_review(services: Services) -> tuple[int, int]:
    """An in-progress review with evidence notes, and the competency with the most of them."""
    for summary in services.reviews.list(status=ReviewStatus.IN_PROGRESS):
        notes = services.evidence.for_review(summary.id)
        if len(notes) >= 2:
            counts: dict[int, int] = {}
            for note in notes:
                counts[note.competency_id] = counts.get(note.competency_id, 0) + 1
            return summary.id, max(counts, key=lambda k: counts[k])
    raise SystemExit("the demo data has no in-progress review with evidence notes")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="text size factor (2 = 200%%)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT})")
    parser.add_argument("--all", action="store_true", help="also every page and dialog")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        offscreen(Path(folder))
        shoot(args, Path(folder))
    return 0


def quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages, less the offscreen platform's note that it ignores size hints."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def shoot(args: argparse.Namespace, folder: Path) -> None:
    suffix = "" if args.scale == 1 else f"-{round(args.scale * 100)}"
    qInstallMessageHandler(quiet_offscreen)
    app = QApplication(sys.argv[:1])
    text_scaled_style.install(app)
    if args.scale != 1:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.scale)
        app.setFont(font)
    services = Services.open(folder / "demo.sqlite3", lock=True)
    try:
        DemoService(services.engine, services.access).generate(
            staff=60, years=3, seed=7, today=TODAY
        )
        settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(services, settings)
        window.resize(
            round(1280 * max(1.0, args.scale * 0.75)), round(820 * max(1.0, args.scale * 0.75))
        )
        window.show()
        settle(app, window)
        save(window, args.out / f"staff-list{suffix}.png")
        review_id, competency_id = pick_review(services)
        staff_id = services.reviews.get(review_id).staff_id
        window.open_staff(staff_id)
        settle(app, window)
        save(window, args.out / f"staff-page{suffix}.png")
        window.open_review(review_id)
        window.editor.competencies.select(competency_id)
        settle(app, window)
        save(window, args.out / f"review-editor{suffix}.png")
        window.editor.competencies.select(-1)
        settle(app, window)
        save(window, args.out / f"review-summary{suffix}.png")
        window.editor.competencies.select(competency_id)
        size = window.size()
        window.editor.toggle_meeting()
        window.setWindowState(Qt.WindowState.WindowNoState)  # as a window, not full screen
        window.resize(size)
        settle(app, window)
        save(window, args.out / f"meeting-view{suffix}.png")
        window.editor.toggle_meeting()
        if args.all:
            import screenshot_tour  # beside this script: its folder is on the path

            ids = (staff_id, review_id, competency_id)
            screenshot_tour.shoot_all(
                window, folder, lambda w, name: save(w, args.out / f"{name}{suffix}.png"), ids
            )
        window.close()
    finally:
        services.close()


if __name__ == "__main__":
    raise SystemExit(main())
