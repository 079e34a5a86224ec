"""Filling an empty database with invented staff and reviews, in the background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewapp.services.demo import DemoService

if TYPE_CHECKING:
    from reviewapp.ui.main_window import MainWindow


def load_demo(window: MainWindow, staff: int = 40, years: int = 4) -> None:
    demo = DemoService(window.services.engine, window.services.access)
    button = window.staff_list.welcome.demo_button
    button.setEnabled(False)
    window.show_message("Creating demo data…")

    def done(_summary: object) -> None:
        button.setEnabled(True)
        window.show_message("Demo data loaded: invented staff, reviews and evidence notes.")
        window.reviews.stale = True
        window.staff_list.reload()

    def failed(message: str) -> None:
        button.setEnabled(True)
        window.show_message(f"The demo data could not be created: {message}")

    window.tasks.run(
        lambda: demo.generate(staff=staff, years=years),
        done,
        failed,
        doing="creating the demo data",
    )
