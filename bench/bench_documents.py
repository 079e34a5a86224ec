"""PDF figures: one review beside a plain ReportLab build of the same content; a batch of reviews.

The plain build is bench_pdf.plain_build (the floor for laying out this much text with the same
fonts and page frame). Both sides render the benchmark review's data, loaded once beforehand.
"""

from __future__ import annotations

import resource
import shutil
import tempfile
import time
from pathlib import Path

from common import Figure, median, time_ms
from fixtures import bench_review

from reviewapp.domain.review import ReviewStatus
from reviewapp.services.container import Services

PDF_RATIO_LIMIT = 1.2
BATCH_LIMIT_S = 60.0
BATCH_TARGET = 1_000


def single_pdf_figures(services: Services, runs: int) -> list[Figure]:
    import bench_pdf  # the report engineer's floor: plain ReportLab, same fonts and frame

    from reviewapp.report import render_review

    review_id = bench_review(services)
    data = services.documents.review_data(review_id)
    settings = services.documents.document_settings()
    ours: list[float] = []
    plain: list[float] = []
    render_review(data, settings)  # fonts registered, caches warm, for both
    bench_pdf.plain_build(data)
    for _ in range(runs):  # alternate, so noise falls on both alike
        ours += time_ms(lambda: render_review(data, settings), 1, warmup=0)
        plain += time_ms(lambda: bench_pdf.plain_build(data), 1, warmup=0)
    end_to_end = time_ms(lambda: services.documents.review_pdf(review_id), runs)
    return [
        Figure(
            f"one review to PDF ({len(data.notes)} notes)",
            median(ours),
            "ms",
            runs,
            limit=PDF_RATIO_LIMIT,
            floor=median(plain),
            floor_name="plain ReportLab build",
            ratio_target=True,
            level="report",
            samples=ours,
            note=f"with loading from the database: {median(end_to_end):.0f} ms",
        )
    ]


def _cpu_seconds() -> float:
    """Processor time of this process and its finished children (the batch's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def batch_figures(services: Services, count: int, runs: int) -> list[Figure]:
    summaries = services.reviews.list(status=ReviewStatus.FINALISED) or services.reviews.list()
    ids = [s.id for s in summaries[:count]]
    samples, cpu = [], []
    for _ in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="reviewapp-bench-batch-"))
        try:
            before = _cpu_seconds()
            start = time.perf_counter()
            result = services.documents.export_batch(ids, folder, workers=2)
            samples.append(time.perf_counter() - start)
            cpu.append(_cpu_seconds() - before)
            if result.failed:
                raise RuntimeError(f"batch export failed for {result.failed[:3]}")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    value = median(samples)
    note = f"CPU {median(cpu):.1f} s in all processes (>= {median(cpu) / 2:.1f} s on 2 cores)"
    if len(ids) < BATCH_TARGET:
        note += f"; the target is for {BATCH_TARGET:,} (start-up costs do not scale down)"
    return [
        Figure(
            f"batch PDF, {len(ids):,} reviews, 2 worker processes",
            value,
            "s",
            runs,
            limit=BATCH_LIMIT_S if len(ids) >= BATCH_TARGET else None,
            level="service",
            samples=samples,
            note=note,
        )
    ]
