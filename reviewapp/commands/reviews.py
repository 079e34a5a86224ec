"""``reviewapp reviews list``."""

from __future__ import annotations

import argparse
from typing import Any

from reviewapp.commands.output import table, to_json
from reviewapp.domain.review import ReviewStatus, ReviewSummary
from reviewapp.services.container import Services


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("reviews", help="performance reviews", parents=[common])
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list reviews, newest period first", parents=[common])
    listing.add_argument("--staff", type=int, metavar="ID", help="only this staff member's")
    listing.add_argument(
        "--status", choices=[s.value for s in ReviewStatus], help="only reviews in this status"
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_list)


def as_dict(review: ReviewSummary) -> dict[str, Any]:
    rating = review.overall_rating
    return {
        "id": review.id,
        "staff_id": review.staff_id,
        "staff_name": review.staff_name,
        "branch": review.branch_name,
        "type": review.review_type.value,
        "status": review.status.value,
        "period_start": review.period_start.isoformat(),
        "period_end": review.period_end.isoformat(),
        "overall_rating": round(rating, 2) if rating is not None else None,
        "rated_competencies": review.rated_count,
        "competencies": review.competency_count,
    }


def _list(args: argparse.Namespace, services: Services) -> int:
    if args.staff is not None:
        services.staff.get(args.staff)  # an unknown id is an error, not an empty list
    status = ReviewStatus(args.status) if args.status else None
    reviews = services.reviews.list(staff_id=args.staff, status=status)
    if args.json:
        print(to_json([as_dict(r) for r in reviews]))
        return 0
    if not reviews:
        print("No reviews match.")
        return 0
    rows = [
        [
            str(r.id),
            r.staff_name,
            r.branch_name,
            r.review_type.label,
            f"{r.period_start:%Y-%m-%d} to {r.period_end:%Y-%m-%d}",
            r.status.label,
            f"{r.rated_count}/{r.competency_count}",
            f"{r.overall_rating:.2f}" if r.overall_rating is not None else "",
        ]
        for r in reviews
    ]
    headers = ["ID", "STAFF", "BRANCH", "TYPE", "PERIOD", "STATUS", "RATED", "OVERALL"]
    print(table(headers, rows, right=(0, 6, 7), limits={1: 36, 2: 28}))
    return 0
