"""Score the minutes parser against the answer keys: ``make eval``.

The keys (``tests/corpus/key.yaml`` for the real excerpts in ``../shared/corpus/``,
``tests/corpus/fixtures_key.yaml`` for the whole meetings written for the tests) say what a
careful reader finds in each document; ``tests/corpus/KEYING.md`` says how they were judged.
Each document is read exactly as ``scrutiny parse --json`` reads it, and compared field by
field. Figures are micro-averaged over documents (true and false positives summed first);
the overall figure is the mean of the fields' F1.

    python scripts/evaluate_parser.py              # the table, per field and the 20 worst
    python scripts/evaluate_parser.py --doc 018    # one document, key beside the parse
    python scripts/evaluate_parser.py --json       # the figures as JSON
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_KEY = ROOT / "tests" / "corpus" / "key.yaml"
FIXTURES = ROOT / "tests" / "fixtures" / "minutes"
FIXTURES_KEY = ROOT / "tests" / "corpus" / "fixtures_key.yaml"

FIELDS = (
    "items",
    "numbers",
    "titles",
    "resolutions",
    "recommendations",
    "dues",
    "meeting",
    "present",
    "apologies",
)
TITLE_MATCH = 85.0  # rapidfuzz ratio (0-100) at which a title counts as the key's title
_HONOURS = {"obe", "mbe", "cbe", "jp", "dl", "bem", "qc", "kc", "frs", "mp", "mla", "msp"}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def seen(self) -> bool:
        return bool(self.tp or self.fp or self.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        if not self.seen:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


@dataclass
class DocumentScore:
    name: str
    tallies: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    items_read: int = 0

    @property
    def f1(self) -> float:
        seen = [t.f1 for t in self.tallies.values() if t.seen]
        return sum(seen) / len(seen) if seen else 1.0


# ---- reading the keys and the parses ---------------------------------------------------


def load_keys(
    corpus: Path = CORPUS, sets: tuple[str, ...] = ("corpus", "fixtures")
) -> list[tuple[str, Path, dict[str, Any]]]:
    """(name, path, key) for every keyed document present on this machine."""
    found: list[tuple[str, Path, dict[str, Any]]] = []
    chosen = [
        (key_file, folder)
        for name, key_file, folder in (
            ("corpus", CORPUS_KEY, corpus),
            ("fixtures", FIXTURES_KEY, FIXTURES),
        )
        if name in sets
    ]
    for key_file, folder in chosen:
        if not key_file.exists():
            continue
        keys = yaml.safe_load(key_file.read_text(encoding="utf-8")) or {}
        for name, key in sorted(keys.items()):
            path = folder / name
            if path.exists():
                found.append((name, path, key))
    return found


def parse_path(path: Path) -> dict[str, Any]:
    """The document as ``scrutiny parse --json`` gives it."""
    from scrutiny_tui.extract import load_document
    from scrutiny_tui.parser import parse_text

    document = load_document(path)
    parsed = parse_text(
        document.text,
        source=str(path),
        sha256=document.sha256,
        format=document.format,
        metadata=document.metadata,
    )
    return parsed.to_json()


# ---- comparing -------------------------------------------------------------------------


def _plain(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return " ".join(re.sub(r"[^\w'&/]+", " ", text).split())


def _number(number: Any) -> str:
    if number is None:
        return ""
    return re.sub(r"[\s.:]+$", "", str(number).strip()).lstrip("*").lower()


def _title_score(predicted: str | None, keyed: str | None) -> float:
    a, b = _plain(predicted), _plain(keyed)
    if not a or not b:
        return 0.0
    return float(fuzz.ratio(a, b))


def _pair_score(predicted: dict[str, Any], keyed: dict[str, Any]) -> float:
    """How well a parsed item stands for a keyed one (0: not at all)."""
    same_number = bool(_number(keyed.get("number"))) and _number(
        predicted.get("number")
    ) == _number(keyed.get("number"))
    title = _title_score(predicted.get("title"), keyed.get("title"))
    partial = float(fuzz.partial_ratio(_plain(predicted.get("title")), _plain(keyed.get("title"))))
    if same_number:
        return 2.0 + title / 100
    if title >= 60 or (partial >= 90 and min(len(_plain(keyed.get("title"))), 99) >= 8):
        return 1.0 + title / 100
    if not keyed.get("title") and not keyed.get("number"):
        return 0.5  # an untitled, unnumbered item: matched by its place in the order
    return 0.0


def align(predicted: list[dict[str, Any]], keyed: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Order-keeping alignment of parsed items to keyed items maximising the match scores."""
    rows, cols = len(predicted), len(keyed)
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            score = _pair_score(predicted[i], keyed[j])
            take = best[i + 1][j + 1] + score if score > 0 else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < rows and j < cols:
        score = _pair_score(predicted[i], keyed[j])
        if score > 0 and best[i][j] == best[i + 1][j + 1] + score:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _multiset(tally: Tally, predicted: Iterable[str], keyed: Iterable[str]) -> None:
    p, k = Counter(predicted), Counter(keyed)
    common = sum((p & k).values())
    tally.tp += common
    tally.fp += sum(p.values()) - common
    tally.fn += sum(k.values()) - common


