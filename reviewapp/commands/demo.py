"""``reviewapp demo``: fill a database with realistic demo data."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, TextIO

from reviewapp.commands.arguments import iso_date
from reviewapp.services.container import Services
from reviewapp.services.demo import DemoService, DemoSummary


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    demo = subparsers.add_parser(
        "demo",
        help="fill the database with demo data",
        description="Add invented branches, staff, reviews and evidence notes to try reviewapp "
        "out or to test it at scale. The same seed gives the same data.",
        parents=[common],
    )
    demo.add_argument("--staff", type=int, default=200, metavar="N", help="staff (default 200)")
    demo.add_argument(
        "--years", type=int, default=5, metavar="Y", help="years of reviews up to this one (5)"
    )
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    demo.add_argument(
        "--today", type=iso_date, metavar="YYYY-MM-DD", help="pretend today is this date"
    )
    demo.add_argument(
        "--force", action="store_true", help="add demo data even if there are staff already"
    )
    demo.set_defaults(handler=_demo)


class ProgressLine:
    """One line that rewrites itself on a terminal; a line per tenth of the way otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        percent = done * 100 // total if total else 100
        text = f"Writing demo data: {done:,} of {total:,} staff ({percent}%)"
        if self._tty:
            self._stream.write(f"\r{text}")
            self._stream.flush()
        elif percent // 10 != self._last:
            self._last = percent // 10
            self._stream.write(f"{text}\n")

    def finish(self) -> None:
        if self._tty:
            self._stream.write("\n")
        self._stream.flush()


def _demo(args: argparse.Namespace, services: Services) -> int:
    service = DemoService(services.engine, services.access)
    existing = service.staff_count()
    if existing and not args.force:
        print(
            f"reviewapp: the database already has {existing:,} staff; demo data goes into an "
            "empty database (use --force to add it anyway)",
            file=sys.stderr,
        )
        return 1
    progress = ProgressLine(sys.stderr)
    started = time.perf_counter()
    try:
        summary = service.generate(
            staff=args.staff, years=args.years, seed=args.seed, today=args.today, progress=progress
        )
    finally:
        progress.finish()
    print(report(summary, time.perf_counter() - started))
    return 0


def report(summary: DemoSummary, seconds: float) -> str:
    reviews = summary.reviews
    rows = summary.rows
    lines = [
        f"Added demo data in {seconds:.1f} s (seed {summary.seed}, today {summary.today}):",
        f"  {summary.branches:>9,}  branches",
        f"  {summary.staff:>9,}  staff",
        f"  {rows['reviews']:>9,}  reviews: {reviews['finalised']:,} finalised, "
        f"{reviews['in_progress']:,} in progress, {reviews['draft']:,} draft",
        f"  {rows['competency_ratings']:>9,}  competency ratings",
        f"  {rows['indicator_ratings']:>9,}  indicator ratings",
        f"  {rows['evidence_notes']:>9,}  evidence notes",
        f"  {rows['goals']:>9,}  goals",
        f"  {rows['signoffs']:>9,}  sign-offs",
        f"  {rows['addenda']:>9,}  addenda",
    ]
    return "\n".join(lines)
