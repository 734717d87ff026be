"""Acronyms common in council minutes find their expansions and back, and the member's own
list in config.yaml adds to the built-in one."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny_tui.cli import main
from scrutiny_tui.config import SearchSettings, Settings
from scrutiny_tui.services.search import expanded_query, search
from scrutiny_tui.vocabulary import ACRONYMS
from tests.ui.fixture_store import ItemSpec, MeetingSpec, build_store


def _meeting(name: str, title: str, text: str) -> MeetingSpec:
    return MeetingSpec(f"/minutes/{name}.txt", [ItemSpec(title=title, text=text)], body="Panel")


@pytest.fixture
def store(store_target):
    store = build_store(
        store_target,
        [
            _meeting(
                "spelled",
                "Waiting times",
                "Child and Adolescent Mental Health Services waits grew.",
            ),
            _meeting("short", "Referrals", "CAMHS referrals from schools rose."),
            _meeting(
                "religion",
                "Agreed syllabus",
                "The Standing Advisory Council on Religious Education met.",
            ),
            _meeting("post", "Correspondence", "Officers will send the report to schools."),
        ],
    )
    yield store
    store.close()


def titles(result) -> set[str]:
    return {hit.item_title for hit in result.hits}


def test_an_acronym_finds_its_expansion_and_back(store) -> None:
    assert titles(search(store, "CAMHS")) == {"Waiting times", "Referrals"}
    assert titles(search(store, "camhs")) == {"Waiting times", "Referrals"}
    spelled = search(store, "child and adolescent mental health services")
    assert titles(spelled) == {"Waiting times", "Referrals"}
    # The expansion is marked in the snippet as one phrase, not word by word.
    hit = next(h for h in search(store, "CAMHS").hits if h.item_title == "Waiting times")
    assert [hit.snippet[a:b] for a, b in hit.highlights] == [
        "Child and Adolescent Mental Health Services"
    ]
    back = next(h for h in spelled.hits if h.item_title == "Referrals")
    assert [back.snippet[a:b] for a, b in back.highlights] == ["CAMHS"]


def test_an_acronym_with_other_words_is_one_valid_query(store) -> None:
    found = search(store, "CAMHS referrals")
    assert found.notice is None and titles(found) == {"Referrals"}
    found = search(store, "waits child and adolescent mental health services")
    assert found.notice is None and titles(found) == {"Waiting times"}


def test_an_everyday_word_is_expanded_only_in_capitals() -> None:
    assert expanded_query("send the report", ACRONYMS)[0] == '"send" "the" "report"*'
    assert (
        "special educational needs and disabilities" in expanded_query("SEND places", ACRONYMS)[0]
    )


def test_queries_with_operators_are_left_as_written(store) -> None:
    assert titles(search(store, '"CAMHS referrals"')) == {"Referrals"}


def test_the_members_own_acronyms_add_to_the_built_in_ones(store) -> None:
    settings = Settings(
        search=SearchSettings(
            acronyms={
                "sacre": "standing advisory council on religious education",
                "CAMHS": ["emotional wellbeing service"],
            }
        )
    )
    acronyms = settings.acronyms()
    assert acronyms["SACRE"] == ("standing advisory council on religious education",)
    assert acronyms["CAMHS"] == (*ACRONYMS["CAMHS"], "emotional wellbeing service")
    assert titles(search(store, "SACRE", acronyms=acronyms)) == {"Agreed syllabus"}
    assert titles(search(store, "SACRE")) == set()  # not built in


def test_the_command_reads_acronyms_from_config(
    store, store_target: str, tmp_path: Path, capsys
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        'search:\n  acronyms:\n    SACRE: "standing advisory council on religious education"\n'
    )
    assert main(["--config", str(config), "--db", store_target, "search", "SACRE"]) == 0
    assert "Agreed syllabus" in capsys.readouterr().out
