"""Staff lists from spreadsheets: header variants, delimiters, and every bad row by line."""

from __future__ import annotations

from datetime import date

import pytest

from reviewapp.domain.staff_csv import StaffCsvError, decode_staff_csv, parse_staff_csv

HEADER = "name,employee_number,position,branch,start_date"
ROWS = [
    "Ada Lovelace,E001,Library Assistant,Central,2019-04-01",
    "Zoë Ng,E002,Librarian,North,2020-09-15",
]


def _problems(text: str) -> list[str]:
    with pytest.raises(StaffCsvError) as info:
        parse_staff_csv(text)
    assert str(info.value) == "\n".join(info.value.problems)
    return info.value.problems


def test_plain_file() -> None:
    rows = parse_staff_csv("\n".join([HEADER, *ROWS]) + "\n")
    assert [r.line for r in rows] == [2, 3]
    first = rows[0].draft
    assert first.name == "Ada Lovelace"
    assert first.employee_number == "E001"
    assert first.position == "Library Assistant"
    assert first.branch_name == "Central"
    assert first.start_date == date(2019, 4, 1)
    assert first.preferred_name == ""
    assert rows[1].draft.name == "Zoë Ng"


def test_byte_order_mark_and_windows_line_ends() -> None:
    rows = parse_staff_csv("\ufeff" + "\r\n".join([HEADER, *ROWS]) + "\r\n")
    assert [r.draft.employee_number for r in rows] == ["E001", "E002"]
    assert rows[0].draft.name == "Ada Lovelace"


@pytest.mark.parametrize(
    "header",
    [
        "Name,Employee No,Position,Branch,Start Date",
        "NAME,EMPLOYEE_NUMBER,POSITION,BRANCH,START_DATE",
        "Full Name, Employee #, Job Title, Location, Hire Date",
        "Staff Name,Staff ID,Role,Branch Name,Started",
        "employee name,Employee No.,title,location,start_date",
    ],
)
def test_header_variants(header: str) -> None:
    rows = parse_staff_csv("\n".join([header, *ROWS]))
    assert rows[1].draft.employee_number == "E002"
    assert rows[1].draft.branch_name == "North"
    assert rows[1].draft.start_date == date(2020, 9, 15)


def test_columns_in_any_order_with_optional_ones() -> None:
    text = (
        "Email,Known As,Start Date,Branch,Position,Employee Number,Name\n"
        "ada@example.org,Ada,2019-04-01,Central,Assistant,E001,Ada Lovelace\n"
    )
    (row,) = parse_staff_csv(text)
    assert row.draft.email == "ada@example.org"
    assert row.draft.preferred_name == "Ada"
    assert row.draft.name == "Ada Lovelace"
    assert row.draft.employee_number == "E001"


def test_semicolon_delimiter() -> None:
    text = "\n".join(line.replace(",", ";") for line in [HEADER, *ROWS])
    rows = parse_staff_csv(text)
    assert [r.draft.name for r in rows] == ["Ada Lovelace", "Zoë Ng"]


def test_semicolon_file_with_commas_in_values() -> None:
    text = (
        "Name;Employee No;Position;Branch;Start Date\n"
        "Lovelace, Ada;E001;Assistant, part-time;Central;2019-04-01\n"
        "Ng, Zoë;E002;Librarian;North;2020-09-15\n"
    )
    rows = parse_staff_csv(text)
    assert [r.draft.name for r in rows] == ["Lovelace, Ada", "Ng, Zoë"]
    assert rows[0].draft.position == "Assistant, part-time"


def test_tab_delimiter_and_quoted_values() -> None:
    text = (
        "name\temployee_number\tposition\tbranch\tstart_date\n"
        'Ada Lovelace\tE001\t"Assistant; evenings"\tCentral\t2019-04-01\n'
    )
    (row,) = parse_staff_csv(text)
    assert row.draft.position == "Assistant; evenings"


def test_quoted_commas_in_a_comma_file() -> None:
    text = f'{HEADER}\n"Lovelace, Ada",E001,"Assistant, evenings",Central,2019-04-01\n'
    (row,) = parse_staff_csv(text)
    assert row.draft.name == "Lovelace, Ada"
    assert row.draft.position == "Assistant, evenings"