# "Ambrose, S", "Coonan, N.J", "Murphy, Marie": a list printed surname first
_SURNAME_FIRST = re.compile(r"^(?P<surname>[^,]+),\s*(?:[A-Z][a-z]{0,5}\.?\s*){1,3}$")


def _surname(name: str) -> str:
    name = re.sub(r"\([^()]*\)", " ", name)  # "McGrath (Rocky), J": a nickname
    surname_first = _SURNAME_FIRST.match(name.strip())
    if surname_first:
        name = surname_first["surname"]
    words = [w for w in re.split(r"[\s,]+", _plain(name)) if w and w not in _HONOURS]
    words = [w for w in words if not re.fullmatch(r"\(.*|.*\)", w)]
    return words[-1] if words else ""


def _names(people: Iterable[Any]) -> list[str]:
    names = []
    for person in people:
        name = person.get("name") if isinstance(person, dict) else person
        surname = _surname(str(name or ""))
        if surname:
            names.append(surname)
    return names


def _fact_matches(name: str, predicted: str | None, keyed: str) -> bool:
    if predicted is None:
        return False
    if name == "date":
        return str(predicted) == str(keyed)
    a, b = _plain(predicted), _plain(keyed)
    return bool(a) and (a == b or fuzz.token_set_ratio(a, b) >= 90)


