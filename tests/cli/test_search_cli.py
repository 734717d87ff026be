"""`scrutiny search` names an agenda item as the minutes print it, never by a row id."""

from __future__ import annotations

import json
import re

from scrutiny_tui.cli import main
from scrutiny_tui.services.search import search
from scrutiny_tui.store.db import open_store


def ingest(seed_paths, db_path, capsys) -> None:
    assert main(["--db", str(db_path), "ingest", *map(str, seed_paths)]) == 0
    capsys.readouterr()


def test_search_names_the_item_by_its_printed_number(seed_paths, db_path, capsys):
    ingest(seed_paths, db_path, capsys)
    assert main(["--db", str(db_path), "search", "Redesign", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    # seed 001 prints its item as "63 Redesign of Children's Services"
    assert "item 63 Redesign of Children's Services" in out
    store = open_store(db_path)
    try:
        hit = search(store, "Redesign", limit=1).hits[0]
    finally:
        store.close()
    assert hit.item_number == "63" and hit.item_id != 63
    assert f"item {hit.item_id})" not in out and not re.search(r"\(item \d+\)", out)


def test_search_names_an_unnumbered_item_by_its_title(seed_paths, db_path, capsys):
    ingest(seed_paths, db_path, capsys)
    assert main(["--db", str(db_path), "search", "CAMHS"]) == 0
    out = capsys.readouterr().out
    assert "item: Integrated Children's Services" in out
    assert not re.search(r"\(item \d+\)", out)


def test_search_json_gives_a_stable_item_uid_and_the_printed_number(seed_paths, db_path, capsys):
    ingest(seed_paths, db_path, capsys)
    assert main(["--db", str(db_path), "search", "Redesign", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits
    first = hits[0]
    assert "item_id" not in first
    assert first["item_number"] == "63"
    assert first["item_uid"].startswith("doc:") and first["item_uid"].endswith("#item:63")
    assert first["uid"].startswith(first["item_uid"])
