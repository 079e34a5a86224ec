"""Evidence search: what a person types turned into safe terms, and the hits a search returns.

The rules here are shared by the full-text index query and the plain scan used where no index
exists, so both find the same notes: words are compared case- and accent-insensitively
("Elodie" finds "Élodie"), every typed word must occur, the last word may be the start of a longer
word (search as you type), and "e-reader", "e reader" and "eReader" find one another. Nothing a
person types is ever read as query syntax: quotes, ``*``, ``-``, brackets and AND/OR/NEAR are text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reviewapp.domain.evidence import EvidenceNote

MAX_TERMS = 12
"""Words beyond this many are ignored: a longer query finds nothing more useful and costs more."""

_WORD = re.compile(r"[^\W_]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """One typed word, as the alternative token sequences that each count as a match.

    "e-reader" -> (("e", "reader"), ("ereader",)); "printer" -> (("printer",),).
    ``prefix`` marks the last typed word, whose last token may be the start of a longer word.
    """

    alternatives: tuple[tuple[str, ...], ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class EvidenceHit:
    """One note found by a search, with what a results list shows beside it."""

    note: EvidenceNote
    staff_name: str
    competency_code: str
    score: float
    """Relevance: higher is better; only comparable between hits of the same search."""


def fold(text: str) -> str:
    """Lower-case text without accents, the way the search index compares words."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text: str) -> list[str]:
    """The folded words of a text: letters and digits, split at everything else."""
    return _WORD.findall(fold(text))


def parse_query(text: str) -> list[SearchTerm]:
    """Split typed text into search terms; text with no letters or digits gives none."""
    terms: list[SearchTerm] = []
    for chunk in text.split():
        pieces = _WORD.findall(unicodedata.normalize("NFKC", chunk))
        if not pieces:
            continue
        split = tuple(w for piece in pieces for w in words(_CAMEL.sub(" ", piece)))
        joined = tuple(words("".join(pieces)))
        alternatives = tuple(dict.fromkeys(alt for alt in (split, joined) if alt))
        terms.append(SearchTerm(alternatives))
        if len(terms) == MAX_TERMS:
            break
    if terms:
        terms[-1] = SearchTerm(terms[-1].alternatives, prefix=True)
    return terms


def fts_query(terms: list[SearchTerm]) -> str:
    """An SQLite FTS5 query for the terms: every token quoted, so no input is read as syntax."""
    parts = []
    for term in terms:
        phrases = [_phrase(alternative, term.prefix) for alternative in term.alternatives]
        parts.append(phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")")
    return " AND ".join(parts)


def _phrase(tokens: tuple[str, ...], prefix: bool) -> str:
    quoted = '"' + " ".join(tokens).replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


def match_count(text_words: list[str], terms: list[SearchTerm]) -> int:
    """How often the terms occur in a text's words; 0 unless every term occurs at least once.

    The plain scan's relevance: the same rules as the index (see module docstring), applied in
    Python to the words of one note.
    """
    total = 0
    for term in terms:
        found = sum(_occurrences(text_words, alt, term.prefix) for alt in term.alternatives)
        if found == 0:
            return 0
        total += found
    return total


def _occurrences(text_words: list[str], phrase: tuple[str, ...], prefix: bool) -> int:
    size = len(phrase)
    count = 0
    for start in range(len(text_words) - size + 1):
        window = text_words[start : start + size]
        if window[:-1] != list(phrase[:-1]):
            continue
        last = window[-1]
        if last == phrase[-1] or (prefix and last.startswith(phrase[-1])):
            count += 1
    return count