def score_document(name: str, parsed: dict[str, Any], key: dict[str, Any]) -> DocumentScore:
    score = DocumentScore(name)
    t = score.tallies
    predicted_items: list[dict[str, Any]] = parsed.get("items", [])
    keyed_items: list[dict[str, Any]] = key.get("items") or []
    score.items_read = len(predicted_items)
    pairs = align(predicted_items, keyed_items)
    matched_p = {i for i, _ in pairs}
    matched_k = {j for _, j in pairs}

    t["items"].tp += len(pairs)
    t["items"].fp += len(predicted_items) - len(pairs)
    t["items"].fn += len(keyed_items) - len(pairs)

    number_tp = sum(
        1
        for i, j in pairs
        if _number(keyed_items[j].get("number"))
        and _number(predicted_items[i].get("number")) == _number(keyed_items[j].get("number"))
    )
    t["numbers"].tp += number_tp
    t["numbers"].fn += sum(1 for k in keyed_items if _number(k.get("number"))) - number_tp
    t["numbers"].fp += sum(1 for p in predicted_items if _number(p.get("number"))) - number_tp

    title_tp = sum(
        1
        for i, j in pairs
        if keyed_items[j].get("title")
        and _title_score(predicted_items[i].get("title"), keyed_items[j].get("title"))
        >= TITLE_MATCH
    )
    untitled_pairs = sum(1 for _, j in pairs if not keyed_items[j].get("title"))
    t["titles"].tp += title_tp
    t["titles"].fn += sum(1 for k in keyed_items if k.get("title")) - title_tp
    t["titles"].fp += len(predicted_items) - untitled_pairs - title_tp

    for i, j in pairs:
        p, k = predicted_items[i], keyed_items[j]
        _count(t["resolutions"], len(p.get("resolutions", [])), int(k.get("resolutions") or 0))
        _multiset(
            t["recommendations"],
            (_number(r.get("ref")) for r in p.get("recommendations", []) if r.get("ref")),
            (_number(ref) for ref in k.get("recommendations") or []),
        )
    for i, p in enumerate(predicted_items):
        if i not in matched_p:
            t["resolutions"].fp += len(p.get("resolutions", []))
            t["recommendations"].fp += sum(1 for r in p.get("recommendations", []) if r.get("ref"))
    for j, k in enumerate(keyed_items):
        if j not in matched_k:
            t["resolutions"].fn += int(k.get("resolutions") or 0)
            t["recommendations"].fn += len(k.get("recommendations") or [])

    _multiset(
        t["dues"],
        (str(a["due"]) for p in predicted_items for a in p.get("actions", []) if a.get("due")),
        (str(due) for k in keyed_items for due in k.get("dues") or []),
    )

    meeting_key = key.get("meeting") or {}
    meeting = parsed.get("meeting") or {}
    for fact, parsed_fact in (("council", "council"), ("committee", "body"), ("date", "date")):
        keyed_value, predicted_value = meeting_key.get(fact), meeting.get(parsed_fact)
        if keyed_value:
            if _fact_matches(fact, predicted_value, str(keyed_value)):
                t["meeting"].tp += 1
            else:
                t["meeting"].fn += 1
                t["meeting"].fp += predicted_value is not None
        elif predicted_value is not None:
            t["meeting"].fp += 1
    _multiset(
        t["present"], _names(meeting.get("present", [])), _names(meeting_key.get("present") or [])
    )
    _multiset(
        t["apologies"],
        _names(meeting.get("apologies", [])),
        _names(meeting_key.get("apologies") or []),
    )
    return score


def _count(tally: Tally, predicted: int, keyed: int) -> None:
    tally.tp += min(predicted, keyed)
    tally.fp += max(0, predicted - keyed)
    tally.fn += max(0, keyed - predicted)


# ---- the run ---------------------------------------------------------------------------


@dataclass
class Evaluation:
    documents: list[DocumentScore]
    totals: dict[str, Tally]
    seconds: float

    @property
    def overall(self) -> float:
        return sum(t.f1 for t in self.totals.values()) / len(self.totals)

    def as_json(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            "overall_f1": round(self.overall, 4),
            "fields": {
                name: {
                    "precision": round(t.precision, 4),
                    "recall": round(t.recall, 4),
                    "f1": round(t.f1, 4),
                    "tp": t.tp,
                    "fp": t.fp,
                    "fn": t.fn,
                }
                for name, t in self.totals.items()
            },
            "per_document": {d.name: round(d.f1, 4) for d in self.documents},
        }


def evaluate(
    corpus: Path = CORPUS, only: str | None = None, sets: tuple[str, ...] = ("corpus", "fixtures")
) -> Evaluation:
    totals = {f: Tally() for f in FIELDS}
    documents: list[DocumentScore] = []
    started = time.perf_counter()
    for name, path, key in load_keys(corpus, sets):
        if only and only not in name:
            continue
        document = score_document(name, parse_path(path), key)
        documents.append(document)
        for field_name, tally in document.tallies.items():
            totals[field_name].add(tally)
    return Evaluation(documents, totals, time.perf_counter() - started)