def test_blank_lines_are_skipped_and_line_numbers_still_count_them() -> None:
    text = f"{HEADER}\n\n{ROWS[0]}\n,,,,\n{ROWS[1]}\n"
    rows = parse_staff_csv(text)
    assert [r.line for r in rows] == [3, 5]


def test_every_bad_row_is_reported_with_its_line() -> None:
    text = "\n".join(
        [
            HEADER,
            ROWS[0],
            ",E003,Clerk,Central,2021-01-01",  # no name
            "Bo Diddley,E004,Clerk,,01/02/2021",  # no branch, bad date
            ROWS[1],
            "Cy Young,,Clerk,Central,2021-01-01",  # no number
        ]
    )
    problems = _problems(text)
    assert problems == [
        "Line 3: name is empty.",
        "Line 4: branch is empty; start date '01/02/2021' is not an ISO date (YYYY-MM-DD).",
        "Line 6: employee number is empty.",
    ]


def test_duplicate_numbers_in_the_file() -> None:
    text = "\n".join([HEADER, *ROWS, "Cy Young,E001,Clerk,Central,2021-01-01"])
    assert _problems(text) == ["Line 4: employee number E001 is also on line 2."]


def test_too_long_values() -> None:
    text = f"{HEADER}\n{'N' * 201},E001,Clerk,Central,2021-01-01\n"
    assert _problems(text) == ["Line 2: name is longer than 200 characters."]


@pytest.mark.parametrize("text", ["", "\ufeff"])
def test_empty_file(text: str) -> None:
    assert _problems(text) == ["The file is empty."]


@pytest.mark.parametrize("text", ["\n", "\r\n\r\n", "\ufeff\n  \n"])
def test_file_of_blank_lines_is_empty(text: str) -> None:
    assert _problems(text) == ["The file is empty."]


@pytest.mark.parametrize("text", [HEADER, HEADER + "\n", HEADER + "\n\n,,,,\n"])
def test_header_only_file(text: str) -> None:
    assert _problems(text) == ["The file has a header but no staff rows."]


def test_missing_columns_are_named() -> None:
    (problem,) = _problems("Name,Position\nAda,Clerk\n")
    assert problem.startswith("Line 1: missing column(s): employee_number, branch, start_date")
    assert "(found: Name, Position)" in problem


def test_blank_lines_before_the_header_are_skipped() -> None:
    rows = parse_staff_csv(f"\n\n{HEADER}\n{ROWS[0]}\n")
    assert [(r.line, r.draft.employee_number) for r in rows] == [(4, "E001")]
    (problem,) = _problems("\n\nName,Position\nAda,Clerk\n")
    assert problem.startswith("Line 3: missing column(s)")


def test_apostrophes_are_not_mistaken_for_quotes() -> None:
    text = (
        f"{HEADER}\n"
        "Dan O'Brien,E001,Clerk,St. Mary's,2020-01-01\n"
        "D'Arcy Lee,E002,Page,St. Mary's,2020-01-02\n"
    )
    rows = parse_staff_csv(text)
    assert [r.draft.name for r in rows] == ["Dan O'Brien", "D'Arcy Lee"]
    assert rows[1].draft.branch_name == "St. Mary's"


NOT_UTF8 = (
    "The file is not UTF-8 text (byte 0xC9 on line 2). "
    "Save it again as UTF-8 (in a spreadsheet: 'CSV UTF-8')."
)


def test_a_windows_1252_file_is_refused_with_a_sentence_saying_how_to_save_it() -> None:
    data = (HEADER + "\nÉlodie Martin,E003,Librarian,North,2020-09-15\n").encode("cp1252")
    with pytest.raises(StaffCsvError) as info:
        decode_staff_csv(data)
    assert info.value.problems == [NOT_UTF8]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_is_decoded_with_or_without_a_byte_order_mark(bom: bytes) -> None:
    text = "\n".join([HEADER, *ROWS])
    assert decode_staff_csv(bom + text.encode("utf-8")) == text
