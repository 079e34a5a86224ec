"""``reviewapp staff list|import``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reviewapp.commands.output import table, to_json
from reviewapp.domain.staff import StaffMember
from reviewapp.domain.staff_csv import StaffCsvError
from reviewapp.services.container import Services


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("staff", help="staff members", parents=[common])
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list staff members", parents=[common])
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_list)
    imp = actions.add_parser(
        "import",
        help="add staff from a CSV file (all rows or none)",
        description="Add staff from a UTF-8 CSV file with a header row. Required columns: name, "
        "employee number, position, branch, start date (YYYY-MM-DD); optional: preferred name, "
        "e-mail. Headers are matched case-insensitively ('Employee No', 'Hire Date' work too). "
        "Nothing is added unless every row is valid.",
        parents=[common],
    )
    imp.add_argument("file", metavar="FILE.csv")
    imp.set_defaults(handler=_import)


def as_dict(member: StaffMember) -> dict[str, Any]:
    return {
        "id": member.id,
        "name": member.name,
        "preferred_name": member.preferred_name,
        "employee_number": member.employee_number,
        "position": member.position,
        "branch": member.branch_name,
        "start_date": member.start_date.isoformat() if member.start_date else None,
        "email": member.email,
        "active": member.active,
    }


def _list(args: argparse.Namespace, services: Services) -> int:
    members = services.staff.list()
    if args.json:
        print(to_json([as_dict(m) for m in members]))
        return 0
    if not members:
        print("No staff members yet (add some with 'reviewapp staff import FILE.csv').")
        return 0
    rows = [
        [
            str(m.id),
            m.employee_number,
            m.display_name,
            m.position,
            m.branch_name,
            m.start_date.isoformat() if m.start_date else "",
            "yes" if m.active else "no",
        ]
        for m in members
    ]
    headers = ["ID", "EMP NO", "NAME", "POSITION", "BRANCH", "STARTED", "ACTIVE"]
    print(table(headers, rows, right=(0,), limits={2: 40, 3: 32, 4: 28}))
    return 0


def _import(args: argparse.Namespace, services: Services) -> int:
    branches_before = {b.name for b in services.staff.branches()}
    try:
        added = services.staff.import_csv_file(Path(args.file))
    except StaffCsvError as exc:
        count = len(exc.problems)
        noun = "problem" if count == 1 else "problems"
        print(f"reviewapp: {args.file}: nothing imported, {count} {noun}:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    noun = "staff member" if len(added) == 1 else "staff members"
    new_branches = sorted({m.branch_name for m in added} - branches_before - {""})
    extra = f" New branches: {', '.join(new_branches)}." if new_branches else ""
    print(f"Imported {len(added)} {noun} from {args.file}.{extra}")
    return 0
