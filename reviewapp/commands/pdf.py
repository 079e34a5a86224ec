"""``reviewapp pdf``: a review document, a meeting worksheet, or every review matching a filter."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from reviewapp.commands.arguments import iso_date
from reviewapp.domain.errors import ValidationError
from reviewapp.domain.review import ReviewStatus
from reviewapp.services.container import Services
from reviewapp.services.documents import BatchSelection


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    pdf = subparsers.add_parser(
        "pdf",
        help="write PDF documents",
        parents=[common],
        description="Write a review document (REVIEW_ID), a meeting worksheet (--worksheet), "
        "or one PDF per review into a folder (--all with optional filters).",
    )
    pdf.add_argument("review_id", nargs="?", type=int, metavar="REVIEW_ID")
    mode = pdf.add_mutually_exclusive_group()
    mode.add_argument("--worksheet", action="store_true", help="a meeting worksheet")
    mode.add_argument("--all", action="store_true", help="every review matching the filters")
    pdf.add_argument("--staff", type=int, metavar="ID", help="worksheet for this staff member")
    pdf.add_argument("--branch", metavar="NAME", help="with --all: only this branch")
    pdf.add_argument(
        "--status", choices=[s.value for s in ReviewStatus], help="with --all: only this status"
    )
    pdf.add_argument("--from", dest="period_from", type=iso_date, metavar="DATE")
    pdf.add_argument("--to", dest="period_to", type=iso_date, metavar="DATE")
    pdf.add_argument("--workers", type=int, metavar="N", help="with --all: processes to use")
    pdf.add_argument("-o", "--output", required=True, metavar="PATH", help="file, or folder")
    pdf.set_defaults(handler=_run)


def _run(args: argparse.Namespace, services: Services) -> int:
    output = Path(args.output)
    if args.all:
        return _batch(args, services, output)
    if args.worksheet:
        services.documents.write_worksheet_pdf(output, args.staff)
        print(f"Wrote {output}")
        return 0
    if args.review_id is None:
        raise ValidationError("Give a REVIEW_ID, or --worksheet, or --all.")
    services.documents.write_review_pdf(args.review_id, output)
    print(f"Wrote {output}")
    return 0


def _batch(args: argparse.Namespace, services: Services, folder: Path) -> int:
    selection = BatchSelection(
        branch=args.branch,
        status=ReviewStatus(args.status) if args.status else None,
        period_from=args.period_from,
        period_to=args.period_to,
    )
    ids = [summary.id for summary in services.documents.select(selection)]
    if not ids:
        print("No reviews match; nothing written.", file=sys.stderr)
        return 1
    interactive = sys.stderr.isatty()
    started = time.perf_counter()

    def progress(done: int, total: int, name: str) -> None:
        if interactive:
            print(f"\r{done}/{total} {name[:60]:<60}", end="", file=sys.stderr, flush=True)
        elif done == total or done % max(1, total // 20) == 0:
            print(f"{done}/{total} written", file=sys.stderr, flush=True)

    result = services.documents.export_batch(ids, folder, workers=args.workers, progress=progress)
    if interactive:
        print(file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"Wrote {len(result.written)} PDF(s) to {folder} in {elapsed:.1f} s")
    for review_id, error in result.failed:
        print(f"reviewapp: review {review_id}: {error}", file=sys.stderr)
    return 1 if result.failed else 0
