"""Answers for the file dialogs and confirmations, and a PDF viewer that only records, for tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewapp.ui import prompts as prompts_module
from reviewapp.ui.prompts import Prompts


class Answers:
    """What the person "chooses"; ``asked`` and ``shown`` record what the app did."""

    def __init__(self, documents: Path) -> None:
        self.documents = documents
        self.save: Path | None = None
        self.open: Path | None = None
        self.folder: Path | None = None
        self.confirm = True
        self.viewer_works = True
        self.asked: list[tuple[str, str, Path]] = []
        self.confirmations: list[str] = []
        self.shown: list[Path] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Answers:
    documents = tmp_path / "Documents"
    documents.mkdir()
    given = Answers(documents)

    def save_file(_self, _parent, title: str, proposed: Path, _filter: str) -> Path | None:
        given.asked.append(("save", title, proposed))
        return given.save

    def open_file(_self, _parent, title: str, start: Path, _filter: str) -> Path | None:
        given.asked.append(("open", title, start))
        return given.open

    def folder(_self, _parent, title: str, start: Path) -> Path | None:
        given.asked.append(("folder", title, start))
        return given.folder

    def confirm(_self, _parent, _title: str, text: str, _yes: str) -> bool:
        given.confirmations.append(text)
        return given.confirm

    def show_file(_self, path: Path) -> bool:
        given.shown.append(path)
        return given.viewer_works

    monkeypatch.setattr(prompts_module, "documents_folder", lambda: documents)
    for name, fake in (
        ("save_file", save_file),
        ("open_file", open_file),
        ("folder", folder),
        ("confirm", confirm),
        ("show_file", show_file),
    ):
        monkeypatch.setattr(Prompts, name, fake)
    return given
