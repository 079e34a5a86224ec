"""Benchmark: render_review against a plain ReportLab build of the same content.

Run by hand:  python bench/bench_pdf.py [-n 15]

The floor is `plain_build` (bench/pdf_floor.py, re-exported here): the same text in the same
kinds of flowables, tables and page frame, built with SimpleDocTemplate and nothing of reviewapp's
own machinery (see that module). Both builds run interleaved in one process, alternating which
goes first, so machine noise falls on both alike; the figures are medians of wall-clock and of
process CPU time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "report"))

import report_samples as samples  # noqa: E402
from pdf_floor import plain_build  # noqa: E402

from reviewapp.domain.framework import Framework  # noqa: E402
from reviewapp.report import DocumentSettings, ReviewDocumentData, render_review  # noqa: E402

__all__ = ["Comparison", "compare", "plain_build", "sample_data", "timed"]


@dataclass(frozen=True)
class Comparison:
    """Medians (seconds) of render_review and of the plain build, timed interleaved.

    `ours`/`plain` are wall-clock times; `ours_cpu`/`plain_cpu` the process CPU time of the same
    runs, which other programs on a busy machine disturb less.
    """

    ours: float
    plain: float
    ours_cpu: float
    plain_cpu: float
    ours_size: int
    plain_size: int
    runs: int

    @property
    def ratio(self) -> float:
        return self.ours / self.plain

    @property
    def cpu_ratio(self) -> float:
        return self.ours_cpu / self.plain_cpu


def timed(action: Callable[[], bytes], runs: int) -> tuple[float, int]:
    """Median seconds of `runs` calls of `action`, and the size of its output."""
    times = []
    size = 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(action())
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def compare(data: ReviewDocumentData, settings: DocumentSettings, runs: int) -> Comparison:
    """Time both builds `runs` times each, interleaved and alternating which goes first."""
    render_review(data, settings)  # fonts registered, caches warm, for both
    plain_build(data, settings)
    sides: list[tuple[Callable[[], bytes], list[float], list[float]]] = [
        (lambda: render_review(data, settings), [], []),
        (lambda: plain_build(data, settings), [], []),
    ]
    for run in range(runs):
        for action, wall, cpu in sides if run % 2 == 0 else reversed(sides):
            start, start_cpu = time.perf_counter(), time.process_time()
            action()
            cpu.append(time.process_time() - start_cpu)
            wall.append(time.perf_counter() - start)
    (_, ours, ours_cpu), (_, plain, plain_cpu) = sides
    return Comparison(
        statistics.median(ours),
        statistics.median(plain),
        statistics.median(ours_cpu),
        statistics.median(plain_cpu),
        len(render_review(data, settings)),
        len(plain_build(data, settings)),
        runs,
    )


def sample_data(*, finalised: bool = True) -> ReviewDocumentData:
    """The fully filled review of the report tests (seven competencies, a huge note)."""
    fw: Framework = samples.framework()
    return ReviewDocumentData(
        fw, samples.review(fw, finalised=finalised), samples.notes(fw), samples.previous_goals()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=15)
    args = parser.parse_args()
    settings = DocumentSettings(
        organisation="Riverside Public Library", generated_on=date(2025, 1, 15)
    )
    accel = "C (rl_accel)" if _has_accelerator() else "pure Python"
    print(f"runs: {args.runs}, interleaved; ReportLab helpers: {accel}")
    for label, finalised in (("finalised", True), ("draft", False)):
        result = compare(sample_data(finalised=finalised), settings, args.runs)
        print(f"{label}: medians{'wall':>14}{'CPU':>11}")
        for name, wall, cpu, size in (
            ("render_review", result.ours, result.ours_cpu, result.ours_size),
            ("plain ReportLab", result.plain, result.plain_cpu, result.plain_size),
        ):
            print(f"  {name:<16}{wall * 1000:7.1f} ms {cpu * 1000:7.1f} ms  ({size:,} bytes)")
        ratios = f"{result.ratio:9.2f}x {result.cpu_ratio:9.2f}x"
        print(f"  {'ratio':<16}{ratios}   (target <= 1.20x)")


def _has_accelerator() -> bool:
    from reportlab.lib import rl_accel

    return "escapePDF" in rl_accel._c_funcs


if __name__ == "__main__":
    main()
