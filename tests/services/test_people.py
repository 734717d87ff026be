"""People: names matched within a council (a pure function, tested on short made-up names),
counts of meetings and apologies from parsed present lists and from synced attendance, roles,
asks and declarations, and the member's merges and splits surviving a re-ingest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scrutiny_tui.moderngov.client import ClientSettings
from scrutiny_tui.services import people as ppl
from scrutiny_tui.services import sync as sync_service
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.people import (
    PeopleError,
    apply_choices,
    clean_role,
    match_names,
    mention_pattern,
    parse_name,
)
from scrutiny_tui.store.db import open_store
from tests.moderngov.fake_site import FakeSite
from tests.people_minutes import APRIL, write_minutes


def groups(*names: str | tuple[str, str | None]) -> list[list[str]]:
    """The names matched, each group as the names were given, groups in a stable order."""
    given = [n if isinstance(n, tuple) else (n, None) for n in names]
    parts = [parse_name(name, honorific) for name, honorific in given]
    found = [sorted(_label(given[i]) for i in g) for g in match_names(parts)]
    return sorted(found)


def _label(name: tuple[str, str | None]) -> str:
    return f"{name[1]} {name[0]}" if name[1] else name[0]


# ---- names ----------------------------------------------------------------------------------


def test_a_name_is_read_without_its_honorific_and_with_its_honours() -> None:
    judith = parse_name("Judith Blake OBE", "Councillor")
    assert (judith.given, judith.surname, judith.honours) == (("judith",), "blake", ("OBE",))
    assert judith.key == "judith blake"
    assert judith.shown == "Councillor Judith Blake OBE"
    cllr = parse_name("Cllr J. Blake")
    assert (cllr.honorific, cllr.given, cllr.key) == ("Councillor", ("j",), "j blake")
    assert parse_name("J.R. Quill").given == ("j", "r")
    assert parse_name("Judith van der Berg").surname == "van der berg"
    assert parse_name("Blake", "Mrs").gender == "f"


def test_the_ways_one_councillor_is_written_are_one_person() -> None:
    assert groups(
        ("Judith Blake", "Councillor"), ("J Blake", "Cllr"), "Blake", ("Blake", "Cllr")
    ) == [["Blake", "Cllr Blake", "Cllr J Blake", "Councillor Judith Blake"]]


def test_two_people_of_one_surname_stay_two_and_a_bare_surname_joins_neither() -> None:
    assert groups("Judith Blake", "John Blake", "J Blake", "Blake") == [
        ["Blake"],
        ["J Blake"],
        ["John Blake"],
        ["Judith Blake"],
    ]


def test_an_initial_joins_the_only_person_with_that_surname_and_initial() -> None:
    assert groups("Judith Blake", "Brian Blake", "J Blake", "Blake") == [
        ["Blake"],
        ["Brian Blake"],
        ["J Blake", "Judith Blake"],
    ]


def test_honours_are_kept_with_the_name_and_do_not_part_it() -> None:
    assert groups("Judith Blake OBE", "Judith Blake", "Judith Ann Blake") == [
        ["Judith Ann Blake", "Judith Blake", "Judith Blake OBE"]
    ]


def test_a_title_that_says_otherwise_keeps_two_names_apart() -> None:
    assert groups(("Blake", "Mr"), ("Judith Blake", "Mrs"), "J Blake") == [
        ["J Blake", "Mrs Judith Blake"],
        ["Mr Blake"],
    ]


def test_merge_and_split_choices_apply_in_the_order_made() -> None:
    parts = [parse_name(n) for n in ("Pat Quill", "Patricia Quill", "R Stone", "Stone")]
    keys = [p.key for p in parts]
    found = match_names(parts)
    assert sorted(map(sorted, found)) == [[0], [1], [2, 3]]
    merged = apply_choices(found, keys, [("merge", "pat quill", "patricia quill")])
    assert sorted(map(sorted, merged)) == [[0, 1], [2, 3]]
    split = apply_choices(found, keys, [("split", "r stone", None)])
    assert sorted(map(sorted, split)) == [[0], [1], [2], [3]]
    undone = apply_choices(found, keys, [("split", "r stone", None), ("merge", "stone", "r stone")])
    assert sorted(map(sorted, undone)) == [[0], [1], [2, 3]]
    gone = apply_choices(found, keys, [("merge", "nobody", "stone")])
    assert sorted(map(sorted, gone)) == [[0], [1], [2, 3]]


def test_roles_are_offices_not_reasons_or_run_on_sentences() -> None:
    assert clean_role("Chair") == "Chair"
    assert clean_role("Chief Officer (Partnership Development and Business Support") == (
        "Chief Officer (Partnership Development and Business Support"
    )
    assert clean_role("(Director of Public Health)") == "Director of Public Health"
    assert clean_role("Cabinet Member for Children and Families") == (
        "Cabinet Member for Children and Families"
    )
    assert clean_role("due to illness") is None
    assert clean_role("Consultant in Public Health The Committee heard that 493 young") == (
        "Consultant in Public Health"
    )


def test_a_mention_needs_a_name_no_rival_of_that_surname_shares() -> None:
    judith = [parse_name("Judith Blake", "Councillor"), parse_name("J Blake")]
    john = parse_name("John Blake")
    alone = mention_pattern(judith, [])
    assert alone.search("Councillor Blake declared an interest")
    assert alone.search("Cllr J. Blake asked")
    beside_john = mention_pattern(judith, [john])
    assert beside_john.search("Judith Blake declared an interest")
    assert not beside_john.search("Councillor Blake declared an interest")
    assert not beside_john.search("Cllr J Blake asked")
    assert not alone.search("Blakeley Road")


# ---- from the store ------------------------------------------------------------------------


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    return write_minutes(tmp_path / "minutes")


@pytest.fixture
def store(store_target: str, minutes: Path):
    store = open_store(store_target)
    ingest_paths(store, [minutes], workers=1)
    yield store
    store.close()


def by_name(store, council: str | None = None) -> dict[str, ppl.PersonEntry]:
    return {f"{e.shown} @ {e.council}": e for e in ppl.people(store, council).entries}


def test_parsed_present_and_apologies_lists_give_each_persons_counts(store) -> None:
    found = by_name(store, "anyshire")
    anyshire = "Anyshire County Council"
    judith = found[f"Councillor Judith Blake @ {anyshire}"]
    assert (judith.attended, judith.apologies, judith.rate) == (1, 1, 0.5)
    assert [r.role for r in judith.roles] == ["Chair"]
    assert judith.roles[0].committee == "Children's Scrutiny Committee"
    john = found[f"Councillor John Blake @ {anyshire}"]
    assert (john.attended, john.apologies) == (1, 1)
    stone = found[f"Councillor R Stone @ {anyshire}"]  # "Cllr R Stone" and "Councillor Stone"
    assert (stone.attended, stone.apologies, stone.also_written) == (2, 0, ("Councillor Stone",))
    moss = found[f"Councillor T Moss @ {anyshire}"]
    assert (moss.attended, moss.apologies, moss.rate) == (1, 1, 0.5)
    director = found[f"Nigel Richardson @ {anyshire}"]
    assert [r.role for r in director.roles] == ["Director of Children's Services"]
    # Pat and Patricia Quill: nothing says they are one person, so two entries.
    assert f"Councillor Pat Quill @ {anyshire}" in found
    assert f"Councillor Patricia Quill @ {anyshire}" in found


def test_people_are_never_joined_across_councils(store) -> None:
    blakes = [e for e in ppl.people(store).entries if e.name == "Judith Blake"]
    assert sorted((e.council, e.attended) for e in blakes) == [
        ("Anyshire County Council", 1),
        ("Borsetshire Council", 1),
    ]
    with pytest.raises(PeopleError, match="never merged across councils"):
        ppl.merge_entries(store, blakes[0], blakes[1])


def test_asks_and_declarations_name_the_person_or_their_office(store) -> None:
    anyshire = "Anyshire County Council"
    judith = ppl.one_person(store, "Judith Blake", "anyshire")
    detail = ppl.person_detail(store, judith)
    assert [(d.item, d.words) for d in detail.declarations] == [
        (
            "1/24 Declarations of interest",
            "Councillor Judith Blake declared a personal interest as a governor of Hill School.",
        )
    ]
    assert [(m.date, m.kinds, m.role) for m in detail.meetings] == [
        ("2024-04-10", ("apologies",), None),
        ("2024-01-10", ("present",), "Chair"),
    ]
    director = ppl.one_person(store, "Nigel Richardson")
    asks = ppl.person_detail(store, director).asks
    assert {a.named_as for a in asks} == {"Director of Children's Services"}
    assert asks[0].text.startswith("that the Director of Children's Services report on school")
    stone = ppl.one_person(store, "Cllr Stone", "anyshire")
    assert stone.council == anyshire
    stone_asks = ppl.person_detail(store, stone).asks
    assert [a.named_as for a in stone_asks] == ["Councillor Stone"]
    assert not ppl.person_detail(store, john_blake(store)).declarations


def john_blake(store) -> ppl.PersonEntry:
    return ppl.one_person(store, "John Blake", "anyshire")


def test_a_name_meaning_several_people_is_refused_with_them_listed(store) -> None:
    with pytest.raises(PeopleError, match="could be 2 people: Councillor Judith Blake"):
        ppl.one_person(store, "Judith Blake")
    with pytest.raises(PeopleError, match="no one called 'Nobody'"):
        ppl.one_person(store, "Nobody")


def test_merge_and_split_survive_reading_the_minutes_again(store, minutes: Path) -> None:
    pat = ppl.one_person(store, "Pat Quill")
    patricia = ppl.one_person(store, "Patricia Quill")
    ppl.merge_entries(store, pat, patricia)
    stone = ppl.one_person(store, "R Stone")
    assert ppl.split_entry(store, stone) == 2

    # The April minutes are corrected and read again: the meeting, its items and its
    # attendance rows are written anew.
    (minutes / "anyshire-2024-04-10.txt").write_text(
        APRIL.replace("home to school transport", "school transport"), encoding="utf-8"
    )
    assert ingest_paths(store, [minutes], workers=1).changed == 1

    found = by_name(store, "anyshire")
    anyshire = "Anyshire County Council"
    quill = found[f"Councillor Patricia Quill @ {anyshire}"]
    assert (quill.attended, quill.also_written) == (2, ("Councillor Pat Quill",))
    assert f"Councillor Pat Quill @ {anyshire}" not in found
    assert found[f"Councillor R Stone @ {anyshire}"].attended == 1
    assert found[f"Councillor Stone @ {anyshire}"].attended == 1
    with pytest.raises(PeopleError, match="only one way"):
        ppl.split_entry(store, found[f"Councillor Stone @ {anyshire}"])
    with pytest.raises(PeopleError, match="already one entry"):
        ppl.merge_entries(store, quill, quill)


def test_a_filter_finds_people_by_name_or_by_a_role_recorded_beside_them(store) -> None:
    page = ppl.people(store, words="director")
    assert [e.shown for e in page.entries] == ["Nigel Richardson"]
    page = ppl.people(store, words="blake", limit=2)
    assert page.total == 3
    assert len(page.entries) == 2


# ---- synced attendance ---------------------------------------------------------------------

TODAY = date(2026, 5, 1)
FAST = ClientSettings(pause=0, timeout=1.0, retries=2, backoff=0, max_bytes=1024 * 1024)


@pytest.fixture
def site():
    fake = FakeSite("/democracy/", today=TODAY)
    # a second meeting of the committee whose register writes the Chair another way
    fake.meetings[5003].attendees = [
        ("Cllr S Lowe", "Chair", "Present"),
        ("Councillor Ruth Ames", "Committee Member", "Apologies"),
    ]
    fake.start()
    yield fake
    fake.stop()


def test_synced_attendance_gives_counts_rates_and_roles(store_target: str, site) -> None:
    store = open_store(store_target)
    try:
        sync_service.add_source(store, site.base_url, name="demo", settings=FAST)
        sync_service.sync(store, today=TODAY, settings=FAST)
        found = by_name(store)
    finally:
        store.close()
    lowe = found["Councillor Sarah Lowe @ demo"]
    assert (lowe.attended, lowe.apologies, lowe.also_written) == (2, 0, ("Councillor S Lowe",))
    assert [(r.role, r.committee, r.meetings) for r in lowe.roles] == [
        ("Chair", "Children and Young People Scrutiny Committee", 2)
    ]
    ames = found["Councillor Ruth Ames @ demo"]
    assert (ames.attended, ames.apologies, ames.rate) == (0, 2, 1.0)
    patel = found["Councillor Dev Patel @ demo"]
    assert (patel.attended, patel.apologies) == (1, 0)
    brand = found["Jo Brand @ demo"]
    assert [r.role for r in brand.roles] == ["Director of Children's Services"]
    assert found["Councillor Ann Green @ demo"].attended == 1
