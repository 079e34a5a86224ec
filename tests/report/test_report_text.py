"""Escaping, fallback-font runs and splitting of user text for Paragraph markup."""

from __future__ import annotations

import pytest
from report_helpers import require_cjk_font
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from reviewapp.report.fonts import FONTS, REGULAR, ensure_fonts
from reviewapp.report.text import CHUNK, REPLACEMENT, clean, fit, markup, paragraphs, runs

STYLE = ParagraphStyle("t", fontName=REGULAR, fontSize=10, leading=12)


def plain(paragraph: Paragraph) -> str:
    """The text a Paragraph will draw, markup resolved."""
    return "".join(frag.text for frag in paragraph.frags if hasattr(frag, "text"))


@pytest.mark.parametrize(
    "typed",
    [
        "<b>bold</b>",
        "<x>",
        "AT&T R&D",
        "&amp; stays &amp;",
        "<unclosed",
        "</para>",
        'He said "hi" & left',
        "Élodie à l'accueil, façade",
        "<font name='Courier'>x</font>",
        "a > b < c",
    ],
)
def test_markup_shows_text_literally(typed: str) -> None:
    ensure_fonts()
    paragraph = Paragraph(markup(typed), STYLE)
    assert plain(paragraph) == typed
    assert all(getattr(frag, "fontName", REGULAR) == REGULAR for frag in paragraph.frags)


def test_quotes_are_escaped() -> None:
    assert markup("\"a\" 'b'") == "&quot;a&quot; &#39;b&#39;"


def test_newlines_tabs_and_control_characters() -> None:
    assert markup("one\ntwo") == "one<br/>two"
    assert clean("a\tb") == "a    b"
    assert clean("a\r\nb\rc") == "a\nb\nc"
    assert clean("bell\x07 nul\x00 esc\x1b") == "bell nul esc"
    assert clean("e\u0301") == "é"  # NFC


def test_paragraphs_split_on_blank_lines() -> None:
    result = paragraphs("First line\nsame paragraph\n\n\n  \nSecond", STYLE)
    assert [plain(p) for p in result] == ["First linesame paragraph", "Second"]


def test_empty_text_gives_placeholder_or_nothing() -> None:
    assert paragraphs("  \n ", STYLE) == []
    assert [plain(p) for p in paragraphs("", STYLE, empty="None <recorded>")] == ["None <recorded>"]


def test_one_huge_paragraph_is_cut_into_chunks_without_losing_text() -> None:
    text = ("word " * 30_000).strip()
    result = paragraphs(text, STYLE)
    assert len(result) > 1
    assert all(len(plain(p)) <= CHUNK for p in result)
    # Chunks are cut after a space; a Paragraph drops the space at its end.
    assert " ".join(plain(p).strip() for p in result) == text


def test_huge_word_without_spaces_is_cut_too() -> None:
    text = "x" * (CHUNK * 3 + 5)
    assert "".join(plain(p) for p in paragraphs(text, STYLE)) == text


def test_covered_text_is_one_run() -> None:
    assert runs("Élodie & co — 100 €") == [(None, "Élodie & co — 100 €")]


def test_line_breaks_do_not_split_covered_text_into_runs() -> None:
    text = "Line one\nLigne deux à l'accueil\n" + "long prose " * 5_000
    assert runs(text) == [(None, text)]
    assert FONTS.covers(text)
    assert not FONTS.covers("plain\x07bell")
    assert not FONTS.covers("图")


def test_cjk_characters_get_a_fallback_run() -> None:
    require_cjk_font()
    result = runs("Hi 图书馆 ok")
    assert [part for _, part in result] == ["Hi ", "图书馆", " ok"]
    assert result[0][0] is None and result[2][0] is None
    assert result[1][0] is not None
    assert f'<font name="{result[1][0]}">图书馆</font>' in markup("Hi 图书馆 ok")


def test_fallback_runs_are_escaped_too() -> None:
    require_cjk_font()
    assert markup("图<b>").endswith("</font>&lt;b&gt;")
    assert plain(Paragraph(markup("图<b>&"), STYLE)) == "图<b>&"


def test_character_no_font_has_becomes_replacement_and_invisible_ones_vanish() -> None:
    private = "\U0010fffd"  # plane 16 private use: no font maps it
    assert runs(f"a{private}b") == [(None, f"a{REPLACEMENT}b")]
    assert "".join(part for _, part in runs("a\U000e0001b")) == "ab"  # language tag, Cf


def test_fit_cuts_with_ellipsis() -> None:
    ensure_fonts()
    assert fit("short", REGULAR, 10, 200) == "short"
    cut = fit("a rather long organisation name " * 5, REGULAR, 10, 100)
    assert cut.endswith("…") and len(cut) < 40
