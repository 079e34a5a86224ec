"""Parse a staff list exported from a spreadsheet or HR system (CSV), reporting every bad row."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from reviewapp.domain.errors import ValidationError
from reviewapp.domain.staff import StaffDraft
from reviewapp.domain.text_files import not_utf8_reason

_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "staff name", "employee name"),
    "employee_number": (
        "employee_number",
        "employee number",
        "employee no",
        "employee no.",
        "employee #",
        "employee id",
        "emp no",
        "staff number",
        "staff id",
    ),
    "position": ("position", "job title", "title", "role"),
    "branch": ("branch", "location", "branch name"),
    "start_date": ("start_date", "start date", "hire date", "started"),
    "preferred_name": ("preferred_name", "preferred name", "known as"),
    "email": ("email", "e-mail", "email address"),
}
_REQUIRED = ("name", "employee_number", "position", "branch", "start_date")


class StaffCsvError(ValidationError):
    """The file as a whole cannot be used; ``problems`` lists every reason by line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class StaffCsvRow:
    line: int
    draft: StaffDraft


def _normalise(header: str) -> str:
    return " ".join(header.strip().lower().replace("_", " ").split())


def _columns(headers: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = _normalise(header)
        for field, variants in _HEADERS.items():
            if key in {_normalise(v) for v in variants} and field not in found:
                found[field] = index
    return found


def decode_staff_csv(data: bytes) -> str:
    """The text of a staff CSV file: UTF-8, with or without a byte-order mark.

    Raises StaffCsvError saying how to save the file again when it is in another encoding.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StaffCsvError([f"The file is {not_utf8_reason(data, exc)}"]) from None


def parse_staff_csv(text: str) -> list[StaffCsvRow]:
    """All rows or nothing: raises StaffCsvError naming each bad line and why."""
    rows, problems = parse_staff_csv_rows(text)
    if problems:
        raise StaffCsvError([message for _line, message in problems])
    if not rows:
        raise StaffCsvError(["The file has a header but no staff rows."])
    return rows


def parse_staff_csv_rows(text: str) -> tuple[list[StaffCsvRow], list[tuple[int, str]]]:
    """The good rows and (line, problem) for each bad one, so a caller can add its own checks.

    A file that cannot be read as a staff list at all (empty, required columns missing) raises
    StaffCsvError.
    """
    text = text.removeprefix("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    headers = next((r for r in reader if any(cell.strip() for cell in r)), None)
    if headers is None:
        raise StaffCsvError(["The file is empty."])
    columns = _columns(headers)
    missing = [f for f in _REQUIRED if f not in columns]
    if missing:
        raise StaffCsvError(
            [
                f"Line {reader.line_num}: missing column(s): {', '.join(missing)} "
                f"(found: {', '.join(headers)})."
            ]
        )
    rows: list[StaffCsvRow] = []
    problems: list[tuple[int, str]] = []
    numbers: dict[str, int] = {}
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue

        def cell(field: str, record: list[str] = record) -> str:
            index = columns.get(field)
            return record[index].strip() if index is not None and index < len(record) else ""

        reasons = [f"{f.replace('_', ' ')} is empty" for f in _REQUIRED if not cell(f)]
        start: date | None = None
        if cell("start_date"):
            try:
                start = date.fromisoformat(cell("start_date"))
            except ValueError:
                reasons.append(f"start date {cell('start_date')!r} is not an ISO date (YYYY-MM-DD)")
        number = cell("employee_number")
        if number and number in numbers:
            reasons.append(f"employee number {number} is also on line {numbers[number]}")
        elif number:
            numbers[number] = line
        for field, limit in (("name", 200), ("position", 200), ("branch", 200), ("email", 254)):
            if len(cell(field)) > limit:
                reasons.append(f"{field} is longer than {limit} characters")
        if reasons:
            problems.append((line, f"Line {line}: {'; '.join(reasons)}."))
            continue
        rows.append(
            StaffCsvRow(
                line,
                StaffDraft(
                    name=cell("name"),
                    employee_number=number,
                    position=cell("position"),
                    branch_name=cell("branch"),
                    start_date=start,
                    preferred_name=cell("preferred_name"),
                    email=cell("email"),
                ),
            )
        )
    return rows, problems
