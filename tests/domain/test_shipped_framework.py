"""The shipped SOLS framework must say, word for word and in order, what the source text says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewapp import paths
from reviewapp.domain.framework import Framework
from reviewapp.domain.framework_file import parse_framework

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
SEED = SEEDS / "000_c9856564876afa31.txt"


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def parse_seed(text: str) -> list[tuple[str, list[str]]]:
    """(competency statement, [indicator texts]) from "Competency:" lines and "•" bullets."""
    competencies: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("Competency:"):
            competencies.append((_words(stripped.removeprefix("Competency:")), []))
        elif stripped.startswith("•"):
            assert competencies, f"bullet before any competency: {stripped!r}"
            competencies[-1][1].append(_words(stripped.removeprefix("•")))
    return competencies


@pytest.fixture(scope="module")
def shipped() -> Framework:
    return parse_framework(paths.DEFAULT_FRAMEWORK_FILE.read_text(encoding="utf-8"))


def test_seed_parser_reads_statements_and_bullets() -> None:
    sample = (
        "Intro • not a bullet\n\nCompetency:  Does   things \n\nAssociated:\n\n"
        "  • First  one \n  • Second\n\nCompetency: Other\n  • Third.\n"
    )
    assert parse_seed(sample) == [("Does things", ["First one", "Second"]), ("Other", ["Third."])]


@pytest.mark.skipif(not SEED.exists(), reason="source text not available in this checkout")
def test_shipped_framework_matches_the_source_word_for_word(shipped: Framework) -> None:
    seed = parse_seed(SEED.read_text(encoding="utf-8"))
    assert len(seed) == 7
    assert sum(len(indicators) for _, indicators in seed) == 34
    shipped_pairs = [
        (_words(c.statement), [_words(i.text) for i in c.indicators]) for c in shipped.competencies
    ]
    for n, (expected, actual) in enumerate(zip(seed, shipped_pairs, strict=True), start=1):
        assert actual[0] == expected[0], f"statement of competency {n}"
        assert actual[1] == expected[1], f"indicators of competency {n}"


@pytest.mark.skipif(not SEED.exists(), reason="source text not available in this checkout")
def test_shipped_description_and_date_match_the_source(shipped: Framework) -> None:
    seed = _words(SEED.read_text(encoding="utf-8"))
    assert _words(shipped.description) in seed
    assert "Last updated: August 6, 2015" in seed
    assert shipped.published is not None
    assert f"{shipped.published:%B} {shipped.published.day}, {shipped.published.year}" in seed


def test_counts_and_known_texts(shipped: Framework) -> None:
    assert len(shipped.competencies) == 7
    assert shipped.indicator_count == 34
    first, *_, last = shipped.competencies
    assert first.statement == (
        "Provides assistance to library users in a manner that is warm, welcoming and respectful"
    )
    assert first.indicators[0].text == (
        "Uses every interaction as an opportunity to cultivate a lifelong relationship "
        "with the library"
    )
    assert first.indicators[4].text == (
        "Listens carefully to understand the customer’s request and the context for that request"
    )
    assert shipped.competencies[5].statement == (
        "Demonstrates comfort in assisting users with personal portable devices"
    )
    assert (
        last.statement == "Applies effective techniques to address difficult situations with users"
    )
    assert last.indicators[1].text == "Treats users' concerns with respect and empathy"
    assert last.indicators[-1].text == (
        "Responds to complaints and problems shared online and in person in a prompt and "
        "professional manner"
    )


def test_shipped_texts_have_no_stray_whitespace(shipped: Framework) -> None:
    texts = [c.statement for c in shipped.competencies] + [
        i.text for c in shipped.competencies for i in c.indicators
    ]
    assert [t for t in texts if t != _words(t)] == []
