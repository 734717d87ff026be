"""`scrutiny people` as a member runs it: the list per council, one person's meetings, asks and
declarations, and merge and split kept when the minutes are read again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrutiny_tui.cli import main
from tests.people_minutes import write_minutes


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    return write_minutes(tmp_path / "minutes")


@pytest.fixture
def db(db_path: Path, minutes: Path, capsys) -> str:
    assert main(["--db", str(db_path), "ingest", str(minutes)]) == 0
    capsys.readouterr()
    return str(db_path)


def run(db: str, capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", db, "people", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_list_gives_each_councils_people_with_counts_rates_and_roles(db, capsys):
    code, out, _ = run(db, capsys, "--council", "anyshire")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Anyshire County Council"
    chair = "Chair, Children's Scrutiny Committee"
    assert f"  Councillor Judith Blake  1 meeting, 1 apology (50%)  {chair}" in lines
    assert "  Councillor R Stone  2 meetings, 0 apologies" in lines
    assert "  Nigel Richardson  1 meeting, 0 apologies  Director of Children's Services" in lines
    assert "Borsetshire Council" not in out


def test_the_list_as_json(db, capsys):
    code, out, _ = run(db, capsys, "--json", "--filter", "stone")
    assert code == 0
    [stone] = json.loads(out)
    assert stone["council"] == "Anyshire County Council"
    assert stone["name"] == "R Stone"
    assert stone["also_written"] == ["Councillor Stone"]
    assert (stone["attended"], stone["apologies"], stone["apology_rate"]) == (2, 0, 0.0)


def test_show_one_person(db, capsys):
    code, out, _ = run(db, capsys, "show", "Cllr J Blake", "--council", "borset")
    assert code == 0
    assert out.startswith("Councillor Judith Blake · Borsetshire Council\n  1 meeting, 0 apologies")
    code, out, _ = run(db, capsys, "show", "Judith Blake", "--council", "anyshire", "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["person"]["apology_rate"] == 0.5
    assert [m["kinds"] for m in shown["meetings"]] == [["apologies"], ["present"]]
    assert shown["declarations"][0]["words"] == (
        "Councillor Judith Blake declared a personal interest as a governor of Hill School."
    )


def test_a_name_meaning_several_people_is_refused(db, capsys):
    code, _, err = run(db, capsys, "show", "Judith Blake")
    assert code == 1
    assert "could be 2 people" in err and "--council" in err


def test_merge_and_split_are_kept_when_the_minutes_are_read_again(db, capsys, minutes):
    code, out, _ = run(db, capsys, "merge", "Pat Quill", "Patricia Quill")
    assert code == 0
    assert out.startswith("Councillor Pat Quill and Councillor Patricia Quill are now one person")
    code, out, _ = run(db, capsys, "split", "Cllr Stone")
    assert code == 0
    assert "is now 2 people" in out
    # a change to the April minutes: read again, its attendance written anew
    april = minutes / "anyshire-2024-04-10.txt"
    april.write_text(april.read_text().replace("Members discussed", "Members noted"))
    assert main(["--db", db, "ingest", str(minutes)]) == 0
    capsys.readouterr()
    code, out, _ = run(db, capsys, "--council", "anyshire")
    assert (
        "  Councillor Patricia Quill  2 meetings, 0 apologies  Chair, Children's Scrutiny Committee"
        in out
    )
    assert "Pat Quill" not in out
    assert "  Councillor R Stone  1 meeting, 0 apologies" in out
    assert "  Councillor Stone  1 meeting, 0 apologies" in out


def test_merging_across_councils_is_refused(db, capsys):
    code, _, err = run(db, capsys, "merge", "Ann Green", "Pat Quill")
    assert code == 1
    assert "never merged across councils" in err
