"""``reviewapp verify REVIEW_ID... | --all``: check finalised reviews against their fingerprints.

Exit 0 when every review checked still matches the fingerprint stored when it was finalised;
1 when one does not (each is named), when a review named is not finalised, or an id is unknown.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reviewapp.services.container import Services
from reviewapp.services.fingerprints import FingerprintResult


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="check finalised reviews against their fingerprints",
        description="Check that finalised reviews have not been changed since they were "
        "finalised: each review's content must still match the SHA-256 fingerprint stored "
        "then. Exit status 0 when every one matches, 1 otherwise.",
        parents=[common],
    )
    parser.add_argument("review_ids", metavar="REVIEW_ID", type=int, nargs="*", help="review ids")
    parser.add_argument("--all", action="store_true", help="every finalised review")
    parser.set_defaults(handler=_verify)


def _verify(args: argparse.Namespace, services: Services) -> int:
    if bool(args.review_ids) == args.all:
        print("reviewapp: give review ids or --all (one or the other).", file=sys.stderr)
        return 2
    if args.all:
        results = services.fingerprints.check_all()
        if not results:
            print("There are no finalised reviews to check.")
            return 0
    else:
        results = services.fingerprints.check(args.review_ids)
    code = 0
    for result in results:
        if not result.finalised:
            print(f"reviewapp: {_not_finalised(result)}", file=sys.stderr)
            code = 1
        elif not result.matches:
            print(_changed(result))
            code = 1
        elif not args.all:
            print(f"{_capital(result.describe())} matches its fingerprint.")
    checked = [r for r in results if r.finalised]
    if checked:
        print(_summary(len(checked), sum(not r.matches for r in checked)))
    return code


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _not_finalised(result: FingerprintResult) -> str:
    return f"{_capital(result.describe())} is not finalised, so it has no fingerprint to check."


def _changed(result: FingerprintResult) -> str:
    return (
        f"{_capital(result.describe())} DOES NOT MATCH its fingerprint: it has been changed "
        "since it was finalised."
    )


def _summary(checked: int, changed: int) -> str:
    reviews = "review" if checked == 1 else "reviews"
    if changed == 0:
        return f"Checked {checked} finalised {reviews}: every fingerprint matches."
    matching = checked - changed
    match = "matches" if matching == 1 else "match"
    do_not = "does not" if changed == 1 else "do not"
    return f"Checked {checked} finalised {reviews}: {matching} {match}, {changed} {do_not}."
