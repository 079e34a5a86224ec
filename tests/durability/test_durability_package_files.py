"""Malformed and hostile package files: a clear refusal naming the JSON path, never a traceback,
never a partial import."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from durability_helpers import RunCli, populate

from reviewapp.domain import package_validate
from reviewapp.domain.package_validate import PackageError, nesting_depth
from reviewapp.services.container import Services

Mutation = Callable[[dict[str, Any]], Any]
OTHER_UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A valid package: reviews[0] finalised, reviews[1] in progress."""
    services = Services.open(tmp_path_factory.mktemp("branch") / "branch.sqlite3")
    try:
        ids = populate(services)
        data: dict[str, Any] = json.loads(
            services.packages.export_text([ids.finalised_id, ids.in_progress_id])
        )
        return data
    finally:
        services.close()


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Services]:
    services = Services.open(tmp_path / "hq.sqlite3")
    yield services
    services.close()


def _set(path: str, value: Any) -> Mutation:
    """Set a value at a dotted path like 'reviews.1.strengths'."""

    def mutate(data: dict[str, Any]) -> Any:
        *parents, last = path.split(".")
        node: Any = data
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value
        return data

    return mutate


def _text(old: str, new: str) -> Mutation:
    """Edit the JSON text itself (for what a dict cannot hold)."""
    return lambda data: json.dumps(data).replace(old, new, 1)


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


def _many_bad_ratings(data: dict[str, Any]) -> dict[str, Any]:
    data["reviews"][1]["indicators"] = [
        {"code": f"X{n}", "rating": "high", "not_observed": False} for n in range(500)
    ]
    return data


CASES: dict[str, tuple[Mutation, str]] = {
    "not JSON": (lambda d: "this is not { json", "line 1, column 1: not valid JSON"),
    "a list, not an object": (lambda d: [d], "$: must be an object, not a list"),
    "another kind of file": (_set("format", "reviewapp-framework"), "$.format: must be"),
    "a newer format version": (_set("format_version", 2), "$.format_version: version 2 is not"),
    "wrong type": (_set("reviews.0.competencies.0.rating", "3"), "$.reviews[0].competencies[0]"),
    "true as a number": (_set("reviews.1.overall_override", True), "$.reviews[1].overall_override"),
    "huge string": (_set("reviews.1.strengths", "x" * 300_000), "$.reviews[1].strengths: is too"),
    "deep nesting": (_set("reviews.1.strengths", _nested(500)), "nested more than 12 levels"),
    "duplicate ids": (
        lambda d: _set("reviews.1.goals.0.uuid", d["reviews"][0]["goals"][0]["uuid"])(d),
        "$.reviews[1].goals[0].uuid: id",
    ),
    "duplicate key": (_text('"status": "in_progress"', '"status": "a", "status": "b"'), "twice"),
    "NaN": (_text('"rating": 3', '"rating": NaN'), "NaN is not a number JSON allows"),
    "a number too long to read": (
        _text('"rating": 3', '"rating": ' + "9" * 5000),
        "a number has too many digits",
    ),
    "impossible date": (_set("reviews.1.period_start", "2026-02-30"), "$.reviews[1].period_start"),
    "period backwards": (_set("reviews.1.period_end", "2025-06-01"), "$.reviews[1].period_end"),
    "unknown enum": (_set("reviews.1.review_type", "yearly"), "'yearly' is not one of"),
    "missing staff": (_set("reviews.1.staff", OTHER_UUID), "$.reviews[1].staff: is not one of"),
    "unknown code": (_set("evidence.0.competency", "Z9"), "$.evidence[0].competency: 'Z9'"),
    "not a uuid": (_set("staff.0.uuid", "123"), "$.staff[0].uuid: must be a UUID"),
    "unpaired surrogate": (_text('"Patience', '"\\ud800Patience'), "unpaired surrogate"),
    "NUL character": (_set("reviews.1.strengths", "a\x00b"), "contains a NUL character"),
    "unknown field": (_set("reviews.0.colour", "red"), "$.reviews[0].colour: is not a field"),
    "addenda on an open review": (
        lambda d: _set("reviews.1.addenda", d["reviews"][0]["addenda"])(d),
        "$.reviews[1].addenda: only a finalised review",
    ),
    "no reviews": (_set("reviews", []), "$.reviews: holds no reviews"),
    "reviews not a list": (_set("reviews", {"0": {}}), "$.reviews: must be a list"),
    "fingerprint of the wrong form": (_set("reviews.0.fingerprint", "abc"), "64 lowercase"),
    "too many problems": (_many_bad_ratings, "$.reviews[1].indicators[0].rating"),
}


def _write(tmp_path: Path, package: dict[str, Any], mutation: Mutation) -> Path:
    result = mutation(json.loads(json.dumps(package)))
    path = tmp_path / "package.json"
    path.write_text(result if isinstance(result, str) else json.dumps(result), encoding="utf-8")
    return path


def _state(services: Services) -> tuple[int, int]:
    return len(services.reviews.list()), len(services.staff.list())


@pytest.mark.parametrize("name", list(CASES))
def test_a_malformed_package_is_refused_by_path_and_nothing_is_stored(
    name: str, package: dict[str, Any], target: Services, tmp_path: Path
) -> None:
    mutation, expected = CASES[name]
    path = _write(tmp_path, package, mutation)
    with pytest.raises(PackageError) as raised:
        target.packages.import_package(path)
    message = str(raised.value)
    assert message.startswith("The review package cannot be imported:")
    assert expected in message
    assert 1 <= len(raised.value.problems) <= package_validate.MAX_PROBLEMS
    assert _state(target) == (0, 0)


@pytest.mark.parametrize("name", ["not JSON", "deep nesting", "unpaired surrogate", "NaN"])
def test_the_import_command_refuses_without_a_traceback(
    name: str, package: dict[str, Any], tmp_path: Path, run_cli: RunCli
) -> None:
    path = _write(tmp_path, package, CASES[name][0])
    code, out, err = run_cli("--db", str(tmp_path / "hq.sqlite3"), "import", str(path))
    assert code == 1
    assert "nothing was imported" in err and CASES[name][1] in err
    assert "Traceback" not in out + err


def test_bytes_that_are_not_text_are_refused(target: Services, tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_bytes(b"\xff\xfe\x00{ not text")
    with pytest.raises(PackageError, match="not UTF-8 text"):
        target.packages.import_package(path)


def test_a_huge_file_is_refused_before_it_is_read(
    package: dict[str, Any], target: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewapp.services import packages

    path = _write(tmp_path, package, lambda d: d)
    monkeypatch.setattr(packages, "MAX_BYTES", path.stat().st_size - 1)
    with pytest.raises(PackageError, match="the file is too large"):
        target.packages.import_package(path)
    assert _state(target) == (0, 0)


def test_nesting_depth_ignores_brackets_inside_text() -> None:
    assert nesting_depth('{"a": "[[[[{{{{", "b": [1, [2]]}') == 3
    assert nesting_depth('["\\"[[", []]') == 2
