"""``reviewapp reviews list``: filters, JSON fields, and errors for unknown staff."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from reviewapp.domain.review import Assessment, ReviewDraft, ReviewType, SignOffRole
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services

Run = Callable[..., int]


@pytest.fixture
def ids(services: Services) -> dict[str, int]:
    """Élodie: a 2024 review in progress and a 2025 draft; Sam: a finalised 2024 review."""
    framework = services.frameworks.current()
    elodie = services.staff.create(StaffDraft("Élodie Tremblay", "E1", branch_name="Central"))
    sam = services.staff.create(StaffDraft("Sam Chen", "E2", branch_name="Lakeview"))

    def start(staff_id: int, year: int) -> int:
        draft = ReviewDraft(
            staff_id, "Pat Manager", ReviewType.ANNUAL, date(year, 1, 1), date(year, 12, 31)
        )
        return services.reviews.start(draft).id

    in_progress = start(elodie.id, 2024)
    for competency, rating in zip(framework.competencies[:2], (3, 4), strict=True):
        services.reviews.set_competency(in_progress, competency.id, Assessment(rating))
    draft = start(elodie.id, 2025)
    finalised = start(sam.id, 2024)
    for competency, rating in zip(framework.competencies, (3, 3, 3, 3, 3, 3, 4), strict=True):
        services.reviews.set_competency(finalised, competency.id, Assessment(rating))
    services.reviews.sign_off(
        finalised, SignOffRole.REVIEWER, "Pat Manager", date(2025, 1, 20), "Discussed."
    )
    services.reviews.finalise(finalised)
    return {
        "elodie": elodie.id,
        "sam": sam.id,
        "in_progress": in_progress,
        "draft": draft,
        "finalised": finalised,
    }


def listed(run: Run, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert run("reviews", "list", "--json", *args) == 0
    data: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return data


def test_json_has_the_documented_fields(
    run: Run, ids: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    reviews = listed(run, capsys)
    assert [r["id"] for r in reviews] == [ids["draft"], ids["finalised"], ids["in_progress"]]
    by_id = {r["id"]: r for r in reviews}
    assert by_id[ids["finalised"]] == {
        "id": ids["finalised"],
        "staff_id": ids["sam"],
        "staff_name": "Sam Chen",
        "branch": "Lakeview",
        "type": "annual",
        "status": "finalised",
        "period_start": "2024-01-01",
        "period_end": "2024-12-31",
        "overall_rating": 3.14,  # 22 / 7 = 3.142857..., rounded to two places
        "rated_competencies": 7,
        "competencies": 7,
    }
    assert by_id[ids["in_progress"]]["overall_rating"] == 3.5
    assert by_id[ids["in_progress"]]["status"] == "in_progress"
    assert by_id[ids["draft"]]["overall_rating"] is None
    assert by_id[ids["draft"]]["staff_name"] == "Élodie Tremblay"


def test_filters_by_staff_and_status(
    run: Run, ids: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    mine = listed(run, capsys, "--staff", str(ids["elodie"]))
    assert {r["id"] for r in mine} == {ids["draft"], ids["in_progress"]}
    finalised = listed(run, capsys, "--status", "finalised")
    assert [r["id"] for r in finalised] == [ids["finalised"]]
    assert listed(run, capsys, "--staff", str(ids["elodie"]), "--status", "finalised") == []


def test_table(run: Run, ids: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    assert run("reviews", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "ID",
        "STAFF",
        "BRANCH",
        "TYPE",
        "PERIOD",
        "STATUS",
        "RATED",
        "OVERALL",
    ]
    finalised = next(line for line in lines if "Sam Chen" in line)
    assert "2024-01-01 to 2024-12-31" in finalised
    assert finalised.rstrip().endswith("7/7     3.14")
    assert "Finalised" in finalised


def test_unknown_staff_id_is_an_error(
    run: Run, ids: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("reviews", "list", "--staff", "999") == 1
    captured = capsys.readouterr()
    assert captured.err == "reviewapp: There is no staff member with id 999.\n"
    assert captured.out == ""


def test_unknown_status_is_a_usage_error(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run("reviews", "list", "--status", "approved")
    assert exited.value.code == 2
    assert "invalid choice: 'approved'" in capsys.readouterr().err


def test_no_reviews(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("reviews", "list") == 0
    assert capsys.readouterr().out == "No reviews match.\n"
