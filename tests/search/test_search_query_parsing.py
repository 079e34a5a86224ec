"""Typed text to search terms: the pure rules shared by the index query and the scan."""

from __future__ import annotations

import pytest

from reviewapp.domain.search import (
    MAX_TERMS,
    SearchTerm,
    fold,
    fts_query,
    match_count,
    parse_query,
    words,
)


def test_fold_removes_accents_and_case() -> None:
    assert fold("Élodie NAÏVE Café") == "elodie naive cafe"


def test_words_split_at_punctuation_and_underscores() -> None:
    assert words("e-reader, Élodie's_printer!") == ["e", "reader", "elodie", "s", "printer"]


def test_single_word_is_one_quoted_prefix_phrase() -> None:
    assert parse_query("Printer") == [SearchTerm((("printer",),), prefix=True)]
    assert fts_query(parse_query("Printer")) == '"printer"*'


def test_only_the_last_word_is_a_prefix() -> None:
    terms = parse_query("printer jam")
    assert [t.prefix for t in terms] == [False, True]
    assert fts_query(terms) == '"printer" AND "jam"*'


@pytest.mark.parametrize("typed", ["e-reader", "eReader", "E-Reader"])
def test_hyphenated_and_camel_case_words_match_both_forms(typed: str) -> None:
    (term,) = parse_query(typed)
    assert set(term.alternatives) == {("e", "reader"), ("ereader",)}
    assert fts_query([term]) == '("e reader"* OR "ereader"*)'


def test_plain_lower_case_word_has_one_form() -> None:
    assert parse_query("ereader")[0].alternatives == (("ereader",),)


@pytest.mark.parametrize(
    "typed", ['"', '""', "*", "-", "()", "(((", '" * "', "   ", "", "-*-", "^:+"]
)
def test_text_without_letters_or_digits_gives_no_terms(typed: str) -> None:
    assert parse_query(typed) == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("printer AND scanner", '"printer" AND "and" AND "scanner"*'),
        ("printer OR", '"printer" AND "or"*'),
        ("NEAR(printer jam)", '("near printer" OR "nearprinter") AND "jam"*'),
        ('say "hello', '"say" AND "hello"*'),
        ("col:printer", '("col printer"* OR "colprinter"*)'),
        ("-printer", '"printer"*'),
    ],
)
def test_query_syntax_words_and_characters_are_plain_text(typed: str, expected: str) -> None:
    assert fts_query(parse_query(typed)) == expected


def test_quotes_inside_a_token_cannot_escape_the_phrase() -> None:
    # Tokens never contain quotes, but the phrase writer doubles them anyway.
    assert fts_query([SearchTerm((('a"b',),))]) == '"a""b"'


def test_words_beyond_the_limit_are_ignored() -> None:
    terms = parse_query(" ".join(f"w{n}" for n in range(MAX_TERMS + 5)))
    assert len(terms) == MAX_TERMS
    assert terms[-1].prefix


def test_match_count_needs_every_term() -> None:
    text = words("The printer jammed; Élodie fixed the printer.")
    assert match_count(text, parse_query("printer elodie")) == 3
    assert match_count(text, parse_query("printer scanner")) == 0


def test_match_count_prefix_only_for_the_last_term() -> None:
    text = words("printers jammed")
    assert match_count(text, parse_query("jam")) == 1
    assert match_count(text, parse_query("jam printer")) == 0
    assert match_count(text, parse_query("printers jam")) == 2


def test_match_count_phrase_forms() -> None:
    assert match_count(words("reads on an e-reader"), parse_query("eReader")) == 1
    assert match_count(words("reads on an eReader"), parse_query("e-reader")) == 1
    assert match_count(words("an e book reader"), parse_query("e-reader")) == 0
