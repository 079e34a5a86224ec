"""The shipped font family and the system fallback fonts."""

from __future__ import annotations

from pathlib import Path

from report_helpers import require_cjk_font
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics

from reviewapp.report.fonts import (
    BOLD,
    BOLD_ITALIC,
    FONT_DIR,
    FONTS,
    ITALIC,
    REGULAR,
    FontRegistry,
    ensure_fonts,
)


def test_family_is_registered_once_with_bold_and_italic() -> None:
    ensure_fonts()
    first = pdfmetrics.getFont(REGULAR)
    ensure_fonts()
    assert pdfmetrics.getFont(REGULAR) is first
    assert tt2ps(REGULAR, 1, 0) == BOLD
    assert tt2ps(REGULAR, 0, 1) == ITALIC
    assert tt2ps(REGULAR, 1, 1) == BOLD_ITALIC


def test_font_files_are_shipped() -> None:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt"):
        assert (FONT_DIR / name).is_file()


def test_base_coverage_includes_french_and_excludes_cjk() -> None:
    assert set("Élodie à l'accueil, façade €—") <= FONTS.base_coverage
    assert "图" not in FONTS.base_coverage


def test_cjk_fallback_is_found_and_registered_as_a_family() -> None:
    require_cjk_font()
    name = FONTS.fallback_for("图")
    assert name is not None
    assert FONTS.fallback_for("안") is not None
    assert FONTS.fallback_for("こ") is not None
    assert tt2ps(name, 1, 0) == name  # <b> inside a fallback run resolves to the same face


def test_no_candidates_means_no_fallback(tmp_path: Path) -> None:
    registry = FontRegistry(candidates=((tmp_path / "missing.ttf", 0),))
    assert registry.fallback_for("图") is None
    assert registry.loaded_fallbacks() == ()


def test_unreadable_candidate_is_skipped(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    registry = FontRegistry(candidates=((broken, 0),))
    assert registry.fallback_for("图") is None
