"""The framework data file (JSON): parse with field-level errors, and write back out."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from reviewapp.domain.errors import ValidationError
from reviewapp.domain.framework import (
    NOT_OBSERVED_LABEL,
    Competency,
    Framework,
    Indicator,
    RatingLevel,
    RatingScale,
)

FORMAT = "reviewapp-framework"
FORMAT_VERSION = 1
_MAX_TEXT = 5_000


class FrameworkFileError(ValidationError):
    """A framework file that cannot be used; the message names the line or field at fault."""


def _fail(path: str, message: str) -> FrameworkFileError:
    return FrameworkFileError(f"{path}: {message}", path)


def _str(data: dict[str, Any], key: str, path: str, *, required: bool = True) -> str:
    value = data.get(key, "" if not required else None)
    if value is None:
        raise _fail(f"{path}.{key}", "is missing")
    if not isinstance(value, str):
        raise _fail(f"{path}.{key}", f"must be text, not {type(value).__name__}")
    value = value.strip()
    if required and not value:
        raise _fail(f"{path}.{key}", "must not be empty")
    if len(value) > _MAX_TEXT:
        raise _fail(f"{path}.{key}", f"is too long (at most {_MAX_TEXT} characters)")
    return value


def _list(data: dict[str, Any], key: str, path: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise _fail(f"{path}.{key}", "must be a non-empty list")
    return value


def _obj(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(path, f"must be an object, not {type(value).__name__}")
    return value


def parse_framework(text: str) -> Framework:
    """Parse and validate a framework file; ids in the result are 0 until it is stored."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FrameworkFileError(
            f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"
        ) from exc
    data = _obj(raw, "$")
    if data.get("format") != FORMAT:
        raise _fail("$.format", f"must be {FORMAT!r}; is this a reviewapp framework file?")
    if data.get("format_version") != FORMAT_VERSION:
        raise _fail("$.format_version", f"version {data.get('format_version')!r} is not supported")
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail("$.version", "must be a whole number of 1 or more")
    published: date | None = None
    if data.get("published"):
        try:
            published = date.fromisoformat(_str(data, "published", "$"))
        except ValueError as exc:
            raise _fail("$.published", "must be a date like 2015-08-06") from exc
    return Framework(
        id=0,
        key=_key(_str(data, "key", "$")),
        version=version,
        title=_str(data, "title", "$"),
        description=_str(data, "description", "$", required=False),
        source=_str(data, "source", "$", required=False),
        attribution=_str(data, "attribution", "$", required=False),
        published=published,
        indicator_heading=_str(data, "indicator_heading", "$", required=False) or "Indicators",
        scale=_scale(data),
        competencies=_competencies(data),
    )


def _key(value: str) -> str:
    if not all(ch.isascii() and (ch.isalnum() or ch in "-_.") for ch in value) or len(value) > 80:
        raise _fail("$.key", "must be at most 80 letters, digits, '-', '_' or '.'")
    return value


def _scale(data: dict[str, Any]) -> RatingScale:
    levels: list[RatingLevel] = []
    for n, item in enumerate(_list(data, "scale", "$")):
        path = f"$.scale[{n}]"
        entry = _obj(item, path)
        value = entry.get("value")
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9:
            raise _fail(f"{path}.value", "must be a whole number from 1 to 9")
        if levels and value <= levels[-1].value:
            raise _fail(f"{path}.value", "levels must be listed in increasing order")
        levels.append(
            RatingLevel(value, _str(entry, "label", path), _str(entry, "description", path))
        )
    if len(levels) < 2:
        raise _fail("$.scale", "needs at least two levels")
    label = _str(data, "not_observed_label", "$", required=False) or NOT_OBSERVED_LABEL
    return RatingScale(tuple(levels), label)


def _competencies(data: dict[str, Any]) -> tuple[Competency, ...]:
    result: list[Competency] = []
    codes: set[str] = set()
    for n, item in enumerate(_list(data, "competencies", "$")):
        path = f"$.competencies[{n}]"
        entry = _obj(item, path)
        code = _str(entry, "code", path)
        if code in codes:
            raise _fail(f"{path}.code", f"{code!r} is used twice")
        codes.add(code)
        indicators = []
        for m, sub in enumerate(_list(entry, "indicators", path)):
            ipath = f"{path}.indicators[{m}]"
            ientry = _obj(sub, ipath)
            icode = _str(ientry, "code", ipath)
            if icode in codes:
                raise _fail(f"{ipath}.code", f"{icode!r} is used twice")
            codes.add(icode)
            indicators.append(Indicator(0, icode, _str(ientry, "text", ipath), m))
        result.append(Competency(0, code, _str(entry, "statement", path), n, tuple(indicators)))
    return tuple(result)


def framework_to_dict(framework: Framework) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "key": framework.key,
        "version": framework.version,
        "title": framework.title,
        "description": framework.description,
        "source": framework.source,
        "attribution": framework.attribution,
        "published": framework.published.isoformat() if framework.published else None,
        "indicator_heading": framework.indicator_heading,
        "scale": [
            {"value": lv.value, "label": lv.label, "description": lv.description}
            for lv in framework.scale.levels
        ],
        "not_observed_label": framework.scale.not_observed_label,
        "competencies": [
            {
                "code": c.code,
                "statement": c.statement,
                "indicators": [{"code": i.code, "text": i.text} for i in c.indicators],
            }
            for c in framework.competencies
        ],
    }


def same_content(a: Framework, b: Framework) -> bool:
    """True when two frameworks say the same thing, whatever their ids."""
    da, db = framework_to_dict(a), framework_to_dict(b)
    return da == db
