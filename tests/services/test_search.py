"""Search: ranked hits with exact highlight ranges; malformed queries never raise."""

from __future__ import annotations

import pytest

from scrutiny_tui.services import search as search_service
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.search import (
    literal_query,
    make_snippet,
    search,
    widened_prefixes,
    word_patterns,
)
from scrutiny_tui.store.db import open_store
from tests.ui.fixture_store import HOSTILE, build_store


@pytest.fixture
def seeds_store(store_target, seed_paths):
    store = open_store(store_target)
    ingest_paths(store, seed_paths)
    yield store
    store.close()


def test_a_word_finds_the_item_that_says_it(seeds_store):
    result = search(seeds_store, "CAMHS")
    assert result.notice is None and result.hits
    # (Records that spell CAMHS out are found too: tests/services/test_acronyms.py.)
    hit = next(h for h in result.hits if h.kind == "item" and "CAMHS" in h.snippet)
    assert hit.item_title == "Integrated Children's Services"
    assert hit.file_name.startswith("002_")
    for start, end in hit.highlights:
        assert hit.snippet[start:end].lower() == "camhs"


def test_the_last_word_matches_as_a_prefix_while_typing(seeds_store):
    assert search(seeds_store, "safeguard").hits
    assert search(seeds_store, "safeguard").hits == search(seeds_store, "safeguard*").hits


@pytest.mark.parametrize("typed", ["safeguardin", "safeguardi", "safeguard", "safeguarding"])
def test_a_word_typed_past_its_stem_still_finds_it(seeds_store, typed):
    # the index keeps "safeguarding" as "safeguard": FTS5 does not stem a prefix
    if seeds_store.engine == "postgresql" and typed in ("safeguardin", "safeguardi"):
        pytest.skip("a team store's stemmer reads a half-typed word as it is (left as it was)")
    assert search(seeds_store, typed).hits
    assert search(seeds_store, f"{typed}*").hits


def test_prefixes_are_widened_to_stems_the_index_holds_and_nothing_else():
    held = {"regener", "safeguard", "overs", "overspend"}
    asked: list[list[str]] = []

    def terms_held(candidates: list[str]) -> set[str]:
        asked.append(candidates)
        return held & set(candidates)

    def prefixes_held(prefixes: list[str]) -> set[str]:
        return {p for p in prefixes if any(term.startswith(p) for term in held)}

    def widened(match: str) -> str:
        return widened_prefixes(match, terms_held, prefixes_held)

    assert widened('"regenerat"*') == '("regenerat"* OR regener*)'
    assert sorted(asked[0], key=len) == ["rege", "regen", "regene", "regener", "regenera"]
    assert widened("Regeneration* AND housing") == "(Regeneration* OR regener*) AND housing"
    assert widened('"overspend"*') == '"overspend"*'  # it begins a term: not "overs*"
    assert widened('"safeguarding board"*') == '"safeguarding board"*'  # a phrase: as typed
    assert widened("counc*") == "counc*"  # no shorter form held: as typed
    assert widened("NEAR(regenerat* town)") == "NEAR(regenerat* town)"


def test_hits_say_what_they_are(seeds_store):
    kinds = {hit.kind for hit in search(seeds_store, "noted", limit=100).hits}
    assert {"resolution", "item"} <= kinds


def test_paging_and_more(seeds_store):
    first = search(seeds_store, "the", limit=3)
    second = search(seeds_store, "the", limit=3, offset=3)
    assert first.more and len(first.hits) == 3
    assert not {h.uid for h in first.hits} & {h.uid for h in second.hits}


@pytest.mark.parametrize("query", ['"AND (', "NEAR(", "*", '"', "AND", "(", ":", "^", "title:"])
def test_malformed_queries_get_a_notice_not_a_traceback(seeds_store, query):
    result = search(seeds_store, query)
    assert result.notice is None or "searched for the words literally" in result.notice
    if query in ('"AND (', "NEAR("):
        assert result.notice


def test_a_blank_query_finds_nothing_quietly(seeds_store):
    assert search(seeds_store, "   ") == search(seeds_store, "")
    assert search(seeds_store, "").hits == ()


def test_hostile_minutes_come_back_as_plain_text(store_target):
    store = build_store(store_target)
    hit = search(store, "overspend").hits[0]
    assert HOSTILE in hit.snippet  # markup and escape sequences kept verbatim, as data
    start, end = hit.highlights[0]
    assert hit.snippet[start:end] == "overspend"


def test_notes_are_found_with_the_item_they_sit_in(store_target):
    store = build_store(store_target)
    with store.write() as conn:
        (item_uid,) = conn.execute("SELECT uid FROM agenda_item LIMIT 1").fetchone()
        conn.execute(
            "INSERT INTO annotation (uuid, target_kind, target_uid, quote_exact,"
            " quote_prefix, quote_suffix, anchor_state, body, kind, priority, tags,"
            " status, created_at, updated_at) VALUES ('n1', 'item', ?, '', '', '',"
            " 'attached', 'Ask about placement sufficiency', 'question', 'high', '[]',"
            " 'open', '2026-01-01', '2026-01-01')",
            (item_uid,),
        )
    hit = search(store, "sufficiency").hits[0]
    assert (hit.kind, hit.uid) == ("note", "n1")
    assert hit.item_id is not None and hit.item_title


