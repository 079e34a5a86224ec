"""Where the file prompts start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from reviewapp.ui import prompts


def test_a_documents_folder_that_does_not_exist_is_not_where_a_prompt_starts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(missing))
    assert prompts.documents_folder() == Path.home()
    missing.mkdir()
    assert prompts.documents_folder() == missing
