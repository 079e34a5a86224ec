"""Review packages: exact round trips, idempotent imports, matching, and refusals without harm."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from durability_helpers import Populated, RunCli, populate

from reviewapp.domain.errors import ConflictError
from reviewapp.domain.evidence import EvidenceDraft
from reviewapp.domain.package_validate import PackageError
from reviewapp.domain.review import GoalDraft, ReviewDraft, ReviewType
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services
from reviewapp.services.package_import import ImportConflictError


@pytest.fixture
def source(tmp_path: Path) -> Iterator[tuple[Services, Populated]]:
    services = Services.open(tmp_path / "branch.sqlite3")
    yield services, populate(services)
    services.close()


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Services]:
    services = Services.open(tmp_path / "hq.sqlite3")
    yield services
    services.close()


def _export(services: Services, ids: Populated, path: Path) -> Path:
    services.packages.export_reviews([ids.finalised_id, ids.in_progress_id], path)
    return path


def _without_export_time(text: str) -> dict[str, Any]:
    data = json.loads(text)
    data.pop("exported_at")
    return data


def _counts(services: Services) -> tuple[int, int, int]:
    staff = services.staff.list()
    notes = sum(len(services.evidence.for_staff(m.id)) for m in staff)
    return len(services.reviews.list()), len(staff), notes


def test_export_then_import_reproduces_the_reviews_exactly(
    source: tuple[Services, Populated], target: Services, tmp_path: Path
) -> None:
    branch, ids = source
    package = _export(branch, ids, tmp_path / "package.json")
    report = target.packages.import_package(package)
    assert report.changed and len(report.reviews_added) == 2
    assert report.notes_added == 3 and report.addenda_added == 1
    imported = {r.id: target.reviews.get(r.id) for r in target.reviews.list()}
    original = branch.reviews.get(ids.finalised_id)
    copy = next(r for r in imported.values() if r.uuid == original.uuid)
    assert copy.fingerprint == original.fingerprint
    assert target.reviews.verify_fingerprint(copy.id)
    assert copy.addenda[0].text == "Filed." and copy.signoffs == original.signoffs
    assert [n.frozen for n in target.reviews.notes(copy.id)] == [True, True]
    follow_up = next(r for r in imported.values() if not r.is_finalised).goals[0]
    assert follow_up.carried_from_id == copy.goals[0].id
    again = target.packages.export_text(sorted(imported, key=lambda i: imported[i].period_start))
    assert _without_export_time(again) == _without_export_time(package.read_text())


def test_importing_the_same_package_twice_changes_nothing(
    source: tuple[Services, Populated], target: Services, tmp_path: Path
) -> None:
    branch, ids = source
    package = _export(branch, ids, tmp_path / "package.json")
    target.packages.import_package(package)
    counts, stored = _counts(target), _without_export_time(target.packages.export_text([1, 2]))
    report = target.packages.import_package(package)
    assert not report.changed
    assert len(report.reviews_unchanged) == 2
    assert report.lines()[-1].startswith("Nothing changed")
    assert _counts(target) == counts
    assert _without_export_time(target.packages.export_text([1, 2])) == stored


def test_a_staff_member_with_the_same_employee_number_is_matched(
    source: tuple[Services, Populated], target: Services, tmp_path: Path
) -> None:
    branch, ids = source
    existing = target.staff.create(StaffDraft("Ann Example-Smith", "E100", "Senior Clerk"))
    report = target.packages.import_package(_export(branch, ids, tmp_path / "p.json"))
    assert report.staff_matched == ["E100 Ann Example"] and not report.staff_added
    assert [m.id for m in target.staff.list()] == [existing.id]
    reviews = [target.reviews.get(r.id) for r in target.reviews.list()]
    assert {r.staff_id for r in reviews} == {existing.id}
    finalised = next(r for r in reviews if r.is_finalised)
    assert finalised.staff_name == "Ann Example"  # the finalised record keeps its snapshot
    assert target.reviews.verify_fingerprint(finalised.id)


def test_a_tampered_finalised_review_is_refused_and_nothing_is_imported(
    source: tuple[Services, Populated], target: Services, tmp_path: Path
) -> None:
    branch, ids = source
    package = _export(branch, ids, tmp_path / "p.json")
    data = json.loads(package.read_text())
    finalised = next(n for n, r in enumerate(data["reviews"]) if r["status"] == "finalised")
    data["reviews"][finalised]["competencies"][0]["rating"] = 5
    package.write_text(json.dumps(data))
    before = _counts(target)
    with pytest.raises(PackageError) as raised:
        target.packages.import_package(package)
    assert f"$.reviews[{finalised}].fingerprint: does not match" in str(raised.value)
    assert _counts(target) == before


def _probationary(services: Services, start: date, end: date) -> int:
    member = services.staff.list()[0]
    draft = ReviewDraft(member.id, "Pat Manager", ReviewType.PROBATIONARY, start, end)
    return services.reviews.start(draft).id


def test_every_conflict_is_reported_and_nothing_is_imported(
    source: tuple[Services, Populated], target: Services, tmp_path: Path
) -> None:
    branch, ids = source
    target.packages.import_package(_export(branch, ids, tmp_path / "p.json"))
    target.goals.add(2, GoalDraft("Changed at HQ"))  # the in-progress review, edited here
    note = next(n for n in target.reviews.notes(2))
    target.evidence.update(
        note.id, EvidenceDraft(note.competency_id, note.observed_on, note.source, "Edited at HQ")
    )
    _probationary(target, date(2026, 2, 1), date(2026, 4, 30))  # made at HQ
    clashing = _probationary(branch, date(2026, 1, 1), date(2026, 3, 31))  # made at the branch
    second = tmp_path / "second.json"
    branch.packages.export_reviews([ids.in_progress_id, clashing], second)
    before = _counts(target), _without_export_time(target.packages.export_text([1, 2, 3]))
    with pytest.raises(ImportConflictError) as raised:
        target.packages.import_package(second)
    conflicts = raised.value.conflicts
    assert len(conflicts) == 3
    assert "annual review 2026-01-01 to 2026-12-31" in conflicts[0]
    assert "exists here with different content" in conflicts[0]
    assert "already has a probationary review here for an overlapping period" in conflicts[1]
    assert "Evidence note of 2026-02-02" in conflicts[2] and "differs" in conflicts[2]
    assert str(raised.value).startswith("Nothing was imported")
    after = _counts(target), _without_export_time(target.packages.export_text([1, 2, 3]))
    assert after == before


def test_a_framework_version_with_different_content_is_a_conflict(
    source: tuple[Services, Populated], target: Services, tmp_path: Path
) -> None:
    branch, ids = source
    package = _export(branch, ids, tmp_path / "p.json")
    framework = target.frameworks.current()
    levels = list(framework.scale.levels)
    levels[0] = type(levels[0])(levels[0].value, "Not yet", levels[0].description)
    target.frameworks.edit_scale(framework.id, levels)  # not in use here: edited in place
    with pytest.raises(ConflictError, match="exists here with different content"):
        target.packages.import_package(package)
    assert _counts(target) == (0, 0, 0)


def test_export_and_import_commands(
    populated: tuple[Path, Populated], tmp_path: Path, run_cli: RunCli
) -> None:
    path, _ids = populated
    package = tmp_path / "out" / "package.json"
    package.parent.mkdir()
    code, out, err = run_cli("--db", str(path), "export", "1", "2", "-o", str(package))
    assert code == 0 and "Wrote 2 reviews" in out, err
    hq = tmp_path / "hq.sqlite3"
    code, out, err = run_cli("--db", str(hq), "import", str(package))
    assert code == 0 and out.count("Imported review") == 2, err
    code, out, _err = run_cli("--db", str(hq), "import", str(package))
    assert code == 0 and "Nothing changed" in out
    code, _out, err = run_cli("--db", str(path), "export", "99", "-o", str(tmp_path / "x.json"))
    assert code == 1 and "no review with id 99" in err
    assert not (tmp_path / "x.json").exists()
    assert [p.name for p in package.parent.iterdir()] == ["package.json"]  # no partial file