def table(evaluation: Evaluation, worst: int = 20) -> str:
    lines = [
        f"{len(evaluation.documents)} documents read in {evaluation.seconds:.2f} s",
        "",
        f"{'field':<16}{'precision':>10}{'recall':>8}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}",
    ]
    for name, t in evaluation.totals.items():
        lines.append(
            f"{name:<16}{t.precision:>10.3f}{t.recall:>8.3f}{t.f1:>7.3f}{t.tp:>6}{t.fp:>6}{t.fn:>6}"
        )
    lines.append(f"{'overall (mean F1)':<38}{evaluation.overall:>7.3f}")
    lines += ["", f"the {worst} worst documents (mean F1 of their fields):"]
    for document in sorted(evaluation.documents, key=lambda d: d.f1)[:worst]:
        weak = ", ".join(
            f"{n} {t.f1:.2f}" for n, t in document.tallies.items() if t.seen and t.f1 < 1.0
        )
        lines.append(f"  {document.f1:.2f}  {document.name}  ({weak})")
    return "\n".join(lines)


def detail(name: str, corpus: Path = CORPUS) -> str:
    """One document: each keyed item beside the parsed item it was matched with."""
    documents = load_keys(corpus)
    chosen = [d for d in documents if d[0].startswith(name)] or [
        d for d in documents if name in d[0]
    ]
    for doc_name, path, key in chosen[:1]:
        parsed = parse_path(path)
        predicted, keyed = parsed["items"], key.get("items") or []
        pairs = dict((j, i) for i, j in align(predicted, keyed))
        out = [doc_name, f"meeting key:    {key.get('meeting')}"]
        meeting = parsed["meeting"]
        out.append(
            "meeting parsed: "
            + str({k: meeting[k] for k in ("council", "body", "date")})
            + f" present={_names(meeting['present'])} apologies={_names(meeting['apologies'])}"
        )
        used = set(pairs.values())
        for j, k in enumerate(keyed):
            p = predicted[pairs[j]] if j in pairs else None
            out.append(
                f"  key {k.get('number')!s:>8} {str(k.get('title'))[:50]:<50} "
                f"res={k.get('resolutions', 0)} recs={k.get('recommendations') or []} "
                f"dues={k.get('dues') or []}"
            )
            if p is None:
                out.append("      (not found)")
            else:
                out.append(
                    f"      got {p['number']!s:>4} {p['title'][:50]:<50} "
                    f"res={len(p['resolutions'])} "
                    f"recs={[r['ref'] for r in p['recommendations']]} "
                    f"dues={[a['due'] for a in p['actions'] if a['due']]}"
                )
        for i, p in enumerate(predicted):
            if i not in used:
                out.append(
                    f"  extra {p['number']!s:>6} {p['title'][:60]} res={len(p['resolutions'])}"
                )
        out += [f"  warning: {w}" for w in parsed["warnings"]]
        return "\n".join(out)
    return f"no keyed document matches {name!r}"


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--corpus", type=Path, default=CORPUS)
    options.add_argument("--doc", help="show one document (any part of its name)")
    options.add_argument("--json", action="store_true")
    options.add_argument(
        "--set",
        choices=("corpus", "fixtures", "all"),
        default="all",
        help="score the real excerpts, the test fixtures, or both (the default)",
    )
    args = options.parse_args(argv)
    if not args.corpus.exists():
        print(f"note: {args.corpus} is absent; scoring the test fixtures only", file=sys.stderr)
    if args.doc:
        print(detail(args.doc, args.corpus))
        return 0
    if args.json:
        sets = ("corpus", "fixtures") if args.set == "all" else (args.set,)
        print(json.dumps(evaluate(args.corpus, sets=sets).as_json(), indent=2))
        return 0
    if args.set == "all":
        for title, sets in (("the corpus", ("corpus",)), ("the test fixtures", ("fixtures",))):
            print(f"== {title}")
            print(table(evaluate(args.corpus, sets=sets), worst=20 if sets == ("corpus",) else 5))
            print()
    else:
        print(table(evaluate(args.corpus, sets=(args.set,))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
