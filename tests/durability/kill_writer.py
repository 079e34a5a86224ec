"""The writer the kill test starts and kills: numbered edits, each printed after its commit.

Usage: python kill_writer.py DATABASE FIRST_NUMBER

Edit n adds the evidence note "edit n" (the note and its search-index entries in one transaction);
every tenth edit also adds the staff member "Kill n" in the new branch "Branch n" (two tables, one
transaction). A number is printed, and flushed, only once the service call has returned, that is,
once SQLite has committed it: that is what "acknowledged" means.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services


def main(database: str, first: int) -> None:
    services = Services.open(database, lock=True, if_in_use="refuse")
    competency = services.frameworks.current().competencies[0].id
    people = {m.employee_number: m for m in services.staff.list()}
    member = people.get("K0") or services.staff.create(StaffDraft("Kill Test", "K0"))
    number = first
    while True:
        day = date(2026, 1, 1) + timedelta(days=number % 365)
        services.evidence.add(
            member.id, EvidenceDraft(competency, day, EvidenceSource.OTHER, f"edit {number}")
        )
        if number % 10 == 0:
            services.staff.create(
                StaffDraft(f"Kill {number}", f"K{number + 1}", branch_name=f"Branch {number}")
            )
        print(number, flush=True)
        number += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
