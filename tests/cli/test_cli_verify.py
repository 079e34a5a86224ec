"""``reviewapp verify``: fingerprints of finalised reviews checked by id or all at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from reviewapp.domain.review import Assessment, ReviewDraft, ReviewType, SignOffRole
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services

Run = Callable[..., int]


def _review(services: Services, name: str, number: str, *, finalise: bool) -> int:
    staff = services.staff.create(StaffDraft(name, number))
    draft = ReviewDraft(
        staff.id, "Pat Manager", ReviewType.ANNUAL, date(2024, 1, 1), date(2024, 12, 31)
    )
    review_id = services.reviews.start(draft).id
    for competency in services.frameworks.current().competencies:
        services.reviews.set_competency(review_id, competency.id, Assessment(3))
    services.reviews.sign_off(review_id, SignOffRole.REVIEWER, "Pat", date(2025, 1, 20), "Done.")
    if finalise:
        services.reviews.finalise(review_id)
    return review_id


@pytest.fixture
def ids(services: Services) -> dict[str, int]:
    """Two finalised 2024 reviews (Élodie, Sam) and one still open (Ana)."""
    return {
        "elodie": _review(services, "Élodie Tremblay", "E1", finalise=True),
        "sam": _review(services, "Sam Chen", "E2", finalise=True),
        "open": _review(services, "Ana Lima", "E3", finalise=False),
    }


def _tamper_comment(services: Services, review_id: int) -> None:
    """Change a finalised review's comment behind the app's back: lift the trigger that refuses
    it, and put it back, so the database still passes the check made when it is opened."""
    trigger = "trg_competency_ratings_upd"
    with services.engine.begin() as connection:
        (create,) = connection.exec_driver_sql(
            f"SELECT sql FROM sqlite_master WHERE name = '{trigger}'"
        ).one()
        connection.exec_driver_sql(f"DROP TRIGGER {trigger}")
        connection.exec_driver_sql(
            f"UPDATE competency_ratings SET comment = 'rewritten' WHERE review_id = {review_id}"
        )
        connection.exec_driver_sql(create)


def test_all_untouched_reviews_match(
    run: Run, ids: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("verify", "--all") == 0
    out, err = capsys.readouterr()
    assert out == "Checked 2 finalised reviews: every fingerprint matches.\n"
    assert err == ""


def test_a_tampered_review_is_named_and_the_exit_status_is_1(
    run: Run, services: Services, ids: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper_comment(services, ids["sam"])
    assert run("verify", "--all") == 1
    out, _err = capsys.readouterr()
    assert out.splitlines() == [
        f"Review {ids['sam']} (Sam Chen, 2024-01-01 to 2024-12-31) DOES NOT MATCH its "
        "fingerprint: it has been changed since it was finalised.",
        "Checked 2 finalised reviews: 1 matches, 1 does not.",
    ]
    assert run("verify", str(ids["elodie"])) == 0
    assert run("verify", str(ids["sam"]), str(ids["elodie"])) == 1
    out, _err = capsys.readouterr()
    assert "Élodie Tremblay" in out and "matches its fingerprint" in out
    assert f"Review {ids['sam']} (Sam Chen" in out


def test_named_reviews_that_match(
    run: Run, ids: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("verify", str(ids["elodie"]), str(ids["sam"])) == 0
    out, _err = capsys.readouterr()
    assert out.splitlines() == [
        f"Review {ids['elodie']} (Élodie Tremblay, 2024-01-01 to 2024-12-31) matches its "
        "fingerprint.",
        f"Review {ids['sam']} (Sam Chen, 2024-01-01 to 2024-12-31) matches its fingerprint.",
        "Checked 2 finalised reviews: every fingerprint matches.",
    ]


def test_a_named_review_that_is_not_finalised_is_an_error(
    run: Run, ids: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("verify", str(ids["open"])) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"reviewapp: Review {ids['open']} (Ana Lima, 2024-01-01 to 2024-12-31) is not "
        "finalised, so it has no fingerprint to check.\n"
    )
    assert run("verify", str(ids["open"]), str(ids["sam"])) == 1
    out, err = capsys.readouterr()
    assert "is not finalised" in err
    assert out.endswith("Checked 1 finalised review: every fingerprint matches.\n")


def test_an_unknown_id_is_one_line_and_checks_nothing(
    run: Run, ids: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("verify", str(ids["sam"]), "999") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "reviewapp: There is no review with id 999.\n"


@pytest.mark.parametrize("argv", [[], ["--all", "1"]], ids=["neither", "both"])
def test_ids_or_all_not_both_nor_neither(
    run: Run, ids: dict[str, int], argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("verify", *argv) == 2
    assert "give review ids or --all" in capsys.readouterr().err


def test_no_finalised_reviews(
    run: Run, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    _review(services, "Ana Lima", "E3", finalise=False)
    assert run("verify", "--all") == 0
    assert capsys.readouterr().out == "There are no finalised reviews to check.\n"
