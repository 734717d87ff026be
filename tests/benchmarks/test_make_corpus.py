"""The benchmark corpus generator: exact item counts, deterministic output, parseable files."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load_generator() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("make_corpus", BENCHMARKS / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    return module


make_corpus = load_generator()


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(folder)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@pytest.mark.parametrize("n", [1, 4, 5, 97, 400])
def test_files_hold_exactly_the_items_asked_for(tmp_path: Path, n: int) -> None:
    manifest = make_corpus.make_corpus(n, tmp_path, seed=7, jobs=1)
    files = manifest["files"]
    assert sum(f["items"] for f in files) == n
    root = tmp_path / manifest["root"]
    on_disk = sorted(str(p.relative_to(root)) for p in root.rglob("*.txt"))
    assert on_disk == sorted(f["path"] for f in files)
    for entry in files:
        if entry["kind"] == "meeting":
            assert 5 <= entry["items"] <= 15
        else:
            assert entry["items"] == 1


def test_same_seed_same_bytes_whatever_the_workers(tmp_path: Path) -> None:
    make_corpus.make_corpus(1200, tmp_path / "one", seed=3, jobs=1)
    make_corpus.make_corpus(1200, tmp_path / "two", seed=3, jobs=2)
    make_corpus.make_corpus(1200, tmp_path / "other", seed=4, jobs=1)
    assert digest(tmp_path / "one") == digest(tmp_path / "two")
    assert digest(tmp_path / "one") != digest(tmp_path / "other")


def test_about_five_kilobytes_an_item_across_many_councils_and_years(tmp_path: Path) -> None:
    manifest = make_corpus.make_corpus(600, tmp_path, seed=11, jobs=1)
    root = tmp_path / manifest["root"]
    size = sum((root / f["path"]).stat().st_size for f in manifest["files"])
    assert 3500 <= size / 600 <= 7000
    assert len({f["council"] for f in manifest["files"]}) >= 15
    assert len({f["date"][:4] for f in manifest["files"]}) >= 12
    assert {"meeting", "page"} <= {f["kind"] for f in manifest["files"]}


def test_folders_are_sharded_at_a_thousand_files() -> None:
    counts: Counter[str] = Counter()
    folders = [make_corpus.shard("a/b/2016", 15, counts) for _ in range(200)]
    assert max(counts.values()) <= make_corpus.FILES_PER_FOLDER
    # 66 meetings of 15 pages fit a folder (990 files), so 200 need four folders
    assert sorted(set(folders)) == ["a/b/2016", "a/b/2016-2", "a/b/2016-3", "a/b/2016-4"]


def test_resolution_styles_and_dated_actions_all_appear(tmp_path: Path) -> None:
    manifest = make_corpus.make_corpus(800, tmp_path, seed=5, jobs=1)
    root = tmp_path / manifest["root"]
    text = "\n".join((root / f["path"]).read_text(encoding="utf-8") for f in manifest["files"])
    for style in (
        "RESOLVED – That\n(a)",
        "RESOLVED: that",
        "AGREED that",
        "Resolved:-\n1.",
        "RECOMMENDED – That",
        "RESOLVED that\n(i)",
        "The Committee resolved:-\na)",
        "Recommendation ",
        "Report ",
        "Agenda item",
        "Meeting: ",
        "Present:",
    ):
        assert style in text, style
    assert "to the meeting of the" in text
    assert " on 10th " in text or " on 10 " in text


def test_every_file_parses_to_the_items_it_was_written_with(tmp_path: Path) -> None:
    parse_text = pytest.importorskip("scrutiny_tui.parser").parse_text
    manifest = make_corpus.make_corpus(300, tmp_path, seed=9, jobs=1)
    root = tmp_path / manifest["root"]
    due_dates: set[int] = set()
    for entry in manifest["files"]:
        parsed = parse_text((root / entry["path"]).read_text(encoding="utf-8"))
        assert len(parsed.items) == entry["items"], entry["path"]
        assert parsed.meeting.date == entry["date"], entry["path"]
        assert parsed.meeting.body == entry["committee"], entry["path"]
        if entry["kind"] == "meeting":
            assert parsed.meeting.council == entry["council"], entry["path"]
        due_dates |= {len(a.due or "") for item in parsed.items for a in item.actions}
    assert {7, 10} <= due_dates  # actions due in a month ("2017-04") and on a day
