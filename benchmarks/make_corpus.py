"""Write a synthetic archive of UK council scrutiny minutes for the benchmarks.

    python benchmarks/make_corpus.py N OUT [--seed S] [--jobs J]

writes files totalling exactly N agenda items under ``OUT/minutes/COUNCIL/COMMITTEE/YYYY/``
(at most 1,000 files a folder) and ``OUT/manifest.json`` listing every file with the number
of items it holds. About 70% of meetings are whole-meeting minutes files (5-15 numbered
items: apologies, declarations, minutes, substantive items, work programme); the rest are
archived as single ModernGov "Agenda item" pages, one file per item.

The output depends only on N and the seed: the meeting plan comes from ``random.Random(seed)``
and each meeting is written from its own seed drawn from that plan, so the number of worker
processes does not change a byte.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import vocabulary as v  # this folder is not a package

FILES_PER_FOLDER = 1000
PAGE_SHARE = 0.3  # share of meetings archived as one page per agenda item
FIRST_DAY = date(2008, 1, 1).toordinal()
LAST_DAY = date(2026, 12, 31).toordinal()
SENTENCE_POOL = 6000
NBSP_LINE = "\u00a0"
MANIFEST = "manifest.json"
MINUTES = "minutes"


# ---- the plan: which meetings, where, how many items ------------------------------------


@dataclass(frozen=True, slots=True)
class Committee:
    council: str
    name: str
    area: str
    number_style: str  # "dot", "plain", "slash", "star"
    resolution_styles: tuple[int, ...]
    upper_titles: bool


@dataclass(frozen=True, slots=True)
class MeetingPlan:
    index: int
    committee: Committee
    day: int  # date ordinal
    items: int
    as_pages: bool
    first_number: int
    seed: int
    folder: str  # relative to OUT/minutes


@dataclass(frozen=True, slots=True)
class FileEntry:
    path: str  # relative to OUT/minutes
    items: int
    kind: str  # "meeting" or "page"
    council: str
    committee: str
    date: str


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def make_committees(rng: random.Random) -> list[Committee]:
    committees = []
    for council in v.COUNCILS:
        for name, area in rng.sample(v.COMMITTEES, rng.randint(4, 9)):
            committees.append(
                Committee(
                    council=council,
                    name=name,
                    area=area,
                    number_style=rng.choice(("dot", "dot", "plain", "slash", "star")),
                    resolution_styles=tuple(rng.sample(range(len(RESOLUTION_STYLES)), 4)),
                    upper_titles=rng.random() < 0.2,
                )
            )
    return committees


def plan_meetings(n_items: int, seed: int) -> list[MeetingPlan]:
    """Meetings until exactly ``n_items`` agenda items, each with a folder of its own shard."""
    rng = random.Random(seed)
    committees = make_committees(rng)
    weights = [rng.uniform(0.3, 3.0) for _ in committees]
    folder_counts: Counter[str] = Counter()
    plans: list[MeetingPlan] = []
    remaining = n_items
    while remaining > 0:
        committee = rng.choices(committees, weights)[0]
        day = rng.randint(FIRST_DAY, LAST_DAY)
        items = min(rng.randint(5, 15), remaining)
        as_pages = items < 5 or rng.random() < PAGE_SHARE
        files = items if as_pages else 1
        base = "/".join(
            (slug(committee.council), slug(committee.name), str(date.fromordinal(day).year))
        )
        folder = shard(base, files, folder_counts)
        plans.append(
            MeetingPlan(
                index=len(plans),
                committee=committee,
                day=day,
                items=items,
                as_pages=as_pages,
                first_number=rng.randint(1, 400),
                seed=rng.getrandbits(63),
                folder=folder,
            )
        )
        remaining -= items
    return plans


def shard(base: str, files: int, counts: Counter[str]) -> str:
    """The first ``base``, ``base-2``, ``base-3``… folder with room for ``files`` more."""
    folder, k = base, 1
    while counts[folder] + files > FILES_PER_FOLDER:
        k += 1
        folder = f"{base}-{k}"
    counts[folder] += files
    return folder


# ---- writing one meeting ----------------------------------------------------------------


def build_sentence_pool(seed: int) -> list[str]:
    """Discussion sentences with their numbers and names filled, {T} and {O} left open."""
    rng = random.Random(seed ^ 0x5E17E11CE)
    pool = []
    for _ in range(SENTENCE_POOL):
        template = rng.choice(v.SENTENCES)
        pool.append(
            template.format(
                T="{T}",
                O="{O}",
                pct=rng.randint(3, 98),
                pct2=rng.randint(50, 99),
                metric=rng.choice(v.METRICS),
                plan=rng.choice(v.PLANS),
                adj=rng.choice(v.ADJECTIVES),
                month=rng.choice(v.MONTHS),
                year=rng.randint(2007, 2026),
                money=f"{rng.uniform(0.2, 60):.1f}",
                small=rng.randint(2, 900),
                days=rng.randint(2, 60),
                count=rng.randint(12, 4000),
                count2=rng.randint(12, 4000),
                ward=rng.choice(v.WARDS),
                partner=rng.choice(v.PARTNERS),
                partner2=rng.choice(v.PARTNERS),
                clients=rng.choice(v.CLIENTS),
                staff=rng.choice(v.STAFF),
                prog=rng.choice(v.PROGRAMMES),
            )
        )
    return pool


def ordinal_suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def long_date(d: date, rng: random.Random) -> str:
    month = v.MONTHS[d.month - 1]
    if rng.random() < 0.5:
        return f"{d.day}{ordinal_suffix(d.day)} {month} {d.year}"
    return f"{d.day} {month} {d.year}"


class MeetingWriter:
    """Builds the text of one meeting's items from its own random stream."""

    def __init__(self, plan: MeetingPlan, pool: list[str]) -> None:
        self.plan = plan
        self.c = plan.committee
        self.rng = random.Random(plan.seed)
        self.pool = pool
        self.date = date.fromordinal(plan.day)
        self.members = [self.person() for _ in range(self.rng.randint(6, 12))]

    # -- small pieces

    def person(self) -> str:
        return f"{self.rng.choice(v.FIRST_NAMES)} {self.rng.choice(v.SURNAMES)}"

    def officer(self) -> str:
        pool = v.OFFICERS[self.c.area] + v.OFFICERS["general"]
        return self.rng.choice(pool)

    def item_number(self, ordinal: int) -> str:
        n = self.plan.first_number + ordinal
        style = self.c.number_style
        if style == "slash":
            return f"{n}/{self.date.year % 100:02d}"
        if style == "star" and self.rng.random() < 0.3:
            return f"*{n}"
        return f"{n}." if style == "dot" else str(n)

    def topic_title(self) -> tuple[str, str]:
        topic = self.rng.choice(v.TOPICS[self.c.area])
        y = self.date.year - (self.date.month < 4)
        form = self.rng.choice(v.TITLE_FORMS)
        if "Report" in topic and "Report" in form:
            form = "{t}"
        title = form.format(t=topic, q=self.rng.randint(1, 4), y=y, yy=f"{(y + 1) % 100:02d}")
        return topic, title

    def due(self) -> tuple[str, bool]:
        """A due date after the meeting: ("10th January 2016", True) or ("April 2017", False)."""
        d = self.date + timedelta(days=self.rng.randint(21, 330))
        if self.rng.random() < 0.5:
            return long_date(d, self.rng), True
        return f"{v.MONTHS[d.month - 1]} {d.year}", False

    def action_clause(self, topic: str, officer: str) -> str:
        due, dated = self.due()
        templates = v.ACTION_DATED if dated else v.ACTION_MONTH
        body = self.c.name if dated or self.rng.random() < 0.4 else self.rng.choice(v.OTHER_BODIES)
        return self.fill(self.rng.choice(templates), topic, officer).format(body=body, due=due)

    @staticmethod
    def fill(text: str, topic: str, officer: str) -> str:
        return text.replace("{T}", topic).replace("{O}", officer)

    def sentences(self, k: int, topic: str, officer: str) -> list[str]:
        return [self.fill(s, topic, officer) for s in self.rng.choices(self.pool, k=k)]

    def paragraph(self, topic: str, officer: str) -> str:
        return " ".join(self.sentences(self.rng.randint(3, 7), topic, officer))

    # -- item bodies

    def attendees(self) -> list[str]:
        area = v.AREA_TITLES[self.c.area]
        lines = []
        for _ in range(self.rng.randint(1, 2)):
            role = self.rng.choice(v.EXECUTIVE_ROLES).format(a=area)
            lines.append(f"Councillor {self.person()}, {role}")
        for _ in range(self.rng.randint(1, 4)):
            lines.append(f"{self.person()}, {self.officer()}")
        return lines

    def discussion_bullets(self, topic: str, officer: str, rec_numbers: list[int]) -> list[str]:
        bullets = self.sentences(self.rng.randint(3, 7), topic, officer)
        for number in rec_numbers:
            body = self.fill(self.rng.choice(v.RECOMMENDATION_BODIES), topic, officer).format(
                clients=self.rng.choice(v.CLIENTS),
                prog=self.rng.choice(v.PROGRAMMES),
                metric=self.rng.choice(v.METRICS),
            )
            dash = self.rng.choice(("–", "-"))
            bullets.insert(
                self.rng.randint(0, len(bullets)), f"Recommendation {number} {dash} {body}"
            )
        if self.rng.random() < 0.35:
            request = self.action_clause(topic, officer)
            bullets.append(f"The Chairman requested that {request}.")
        return bullets

    def resolution(self, topic: str, officer: str) -> str:
        clauses = [self.fill(self.rng.choice(v.NOTED_CLAUSES), topic, officer)]
        for _ in range(self.rng.randint(0, 3)):
            if self.rng.random() < 0.55:
                clauses.append(self.action_clause(topic, officer))
            else:
                clauses.append(self.other_clause(topic, officer))
        style = RESOLUTION_STYLES[self.rng.choice(self.c.resolution_styles)]
        return style(self, clauses)

    def other_clause(self, topic: str, officer: str) -> str:
        template = self.fill(self.rng.choice(v.OTHER_CLAUSES), topic, officer)
        return template.format(
            para=f"{self.rng.randint(2, 4)}.{self.rng.randint(1, 9)}",
            partner=self.rng.choice(v.PARTNERS),
            plan=self.rng.choice(v.PLANS),
        )

    def substantive_body(self, topic: str, officer: str) -> list[str]:
        """Paragraphs of one substantive item, blank-line separated by the caller."""
        parts: list[str] = []
        if self.rng.random() < 0.5:
            prefix = self.rng.choice(("CS", "ES", "FSD", "HPR", "DRR", "CEX", "ACS"))
            parts.append(f"Report {prefix}{self.date.year % 100:02d}{self.rng.randint(0, 999):03d}")
        parts.append(
            f"The {officer} submitted a report which outlined {topic} and the response to the "
            f"recommendations of the {self.c.name}."
        )
        if self.rng.random() < 0.6:
            lead = self.rng.choice(
                (
                    "The following representatives were in attendance and responded to "
                    "Members' queries and comments:",
                    "In attendance for this item:",
                )
            )
            parts.append(lead)
            parts.extend(f"-  {line}" for line in self.attendees())
        for _ in range(self.rng.randint(3, 6)):
            parts.append(self.paragraph(topic, officer))
        rec_numbers = sorted(self.rng.sample(range(1, 15), self.rng.randint(0, 2)))
        marker = self.rng.choice(("·  ", "•  ", "-  ", "*  ", "·                    "))
        parts.append(
            self.rng.choice(
                (
                    "The key areas of discussion were:",
                    "During the discussion, the following points and queries were raised:",
                    "Members discussed the report and the following points were raised:",
                )
            )
        )
        parts.extend(f"{marker}{b}" for b in self.discussion_bullets(topic, officer, rec_numbers))
        for _ in range(self.rng.randint(2, 5)):
            parts.append(self.paragraph(topic, officer))
        parts.append(self.resolution(topic, officer))
        return parts

    def procedural_items(self) -> list[tuple[str, list[str]]]:
        previous = self.date - timedelta(days=self.rng.randint(28, 70))
        apologies = self.rng.sample(self.members, 2)
        items = [
            (
                "Apologies for absence",
                [
                    f"Apologies for absence were received from Councillor {apologies[0]}"
                    f" and Councillor {apologies[1]}."
                    if self.rng.random() < 0.7
                    else "There were no apologies for absence."
                ],
            ),
            (
                "Declarations of interest",
                [
                    "There were no declarations of interest."
                    if self.rng.random() < 0.6
                    else f"Councillor {self.rng.choice(self.members)} declared a non-pecuniary "
                    "interest as a governor of a local school."
                ],
            ),
            (
                "Minutes of the previous meeting",
                [
                    f"RESOLVED – That the minutes of the meeting held on "
                    f"{long_date(previous, self.rng)} be agreed as a correct record."
                ],
            ),
        ]
        return items

    def closing_items(self) -> list[tuple[str, list[str]]]:
        topic = self.rng.choice(v.TOPICS[self.c.area])
        then = self.date + timedelta(days=self.rng.randint(60, 240))
        when = f"{v.MONTHS[then.month - 1]} {then.year}"
        later = self.date + timedelta(days=self.rng.randint(28, 63))
        return [
            (
                "Work Programme",
                [
                    f"RESOLVED: that the work programme be agreed, subject to the addition of "
                    f"an item on {topic} at the meeting in {when}."
                ],
            ),
            (
                "Date of next meeting",
                [f"The next meeting will be held on {long_date(later, self.rng)} at 7.00 pm."],
            ),
        ]

    # -- whole files

    def title_case(self, title: str) -> str:
        return title.upper() if self.c.upper_titles else title

    def meeting_file(self) -> str:
        """Whole-meeting minutes: council line, heading, attendance, then numbered items."""
        rng = self.rng
        d = self.date
        weekday = v.WEEKDAYS[d.weekday()]
        month = v.MONTHS[d.month - 1]
        time_of_day = rng.choice(("6.00 pm", "6.30 pm", "7.00 pm", "10.00 am", "2.00 pm"))
        council = self.c.council.upper() if rng.random() < 0.2 else self.c.council
        if rng.random() < 0.5:
            heading = (
                f"{self.c.name} - {weekday}, {d.day}{ordinal_suffix(d.day)} {month}, {d.year}"
                f" {time_of_day}"
            )
        else:
            heading = (
                f"MINUTES of a meeting of the {self.c.name} held on {d.day} {month} {d.year}"
                f" at {time_of_day}"
            )
        chair, vice, *others = self.members
        lines = [council, "", heading, ""]
        lines += [
            "Present:",
            "",
            f"Councillor {chair} (Chairman)",
            f"Councillor {vice} (Vice-Chairman)",
            "Councillors " + ", ".join(others[:-1]) + f" and {others[-1]}",
            "",
        ]
        n_procedural = 3 if self.plan.items >= 8 else 2
        n_closing = 2 if self.plan.items >= 10 else 1
        n_substantive = self.plan.items - n_procedural - n_closing
        items = self.procedural_items()[:n_procedural]
        for _ in range(n_substantive):
            topic, title = self.topic_title()
            items.append((title, self.substantive_body(topic, self.officer())))
        items += self.closing_items()[:n_closing]
        wrap = rng.random() < 0.15
        for ordinal, (title, paragraphs) in enumerate(items):
            lines.append(f"{self.item_number(ordinal)} {self.title_case(title)}")
            lines.append("")
            for paragraph in paragraphs:
                lines.append(hard_wrap(paragraph) if wrap else paragraph)
                lines.append("")
        return "\n".join(lines)

    def page_files(self) -> list[str]:
        return [self.page(ordinal) for ordinal in range(self.plan.items)]

    def page(self, ordinal: int) -> str:
        """A ModernGov "Agenda item" page saved as text (three layouts seen in the wild)."""
        rng = self.rng
        topic, title = self.topic_title()
        officer = self.officer()
        body = self.substantive_body(topic, officer)
        number = self.item_number(ordinal).rstrip(".").lstrip("*")
        d = self.date
        front = f"---\ncouncil: {self.c.council}\nbody: {self.c.name}\ndate: {d.isoformat()}\n---\n"
        layout = rng.random()
        if layout < 0.2:  # the compact layout: "63 Title PDF 85 KB", no blank lines
            head = [
                f"{number} {title} PDF {rng.randint(40, 900)} KB",
                f"To consider a report of the {officer}.",
                "Minutes:",
            ]
            return front + "\n".join(head + [hard_wrap(p) for p in body]) + "\n"
        meeting_line = f"Meeting: {d.strftime('%d/%m/%Y')} - {self.c.name} (Item {number})"
        head = ["Agenda item", "", title, "", meeting_line, ""]
        if rng.random() < 0.3:
            head = ["Agendas, Meetings and Minutes - Agenda item", "", *head]
        head += [f"To consider a report of the {officer}.", "", "Minutes:", ""]
        separator = f"\n\n{NBSP_LINE}\n\n" if layout < 0.7 else "\n\n"
        text = "\n".join(head) + "\n" + separator.join(body) + "\n\nSupporting documents:\n"
        return (front if rng.random() < 0.6 else "") + text


