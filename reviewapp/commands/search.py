"""``reviewapp search TEXT [--staff ID] [--limit N] [--json]``: find evidence notes by words."""

from __future__ import annotations

import argparse
from typing import Any

from reviewapp.commands.output import table, to_json
from reviewapp.domain.search import EvidenceHit
from reviewapp.services.container import Services
from reviewapp.services.search import DEFAULT_LIMIT


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search evidence notes",
        description="Find evidence notes containing every word of TEXT, best match first. "
        "Case and accents are ignored ('elodie' finds 'Élodie'), the last word may be the start "
        "of a longer word, and quotes, brackets, * and AND/OR/NEAR are searched as plain text.",
        parents=[common],
    )
    parser.add_argument("text", metavar="TEXT", nargs="+", help="words to look for")
    parser.add_argument("--staff", type=int, metavar="ID", help="only this staff member's notes")
    parser.add_argument(
        "--limit", type=int, default=DEFAULT_LIMIT, metavar="N", help="at most N notes (1-1000)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_search)


def as_dict(hit: EvidenceHit) -> dict[str, Any]:
    note = hit.note
    return {
        "id": note.id,
        "staff_id": note.staff_id,
        "staff_name": hit.staff_name,
        "competency": hit.competency_code,
        "observed_on": note.observed_on.isoformat(),
        "source": note.source.value,
        "text": note.text,
        "frozen": note.frozen,
        "score": round(hit.score, 4),
    }


def _search(args: argparse.Namespace, services: Services) -> int:
    text = " ".join(args.text)
    if args.staff is not None:
        services.staff.get(args.staff)  # a clear message for an unknown id
    hits = services.search.evidence(text, staff_id=args.staff, limit=args.limit)
    if args.json:
        print(to_json([as_dict(hit) for hit in hits]))
        return 0
    if not hits:
        print(f"No evidence notes contain {text!r}.")
        return 0
    rows = [
        [
            str(hit.note.id),
            hit.note.observed_on.isoformat(),
            hit.staff_name,
            hit.competency_code,
            " ".join(hit.note.text.split()),
        ]
        for hit in hits
    ]
    print(table(["ID", "DATE", "STAFF", "COMP", "NOTE"], rows, right=[0], limits={2: 28, 4: 70}))
    return 0
