"""``reviewapp demo``: plausible, deterministic demo data whose finalised reviews verify."""

from __future__ import annotations

import io
import json
import unicodedata
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from reviewapp import cli
from reviewapp.commands.demo import ProgressLine
from reviewapp.db import search_index
from reviewapp.domain.errors import ReviewAppError
from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.review import ReviewStatus, SignOffRole
from reviewapp.services.container import Services
from reviewapp.services.opening import make_store

Run = Callable[..., int]
SMALL = ("demo", "--staff", "20", "--years", "3", "--seed", "7", "--today", "2025-03-15")
NON_LATIN = ("CJK", "HANGUL", "ARABIC", "DEVANAGARI", "GREEK")


def json_of(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert cli.main(["--db", str(db), *args, "--json"]) == 0
    return capsys.readouterr().out


@pytest.fixture
def small(db_path: Path, run: Run, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(*SMALL) == 0
    captured = capsys.readouterr()
    assert "Added demo data in" in captured.out and "(seed 7, today 2025-03-15)" in captured.out
    assert "       20  staff" in captured.out
    assert captured.err.splitlines()[-1] == "Writing demo data: 20 of 20 staff (100%)"
    return db_path


def test_small_demo_is_plausible(small: Path) -> None:
    services = Services.open(small)
    try:
        staff = services.staff.list()
        reviews = services.reviews.list()
        branches = services.staff.branches()
    finally:
        services.close()
    assert len(staff) == 20
    assert len(branches) == 3
    assert {s.branch_name for s in staff} <= {b.name for b in branches}
    assert len({s.employee_number for s in staff}) == 20
    assert all(s.position and s.start_date and s.start_date <= date(2025, 3, 15) for s in staff)
    assert any(not s.name.isascii() for s in staff)  # accents or other scripts
    scripts = {unicodedata.name(ch).split()[0] for s in staff for ch in s.name if ord(ch) > 0x24F}
    assert scripts & set(NON_LATIN), scripts
    assert 20 * 2 <= len(reviews) <= 20 * 5
    assert {r.staff_id for r in reviews} == {s.id for s in staff}
    assert set(Counter(r.status for r in reviews)) == set(ReviewStatus)
    assert all(r.period_start <= date(2025, 3, 15) for r in reviews)
    assert all(2023 <= r.period_end.year <= 2025 for r in reviews)
    current = [r for r in reviews if r.period_end.year == 2025 and r.review_type == "annual"]
    assert current and all(r.status != ReviewStatus.FINALISED for r in current)
    for review in reviews:
        if review.status == ReviewStatus.FINALISED:
            assert review.rated_count == review.competency_count == 7
            assert review.overall_rating is not None
        elif review.status == ReviewStatus.DRAFT:
            assert review.rated_count == 0


def test_finalised_reviews_are_complete_signed_and_verify(small: Path) -> None:
    services = Services.open(small)
    try:
        finalised = services.reviews.list(status=ReviewStatus.FINALISED)
        assert len(finalised) >= 20
        notes_total = 0
        for summary in finalised:
            assert services.reviews.verify_fingerprint(summary.id), summary
            review = services.reviews.get(summary.id)
            reviewer = review.signoff(SignOffRole.REVIEWER)
            assert reviewer is not None and reviewer.name == review.reviewer_name
            assert review.finalised_at is not None
            assert review.finalised_at.date() <= date(2025, 3, 15)
            assert len(review.indicators) == 34
            assert review.strengths and review.development_areas
            notes = services.reviews.notes(summary.id)
            assert all(n.frozen for n in notes)
            assert all(review.period_start <= n.observed_on <= review.period_end for n in notes)
            notes_total += len(notes)
        assert notes_total > 100
        journal = [n for s in services.staff.list() for n in services.evidence.for_staff(s.id)]
        assert any(not n.frozen for n in journal)  # this year's notes stay editable
        assert all(n.observed_on <= date(2025, 3, 15) for n in journal)
        goals = [g for s in finalised for g in services.reviews.get(s.id).goals]
        assert goals and any(g.carried_from_id is not None for g in goals)
    finally:
        services.close()


def test_same_seed_same_data_other_seed_other_data(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    twin = tmp_path / "twin.sqlite3"
    assert cli.main(["--db", str(twin), *SMALL]) == 0
    for listing in (("reviews", "list"), ("staff", "list")):
        assert json_of(small, capsys, *listing) == json_of(twin, capsys, *listing)
    other = tmp_path / "other.sqlite3"
    assert cli.main(["--db", str(other), *SMALL[:-4], "--today", "2025-03-15"]) == 0
    assert json_of(small, capsys, "staff", "list") != json_of(other, capsys, "staff", "list")


def test_refuses_a_database_with_staff_unless_forced(
    small: Path, run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(*SMALL) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        "reviewapp: the database already has 20 staff; demo data goes into an empty database "
        "(use --force to add it anyway)\n"
    )
    assert run(*SMALL, "--force") == 0
    staff = json.loads(json_of(small, capsys, "staff", "list"))
    assert len(staff) == 40
    assert len({s["employee_number"] for s in staff}) == 40


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--staff", "0"), "reviewapp: The number of staff must be 1 to 100,000.\n"),
        (("--years", "0"), "reviewapp: The number of years must be 1 to 40.\n"),
    ],
)
def test_out_of_range_numbers(
    run: Run, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert run("demo", *args) == 1
    assert capsys.readouterr().err.endswith(message)


def test_bad_date_is_a_usage_error(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run("demo", "--today", "15/03/2025")
    assert exited.value.code == 2
    assert "'15/03/2025' is not a date (YYYY-MM-DD)" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_rewrites_one_line_on_a_terminal() -> None:
    terminal = _Terminal()
    progress = ProgressLine(terminal)
    for done in (0, 50, 100):
        progress(done, 100)
    progress.finish()
    assert terminal.getvalue() == (
        "\rWriting demo data: 0 of 100 staff (0%)"
        "\rWriting demo data: 50 of 100 staff (50%)"
        "\rWriting demo data: 100 of 100 staff (100%)\n"
    )


def test_progress_prints_a_line_per_tenth_elsewhere() -> None:
    log = io.StringIO()
    progress = ProgressLine(log)
    for done in range(0, 101, 5):
        progress(done, 100)
    lines = log.getvalue().splitlines()
    assert len(lines) == 11
    assert lines[0].endswith("(0%)") and lines[-1].endswith("(100%)")


def test_demo_notes_are_searchable_and_later_notes_too(
    small: Path, run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    services = Services.open(small)
    try:
        notes = [n for s in services.staff.list() for n in services.evidence.for_staff(s.id)]
        expected = {n.id for n in notes if "wi-fi" in n.text.casefold()}
        assert expected
        hits = services.search.evidence("Wi-Fi", limit=1000)
        assert {h.note.id for h in hits} == expected
        person = services.staff.list()[0]
        competency = services.frameworks.current().competencies[0]
        draft = EvidenceDraft(
            competency.id, date(2025, 3, 15), EvidenceSource.OTHER, "Zanzibar quokka workshop."
        )
        added = services.evidence.add(person.id, draft)
    finally:
        services.close()
    capsys.readouterr()
    assert run("search", "quokka", "--json") == 0
    assert [hit["id"] for hit in json.loads(capsys.readouterr().out)] == [added.id]


def test_a_failed_bulk_write_leaves_the_search_trigger_in_place(small: Path) -> None:
    services = Services.open(small)
    try:
        store = make_store(services.engine, services.access)
        with (
            pytest.raises(ReviewAppError),
            store.transaction() as session,
            search_index.bulk_insert(session),
        ):
            session.execute(
                text(
                    "INSERT INTO evidence_notes (uuid, staff_id, competency_id, observed_on, "
                    "source, text, created_at, updated_at) VALUES ('x', 1, 999999, "
                    "'2025-01-01', 'other', 'no such competency', '2025-01-01 09:00:00', "
                    "'2025-01-01 09:00:00')"
                )
            )
        with services.engine.connect() as connection:
            triggers = connection.execute(
                text("SELECT name FROM sqlite_master WHERE name = 'trg_evidence_fts_ins'")
            ).all()
        assert len(triggers) == 1
    finally:
        services.close()
