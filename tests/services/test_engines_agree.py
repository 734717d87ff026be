"""The same minutes, tracker and notes read the same on both engines: a member's SQLite file
and a team store on a real PostgreSQL server built the same way give the same tracker pages
in every order and filter, the same meetings tree, the same Attention screen and the same
briefing pack, word for word. (Search ranks with each engine's own measure, so its order is
compared elsewhere by what it finds, not here.)"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from scrutiny_tui.config import Settings
from scrutiny_tui.services import browse, notes, tracker
from scrutiny_tui.services.attention import attention
from scrutiny_tui.services.briefing import BriefingScope, build_briefing
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.notes import NoteInput
from scrutiny_tui.services.tracker import TrackerQuery
from scrutiny_tui.store.db import Store, open_store
from tests.conftest import DATA_DIR, FIXTURES

TODAY = date(2026, 1, 15)
WHEN = datetime(2026, 1, 10, 9, 30, tzinfo=UTC)


def _fill(store: Store) -> None:
    ingest_paths(store, [DATA_DIR, FIXTURES / "minutes"])
    recommendations = tracker.recommendations_page(store, TrackerQuery(limit=1000)).rows
    for n, row in enumerate(recommendations[:6]):
        tracker.set_status(store, row.uid, ["Slipped", "Achieved", "On track"][n % 3], now=WHEN)
    for row in tracker.actions_page(store, TrackerQuery(limit=1000), today=TODAY).rows[:5]:
        tracker.set_action_done(store, row.uid, True, now=WHEN)
    item = tracker.recommendations_page(store, TrackerQuery(limit=1)).rows[0].uid
    notes.add_note(store, "recommendation", item, NoteInput("Ask for the figures", kind="question"))


@pytest.fixture(scope="module")
def both(pg_server: Any, tmp_path_factory: pytest.TempPathFactory):
    single = open_store(tmp_path_factory.mktemp("file") / "store.db")
    team = open_store(pg_server.new_database())
    for store in (single, team):
        _fill(store)
    yield single, team
    single.close()
    team.close()


def _plain(rows: tuple[Any, ...]) -> list[dict[str, Any]]:
    """Rows without their row ids, which differ between stores."""
    shown = []
    for row in rows:
        values = dataclasses.asdict(row)
        values.pop("item_id", None)
        shown.append(values)
    return shown


def _sorts(columns: tuple[Any, ...]) -> list[tuple[str, bool]]:
    return [("", False)] + [(c.key, d) for c in columns for d in (False, True)]


@pytest.mark.parametrize(("sort", "descending"), _sorts(tracker.ACTIONS.columns))
@pytest.mark.parametrize("show", ["all", "open", "overdue"])
def test_actions_pages_agree(both, sort: str, descending: bool, show: str) -> None:
    query = TrackerQuery(sort=sort, descending=descending, limit=1000)
    pages = [tracker.actions_page(s, query, today=TODAY, show=show) for s in both]  # type: ignore[arg-type]
    assert pages[0].total == pages[1].total > 0
    assert _plain(pages[0].rows) == _plain(pages[1].rows)


@pytest.mark.parametrize(("sort", "descending"), _sorts(tracker.RECOMMENDATIONS.columns))
def test_recommendation_pages_agree(both, sort: str, descending: bool) -> None:
    query = TrackerQuery(sort=sort, descending=descending, limit=1000)
    pages = [tracker.recommendations_page(s, query) for s in both]
    assert pages[0].total == pages[1].total > 0
    assert _plain(pages[0].rows) == _plain(pages[1].rows)


@pytest.mark.parametrize(("sort", "descending"), _sorts(tracker.RESOLUTIONS.columns))
@pytest.mark.parametrize("text", ["", "report", "council budget"])
def test_resolution_pages_agree(both, sort: str, descending: bool, text: str) -> None:
    query = TrackerQuery(text=text, sort=sort, descending=descending, limit=1000)
    pages = [tracker.resolutions_page(s, query) for s in both]
    assert pages[0].total == pages[1].total
    assert _plain(pages[0].rows) == _plain(pages[1].rows)


def test_meetings_tree_agrees(both) -> None:
    groups = [browse.committee_groups(s) for s in both]
    assert [dataclasses.asdict(g) for g in groups[0]] == [dataclasses.asdict(g) for g in groups[1]]
    listed = [browse.list_meetings(s) for s in both]
    strip = {"id", "meeting_id", "document_id"}
    assert [
        {k: v for k, v in dataclasses.asdict(m).items() if k not in strip} for m in listed[0]
    ] == [{k: v for k, v in dataclasses.asdict(m).items() if k not in strip} for m in listed[1]]


def test_attention_agrees(both) -> None:
    statuses = Settings().tracking_statuses
    seen = [attention(s, statuses, today=TODAY) for s in both]

    def without_ids(value: Any) -> Any:
        if dataclasses.is_dataclass(value):
            return {
                k: without_ids(v)
                for k, v in dataclasses.asdict(value).items()  # type: ignore[arg-type]
                if not k.endswith("id")
            }
        if isinstance(value, dict):
            return {k: without_ids(v) for k, v in value.items() if not str(k).endswith("id")}
        if isinstance(value, list | tuple):
            return [without_ids(v) for v in value]
        return value

    assert without_ids(seen[0]) == without_ids(seen[1])


@pytest.mark.parametrize(
    "scope", [BriefingScope(), BriefingScope(committee="Care"), BriefingScope(search="budget")]
)
def test_briefing_packs_agree_word_for_word(both, scope: BriefingScope, tmp_path: Path) -> None:
    packs = [build_briefing(s, scope, today=TODAY, generated_at=WHEN) for s in both]
    assert packs[0].markdown == packs[1].markdown
    assert packs[0].title == packs[1].title and len(packs[0].markdown) > 200
