"""Read a review package and check all of it before anything is stored.

Every value is checked for type, length, range, enum membership, date form and references, and
every problem is reported by its JSON path (``$.reviews[3].goals[0].target_date: ...``), up to
``MAX_PROBLEMS`` of them. Hostile files get the same treatment: text that is not JSON, nesting
deeper than the format ever needs, duplicate keys or IDs, huge strings or lists, NaN, numbers too
long to read, text with NUL characters or unpaired surrogates. Nothing here raises anything but
``PackageError``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from reviewapp.domain.errors import ValidationError
from reviewapp.domain.framework import Framework
from reviewapp.domain.framework_file import FrameworkFileError, parse_framework
from reviewapp.domain.package_fingerprint import package_fingerprint
from reviewapp.domain.package_format import (
    FORMAT,
    FORMAT_VERSION,
    Package,
    PackagedNote,
    PackagedReview,
    PackagedStaff,
)
from reviewapp.domain.package_records import RecordReader
from reviewapp.domain.package_values import Reader, StopReading
from reviewapp.domain.review import ReviewStatus

MAX_PROBLEMS = 20
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 12
LIMITS = {"frameworks": 50, "staff": 20_000, "evidence": 500_000, "reviews": 20_000}
ROOT_FIELDS = ("format", "format_version", "exported_at", "app_version", *LIMITS)
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


class PackageError(ValidationError):
    """A package that cannot be imported; ``problems`` lists what is wrong, by JSON path."""

    def __init__(self, problems: list[str]) -> None:
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown)
        text = "The review package cannot be imported:\n- " + "\n- ".join(shown)
        if more > 0:
            text += f"\n- ... and {more} more problems."
        super().__init__(text)
        self.problems = problems


class _DuplicateKey(Exception):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def nesting_depth(text: str) -> int:
    """How deeply arrays and objects nest, counted without parsing (strings are skipped)."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(_STRINGS.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def load_json(text: str) -> Any:
    """Parse JSON text defensively; every failure is a PackageError with a plain message."""
    if len(text) > MAX_BYTES:
        raise PackageError([f"$: the file is too large (at most {MAX_BYTES // 1_048_576} MB)"])
    if nesting_depth(text) > MAX_DEPTH:
        raise PackageError([f"$: values are nested more than {MAX_DEPTH} levels deep"])
    try:
        return json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as exc:
        raise PackageError(
            [f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"]
        ) from exc
    except _DuplicateKey as exc:
        raise PackageError([f"$: an object has the key {exc.args[0]!r} twice"]) from exc
    except (ValueError, RecursionError) as exc:
        reason = "a number has too many digits" if "digits" in str(exc) else str(exc)
        raise PackageError([f"$: not valid JSON ({reason})"]) from exc


def _framework(reader: Reader, value: Any, path: str) -> Framework | None:
    if not isinstance(value, dict):
        reader.problem(path, f"must be an object, not {reader.kind(value)}")
        return None
    try:
        return parse_framework(json.dumps(value))
    except FrameworkFileError as exc:
        reader.problem(path + str(exc).removeprefix("$"), "")
        return None


def _check_references(reader: RecordReader, package: Package) -> None:
    staff = {s.uuid for s in package.staff}
    frameworks = {(f.key, f.version): f for f in package.frameworks}
    for n, note in enumerate(package.notes):
        reader.check_note_refs(f"$.evidence[{n}]", note, staff, frameworks)
    for n, review in enumerate(package.reviews):
        reader.check_review_refs(f"$.reviews[{n}]", review, staff, frameworks)


def _unique(reader: Reader, items: list[tuple[str, str]], what: str) -> None:
    seen: dict[str, str] = {}
    for path, key in items:
        if key in seen:
            reader.problem(path, f"{what} {key!r} is used twice (first at {seen[key]})")
        else:
            seen[key] = path


def _check_unique(reader: Reader, package: Package) -> None:
    _unique(reader, [(f"$.staff[{n}].uuid", s.uuid) for n, s in enumerate(package.staff)], "id")
    _unique(
        reader,
        [(f"$.staff[{n}].employee_number", s.employee_number) for n, s in enumerate(package.staff)],
        "employee number",
    )
    _unique(
        reader,
        [(f"$.frameworks[{n}]", f"{f.key} v{f.version}") for n, f in enumerate(package.frameworks)],
        "framework",
    )
    ids = [(f"$.evidence[{n}].uuid", note.uuid) for n, note in enumerate(package.notes)]
    for n, review in enumerate(package.reviews):
        ids.append((f"$.reviews[{n}].uuid", review.uuid))
        ids += [(f"$.reviews[{n}].goals[{m}].uuid", g.uuid) for m, g in enumerate(review.goals)]
        ids += [(f"$.reviews[{n}].addenda[{m}].uuid", a.uuid) for m, a in enumerate(review.addenda)]
    _unique(reader, ids, "id")


def _check_fingerprints(reader: Reader, package: Package) -> None:
    for n, review in enumerate(package.reviews):
        if review.status != ReviewStatus.FINALISED:
            continue
        if package_fingerprint(package, review) != review.fingerprint:
            reader.problem(
                f"$.reviews[{n}].fingerprint",
                "does not match the review's content: the finalised review was changed after it "
                "was finalised, so it cannot be trusted",
            )


def _read(reader: RecordReader, data: Any) -> Package | None:
    root = reader.obj(data, "$")
    if root is None:
        return None
    if root.get("format") != FORMAT:
        reader.problem("$.format", f"must be {FORMAT!r}; is this a reviewapp review package?")
        return None
    if root.get("format_version") != FORMAT_VERSION:
        reader.problem(
            "$.format_version",
            f"version {root.get('format_version')!r} is not supported by this version of "
            f"reviewapp (it reads version {FORMAT_VERSION})",
        )
        return None
    reader.record(root, "$", ROOT_FIELDS)
    lists = {key: reader.array(root, key, "$", LIMITS[key]) for key in LIMITS}
    frameworks = [
        f
        for n, value in enumerate(lists["frameworks"])
        if (f := _framework(reader, value, f"$.frameworks[{n}]")) is not None
    ]
    staff = [reader.staff(v, f"$.staff[{n}]") for n, v in enumerate(lists["staff"])]
    notes = [reader.note(v, f"$.evidence[{n}]") for n, v in enumerate(lists["evidence"])]
    reviews = [reader.review(v, f"$.reviews[{n}]") for n, v in enumerate(lists["reviews"])]
    if not lists["reviews"] and not reader.problems:
        reader.problem("$.reviews", "holds no reviews")
    exported_at = reader.moment(root, "exported_at", "$", required=False)
    app_version = reader.text(root, "app_version", "$", limit=50)
    if reader.problems:
        return None
    return Package(
        exported_at=exported_at,
        app_version=app_version,
        frameworks=tuple(frameworks),
        staff=tuple(s for s in staff if isinstance(s, PackagedStaff)),
        notes=tuple(n for n in notes if isinstance(n, PackagedNote)),
        reviews=tuple(r for r in reviews if isinstance(r, PackagedReview)),
    )


def parse_package(text: str) -> Package:
    """Parse and check a whole package; raises PackageError listing the first problems."""
    data = load_json(text)
    reader = RecordReader(MAX_PROBLEMS)
    try:
        package = _read(reader, data)
        if package is not None:
            _check_unique(reader, package)
            _check_references(reader, package)
            if not reader.problems:
                _check_fingerprints(reader, package)
    except StopReading:
        package = None
    if reader.problems or package is None:
        raise PackageError(reader.problems or ["$: the package could not be read"])
    return package