def hard_wrap(paragraph: str) -> str:
    """Wrap each line at 72 columns, as text copied from a printed page is."""
    return "\n".join(
        line
        if len(line) <= 72
        else textwrap.fill(line, width=72, break_on_hyphens=False, break_long_words=False)
        for line in paragraph.split("\n")
    )


# ---- resolution styles ------------------------------------------------------------------


def _letters(clauses: list[str], fmt: Callable[[int], str]) -> list[str]:
    lines = []
    for k, clause in enumerate(clauses):
        end = "; and" if k == len(clauses) - 2 else (";" if k < len(clauses) - 1 else ".")
        lines.append(f"{fmt(k)} {clause}{end}")
    return lines


def _roman(k: int) -> str:
    return ("i", "ii", "iii", "iv", "v", "vi")[k]


def _single(lead: str) -> Callable[[MeetingWriter, list[str]], str]:
    def style(_: MeetingWriter, clauses: list[str]) -> str:
        return f"{lead} " + ", and that ".join(clauses) + "."

    return style


def _listed(lead: str, fmt: Callable[[int], str]) -> Callable[[MeetingWriter, list[str]], str]:
    def style(_: MeetingWriter, clauses: list[str]) -> str:
        if len(clauses) == 1:
            return f"{lead} {clauses[0]}."
        return lead + "\n" + "\n".join(_letters(clauses, fmt))

    return style