def test_past_the_bound_the_newest_matches_come_first_after_the_notes(
    store_target, seed_paths, monkeypatch
):
    store = open_store(store_target)
    ingest_paths(store, seed_paths[:2])
    with store.read() as conn:
        (item_uid,) = conn.execute("SELECT uid FROM agenda_item ORDER BY id LIMIT 1").fetchone()
    ingest_paths(store, seed_paths[2:])  # stored later: newer
    with store.write() as conn:
        conn.execute(
            "INSERT INTO annotation (uuid, target_kind, target_uid, quote_exact,"
            " quote_prefix, quote_suffix, anchor_state, body, kind, priority, tags,"
            " status, created_at, updated_at) VALUES ('n1', 'item', ?, '', '', '',"
            " 'attached', 'the council asked the committee', 'question', 'high', '[]',"
            " 'open', '2026-01-01', '2026-01-01')",
            (item_uid,),
        )
    everything = search(store, "the", limit=1000)
    assert len(everything.hits) > 8 and everything.notice is None
    monkeypatch.setattr(search_service, "RANKED_AT_MOST", 6)
    bounded = search(store, "the", limit=3)
    if store.engine == "postgresql":  # a team store ranks every match
        assert bounded.hits == everything.hits[:3] and bounded.notice is None
        return
    assert bounded.notice and "Over 6 matches" in bounded.notice and bounded.more
    assert len(bounded.hits) == 3
    newest = search(store, "the", limit=6)
    assert "n1" in {hit.uid for hit in newest.hits}  # a note is always among the newest
    with store.read() as conn:
        first_doc_items = {
            uid
            for (uid,) in conn.execute(
                "SELECT r.uid FROM record r WHERE r.document_id = (SELECT min(id) FROM document)"
            )
        }
    assert not first_doc_items & {hit.uid for hit in newest.hits}  # the oldest are left out
    store.close()


def test_snippets_cut_around_the_first_hit_and_mark_every_form_of_the_word():
    text = "x " * 100 + "The report was noted. Officers reported back on reporting lines."
    snippet, spans = make_snippet(text, word_patterns("reports"))
    assert snippet.startswith("…") and "The report was noted." in snippet
    assert [snippet[a:b] for a, b in spans] == ["report", "reported", "reporting"]


def test_operators_are_not_highlighted_as_words():
    assert [p.pattern for p in word_patterns('"rough sleepers" OR homelessness')] == [
        r"\brough\w*",
        r"\bsleeper\w*",
        r"\bhomelessness\w*",
    ]


def test_literal_query_quotes_every_word():
    assert literal_query('"AND ( x') == '"AND" "x"*'
    assert literal_query("()") == ""


def test_words_typed_whole_that_match_past_the_bound_are_the_answer(seeds_store, monkeypatch):
    """A common word typed whole is answered from its own entries, newest first, without
    the prefix: FTS5 would gather every entry of every word the prefix begins first."""
    with seeds_store.write() as conn:  # the newest entry: a note saying "Councillors" only
        (item_uid,) = conn.execute("SELECT uid FROM agenda_item LIMIT 1").fetchone()
        conn.execute(
            "INSERT INTO annotation (uuid, target_kind, target_uid, quote_exact,"
            " quote_prefix, quote_suffix, anchor_state, body, kind, priority, tags,"
            " status, created_at, updated_at) VALUES ('n1', 'item', ?, '', '', '',"
            " 'attached', 'Councillors asked for figures', 'question', 'high', '[]',"
            " 'open', '2026-01-01', '2026-01-01')",
            (item_uid,),
        )
    ranked = search(seeds_store, "council", limit=1000)
    with_longer = {h.uid for h in ranked.hits if "councillor" in h.snippet.lower()}
    assert ranked.notice is None and with_longer  # "council" as a prefix finds "councillor"
    monkeypatch.setattr(search_service, "RANKED_AT_MOST", 4)
    typed = search(seeds_store, "council", limit=3)
    if seeds_store.engine == "postgresql":  # a team store ranks every match
        assert typed.hits == ranked.hits[:3]
        return
    assert typed.notice and "Over 4 matches" in typed.notice
    assert typed.hits == search(seeds_store, '"council"', limit=3).hits  # the word, whole
    assert "n1" not in {h.uid for h in typed.hits}
    half_typed = search(seeds_store, "councillo", limit=1000)  # a word half typed: a prefix
    assert half_typed.hits and all("councillo" in h.snippet.lower() for h in half_typed.hits)
