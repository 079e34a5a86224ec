"""The framework data file: the shipped file, every kind of malformed file, and round trips."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from reviewapp.domain.framework import Framework
from reviewapp.domain.framework_file import (
    FrameworkFileError,
    framework_to_dict,
    parse_framework,
    same_content,
)


@pytest.fixture
def data(shipped_text: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(shipped_text)
    return loaded


def _error(data: dict[str, Any]) -> FrameworkFileError:
    with pytest.raises(FrameworkFileError) as info:
        parse_framework(json.dumps(data))
    return info.value


def test_shipped_file_parses(shipped_text: str) -> None:
    framework = parse_framework(shipped_text)
    assert framework.key == "sols-customer-service"
    assert framework.version == 1
    assert framework.title == "Customer Service"
    assert framework.published == date(2015, 8, 6)
    assert framework.indicator_heading == "Associated Knowledge, Skills and Abilities"
    assert len(framework.competencies) == 7
    assert framework.indicator_count == 34
    assert [len(c.indicators) for c in framework.competencies] == [8, 5, 4, 3, 6, 4, 4]
    assert [c.code for c in framework.competencies] == [f"CS{n}" for n in range(1, 8)]
    assert [c.position for c in framework.competencies] == list(range(7))
    assert [i.position for i in framework.competencies[0].indicators] == list(range(8))
    assert framework.scale.values == (1, 2, 3, 4, 5)
    assert framework.scale.label(1) == "Not yet demonstrated"
    assert framework.scale.label(5) == "Role model"
    assert [lv.label for lv in framework.scale.levels] == [
        "Not yet demonstrated",
        "Developing",
        "Proficient",
        "Strong",
        "Role model",
    ]
    assert framework.scale.not_observed_label == "Not observed"
    assert "Southern Ontario Library Service" in framework.attribution


def test_bad_json_names_the_line(shipped_text: str) -> None:
    broken = shipped_text.replace('"version": 1,', '"version": 1,,', 1)
    line = broken[: broken.index(",,")].count("\n") + 1
    with pytest.raises(FrameworkFileError, match=rf"^line {line}, column \d+: not valid JSON"):
        parse_framework(broken)


def test_not_an_object() -> None:
    with pytest.raises(FrameworkFileError, match=r"^\$: must be an object, not list"):
        parse_framework("[1, 2]")


@pytest.mark.parametrize(
    ("path", "mutate", "message"),
    [
        ("$.format", lambda d: d.update(format="csv"), "is this a reviewapp framework file"),
        ("$.format_version", lambda d: d.update(format_version=2), "2 is not supported"),
        ("$.key", lambda d: d.pop("key"), "is missing"),
        ("$.key", lambda d: d.update(key="has space"), "letters, digits"),
        ("$.key", lambda d: d.update(key="k" * 81), "at most 80"),
        ("$.title", lambda d: d.update(title="   "), "must not be empty"),
        ("$.title", lambda d: d.update(title=12), "must be text, not int"),
        ("$.title", lambda d: d.update(title="t" * 5001), "too long"),
        ("$.version", lambda d: d.update(version=0), "whole number of 1 or more"),
        ("$.version", lambda d: d.update(version="2"), "whole number of 1 or more"),
        ("$.version", lambda d: d.update(version=True), "whole number of 1 or more"),
        ("$.published", lambda d: d.update(published="6 August 2015"), "like 2015-08-06"),
        ("$.description", lambda d: d.update(description=["x"]), "must be text, not list"),
        ("$.competencies", lambda d: d.update(competencies=[]), "non-empty list"),
        ("$.competencies", lambda d: d.update(competencies={"a": 1}), "non-empty list"),
        ("$.competencies", lambda d: d.pop("competencies"), "non-empty list"),
        ("$.competencies[1]", lambda d: d["competencies"].__setitem__(1, "x"), "must be an object"),
        (
            "$.competencies[2].statement",
            lambda d: d["competencies"][2].pop("statement"),
            "is missing",
        ),
        (
            "$.competencies[3].code",
            lambda d: d["competencies"][3].update(code=""),
            "must not be empty",
        ),
        (
            "$.competencies[2].indicators",
            lambda d: d["competencies"][2].update(indicators=[]),
            "non-empty list",
        ),
        (
            "$.competencies[2].indicators[0].text",
            lambda d: d["competencies"][2]["indicators"][0].pop("text"),
            "is missing",
        ),
        (
            "$.competencies[2].indicators[0].text",
            lambda d: d["competencies"][2]["indicators"][0].update(text=""),
            "must not be empty",
        ),
        (
            "$.competencies[6].indicators[3].text",
            lambda d: d["competencies"][6]["indicators"][3].update(text=None),
            "is missing",
        ),
        (
            "$.competencies[0].indicators[1].text",
            lambda d: d["competencies"][0]["indicators"][1].update(text=3.5),
            "must be text, not float",
        ),
        (
            "$.competencies[0].indicators[1]",
            lambda d: d["competencies"][0]["indicators"].__setitem__(1, ["x"]),
            "must be an object, not list",
        ),
        ("$.competencies[1].code", lambda d: d["competencies"][1].update(code="CS1"), "twice"),
        (
            "$.competencies[1].indicators[0].code",
            lambda d: d["competencies"][1]["indicators"][0].update(code="CS1.1"),
            "'CS1.1' is used twice",
        ),
        (
            "$.competencies[1].indicators[0].code",
            lambda d: d["competencies"][1]["indicators"][0].update(code="CS1"),
            "twice",
        ),
        ("$.scale", lambda d: d.update(scale=[]), "non-empty list"),
        ("$.scale", lambda d: d.update(scale=d["scale"][:1]), "at least two levels"),
        ("$.scale[1].value", lambda d: d["scale"].reverse(), "increasing order"),
        ("$.scale[2].value", lambda d: d["scale"][2].update(value=2), "increasing order"),
        ("$.scale[0].value", lambda d: d["scale"][0].update(value=0), "from 1 to 9"),
        ("$.scale[4].value", lambda d: d["scale"][4].update(value=10), "from 1 to 9"),
        ("$.scale[0].value", lambda d: d["scale"][0].update(value=True), "from 1 to 9"),
        ("$.scale[0].value", lambda d: d["scale"][0].update(value=1.0), "from 1 to 9"),
        ("$.scale[3].label", lambda d: d["scale"][3].update(label=" "), "must not be empty"),
        ("$.scale[3].description", lambda d: d["scale"][3].pop("description"), "is missing"),
    ],
)
def test_malformed_file_names_the_path(
    data: dict[str, Any], path: str, mutate: Callable[[dict[str, Any]], Any], message: str
) -> None:
    mutate(data)
    error = _error(data)
    assert str(error).startswith(f"{path}: ")
    assert message in str(error)
    assert error.field == path


def test_optional_fields_take_defaults(data: dict[str, Any]) -> None:
    for key in ("description", "source", "attribution", "published", "indicator_heading"):
        data.pop(key)
    data.pop("not_observed_label")
    data.pop("version")
    framework = parse_framework(json.dumps(data))
    assert framework.version == 1
    assert framework.published is None
    assert framework.description == ""
    assert framework.indicator_heading == "Indicators"
    assert framework.scale.not_observed_label == "Not observed"


def test_text_is_stripped(data: dict[str, Any]) -> None:
    data["competencies"][0]["statement"] = "  Warm and welcoming \n"
    framework = parse_framework(json.dumps(data))
    assert framework.competencies[0].statement == "Warm and welcoming"


def test_round_trip_keeps_the_content(shipped_text: str, framework: Framework) -> None:
    exported = json.dumps(framework_to_dict(framework), ensure_ascii=False, indent=2)
    again = parse_framework(exported)
    assert same_content(again, framework)
    assert framework_to_dict(again) == framework_to_dict(parse_framework(shipped_text))
    assert framework_to_dict(again) == json.loads(shipped_text)


def test_round_trip_without_published_date(data: dict[str, Any]) -> None:
    data.pop("published")
    framework = parse_framework(json.dumps(data))
    again = parse_framework(json.dumps(framework_to_dict(framework)))
    assert again.published is None
    assert same_content(framework, again)


def test_same_content_notices_any_difference(data: dict[str, Any]) -> None:
    original = parse_framework(json.dumps(data))
    changes: list[Callable[[dict[str, Any]], Any]] = [
        lambda d: d["competencies"][4]["indicators"][2].update(text="Changed"),
        lambda d: d["scale"][1].update(label="Emerging"),
        lambda d: d.update(version=2),
        lambda d: d.update(title="Service"),
        lambda d: d["competencies"][0]["indicators"].pop(),
    ]
    for change in changes:
        other = copy.deepcopy(data)
        change(other)
        assert not same_content(original, parse_framework(json.dumps(other)))