def _board(w: MeetingWriter, clauses: list[str]) -> str:
    lines = ["RESOLVED –", "", f"The {w.c.name}:", ""]
    first, *rest = clauses
    lines.append(f"a)  {first[0].upper()}{first[1:]}.")
    lines += [f"{chr(98 + k)})  That {clause}." for k, clause in enumerate(rest)]
    return "\n".join(lines)


def _recommended(_: MeetingWriter, clauses: list[str]) -> str:
    return "RECOMMENDED – That the Executive be advised that " + "; and that ".join(clauses) + "."


RESOLUTION_STYLES: tuple[Callable[[MeetingWriter, list[str]], str], ...] = (
    _listed("RESOLVED – That", lambda k: f"({chr(97 + k)})"),
    _single("RESOLVED: that"),
    _single("AGREED that"),
    _listed("Resolved:-", lambda k: f"{k + 1}."),
    _recommended,
    _listed("RESOLVED that", lambda k: f"({_roman(k)})"),
    _listed("The Committee resolved:-", lambda k: f"{chr(97 + k)})"),
    _single("RESOLVED – That"),
    _board,
)


# ---- running ----------------------------------------------------------------------------


def write_meetings(out: str, seed: int, plans: list[MeetingPlan]) -> list[FileEntry]:
    """Write a batch of meetings (run in a worker process); return what was written."""
    pool = build_sentence_pool(seed)
    root = Path(out) / MINUTES
    entries = []
    made: set[str] = set()
    for plan in plans:
        writer = MeetingWriter(plan, pool)
        folder = root / plan.folder
        if plan.folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(plan.folder)
        stem = f"{writer.date.isoformat()}-m{plan.index:06d}"
        if plan.as_pages:
            texts = [(f"{stem}-item{k + 1:02d}.txt", t) for k, t in enumerate(writer.page_files())]
        else:
            texts = [(f"{stem}.txt", writer.meeting_file())]
        for name, text in texts:
            (folder / name).write_text(text, encoding="utf-8")
            entries.append(
                FileEntry(
                    path=f"{plan.folder}/{name}",
                    items=1 if plan.as_pages else plan.items,
                    kind="page" if plan.as_pages else "meeting",
                    council=plan.committee.council,
                    committee=plan.committee.name,
                    date=writer.date.isoformat(),
                )
            )
    return entries


