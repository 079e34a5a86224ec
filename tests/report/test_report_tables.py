"""Table cells: short covered text drawn as plain strings, everything else as safe Paragraphs."""

from __future__ import annotations

import io

from report_helpers import read_pdf
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import SimpleDocTemplate

from reviewapp.report.styles import make_styles
from reviewapp.report.tables import data_table, text_cell
from reviewapp.report.text import Para

STYLES = make_styles()
BODY = STYLES["CellSmall"]


def test_short_covered_text_stays_a_literal_string() -> None:
    assert text_cell("AT&T R&D <b>x</b> <unclosed", BODY, 400) == "AT&T R&D <b>x</b> <unclosed"
    assert text_cell("Élodie\t à  l'accueil ", BODY, 400) == "Élodie à l'accueil"


def test_line_breaks_fallback_characters_and_long_text_become_paragraphs() -> None:
    for text in ("one\ntwo", "图书馆", "word " * 40):
        cell = text_cell(text, BODY, 200)
        assert isinstance(cell, Para), text
    assert "&amp;" in text_cell("R&D\nnext", BODY, 400).text


def test_table_draws_every_kind_of_cell_exactly_as_typed() -> None:
    typed = ["AT&T R&D", "<b>not bold</b>", "<unclosed", "line one\nline two", "long " * 30]
    rows = [["Heading & more", "Second"], *[[text, "x"] for text in typed]]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=LETTER).build([data_table(rows, [300, 100], STYLES)])
    flat = read_pdf(buffer.getvalue()).flat
    assert "Heading & more" in flat
    for text in typed:
        assert " ".join(text.split()) in flat
