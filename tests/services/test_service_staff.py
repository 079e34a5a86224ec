"""Staff members: create, update, clear messages, and CSV import that stores all or nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from service_helpers import snapshot

from reviewapp.domain.errors import (
    ConflictError,
    NotFoundError,
    ReviewAppError,
    ValidationError,
)
from reviewapp.domain.staff import StaffDraft, StaffMember
from reviewapp.domain.staff_csv import StaffCsvError
from reviewapp.services.container import Services

CSV_HEADER = "Name,Employee No,Position,Branch,Start Date,Email"


def test_create_and_read_back(services: Services, member: StaffMember) -> None:
    assert member.id > 0
    assert member.name == "Élodie Tremblay"
    assert member.branch_name == "Central"
    assert member.start_date == date(2019, 4, 1)
    assert member.active
    assert services.staff.get(member.id) == member
    assert [b.name for b in services.staff.branches()] == ["Central"]


def test_text_is_trimmed(services: Services) -> None:
    created = services.staff.create(StaffDraft("  Bo Diddley ", " E-7 ", branch_name=" North "))
    assert (created.name, created.employee_number, created.branch_name) == (
        "Bo Diddley",
        "E-7",
        "North",
    )


def test_duplicate_employee_number_is_a_clear_conflict(
    services: Services, member: StaffMember
) -> None:
    with pytest.raises(ConflictError) as info:
        services.staff.create(StaffDraft("Someone Else", "E-100"))
    assert str(info.value) == "Employee number E-100 belongs to another staff member."
    assert len(services.staff.list()) == 1


def test_update(services: Services, member: StaffMember) -> None:
    draft = StaffDraft(
        "Élodie Tremblay-Roy",
        "E-100",
        position="Librarian",
        branch_name="North",
        preferred_name="Lodie",
        email="elodie@example.org",
        active=False,
    )
    updated = services.staff.update(member.id, draft)
    assert updated.id == member.id
    assert updated.uuid == member.uuid
    assert updated.display_name == "Élodie Tremblay-Roy (Lodie)"
    assert (updated.position, updated.branch_name, updated.active) == ("Librarian", "North", False)
    assert services.staff.get(member.id) == updated
    assert services.staff.list(include_inactive=False) == []


def test_update_shows_the_new_branch_at_once(services: Services, member: StaffMember) -> None:
    moved = services.staff.update(member.id, replace(_draft(member), branch_name="West"))
    assert (moved.branch_name, services.staff.get(member.id).branch_name) == ("West", "West")
    cleared = services.staff.update(member.id, replace(_draft(member), branch_name=""))
    assert (cleared.branch_id, cleared.branch_name) == (None, "")
    assert services.staff.get(member.id).branch_name == ""


def test_update_to_another_members_number_is_refused(
    services: Services, member: StaffMember
) -> None:
    other = services.staff.create(StaffDraft("Bo Diddley", "E-200"))
    with pytest.raises(ConflictError, match="E-100"):
        services.staff.update(other.id, StaffDraft("Bo Diddley", "E-100"))
    assert services.staff.get(other.id).employee_number == "E-200"


def test_update_of_unknown_member(services: Services) -> None:
    with pytest.raises(NotFoundError, match="9999"):
        services.staff.update(9999, StaffDraft("X", "Y"))
    with pytest.raises(NotFoundError):
        services.staff.get(9999)


@pytest.mark.parametrize(
    ("draft", "field", "words"),
    [
        (StaffDraft("", "E-1"), "name", "name is required"),
        (StaffDraft("Bo", "   "), "employee_number", "employee number is required"),
        (StaffDraft("B" * 201, "E-1"), "name", "too long"),
        (StaffDraft("Bo", "E-1", email="not an address"), "email", "not an e-mail"),
        (StaffDraft("Bo", "E-1", email="bo-at-example.org"), "email", "not an e-mail"),
        (StaffDraft("Bo", "E-1", start_date=date(2300, 1, 1)), "start_date", "future"),
        (StaffDraft("Bo", "E-1", position="P" * 201), "position", "too long"),
    ],
)
def test_validation_names_the_field(
    services: Services, draft: StaffDraft, field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as info:
        services.staff.create(draft)
    assert info.value.field == field
    assert words in str(info.value)
    assert services.staff.list() == []


def test_list_is_sorted_ignoring_case_and_accents(services: Services) -> None:
    for name, number in [("zoë Ng", "1"), ("Émile Roy", "2"), ("adam Ek", "3"), ("Eva Lund", "4")]:
        services.staff.create(
            StaffDraft(name, number, branch_name="North" if number == "4" else "")
        )
    assert [m.name for m in services.staff.list()] == ["adam Ek", "Émile Roy", "Eva Lund", "zoë Ng"]
    assert [m.name for m in services.staff.list(branch="North")] == ["Eva Lund"]


def test_branches_are_matched_ignoring_case(services: Services, member: StaffMember) -> None:
    other = services.staff.create(StaffDraft("Bo", "E-2", branch_name="CENTRAL"))
    assert other.branch_id == member.branch_id
    assert len(services.staff.branches()) == 1


def test_csv_import_adds_every_row(services: Services) -> None:
    text = "\n".join(
        [
            CSV_HEADER,
            "Ada Lovelace,E001,Assistant,Central,2019-04-01,ada@example.org",
            "Zoë Ng,E002,Librarian,North,2020-09-15,",
        ]
    )
    created = services.staff.import_csv(text)
    assert [m.employee_number for m in created] == ["E001", "E002"]
    assert {m.name for m in services.staff.list()} == {"Ada Lovelace", "Zoë Ng"}
    assert services.staff.get(created[1].id).branch_name == "North"


def test_csv_import_with_one_bad_row_stores_nothing(services: Services) -> None:
    text = "\n".join(
        [
            CSV_HEADER,
            "Ada Lovelace,E001,Assistant,Central,2019-04-01,",
            "Bad Date,E002,Assistant,Central,15/09/2020,",
            "Zoë Ng,E003,Librarian,North,2020-09-15,",
        ]
    )
    before = snapshot(services)
    with pytest.raises(StaffCsvError) as info:
        services.staff.import_csv(text)
    assert info.value.problems == [
        "Line 3: start date '15/09/2020' is not an ISO date (YYYY-MM-DD)."
    ]
    assert snapshot(services) == before
    assert services.staff.list() == []


def test_csv_import_reports_existing_numbers_by_line(
    services: Services, member: StaffMember
) -> None:
    text = "\n".join(
        [
            CSV_HEADER,
            "Ada Lovelace,E001,Assistant,Central,2019-04-01,",
            "Élodie Again,E-100,Assistant,Central,2019-04-01,",
            "Bo Diddley,E002,Clerk,North,2021-01-01,not-an-email",
        ]
    )
    before = snapshot(services)
    with pytest.raises(StaffCsvError) as info:
        services.staff.import_csv(text)
    problems = info.value.problems
    assert len(problems) == 2
    assert problems[0] == "Line 3: employee number E-100 already exists."
    assert problems[1].startswith("Line 4: ")
    assert "e-mail" in problems[1]
    assert snapshot(services) == before
    assert services.staff.list() == [member]


def test_csv_header_only_file(services: Services) -> None:
    with pytest.raises(StaffCsvError, match="header but no staff rows"):
        services.staff.import_csv(CSV_HEADER + "\n")
    with pytest.raises(StaffCsvError, match="empty"):
        services.staff.import_csv("")


def test_snapshot_helper_sees_changes(services: Services, member: StaffMember) -> None:
    before = snapshot(services)
    services.staff.update(member.id, replace(_draft(member), position="Changed"))
    assert snapshot(services) != before


def _draft(member: StaffMember) -> StaffDraft:
    return StaffDraft(
        member.name,
        member.employee_number,
        member.position,
        member.branch_name,
        member.start_date,
        member.preferred_name,
        member.email,
        member.active,
    )


def test_branches_are_matched_ignoring_accented_case(services: Services) -> None:
    first = services.staff.create(StaffDraft("A", "1", branch_name="Île-Perrot"))
    second = services.staff.create(StaffDraft("B", "2", branch_name="île-perrot"))
    third = services.staff.create(StaffDraft("C", "3", branch_name="ÎLE-PERROT"))
    assert first.branch_id == second.branch_id == third.branch_id
    assert [b.name for b in services.staff.branches()] == ["Île-Perrot"]
    assert second.branch_name == "Île-Perrot"


def test_csv_file_import_reads_utf8(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text(f"{CSV_HEADER}\nÉlodie Martin,E001,Assistant,Central,2019-04-01,\n")
    (created,) = services.staff.import_csv_file(path)
    assert created.name == "Élodie Martin"


def test_csv_file_that_is_not_utf8_is_refused_in_plain_words(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "staff.csv"
    path.write_bytes(
        f"{CSV_HEADER}\nÉlodie Martin,E001,Assistant,Central,2019-04-01,\n".encode("cp1252")
    )
    with pytest.raises(StaffCsvError) as info:
        services.staff.import_csv_file(path)
    (problem,) = info.value.problems
    assert problem.startswith("The file is not UTF-8 text (byte 0xC9 on line 2).")
    assert "'CSV UTF-8'" in problem
    assert services.staff.list() == []


@pytest.mark.parametrize(
    ("make", "expected"), [(None, "there is no such CSV file"), ("folder", "it is a folder")]
)
def test_csv_file_that_cannot_be_read_is_explained(
    services: Services, tmp_path: Path, make: str | None, expected: str
) -> None:
    path = tmp_path / "staff.csv"
    if make == "folder":
        path.mkdir()
    with pytest.raises(ReviewAppError, match=expected) as info:
        services.staff.import_csv_file(path)
    assert str(info.value).startswith(f"Cannot read {path}: ")