def batches(plans: list[MeetingPlan], size: int) -> Iterable[list[MeetingPlan]]:
    for start in range(0, len(plans), size):
        yield plans[start : start + size]


def make_corpus(n_items: int, out: Path, seed: int = 1, jobs: int | None = None) -> dict:
    """Write the corpus and its manifest; return the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    plans = plan_meetings(n_items, seed)
    jobs = jobs or os.cpu_count() or 1
    chunks = list(batches(plans, 200))
    entries: list[FileEntry] = []
    if jobs == 1 or len(chunks) == 1:
        for chunk in chunks:
            entries += write_meetings(str(out), seed, chunk)
    else:
        with ProcessPoolExecutor(jobs) as pool:
            results = pool.map(
                write_meetings, [str(out)] * len(chunks), [seed] * len(chunks), chunks
            )
            for written in results:
                entries += written
    manifest = {
        "n_items": n_items,
        "seed": seed,
        "root": MINUTES,
        "meetings": len(plans),
        "files": [asdict(e) for e in entries],
    }
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="agenda items to write")
    parser.add_argument("out", type=Path, help="folder to write into")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    started = time.perf_counter()
    manifest = make_corpus(args.n, args.out, args.seed, args.jobs)
    size = sum((args.out / MINUTES / f["path"]).stat().st_size for f in manifest["files"])
    print(
        f"{args.n} items in {len(manifest['files'])} files ({manifest['meetings']} meetings), "
        f"{size / 1e6:.1f} MB, {size / args.n / 1000:.1f} KB/item, "
        f"{time.perf_counter() - started:.1f} s -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
