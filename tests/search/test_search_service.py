"""Evidence search through the index and through the scan: the same notes, in the same order."""

from __future__ import annotations

from datetime import date

import pytest
from search_helpers import AddNote, make_search

from reviewapp.domain.errors import ValidationError
from reviewapp.domain.staff import StaffMember
from reviewapp.services.container import Services
from reviewapp.services.search import SearchService


def found(search: SearchService, query: str, **kwargs: object) -> list[str]:
    return [hit.note.text for hit in search.evidence(query, **kwargs)]  # type: ignore[arg-type]


def test_finds_notes_by_word_with_staff_name_and_competency(
    search: SearchService, add_note: AddNote, staff_member: StaffMember, services: Services
) -> None:
    note = add_note("Helped a patron unjam the printer on level 2.", competency=2)
    add_note("Ran the Lego club for twelve children.")
    hits = search.evidence("printer")
    assert [hit.note for hit in hits] == [note]
    expected_code = services.frameworks.current().competencies[2].code
    assert (hits[0].staff_name, hits[0].competency_code) == (staff_member.name, expected_code)
    assert hits[0].score > 0


def test_accents_are_folded_both_ways(search: SearchService, add_note: AddNote) -> None:
    add_note("Élodie covered the café desk.")
    add_note("Elodie covered the naive question line.")
    assert sorted(found(search, "elodie")) == [
        "Elodie covered the naive question line.",
        "Élodie covered the café desk.",
    ]
    assert found(search, "CAFE") == ["Élodie covered the café desk."]
    assert found(search, "naïve") == ["Elodie covered the naive question line."]


@pytest.mark.parametrize("query", ["e-reader", "e reader", "eReader", "E-READER"])
def test_e_reader_spellings_find_each_other(
    search: SearchService, add_note: AddNote, query: str
) -> None:
    add_note("Showed a senior how to load an e-reader.", date(2025, 1, 1))
    add_note("Set up the eReader lending kit.", date(2025, 1, 2))
    add_note("Read a story to the e class.", date(2025, 1, 3))
    texts = found(search, query)
    assert "Showed a senior how to load an e-reader." in texts
    if query != "e reader":  # two separate words need not match one joined word
        assert "Set up the eReader lending kit." in texts
    assert "Read a story to the e class." not in texts


def test_every_word_must_occur_and_the_last_may_be_a_prefix(
    search: SearchService, add_note: AddNote
) -> None:
    add_note("The printer jammed twice.")
    add_note("Printers were restocked with toner.")
    assert found(search, "printer jam") == ["The printer jammed twice."]
    assert sorted(found(search, "print")) == [
        "Printers were restocked with toner.",
        "The printer jammed twice.",
    ]
    assert found(search, "printer toner") == []


def test_more_relevant_first_then_newest_first(search: SearchService, add_note: AddNote) -> None:
    add_note("Printer printer printer: fixed the printer again.", date(2024, 1, 1))
    add_note("Cleared the printer queue.", date(2024, 6, 1))
    add_note("Cleared the printer queue.", date(2025, 6, 1))
    hits = search.evidence("printer")
    assert [h.note.observed_on for h in hits] == [
        date(2024, 1, 1),
        date(2025, 6, 1),
        date(2024, 6, 1),
    ]
    assert hits[0].score > hits[1].score


def test_staff_filter_and_limit(
    search: SearchService, add_note: AddNote, staff_member: StaffMember, other_member: StaffMember
) -> None:
    for day in range(1, 6):
        add_note(f"Printer check {day}.", date(2025, 2, day))
    add_note("Printer check by Sam.", staff=other_member)
    assert len(search.evidence("printer")) == 6
    mine = search.evidence("printer", staff_id=staff_member.id)
    assert {h.note.staff_id for h in mine} == {staff_member.id} and len(mine) == 5
    assert found(search, "printer", staff_id=other_member.id) == ["Printer check by Sam."]
    limited = search.evidence("printer", staff_id=staff_member.id, limit=2)
    assert [h.note.observed_on for h in limited] == [date(2025, 2, 5), date(2025, 2, 4)]


@pytest.mark.parametrize("limit", [0, -1, 1_001])
def test_limit_out_of_range_is_refused(search: SearchService, limit: int) -> None:
    with pytest.raises(ValidationError, match="between 1 and 1000"):
        search.evidence("printer", limit=limit)


# (typed text, whether the note below is found): found when every typed word is in it.
_SPECIAL = [
    ('"', False),
    ('"printer', True),
    ('printer"', True),
    ("printer*", True),
    ("*printer", True),
    ("**", False),
    ("-printer", True),
    ("printer -toner", True),
    ("printer AND", True),
    ("AND", True),
    ("OR printer", True),
    ("NOT", False),
    ("NEAR(printer toner)", False),
    ("NEAR/2", False),
    ("(printer", True),
    ("printer)", True),
    ("((((", False),
    ("quick:reset", True),
    ("text:printer", False),
    ("{text}: printer", False),
    ("^printer", True),
    ("printer + toner", True),
    ("'; DROP TABLE evidence_notes; --", False),
    ("50%", True),
    ("%_%", False),
    ("\\", False),
    ("\x00printer", True),
    ("é" * 500, False),
]


@pytest.mark.parametrize(("query", "finds"), _SPECIAL)
def test_special_characters_never_raise(
    search: SearchService, add_note: AddNote, query: str, finds: bool
) -> None:
    note = add_note('The printer needed toner (again) and a "quick" reset: 50% done; AND/OR.')
    add_note("Unrelated: story time.")
    assert [h.note for h in search.evidence(query)] == ([note] if finds else [])


def test_blank_query_finds_nothing(search: SearchService, add_note: AddNote) -> None:
    add_note("Anything at all.")
    assert search.evidence("  ") == []
    assert search.evidence("()*") == []


def test_index_and_scan_agree(services: Services, add_note: AddNote) -> None:
    texts = [
        "Élodie fixed the printer.",
        "printer jam at the e-reader kiosk",
        "eReader loans up; printers idle",
        "Story time: the café corner was full.",
        "3D printer workshop with teens",
    ]
    for n, text in enumerate(texts):
        add_note(text, date(2025, 1, n + 1))
    indexed = make_search(services, use_index=True)
    scanning = make_search(services, use_index=False)
    for query in ["printer", "print", "e-reader", "ereader", "elodie", "cafe", "3d", "teens wo"]:
        by_index = {h.note.id for h in indexed.evidence(query)}
        assert by_index == {h.note.id for h in scanning.evidence(query)}, query


def test_staff_key_is_not_searchable_as_text(
    search: SearchService, add_note: AddNote, staff_member: StaffMember
) -> None:
    add_note("Printer fixed.")
    assert search.evidence(f"staff{staff_member.id}") == []
    assert search.evidence("staff_key") == []


def test_common_words_are_ranked_among_the_most_recent_matches(
    indexed: SearchService, add_note: AddNote, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewapp.services import search as search_module

    best_but_old = add_note("Printer printer printer printer.", date(2020, 1, 1))
    recent = [add_note(f"Printer note {n}.", date(2025, 1, n + 1)) for n in range(3)]
    assert indexed.evidence("printer")[0].note == best_but_old
    monkeypatch.setattr(search_module, "RANK_WINDOW", 3)
    hits = indexed.evidence("printer")
    assert {h.note.id for h in hits} == {n.id for n in recent}
    assert indexed.evidence("printer", staff_id=best_but_old.staff_id)[0].note in recent
