"""How values are written to and read from the store's columns.

Timestamps are stored as naive UTC text (``YYYY-MM-DD HH:MM:SS.ffffff``), the form the
first versions wrote, so rows from any version compare and sort alike; they are read back
as aware UTC datetimes.
"""

from __future__ import annotations

from datetime import UTC, datetime


def db_time(value: datetime) -> str:
    """``value`` as stored: naive UTC with microseconds."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def read_time(value: object) -> datetime | None:
    """A stored timestamp (any form a version wrote) as an aware UTC datetime."""
    if value is None or value == "":
        return None
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def now_utc() -> datetime:
    return datetime.now(UTC)
