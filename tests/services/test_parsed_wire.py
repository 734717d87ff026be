"""A parsed document packed for the trip from a parse worker comes back as it went, without
its discussion points (which the store does not keep)."""

from __future__ import annotations

import dataclasses
import pickle

from scrutiny_tui.extract import load_document
from scrutiny_tui.parser import parse_text
from scrutiny_tui.services.parsed_wire import pack, unpack


def without_points(parsed):
    items = [dataclasses.replace(item, points=[]) for item in parsed.items]
    return dataclasses.replace(parsed, items=items)


def test_every_seed_comes_back_as_it_went(seed_paths):
    for path in seed_paths:
        doc = load_document(path)
        parsed = parse_text(doc.text, source=str(path), sha256=doc.sha256, format=doc.format)
        assert parsed.items and any(i.points for i in parsed.items)
        returned = unpack(pickle.loads(pickle.dumps(pack(parsed))))
        assert returned == without_points(parsed)
        assert all(not item.points for item in returned.items)


def test_people_without_a_place_in_the_text_keep_their_words():
    text = (
        "Minutes\n\nPresent: Councillor A Smith (Chair)\n\n1. Budget\n\nRESOLVED: That it be noted."
    )
    parsed = parse_text(text, source="m.txt")
    person = parsed.meeting.present[0]
    parsed.meeting.present[0] = dataclasses.replace(person, span=None, source="as read")
    assert unpack(pack(parsed)) == without_points(parsed)
