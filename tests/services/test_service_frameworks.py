"""Frameworks: the shipped default, import and export, and scale edits that respect use."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from service_helpers import snapshot

from reviewapp import paths
from reviewapp.domain.errors import ConflictError, NotFoundError, ValidationError
from reviewapp.domain.framework import Framework, RatingLevel
from reviewapp.domain.framework_file import FrameworkFileError, framework_to_dict, same_content
from reviewapp.domain.review import Review
from reviewapp.services.container import Services


def _shipped() -> str:
    return paths.DEFAULT_FRAMEWORK_FILE.read_text(encoding="utf-8")


def test_default_framework_is_loaded_on_open(services: Services, framework: Framework) -> None:
    assert framework.key == paths.DEFAULT_FRAMEWORK_KEY
    assert len(framework.competencies) == 7
    assert framework.indicator_count == 34
    assert all(c.id > 0 for c in framework.competencies)
    assert not framework.in_use
    [summary] = services.frameworks.list()
    assert (summary.competency_count, summary.indicator_count, summary.review_count) == (7, 34, 0)


def test_ensure_default_is_idempotent(services: Services, framework: Framework) -> None:
    before = snapshot(services)
    again = services.frameworks.ensure_default()
    assert again == framework
    assert snapshot(services) == before
    assert len(services.frameworks.list()) == 1


def test_importing_the_same_file_again_changes_nothing(
    services: Services, framework: Framework
) -> None:
    before = snapshot(services)
    stored, created = services.frameworks.import_text(_shipped())
    assert created is False
    assert stored.id == framework.id
    assert snapshot(services) == before


def test_same_key_and_version_with_other_content_is_a_conflict(services: Services) -> None:
    data = json.loads(_shipped())
    data["competencies"][0]["statement"] = "Something else"
    before = snapshot(services)
    with pytest.raises(ConflictError, match="already exists with different content"):
        services.frameworks.import_text(json.dumps(data))
    assert snapshot(services) == before


def test_new_version_is_stored_and_becomes_current(
    services: Services, framework: Framework
) -> None:
    data = json.loads(_shipped())
    data["version"] = 2
    data["scale"][0]["label"] = "Emerging"
    stored, created = services.frameworks.import_text(json.dumps(data))
    assert created is True
    assert stored.version == 2
    assert services.frameworks.current().id == stored.id
    assert services.frameworks.get(framework.id).scale.label(1) == "Not yet demonstrated"
    assert [s.version for s in services.frameworks.list()] == [1, 2]


def test_bad_file_is_refused_with_its_path(services: Services) -> None:
    data = json.loads(_shipped())
    del data["competencies"][1]["indicators"][2]["text"]
    with pytest.raises(FrameworkFileError, match=r"\$\.competencies\[1\]\.indicators\[2\]\.text"):
        services.frameworks.import_text(json.dumps(data))
    assert len(services.frameworks.list()) == 1


def test_export_then_import_round_trip(services: Services, framework: Framework) -> None:
    exported = services.frameworks.export_text(framework.key)
    assert json.loads(exported) == json.loads(_shipped())
    data = json.loads(exported)
    data["key"] = "copy"
    copy, created = services.frameworks.import_text(json.dumps(data))
    assert created
    assert same_content(replace(copy, key=framework.key), framework)
    assert services.frameworks.export_text("copy", 1) == exported.replace(
        '"key": "sols-customer-service"', '"key": "copy"'
    )


def test_export_of_unknown_framework(services: Services) -> None:
    with pytest.raises(NotFoundError, match="'nothing' version 3"):
        services.frameworks.export_text("nothing", 3)
    with pytest.raises(NotFoundError):
        services.frameworks.get(9999)
    with pytest.raises(NotFoundError, match="'nothing'"):
        services.frameworks.current("nothing")


def _relabelled(framework: Framework) -> list[RatingLevel]:
    return [replace(lv, label=f"{lv.label} (new)") for lv in framework.scale.levels]


def test_edit_scale_in_place_when_unused(services: Services, framework: Framework) -> None:
    edited = services.frameworks.edit_scale(framework.id, _relabelled(framework))
    assert edited.id == framework.id
    assert edited.version == framework.version
    assert edited.scale.label(1) == "Not yet demonstrated (new)"
    assert services.frameworks.get(framework.id).scale.label(5) == "Role model (new)"
    assert len(services.frameworks.list()) == 1


def test_edit_scale_in_use_makes_a_new_version(
    services: Services, framework: Framework, review: Review
) -> None:
    assert services.frameworks.get(framework.id).in_use
    edited = services.frameworks.edit_scale(framework.id, _relabelled(framework))
    assert edited.id != framework.id
    assert edited.version == framework.version + 1
    assert edited.scale.label(3) == "Proficient (new)"
    assert [c.statement for c in edited.competencies] == [
        c.statement for c in framework.competencies
    ]
    # The review keeps the scale it was written with.
    kept = services.reviews.framework_of(review.id)
    assert kept.id == framework.id
    assert kept.scale.label(3) == "Proficient"
    assert services.frameworks.current().id == edited.id


def test_edit_scale_cannot_change_values_or_blank_labels(
    services: Services, framework: Framework
) -> None:
    levels = _relabelled(framework)
    with pytest.raises(ConflictError, match="values cannot change"):
        services.frameworks.edit_scale(framework.id, levels[:-1])
    levels[2] = replace(levels[2], label="  ")
    with pytest.raises(ValidationError) as info:
        services.frameworks.edit_scale(framework.id, levels)
    assert info.value.field == "label"
    assert services.frameworks.get(framework.id).scale == framework.scale


def test_framework_to_dict_of_stored_framework_matches_file(framework: Framework) -> None:
    assert framework_to_dict(framework) == json.loads(_shipped())
