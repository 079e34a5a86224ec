"""The document service: PDFs from stored reviews, written safely, many at once."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from reviewapp.cli import main
from reviewapp.domain.errors import NotFoundError, StoreError
from reviewapp.services.container import Services


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_review_pdf_holds_the_stored_review(services: Services, review_ids: list[int]) -> None:
    data = services.documents.review_pdf(review_ids[0])
    text = "\n".join(p.extract_text() or "" for p in PdfReader(BytesIO(data)).pages)
    review = services.reviews.get(review_ids[0])
    assert "Élodie Tremblay" in text
    assert "Note 0 AT&T <b>" in text
    assert review.fingerprint is not None
    assert review.fingerprint in text.replace("\n", "").replace(" ", "")


def test_write_review_pdf_replaces_atomically(
    services: Services, review_ids: list[int], tmp_path: Path
) -> None:
    target = tmp_path / "out" / "review.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old")
    services.documents.write_review_pdf(review_ids[1], target)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in target.parent.iterdir()] == ["review.pdf"]


def test_unknown_review_is_a_clear_error(services: Services, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no review with id 999"):
        services.documents.write_review_pdf(999, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_unwritable_target_is_a_store_error(
    services: Services, review_ids: list[int], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="Cannot"):
        services.documents.write_review_pdf(review_ids[0], blocker / "x.pdf")


def test_worksheet_for_a_staff_member(services: Services, review_ids: list[int]) -> None:
    staff_id = services.reviews.get(review_ids[2]).staff_id
    data = services.documents.worksheet_pdf(staff_id)
    text = "\n".join(p.extract_text() or "" for p in PdfReader(BytesIO(data)).pages)
    assert "Sam O'Neil" in text
    framework = services.frameworks.current()
    assert framework.competencies[0].indicators[0].text.split()[0] in text


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_export_writes_one_safe_file_per_review(
    services: Services, review_ids: list[int], tmp_path: Path, workers: int
) -> None:
    seen: list[tuple[int, int]] = []
    folder = tmp_path / "batch"
    result = services.documents.export_batch(
        review_ids, folder, workers=workers, progress=lambda d, t, _n: seen.append((d, t))
    )
    assert result.failed == []
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == len(review_ids) == len(result.written)
    assert seen[-1] == (len(review_ids), len(review_ids))
    assert "Élodie_Tremblay_2025-01-01_2025-12-31_annual.pdf" in names
    assert "王小明_2025-01-01_2025-12-31_annual.pdf" in names
    # two people with one name do not overwrite each other
    assert sum(name.startswith("Sam_O'Neil_2025") for name in names) == 2
    for name in names:
        assert not any(ch in name for ch in '<>:"/\\|?*')
        assert name.split("_")[0].upper() not in {"CON", "NUL", "PRN", "AUX"}
        assert (folder / name).read_bytes().startswith(b"%PDF")


def test_batch_export_can_be_cancelled(
    services: Services, review_ids: list[int], tmp_path: Path
) -> None:
    result = services.documents.export_batch(
        review_ids, tmp_path, workers=1, cancelled=lambda: True
    )
    assert result.written == []


def test_cli_pdf_single_worksheet_and_all(
    db_path: Path, review_ids: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    single = tmp_path / "one.pdf"
    assert main(["pdf", str(review_ids[0]), "-o", str(single), "--db", str(db_path)]) == 0
    assert "Élodie Tremblay" in _text(single)
    sheet = tmp_path / "sheet.pdf"
    assert main(["pdf", "--worksheet", "-o", str(sheet), "--db", str(db_path)]) == 0
    assert single.stat().st_size > 0 and sheet.stat().st_size > 0
    folder = tmp_path / "all"
    code = main(
        [
            "pdf",
            "--all",
            "--status",
            "finalised",
            "--workers",
            "1",
            "-o",
            str(folder),
            "--db",
            str(db_path),
        ]
    )
    assert code == 0
    assert len(list(folder.iterdir())) == 1
    assert "Wrote 1 PDF(s)" in capsys.readouterr().out


def test_cli_pdf_errors_are_one_line(
    db_path: Path, review_ids: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pdf", "4242", "-o", str(tmp_path / "x.pdf"), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no review with id 4242" in err
    assert (
        main(
            ["pdf", "--all", "--branch", "Nowhere", "-o", str(tmp_path / "d"), "--db", str(db_path)]
        )
        == 1
    )
    assert "No reviews match" in capsys.readouterr().err
