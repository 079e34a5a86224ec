"""``reviewapp staff import`` and ``staff list``: all rows or none, every problem by line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., int]

GOOD = (
    "Name,Employee No,Job Title,Branch,Hire Date,Preferred Name,E-mail\n"
    "Élodie Tremblay,E100,Library Assistant,Bibliothèque Sainte-Anne,2019-03-04,,"
    "elodie@example.org\n"
    '王秀英,E101,"Page, part-time",Central Library,2021-09-01,Sherry,\n'
    "Zoë O'Brien,E102,Children's Librarian,Central Library,2015-01-12,,zoe@example.org\n"
)


def write(tmp_path: Path, text: str, name: str = "staff.csv", bom: bool = False) -> str:
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return str(path)


def listed(run: Run, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert run("staff", "list", "--json") == 0
    data: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return data


def test_import_then_list_as_json(
    run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("staff", "import", write(tmp_path, GOOD, bom=True)) == 0
    out = capsys.readouterr().out
    assert "Imported 3 staff members" in out
    assert "Bibliothèque Sainte-Anne" in out  # a branch the file brought in is named
    staff = {s["employee_number"]: s for s in listed(run, capsys)}
    assert set(staff) == {"E100", "E101", "E102"}
    assert staff["E101"] == {
        "id": staff["E101"]["id"],
        "name": "王秀英",
        "preferred_name": "Sherry",
        "employee_number": "E101",
        "position": "Page, part-time",
        "branch": "Central Library",
        "start_date": "2021-09-01",
        "email": "",
        "active": True,
    }
    assert staff["E100"]["name"] == "Élodie Tremblay"
    assert staff["E100"]["email"] == "elodie@example.org"


def test_list_table_aligns_wide_characters(
    run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("staff", "import", write(tmp_path, GOOD)) == 0
    capsys.readouterr()
    assert run("staff", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["ID", "EMP", "NO"]
    by_number = {line.split()[1]: line for line in lines[1:]}
    assert set(by_number) == {"E100", "E101", "E102"}
    # "王秀英 (Sherry)" is 15 columns wide but 12 characters: the next column still lines up.
    columns = {
        number: line.index("Central") for number, line in by_number.items() if "Central" in line
    }
    chinese, latin = columns["E101"], columns["E102"]
    assert chinese == latin - len("王秀英")


def test_empty_database_says_so(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("staff", "list") == 0
    assert "No staff members yet" in capsys.readouterr().out
    assert run("staff", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_every_bad_line_is_reported_and_nothing_imported(
    run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("staff", "import", write(tmp_path, GOOD, "first.csv")) == 0
    capsys.readouterr()
    bad = (
        "name;employee number;position;branch;start date;email\n"
        "Ana Peña;E200;Page;Central Library;2020-01-06;\n"
        "Sam Lee;;Page;Central Library;2020-01-06;\n"
        "Ravi Patel;E202;Page;Central Library;06/01/2020;\n"
        "Kim Jung;E100;Page;Central Library;2020-01-06;\n"
        "Lou Roy;E204;Page;Central Library;2020-01-06;not-an-address\n"
        "Ana Peña;E200;Page;Central Library;2020-01-06;\n"
    )
    assert run("staff", "import", write(tmp_path, bad)) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.splitlines()
    assert "nothing imported, 5 problems" in err[0]
    assert err[1:] == [
        "  Line 3: employee number is empty.",
        "  Line 4: start date '06/01/2020' is not an ISO date (YYYY-MM-DD).",
        "  Line 5: employee number E100 already exists.",
        "  Line 6: 'not-an-address' is not an e-mail address.",
        "  Line 7: employee number E200 is also on line 2.",
    ]
    assert len(listed(run, capsys)) == 3  # only the first file's staff


def test_missing_column_is_named(
    run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "Name,Branch\nAna,Central\n")
    assert run("staff", "import", path) == 1
    err = capsys.readouterr().err
    assert "Line 1: missing column(s): employee_number, position, start_date" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "there is no such CSV file"),
        (b"Name,Employee No\nJos\xe9,1\n", "is not UTF-8 text (byte 0xE9 on line 2)"),
        (b"", "The file is empty."),
        (b"Name,Employee No,Position,Branch,Start Date\n", "header but no staff rows"),
    ],
)
def test_unreadable_files_get_one_clear_message(
    run: Run,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    expected: str,
) -> None:
    path = tmp_path / "staff.csv"
    if content is not None:
        path.write_bytes(content)
    assert run("staff", "import", str(path)) == 1
    captured = capsys.readouterr()
    assert expected in captured.err
    assert "Traceback" not in captured.err
    assert captured.err.startswith("reviewapp: ")


def test_a_folder_is_not_a_file(
    run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("staff", "import", str(tmp_path)) == 1
    assert "it is a folder, not a CSV file" in capsys.readouterr().err


def test_a_windows_1252_file_gets_the_sentence_the_window_shows(
    run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "staff.csv"
    path.write_bytes(GOOD.encode("cp1252", errors="replace"))
    assert run("staff", "import", str(path)) == 1
    err = capsys.readouterr().err
    assert "nothing imported" in err
    assert (
        "The file is not UTF-8 text (byte 0xC9 on line 2). "
        "Save it again as UTF-8 (in a spreadsheet: 'CSV UTF-8')." in err
    )
    assert "codec" not in err and "Traceback" not in err
