"""Write tests/corpus/floor.yaml from the parser's figures now (after `make eval` shows a gain).

    python scripts/record_floor.py
"""

from __future__ import annotations

import math
from pathlib import Path

import yaml
from evaluate_parser import CORPUS, evaluate

FLOOR = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "floor.yaml"


def main() -> int:
    floor = {}
    for which in ("corpus", "fixtures"):
        if which == "corpus" and not CORPUS.exists():
            continue
        evaluation = evaluate(sets=(which,))
        # two decimals, rounded down: the test allows no fall below what was measured
        floor[which] = {
            "overall": math.floor(evaluation.overall * 100) / 100,
            "fields": {n: math.floor(t.f1 * 100) / 100 for n, t in evaluation.totals.items()},
        }
    header = (
        "# The parser's F1 on the keyed documents may not fall below these figures\n"
        "# (tests/corpus/test_corpus_score.py). Raise them as the parser improves:\n"
        "# make eval, then python scripts/record_floor.py.\n"
    )
    FLOOR.write_text(header + yaml.safe_dump(floor, sort_keys=False), encoding="utf-8")
    print(FLOOR.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
