"""Checked reading of single values in a review package, each problem named by its JSON path."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from reviewapp.domain.package_format import FrameworkRef
from reviewapp.domain.rules import MAX_NAME_LENGTH

E = TypeVar("E", bound=StrEnum)
NAME, SHORT, CODE = MAX_NAME_LENGTH, 5_000, 40
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
_KINDS = {str: "text", bool: "true/false", int: "a number", float: "a number"}
_KINDS.update({list: "a list", dict: "an object", type(None): "null"})
STAFF_FIELDS = (
    "uuid",
    "employee_number",
    "name",
    "preferred_name",
    "position",
    "branch",
    "start_date",
    "email",
    "active",
)
NOTE_FIELDS = (
    "uuid",
    "staff",
    "framework",
    "competency",
    "indicator",
    "observed_on",
    "source",
    "text",
    "created_at",
    "updated_at",
)
REVIEW_FIELDS = (
    "uuid",
    "staff",
    "framework",
    "reviewer_name",
    "review_type",
    "period_start",
    "period_end",
    "meeting_date",
    "status",
    "competencies",
    "indicators",
    "overall_override",
    "override_reason",
    "strengths",
    "development_areas",
    "employee_comments",
    "goals",
    "signoffs",
    "addenda",
    "snapshot",
    "fingerprint",
    "finalised_at",
    "created_at",
    "updated_at",
)
GOAL_FIELDS = (
    "uuid",
    "position",
    "description",
    "success_measure",
    "target_date",
    "support",
    "status",
    "carried_from",
)
SNAPSHOT_FIELDS = ("staff_name", "employee_number", "position", "branch")


class StopReading(Exception):
    """Enough problems found to report; the rest of the file is not read."""


class Reader:
    """Reads values, recording a problem (and a harmless stand-in) for each bad one."""

    def __init__(self, max_problems: int) -> None:
        self.problems: list[str] = []
        self._paths: set[str] = set()
        self._max = max_problems

    def problem(self, path: str, message: str) -> None:
        """Record a problem; only the first at each path (a missing field is not also mistyped)."""
        if path in self._paths:
            return
        self._paths.add(path)
        self.problems.append(f"{path}: {message}" if message else path)
        if len(self.problems) >= self._max:
            raise StopReading

    @staticmethod
    def kind(value: Any) -> str:
        return _KINDS.get(type(value), type(value).__name__)

    # -- containers ------------------------------------------------------------------------------

    def obj(self, value: Any, path: str, required: tuple[str, ...] = ()) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, f"must be an object, not {self.kind(value)}")
            return None
        for key in required:
            if key not in value:
                self.problem(f"{path}.{key}", "is missing")
        return value

    def record(self, value: Any, path: str, fields: tuple[str, ...]) -> dict[str, Any] | None:
        """An object with exactly these fields."""
        data = self.obj(value, path, fields)
        if data is not None:
            for key in data:
                if key not in fields:
                    self.problem(f"{path}.{key[:40]}", "is not a field of a review package")
        return data

    def array(self, data: dict[str, Any], key: str, path: str, limit: int) -> list[Any]:
        value = data.get(key)
        if not isinstance(value, list):
            self.problem(f"{path}.{key}", f"must be a list, not {self.kind(value)}")
            return []
        if len(value) > limit:
            self.problem(f"{path}.{key}", f"has {len(value):,} entries (at most {limit:,})")
            return []
        return value

    # -- scalars ---------------------------------------------------------------------------------

    def text(
        self, data: dict[str, Any], key: str, path: str, *, limit: int, blank: bool = True
    ) -> str:
        value, where = data.get(key), f"{path}.{key}"
        if not isinstance(value, str):
            self.problem(where, f"must be text, not {self.kind(value)}")
            return ""
        if len(value) > limit:
            self.problem(where, f"is too long ({len(value):,} characters; at most {limit:,})")
        elif "\x00" in value:
            self.problem(where, "contains a NUL character")
        elif not blank and not value.strip():
            self.problem(where, "must not be empty")
        else:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                self.problem(where, "contains an unpaired surrogate (not valid Unicode text)")
        return value

    def uuid(self, data: dict[str, Any], key: str, path: str, *, nullable: bool = False) -> str:
        value = data.get(key)
        if value is None and nullable:
            return ""
        if isinstance(value, str) and len(value) == 36:
            try:
                if str(uuid.UUID(value)) == value:
                    return value
            except ValueError:
                pass
        self.problem(f"{path}.{key}", "must be a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e")
        return ""

    def day(self, data: dict[str, Any], key: str, path: str, *, required: bool) -> date | None:
        value = data.get(key)
        if value is None and not required:
            return None
        if isinstance(value, str) and _DAY.match(value):
            try:
                parsed = date.fromisoformat(value)
                if 1900 <= parsed.year <= 2200:
                    return parsed
            except ValueError:
                pass
        self.problem(f"{path}.{key}", "must be a date like 2026-03-31 (years 1900 to 2200)")
        return None

    def moment(
        self, data: dict[str, Any], key: str, path: str, *, required: bool = True
    ) -> datetime | None:
        value = data.get(key)
        if value is None and not required:
            return None
        if isinstance(value, str) and _MOMENT.match(value):
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                pass
        self.problem(f"{path}.{key}", "must be a date and time like 2026-03-31T14:05:00")
        return None

    def integer(
        self, data: dict[str, Any], key: str, path: str, low: int, high: int, *, nullable: bool
    ) -> int | None:
        value = data.get(key)
        if value is None and nullable:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        found = str(value) if type(value) is int else self.kind(value)
        self.problem(f"{path}.{key}", f"must be a whole number from {low} to {high}, not {found}")
        return None

    def flag(self, data: dict[str, Any], key: str, path: str) -> bool:
        value = data.get(key)
        if not isinstance(value, bool):
            self.problem(f"{path}.{key}", f"must be true or false, not {self.kind(value)}")
            return False
        return value

    def choice(self, data: dict[str, Any], key: str, path: str, enum: type[E]) -> E | None:
        value = data.get(key)
        if isinstance(value, str):
            try:
                return enum(value)
            except ValueError:
                pass
        allowed = ", ".join(repr(e.value) for e in enum)
        shown = repr(value)[:40] if isinstance(value, str) else self.kind(value)
        self.problem(f"{path}.{key}", f"{shown} is not one of {allowed}")
        return None

    def framework_ref(self, data: dict[str, Any], path: str) -> FrameworkRef:
        ref = self.record(data.get("framework"), f"{path}.framework", ("key", "version"))
        if ref is None:
            return ("", 0)
        key = self.text(ref, "key", f"{path}.framework", limit=80, blank=False)
        version = self.integer(ref, "version", f"{path}.framework", 1, 1_000_000, nullable=False)
        return (key, version or 0)
