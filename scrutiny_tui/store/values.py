"""How values are written to and read from the store's columns.

Timestamps are stored as naive UTC text (``YYYY-MM-DD HH:MM:SS.ffffff``), the form the
first versions wrote, so rows from any version compare and sort alike; they are read back
as aware UTC datetimes.
"""

from __future__ import annotations

from datetime import UTC, datetime


def db_time(value: datetime) -> str:
    """``value`` as stored: naive UTC with microseconds (the year always four digits, which
    ``strftime`` does not promise before the year 1000)."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(sep=" ", timespec="microseconds")


def read_time(value: object) -> datetime | None:
    """A stored timestamp (any form a version wrote) as an aware UTC datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        when = value
    else:
        text = str(value)
        year, dash, rest = text.partition("-")
        if dash and year.isdigit() and len(year) < 4:  # as an early version wrote year 1
            text = f"{int(year):04d}-{rest}"
        when = datetime.fromisoformat(text)
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def now_utc() -> datetime:
    return datetime.now(UTC)
