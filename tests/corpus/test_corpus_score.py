"""The parser scored against the answer keys (``make eval``) stays at or above the figures
recorded in ``floor.yaml``: on the whole meetings written for the tests always, and on the
real corpus excerpts in ``../shared/corpus/`` when they are on this machine."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import evaluate_parser  # noqa: E402

FLOOR = yaml.safe_load((Path(__file__).with_name("floor.yaml")).read_text(encoding="utf-8"))


def _check(which: str) -> None:
    evaluation = evaluate_parser.evaluate(sets=(which,))
    assert evaluation.documents, f"no keyed {which} documents were read"
    floor = FLOOR[which]
    figures = {name: round(tally.f1, 4) for name, tally in evaluation.totals.items()}
    below = {
        name: (figures[name], minimum)
        for name, minimum in floor["fields"].items()
        if figures[name] < minimum
    }
    assert not below, f"fields below their recorded F1 (now, floor): {below}"
    assert evaluation.overall >= floor["overall"]


def test_fixtures_score_at_least_the_recorded_f1() -> None:
    _check("fixtures")


@pytest.mark.skipif(
    not evaluate_parser.CORPUS.exists(),
    reason=f"the real minutes corpus is not on this machine ({evaluate_parser.CORPUS})",
)
def test_corpus_scores_at_least_the_recorded_f1() -> None:
    _check("corpus")


def test_every_corpus_document_is_keyed() -> None:
    keys = yaml.safe_load(evaluate_parser.CORPUS_KEY.read_text(encoding="utf-8"))
    assert len(keys) == 80
    for name, key in keys.items():
        assert key["items"] is not None, name
        assert "meeting" in key, name
    if evaluate_parser.CORPUS.exists():
        on_disk = {path.name for path in evaluate_parser.CORPUS.glob("*.txt")}
        assert on_disk == set(keys)
