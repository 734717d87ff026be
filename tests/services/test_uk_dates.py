"""UK dates as a member types them: day first, stored as ISO, anything else refused."""

from __future__ import annotations

from datetime import date

import pytest

from scrutiny_tui.services.uk_dates import DateError, iso_date, parse_uk_date


@pytest.mark.parametrize(
    "typed",
    [
        "12/03/2015",
        "12-03-2015",
        "12.03.2015",
        "12 March 2015",
        "12 march 2015",
        "12 Mar 2015",
        "12 Mar. 2015",
        "12th March 2015",
        "12 MARCH 2015",
        "2015-03-12",
        "  12  March   2015 ",
    ],
)
def test_each_uk_form_is_12_march(typed):
    assert parse_uk_date(typed) == date(2015, 3, 12)


def test_numbers_are_read_day_first():
    assert parse_uk_date("03/12/2015") == date(2015, 12, 3)
    assert parse_uk_date("3/2/2015") == date(2015, 2, 3)
    assert parse_uk_date("1 Sept 2016") == date(2016, 9, 1)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("March 2015", "Not a date"),
        ("next Tuesday", "Not a date"),
        ("12/03/15", "year in full"),
        ("31/02/2015", "no such day"),
        ("12/13/2015", "no such day"),
        ("12 Marchember 2015", "not a month"),
        ("2015/03/12", "Not a date"),
        ("12/03-2015", "Not a date"),
    ],
)
def test_anything_else_is_refused_with_a_reason(typed, says):
    with pytest.raises(DateError, match=says):
        parse_uk_date(typed)


def test_iso_date_keeps_blank_as_none():
    assert iso_date("") is None
    assert iso_date("   ") is None
    assert iso_date("12 Mar 2015") == "2015-03-12"
