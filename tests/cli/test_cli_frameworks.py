"""``reviewapp framework list|export|import``: round trip, and errors that name the field."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., int]
KEY = "sols-customer-service"


def exported(run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "framework.json"
    assert run("framework", "export", KEY, "-o", str(path)) == 0
    assert capsys.readouterr().out == f"Wrote {path}\n"
    return path


def test_list_shows_the_shipped_framework(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("framework", "list", "--json") == 0
    (framework,) = json.loads(capsys.readouterr().out)
    assert framework["key"] == KEY
    assert (framework["competency_count"], framework["indicator_count"]) == (7, 34)
    assert run("framework", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["ID", "KEY", "VER"]
    assert KEY in lines[1] and "Customer Service" in lines[1]


def test_export_import_round_trip(
    run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = exported(run, tmp_path, capsys)
    assert run("framework", "import", str(path)) == 0
    assert "Already present, unchanged: sols-customer-service version 1" in capsys.readouterr().out

    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = 2
    data["competencies"][0]["statement"] = "Welcomes every library user warmly."
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run("framework", "import", str(path)) == 0
    assert "Imported sols-customer-service version 2" in capsys.readouterr().out

    again = tmp_path / "again.json"
    assert run("framework", "export", KEY, "-o", str(again)) == 0  # newest version by default
    assert json.loads(again.read_text(encoding="utf-8")) == json.loads(path.read_text("utf-8"))
    assert run("framework", "export", KEY, "--version", "1", "-o", str(again)) == 0
    assert json.loads(again.read_text(encoding="utf-8"))["version"] == 1


def test_changed_content_under_the_same_version_is_refused(
    run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = exported(run, tmp_path, capsys)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] = "Something else"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert run("framework", "import", str(path)) == 1
    err = capsys.readouterr().err
    assert "already exists with different content" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["competencies"][2].pop("statement"), "competencies[2].statement"),
        (lambda d: d.update(format="something-else"), "$.format"),
        (lambda d: d.update(version="two"), "$.version"),
    ],
)
def test_malformed_file_names_the_field(
    run: Run,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: Callable[[dict[str, object]], object],
    field: str,
) -> None:
    path = exported(run, tmp_path, capsys)
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert run("framework", "import", str(path)) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"reviewapp: {path}: ")
    assert field in err
    assert "Traceback" not in err


def test_invalid_json_gives_line_and_column(
    run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "reviewapp-framework",\n  oops\n}\n', encoding="utf-8")
    assert run("framework", "import", str(path)) == 1
    assert "line 3, column 3: not valid JSON" in capsys.readouterr().err


def test_missing_file_and_unknown_key(
    run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("framework", "import", str(tmp_path / "nope.json")) == 1
    err = capsys.readouterr().err
    assert err.startswith("reviewapp: Cannot read") and "nope.json" in err
    assert err.count("\n") == 1
    assert run("framework", "export", "no-such-key", "-o", str(tmp_path / "x.json")) == 1
    assert capsys.readouterr().err == "reviewapp: There is no framework 'no-such-key'.\n"
    assert not (tmp_path / "x.json").exists()
