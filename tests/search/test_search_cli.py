"""``reviewapp search`` prints matching notes as a table or JSON, and explains bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from reviewapp import cli
from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services


@pytest.fixture
def filled(db_path: Path) -> dict[str, int]:
    services = Services.open(db_path)
    try:
        competency = services.frameworks.current().competencies[1]
        ids = {}
        for number, name in enumerate(["Élodie Roy", "Sam Chen"]):
            member = services.staff.create(StaffDraft(name, f"N{number}"))
            ids[name] = member.id
            draft = EvidenceDraft(
                competency.id,
                date(2025, 4, number + 1),
                EvidenceSource.CUSTOMER_FEEDBACK,
                f"{name.split()[0]} helped a patron with the e-reader and the printer.",
            )
            services.evidence.add(member.id, draft)
        ids["competency"] = competency.id
        return ids
    finally:
        services.close()


def run(db_path: Path, *args: str) -> int:
    return cli.main(["--db", str(db_path), "search", *args])


def test_table_lists_every_match(
    db_path: Path, filled: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, "E-Reader", "print") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["ID", "DATE", "STAFF", "COMP", "NOTE"]
    assert len(out) == 3
    assert "2025-04-02" in out[1] and "Sam Chen" in out[1]  # equal relevance: newest first


def test_json_with_staff_filter(
    db_path: Path, filled: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, "elodie", "--staff", str(filled["Élodie Roy"]), "--json") == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["staff_name"] == "Élodie Roy"
    assert hit["observed_on"] == "2025-04-01"
    assert hit["text"].startswith("Élodie helped")
    assert hit["source"] == "customer_feedback"


def test_no_match_and_syntax_characters(
    db_path: Path, filled: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, '"(scanner*') == 0
    assert "No evidence notes contain" in capsys.readouterr().out


def test_unknown_staff_and_bad_limit_are_explained(
    db_path: Path, filled: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, "printer", "--staff", "999") == 1
    assert "no staff member with id 999" in capsys.readouterr().err
    assert run(db_path, "printer", "--limit", "0") == 1
    assert "between 1 and 1000" in capsys.readouterr().err
