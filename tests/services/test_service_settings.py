"""Shared settings: defaults until set, trimmed values, unknown keys refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewapp.domain.errors import ValidationError
from reviewapp.services.container import Services
from reviewapp.services.settings import KNOWN


def test_defaults(services: Services) -> None:
    assert {key: services.settings.get(key) for key in KNOWN} == KNOWN
    assert services.settings.get("organisation") == "Public Library"
    assert services.settings.get("reviewer_name") == ""


def test_set_and_overwrite(services: Services) -> None:
    services.settings.set("organisation", "  Springfield Public Library ")
    assert services.settings.get("organisation") == "Springfield Public Library"
    services.settings.set("organisation", "Shelbyville Library")
    assert services.settings.get("organisation") == "Shelbyville Library"
    assert services.settings.get("reviewer_name") == ""


def test_values_survive_reopening(services: Services, db_path: Path) -> None:
    services.settings.set("reviewer_name", "Rita Reviewer")
    services.close()
    again = Services.open(db_path)
    try:
        assert again.settings.get("reviewer_name") == "Rita Reviewer"
    finally:
        again.close()


def test_empty_value_is_stored_not_defaulted(services: Services) -> None:
    services.settings.set("organisation", "")
    assert services.settings.get("organisation") == ""


def test_unknown_key_and_bad_values(services: Services) -> None:
    with pytest.raises(KeyError):
        services.settings.get("colour")
    with pytest.raises(KeyError):
        services.settings.set("colour", "blue")
    with pytest.raises(ValidationError) as info:
        services.settings.set("organisation", "x" * 1001)
    assert info.value.field == "organisation"
    assert services.settings.get("organisation") == "Public Library"
