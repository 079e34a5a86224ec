"""Filling an empty database with invented staff and reviews, in the background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewapp.services.demo import DemoService
from reviewapp.ui.context import Changes

if TYPE_CHECKING:
    from reviewapp.ui.context import WindowContext


def load_demo(context: WindowContext, staff: int = 40, years: int = 4) -> None:
    """Runs once; the welcome panel's button is switched off meanwhile by its page, which
    hears of the new staff through ``notify``."""
    demo = DemoService(context.services.engine, context.services.access)
    context.show_message("Creating demo data…")

    def done(_summary: object) -> None:
        context.show_message("Demo data loaded: invented staff, reviews and evidence notes.")
        context.notify(Changes(staff=True, reviews=True))

    def failed(message: str) -> None:
        context.show_message(f"The demo data could not be created: {message}")
        context.notify(Changes(staff=True))  # the welcome panel offers it again

    context.tasks.run(
        lambda: demo.generate(staff=staff, years=years),
        done,
        failed,
        doing="creating the demo data",
    )
