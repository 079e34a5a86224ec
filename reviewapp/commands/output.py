"""Small helpers shared by the subcommands: aligned text tables and reading input files."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reviewapp.domain.errors import ReviewAppError
from reviewapp.domain.text_files import not_utf8_reason
from reviewapp.services.files import read_bytes


def display_width(text: str) -> int:
    """Terminal columns the text takes: wide (CJK) characters take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def fit(text: str, width: int, *, right: bool = False) -> str:
    """Pad (or shorten with an ellipsis) to exactly ``width`` terminal columns."""
    if display_width(text) > width:
        shortened = ""
        for ch in text:
            if display_width(shortened + ch) > width - 1:
                break
            shortened += ch
        text = shortened + "…"
    padding = " " * (width - display_width(text))
    return padding + text if right else text + padding


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[int] = (),
    limits: dict[int, int] | None = None,
) -> str:
    """Rows as aligned columns; ``right`` lists right-aligned columns, ``limits`` caps widths."""
    limits = limits or {}
    widths = [display_width(h) for h in headers]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], display_width(cell))
    for index, limit in limits.items():
        widths[index] = max(min(widths[index], limit), display_width(headers[index]))
    lines = []
    for row in (headers, *rows):
        cells = [fit(cell, widths[i], right=i in right) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def to_json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def read_text(path: str, *, what: str = "file") -> str:
    """A UTF-8 text file (a byte-order mark is allowed), or a one-line reason it cannot be read."""
    data = read_bytes(Path(path), what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReviewAppError(f"Cannot read {path}: it is {not_utf8_reason(data, exc)}") from None
