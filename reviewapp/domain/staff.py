"""Branches and the staff members who are reviewed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Branch:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    uuid: str
    name: str
    preferred_name: str
    employee_number: str
    position: str
    branch_id: int | None
    branch_name: str
    start_date: date | None
    email: str
    active: bool

    @property
    def display_name(self) -> str:
        if self.preferred_name and self.preferred_name != self.name:
            return f"{self.name} ({self.preferred_name})"
        return self.name


@dataclass(frozen=True, slots=True)
class StaffDraft:
    """What a person types to create or edit a staff member, before it is stored."""

    name: str
    employee_number: str
    position: str = ""
    branch_name: str = ""
    start_date: date | None = None
    preferred_name: str = ""
    email: str = ""
    active: bool = True
